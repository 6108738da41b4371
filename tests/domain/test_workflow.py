"""The pipeline: allowed moves, paths, and the funnel's notion of a step reached."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from portfolio_desktop.domain.enums import ProjectStatus as S
from portfolio_desktop.domain.workflow import allowed_transitions, can_transition, path_to, reached


def test_the_documented_pipeline() -> None:
    assert allowed_transitions(S.DRAFT) == (S.SUBMITTED, S.ABANDONED)
    assert allowed_transitions(S.EVALUATED) == (S.LABELLED, S.NOT_LABELLED, S.ABANDONED)
    assert allowed_transitions(S.LABELLED) == (S.FUNDED, S.NOT_FUNDED, S.ABANDONED)
    assert allowed_transitions(S.RUNNING) == (S.CLOSED, S.ABANDONED)
    for final in (S.NOT_LABELLED, S.NOT_FUNDED, S.CLOSED, S.ABANDONED):
        assert allowed_transitions(final) == ()
    assert not can_transition(S.DRAFT, S.FUNDED)
    assert not can_transition(S.SUBMITTED, S.LABELLED)


@given(st.sampled_from(list(S)), st.sampled_from(list(S)))
def test_abandoned_reachable_exactly_from_open_steps(current: S, target: S) -> None:
    if target is S.ABANDONED:
        assert can_transition(current, target) == current.is_open


@given(st.sampled_from([s for s in S if s is not S.DRAFT]))
def test_every_path_follows_allowed_moves(target: S) -> None:
    previous = S.DRAFT
    for step in path_to(target):
        assert can_transition(previous, step), (previous, step)
        previous = step
    assert previous is target


def test_reached_for_the_funnel() -> None:
    assert reached(S.CLOSED, S.LABELLED)
    assert reached(S.NOT_FUNDED, S.LABELLED)
    assert not reached(S.NOT_LABELLED, S.LABELLED)
    assert reached(S.NOT_LABELLED, S.EVALUATED)
    assert not reached(S.SUBMITTED, S.EVALUATED)

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


def test_the_furthest_step_follows_the_history_not_the_status() -> None:
    from datetime import date

    from portfolio_desktop.domain.workflow import StatusMove, furthest_rank

    history = [
        StatusMove(S.DRAFT.value, step.value, "demo")
        for step in (S.SUBMITTED, S.EVALUATED, S.LABELLED, S.FUNDED, S.RUNNING, S.ABANDONED)
    ]
    assert furthest_rank(S.ABANDONED, history) == 4  # funded, then abandoned: counts as funded
    assert furthest_rank(S.ABANDONED, history[:1] + history[-1:]) == 1
    # Imported as abandoned, without a history: the dates say how far it went.
    assert furthest_rank(S.ABANDONED, (), {"labelling_decided_on": date(2020, 1, 1)}) == 3
    assert furthest_rank(S.NOT_LABELLED) == 2 and furthest_rank(S.CLOSED) == 4
    assert furthest_rank("peut-être") == 0
    # Moved back by an import: it did reach funding.
    assert furthest_rank(S.DRAFT, [StatusMove(None, S.FUNDED.value, "import:3")]) == 4


def test_an_undone_move_is_not_a_step_reached() -> None:
    from portfolio_desktop.domain.workflow import StatusMove, furthest_rank, standing_moves

    labelled = StatusMove("evaluated", "labelled")
    funded = StatusMove("labelled", "funded")
    undo = StatusMove("funded", "labelled", "undo")
    assert standing_moves([labelled, funded, undo]) == [labelled]
    assert furthest_rank(S.LABELLED, [labelled, funded, undo]) == 3
    # Redone after the undo: it stands.
    assert furthest_rank(S.FUNDED, [labelled, funded, undo, funded]) == 4

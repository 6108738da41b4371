"""A project's life: which step may follow which, which date each step stamps, how far it went.

How far a project went (`furthest_rank`) is read from its status history, not from its status: a
project abandoned after its funding decision still counts as funded in the funnel.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .enums import ProjectStatus as S

#: The pipeline's forward moves; `abandoned` is reachable from every open step (added below).
_FORWARD: dict[S, tuple[S, ...]] = {
    S.DRAFT: (S.SUBMITTED,),
    S.SUBMITTED: (S.EVALUATED,),
    S.EVALUATED: (S.LABELLED, S.NOT_LABELLED),
    S.LABELLED: (S.FUNDED, S.NOT_FUNDED),
    S.FUNDED: (S.RUNNING,),
    S.RUNNING: (S.CLOSED,),
    S.NOT_LABELLED: (),
    S.NOT_FUNDED: (),
    S.CLOSED: (),
    S.ABANDONED: (),
}

#: The project field each step stamps with its date.
STEP_DATE_FIELD: dict[S, str] = {
    S.SUBMITTED: "submitted_on",
    S.EVALUATED: "evaluated_on",
    S.LABELLED: "labelling_decided_on",
    S.NOT_LABELLED: "labelling_decided_on",
    S.FUNDED: "funding_decided_on",
    S.NOT_FUNDED: "funding_decided_on",
    S.RUNNING: "start_on",
    S.CLOSED: "closed_on",
    S.ABANDONED: "abandoned_on",
}

#: Dates of the pipeline that must come in this order when present.
ORDERED_STEP_FIELDS: tuple[str, ...] = (
    "submitted_on",
    "evaluated_on",
    "labelling_decided_on",
    "funding_decided_on",
)


def allowed_transitions(status: S) -> tuple[S, ...]:
    """The steps a project at `status` may move to, in pipeline order."""
    forward = _FORWARD[status]
    return (*forward, S.ABANDONED) if status.is_open else forward


def can_transition(current: S, target: S) -> bool:
    """True when the pipeline allows moving from `current` to `target`."""
    return target in allowed_transitions(current)


def path_to(target: S) -> tuple[S, ...]:
    """The steps a project goes through from draft to `target` (target included, draft excluded).

    Used by the demo generator and by imports, which record how a project reached its status.
    `abandoned` is reached from submission here.
    """
    if target is S.DRAFT:
        return ()
    if target is S.ABANDONED:
        return (S.SUBMITTED, S.ABANDONED)
    chain = {
        S.SUBMITTED: (S.SUBMITTED,),
        S.EVALUATED: (S.SUBMITTED, S.EVALUATED),
        S.LABELLED: (S.SUBMITTED, S.EVALUATED, S.LABELLED),
        S.NOT_LABELLED: (S.SUBMITTED, S.EVALUATED, S.NOT_LABELLED),
        S.FUNDED: (S.SUBMITTED, S.EVALUATED, S.LABELLED, S.FUNDED),
        S.NOT_FUNDED: (S.SUBMITTED, S.EVALUATED, S.LABELLED, S.NOT_FUNDED),
        S.RUNNING: (S.SUBMITTED, S.EVALUATED, S.LABELLED, S.FUNDED, S.RUNNING),
        S.CLOSED: (S.SUBMITTED, S.EVALUATED, S.LABELLED, S.FUNDED, S.RUNNING, S.CLOSED),
    }
    return chain[target]


def reached(status: S, step: S) -> bool:
    """True when a project at `status` has passed through `step` (for the pipeline funnel)."""
    if status is S.ABANDONED:
        return step in (S.SUBMITTED, S.ABANDONED)
    return step in path_to(status) or step is status


# -- how far a project went (the funnel) ------------------------------------------------------------

#: The funnel's steps, in order; rank n (1–4) means "reached FUNNEL_STEPS[n - 1]".
FUNNEL_STEPS: tuple[S, ...] = (S.SUBMITTED, S.EVALUATED, S.LABELLED, S.FUNDED)

#: How far along the funnel each status is (0 = not submitted, 4 = funded). A status implies the
#: steps before it: not labelled implies evaluated, not funded implies labelled, running and closed
#: imply funded. `abandoned` implies only submission: its dates and history say more.
STEP_RANK: dict[S, int] = {
    S.DRAFT: 0,
    S.SUBMITTED: 1,
    S.ABANDONED: 1,
    S.EVALUATED: 2,
    S.NOT_LABELLED: 2,
    S.LABELLED: 3,
    S.NOT_FUNDED: 3,
    S.FUNDED: 4,
    S.RUNNING: 4,
    S.CLOSED: 4,
}

#: The `status_change.source` of a move that undoes an earlier one (`services.portfolio`).
UNDO_SOURCE = "undo"


def status_rank(status: str | S) -> int:
    """The funnel rank a status implies; 0 for a code that is not a status."""
    try:
        return STEP_RANK[S(status)]
    except ValueError:
        return 0


def abandoned_rank(
    *,
    evaluated_on: date | None,
    labelling_decided_on: date | None,
    funding_decided_on: date | None,
) -> int:
    """What an abandoned project's step dates say it reached before it was abandoned.

    The steps after a final one cannot be reached, so the dates are unambiguous: a funding decision
    on an abandoned project was a funding (not funded is final), a labelling decision a label.
    """
    if funding_decided_on is not None:
        return STEP_RANK[S.FUNDED]
    if labelling_decided_on is not None:
        return STEP_RANK[S.LABELLED]
    if evaluated_on is not None:
        return STEP_RANK[S.EVALUATED]
    return STEP_RANK[S.SUBMITTED]


@dataclass(frozen=True, slots=True)
class StatusMove:
    """One row of a project's status history (`status_change`), in the order it was written."""

    from_status: str | None
    to_status: str
    source: str = "form"


def standing_moves(moves: Sequence[StatusMove]) -> list[StatusMove]:
    """The moves that were not undone, in order.

    An undo writes a move back from the undone step (source `undo`, from X); it cancels every
    earlier move that went to X. Undo moves themselves stand for nothing. The storage layer holds
    the same rule in SQL (`storage.dashboard_queries.standing_move`); a test keeps them equal.
    """
    standing: list[StatusMove] = []
    for index, move in enumerate(moves):
        if move.source == UNDO_SOURCE:
            continue
        undone = any(
            later.source == UNDO_SOURCE and later.from_status == move.to_status
            for later in moves[index + 1 :]
        )
        if not undone:
            standing.append(move)
    return standing


def furthest_rank(
    status: str | S, moves: Sequence[StatusMove] = (), dates: Mapping[str, date | None] = {}
) -> int:
    """The furthest funnel step (rank 0–4) a project reached: its status, its standing history and,
    for an abandoned project, its step dates (a project imported as abandoned has no history)."""
    rank = status_rank(status)
    if status == S.ABANDONED.value:
        rank = max(
            rank,
            abandoned_rank(
                evaluated_on=dates.get("evaluated_on"),
                labelling_decided_on=dates.get("labelling_decided_on"),
                funding_decided_on=dates.get("funding_decided_on"),
            ),
        )
    for move in standing_moves(moves):
        rank = max(rank, status_rank(move.to_status))
    return rank


def statuses_from_rank(rank: int) -> tuple[S, ...]:
    """The statuses that imply at least `rank` by themselves (abandoned only for rank ≤ 1)."""
    return tuple(s for s in S if STEP_RANK[s] >= rank)


# -- a project entering the pipeline at a step (an import, a form with a historic status) -----------


def entry_path(target: S, dates: Mapping[str, date | None] = {}) -> tuple[S, ...]:
    """The steps a new project went through to stand at `target` (draft excluded, target included).

    The pipeline's own path, except for `abandoned`, whose steps before abandonment are what its
    dates show (a funded-then-abandoned project went through labelling and funding; it went
    through `running` when its start came before its abandonment).
    """
    if target is not S.ABANDONED:
        return path_to(target)
    rank = abandoned_rank(
        evaluated_on=dates.get("evaluated_on"),
        labelling_decided_on=dates.get("labelling_decided_on"),
        funding_decided_on=dates.get("funding_decided_on"),
    )
    steps: tuple[S, ...] = path_to(FUNNEL_STEPS[rank - 1])
    start, abandoned = dates.get("start_on"), dates.get("abandoned_on")
    if steps[-1] is S.FUNDED and start is not None and (abandoned is None or start <= abandoned):
        steps = (*steps, S.RUNNING)
    return (*steps, S.ABANDONED)


def steps_between(
    current: S | None, target: S, dates: Mapping[str, date | None] = {}
) -> tuple[S, ...]:
    """The steps a move from `current` (None: a new project) to `target` passes through, `target`
    included: the part of `target`'s entry path after `current` (all of it when `current` is not
    on that path, as for a move backwards or across branches)."""
    path = entry_path(target, dates)
    if current is None or current not in path:
        return path
    return path[path.index(current) + 1 :]


def step_dates(steps: Iterable[S]) -> tuple[str, ...]:
    """The date fields the steps stamp, in order, each once."""
    fields: list[str] = []
    for step in steps:
        name = STEP_DATE_FIELD.get(step)
        if name is not None and name not in fields:
            fields.append(name)
    return tuple(fields)


def status_step_date(status: str, values: Mapping[str, object]) -> date | None:
    """The date an imported status was reached, when the row gives it (its step's date; the
    submission date for a status that stamps none)."""
    try:
        field_name = STEP_DATE_FIELD.get(S(status))
    except ValueError:
        return None
    value = values.get(field_name) if field_name else values.get("submitted_on")
    return value if isinstance(value, date) else None

"""A project's life: which step may follow which, and which date each step stamps."""

from __future__ import annotations

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

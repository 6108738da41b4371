"""How far each project went along the funnel, in SQL: the same definition as
`domain.workflow.furthest_rank` (a test holds them equal on the demo).

A project's furthest step is the highest of three ranks: the one its status implies, the one an
abandoned project's step dates imply, and the one of every move of its status history that was
not undone (`status_change` rows; an undo writes a move back *from* the undone step, source
`undo`, which cancels every earlier move *to* that step). A project funded, then abandoned,
counts as funded. Portable SQL only.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..domain.enums import ProjectStatus
from ..domain.workflow import FUNNEL_STEPS, STEP_RANK, UNDO_SOURCE, statuses_from_rank
from .tables import Project, StatusChange

I64 = npt.NDArray[np.int64]


def rank_of(column: Any) -> Any:
    """The funnel rank (0–4) a status column implies; 0 for a code that is not a status."""
    return case({s.value: rank for s, rank in STEP_RANK.items()}, value=column, else_=0)


def own_rank() -> Any:
    """The rank a project's row implies by itself: its status's, or for an abandoned project what
    its step dates show (`domain.workflow.abandoned_rank`)."""
    return case(
        (
            Project.status == ProjectStatus.ABANDONED.value,
            case(
                (Project.funding_decided_on.is_not(None), STEP_RANK[ProjectStatus.FUNDED]),
                (Project.labelling_decided_on.is_not(None), STEP_RANK[ProjectStatus.LABELLED]),
                (Project.evaluated_on.is_not(None), STEP_RANK[ProjectStatus.EVALUATED]),
                else_=STEP_RANK[ProjectStatus.SUBMITTED],
            ),
        ),
        else_=rank_of(Project.status),
    )


def standing_move() -> ColumnElement[bool]:
    """`status_change` rows that were not undone (`domain.workflow.standing_moves`)."""
    undo = aliased(StatusChange)
    return and_(
        StatusChange.source != UNDO_SOURCE,
        ~exists().where(
            undo.project_id == StatusChange.project_id,
            undo.source == UNDO_SOURCE,
            undo.from_status == StatusChange.to_status,
            undo.id > StatusChange.id,
        ),
    )


def reached_condition(step: str) -> ColumnElement[bool]:
    """Projects whose furthest step is `step` (a funnel step code) or beyond."""
    rank = FUNNEL_STEPS.index(ProjectStatus(step)) + 1
    statuses = [s.value for s in statuses_from_rank(rank)]
    moved = (
        select(StatusChange.project_id)
        .where(StatusChange.to_status.in_(statuses), standing_move())
        .distinct()
    )
    return or_(own_rank() >= rank, Project.id.in_(moved))


def _pairs(session: Session, statement: Any) -> npt.NDArray[Any]:
    cursor = session.connection().execute(statement).cursor
    assert cursor is not None
    return np.fromiter(
        (tuple(r) for r in cursor.fetchall()),
        dtype=np.dtype([("id", np.int64), ("r", np.int64)]),
    )


def raise_by_history(session: Session, ranks: I64) -> None:
    """Raises `ranks` (indexed by project id) to what each project's standing history reached.

    Without any undo in the table every move stands, and the correlated test is skipped (it
    costs about half a second at national scale).
    """
    undone = session.scalar(
        select(StatusChange.id).where(StatusChange.source == UNDO_SOURCE).limit(1)
    )
    moved = select(StatusChange.project_id, func.max(rank_of(StatusChange.to_status)))
    if undone is not None:
        moved = moved.where(standing_move())
    rows = _pairs(session, moved.group_by(StatusChange.project_id))
    inside = rows["id"] < len(ranks)
    np.maximum.at(ranks, rows["id"][inside], rows["r"][inside])


def furthest_ranks(session: Session, size: int) -> I64:
    """Every project's furthest rank, indexed by project id (`size` = the largest id + 1)."""
    ranks = np.zeros(size, dtype=np.int64)
    rows = _pairs(session, select(Project.id, own_rank()))
    inside = rows["id"] < size
    ranks[rows["id"][inside]] = rows["r"][inside]
    raise_by_history(session, ranks)
    return ranks

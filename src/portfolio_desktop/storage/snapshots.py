"""Snapshots: the figures of a portfolio frozen under a name, and the queries that compute them.

Amounts are integer cents (« Aide accordée »: grants, as the dashboard's headline); a domain's
share is the exact sum of granted × percent, rounded once to the cent.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.enums import Instrument, ProjectStatus
from ..domain.workflow import FUNNEL_STEPS, STEP_RANK
from . import tables as t
from .analytics import portfolio_totals
from .funnel import furthest_ranks

FUNDED_RANK = STEP_RANK[ProjectStatus.FUNDED]


@dataclass(frozen=True, slots=True)
class PoleFigures:
    """One pole's line: projects, projects funded (furthest step), grants, total budget."""

    projects: int = 0
    funded: int = 0
    granted_cents: int = 0
    budget_cents: int = 0


@dataclass(frozen=True, slots=True)
class SnapshotFigures:
    """What a snapshot keeps: headline figures and their breakdowns."""

    projects: int
    funded: int
    granted_cents: int
    budget_cents: int
    by_status: dict[str, int]
    by_pole: dict[str, PoleFigures]
    by_domain: dict[str, int]
    by_funder: dict[str, int]
    by_year: dict[str, int]
    funnel: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SnapshotFigures:
        raw: dict[str, Any] = json.loads(text)
        raw["by_pole"] = {name: PoleFigures(**v) for name, v in raw["by_pole"].items()}
        return cls(**raw)


@dataclass(frozen=True, slots=True)
class SnapshotRow:
    """A stored snapshot."""

    id: int
    name: str
    as_of: date
    taken_at: datetime
    taken_by: str
    figures: SnapshotFigures


def _round_cp(cent_percent: int) -> int:
    return int((Decimal(cent_percent) / 100).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def compute_figures(session: Session) -> SnapshotFigures:
    """The figures of the portfolio the session reads (a live one or an as-of copy)."""
    grants = [Instrument.GRANT.value]
    totals = portfolio_totals(session, grants)
    size = int(session.scalar(select(func.coalesce(func.max(t.Project.id), 0))) or 0) + 1
    ranks = furthest_ranks(session, size)
    p = t.table_of(t.Project)
    rows = session.execute(
        select(p.c.id, t.Cluster.name, p.c.total_budget_cents).join(
            t.Cluster, t.Cluster.id == p.c.cluster_id
        )
    ).all()
    poles: dict[str, list[int]] = {}
    for pid, name, budget in rows:
        line = poles.setdefault(name, [0, 0, 0, 0])
        line[0] += 1
        line[1] += int(ranks[pid] >= FUNDED_RANK)
        line[3] += int(budget or 0)
    f = t.table_of(t.FundingLine)
    for name, granted in session.execute(
        select(t.Cluster.name, func.coalesce(func.sum(f.c.granted_cents), 0))
        .select_from(f)
        .join(p, p.c.id == f.c.project_id)
        .join(t.Cluster, t.Cluster.id == p.c.cluster_id)
        .where(f.c.instrument.in_(grants))
        .group_by(t.Cluster.name)
    ):
        poles.setdefault(name, [0, 0, 0, 0])[2] = int(granted or 0)
    return SnapshotFigures(
        projects=totals.projects,
        funded=int(np.count_nonzero(ranks >= FUNDED_RANK)),
        granted_cents=totals.funding_total_cents,
        budget_cents=totals.budget_total_cents,
        by_status=dict(sorted(totals.projects_by_status.items())),
        by_pole={name: PoleFigures(*values) for name, values in sorted(poles.items())},
        by_domain={
            name: _round_cp(cp) for name, cp in totals.funding_by_domain_cent_percent.items()
        },
        by_funder=dict(totals.funding_by_funder_cents),
        by_year={str(y): c for y, c in totals.funding_by_year_cents.items()},
        funnel={step.value: totals.funnel.get(step.value, 0) for step in FUNNEL_STEPS},
    )


def store(
    session: Session, name: str, as_of: date, at: datetime, user: str, figures: SnapshotFigures
) -> int:
    return t.insert_id(
        session,
        t.Snapshot,
        {
            "name": name,
            "as_of": as_of,
            "taken_at": at,
            "taken_by": user[:100],
            "figures": figures.to_json(),
        },
    )


def name_taken(session: Session, name: str) -> bool:
    return session.scalar(select(t.Snapshot.id).where(t.Snapshot.name == name)) is not None


def read_all(session: Session) -> list[SnapshotRow]:
    s = t.table_of(t.Snapshot)
    return [
        SnapshotRow(i, n, a, at, by, SnapshotFigures.from_json(fig))
        for i, n, a, at, by, fig in session.execute(
            select(s.c.id, s.c.name, s.c.as_of, s.c.taken_at, s.c.taken_by, s.c.figures).order_by(
                s.c.as_of, s.c.id
            )
        )
    ]


def delete(session: Session, name: str) -> bool:
    from sqlalchemy import delete as sql_delete

    result = session.execute(sql_delete(t.Snapshot).where(t.Snapshot.name == name))
    return bool(result.rowcount)  # type: ignore[attr-defined]

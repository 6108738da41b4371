"""Aggregate queries over the portfolio: counts and sums computed by the database, in cents.

Portable SQL only (SQLite and PostgreSQL). Domain sums are returned in cent-percent units (the
exact sum of `granted × percent`), so that callers round once per domain, not once per line.
The funding sums are of the instruments asked for (« Aide accordée »: grants); the total of every
instrument comes apart, per instrument.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.workflow import FUNNEL_STEPS
from .funnel import furthest_ranks
from .tables import Domain, Funder, FundingLine, Organisation, Participation, Project, ProjectDomain


@dataclass(frozen=True, slots=True)
class PortfolioTotals:
    """The raw figures behind `portfolio-desktop stats`."""

    projects: int
    projects_by_status: dict[str, int]
    organisations: int
    participations: int
    funding_lines: int
    funding_total_cents: int
    budget_total_cents: int
    funding_by_year_cents: dict[int, int]
    funding_by_domain_cent_percent: dict[str, int]
    funding_by_funder_cents: dict[str, int]
    funding_by_instrument_cents: dict[str, int]
    #: Projects whose furthest funnel step is each step or beyond, in funnel order.
    funnel: dict[str, int]


def _count(session: Session, column: object) -> int:
    return int(session.scalar(select(func.count()).select_from(column)) or 0)  # type: ignore[arg-type]


def portfolio_totals(session: Session, instruments: Sequence[str]) -> PortfolioTotals:
    """The stats' figures; funding sums over the lines of `instruments`."""
    granted = func.coalesce(func.sum(FundingLine.granted_cents), 0)
    chosen = FundingLine.instrument.in_(list(instruments))
    by_status = {
        status: int(count)
        for status, count in session.execute(
            select(Project.status, func.count()).group_by(Project.status)
        )
    }
    by_year = {
        int(year or 0): int(total or 0)
        for year, total in session.execute(
            select(FundingLine.year, granted)
            .where(FundingLine.year.is_not(None), chosen)
            .group_by(FundingLine.year)
            .order_by(FundingLine.year)
        )
    }
    by_domain = {
        name: int(total or 0)
        for name, total in session.execute(
            select(
                Domain.name,
                func.coalesce(func.sum(FundingLine.granted_cents * ProjectDomain.percent), 0),
            )
            .select_from(FundingLine)
            .join(ProjectDomain, ProjectDomain.project_id == FundingLine.project_id)
            .join(Domain, Domain.id == ProjectDomain.domain_id)
            .where(chosen)
            .group_by(Domain.name)
            .order_by(Domain.name)
        )
    }
    by_funder = {
        name: int(total or 0)
        for name, total in session.execute(
            select(Funder.name, granted)
            .select_from(FundingLine)
            .join(Funder, Funder.id == FundingLine.funder_id)
            .where(chosen)
            .group_by(Funder.name)
            .order_by(Funder.name)
        )
    }
    by_instrument = {
        str(code): int(total or 0)
        for code, total in session.execute(
            select(FundingLine.instrument, granted).group_by(FundingLine.instrument)
        )
    }
    size = int(session.scalar(select(func.coalesce(func.max(Project.id), 0))) or 0) + 1
    ranks = furthest_ranks(session, size)
    steps = {step.value: int((ranks >= rank).sum()) for rank, step in enumerate(FUNNEL_STEPS, 1)}
    return PortfolioTotals(
        projects=_count(session, Project),
        projects_by_status=by_status,
        organisations=_count(session, Organisation),
        participations=_count(session, Participation),
        funding_lines=_count(session, FundingLine),
        funding_total_cents=int(session.scalar(select(granted).where(chosen)) or 0),
        budget_total_cents=int(
            session.scalar(select(func.coalesce(func.sum(Project.total_budget_cents), 0))) or 0
        ),
        funding_by_year_cents=by_year,
        funding_by_domain_cent_percent=by_domain,
        funding_by_funder_cents=by_funder,
        funding_by_instrument_cents=by_instrument,
        funnel=steps,
    )

"""From a `ProjectFilter` to SQL conditions: the same WHERE for the table, the dashboard and exports.

Portable SQL (SQLite and PostgreSQL). Search matches every word of the folded search text against
`project.search_text` (reference, acronym, title and partner names, folded by `storage.summaries`),
through the FTS5 trigram index on SQLite (`storage.search`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, bindparam, or_, select, true

from ..domain.filters import ProjectFilter
from ..domain.text import fold
from .funnel import reached_condition
from .search import SearchTerm
from .tables import (
    Funder,
    FundingLine,
    ImportChange,
    LineYearAmount,
    Organisation,
    Participation,
    Project,
    ProjectDomain,
    ProjectRegion,
)


def submission_range(year_from: int | None, year_to: int | None) -> list[ColumnElement[bool]]:
    """The submission-year range as date bounds, so that the index on submitted_on serves it."""
    conditions: list[ColumnElement[bool]] = []
    if year_from is not None:
        conditions.append(Project.submitted_on >= date(year_from, 1, 1))
    if year_to is not None:
        conditions.append(Project.submitted_on <= date(year_to, 12, 31))
    return conditions


def search_terms(text: str) -> list[str]:
    return [word for word in fold(text).split(" ") if word]


def line_conditions(flt: ProjectFilter) -> list[ColumnElement[bool]]:
    """Conditions on `funding_line` rows (which lines count in sums)."""
    conditions: list[ColumnElement[bool]] = []
    if flt.funder_ids:
        conditions.append(FundingLine.funder_id.in_(flt.funder_ids))
    if flt.funder_kinds:
        conditions.append(
            FundingLine.funder_id.in_(select(Funder.id).where(Funder.kind.in_(flt.funder_kinds)))
        )
    if flt.instruments:
        conditions.append(FundingLine.instrument.in_(flt.instruments))
    if flt.funding_year_from is not None or flt.funding_year_to is not None:
        # A line counts in its year and, when spread over years, in each year of its spread.
        low, high = flt.funding_year_from, flt.funding_year_to
        own = [FundingLine.year >= low] if low is not None else []
        own += [FundingLine.year <= high] if high is not None else []
        spread = [LineYearAmount.year >= low] if low is not None else []
        spread += [LineYearAmount.year <= high] if high is not None else []
        conditions.append(
            or_(
                and_(*own),
                FundingLine.id.in_(select(LineYearAmount.funding_line_id).where(*spread)),
            )
        )
    return conditions


def project_conditions(flt: ProjectFilter) -> list[ColumnElement[bool]]:
    """Conditions on `project` rows for every criterion of the filter."""
    conditions: list[ColumnElement[bool]] = [SearchTerm(word) for word in search_terms(flt.search)]
    if flt.cluster_ids:
        conditions.append(Project.cluster_id.in_(flt.cluster_ids))
    if flt.statuses:
        conditions.append(Project.status.in_(flt.statuses))
    if flt.call_ids:
        conditions.append(Project.call_id.in_(flt.call_ids))
    if flt.responsible_digital is not None:
        conditions.append(Project.responsible_digital.is_(flt.responsible_digital))
    conditions += submission_range(flt.year_from, flt.year_to)
    # Criteria on related rows are semi-joins (`id IN (SELECT …)`): computed once, not per project.
    if flt.domain_ids:
        conditions.append(
            Project.id.in_(
                select(ProjectDomain.project_id).where(ProjectDomain.domain_id.in_(flt.domain_ids))
            )
        )
    if flt.regions:
        conditions.append(
            Project.id.in_(
                select(ProjectRegion.project_id).where(ProjectRegion.region.in_(flt.regions))
            )
        )
    if flt.organisation_ids:
        conditions.append(
            Project.id.in_(
                select(Participation.project_id).where(
                    Participation.organisation_id.in_(flt.organisation_ids)
                )
            )
        )
    if flt.organisation_kinds:
        conditions.append(
            Project.id.in_(
                select(Participation.project_id)
                .join(Organisation, Organisation.id == Participation.organisation_id)
                .where(Organisation.kind.in_(flt.organisation_kinds))
            )
        )
    if flt.reached:
        conditions.append(reached_condition(flt.reached))
    if flt.project_ids:
        # Rendered inline: a "to review" list may hold more ids than a statement takes parameters.
        conditions.append(
            Project.id.in_(
                bindparam(
                    "project_ids", list(flt.project_ids), expanding=True, literal_execute=True
                )
            )
        )
    if flt.incomplete:
        conditions.append(or_(*(_lacks(name) for name in flt.incomplete)))
    if flt.import_batch is not None:
        conditions.append(
            Project.id.in_(
                select(ImportChange.row_id).where(
                    ImportChange.batch_id == flt.import_batch, ImportChange.table_name == "project"
                )
            )
        )
    lines = line_conditions(flt)
    if lines:
        conditions.append(Project.id.in_(select(FundingLine.project_id).where(*lines)))
    return conditions


def _lacks(name: str) -> ColumnElement[bool]:
    """A project without its domain split, its lead partner or its budget (0 € is no budget)."""
    if name == "domains":
        return Project.id.not_in(select(ProjectDomain.project_id))
    if name == "lead":
        return Project.lead_organisation_id.is_(None)
    if name == "budget":
        return or_(Project.total_budget_cents.is_(None), Project.total_budget_cents == 0)
    raise ValueError(f"unknown field to complete: {name}")


def project_where(flt: ProjectFilter) -> ColumnElement[bool]:
    conditions = project_conditions(flt)
    return and_(*conditions) if conditions else true()

"""From a `ProjectFilter` to SQL conditions: the same WHERE for the table, the dashboard and exports.

Portable SQL (SQLite and PostgreSQL). Search matches every word of the folded search text against
`project.search_text` (reference, acronym, title and partner names, folded by `storage.summaries`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, exists, extract, func, select, true

from ..domain.filters import ProjectFilter
from ..domain.text import fold
from .tables import (
    Funder,
    FundingLine,
    Organisation,
    Participation,
    Project,
    ProjectDomain,
    ProjectRegion,
)


def submission_year() -> ColumnElement[Any]:
    """The year a project counts in for the year filter: submission, else creation."""
    return func.coalesce(extract("year", Project.submitted_on), extract("year", Project.created_at))


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
    if flt.funding_year_from is not None:
        conditions.append(FundingLine.year >= flt.funding_year_from)
    if flt.funding_year_to is not None:
        conditions.append(FundingLine.year <= flt.funding_year_to)
    return conditions


def project_conditions(flt: ProjectFilter) -> list[ColumnElement[bool]]:
    """Conditions on `project` rows for every criterion of the filter."""
    conditions: list[ColumnElement[bool]] = []
    for word in search_terms(flt.search):
        conditions.append(Project.search_text.contains(word, autoescape=True))
    if flt.cluster_ids:
        conditions.append(Project.cluster_id.in_(flt.cluster_ids))
    if flt.statuses:
        conditions.append(Project.status.in_(flt.statuses))
    if flt.call_ids:
        conditions.append(Project.call_id.in_(flt.call_ids))
    if flt.responsible_digital is not None:
        conditions.append(Project.responsible_digital.is_(flt.responsible_digital))
    if flt.year_from is not None:
        conditions.append(submission_year() >= flt.year_from)
    if flt.year_to is not None:
        conditions.append(submission_year() <= flt.year_to)
    if flt.domain_ids:
        conditions.append(
            exists().where(
                ProjectDomain.project_id == Project.id, ProjectDomain.domain_id.in_(flt.domain_ids)
            )
        )
    if flt.regions:
        conditions.append(
            exists().where(
                ProjectRegion.project_id == Project.id, ProjectRegion.region.in_(flt.regions)
            )
        )
    if flt.organisation_ids:
        conditions.append(
            exists().where(
                Participation.project_id == Project.id,
                Participation.organisation_id.in_(flt.organisation_ids),
            )
        )
    if flt.organisation_kinds:
        conditions.append(
            exists().where(
                Participation.project_id == Project.id,
                Participation.organisation_id == Organisation.id,
                Organisation.kind.in_(flt.organisation_kinds),
            )
        )
    lines = line_conditions(flt)
    if lines:
        conditions.append(exists().where(FundingLine.project_id == Project.id, *lines))
    return conditions


def project_where(flt: ProjectFilter) -> ColumnElement[bool]:
    conditions = project_conditions(flt)
    return and_(*conditions) if conditions else true()

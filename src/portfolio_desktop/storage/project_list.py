"""The projects table's queries: filtered, sorted ids in one query, rows fetched by pages of ids.

At national scale (100,000 projects) the desktop never loads every row: it asks for the ordered
ids of the projects that pass the filter (one indexed query), then fetches the visible rows by
primary key as the user scrolls. Sorting and filtering happen here, in SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from ..domain import text
from ..domain.filters import ProjectFilter
from ..domain.model import Assessment
from ..domain.responsible import maturity_level
from .project_query import project_where
from .tables import Call, Cluster, Funder, FundingLine, Project


@dataclass(frozen=True, slots=True)
class ProjectRow:
    """One line of the projects table."""

    id: int
    cluster: str
    reference: str
    acronym: str
    title: str
    status: str
    lead: str
    domains: str
    regions: str
    call: str
    start_on: date | None
    end_on: date | None
    budget_cents: int | None
    granted_cents: int
    responsible_digital: bool
    version: int
    # The optional columns (hidden until the user shows them from the header's menu).
    submitted_on: date | None = None
    evaluated_on: date | None = None
    labelling_decided_on: date | None = None
    funding_decided_on: date | None = None
    #: The project's funders, by name, in alphabetical order.
    funders: str = ""
    #: The responsible-digital maturity level (1–5), None when not assessed.
    maturity: int | None = None


#: Sortable columns: key → the SQL expression rows are ordered by (ties broken by id).
SORT_KEYS: dict[str, Any] = {
    "cluster": Project.cluster_id,
    # Text columns sort by their stored sort key (case and accents second, as in French).
    "reference": Project.reference_sort,
    "acronym": Project.acronym_sort,
    "title": Project.title_sort,
    "status": Project.status,
    "lead": Project.lead_sort,
    "domains": Project.domains_sort,
    "regions": Project.regions_sort,
    "call": Project.call_id,
    "start_on": Project.start_on,
    "end_on": Project.end_on,
    "budget": Project.total_budget_cents,
    "granted": Project.granted_cents,
    "submitted_on": Project.submitted_on,
    "evaluated_on": Project.evaluated_on,
    "labelling_decided_on": Project.labelling_decided_on,
    "funding_decided_on": Project.funding_decided_on,
}


#: Columns sorted by the name of a referenced row: the few names are ranked in Python, which is
#: cheaper than sorting 100,000 joined rows in SQL.
NAME_SORTS: dict[str, tuple[Any, Any, Any]] = {
    "call": (Project.call_id, Call.id, Call.name),
    "cluster": (Project.cluster_id, Cluster.id, Cluster.code),
}


def _order(sort_key: str, descending: bool) -> list[ColumnElement[Any]]:
    column = SORT_KEYS.get(sort_key, Project.reference_sort)
    # Empty values first ascending, last descending: SQLite's default, spelled out for PostgreSQL
    # (whose default is the opposite); SQLite still walks the sort column's index.
    if descending:
        return [column.desc().nulls_last(), Project.id.desc()]
    return [column.asc().nulls_first(), Project.id.asc()]


def project_ids(
    session: Session, flt: ProjectFilter, sort_key: str = "reference", descending: bool = False
) -> list[int]:
    """Ids of the projects passing the filter, in display order.

    The query reads only ids, so that the sort column's index covers it; on SQLite its rows are read
    straight from the driver's cursor (100,000 rows through SQLAlchemy's result objects cost more
    than the query itself).
    """
    if sort_key in NAME_SORTS:
        foreign_key, key_column, name_column = NAME_SORTS[sort_key]
        names = session.execute(select(key_column, name_column)).all()
        rank = {
            key: index
            for index, (key, _name) in enumerate(
                sorted(names, key=lambda r: (text.sort_key(r[1] or ""), r[0]))
            )
        }
        # The rows come grouped by call (or cluster), ids ascending within each, from the foreign
        # key's index; the groups are then laid out in the order of their names: no sort of
        # 100,000 rows in Python (40 ms), one pass over them. No call comes first, as NULLs do
        # in the SQL sorts.
        query = (
            select(Project.id, foreign_key)
            .where(project_where(flt))
            .order_by(foreign_key.asc().nulls_first(), Project.id.asc())
        )
        groups = {
            key: [row[0] for row in group]
            for key, group in groupby(fetch_raw(session, query), key=itemgetter(1))
        }
        ordered = [i for key in sorted(groups, key=lambda k: rank.get(k, -1)) for i in groups[key]]
        if descending:
            ordered.reverse()
        return ordered
    query = select(Project.id).where(project_where(flt)).order_by(*_order(sort_key, descending))
    return [row[0] for row in fetch_raw(session, query)]


@dataclass(frozen=True, slots=True)
class Selection:
    """The projects passing a filter, in display order, and their granted total (status bar)."""

    ids: list[int]
    granted_cents: int


def select_projects(
    session: Session, flt: ProjectFilter, sort_key: str = "reference", descending: bool = False
) -> Selection:
    """Ordered ids and granted total in the fewest index-friendly queries.

    Unfiltered, the ids come from the sort column's covering index and the total from the
    `granted_cents` index; filtered, one query reads (id, granted) of the matching rows only.
    """
    if flt.is_empty or sort_key in NAME_SORTS:
        ids = project_ids(session, flt, sort_key, descending)
        return Selection(ids, project_totals(session, flt)[1])
    query = (
        select(Project.id, Project.granted_cents)
        .where(project_where(flt))
        .order_by(*_order(sort_key, descending))
    )
    rows = fetch_raw(session, query)
    return Selection([row[0] for row in rows], sum(row[1] or 0 for row in rows))


def fetch_raw(session: Session, query: Any) -> list[tuple[Any, ...]]:
    """All rows of a Core select as plain tuples (driver-level fetch on SQLite)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return [tuple(row) for row in connection.execute(query)]
    compiled = query.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    parameters = [compiled.params[name] for name in compiled.positiontup or []]
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return list(cursor.execute(str(compiled), parameters).fetchall())
    finally:
        cursor.close()


def project_totals(session: Session, flt: ProjectFilter) -> tuple[int, int]:
    """(number of projects, their granted funding in cents) for the status bar."""
    count, granted = session.execute(
        select(func.count(), func.coalesce(func.sum(Project.granted_cents), 0)).where(
            project_where(flt)
        )
    ).one()
    return int(count), int(granted or 0)


def lacking_counts(session: Session, flt: ProjectFilter, names: Sequence[str]) -> dict[str, int]:
    """How many of the filter's projects lack each of `names` (`ProjectFilter.incomplete`'s
    fields), and under "" how many lack at least one, in one statement."""
    counts = [
        func.count().filter(project_where(ProjectFilter(incomplete=(name,)))) for name in names
    ]
    row = session.execute(
        select(func.count().filter(project_where(ProjectFilter(incomplete=tuple(names)))), *counts)
        .select_from(Project)
        .where(project_where(flt))
    ).one()
    return {"": int(row[0]), **{name: int(n) for name, n in zip(names, row[1:], strict=True)}}


def project_rows(session: Session, ids: Sequence[int]) -> list[ProjectRow]:
    """The rows of the given projects, in the order of `ids` (missing ones are left out)."""
    if not ids:
        return []
    funders = _funder_names(session, ids)
    query = (
        select(
            Project.id,
            Cluster.code,
            Project.reference,
            Project.acronym,
            Project.title,
            Project.status,
            Project.lead_name,
            Project.domains_label,
            Project.regions_label,
            Call.name,
            Project.start_on,
            Project.end_on,
            Project.total_budget_cents,
            Project.granted_cents,
            Project.responsible_digital,
            Project.version,
            Project.submitted_on,
            Project.evaluated_on,
            Project.labelling_decided_on,
            Project.funding_decided_on,
            Project.rd_carbon,
            Project.rd_resources,
            Project.rd_recyclability,
            Project.rd_energy,
            Project.rd_ethics,
        )
        .join(Cluster, Cluster.id == Project.cluster_id)
        .outerjoin(Call, Call.id == Project.call_id)
        .where(Project.id.in_(list(ids)))
    )
    found = {
        row[0]: ProjectRow(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            row[7],
            row[8],
            row[9] or "",
            row[10],
            row[11],
            row[12],
            int(row[13] or 0),
            bool(row[14]),
            int(row[15]),
            row[16],
            row[17],
            row[18],
            row[19],
            funders.get(row[0], ""),
            maturity_level(Assessment(row[20], row[21], row[22], row[23], row[24])),
        )
        for row in session.execute(query)
    }
    return [found[i] for i in ids if i in found]


def _funder_names(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """Each project's funders (a page of rows: a few dozen projects), names in order."""
    names: dict[int, set[str]] = {}
    query = (
        select(FundingLine.project_id, Funder.name)
        .join(Funder, Funder.id == FundingLine.funder_id)
        .where(FundingLine.project_id.in_(list(ids)))
    )
    for project_id, name in session.execute(query):
        names.setdefault(project_id, set()).add(name)
    return {pid: ", ".join(sorted(found, key=text.sort_key)) for pid, found in names.items()}

"""Keeps the summary columns of `project` and `funding_line.year` in step with their sources.

`funding_share` (each funding line apportioned to its project's domains) is rebuilt here too.

The projects table at national scale (100,000 rows) sorts and filters on these columns with
indexes instead of joining partners, domains and funding lines on every keystroke. Every write
path (editor, import, demo) calls `refresh_projects` in the same unit of work as its change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import BigInteger, bindparam, delete, func, insert, literal, select, update
from sqlalchemy.orm import Session

from ..domain.enums import REGION_NAMES, PartnerRole, Region
from ..domain.text import fold, sort_key
from . import search
from .tables import (
    Domain,
    FundingLine,
    FundingShare,
    LineYearAmount,
    Organisation,
    Participation,
    Project,
    ProjectDomain,
    ProjectRegion,
    table_of,
)

_CHUNK = 900  # stays under SQLite's bound-parameter limit with room to spare


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def region_label(codes: Iterable[str]) -> str:
    names = []
    for code in codes:
        try:
            names.append(REGION_NAMES[Region(code)])
        except ValueError:
            names.append(code)
    return ", ".join(sorted(names))


@lru_cache(maxsize=4096)
def _region_label_of(codes: tuple[str, ...]) -> str:
    """`region_label`, once per combination of regions (100,000 projects share a few hundred)."""
    return region_label(codes)


def refresh_projects(session: Session, project_ids: Iterable[int] | None = None) -> None:
    """Recomputes the summary columns for the given projects (all projects when None)."""
    ids = sorted(set(project_ids)) if project_ids is not None else None
    if ids is not None and not ids:
        return
    batches: Iterable[Sequence[int] | None] = _chunks(ids) if ids is not None else [None]
    for batch in batches:
        _refresh_batch(session, batch)


def _where_project(column: Any, batch: Sequence[int] | None) -> Any:
    return column.in_(batch) if batch is not None else True


def _refresh_shares(session: Session, batch: Sequence[int] | None) -> None:
    """Rebuilds the funding_share rows of the projects (each line × each domain of its split)."""
    session.execute(delete(FundingShare).where(_where_project(FundingShare.project_id, batch)))
    _insert_shares(session, _where_project(FundingLine.project_id, batch))


def _insert_shares(session: Session, condition: Any) -> None:
    """funding_share rows for the funding lines that `condition` selects, in two INSERT … SELECT.

    A line spread over years (`line_year_amount`) counts each year's part in that year; what its
    spread does not cover (all of it when it has none) counts in the line's own year, with the
    requested amount, which is not spread.
    """
    percent = func.coalesce(ProjectDomain.percent, 100)
    spread = (
        select(func.coalesce(func.sum(LineYearAmount.amount_cents), 0))
        .where(LineYearAmount.funding_line_id == FundingLine.id)
        .scalar_subquery()
    )
    columns = [
        "funding_line_id",
        "project_id",
        "domain_id",
        "year",
        "funder_id",
        "instrument",
        "granted_cp",
        "requested_cp",
    ]
    rows = (
        select(
            FundingLine.id,
            FundingLine.project_id,
            ProjectDomain.domain_id,
            FundingLine.year,
            FundingLine.funder_id,
            FundingLine.instrument,
            (func.coalesce(FundingLine.granted_cents, 0) - spread) * percent,
            func.coalesce(FundingLine.requested_cents, 0) * percent,
        )
        .select_from(FundingLine)
        .outerjoin(ProjectDomain, ProjectDomain.project_id == FundingLine.project_id)
        .where(condition)
    )
    session.execute(insert(FundingShare).from_select(columns, rows))
    spread_rows = (
        select(
            FundingLine.id,
            FundingLine.project_id,
            ProjectDomain.domain_id,
            LineYearAmount.year,
            FundingLine.funder_id,
            FundingLine.instrument,
            LineYearAmount.amount_cents * percent,
            literal(0, BigInteger),
        )
        .select_from(FundingLine)
        .join(LineYearAmount, LineYearAmount.funding_line_id == FundingLine.id)
        .outerjoin(ProjectDomain, ProjectDomain.project_id == FundingLine.project_id)
        .where(condition)
    )
    session.execute(insert(FundingShare).from_select(columns, spread_rows))


def _refresh_batch(session: Session, batch: Sequence[int] | None) -> None:
    # The year a funding line counts in: its decision's year, else its project's start year.
    year_expr = func.coalesce(
        func.cast(func.extract("year", FundingLine.decision_on), FundingLine.year.type),
        select(func.cast(func.extract("year", Project.start_on), FundingLine.year.type))
        .where(Project.id == FundingLine.project_id)
        .scalar_subquery(),
    )
    session.execute(
        update(FundingLine)
        .where(_where_project(FundingLine.project_id, batch))
        .values(year=year_expr)
        .execution_options(synchronize_session=False)
    )
    _refresh_shares(session, batch)

    projects: dict[int, tuple[Any, ...]] = {}
    query = select(
        Project.id,
        Project.reference,
        Project.acronym,
        Project.title,
        # The stored summaries, to write only the rows whose summaries changed.
        Project.granted_cents,
        Project.requested_cents,
        Project.lead_organisation_id,
        Project.lead_name,
        Project.domains_label,
        Project.regions_label,
        Project.search_text,
        Project.reference_sort,
        Project.acronym_sort,
        Project.title_sort,
        Project.lead_sort,
        Project.domains_sort,
        Project.regions_sort,
    )
    if batch is not None:
        query = query.where(Project.id.in_(batch))
    for row in session.execute(query):
        projects[row[0]] = tuple(row[1:])

    money: dict[int, tuple[int, int]] = {}
    query_money = select(
        FundingLine.project_id,
        func.coalesce(func.sum(FundingLine.granted_cents), 0),
        func.coalesce(func.sum(FundingLine.requested_cents), 0),
    ).group_by(FundingLine.project_id)
    if batch is not None:
        query_money = query_money.where(FundingLine.project_id.in_(batch))
    for pid, granted, requested in session.execute(query_money):
        money[pid] = (int(granted or 0), int(requested or 0))

    partners: dict[int, list[str]] = defaultdict(list)
    leads: dict[int, tuple[int, str]] = {}
    query_partners = (
        select(Participation.project_id, Participation.role, Organisation.id, Organisation.name)
        .join(Organisation, Organisation.id == Participation.organisation_id)
        .order_by(Participation.project_id, Participation.id)
    )
    if batch is not None:
        query_partners = query_partners.where(Participation.project_id.in_(batch))
    lead_role = PartnerRole.LEAD.value
    for pid, role, org_id, name in session.execute(query_partners):
        partners[pid].append(name)
        if role == lead_role and pid not in leads:
            leads[pid] = (org_id, name)

    domains: dict[int, list[str]] = defaultdict(list)
    query_domains = (
        select(ProjectDomain.project_id, Domain.name)
        .join(Domain, Domain.id == ProjectDomain.domain_id)
        .order_by(
            ProjectDomain.project_id, ProjectDomain.percent.desc(), Domain.position, Domain.name
        )
    )
    if batch is not None:
        query_domains = query_domains.where(ProjectDomain.project_id.in_(batch))
    for pid, name in session.execute(query_domains):
        domains[pid].append(name)

    regions: dict[int, list[str]] = defaultdict(list)
    query_regions = select(ProjectRegion.project_id, ProjectRegion.region)
    if batch is not None:
        query_regions = query_regions.where(ProjectRegion.project_id.in_(batch))
    for pid, code in session.execute(query_regions):
        regions[pid].append(code)

    rows: list[tuple[Any, ...]] = []
    for pid, (reference, acronym, title, *stored) in projects.items():
        granted, requested = money.get(pid, (0, 0))
        summary = _summary(
            reference, acronym, title, granted, requested, leads.get(pid),
            partners.get(pid, []), domains.get(pid, []), regions.get(pid, []),
        )  # fmt: skip
        if summary != tuple(stored):
            rows.append((*summary, pid))
    _write_summaries(session, rows)


def _summary(
    reference: str,
    acronym: str,
    title: str,
    granted: int,
    requested: int,
    lead: tuple[int | None, str] | None,
    names: Sequence[str],
    domain_names: Sequence[str],
    regions: Iterable[str],
    search_text: str | None = None,
) -> tuple[Any, ...]:
    """The summary columns (SUMMARY_COLUMNS order) of one project (`search_text` when the
    caller has folded it already)."""
    lead_name = lead[1] if lead else ""
    domains_label = ", ".join(domain_names)
    regions_label = _region_label_of(tuple(regions))
    return (
        granted,
        requested,
        lead[0] if lead else None,
        lead_name,
        domains_label,
        regions_label,
        fold(" ".join([reference, acronym, title, *names])) if search_text is None else search_text,
        _sort_key(reference),
        _sort_key(acronym),
        _sort_key(title),
        _sort_key(lead_name),
        _sort_key(domains_label),
        _sort_key(regions_label),
    )


#: `sort_key` of texts that recur (domain and region labels, lead partners).
_sort_key = lru_cache(maxsize=1 << 16)(sort_key)


#: `fold` of the words of search texts: titles, acronyms and organisation names recur.
_fold_words = lru_cache(maxsize=1 << 16)(fold)


def _search_text(parts: Iterable[str]) -> str:
    """`fold(" ".join(parts))`, each part folded once: folding works character by character
    (accents, case) and then joins runs of spaces and trims, so the folded parts that are not
    empty, joined by one space, are the fold of the joined text."""
    return " ".join(folded for folded in map(_fold_words, parts) if folded)


# -- rows not inserted yet (a large import) ------------------------------------------------------


def new_project_summary(
    reference: str,
    acronym: str,
    title: str,
    amounts: Iterable[tuple[int | None, int | None]],
    partners: Sequence[tuple[str, int | None, str]],
    domains: Iterable[tuple[str, int, int]],
    regions: Iterable[str],
) -> tuple[Any, ...]:
    """The summary columns (SUMMARY_COLUMNS order) of a project about to be inserted, computed
    from what will be inserted with it, as `refresh_projects` computes them from the database:

    `amounts` its funding lines' (granted, requested) cents; `partners` its participations as
    (role, organisation id, organisation name) in the order of their ids; `domains` its split as
    (domain name, percent, domain position); `regions` its region codes.
    """
    granted = requested = 0
    for line_granted, line_requested in amounts:
        granted += line_granted or 0
        requested += line_requested or 0
    lead_role = PartnerRole.LEAD.value
    lead = next(((o, n) for role, o, n in partners if role == lead_role), None)
    ordered = sorted(domains, key=lambda d: (-d[1], d[2], d[0]))
    names = [n for _, _, n in partners]
    return _summary(
        reference, acronym, title, granted, requested, lead, names,
        [name for name, _, _ in ordered], regions,
        _search_text([reference, acronym, title, *names]),
    )  # fmt: skip


def line_year(decision_on: date | None, start_on: date | None) -> int | None:
    """The year a funding line counts in (`funding_line.year`): its decision's year, else its
    project's start year (what `refresh_projects` writes)."""
    if decision_on is not None:
        return decision_on.year
    return start_on.year if start_on is not None else None


def insert_new_shares(session: Session, first_project_id: int, last_project_id: int) -> None:
    """The funding_share rows of projects just inserted with their lines and split (ids in
    [first, last], which had none), in one INSERT … SELECT."""
    _insert_shares(session, FundingLine.project_id.between(first_project_id, last_project_id))


SUMMARY_COLUMNS = (
    "granted_cents",
    "requested_cents",
    "lead_organisation_id",
    "lead_name",
    "domains_label",
    "regions_label",
    "search_text",
    # The sort keys of the projects table's text columns (`domain.text.sort_key`).
    "reference_sort",
    "acronym_sort",
    "title_sort",
    "lead_sort",
    "domains_sort",
    "regions_sort",
)


def _write_summaries(session: Session, rows: list[tuple[Any, ...]]) -> None:
    """UPDATE project SET <summaries> WHERE id = ? for each (summaries…, id) row.

    On SQLite the rows go straight to the driver's executemany (100,000 rows through SQLAlchemy's
    parameter processing cost seconds); elsewhere through Core.
    """
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        assignments = ", ".join(f"{name} = ?" for name in SUMMARY_COLUMNS)
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        bulk = len(rows) > search.REBUILD_THRESHOLD
        try:
            triggers = search.suspend_triggers(cursor, "au") if bulk else []
            cursor.executemany(f"UPDATE project SET {assignments} WHERE id = ?", rows)
            search.rebuild_and_restore(cursor, triggers)
        finally:
            cursor.close()
        return
    table = table_of(Project)
    statement = (
        update(table)
        .where(table.c.id == bindparam("pid"))
        .values({name: bindparam(f"v_{name}") for name in SUMMARY_COLUMNS})
    )
    connection.execute(
        statement,
        [
            {
                "pid": row[-1],
                **{f"v_{name}": value for name, value in zip(SUMMARY_COLUMNS, row, strict=False)},
            }
            for row in rows
        ],
    )

"""The rows of a workbook export, streamed from one read snapshot in sheet order.

Projects come in the order they were entered (their id), and so do their funding lines and
partners, project by project: the order the indexes give without a sort, which keeps a national
export (~800,000 rows) streaming; the workbook's autofilter sorts as the reader wishes.

Each function takes the unit of work's session and the `ProjectFilter` of the export (an empty
filter is the whole portfolio) and yields plain tuples in the column order of
`services.workbook_schema`, with codes, integer cents and dates; words and formats are the
export's business. Rows are fetched in batches (`yield_per`) so that memory stays flat at
national scale (100,000 projects, ~290,000 funding lines).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select, true, union
from sqlalchemy.orm import Session

from ..domain.filters import ProjectFilter
from .money import granted_by_year_where
from .project_query import line_conditions, project_where
from .tables import (
    Call,
    Cluster,
    Domain,
    Funder,
    FundingLine,
    FundingShare,
    Organisation,
    Participation,
    Project,
    ProjectDomain,
)

BATCH = 5_000
#: Where the domain split sits in a project row (PROJECTS column order).
DOMAINS_COLUMN = 6

Row = tuple[Any, ...]


def _stream(session: Session, statement: Any) -> Iterator[Row]:
    result = session.connection().execute(statement.execution_options(yield_per=BATCH))
    for row in result:
        yield tuple(row)


def _selected_ids(flt: ProjectFilter) -> Select[Any]:
    return select(Project.id).where(project_where(flt))


def _project_condition(flt: ProjectFilter, column: Any) -> ColumnElement[bool]:
    """`column` (a project id) is one of the filter's projects; no subquery for the whole set."""
    if flt.is_empty:
        return true()
    return column.in_(_selected_ids(flt))  # type: ignore[no-any-return]


# -- counts (progress) ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportCounts:
    """How many rows each data sheet will hold (for progress and the result)."""

    projects: int
    funding_lines: int
    partners: int
    organisations: int


def count_projects(session: Session, flt: ProjectFilter) -> int:
    query = select(func.count()).select_from(Project).where(project_where(flt))
    return int(session.scalar(query) or 0)


def export_counts(session: Session, flt: ProjectFilter) -> ExportCounts:
    lines = select(func.count()).select_from(FundingLine)
    partners = select(func.count()).select_from(Participation)
    if not flt.is_empty:
        lines = lines.where(_project_condition(flt, FundingLine.project_id))
        partners = partners.where(_project_condition(flt, Participation.project_id))
    organisations = select(func.count()).select_from(Organisation)
    if not flt.is_empty:
        organisations = organisations.where(Organisation.id.in_(_organisation_ids(flt)))
    return ExportCounts(
        projects=count_projects(session, flt),
        funding_lines=int(session.scalar(lines) or 0),
        partners=int(session.scalar(partners) or 0),
        organisations=int(session.scalar(organisations) or 0),
    )


# -- data sheets ------------------------------------------------------------------------------------


def _split_rows(session: Session, flt: ProjectFilter) -> Iterator[Row]:
    """(project id, domain name, percent) by project id, largest share first (as
    `storage.summaries` orders them)."""
    query = (
        select(ProjectDomain.project_id, Domain.name, ProjectDomain.percent)
        .join(Domain, Domain.id == ProjectDomain.domain_id)
        .order_by(
            ProjectDomain.project_id, ProjectDomain.percent.desc(), Domain.position, Domain.name
        )
    )
    if not flt.is_empty:
        query = query.where(_project_condition(flt, ProjectDomain.project_id))
    return _stream(session, query)


def project_rows(session: Session, flt: ProjectFilter) -> Iterator[Row]:
    """Projects in PROJECTS column order; the `domains` column holds the split as a list of
    (domain name, percent), or None for a project not yet classified.

    Both streams come in project id order and are merged as they go: memory stays flat.
    """
    query = (
        select(
            Cluster.code,
            Project.reference,
            Project.acronym,
            Project.title,
            Project.status,
            Project.lead_name,
            Project.id,  # replaced by the domain split
            Project.regions_label,
            Call.name,
            Project.submitted_on,
            Project.evaluated_on,
            Project.labelling_decided_on,
            Project.funding_decided_on,
            Project.start_on,
            Project.end_on,
            Project.closed_on,
            Project.abandoned_on,
            Project.total_budget_cents,
            Project.eligible_costs_cents,
            Project.granted_cents,
            Project.responsible_digital,
            Project.rd_carbon,
            Project.rd_resources,
            Project.rd_recyclability,
            Project.rd_energy,
            Project.rd_ethics,
            Project.keywords,
            Project.summary,
            Project.notes,
        )
        .join(Cluster, Cluster.id == Project.cluster_id)
        .outerjoin(Call, Call.id == Project.call_id)
        .where(project_where(flt))
        .order_by(Project.id)
    )
    splits = _split_rows(session, flt)
    pending = next(splits, None)
    for row in _stream(session, query):
        project_id = row[DOMAINS_COLUMN]
        while pending is not None and pending[0] < project_id:
            pending = next(splits, None)
        parts: list[tuple[str, int]] = []
        while pending is not None and pending[0] == project_id:
            parts.append((pending[1], int(pending[2])))
            pending = next(splits, None)
        yield (*row[:DOMAINS_COLUMN], parts or None, *row[DOMAINS_COLUMN + 1 :])


@dataclass(frozen=True, slots=True)
class Lookups:
    """What funding lines and partners refer to, by id, loaded once per export."""

    #: project id → (cluster code, reference), for the selected projects.
    projects: dict[int, tuple[str, str]]
    #: organisation id → (name, SIREN).
    organisations: dict[int, tuple[str, str | None]]
    funders: dict[int, str]


def lookups(session: Session, flt: ProjectFilter) -> Lookups:
    projects = (
        select(Project.id, Cluster.code, Project.reference)
        .join(Cluster, Cluster.id == Project.cluster_id)
        .where(project_where(flt))
    )
    organisations = select(Organisation.id, Organisation.name, Organisation.siren)
    return Lookups(
        {int(i): (code, reference) for i, code, reference in session.execute(projects)},
        {int(i): (name, siren) for i, name, siren in session.execute(organisations)},
        {int(i): name for i, name in session.execute(select(Funder.id, Funder.name))},
    )


# Funding lines and partners are read from their own table, in project order, and their project,
# funder and organisation are looked up in dictionaries loaded once: at national scale this halves
# the database's work (no join per row) for a few megabytes.


def funding_rows(
    session: Session, flt: ProjectFilter, refs: Lookups | None = None
) -> Iterator[Row]:
    """Every funding line of the selected projects, in FUNDING column order.

    All lines of a project are exported whatever the funder filter, so that a re-import sees
    complete projects; the funder and instrument criteria narrow the Summary's sums only.
    """
    refs = refs or lookups(session, flt)
    projects, organisations, funders = refs.projects, refs.organisations, refs.funders
    query = (
        select(
            FundingLine.id,
            FundingLine.project_id,
            FundingLine.funder_id,
            FundingLine.instrument,
            FundingLine.beneficiary_id,
            FundingLine.requested_cents,
            FundingLine.granted_cents,
            FundingLine.paid_cents,
            FundingLine.decision_on,
            FundingLine.granted_override,
        )
        .where(_project_condition(flt, FundingLine.project_id))
        .order_by(FundingLine.project_id, FundingLine.id)
    )
    for line_id, project_id, funder_id, instrument, beneficiary_id, *rest in _stream(
        session, query
    ):
        cluster, reference = projects[project_id]
        beneficiary = None if beneficiary_id is None else organisations[beneficiary_id][0]
        yield (line_id, cluster, reference, funders[funder_id], instrument, beneficiary, *rest)


def partner_rows(
    session: Session, flt: ProjectFilter, refs: Lookups | None = None
) -> Iterator[Row]:
    """Every participation of the selected projects, in PARTNERS column order."""
    refs = refs or lookups(session, flt)
    projects, organisations = refs.projects, refs.organisations
    query = (
        select(
            Participation.project_id,
            Participation.organisation_id,
            Participation.role,
            Participation.budget_cents,
        )
        .where(_project_condition(flt, Participation.project_id))
        .order_by(Participation.project_id, Participation.id)
    )
    for project_id, organisation_id, role, budget in _stream(session, query):
        yield (*projects[project_id], *organisations[organisation_id], role, budget)


def _organisation_ids(flt: ProjectFilter) -> Any:
    """The organisations a filtered export needs: partners and beneficiaries of its projects."""
    selected = _selected_ids(flt)
    return union(
        select(Participation.organisation_id).where(Participation.project_id.in_(selected)),
        select(FundingLine.beneficiary_id).where(
            FundingLine.project_id.in_(selected), FundingLine.beneficiary_id.is_not(None)
        ),
    )


def organisation_rows(session: Session, flt: ProjectFilter) -> Iterator[Row]:
    """All organisations (whole portfolio) or those of the selected projects, by name."""
    query = select(
        Organisation.name,
        Organisation.kind,
        Organisation.siren,
        Organisation.siret,
        Organisation.region,
        Organisation.city,
        Organisation.is_member,
        Organisation.member_since,
        Organisation.member_until,
    ).order_by(Organisation.name_key, Organisation.id)
    if not flt.is_empty:
        query = query.where(Organisation.id.in_(_organisation_ids(flt)))
    return _stream(session, query)


def domain_rows(session: Session, codes: set[str] | None = None) -> list[Row]:
    """The domains with their pole's code (None: shared); with `codes` (a filtered export's
    poles), the shared domains and those of these poles only."""
    query = (
        select(Domain.name, Domain.colour, Domain.active, Cluster.code)
        .outerjoin(Cluster, Cluster.id == Domain.cluster_id)
        .order_by(Domain.position, Domain.name)
    )
    return [
        tuple(r) for r in session.execute(query) if codes is None or r[3] in codes or r[3] is None
    ]


def funder_rows(session: Session) -> list[Row]:
    query = select(Funder.name, Funder.kind).order_by(Funder.name)
    return [tuple(r) for r in session.execute(query)]


def call_rows(session: Session) -> list[Row]:
    query = (
        select(Call.name, Funder.name, Call.programme, Call.year)
        .outerjoin(Funder, Funder.id == Call.funder_id)
        .order_by(Call.year, Call.name)
    )
    return [tuple(r) for r in session.execute(query)]


# -- the Summary sheet ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SummaryFigures:
    """The sums behind the Summary sheet, exact: cents, or cents × percent for domain shares."""

    projects: int
    #: (year or None, domain id or None) → Σ granted cents × percent of the funding lines counted.
    year_domain_cp: dict[tuple[int | None, int | None], int]
    #: year or None → Σ granted cents of the funding lines counted.
    year_cents: dict[int | None, int]
    #: (funder name, funder kind, lines, Σ granted cents), largest first.
    funders: list[tuple[str, str, int, int]]
    #: (domain id, name, colour), in the domains' order.
    domains: list[tuple[int, str, str]]


def summary_figures(session: Session, flt: ProjectFilter) -> SummaryFigures:
    """Funding by year × domain (from `funding_share`) and by funder, for the filter's lines:
    « Aide accordée », grants unless the filter names the instruments (as on the dashboard)."""
    lines = line_conditions(flt)
    in_projects = _project_condition(flt, FundingLine.project_id)

    shares = (
        select(FundingShare.year, FundingShare.domain_id, func.sum(FundingShare.granted_cp))
        .select_from(FundingShare)
        .where(FundingShare.instrument.in_(flt.granted_instruments))
        .group_by(FundingShare.year, FundingShare.domain_id)
    )
    if lines or not flt.is_empty:
        shares = shares.join(FundingLine, FundingLine.id == FundingShare.funding_line_id).where(
            in_projects, *lines
        )
    year_domain = {
        (year, domain_id): int(total or 0) for year, domain_id, total in session.execute(shares)
    }
    if not flt.instruments:
        lines.append(FundingLine.instrument.in_(flt.granted_instruments))

    granted = func.coalesce(func.sum(FundingLine.granted_cents), 0)
    # Spread lines count each year's part (as funding_share and `stats` do).
    year_cents: dict[int | None, int] = {}
    for year, cents in granted_by_year_where(session, in_projects, *lines).items():
        year_cents[year] = cents
    undated = session.scalar(select(granted).where(FundingLine.year.is_(None), in_projects, *lines))
    if undated:
        year_cents[None] = int(undated)

    by_funder = (
        select(Funder.name, Funder.kind, func.count(FundingLine.id), granted)
        .select_from(FundingLine)
        .join(Funder, Funder.id == FundingLine.funder_id)
        .where(in_projects, *lines)
        .group_by(Funder.name, Funder.kind)
    )
    funders = sorted(
        (
            (name, kind, int(n), int(total or 0))
            for name, kind, n, total in session.execute(by_funder)
        ),
        key=lambda f: (-f[3], f[0]),
    )
    domains = [
        (int(i), name, colour)
        for i, name, colour in session.execute(
            select(Domain.id, Domain.name, Domain.colour).order_by(Domain.position, Domain.name)
        )
    ]
    return SummaryFigures(count_projects(session, flt), year_domain, year_cents, funders, domains)


def ids_by_name(session: Session, table: str, names: list[str]) -> dict[str, int | None]:
    """Resolves names (clusters by code or name, domains, funders, calls) to ids, case-insensitive."""
    model: Any = {"cluster": Cluster, "domain": Domain, "funder": Funder, "call": Call}[table]
    found: dict[str, int | None] = {}
    for name in names:
        wanted = name.strip().lower()
        condition = func.lower(model.name) == wanted
        if model is Cluster:
            condition = or_(condition, func.lower(Cluster.code) == wanted)
        found[name] = session.scalar(select(model.id).where(condition).limit(1))
    return found

"""The dashboard's SQL: the funding fact table as columns, and the key figures for a filter.

Money sums come from `funding_share` (each funding line × each domain of its project, `granted_cp`
= cents × percent). The `load_*` functions read it, the projects and the participations once as
NumPy columns that `services.analytics` keeps in memory and aggregates per filter in milliseconds,
where GROUP BY queries joined to `project` take 200–800 ms each at national scale. Per filter, the
only query is `matching_project_ids`, through `project_query.project_where` like the projects
table; the funding-line criteria (`line_conditions`) are applied to the columns in memory.
Portable SQL only.

Large results are read from the DB-API cursor directly: SQLAlchemy's row objects cost three times
the query itself on 370,000 rows, and these columns are plain integers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import ColumnElement, Executable, and_, case, func, select, true
from sqlalchemy.orm import Session

from ..domain.enums import Instrument, OrganisationKind, ProjectStatus, Region
from ..domain.filters import ProjectFilter
from .funnel import own_rank, raise_by_history
from .project_query import line_conditions, project_conditions, project_where
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
    ProjectRegion,
)

#: Codes held as small integers in the columns below; an unknown code gets the tuple's length.
INSTRUMENTS: tuple[str, ...] = tuple(i.value for i in Instrument)
STATUSES: tuple[str, ...] = tuple(s.value for s in ProjectStatus)
ORGANISATION_KINDS: tuple[str, ...] = tuple(k.value for k in OrganisationKind)
REGIONS: tuple[str, ...] = tuple(r.value for r in Region)

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class FactColumns:
    """`funding_share` as parallel columns; 0 stands for a missing year or domain."""

    project_id: I32
    year: npt.NDArray[np.int16]
    domain_id: I32
    funder_id: I32
    instrument: npt.NDArray[np.int8]
    granted_cp: I64


@dataclass(frozen=True, slots=True)
class ProjectColumns:
    """Projects as columns indexed by project id (`exists` is False for unused ids).

    `status` indexes STATUSES (len(STATUSES) for an unknown code); `scores` holds the five
    responsible-digital scores (rows in `CRITERIA` order), -1 where a criterion is not scored;
    `budget_cents` is 0 where no budget is given.
    """

    exists: npt.NDArray[np.bool_]
    status: npt.NDArray[np.int8]
    budget_cents: I64
    scores: npt.NDArray[np.int8]
    flagged: npt.NDArray[np.bool_]
    #: The furthest funnel rank (0–4) each project reached (`storage.funnel`).
    furthest: npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class ParticipationColumns:
    """Participations as columns: project, organisation kind (index into ORGANISATION_KINDS)
    and organisation region (index into REGIONS; len(REGIONS) when unknown or missing)."""

    project_id: I32
    kind: npt.NDArray[np.int8]
    region: npt.NDArray[np.int8]


@dataclass(frozen=True, slots=True)
class DomainRow:
    """A technology domain as the charts need it."""

    id: int
    name: str
    colour: str
    position: int


@dataclass(frozen=True, slots=True)
class FunderRow:
    """A funder and its kind."""

    id: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class ProjectAmount:
    """A project and the funding granted to it (within the filter's funding lines)."""

    id: int
    reference: str
    acronym: str
    title: str
    lead_name: str
    status: str
    granted_cents: int


def _cursor_rows(session: Session, statement: Executable) -> Any:
    """Executes a Core select and returns the DB-API cursor (plain tuples, no row objects)."""
    return session.connection().execute(statement).cursor


def load_facts(session: Session) -> FactColumns:
    """Every row of `funding_share` as columns (≈ 19 bytes a row: 7 MB at national scale)."""
    instrument = _code_index(FundingShare.instrument, INSTRUMENTS)
    statement = select(
        FundingShare.project_id,
        func.coalesce(FundingShare.year, 0),
        func.coalesce(FundingShare.domain_id, 0),
        FundingShare.funder_id,
        instrument,
        func.coalesce(FundingShare.granted_cp, 0),
    )
    dtype = np.dtype(
        [("p", np.int32), ("y", np.int16), ("d", np.int32), ("f", np.int32), ("i", np.int8),
         ("g", np.int64)]
    )  # fmt: skip
    rows = np.fromiter(_cursor_rows(session, statement), dtype=dtype)
    return FactColumns(
        project_id=np.ascontiguousarray(rows["p"]),
        year=np.ascontiguousarray(rows["y"]),
        domain_id=np.ascontiguousarray(rows["d"]),
        funder_id=np.ascontiguousarray(rows["f"]),
        instrument=np.ascontiguousarray(rows["i"]),
        granted_cp=np.ascontiguousarray(rows["g"]),
    )


def _code_index(column: Any, codes: tuple[str, ...]) -> Any:
    """A SQL expression giving the position of `column`'s code in `codes` (len(codes) if absent)."""
    return case({code: i for i, code in enumerate(codes)}, value=column, else_=len(codes))


def load_projects(session: Session) -> ProjectColumns:
    """Status, budget, responsible-digital scores and furthest funnel step of every project,
    indexed by id."""
    size = int(session.scalar(select(func.coalesce(func.max(Project.id), 0))) or 0) + 1
    scores = (
        Project.rd_carbon,
        Project.rd_resources,
        Project.rd_recyclability,
        Project.rd_energy,
        Project.rd_ethics,
    )
    statement = select(
        Project.id,
        _code_index(Project.status, STATUSES),
        func.coalesce(Project.total_budget_cents, 0),
        *(func.coalesce(score, -1) for score in scores),
        case((Project.responsible_digital.is_(True), 1), else_=0),
        own_rank(),
    )
    dtype = np.dtype(
        [("id", np.int64), ("s", np.int8), ("b", np.int64), ("c0", np.int8), ("c1", np.int8),
         ("c2", np.int8), ("c3", np.int8), ("c4", np.int8), ("f", np.int8), ("r", np.int64)]
    )  # fmt: skip
    rows = np.fromiter(_cursor_rows(session, statement), dtype=dtype)
    ids = rows["id"]
    exists = np.zeros(size, dtype=np.bool_)
    exists[ids] = True
    status = np.full(size, len(STATUSES), dtype=np.int8)
    status[ids] = rows["s"]
    budget = np.zeros(size, dtype=np.int64)
    budget[ids] = rows["b"]
    grid = np.full((5, size), -1, dtype=np.int8)
    for i in range(5):
        grid[i, ids] = rows[f"c{i}"]
    flagged = np.zeros(size, dtype=np.bool_)
    flagged[ids] = rows["f"] == 1
    furthest = np.zeros(size, dtype=np.int64)
    furthest[ids] = rows["r"]
    raise_by_history(session, furthest)
    return ProjectColumns(exists, status, budget, grid, flagged, furthest)


def load_participations(session: Session) -> ParticipationColumns:
    """Every participation with its organisation's kind and region."""
    statement = select(
        Participation.project_id,
        _code_index(Organisation.kind, ORGANISATION_KINDS),
        _code_index(Organisation.region, REGIONS),
    ).join(Organisation, Organisation.id == Participation.organisation_id)
    dtype = np.dtype([("p", np.int32), ("k", np.int8), ("r", np.int8)])
    rows = np.fromiter(_cursor_rows(session, statement), dtype=dtype)
    return ParticipationColumns(
        np.ascontiguousarray(rows["p"]),
        np.ascontiguousarray(rows["k"]),
        np.ascontiguousarray(rows["r"]),
    )


def project_regions(session: Session) -> tuple[I64, list[str]]:
    """(project ids, region codes) of every project's regions, ordered by project then region."""
    ids: list[int] = []
    codes: list[str] = []
    statement = select(ProjectRegion.project_id, ProjectRegion.region).order_by(
        ProjectRegion.project_id, ProjectRegion.region
    )
    for project_id, region in _cursor_rows(session, statement):
        ids.append(project_id)
        codes.append(region)
    return np.asarray(ids, dtype=np.int64), codes


def project_part(flt: ProjectFilter) -> ProjectFilter:
    """The filter without its funding-line criteria (those select lines, in memory)."""
    return flt.with_changes(
        funder_ids=(),
        funder_kinds=(),
        instruments=(),
        funding_year_from=None,
        funding_year_to=None,
    )


def has_project_criteria(flt: ProjectFilter) -> bool:
    return bool(project_conditions(project_part(flt)))


def matching_project_ids(session: Session, flt: ProjectFilter) -> I64:
    """Ids of the projects the filter's project-level criteria select."""
    statement = select(Project.id).where(project_where(project_part(flt)))
    return np.fromiter((row[0] for row in _cursor_rows(session, statement)), dtype=np.int64)


def domains(session: Session) -> list[DomainRow]:
    return [
        DomainRow(i, n, c, p)
        for i, n, c, p in session.execute(
            select(Domain.id, Domain.name, Domain.colour, Domain.position).order_by(
                Domain.position, Domain.name
            )
        )
    ]


def funders(session: Session) -> list[FunderRow]:
    return [
        FunderRow(i, n, k)
        for i, n, k in session.execute(
            select(Funder.id, Funder.name, Funder.kind).order_by(Funder.name)
        )
    ]


def _lines_where(flt: ProjectFilter) -> ColumnElement[bool]:
    conditions = line_conditions(flt)
    return and_(*conditions) if conditions else true()


def largest_projects(session: Session, flt: ProjectFilter, limit: int) -> list[ProjectAmount]:
    """The projects of the filter with the most funding granted within its lines (pass
    `reached="funded"` and the instruments to sum)."""
    columns = (
        Project.id,
        Project.reference,
        Project.acronym,
        Project.title,
        Project.lead_name,
        Project.status,
    )
    where = project_where(flt)
    if line_conditions(flt):
        granted = func.coalesce(func.sum(FundingLine.granted_cents), 0).label("granted")
        statement = (
            select(*columns, granted)
            .select_from(FundingLine)
            .join(Project, Project.id == FundingLine.project_id)
            .where(where, _lines_where(flt))
            .group_by(*columns)
            .order_by(granted.desc(), Project.reference)
            .limit(limit)
        )
    else:
        # Without line criteria the kept-in-step project total (indexed) is the same figure.
        statement = (
            select(*columns, Project.granted_cents)
            .where(where, Project.granted_cents > 0)
            .order_by(Project.granted_cents.desc(), Project.reference)
            .limit(limit)
        )
    return [
        ProjectAmount(i, r, a or "", t or "", lead or "", s, int(g or 0))
        for i, r, a, t, lead, s, g in session.execute(statement)
        if g
    ]


def names_of(session: Session, table: str, ids: Iterable[int]) -> dict[int, str]:
    """Names of reference rows by id (for describing a filter in words)."""
    model: Any = {
        "domain": Domain,
        "funder": Funder,
        "cluster": Cluster,
        "call": Call,
        "organisation": Organisation,
    }[table]
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {
        int(i): str(n)
        for i, n in session.execute(select(model.id, model.name).where(model.id.in_(wanted)))
    }


def cluster_names(session: Session) -> list[str]:
    """Every cluster's name, sorted as French readers sort (case and accents second)."""
    from ..domain.text import sort_key

    return sorted((str(n) for n in session.scalars(select(Cluster.name))), key=sort_key)


def project_clusters(session: Session) -> tuple[I64, I64, list[tuple[int, str]]]:
    """Every project's id and its cluster's index into the returned clusters (id, name; sorted
    by name)."""
    from ..domain.text import sort_key

    clusters = sorted(
        session.execute(select(Cluster.id, Cluster.name)).all(), key=lambda r: sort_key(r[1])
    )
    index = {int(cid): i for i, (cid, _n) in enumerate(clusters)}
    rows = session.execute(select(Project.id, Project.cluster_id)).all()
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    which = np.fromiter((index.get(int(r[1]), 0) for r in rows), dtype=np.int64, count=len(rows))
    return ids, which, [(int(i), str(n)) for i, n in clusters]

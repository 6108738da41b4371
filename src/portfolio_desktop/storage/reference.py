"""Reference data: clusters, organisations, funders, calls, domains and experts (queries and writes)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..domain.rules import DomainPole
from ..domain.text import fold
from . import tables as t
from .project_list import fetch_raw


@dataclass(frozen=True, slots=True)
class OrganisationRow:
    """One line of the organisations table."""

    id: int
    name: str
    kind: str
    siren: str | None
    region: str | None
    city: str
    is_member: bool
    projects: int
    version: int


@dataclass(frozen=True, slots=True)
class NamedRow:
    """An id, a name and a few extra columns (funders, calls, domains, experts, clusters)."""

    id: int
    name: str
    extra: tuple[Any, ...] = ()


def clusters(session: Session) -> list[NamedRow]:
    return [
        NamedRow(c.id, c.name, (c.code, c.regions))
        for c in session.scalars(select(t.Cluster).order_by(t.Cluster.name))
    ]


def organisations(
    session: Session, search: str = "", limit: int | None = None
) -> list[OrganisationRow]:
    counts = (
        select(t.Participation.organisation_id, func.count().label("n"))
        .group_by(t.Participation.organisation_id)
        .subquery()
    )
    query = (
        select(t.Organisation, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.organisation_id == t.Organisation.id)
        .order_by(t.Organisation.name_key, t.Organisation.id)
    )
    if search:
        query = query.where(t.Organisation.name_key.contains(fold(search), autoescape=True))
    if limit:
        query = query.limit(limit)
    return [
        OrganisationRow(
            o.id, o.name, o.kind, o.siren, o.region, o.city, o.is_member, int(n), o.version
        )
        for o, n in session.execute(query)
    ]


def organisation_names(session: Session) -> list[NamedRow]:
    return [
        NamedRow(i, n)
        for i, n in session.execute(
            select(t.Organisation.id, t.Organisation.name).order_by(t.Organisation.name_key)
        )
    ]


def organisation_by_key(session: Session, name: str) -> int | None:
    return session.scalar(
        select(t.Organisation.id).where(t.Organisation.name_key == fold(name)).limit(1)
    )


def funders(session: Session) -> list[NamedRow]:
    usage = (
        select(t.FundingLine.funder_id, func.count().label("n"))
        .group_by(t.FundingLine.funder_id)
        .subquery()
    )
    return [
        NamedRow(f.id, f.name, (f.kind, int(n)))
        for f, n in session.execute(
            select(t.Funder, func.coalesce(usage.c.n, 0))
            .outerjoin(usage, usage.c.funder_id == t.Funder.id)
            .order_by(t.Funder.name)
        )
    ]


def calls(session: Session) -> list[NamedRow]:
    usage = (
        select(t.Project.call_id, func.count().label("n")).group_by(t.Project.call_id).subquery()
    )
    return [
        NamedRow(c.id, c.name, (c.funder_id, c.programme, c.year, int(n)))
        for c, n in session.execute(
            select(t.Call, func.coalesce(usage.c.n, 0))
            .outerjoin(usage, usage.c.call_id == t.Call.id)
            .order_by(t.Call.year.desc(), t.Call.name)
        )
    ]


def domains(session: Session, *, active_only: bool = False) -> list[NamedRow]:
    usage = (
        select(t.ProjectDomain.domain_id, func.count().label("n"))
        .group_by(t.ProjectDomain.domain_id)
        .subquery()
    )
    query = select(t.Domain, func.coalesce(usage.c.n, 0)).outerjoin(
        usage, usage.c.domain_id == t.Domain.id
    )
    if active_only:
        query = query.where(t.Domain.active.is_(True))
    return [
        NamedRow(d.id, d.name, (d.colour, d.active, d.position, int(n), d.cluster_id))
        for d, n in session.execute(query.order_by(t.Domain.position, t.Domain.name))
    ]


def projects_outside_pole(session: Session, domain_id: int, cluster_id: int) -> int:
    """How many projects of other poles than `cluster_id` are tagged with a domain (what giving
    the domain to that pole's roadmap would leave in the wrong place)."""
    return int(
        session.scalar(
            select(func.count(func.distinct(t.ProjectDomain.project_id)))
            .join(t.Project, t.Project.id == t.ProjectDomain.project_id)
            .where(t.ProjectDomain.domain_id == domain_id, t.Project.cluster_id != cluster_id)
        )
        or 0
    )


def domain_poles(session: Session) -> dict[int, DomainPole]:
    """The domains of one pole's roadmap, each with its pole (the rules' `domain_poles`)."""
    return {
        int(domain_id): DomainPole(int(cluster_id), name, pole)
        for domain_id, cluster_id, name, pole in session.execute(
            select(t.Domain.id, t.Cluster.id, t.Domain.name, t.Cluster.name).join(
                t.Cluster, t.Cluster.id == t.Domain.cluster_id
            )
        )
    }


def experts(session: Session) -> list[NamedRow]:
    """Experts with their domains, ties and number of evaluations (three queries, not 2 × N)."""
    usage = (
        select(t.Evaluation.expert_id, func.count().label("n"))
        .group_by(t.Evaluation.expert_id)
        .subquery()
    )
    domain_ids: dict[int, list[int]] = defaultdict(list)
    for expert_id, domain_id in session.execute(
        select(t.ExpertDomain.expert_id, t.ExpertDomain.domain_id)
    ):
        domain_ids[expert_id].append(domain_id)
    tie_ids: dict[int, list[int]] = defaultdict(list)
    for expert_id, organisation_id in session.execute(
        select(t.ExpertTie.expert_id, t.ExpertTie.organisation_id)
    ):
        tie_ids[expert_id].append(organisation_id)
    return [
        NamedRow(
            i,
            name,
            (email, affiliation, tuple(domain_ids[i]), tuple(tie_ids[i]), int(n)),
        )
        for i, name, email, affiliation, n in session.execute(
            select(
                t.Expert.id,
                t.Expert.name,
                t.Expert.email,
                t.Expert.affiliation,
                func.coalesce(usage.c.n, 0),
            )
            .outerjoin(usage, usage.c.expert_id == t.Expert.id)
            .order_by(t.Expert.name, t.Expert.id)
        )
    ]


def name_taken(session: Session, table: str, name: str, except_id: int | None) -> bool:
    model: Any = {"funder": t.Funder, "call": t.Call, "domain": t.Domain}[table]
    query = (
        select(func.count())
        .select_from(model)
        .where(func.lower(model.name) == name.strip().lower())
    )
    if except_id is not None:
        query = query.where(model.id != except_id)
    return bool(session.scalar(query))


def usage(session: Session, table: str, row_id: int) -> int:
    """How many records still point at a reference row (deleting it would break them)."""
    if table == "funder":
        return int(
            session.scalar(
                select(func.count())
                .select_from(t.FundingLine)
                .where(t.FundingLine.funder_id == row_id)
            )
            or 0
        ) + int(
            session.scalar(
                select(func.count()).select_from(t.Call).where(t.Call.funder_id == row_id)
            )
            or 0
        )
    if table == "call":
        return int(
            session.scalar(
                select(func.count()).select_from(t.Project).where(t.Project.call_id == row_id)
            )
            or 0
        )
    if table == "domain":
        return int(
            session.scalar(
                select(func.count())
                .select_from(t.ProjectDomain)
                .where(t.ProjectDomain.domain_id == row_id)
            )
            or 0
        )
    if table == "expert":
        return int(
            session.scalar(
                select(func.count())
                .select_from(t.Evaluation)
                .where(t.Evaluation.expert_id == row_id)
            )
            or 0
        )
    raise ValueError(table)


def projects_with_domain(session: Session, domain_id: int) -> list[int]:
    return list(
        session.scalars(
            select(t.ProjectDomain.project_id).where(t.ProjectDomain.domain_id == domain_id)
        )
    )


# -- reference data -- (issue 3: the reference-data screens of the desktop) ----------------------

#: Sort keys of the organisations table → the SQL that orders it (the name breaks ties).
ORGANISATION_SORT_KEYS = ("name", "kind", "siren", "region", "city", "member", "projects")


def _project_count() -> Any:
    """Projects an organisation takes part in (a participation is unique per project)."""
    return (
        select(func.count())
        .select_from(t.Participation)
        .where(t.Participation.organisation_id == t.Organisation.id)
        .correlate(t.Organisation)
        .scalar_subquery()
    )


def _organisation_search(search: str) -> Any:
    """Name (accents and case folded), city, or the first digits of a SIREN or SIRET."""
    folded = fold(search)
    conditions = [
        t.Organisation.name_key.contains(folded, autoescape=True),
        func.lower(t.Organisation.city).contains(search.strip().lower(), autoescape=True),
    ]
    digits = "".join(c for c in search if not c.isspace() and c not in ".-")
    if digits.isdigit():
        conditions += [
            t.Organisation.siren.startswith(digits, autoescape=True),
            t.Organisation.siret.startswith(digits, autoescape=True),
        ]
    return or_(*conditions)


def organisation_ids(
    session: Session,
    search: str = "",
    *,
    kinds: tuple[str, ...] = (),
    members_only: bool = False,
    sort_key: str = "name",
    descending: bool = False,
    limit: int | None = None,
) -> list[int]:
    """The ids of the organisations table, filtered and ordered in SQL (38,000 rows: ~30 ms)."""
    order: Any = {
        "name": t.Organisation.name_key,
        "kind": t.Organisation.kind,
        "siren": t.Organisation.siren,
        "region": t.Organisation.region,
        "city": func.lower(t.Organisation.city),
        "member": t.Organisation.is_member,
        "projects": _project_count(),
    }.get(sort_key, t.Organisation.name_key)
    query = select(t.Organisation.id)
    if search.strip():
        query = query.where(_organisation_search(search))
        if sort_key == "name":
            # Reading the table in order and sorting the matches is twice as fast as walking the
            # name index and fetching each row for its city (SQLite, 38,000 organisations).
            order = func.coalesce(t.Organisation.name_key, "")
    if kinds:
        query = query.where(t.Organisation.kind.in_(kinds))
    if members_only:
        query = query.where(t.Organisation.is_member.is_(True))
    direction = order.desc() if descending else order.asc()
    query = query.order_by(direction, t.Organisation.name_key, t.Organisation.id)
    if limit:
        query = query.limit(limit)
    return [row[0] for row in fetch_raw(session, query)]  # 38,000 ids: the driver's fetch


def organisation_rows(session: Session, ids: Sequence[int]) -> list[OrganisationRow]:
    """Rows of the organisations table for these ids (a page of the lazy model), any order."""
    if not ids:
        return []
    o = t.Organisation
    query = select(
        o.id, o.name, o.kind, o.siren, o.region, o.city, o.is_member, _project_count(), o.version
    ).where(o.id.in_(list(ids)))
    return [
        OrganisationRow(i, n, k, s, r, c or "", bool(m), int(p or 0), int(v))
        for i, n, k, s, r, c, m, p, v in session.execute(query)
    ]


def organisation_names_by_id(session: Session, ids: Sequence[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(
        session.execute(
            select(t.Organisation.id, t.Organisation.name).where(t.Organisation.id.in_(list(ids)))
        ).all()
    )


def organisations_with_siren(
    session: Session, siren: str, except_id: int | None = None
) -> list[NamedRow]:
    """Other organisations that already carry this SIREN (probable duplicates)."""
    query = select(t.Organisation.id, t.Organisation.name).where(t.Organisation.siren == siren)
    if except_id is not None:
        query = query.where(t.Organisation.id != except_id)
    return [NamedRow(i, n) for i, n in session.execute(query.order_by(t.Organisation.name_key))]


def organisation_tie_experts(session: Session, organisation_id: int) -> list[int]:
    """Experts tied to an organisation (deleting it drops these ties; undo puts them back)."""
    return list(
        session.scalars(
            select(t.ExpertTie.expert_id)
            .where(t.ExpertTie.organisation_id == organisation_id)
            .order_by(t.ExpertTie.expert_id)
        )
    )


@dataclass(frozen=True, slots=True)
class RowSnapshot:
    """A funder, call, domain or expert as stored, with its links: what undoing a delete needs."""

    table: str
    id: int
    values: dict[str, Any]
    links: dict[str, tuple[int, ...]]
    #: A call's or a funder's aid-rate rules, with their ids (deleted with it, put back with it).
    rules: tuple[tuple[int, Any], ...] = ()


_MODELS: dict[str, Any] = {
    "funder": t.Funder,
    "call": t.Call,
    "domain": t.Domain,
    "expert": t.Expert,
}


def snapshot_row(session: Session, table: str, row_id: int) -> RowSnapshot | None:
    model = _MODELS[table]
    row = session.execute(select(model.__table__).where(model.id == row_id)).mappings().first()
    if row is None:
        return None
    links: dict[str, tuple[int, ...]] = {}
    if table == "domain":
        links["experts"] = tuple(
            session.scalars(
                select(t.ExpertDomain.expert_id).where(t.ExpertDomain.domain_id == row_id)
            )
        )
    if table == "expert":
        links["domains"] = tuple(
            session.scalars(
                select(t.ExpertDomain.domain_id).where(t.ExpertDomain.expert_id == row_id)
            )
        )
        links["organisations"] = tuple(
            session.scalars(
                select(t.ExpertTie.organisation_id).where(t.ExpertTie.expert_id == row_id)
            )
        )
    values = {k: v for k, v in row.items() if k != "id"}
    rules: tuple[tuple[int, Any], ...] = ()
    if table in ("call", "funder"):
        from . import money

        rules = tuple(
            (rule_id, money.load_rule(session, rule_id))
            for rule_id in money.rules_of(session, table, row_id)
        )
    return RowSnapshot(table, row_id, values, links, rules)

"""Reference data: clusters, organisations, funders, calls, domains and experts (queries and writes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ..domain.text import fold
from . import tables as t


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


def add_cluster(session: Session, code: str, name: str, regions: str = "") -> int:
    row = t.Cluster(code=code, name=name, regions=regions)
    session.add(row)
    session.flush()
    return row.id


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
        NamedRow(d.id, d.name, (d.colour, d.active, d.position, int(n)))
        for d, n in session.execute(query.order_by(t.Domain.position, t.Domain.name))
    ]


def experts(session: Session) -> list[NamedRow]:
    usage = (
        select(t.Evaluation.expert_id, func.count().label("n"))
        .group_by(t.Evaluation.expert_id)
        .subquery()
    )
    rows = []
    for e, n in session.execute(
        select(t.Expert, func.coalesce(usage.c.n, 0))
        .outerjoin(usage, usage.c.expert_id == t.Expert.id)
        .order_by(t.Expert.name)
    ):
        domain_ids = tuple(
            session.scalars(
                select(t.ExpertDomain.domain_id).where(t.ExpertDomain.expert_id == e.id)
            )
        )
        tie_ids = tuple(
            session.scalars(
                select(t.ExpertTie.organisation_id).where(t.ExpertTie.expert_id == e.id)
            )
        )
        rows.append(NamedRow(e.id, e.name, (e.email, e.affiliation, domain_ids, tie_ids, int(n))))
    return rows


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


def upsert(session: Session, table: str, row_id: int | None, values: dict[str, Any]) -> int:
    """Inserts (row_id None, or a deleted row's id for undo) or updates a reference row."""
    model: Any = {"funder": t.Funder, "call": t.Call, "domain": t.Domain, "expert": t.Expert}[table]
    if row_id is not None and session.get(model, row_id) is not None:
        session.execute(update(model).where(model.id == row_id).values(**values))
        return row_id
    if row_id is not None:
        values = {**values, "id": row_id}
    return t.insert_id(session, model, values)


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


def delete_row(session: Session, table: str, row_id: int) -> None:
    model: Any = {"funder": t.Funder, "call": t.Call, "domain": t.Domain, "expert": t.Expert}[table]
    session.execute(delete(model).where(model.id == row_id))


def set_expert_links(
    session: Session, expert_id: int, domain_ids: list[int], tie_ids: list[int]
) -> None:
    session.execute(delete(t.ExpertDomain).where(t.ExpertDomain.expert_id == expert_id))
    session.execute(delete(t.ExpertTie).where(t.ExpertTie.expert_id == expert_id))
    for domain_id in dict.fromkeys(domain_ids):
        session.add(t.ExpertDomain(expert_id=expert_id, domain_id=domain_id))
    for org_id in dict.fromkeys(tie_ids):
        session.add(t.ExpertTie(expert_id=expert_id, organisation_id=org_id))
    session.flush()


def projects_with_domain(session: Session, domain_id: int) -> list[int]:
    return list(
        session.scalars(
            select(t.ProjectDomain.project_id).where(t.ProjectDomain.domain_id == domain_id)
        )
    )

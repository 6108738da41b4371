"""Loading and writing whole records (a project with its partners, funding and domains).

Functions take the unit of work's session and plain records from `domain.model`; ORM objects never
leave this module. Versions implement optimistic concurrency: a write names the version its form
displayed, and a row changed since then is not overwritten. Every write records what it changed
in the change history (`storage.history`), in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.enums import (
    FunderKind,
    Instrument,
    OrganisationKind,
    PartnerRole,
    ProjectStatus,
    Recommendation,
)
from ..domain.model import (
    Assessment,
    CallRecord,
    DomainShare,
    EvaluationRecord,
    FunderRecord,
    FundingLineRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)
from . import money
from . import tables as t


class StaleError(Exception):
    """The row changed (or vanished) since the version the caller read."""

    def __init__(self, table: str, row_id: int, current_version: int | None) -> None:
        super().__init__(f"{table} #{row_id} is at version {current_version}")
        self.table = table
        self.row_id = row_id
        self.current_version = current_version


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# -- projects -----------------------------------------------------------------------------------

PROJECT_FIELDS = (
    "cluster_id",
    "reference",
    "acronym",
    "title",
    "summary",
    "call_id",
    "submitted_on",
    "evaluated_on",
    "labelling_decided_on",
    "funding_decided_on",
    "closed_on",
    "abandoned_on",
    "start_on",
    "end_on",
    "total_budget_cents",
    "eligible_costs_cents",
    "keywords",
    "notes",
    "responsible_digital",
)


def load_project(session: Session, project_id: int) -> ProjectRecord | None:
    row = session.get(t.Project, project_id)
    if row is None:
        return None
    record = ProjectRecord(
        cluster_id=row.cluster_id,
        reference=row.reference,
        status=ProjectStatus(row.status),
        id=row.id,
        version=row.version,
        assessment=Assessment(
            row.rd_carbon, row.rd_resources, row.rd_recyclability, row.rd_energy, row.rd_ethics
        ),
    )
    for name in PROJECT_FIELDS:
        setattr(record, name, getattr(row, name))
    record.regions = list(
        session.scalars(
            select(t.ProjectRegion.region)
            .where(t.ProjectRegion.project_id == project_id)
            .order_by(t.ProjectRegion.region)
        )
    )
    record.domains = [
        DomainShare(domain_id, percent)
        for domain_id, percent in session.execute(
            select(t.ProjectDomain.domain_id, t.ProjectDomain.percent)
            .where(t.ProjectDomain.project_id == project_id)
            .order_by(t.ProjectDomain.percent.desc(), t.ProjectDomain.domain_id)
        )
    ]
    record.partners = [
        PartnerRecord(org_id, PartnerRole(role), budget, pid, name)
        for pid, org_id, role, budget, name in session.execute(
            select(
                t.Participation.id,
                t.Participation.organisation_id,
                t.Participation.role,
                t.Participation.budget_cents,
                t.Organisation.name,
            )
            .join(t.Organisation, t.Organisation.id == t.Participation.organisation_id)
            .where(t.Participation.project_id == project_id)
            .order_by(t.Participation.id)
        )
    ]
    beneficiary = t.table_of(t.Organisation).alias("beneficiary")
    record.funding_lines = [
        FundingLineRecord(
            funder_id=line.funder_id,
            instrument=Instrument(line.instrument),
            requested_cents=line.requested_cents,
            granted_cents=line.granted_cents,
            paid_cents=line.paid_cents,
            decision_on=line.decision_on,
            beneficiary_id=line.beneficiary_id,
            granted_override=line.granted_override,
            id=line.id,
            funder_name=funder_name,
            beneficiary_name=beneficiary_name or "",
            money=None,
        )
        for line, funder_name, beneficiary_name in session.execute(
            select(t.FundingLine, t.Funder.name, beneficiary.c.name)
            .join(t.Funder, t.Funder.id == t.FundingLine.funder_id)
            .outerjoin(beneficiary, beneficiary.c.id == t.FundingLine.beneficiary_id)
            .where(t.FundingLine.project_id == project_id)
            .order_by(t.FundingLine.id)
        )
    ]
    moneys = money.load_money(session, [line.id for line in record.funding_lines if line.id])
    for line in record.funding_lines:
        line.money = moneys.get(line.id) if line.id is not None else None
    return record


def reference_taken(
    session: Session, cluster_id: int, reference: str, except_id: int | None
) -> bool:
    query = (
        select(func.count())
        .select_from(t.Project)
        .where(t.Project.cluster_id == cluster_id, t.Project.reference == reference)
    )
    if except_id is not None:
        query = query.where(t.Project.id != except_id)
    return bool(session.scalar(query))


def project_version(session: Session, project_id: int) -> int | None:
    return session.scalar(select(t.Project.version).where(t.Project.id == project_id))


def status_history(session: Session, project_id: int) -> list[dict[str, Any]]:
    return [
        {
            "from_status": r.from_status,
            "to_status": r.to_status,
            "step_on": r.step_on,
            "changed_at": r.changed_at,
            "changed_by": r.changed_by,
            "source": r.source,
        }
        for r in session.scalars(
            select(t.StatusChange)
            .where(t.StatusChange.project_id == project_id)
            .order_by(t.StatusChange.id)
        )
    ]


def project_organisations(session: Session, project_id: int) -> list[int]:
    return list(
        session.scalars(
            select(t.Participation.organisation_id).where(t.Participation.project_id == project_id)
        )
    )


# -- evaluations and experts ----------------------------------------------------------------------


def load_evaluations(session: Session, project_id: int) -> list[EvaluationRecord]:
    return [
        EvaluationRecord(
            expert_id=e.expert_id,
            evaluated_on=e.evaluated_on,
            score_innovation=e.score_innovation,
            score_consortium=e.score_consortium,
            score_impact=e.score_impact,
            score_feasibility=e.score_feasibility,
            opinion=e.opinion,
            recommendation=Recommendation(e.recommendation) if e.recommendation else None,
            id=e.id,
            expert_name=name,
        )
        for e, name in session.execute(
            select(t.Evaluation, t.Expert.name)
            .join(t.Expert, t.Expert.id == t.Evaluation.expert_id)
            .where(t.Evaluation.project_id == project_id)
            .order_by(t.Evaluation.evaluated_on, t.Evaluation.id)
        )
    ]


def expert_ties(session: Session, expert_id: int) -> list[int]:
    return list(
        session.scalars(
            select(t.ExpertTie.organisation_id).where(t.ExpertTie.expert_id == expert_id)
        )
    )


# -- reference data -------------------------------------------------------------------------------


def load_organisation(session: Session, organisation_id: int) -> OrganisationRecord | None:
    o = session.get(t.Organisation, organisation_id)
    if o is None:
        return None
    return OrganisationRecord(
        name=o.name,
        kind=OrganisationKind(o.kind),
        siren=o.siren,
        siret=o.siret,
        region=o.region,
        city=o.city,
        is_member=o.is_member,
        member_since=o.member_since,
        member_until=o.member_until,
        id=o.id,
        version=o.version,
    )


def projects_of_organisation(session: Session, organisation_id: int) -> list[int]:
    return list(
        session.scalars(
            select(t.Participation.project_id).where(
                t.Participation.organisation_id == organisation_id
            )
        )
    )


@dataclass(slots=True)
class MergeSnapshot:
    """Everything a merge changed, so that undo can put it back exactly."""

    keep_id: int
    organisations: list[OrganisationRecord] = field(default_factory=list)
    #: participations moved onto the kept organisation: (participation id, former organisation id)
    moved: list[tuple[int, int]] = field(default_factory=list)
    #: participations deleted because the kept organisation was already there: full rows
    deleted: list[dict[str, Any]] = field(default_factory=list)
    #: the kept organisation's participations as they were before absorbing a duplicate
    kept_before: list[dict[str, Any]] = field(default_factory=list)
    #: funding lines whose beneficiary moved: (line id, former beneficiary id)
    beneficiaries: list[tuple[int, int]] = field(default_factory=list)
    #: expert ties of the merged organisations: (expert id, organisation id)
    ties: list[tuple[int, int]] = field(default_factory=list)
    #: ties the merge added to the kept organisation
    ties_added: list[int] = field(default_factory=list)
    projects: list[int] = field(default_factory=list)


def organisation_usage(session: Session, organisation_id: int) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(t.Participation)
            .where(t.Participation.organisation_id == organisation_id)
        )
        or 0
    ) + int(
        session.scalar(
            select(func.count())
            .select_from(t.FundingLine)
            .where(t.FundingLine.beneficiary_id == organisation_id)
        )
        or 0
    )


def list_funders(session: Session) -> list[FunderRecord]:
    return [
        FunderRecord(f.name, FunderKind(f.kind), f.id)
        for f in session.scalars(select(t.Funder).order_by(t.Funder.name))
    ]


def list_calls(session: Session) -> list[CallRecord]:
    return [
        CallRecord(c.name, c.funder_id, c.programme, c.year, c.id)
        for c in session.scalars(select(t.Call).order_by(t.Call.year.desc(), t.Call.name))
    ]


def evaluation_project(session: Session, evaluation_id: int) -> int | None:
    return session.scalar(select(t.Evaluation.project_id).where(t.Evaluation.id == evaluation_id))

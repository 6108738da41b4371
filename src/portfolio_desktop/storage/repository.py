"""Loading and writing whole records (a project with its partners, funding and domains).

Functions take the unit of work's session and plain records from `domain.model`; ORM objects never
leave this module. Versions implement optimistic concurrency: a write names the version its form
displayed, and a row changed since then is not overwritten. Every write records what it changed
in the change history (`storage.history`), in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
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
from ..domain.text import fold
from . import history, money
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

_PROJECT_FIELDS = (
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
    for name in _PROJECT_FIELDS:
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


def write_project(
    session: Session,
    record: ProjectRecord,
    *,
    expected_version: int | None,
    status: ProjectStatus | None = None,
) -> tuple[int, int]:
    """Inserts or updates a project and replaces its children; returns (id, new version).

    `expected_version` None means the caller creates the project (possibly restoring a deleted
    one under its old id, for undo). Otherwise the update only happens at that version.
    """
    now = utcnow()
    values: dict[str, Any] = {name: getattr(record, name) for name in _PROJECT_FIELDS}
    values.update(
        rd_carbon=record.assessment.carbon,
        rd_resources=record.assessment.resources,
        rd_recyclability=record.assessment.recyclability,
        rd_energy=record.assessment.energy,
        rd_ethics=record.assessment.ethics,
        updated_at=now,
    )
    if status is not None:
        values["status"] = status.value
    before = (
        history.project_states(session, [record.id])
        if expected_version is not None and record.id is not None
        else {}
    )
    if expected_version is None:
        values.update(status=(status or record.status).value, created_at=now, version=1)
        if record.id is not None:
            values["id"] = record.id
        project_id = t.insert_id(session, t.Project, values)
        version = 1
    else:
        assert record.id is not None
        project_id = record.id
        version = expected_version + 1
        result = session.execute(
            update(t.table_of(t.Project))
            .where(
                t.table_of(t.Project).c.id == project_id,
                t.table_of(t.Project).c.version == expected_version,
            )
            .values(version=version, **values)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise StaleError("project", project_id, project_version(session, project_id))
    _replace_children(session, project_id, record)
    history.diff_projects(
        session,
        before,
        history.project_states(session, [project_id]),
        restored=expected_version is None and record.id is not None,
    )
    return project_id, version


def _replace_children(session: Session, project_id: int, record: ProjectRecord) -> None:
    session.execute(delete(t.ProjectRegion).where(t.ProjectRegion.project_id == project_id))
    for region in dict.fromkeys(record.regions):
        session.add(t.ProjectRegion(project_id=project_id, region=region))
    session.execute(delete(t.ProjectDomain).where(t.ProjectDomain.project_id == project_id))
    for share in record.domains:
        session.add(
            t.ProjectDomain(project_id=project_id, domain_id=share.domain_id, percent=share.percent)
        )

    # Partners keep their ids when their organisation stays (history and funding refer to them).
    existing = {
        org_id: pid
        for pid, org_id in session.execute(
            select(t.Participation.id, t.Participation.organisation_id).where(
                t.Participation.project_id == project_id
            )
        )
    }
    kept = {p.organisation_id for p in record.partners}
    removed = [pid for org_id, pid in existing.items() if org_id not in kept]
    if removed:
        session.execute(delete(t.Participation).where(t.Participation.id.in_(removed)))
    for partner in record.partners:
        if partner.organisation_id in existing:
            session.execute(
                update(t.Participation)
                .where(t.Participation.id == existing[partner.organisation_id])
                .values(role=partner.role.value, budget_cents=partner.budget_cents)
            )
        else:
            session.add(
                t.Participation(
                    project_id=project_id,
                    organisation_id=partner.organisation_id,
                    role=partner.role.value,
                    budget_cents=partner.budget_cents,
                )
            )

    line_ids = {line.id for line in record.funding_lines if line.id is not None}
    stale = delete(t.FundingLine).where(t.FundingLine.project_id == project_id)
    if line_ids:
        stale = stale.where(t.FundingLine.id.not_in(line_ids))
    session.execute(stale)
    present = set(
        session.scalars(select(t.FundingLine.id).where(t.FundingLine.project_id == project_id))
    )
    written: list[int] = []
    for line in record.funding_lines:
        values = {
            "funder_id": line.funder_id,
            "instrument": line.instrument.value,
            "beneficiary_id": line.beneficiary_id,
            "requested_cents": line.requested_cents,
            "granted_cents": line.granted_cents,
            "paid_cents": line.paid_cents,
            "decision_on": line.decision_on,
            "granted_override": line.granted_override,
        }
        if line.id is not None and line.id in present:
            session.execute(
                update(t.FundingLine).where(t.FundingLine.id == line.id).values(**values)
            )
            written.append(line.id)
        else:
            if line.id is not None:
                values["id"] = line.id  # restoring a deleted line (undo) under its old id
            written.append(
                t.insert_id(session, t.FundingLine, {"project_id": project_id, **values})
            )
    # The lines' tranches, payments, shares and spread (storage.money writes them); the paid
    # amount written above stands, and the payments are matched to it.
    for line_id, line in zip(written, record.funding_lines, strict=True):
        if line.money is not None:
            money.write_line_money(session, line_id, line.money, paid_from_payments=False)
    money.match_payments_to_paid(session, written)
    session.flush()


def delete_project(session: Session, project_id: int, expected_version: int) -> None:
    before = history.project_states(session, [project_id])
    result = session.execute(
        delete(t.table_of(t.Project)).where(
            t.table_of(t.Project).c.id == project_id,
            t.table_of(t.Project).c.version == expected_version,
        )
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise StaleError("project", project_id, project_version(session, project_id))
    history.diff_projects(session, before, {})


def set_status(
    session: Session,
    project_id: int,
    expected_version: int,
    status: ProjectStatus,
    date_field: str | None,
    on: date | None,
    *,
    dates: dict[str, date | None] | None = None,
) -> int:
    """Sets the status, stamps one step date (or restores several), at the expected version."""
    values: dict[str, Any] = {
        "status": status.value,
        "version": expected_version + 1,
        "updated_at": utcnow(),
    }
    if date_field is not None:
        values[date_field] = on
    values.update(dates or {})
    tracked = [c for c in values if c in history.TRACKED["project"]]
    before = history.snapshot(session, "project", [project_id], tracked)
    result = session.execute(
        update(t.table_of(t.Project))
        .where(
            t.table_of(t.Project).c.id == project_id,
            t.table_of(t.Project).c.version == expected_version,
        )
        .values(**values)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise StaleError("project", project_id, project_version(session, project_id))
    history.diff_rows(
        session,
        "project",
        before,
        {pid: {**row, **{c: values[c] for c in tracked}} for pid, row in before.items()},
    )
    return expected_version + 1


def add_status_change(
    session: Session,
    project_id: int,
    from_status: str | None,
    to_status: str,
    on: date | None,
    user: str,
    source: str,
) -> None:
    session.add(
        t.StatusChange(
            project_id=project_id,
            from_status=from_status,
            to_status=to_status,
            step_on=on,
            changed_at=utcnow(),
            changed_by=user,
            source=source,
        )
    )
    session.flush()


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


def write_evaluation(session: Session, project_id: int, record: EvaluationRecord) -> int:
    values = {
        "expert_id": record.expert_id,
        "evaluated_on": record.evaluated_on,
        "score_innovation": record.score_innovation,
        "score_consortium": record.score_consortium,
        "score_impact": record.score_impact,
        "score_feasibility": record.score_feasibility,
        "opinion": record.opinion,
        "recommendation": record.recommendation.value if record.recommendation else None,
    }
    if record.id is not None and session.get(t.Evaluation, record.id) is not None:
        history.record_update_rows(session, "evaluation", [{"id": record.id, **values}])
        session.execute(update(t.Evaluation).where(t.Evaluation.id == record.id).values(**values))
        return record.id
    restored = record.id is not None
    if record.id is not None:
        values["id"] = record.id
    new_id = t.insert_id(session, t.Evaluation, {"project_id": project_id, **values})
    history.diff_rows(
        session,
        "evaluation",
        {},
        {new_id: {"project_id": project_id, **values}},
        restored=restored,
    )
    return new_id


def delete_evaluation(session: Session, evaluation_id: int) -> None:
    history.record_deleted(session, "evaluation", [evaluation_id])
    session.execute(delete(t.Evaluation).where(t.Evaluation.id == evaluation_id))


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


def write_organisation(
    session: Session, record: OrganisationRecord, *, expected_version: int | None
) -> tuple[int, int]:
    values: dict[str, Any] = {
        "name": record.name.strip(),
        "name_key": fold(record.name),
        "kind": record.kind.value,
        "siren": record.siren or None,
        "siret": record.siret or None,
        "region": record.region or None,
        "city": record.city,
        "is_member": record.is_member,
        "member_since": record.member_since,
        "member_until": record.member_until,
    }
    if expected_version is None:
        if record.id is not None:
            values["id"] = record.id
        new_id = t.insert_id(session, t.Organisation, {"version": 1, **values})
        history.diff_rows(
            session, "organisation", {}, {new_id: values}, restored=record.id is not None
        )
        return new_id, 1
    assert record.id is not None
    before = history.snapshot(session, "organisation", [record.id])
    result = session.execute(
        update(t.table_of(t.Organisation))
        .where(
            t.table_of(t.Organisation).c.id == record.id,
            t.table_of(t.Organisation).c.version == expected_version,
        )
        .values(version=expected_version + 1, **values)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        current = session.scalar(
            select(t.Organisation.version).where(t.Organisation.id == record.id)
        )
        raise StaleError("organisation", record.id, current)
    history.diff_rows(
        session, "organisation", before, {i: {**row, **values} for i, row in before.items()}
    )
    return record.id, expected_version + 1


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


def merge_organisations(session: Session, keep_id: int, merged_ids: list[int]) -> MergeSnapshot:
    """Moves every link of the merged organisations onto the one kept, then deletes them.

    A project where both took part keeps one participation (the kept one's, taking the lead role
    and adding the budgets). Returns what changed, for undo.
    """
    snapshot = MergeSnapshot(keep_id)
    touched: set[int] = set()
    history.set_source(session, "merge")
    watched = _merge_watch(session, [keep_id, *merged_ids])
    for merged in merged_ids:
        if merged == keep_id:
            continue
        record = load_organisation(session, merged)
        if record is None:
            continue
        snapshot.organisations.append(record)
        for part in session.scalars(
            select(t.Participation).where(t.Participation.organisation_id == merged)
        ).all():
            touched.add(part.project_id)
            clash = session.scalar(
                select(t.Participation).where(
                    t.Participation.project_id == part.project_id,
                    t.Participation.organisation_id == keep_id,
                )
            )
            if clash is None:
                snapshot.moved.append((part.id, merged))
                part.organisation_id = keep_id
                continue
            snapshot.kept_before.append(
                {"id": clash.id, "role": clash.role, "budget_cents": clash.budget_cents}
            )
            snapshot.deleted.append(
                {
                    "id": part.id,
                    "project_id": part.project_id,
                    "organisation_id": merged,
                    "role": part.role,
                    "budget_cents": part.budget_cents,
                }
            )
            if part.role == PartnerRole.LEAD.value:
                clash.role = PartnerRole.LEAD.value
            if clash.budget_cents is not None or part.budget_cents is not None:
                clash.budget_cents = (clash.budget_cents or 0) + (part.budget_cents or 0)
            session.delete(part)
        session.flush()
        for line_id, project_id in session.execute(
            select(t.FundingLine.id, t.FundingLine.project_id).where(
                t.FundingLine.beneficiary_id == merged
            )
        ).all():
            snapshot.beneficiaries.append((line_id, merged))
            touched.add(project_id)
        session.execute(
            update(t.FundingLine)
            .where(t.FundingLine.beneficiary_id == merged)
            .values(beneficiary_id=keep_id)
        )
        for (expert_id,) in session.execute(
            select(t.ExpertTie.expert_id).where(t.ExpertTie.organisation_id == merged)
        ).all():
            snapshot.ties.append((expert_id, merged))
            if session.get(t.ExpertTie, (expert_id, keep_id)) is None:
                session.add(t.ExpertTie(expert_id=expert_id, organisation_id=keep_id))
                snapshot.ties_added.append(expert_id)
        session.execute(delete(t.ExpertTie).where(t.ExpertTie.organisation_id == merged))
        session.execute(delete(t.Organisation).where(t.Organisation.id == merged))
        session.flush()
    snapshot.projects = sorted(touched)
    _merge_record(session, watched)
    return snapshot


def _merge_watch(session: Session, organisation_ids: list[int]) -> dict[str, dict[int, Any]]:
    """What a merge (or its undo) may change: the organisations, their partners and lines."""
    part_ids = session.scalars(
        select(t.Participation.id).where(t.Participation.organisation_id.in_(organisation_ids))
    ).all()
    line_ids = session.scalars(
        select(t.FundingLine.id).where(t.FundingLine.beneficiary_id.in_(organisation_ids))
    ).all()
    return {
        "organisation": history.snapshot(session, "organisation", organisation_ids),
        "participation": history.snapshot(session, "participation", part_ids),
        "funding_line": history.snapshot(session, "funding_line", line_ids),
    }


def _merge_record(session: Session, before: dict[str, dict[int, Any]]) -> None:
    """Records what became of the rows `_merge_watch` saw (moved, deleted, updated)."""
    for table, rows in before.items():
        history.diff_rows(session, table, rows, history.snapshot(session, table, rows))


def unmerge_organisations(session: Session, snapshot: MergeSnapshot) -> list[int]:
    """Undoes `merge_organisations`: the organisations and every link come back as they were."""
    history.set_source(session, "undo")
    watched = _merge_watch(session, [snapshot.keep_id])
    for record in snapshot.organisations:
        write_organisation(session, record, expected_version=None)
        session.execute(
            update(t.Organisation)
            .where(t.Organisation.id == record.id)
            .values(version=record.version)
        )
    for part_id, former in snapshot.moved:
        session.execute(
            update(t.Participation)
            .where(t.Participation.id == part_id)
            .values(organisation_id=former)
        )
    for row in snapshot.kept_before:
        session.execute(
            update(t.Participation)
            .where(t.Participation.id == row["id"])
            .values(role=row["role"], budget_cents=row["budget_cents"])
        )
    for row in snapshot.deleted:
        session.execute(t.table_of(t.Participation).insert().values(**row))
    for line_id, former in snapshot.beneficiaries:
        session.execute(
            update(t.FundingLine).where(t.FundingLine.id == line_id).values(beneficiary_id=former)
        )
    for expert_id in snapshot.ties_added:
        session.execute(
            delete(t.ExpertTie).where(
                t.ExpertTie.expert_id == expert_id, t.ExpertTie.organisation_id == snapshot.keep_id
            )
        )
    for expert_id, org_id in snapshot.ties:
        session.add(t.ExpertTie(expert_id=expert_id, organisation_id=org_id))
    session.flush()
    _merge_record(session, watched)
    history.diff_rows(
        session,
        "participation",
        {},
        history.snapshot(session, "participation", [row["id"] for row in snapshot.deleted]),
        restored=True,
    )
    return snapshot.projects


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


def delete_organisation(session: Session, organisation_id: int) -> None:
    history.record_deleted(session, "organisation", [organisation_id])
    session.execute(delete(t.ExpertTie).where(t.ExpertTie.organisation_id == organisation_id))
    session.execute(delete(t.Organisation).where(t.Organisation.id == organisation_id))


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

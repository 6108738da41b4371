"""Integrity and invariant checks over a whole database (`portfolio-desktop check`).

Each finding is a code with parameters; nothing here decides how to word it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from ..domain.enums import PartnerRole, ProjectStatus
from ..domain.identifiers import siren_valid
from .tables import FundingLine, Organisation, Participation, Project, ProjectDomain


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in the database."""

    code: str
    params: dict[str, object] = field(default_factory=dict)


LIMIT = 200  # findings per check: enough to act on, short enough to read


def sqlite_integrity(session: Session) -> list[Finding]:
    findings = []
    rows = session.connection().exec_driver_sql("PRAGMA integrity_check").fetchall()
    if rows != [("ok",)]:
        findings += [Finding("check_integrity", {"detail": str(r[0])}) for r in rows[:LIMIT]]
    for table, rowid, parent, _ in (
        session.connection().exec_driver_sql("PRAGMA foreign_key_check").fetchall()[:LIMIT]
    ):
        findings.append(
            Finding("check_foreign_key", {"table": table, "rowid": rowid, "parent": parent})
        )
    return findings


def invariant_findings(session: Session) -> list[Finding]:
    findings: list[Finding] = []
    split = (
        select(Project.reference, func.sum(ProjectDomain.percent))
        .join(ProjectDomain, ProjectDomain.project_id == Project.id)
        .group_by(Project.id, Project.reference)
        .having(func.sum(ProjectDomain.percent) != 100)
        .limit(LIMIT)
    )
    findings += [
        Finding("check_split_sum", {"reference": r, "total": int(t)})
        for r, t in session.execute(split)
    ]

    over = (
        select(Project.reference)
        .join(FundingLine, FundingLine.project_id == Project.id)
        .where(
            FundingLine.granted_cents > FundingLine.requested_cents,
            FundingLine.granted_override.is_(False),
        )
        .distinct()
        .limit(LIMIT)
    )
    findings += [
        Finding("check_granted_exceeds", {"reference": r}) for (r,) in session.execute(over)
    ]

    statuses = [s.value for s in ProjectStatus]
    unknown = (
        select(Project.reference, Project.status)
        .where(Project.status.not_in(statuses))
        .limit(LIMIT)
    )
    findings += [
        Finding("check_status_unknown", {"reference": r, "status": s})
        for r, s in session.execute(unknown)
    ]

    ordered = [
        Project.submitted_on,
        Project.evaluated_on,
        Project.labelling_decided_on,
        Project.funding_decided_on,
    ]
    pairs = [
        and_(a.is_not(None), b.is_not(None), b < a)
        for index, a in enumerate(ordered)
        for b in ordered[index + 1 :]
    ]
    pairs.append(
        and_(
            Project.start_on.is_not(None),
            Project.end_on.is_not(None),
            Project.end_on < Project.start_on,
        )
    )
    disorder = select(Project.reference).where(or_(*pairs)).limit(LIMIT)
    findings += [
        Finding("check_dates_order", {"reference": r}) for (r,) in session.execute(disorder)
    ]

    sums = (
        select(
            FundingLine.project_id,
            func.coalesce(func.sum(FundingLine.granted_cents), 0).label("granted"),
        )
        .group_by(FundingLine.project_id)
        .subquery()
    )
    stale = (
        select(Project.reference)
        .outerjoin(sums, sums.c.project_id == Project.id)
        .where(Project.granted_cents != func.coalesce(sums.c.granted, 0))
        .limit(LIMIT)
    )
    findings += [
        Finding("check_summary_stale", {"reference": r}) for (r,) in session.execute(stale)
    ]

    leads = (
        select(Project.reference)
        .join(Participation, Participation.project_id == Project.id)
        .group_by(Project.id, Project.reference)
        .having(func.sum(case((Participation.role == PartnerRole.LEAD.value, 1), else_=0)) > 1)
        .limit(LIMIT)
    )
    findings += [Finding("check_leads", {"reference": r}) for (r,) in session.execute(leads)]

    sirens = select(Organisation.name, Organisation.siren).where(Organisation.siren.is_not(None))
    bad = [name for name, siren in session.execute(sirens) if not siren_valid(siren or "")]
    findings += [Finding("check_siren", {"name": name}) for name in bad[:LIMIT]]
    return findings

"""Integrity checks over a whole database (`portfolio-desktop check`): SQLite's own checks and the
kept-in-step summaries. The domain's invariants are the domain's rules run over every record
(`storage.invariant_scan`, `services.check`).

Each finding is a code with parameters; nothing here decides how to word it.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .tables import FundingLine, Project


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in the database: a code and its parameters, how serious it is, and the
    project (reference and id) or organisation (name) it is about, with the field when known."""

    code: str
    params: dict[str, object] = dataclass_field(default_factory=dict)
    severity: str = "error"
    project: str | None = None
    project_id: int | None = None
    field: str = ""
    organisation: str | None = None


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


def summary_findings(session: Session) -> list[Finding]:
    """Projects whose kept-in-step granted total no longer matches their funding lines (the
    domain's invariants are checked by `services.check` over `storage.invariant_scan`)."""
    sums = (
        select(
            FundingLine.project_id,
            func.coalesce(func.sum(FundingLine.granted_cents), 0).label("granted"),
        )
        .group_by(FundingLine.project_id)
        .subquery()
    )
    stale = (
        select(Project.id, Project.reference)
        .outerjoin(sums, sums.c.project_id == Project.id)
        .where(Project.granted_cents != func.coalesce(sums.c.granted, 0))
        .limit(LIMIT)
    )
    return [
        Finding("check_summary_stale", {"reference": r}, project=r, project_id=i)
        for i, r in session.execute(stale)
    ]

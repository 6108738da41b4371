"""`portfolio-desktop check`: is the database sound, and do its records keep the domain's rules?"""

from __future__ import annotations

from ..storage import integrity
from ..storage.database import Database
from ..storage.summaries import refresh_projects

Finding = integrity.Finding


def check_database(db: Database, *, repair: bool = False) -> list[Finding]:
    """Every finding; with `repair`, stale summary columns are recomputed first (nothing else)."""
    if repair:
        with db.write() as session:
            refresh_projects(session, None)
    findings: list[Finding] = []
    with db.read() as session:
        if db.is_sqlite:
            findings += integrity.sqlite_integrity(session)
        findings += integrity.invariant_findings(session)
    return findings

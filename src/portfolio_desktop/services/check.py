"""`portfolio-desktop check`: is the database sound, and do its records keep the domain's rules?"""

from __future__ import annotations

from ..storage import integrity
from ..storage.database import Database
from ..storage.summaries import refresh_projects

Finding = integrity.Finding


def check_database(db: Database, *, repair: bool = False) -> list[Finding]:
    """Every finding; with `repair`, stale summary columns are recomputed first (nothing else,
    and never in a damaged file)."""
    if repair and not damaged(damage_findings(db)):
        with db.write() as session:
            refresh_projects(session, None)
    findings: list[Finding] = []
    with db.read() as session:
        if db.is_sqlite:
            findings += integrity.sqlite_integrity(session)
            findings += integrity.value_findings(session)
        if not damaged(findings):  # the invariants would read the damaged values
            findings += integrity.invariant_findings(session)
    return findings


def damaged(findings: list[Finding]) -> bool:
    """Whether the findings say the file itself is damaged (not only a broken rule)."""
    return any(f.code in integrity.DAMAGE_CODES for f in findings)


#: Up to this size a file's every value is read before a command writes into it (0.18 s for the
#: pole demo); a larger one (a national portfolio: a whole read of 386 MB) gets SQLite's quick
#: check only, and a damaged value the write then meets stops it with nothing written (its unit
#: of work rolls back, the error is a sentence). `check` reads every value whatever the size.
VALUES_BEFORE_WRITE_BYTES = 64 * 1024 * 1024


def damage_findings(db: Database) -> list[Finding]:
    """What says a database file is damaged, before a command writes into it: SQLite's quick
    check of its structure, then every value (a damaged file is never written into)."""
    if not db.is_sqlite:
        return []
    size = db.path.stat().st_size if db.path is not None and db.path.exists() else 0
    with db.read() as session:
        findings = integrity.sqlite_integrity(session, quick=True)
        if not findings and size <= VALUES_BEFORE_WRITE_BYTES:
            findings = integrity.value_findings(session)
    return findings

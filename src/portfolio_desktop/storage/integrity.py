"""Integrity checks over a whole database (`portfolio-desktop check`).

Three levels, each a list of findings: SQLite's own (`sqlite_integrity`: the B-trees and the
foreign keys), the values (`value_findings`: every stored value is what the application will read
it as — text that decodes as UTF-8, dates and times that parse, integers that are integers;
damage of a few bytes breaks an export long before SQLite's structure checks notice), and the
kept-in-step summaries (`summary_findings`). The domain's invariants are the domain's own rules
run over every record (`storage.invariant_scan`, `services.check`).

Each finding is a code with parameters; nothing here decides how to word it.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import Table

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


def sqlite_integrity(session: Session, *, quick: bool = False) -> list[Finding]:
    """SQLite's own check of the file (`quick_check` skips the indexes' cross-checks) and of
    the foreign keys."""
    findings = []
    pragma = "quick_check" if quick else "integrity_check"
    rows = session.connection().exec_driver_sql(f"PRAGMA {pragma}").fetchall()
    if rows != [("ok",)]:
        findings += [Finding("check_integrity", {"detail": str(r[0])}) for r in rows[:LIMIT]]
    for table, rowid, parent, _ in (
        session.connection().exec_driver_sql("PRAGMA foreign_key_check").fetchall()[:LIMIT]
    ):
        findings.append(
            Finding("check_foreign_key", {"table": table, "rowid": rowid, "parent": parent})
        )
    return findings


#: Finding codes that mean the file itself is damaged (not a broken rule of the domain).
DAMAGE_CODES = frozenset(
    {"check_integrity", "check_foreign_key", "check_value_text", "check_value_type",
     "check_value_date"}
)  # fmt: skip


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def value_findings(session: Session) -> list[Finding]:
    """SQLite: every value of every declared column read back as the application reads it.

    One pass per table. Text columns come back as bytes and are decoded here (a row's text
    columns joined, one decode per row; only a failing row is looked at column by column);
    integer, boolean, date and time columns are checked by SQLite itself (`typeof`, the date's
    shape and `date()`/`datetime()` giving it back).
    """
    from .tables import Base

    connection = session.connection()
    raw = connection.connection.driver_connection
    findings: list[Finding] = []
    existing = {
        row[0]
        for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    for table in Base.metadata.sorted_tables:
        if table.name in existing and len(findings) < LIMIT:
            findings += _table_values(raw, table, LIMIT - len(findings))
    return findings


def _table_values(raw: object, table: Table, room: int) -> list[Finding]:
    texts, checks = [], []
    for column in table.c:
        name = _quoted(column.name)
        kind = column.type
        if isinstance(kind, String | Text):  # Enum is a String
            texts.append(column.name)
            checks.append(
                (column.name, "check_value_type", f"typeof({name}) NOT IN ('text', 'null')")
            )
        elif isinstance(kind, Boolean):
            checks.append(
                (column.name, "check_value_type", f"{name} IS NOT NULL AND {name} NOT IN (0, 1)")
            )
        elif isinstance(kind, Integer):  # SmallInteger and BigInteger too
            checks.append(
                (column.name, "check_value_type", f"typeof({name}) NOT IN ('integer', 'null')")
            )
        elif isinstance(kind, DateTime):
            texts.append(column.name)  # stored as text: it must decode too
            checks.append(
                (column.name, "check_value_date",
                 f"{name} IS NOT NULL AND (typeof({name}) <> 'text' OR datetime({name}) IS NULL)")
            )  # fmt: skip
        elif isinstance(kind, Date):
            texts.append(column.name)
            checks.append(
                (column.name, "check_value_date",
                 f"{name} IS NOT NULL AND (typeof({name}) <> 'text' OR date({name}) IS NOT {name})")
            )  # fmt: skip
    findings: list[Finding] = []
    if not texts and not checks:
        return findings
    flags = [f"CASE WHEN {condition} THEN 1 ELSE 0 END" for _c, _code, condition in checks]
    joined = " || x'00' || ".join(f"coalesce(CAST({_quoted(c)} AS BLOB), x'')" for c in texts)
    columns = ["rowid", f"CAST({joined} AS BLOB)" if texts else "NULL", *flags]
    sql = f"SELECT {', '.join(columns)} FROM {_quoted(table.name)}"
    cursor = raw.execute(sql)  # type: ignore[attr-defined]
    for row in cursor:
        if len(findings) >= room:
            break
        rowid, blob, marks = row[0], row[1], row[2:]
        found = [
            Finding(code, {"table": table.name, "column": column_name, "rowid": rowid})
            for (column_name, code, _condition), mark in zip(checks, marks, strict=True)
            if mark
        ]
        if blob is not None:
            try:
                bytes(blob).decode("utf-8")
            except UnicodeDecodeError:
                undecodable = _undecodable(raw, table, texts, rowid)
                # A value that is not even text says so, rather than "not a date" as well.
                unreadable = {f.params["column"] for f in undecodable}
                found = [f for f in found if f.params["column"] not in unreadable] + undecodable
        findings += found
    return findings[:room]


def _undecodable(raw: object, table: Table, texts: list[str], rowid: int) -> list[Finding]:
    """The text columns of one row that do not decode as UTF-8."""
    sql = (
        f"SELECT {', '.join(f'CAST({_quoted(c)} AS BLOB)' for c in texts)} "
        f"FROM {_quoted(table.name)} WHERE rowid = ?"
    )
    values = raw.execute(sql, (rowid,)).fetchone()  # type: ignore[attr-defined]
    bad = []
    for column, value in zip(texts, values or (), strict=False):
        try:
            bytes(value or b"").decode("utf-8")
        except UnicodeDecodeError:
            bad.append(
                Finding("check_value_text", {"table": table.name, "column": column, "rowid": rowid})
            )
    return bad


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

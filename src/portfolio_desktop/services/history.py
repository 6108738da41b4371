"""Reading the change history: a project's (with its partners, funding lines and evaluations), an
organisation's, the latest changes; and the import batches that can be undone.

Values come back typed (cents, dates, booleans, codes) with a `kind` that says how to show them,
and the ids of funders, organisations, calls, domains and experts replaced by their names; the
desktop and the command line turn them into words.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..storage import history as store
from ..storage import imports
from ..storage.database import Database
from ..storage.money import MONEY_FIELDS

#: field → how its values are shown (money, date, bool, a label kind, a name, …).
FIELD_KINDS: dict[str, str] = {
    "status": "ProjectStatus",
    "role": "PartnerRole",
    "instrument": "Instrument",
    "recommendation": "Recommendation",
    "domains": "domains",
    "regions": "regions",
    # A funding line's money (`storage.money.money_texts`): JSON rows.
    **{name: name for name in MONEY_FIELDS},
    "region": "region",
    "responsible_digital": "bool",
    "granted_override": "bool",
    "is_member": "bool",
    "active": "bool",
    "partner_kind": "OrganisationKind",
    "base": "CostBase",
    "max_rate_bp": "rate_bp",
}
#: field → the reference table whose name replaces the id.
NAMED: dict[str, str] = {
    "funder_id": "funder",
    "beneficiary_id": "organisation",
    "organisation_id": "organisation",
    "call_id": "call",
    "cluster_id": "cluster",
    "expert_id": "expert",
}
_INTEGERS = {
    "year", "position", "rd_carbon", "rd_resources", "rd_recyclability", "rd_energy", "rd_ethics",
    "score_innovation", "score_consortium", "score_impact", "score_feasibility",
}  # fmt: skip


def field_kind(table: str, name: str) -> str:
    if name.endswith("_cents"):
        return "money"
    if name.endswith("_on") or name in ("member_since", "member_until"):
        return "date"
    if name == "kind":
        return "FunderKind" if table == "funder" else "OrganisationKind"
    if name in NAMED:
        return "name"
    if name in _INTEGERS:
        return "int"
    return FIELD_KINDS.get(name, "text")


@dataclass(frozen=True, slots=True)
class Change:
    """One change, ready to show: who, when, where from, which row, which field, old → new."""

    at: datetime
    user: str
    #: form, import, undo, undo-import, merge, unknown
    source: str
    #: the import batch (for import and undo-import)
    batch: int | None
    table: str
    row_id: int
    #: created, updated, deleted or restored
    action: str
    field: str
    kind: str
    old: Any
    new: Any
    #: what the row is, for partners and funding lines (an organisation, a funder), else ""
    subject: str = ""
    #: a whole record (created, restored or deleted rows): field → typed value
    record: dict[str, Any] = dataclasses.field(default_factory=dict)


def split_source(source: str) -> tuple[str, int | None]:
    """`import:12` → ("import", 12); `form` → ("form", None)."""
    name, _sep, number = source.partition(":")
    return name, int(number) if number.isdigit() else None


def _decode(kind: str, text: str | None) -> Any:
    if text is None:
        return None
    if kind in ("money", "int", "rate_bp"):
        try:
            return int(text)
        except ValueError:
            return text
    if kind == "date":
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return text
    if kind == "bool":
        return text in ("true", "1", "True")
    if kind == "name":
        return int(text) if text.lstrip("-").isdigit() else text
    if kind == "domains":
        shares = []
        for part in text.split(","):
            domain, _sep, percent = part.partition(":")
            if domain.isdigit() and percent.isdigit():
                shares.append((int(domain), int(percent)))
        return shares
    if kind == "regions":
        return [r for r in text.split(",") if r]
    if kind in MONEY_KINDS:
        try:
            rows = json.loads(text)
        except ValueError:
            return text
        return [tuple(row) for row in rows] if isinstance(rows, list) else text
    return text


#: The parts of a funding line's money, recorded as JSON rows.
MONEY_KINDS = MONEY_FIELDS


class _Names:
    """Names of the reference rows the changes mention, fetched in one query per table."""

    def __init__(self) -> None:
        self.wanted: dict[str, set[int]] = {}
        self.found: dict[str, dict[int, str]] = {}

    def want(self, table: str, value: Any) -> None:
        if isinstance(value, int):
            self.wanted.setdefault(table, set()).add(value)

    def load(self, session: Any) -> None:
        for table, ids in self.wanted.items():
            self.found[table] = store.names(session, table, ids)
            gone = ids - set(self.found[table])
            if gone:
                self.found[table].update(store.recorded_names(session, table, gone))

    def name(self, table: str, value: Any) -> Any:
        if isinstance(value, int):
            return self.found.get(table, {}).get(value, f"#{value}")
        return value


def _record(table: str, text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        raw = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    values: dict[str, Any] = {}
    for name, value in raw.items():
        if name in ("partners", "funding_lines") and isinstance(value, list):
            child = "participation" if name == "partners" else "funding_line"
            values[name] = [
                {k: _decode(field_kind(child, k), v) for k, v in item.items()}
                for item in value
                if isinstance(item, dict)
            ]
            continue
        values[name] = _decode(field_kind(table, name), value)
    return values


def _changes(session: Any, rows: list[store.HistoryRow]) -> list[Change]:
    names = _Names()
    decoded = []
    current = _imported_records(session, rows)
    for row in rows:
        kind = field_kind(row.table, row.field) if row.field else "record"
        record = _record(row.table, row.new if row.action in ("created", "restored") else row.old)
        if not record and row.action == "created":
            record = current.get((row.table, row.row_id), {})
        old = _decode(kind, row.old) if row.field else None
        new = _decode(kind, row.new) if row.field else None
        decoded.append((row, kind, old, new, record))
        if kind == "name":
            names.want(NAMED[row.field], old)
            names.want(NAMED[row.field], new)
        if kind == "domains":
            for value in (old, new):
                for domain_id, _p in value or []:
                    names.want("domain", domain_id)
        if kind == "shares":
            for value in (old, new):
                for organisation_id, _cents in value if isinstance(value, list) else []:
                    names.want("organisation", organisation_id)
        for name, table in NAMED.items():
            names.want(table, record.get(name))
        for domain_id, _p in record.get("domains") or []:
            names.want("domain", domain_id)
        for item in record.get("partners", []) + record.get("funding_lines", []):
            for name, table in NAMED.items():
                names.want(table, item.get(name))
    subjects = _subjects(session, rows, decoded, names)
    names.load(session)

    def named(kind: str, name: str, value: Any) -> Any:
        if kind == "name":
            return names.name(NAMED[name], value)
        if kind == "domains" and value is not None:
            return [(names.name("domain", d), p) for d, p in value]
        if kind == "shares" and isinstance(value, list):
            return [(names.name("organisation", o), cents) for o, cents in value]
        return value

    def named_record(record: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in record.items():
            if name in ("partners", "funding_lines"):
                out[name] = [
                    {k: names.name(NAMED[k], v) if k in NAMED else v for k, v in item.items()}
                    for item in value
                ]
            elif name in NAMED:
                out[name] = names.name(NAMED[name], value)
            elif name == "domains" and isinstance(value, list):
                out[name] = [(names.name("domain", d), p) for d, p in value]
            else:
                out[name] = value
        return out

    changes = []
    for row, kind, old, new, record in decoded:
        source, batch = split_source(row.source)
        subject = subjects.get((row.table, row.row_id), "")
        changes.append(
            Change(
                at=row.changed_at,
                user=row.user,
                source=source,
                batch=batch,
                table=row.table,
                row_id=row.row_id,
                action=row.action,
                field=row.field,
                kind=kind,
                old=named(kind, row.field, old),
                new=named(kind, row.field, new),
                subject=names.name(*subject) if isinstance(subject, tuple) else subject,
                record=named_record(record),
            )
        )
    return changes


def _imported_records(
    session: Any, rows: list[store.HistoryRow]
) -> dict[tuple[str, int], dict[str, Any]]:
    """Rows an import created are recorded without their values (they are the row's own, and
    later changes record what they replaced): what such a row is, read from the row as it is."""
    wanted: dict[str, list[int]] = {}
    for row in rows:
        if row.action == "created" and not row.new:
            wanted.setdefault(row.table, []).append(row.row_id)
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for table, ids in wanted.items():
        for row_id, values in store.snapshot(session, table, ids).items():
            found[(table, row_id)] = {
                k: _decode(field_kind(table, k), store.encode(v))
                for k, v in values.items()
                if k in store.TRACKED[table]
            }
    return found


def _subjects(
    session: Any, rows: list[store.HistoryRow], decoded: list[Any], names: _Names
) -> dict[tuple[str, int], Any]:
    """What each partner or funding line is (its organisation, its funder), from the recorded
    values or, failing that, from the row as it is now."""
    found: dict[tuple[str, int], Any] = {}
    key_field = {"participation": "organisation_id", "funding_line": "funder_id"}
    for row, _kind, _old, _new, record in decoded:
        key = key_field.get(row.table)
        if key is None:
            continue
        value = record.get(key)
        if value is None and row.field == key:
            value = _decode("name", row.new) or _decode("name", row.old)
        if isinstance(value, int):
            found.setdefault((row.table, row.row_id), (NAMED[key], value))
    missing: dict[str, list[int]] = {}
    for row in rows:
        if row.table in key_field and (row.table, row.row_id) not in found:
            missing.setdefault(row.table, []).append(row.row_id)
    for table, ids in missing.items():
        current = store.snapshot(session, table, ids, [key_field[table]])
        for row_id, values in current.items():
            value = values.get(key_field[table])
            if isinstance(value, int):
                found[(table, row_id)] = (NAMED[key_field[table]], value)
    for table_name, value in found.values():
        names.want(table_name, value)
    # A project is named by its reference (its id means nothing to a reader).
    projects = sorted({row.row_id for row in rows if row.table == "project"})
    if projects:
        for row_id, values in store.snapshot(session, "project", projects, ["reference"]).items():
            if values.get("reference"):
                found[("project", row_id)] = str(values["reference"])
    return found


def project_history(db: Database, project_id: int, limit: int | None = None) -> list[Change]:
    """Everything that happened to a project, its partners, funding lines and evaluations,
    newest first."""
    with db.read() as session:
        return _changes(session, store.project_history(session, project_id, limit))


def row_history(db: Database, table: str, row_id: int, limit: int | None = None) -> list[Change]:
    """The changes of one organisation, funder, call, domain or expert, newest first."""
    with db.read() as session:
        return _changes(session, store.row_history(session, table, row_id, limit))


def recent_changes(db: Database, limit: int = 200) -> list[Change]:
    with db.read() as session:
        return _changes(session, store.recent(session, limit))


@dataclass(frozen=True, slots=True)
class Batch:
    """An import batch: when, who, which file, what it did, and whether it was undone."""

    id: int
    file_name: str
    started_at: datetime
    user: str
    counts: dict[str, Any]
    state: str
    undone_at: datetime | None


def import_batches(db: Database, limit: int = 50) -> list[Batch]:
    """The latest import batches, newest first."""
    with db.read() as session:
        rows = imports.list_batches(session, limit)
    batches = []
    for row in rows:
        try:
            counts = json.loads(row.get("counts") or "{}")
        except ValueError:
            counts = {}
        batches.append(
            Batch(
                id=row["id"],
                file_name=row["file_name"],
                started_at=row["started_at"],
                user=row["user"],
                counts=counts if isinstance(counts, dict) else {},
                state=row["state"],
                undone_at=row.get("undone_at"),
            )
        )
    return batches

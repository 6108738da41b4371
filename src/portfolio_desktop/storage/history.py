"""The change history: who changed which field of which row, when, from where, old → new.

Every write unit of work carries a `WriteContext` (user, source, time) on its session, put there
by `Database.write(source=…, user=…)`. The storage functions that write projects, partners,
funding lines, domain splits, organisations and reference data compare the rows before and after
and call the `record_*` functions here, in the same transaction: the history is complete exactly
when the change is committed, and vanishes with it when it rolls back.

Values are stored as text (`encode`): integers as digits (money in cents), dates in ISO form,
booleans as true/false. A row created or deleted is one row with field "" and the whole record
as JSON (new or old value), so that what a deletion removed can still be read. A row an import
created is one row without values (`imports.history_of_created`): they are the row's own, and the
import batch names the file they came from; undoing the import records each row it deletes with
what names it (`imports.history_of_undone`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import tables as t

_KEY = "portfolio_history"
_CHUNK = 900

#: The columns whose changes are recorded, per table (summaries and versions are not changes).
TRACKED: dict[str, tuple[str, ...]] = {
    "project": (
        "cluster_id", "reference", "acronym", "title", "summary", "call_id", "status",
        "submitted_on", "evaluated_on", "labelling_decided_on", "funding_decided_on", "closed_on",
        "abandoned_on", "start_on", "end_on", "total_budget_cents", "eligible_costs_cents",
        "keywords", "notes", "responsible_digital", "rd_carbon", "rd_resources",
        "rd_recyclability", "rd_energy", "rd_ethics",
    ),
    "funding_line": (
        "funder_id", "instrument", "beneficiary_id", "requested_cents", "granted_cents",
        "paid_cents", "decision_on", "granted_override",
    ),
    "participation": ("organisation_id", "role", "budget_cents"),
    "evaluation": (
        "expert_id", "evaluated_on", "score_innovation", "score_consortium", "score_impact",
        "score_feasibility", "opinion", "recommendation",
    ),
    "organisation": (
        "name", "kind", "siren", "siret", "region", "city", "is_member", "member_since",
        "member_until",
    ),
    "funder": ("name", "kind"),
    "call": ("name", "funder_id", "programme", "year"),
    "domain": ("name", "colour", "active", "position"),
    "expert": ("name", "email", "affiliation"),
    "cluster": ("code", "name", "regions"),
    "submission": (
        "call_id", "submitted_on", "requested_cents", "label_decision", "label_decided_on",
        "committee_id", "label_override", "funder_decision", "funder_decided_on", "withdrawn_on",
        "notes",
    ),
    "committee": ("name", "held_on", "members", "notes"),
    "follow_up": ("kind", "title", "funder_id", "due_on", "done_on", "notes"),
    "aid_rate_rule": (
        "call_id", "funder_id", "instrument", "partner_kind", "max_rate_bp", "base", "source",
    ),
}  # fmt: skip

#: Tables whose rows belong to a project (their history shows in the project's).
PROJECT_CHILDREN = ("funding_line", "participation", "evaluation", "submission", "follow_up")


@dataclass(frozen=True, slots=True)
class WriteContext:
    """Who writes, from where, and when (one time for the whole unit of work)."""

    user: str
    source: str
    at: datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def set_context(session: Session, user: str, source: str) -> None:
    session.info[_KEY] = WriteContext(user[:100], source[:100], utcnow())


def set_source(session: Session, source: str, user: str | None = None) -> None:
    """Changes where the rest of this unit of work's changes come from (an import batch's id)."""
    current = context(session)
    session.info[_KEY] = WriteContext(
        (user if user is not None else current.user)[:100], source[:100], current.at
    )


def context(session: Session) -> WriteContext:
    found = session.info.get(_KEY)
    if isinstance(found, WriteContext):
        return found
    made = WriteContext("", "unknown", utcnow())
    session.info[_KEY] = made
    return made


def encode(value: Any) -> str | None:
    """The text a value is stored as in the history."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _json(values: Mapping[str, Any]) -> str:
    return json.dumps({k: encode(v) for k, v in values.items()}, ensure_ascii=False)


def _write(session: Session, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    connection = session.connection()
    statement = t.table_of(t.ChangeHistory).insert()
    for start in range(0, len(rows), 20_000):
        connection.execute(statement, rows[start : start + 20_000])


def _row(
    ctx: WriteContext,
    table: str,
    row_id: int,
    project_id: int | None,
    action: str,
    field: str = "",
    old: str | None = None,
    new: str | None = None,
) -> dict[str, Any]:
    return {
        "changed_at": ctx.at,
        "user": ctx.user,
        "source": ctx.source,
        "table_name": table,
        "row_id": row_id,
        "project_id": project_id,
        "action": action,
        "field": field,
        "old_value": old,
        "new_value": new,
    }


def _project_of(table: str, row_id: int, values: Mapping[str, Any]) -> int | None:
    if table == "project":
        return row_id
    if table in PROJECT_CHILDREN:
        value = values.get("project_id")
        return int(value) if value is not None else None
    return None


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def snapshot(
    session: Session, table: str, ids: Iterable[int], columns: Sequence[str] | None = None
) -> dict[int, dict[str, Any]]:
    """The tracked columns (or these columns) of these rows, and their project, by id."""
    wanted = sorted(set(ids))
    if not wanted or table not in TRACKED:
        return {}
    tab = t.Base.metadata.tables[table]
    names = [c for c in (columns or TRACKED[table]) if c in TRACKED[table]]
    if table in PROJECT_CHILDREN:
        names.append("project_id")
    found: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(wanted):
        query = select(tab.c.id, *(tab.c[c] for c in names)).where(tab.c.id.in_(chunk))
        for row in session.execute(query):
            found[row[0]] = dict(zip(names, row[1:], strict=True))
    return found


def diff_rows(
    session: Session,
    table: str,
    before: Mapping[int, Mapping[str, Any]],
    after: Mapping[int, Mapping[str, Any]],
    *,
    restored: bool = False,
) -> int:
    """Records what differs between two snapshots of a table's rows; returns the rows written.

    A row only in `before` was deleted, only in `after` created (or `restored`: put back under
    its old id by an undo); in both, each tracked field whose value changed is one row.
    """
    if table not in TRACKED:
        return 0
    ctx = context(session)
    tracked = TRACKED[table]
    rows: list[dict[str, Any]] = []
    for row_id, old in before.items():
        if row_id not in after:
            values = {c: old[c] for c in tracked if c in old}
            rows.append(
                _row(
                    ctx,
                    table,
                    row_id,
                    _project_of(table, row_id, old),
                    "deleted",
                    "",
                    _json(values),
                )
            )
    for row_id, new in after.items():
        project_id = _project_of(table, row_id, new)
        old_row = before.get(row_id)
        if old_row is None:
            values = {c: new[c] for c in tracked if c in new}
            action = "restored" if restored else "created"
            rows.append(_row(ctx, table, row_id, project_id, action, "", None, _json(values)))
            continue
        for column in tracked:
            if column not in new or column not in old_row:
                continue
            old_text, new_text = encode(old_row[column]), encode(new[column])
            if old_text != new_text:
                rows.append(
                    _row(ctx, table, row_id, project_id, "updated", column, old_text, new_text)
                )
    _write(session, rows)
    return len(rows)


def record_update_rows(session: Session, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Call before `UPDATE … WHERE id = :id` of these rows ({id, column: new value}): records
    every tracked value that the update changes."""
    if table not in TRACKED or not rows:
        return
    columns = sorted({c for row in rows for c in row if c in TRACKED[table]})
    if not columns:
        return
    before = snapshot(session, table, (int(r["id"]) for r in rows), columns)
    after: dict[int, dict[str, Any]] = {}
    for row in rows:
        old = before.get(int(row["id"]))
        if old is not None:
            after[int(row["id"])] = {**old, **{c: row[c] for c in columns if c in row}}
    diff_rows(session, table, {k: v for k, v in before.items() if k in after}, after)


def record_created(session: Session, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Rows just inserted (dicts with their id)."""
    if table not in TRACKED or not rows:
        return
    diff_rows(session, table, {}, {int(r["id"]): r for r in rows if r.get("id") is not None})


def record_deleted(session: Session, table: str, ids: Sequence[int]) -> None:
    """Call before deleting these rows: each is recorded with its values."""
    if table not in TRACKED or not ids:
        return
    diff_rows(session, table, snapshot(session, table, ids), {})


def record_accepted(session: Session, table: str, row_id: int, issues: Sequence[Any]) -> None:
    """Warnings a change carried that the user accepted (an import's preview, a form's save):
    one row each, action "accepted", the field and the issue's code with its parameters."""
    if not issues:
        return
    ctx = context(session)
    project_id = row_id if table == "project" else None
    _write(
        session,
        [
            _row(
                ctx,
                table,
                row_id,
                project_id,
                "accepted",
                str(issue.field)[:60],
                None,
                json.dumps(
                    {"code": issue.code, **{k: encode(v) for k, v in issue.params.items()}},
                    ensure_ascii=False,
                ),
            )
            for issue in issues
        ],
    )


def record_fields(
    session: Session,
    table: str,
    changes: Iterable[tuple[int, int | None, str, str | None, str | None]],
) -> None:
    """One "updated" row per (row id, project id, field, old text, new text): values a table's
    columns do not hold, such as a funding line's schedule, payments, split and spread."""
    ctx = context(session)
    _write(
        session,
        [
            _row(ctx, table, row_id, project_id, "updated", field, old, new)
            for row_id, project_id, field, old, new in changes
        ],
    )


# -- projects with their partners, funding lines and domain split --------------------------------


@dataclass(slots=True)
class ProjectState:
    """A project as the history compares it: its row, its split, its partners and lines."""

    row: dict[str, Any]
    domains: str
    regions: str
    lines: dict[int, dict[str, Any]]
    partners: dict[int, dict[str, Any]]


def split_text(shares: Iterable[tuple[int, int]]) -> str:
    """A domain split as text: `3:60,5:40` (domain id: percent, largest share first)."""
    return ",".join(f"{d}:{p}" for d, p in sorted(shares, key=lambda s: (-s[1], s[0])))


def project_states(session: Session, project_ids: Iterable[int]) -> dict[int, ProjectState]:
    ids = sorted(set(project_ids))
    rows = snapshot(session, "project", ids)
    states = {pid: ProjectState(row, "", "", {}, {}) for pid, row in rows.items()}
    if not states:
        return states
    shares: dict[int, list[tuple[int, int]]] = {pid: [] for pid in states}
    regions: dict[int, list[str]] = {pid: [] for pid in states}
    lines = t.table_of(t.FundingLine)
    partners = t.table_of(t.Participation)
    for chunk in _chunks(list(states)):
        for pid, domain_id, percent in session.execute(
            select(
                t.ProjectDomain.project_id, t.ProjectDomain.domain_id, t.ProjectDomain.percent
            ).where(t.ProjectDomain.project_id.in_(chunk))
        ):
            shares[pid].append((domain_id, percent))
        for pid, region in session.execute(
            select(t.ProjectRegion.project_id, t.ProjectRegion.region).where(
                t.ProjectRegion.project_id.in_(chunk)
            )
        ):
            regions[pid].append(region)
        line_columns = TRACKED["funding_line"]
        for row in session.execute(
            select(lines.c.id, lines.c.project_id, *(lines.c[c] for c in line_columns)).where(
                lines.c.project_id.in_(chunk)
            )
        ):
            values = dict(zip(("project_id", *line_columns), row[1:], strict=True))
            states[row[1]].lines[row[0]] = values
        partner_columns = TRACKED["participation"]
        for row in session.execute(
            select(
                partners.c.id, partners.c.project_id, *(partners.c[c] for c in partner_columns)
            ).where(partners.c.project_id.in_(chunk))
        ):
            values = dict(zip(("project_id", *partner_columns), row[1:], strict=True))
            states[row[1]].partners[row[0]] = values
    for pid, state in states.items():
        state.domains = split_text(shares[pid])
        state.regions = ",".join(sorted(regions[pid]))
    return states


def _state_json(state: ProjectState) -> str:
    """A whole project as JSON: its fields, split, regions, partners and funding lines."""
    values: dict[str, Any] = {c: encode(v) for c, v in state.row.items()}
    values["domains"] = state.domains
    values["regions"] = state.regions
    values["partners"] = [
        {c: encode(v) for c, v in p.items() if c != "project_id"} | {"id": i}
        for i, p in sorted(state.partners.items())
    ]
    values["funding_lines"] = [
        {c: encode(v) for c, v in line.items() if c != "project_id"} | {"id": i}
        for i, line in sorted(state.lines.items())
    ]
    return json.dumps(values, ensure_ascii=False)


def diff_projects(
    session: Session,
    before: Mapping[int, ProjectState],
    after: Mapping[int, ProjectState],
    *,
    restored: bool = False,
) -> None:
    """Records every change between two states of these projects, their children included.

    A project created (or `restored` by an undo) or deleted is one row holding the whole
    project as JSON, partners and funding lines included; an edit is one row per field changed.
    """
    ctx = context(session)
    rows: list[dict[str, Any]] = []
    for pid in sorted(set(before) | set(after)):
        old, new = before.get(pid), after.get(pid)
        if new is None and old is not None:
            rows.append(_row(ctx, "project", pid, pid, "deleted", "", _state_json(old)))
            continue
        if old is None and new is not None:
            action = "restored" if restored else "created"
            rows.append(_row(ctx, "project", pid, pid, action, "", None, _state_json(new)))
    _write(session, rows)
    both = [pid for pid in before if pid in after]
    diff_rows(
        session,
        "project",
        {pid: before[pid].row for pid in both},
        {pid: after[pid].row for pid in both},
    )
    extra: list[dict[str, Any]] = []
    for pid in both:
        for name in ("domains", "regions"):
            old_text, new_text = getattr(before[pid], name), getattr(after[pid], name)
            if old_text != new_text:
                extra.append(
                    _row(
                        ctx,
                        "project",
                        pid,
                        pid,
                        "updated",
                        name,
                        old_text or None,
                        new_text or None,
                    )
                )
    _write(session, extra)
    for table, attribute in (("funding_line", "lines"), ("participation", "partners")):
        old_children: dict[int, dict[str, Any]] = {}
        new_children: dict[int, dict[str, Any]] = {}
        for pid in both:
            old_children.update(getattr(before[pid], attribute))
            new_children.update(getattr(after[pid], attribute))
        diff_rows(session, table, old_children, new_children)


def record_children(
    session: Session, table: str, rows_by_project: Mapping[int, Sequence[Mapping[str, Any]]]
) -> None:
    """Call before an import replaces the domain splits (project_domain) or regions
    (project_region) of these projects: each changed split is one `domains`/`regions` row."""
    if table not in ("project_domain", "project_region") or not rows_by_project:
        return
    field = "domains" if table == "project_domain" else "regions"
    states = project_states(session, rows_by_project)
    ctx = context(session)
    rows: list[dict[str, Any]] = []
    for pid, children in rows_by_project.items():
        state = states.get(pid)
        if state is None:
            continue
        if field == "domains":
            new_text = split_text((int(c["domain_id"]), int(c["percent"])) for c in children)
        else:
            new_text = ",".join(sorted(str(c["region"]) for c in children))
        old_text = getattr(state, field)
        if old_text != new_text:
            rows.append(
                _row(ctx, "project", pid, pid, "updated", field, old_text or None, new_text or None)
            )
    _write(session, rows)


# -- reading -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One recorded change, as stored."""

    id: int
    changed_at: datetime
    user: str
    source: str
    table: str
    row_id: int
    project_id: int | None
    action: str
    field: str
    old: str | None
    new: str | None


def _read(session: Session, where: Any, limit: int | None) -> list[HistoryRow]:
    h = t.table_of(t.ChangeHistory)
    query = select(
        h.c.id, h.c.changed_at, h.c.user, h.c.source, h.c.table_name, h.c.row_id,
        h.c.project_id, h.c.action, h.c.field, h.c.old_value, h.c.new_value,
    ).where(where).order_by(h.c.id.desc())  # fmt: skip
    if limit:
        query = query.limit(limit)
    return [HistoryRow(*row) for row in session.execute(query)]


def project_history(
    session: Session, project_id: int, limit: int | None = None
) -> list[HistoryRow]:
    """The changes of a project and of its partners, lines and evaluations, newest first."""
    return _read(session, t.table_of(t.ChangeHistory).c.project_id == project_id, limit)


def row_history(
    session: Session, table: str, row_id: int, limit: int | None = None
) -> list[HistoryRow]:
    h = t.table_of(t.ChangeHistory)
    return _read(session, (h.c.table_name == table) & (h.c.row_id == row_id), limit)


def recent(session: Session, limit: int = 200) -> list[HistoryRow]:
    return _read(session, t.table_of(t.ChangeHistory).c.id > 0, limit)


def names(session: Session, table: str, ids: Iterable[int]) -> dict[int, str]:
    """Display names of reference rows (organisations, funders, calls, domains, experts, clusters)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    tab = t.Base.metadata.tables[table]
    found: dict[int, str] = {}
    for chunk in _chunks(wanted):
        for row_id, name in session.execute(
            select(tab.c.id, tab.c.name).where(tab.c.id.in_(chunk))
        ):
            found[row_id] = name
    return found


def recorded_names(session: Session, table: str, ids: Iterable[int]) -> dict[int, str]:
    """Names of rows that no longer exist, from the record their deletion left in the history."""
    wanted = sorted(set(ids))
    h = t.table_of(t.ChangeHistory)
    found: dict[int, str] = {}
    for chunk in _chunks(wanted):
        for row_id, old in session.execute(
            select(h.c.row_id, h.c.old_value)
            .where(h.c.table_name == table, h.c.action == "deleted", h.c.row_id.in_(chunk))
            .order_by(h.c.id)
        ):
            try:
                name = json.loads(old or "{}").get("name")
            except (ValueError, AttributeError):
                continue
            if isinstance(name, str):
                found[row_id] = name
    return found

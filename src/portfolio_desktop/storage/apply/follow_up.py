"""Writer of an import's follow-up sheets (experts, committees, evaluations, submissions,
follow-up), called by the import's bulk writer once the projects and reference rows have their ids.

The rows come planned by `services.excel_import.follow_up_sheets.plan_follow_up` (typed here
structurally); they are created and updated under the import's batch, so that its undo takes them
back too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import imports as store
from .. import tables as t

FollowUpPlan = Any


def write_follow_up(
    session: Any, plan: FollowUpPlan, batch_id: int, real: Callable[[str, Any], Any]
) -> None:
    """Writes the planned rows in the import's transaction: `expert` (with `expert_domain`,
    `expert_tie` for created experts), `committee`, `evaluation`, `submission`, `follow_up`.
    `real(table, id)` turns a provisional reference id into the committed one."""
    if not plan.rows:
        return
    firsts = store.first_free_ids(
        session, ["expert", "committee", "evaluation", "submission", "follow_up"]
    )
    given: dict[str, dict[int, int]] = {"expert": {}, "committee": {}}
    order = ("expert", "committee", "evaluation", "submission", "follow_up")
    for table in order:
        rows = [r for r in plan.rows if r.table == table]
        created: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        changes: list[tuple[int, dict[str, Any]]] = []
        for row in rows:
            values = dict(row.values)
            for column, (kind, value) in row.pending.items():
                values[column] = _resolve(kind, value, real, given)
            if row.action == "created":
                new_id = firsts[table]
                firsts[table] += 1
                if row.provisional:
                    given[table][row.provisional] = new_id
                created.append({"id": new_id, **values})
            elif row.action == "updated":
                before = {c: old for c, old, _new in row.changes}
                updates.append({"id": row.id, **{c: values[c] for c in before}})
                changes.append((row.id, {"values": before}))
        if created:
            columns = sorted({c for r in created for c in r})
            store.create_rows(
                session, batch_id, table, [{c: r.get(c) for c in columns} for r in created]
            )
        if updates:
            store.update_rows(session, table, updates)
            store.record_changes(session, batch_id, table, "updated", changes)
        if table == "expert":
            links_domain = [
                {"expert_id": given["expert"][r.provisional], "domain_id": real("domain", d)}
                for r in rows if r.action == "created" for d in dict.fromkeys(r.domains)
            ]  # fmt: skip
            links_tie = [
                {"expert_id": given["expert"][r.provisional], "organisation_id": real("organisation", o)}
                for r in rows if r.action == "created" for o in dict.fromkeys(r.ties)
            ]  # fmt: skip
            if links_domain:
                session.execute(t.table_of(t.ExpertDomain).insert(), links_domain)
            if links_tie:
                session.execute(t.table_of(t.ExpertTie).insert(), links_tie)


def _resolve(
    kind: str, value: Any, real: Callable[[str, Any], Any], given: dict[str, dict[int, int]]
) -> Any:
    if value is None:
        return None
    if kind == "project":
        return int(value if isinstance(value, int) else value.id)
    if kind in given:
        return given[kind][value] if value < 0 else value
    return real(kind, value)

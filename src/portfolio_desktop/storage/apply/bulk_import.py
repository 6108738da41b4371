"""The import's writer: a whole plan in one transaction (the bulk path), and the undo of a batch.

The unit of work holds the whole import: the batch record, the rows created (ids given here,
inserted in bulk), the rows updated (their previous values kept in `import_change`), the status
history (`import:<batch id>`), and the summaries recomputed by `refresh_projects`. An exception
or a cancel anywhere rolls all of it back. The plan's records come from
`services.excel_import.plan` (typed here structurally: `changes.ImportPlanLike`); their
invariants were checked by the planner, which the preview shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from operator import itemgetter
from typing import Any

from ...domain.workflow import status_step_date
from ...errors import KnownError
from .. import bulk, history, money
from .. import imports as store
from ..changes import ImportBatch, UndoImport
from ..repository import utcnow
from ..summaries import (
    SUMMARY_COLUMNS,
    insert_new_shares,
    line_year,
    new_project_summary,
    refresh_projects,
)
from .core import ProgressLike, Run, next_version, register

ImportPlan = Any
ProjectPlan = Any

_REF_ORDER = ("cluster", "domain", "funder", "call", "organisation")
_PROJECT_DEFAULTS: dict[str, Any] = {
    "acronym": "", "title": "", "summary": "", "call_id": None, "keywords": "", "notes": "",
    "responsible_digital": False, "submitted_on": None, "evaluated_on": None,
    "labelling_decided_on": None, "funding_decided_on": None, "closed_on": None,
    "abandoned_on": None, "start_on": None, "end_on": None, "total_budget_cents": None,
    "eligible_costs_cents": None, "rd_carbon": None, "rd_resources": None,
    "rd_recyclability": None, "rd_energy": None, "rd_ethics": None, "granted_cents": 0,
    "requested_cents": 0, "lead_name": "", "domains_label": "", "regions_label": "",
    "search_text": "", "lead_organisation_id": None,
}  # fmt: skip


class UndoRefusedError(KnownError):
    code = "import_undo_refused"


class _Ids:
    """Provisional (negative) ids → the real ids given at commit time."""

    def __init__(self) -> None:
        self.maps: dict[str, dict[int, int]] = {name: {} for name in _REF_ORDER}

    def real(self, table: str, value: int | None) -> int | None:
        if value is None or value > 0:
            return value
        return self.maps[table][value]


class _Statements:
    """The import's statements, run in order on one worker thread while this thread builds the
    next rows: the database driver lets go of the interpreter while it works, so building and
    writing overlap on two cores. Only the worker runs statements while some are queued (this
    thread only asks the session which database it is); `wait()` before it runs one again.

    While waiting, `step` is told the share of statements done (it reports progress and raises
    when the user cancelled). After a failure or a cancel the statements still queued are
    dropped, the one running is interrupted, and leaving the block waits for it, so that the
    unit of work rolls back a connection nobody is using."""

    def __init__(self, step: Callable[[float], None], interrupt: Callable[[], None] | None) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-sql")
        self._pending: list[Future[None]] = []
        self._queued = 0
        self._shown = 0.0
        self._failed = False
        self._step = step
        self._interrupt = interrupt

    def __enter__(self) -> _Statements:
        return self

    def __call__(self, statement: Callable[..., object], *args: Any, **named: Any) -> None:
        self._raise_failure()
        self._pending.append(self._pool.submit(self._run, statement, *args, **named))
        self._queued += 1

    def _run(self, statement: Callable[..., object], *args: Any, **named: Any) -> None:
        if self._failed:
            return
        try:
            statement(*args, **named)
        except BaseException:
            self._failed = True
            raise

    def _raise_failure(self) -> None:
        for job in self._pending:
            if job.done() and job.exception() is not None:
                self.wait()

    def progress(self) -> None:
        """Reports the share of statements done (and raises if the user cancelled)."""
        done = self._queued - len(self._pending) + sum(job.done() for job in self._pending)
        # Never backwards, though statements queued later lower the share done.
        self._shown = max(self._shown, done / max(self._queued, 1))
        self._step(self._shown)

    def wait(self) -> None:
        for job in self._pending:
            while True:
                try:
                    job.result(timeout=0.1)
                    break
                except TimeoutError:
                    self.progress()
        self._pending.clear()

    def __exit__(self, kind: object, *exc: object) -> None:
        try:
            if kind is None:
                self.wait()
        finally:
            if not all(job.done() for job in self._pending):
                self._failed = True
                if self._interrupt is not None and kind is not None:
                    self._interrupt()
            self._pool.shutdown(wait=True, cancel_futures=True)


def _interrupter(session: Any) -> Callable[[], None] | None:
    """What stops the statement the driver is running (SQLite's `interrupt`, psycopg's `cancel`),
    callable from another thread."""
    driver = session.connection().connection.driver_connection
    return getattr(driver, "interrupt", None) or getattr(driver, "cancel", None)


@register(ImportBatch)
def write_import(run: Run, change: ImportBatch) -> None:
    """Writes what the plan creates and updates under a new batch (its id in `results`).

    The warnings the user accepted are recorded: one history row each on a project the import
    changes (a status moved past steps, aid above the budget), and counted by code in the
    batch for the projects it creates (a file of 100,000 projects without submission dates would
    otherwise write 100,000 identical rows; the batch names the file they came from)."""
    accepted: dict[str, int] = {}
    for project, issues in change.warnings:
        if getattr(project, "action", "") == "created":
            for issue in issues:
                accepted[issue.code] = accepted.get(issue.code, 0) + 1
    batch_id = write_plan(
        run.session, change.plan, user=change.user, file_name=change.file_name,
        progress=run.progress, accepted=accepted, after=change.after,
    )  # fmt: skip
    for project, issues in change.warnings:
        row_id = int(getattr(project, "id", project))
        if getattr(project, "action", "") != "created":
            history.record_accepted(run.session, "project", row_id, issues)
        run.applied.warnings += [("project", row_id, i) for i in issues]
    run.applied.results.append(batch_id)
    run.applied.tables.update(store.WRITABLE)
    run.touch((p.id for p in change.plan.projects if p.action != "unchanged"), refresh=False)
    run.undo_with(UndoImport(batch_id))


def write_plan(
    session: Any,
    plan: ImportPlan,
    *,
    user: str,
    file_name: str,
    progress: ProgressLike | None = None,
    accepted: dict[str, int] | None = None,
    after: Sequence[Callable[[Any, int, Callable[[str, Any], Any]], None]] = (),
) -> int:
    """Writes what the plan creates and updates, then calls `after`'s writers; returns the
    batch id."""

    def step(fraction: float) -> None:
        if progress is not None:
            progress.report(0.6 + 0.4 * fraction, "import_writing")
            progress.check()

    batch_id = store.start_batch(session, file_name, plan.workbook.sha256, plan.profile, user)
    ids = _Ids()
    _write_reference(session, plan, batch_id, ids)
    step(0.1)
    # Every id is given before the first statement is queued (the queue owns the session).
    free = _Free(session, plan)
    new = [p.id for p in plan.projects if p.action == "created"]
    indexes: list[tuple[str, str]] = []
    with _Statements(lambda done: step(0.1 + 0.8 * done), _interrupter(session)) as sql:
        if _bulk_load(session, len(new)):
            sql(lambda: indexes.extend(_driver(session, bulk.suspend_indexes)))
        touched = _write_projects(session, plan, batch_id, ids, user, sql)
        sql.progress()
        touched |= _write_lines(session, plan, batch_id, ids, free, sql)
        sql.progress()
        touched |= _write_partners(session, plan, batch_id, ids, free, sql)
        if new:
            # Created projects came in complete (summaries, line years); their funding shares
            # are made in one statement. A « versé » column sets paid amounts: their lines have
            # no payment yet, each paid line gets its one.
            sql(insert_new_shares, session, min(new), max(new))
            sql(money.pay_new_lines, session, min(new), max(new))
        # The indexes set aside are made again before anything reads through them.
        sql(lambda: _driver(session, bulk.restore_indexes, indexes))
        sql.wait()
    step(0.9)
    # Existing projects the import changed are recomputed, their payments matched to what the
    # file says was paid.
    refresh_projects(session, touched - set(new))
    money.match_payments_of_projects(session, touched - set(new))
    for write in after:
        write(session, batch_id, ids.real)
    step(0.95)
    store.finish_batch(
        session,
        batch_id,
        {
            **dict(plan.counts.items()),
            "skipped_rows": len(plan.skipped),
            "rejected": len(plan.problems),
            **({"accepted_warnings": accepted} if accepted else {}),
        },
    )
    return batch_id


#: From this many projects created, and more than the portfolio holds, an import on SQLite
#: writes with the big tables' secondary indexes set aside (`bulk.suspend_indexes`).
BULK_FROM = 5_000


def _bulk_load(session: Any, created: int) -> bool:
    """Whether the import creates enough rows that making the indexes once, at the end, costs
    less than keeping them up to date (a national workbook into an empty portfolio)."""
    if created < BULK_FROM or session.get_bind().dialect.name != "sqlite":
        return False
    return created > bulk.count_rows(session, "project")


def _driver(session: Any, work: Callable[..., Any], *args: Any) -> Any:
    """`work(cursor, *args)` on a cursor of the unit of work's own driver connection."""
    cursor = session.connection().connection.driver_connection.cursor()
    try:
        return work(cursor, *args)
    finally:
        cursor.close()


class _Free:
    """The ids new projects, funding lines and partners get, found before any is written."""

    def __init__(self, session: Any, plan: ImportPlan) -> None:
        firsts = store.first_free_ids(session, ["project", "funding_line", "participation"])
        for offset, project in enumerate(p for p in plan.projects if p.action == "created"):
            project.id = firsts["project"] + offset
        wanted = [
            line.requested_id
            for project in plan.projects
            for line in project.lines
            if line.action == "created" and not line.bad and line.requested_id > 0
        ]
        self.busy_lines = store.existing_ids(session, "funding_line", wanted)
        self.first_line = max(firsts["funding_line"], max(wanted, default=0) + 1)
        self.first_participation = firsts["participation"]


def _write_reference(session: Any, plan: ImportPlan, batch_id: int, ids: _Ids) -> None:
    firsts = store.first_free_ids(session, _REF_ORDER)
    for table_name in _REF_ORDER:
        table = plan.refs[table_name]
        new = [i for i in table.new_ids if i in table.used]
        first = firsts[table_name]
        for offset, provisional in enumerate(new):
            ids.maps[table_name][provisional] = first + offset
    for table_name in _REF_ORDER:
        table = plan.refs[table_name]
        new = [i for i in table.new_ids if i in table.used]
        rows = []
        for provisional in new:
            row = dict(table.rows[provisional])
            row["id"] = ids.maps[table_name][provisional]
            if table_name == "call":
                row["funder_id"] = ids.real("funder", row.get("funder_id"))
            if table_name == "domain":
                row["cluster_id"] = ids.real("cluster", row.get("cluster_id"))
            if table_name == "organisation":
                row["version"] = 1
            rows.append(
                {
                    c: row.get(c)
                    for c in (
                        "id",
                        *store.WRITABLE[table_name],
                        *(("version",) if table_name == "organisation" else ()),
                    )
                }
            )
        store.create_rows(session, batch_id, table_name, rows)
        if table.updated:
            updates = []
            changes = []
            for row_id, before in table.updated.items():
                row = table.rows[row_id]
                values = {c: row[c] for c in before}
                if table_name == "call" and "funder_id" in values:
                    values["funder_id"] = ids.real("funder", values["funder_id"])
                if table_name == "domain" and "cluster_id" in values:
                    values["cluster_id"] = ids.real("cluster", values["cluster_id"])
                entry: dict[str, Any] = {"values": before}
                if table_name == "organisation":
                    values["version"] = next_version(row["version"])
                    entry["version"] = values["version"]
                updates.append({"id": row_id, **values})
                changes.append((row_id, entry))
            store.update_rows(session, table_name, updates)
            store.record_changes(session, batch_id, table_name, "updated", changes)


def _project_row(project: ProjectPlan, ids: _Ids, now: Any) -> dict[str, Any]:
    row = dict(_PROJECT_DEFAULTS)
    row.update(project.values)
    row["id"] = project.id
    row["cluster_id"] = ids.real("cluster", project.key[0])
    row["reference"] = project.key[1]
    row["call_id"] = ids.real("call", row.get("call_id"))
    row["version"] = 1
    row["created_at"] = now
    row["updated_at"] = now
    return row


def _new_summary(plan: ImportPlan, project: ProjectPlan, ids: _Ids) -> tuple[Any, ...]:
    """A created project's summary columns, from what is inserted with it (its lines, partners
    in the order `_write_partners` gives them ids, split and regions)."""
    organisations = plan.refs["organisation"].rows
    domains = plan.refs["domain"].rows
    values = project.values
    partners = [
        (
            p.role,
            ids.real("organisation", p.organisation_id),
            organisations[p.organisation_id]["name"],
        )
        for p in project.partners.values()
        if not p.bad
    ]
    return new_project_summary(
        project.key[1], values.get("acronym") or "", values.get("title") or "",
        ((line.values.get("granted_cents"), line.values.get("requested_cents"))
         for line in project.lines if not line.bad),
        partners,
        ((domains[d]["name"], percent, domains[d]["position"]) for d, percent in project.domains or []),
        project.regions or [],
    )  # fmt: skip


#: New projects handed to the database this many at a time (the next chunk is built meanwhile).
_PROJECT_CHUNK = 10_000


def _write_projects(
    session: Any, plan: ImportPlan, batch_id: int, ids: _Ids, user: str, sql: _Statements
) -> set[int]:
    now = utcnow()
    touched: set[int] = set()
    created = [p for p in plan.projects if p.action == "created"]
    # New projects go in with their summaries (nothing to recompute afterwards), their split and
    # regions, without reading anything back.
    if created:
        names = list(
            dict.fromkeys(
                [*_project_row(created[0], ids, now), *(c for p in created for c in p.values)]
            )
        )
        names += [c for c in SUMMARY_COLUMNS if c not in names]
        inserted = store.NewProjects(session, batch_id, names, len(created))
        sql(inserted.begin)
        getter = itemgetter(*names)
        for start in range(0, len(created), _PROJECT_CHUNK):
            sql.progress()
            rows = []
            for project in created[start : start + _PROJECT_CHUNK]:
                row = _project_row(project, ids, now)
                row.update(zip(SUMMARY_COLUMNS, _new_summary(plan, project, ids), strict=True))
                try:
                    rows.append(getter(row))
                except KeyError:  # a column other projects of the workbook have, not this one
                    rows.append(tuple(row.get(c) for c in names))
            sql(inserted.add, inserted.prepare(rows))
        sql(inserted.finish)
    statuses: list[tuple[int, str | None, str, date | None]] = [
        (p.id, None, p.values["status"], status_step_date(p.values["status"], p.values))
        for p in created
    ]
    sql(
        store.fast_insert,
        session,
        "project_domain",
        ("project_id", "domain_id", "percent"),
        [(p.id, ids.real("domain", d), pct) for p in created for d, pct in p.domains or []],
    )
    sql(
        store.fast_insert,
        session,
        "project_region",
        ("project_id", "region"),
        [(p.id, region) for p in created for region in p.regions or []],
    )

    updated = [p for p in plan.projects if p.action == "updated"]
    updates = []
    changes = []
    for project in updated:
        assert project.existing is not None
        columns = {c: v for c, v in project.values.items() if project.existing.get(c) != v}
        if "call_id" in columns:
            columns["call_id"] = ids.real("call", columns["call_id"])
        version = next_version(project.existing["version"])
        if columns:
            updates.append({"id": project.id, **columns, "version": version, "updated_at": now})
        else:
            updates.append({"id": project.id, "version": version, "updated_at": now})
        before = {c: project.existing.get(c) for c in columns}
        changes.append((project.id, {"values": before, "version": version}))
        status = columns.get("status")
        if status is not None and status != project.existing.get("status"):
            statuses.append(
                (
                    project.id,
                    project.existing.get("status"),
                    status,
                    status_step_date(status, {**project.existing, **project.values}),
                )
            )
        touched.add(project.id)
    sql(store.update_rows, session, "project", updates)
    sql(store.record_changes, session, batch_id, "project", "updated", changes)

    domain_rows: dict[int, list[dict[str, Any]]] = {}
    region_rows: dict[int, list[dict[str, Any]]] = {}
    domain_before: list[tuple[int, Any]] = []
    region_before: list[tuple[int, Any]] = []
    for project in updated:
        existing = project.existing or {"domains": [], "regions": []}
        if project.domains is not None and project.domains != existing["domains"]:
            domain_rows[project.id] = [
                {"project_id": project.id, "domain_id": ids.real("domain", d), "percent": p}
                for d, p in project.domains
            ]
            if project.existing is not None:
                domain_before.append((project.id, existing["domains"]))
        if project.regions is not None and project.regions != existing["regions"]:
            region_rows[project.id] = [
                {"project_id": project.id, "region": r} for r in project.regions
            ]
            if project.existing is not None:
                region_before.append((project.id, existing["regions"]))
    sql(store.replace_children, session, "project_domain", domain_rows)
    sql(store.replace_children, session, "project_region", region_rows)
    sql(store.record_changes, session, batch_id, "project_domain", "updated", domain_before)
    sql(store.record_changes, session, batch_id, "project_region", "updated", region_before)
    steps = store.status_rows(batch_id, statuses, user)
    if steps:
        names = list(steps[0])
        sql(
            store.fast_insert,
            session,
            "status_change",
            names,
            [tuple(r[c] for c in names) for r in steps],
        )
    return touched


#: The columns of a funding line `_write_lines` creates, in the order of its tuples.
_LINE_INSERT = (
    "id", "project_id", "funder_id", "instrument", "beneficiary_id", "requested_cents",
    "granted_cents", "paid_cents", "decision_on", "granted_override", "year",
)  # fmt: skip


def _write_lines(
    session: Any, plan: ImportPlan, batch_id: int, ids: _Ids, free: _Free, sql: _Statements
) -> set[int]:
    touched: set[int] = set()
    # A new line keeps the workbook's line number when it is free (an export re-imported into an
    # empty portfolio gets the same ids back); otherwise it gets the next free id.
    busy = free.busy_lines
    next_free = free.first_line
    given: set[int] = set()
    rows: list[tuple[Any, ...]] = []
    updates = []
    changes = []
    for project in plan.projects:
        for line in project.lines:
            if line.bad or line.action == "unchanged":
                continue
            values = dict(line.values)
            if "funder_id" in values:
                values["funder_id"] = ids.real("funder", values["funder_id"])
            if "beneficiary_id" in values:
                values["beneficiary_id"] = ids.real("organisation", values["beneficiary_id"])
            touched.add(project.id)
            if line.action == "created":
                if (
                    line.requested_id > 0
                    and line.requested_id not in busy
                    and line.requested_id not in given
                ):
                    line.id = line.requested_id
                else:
                    line.id = next_free
                    next_free += 1
                given.add(line.id)
                get = values.get
                rows.append(
                    (
                        line.id, project.id, get("funder_id"), get("instrument"),
                        get("beneficiary_id"), get("requested_cents"), get("granted_cents"),
                        get("paid_cents"), get("decision_on"), get("granted_override", False),
                        # A new project's lines count in their year now (others: refreshed).
                        line_year(get("decision_on"), project.values.get("start_on"))
                        if project.action == "created" else None,
                    )
                )  # fmt: skip
            else:
                assert line.existing is not None
                changed = {c: v for c, v in values.items() if line.existing.get(c) != v}
                updates.append({"id": line.id, **changed})
                changes.append((line.id, {"values": {c: line.existing.get(c) for c in changed}}))
    prepared = store.driver_rows(session, "funding_line", _LINE_INSERT, rows)
    sql(
        store.create_tuples, session, batch_id, "funding_line", _LINE_INSERT, prepared,
        prepared=True,
    )  # fmt: skip
    sql(store.update_rows, session, "funding_line", updates)
    sql(store.record_changes, session, batch_id, "funding_line", "updated", changes)
    return touched


def _write_partners(
    session: Any, plan: ImportPlan, batch_id: int, ids: _Ids, free: _Free, sql: _Statements
) -> set[int]:
    touched: set[int] = set()
    first = free.first_participation
    rows: list[dict[str, Any]] = []
    updates = []
    changes = []
    for project in plan.projects:
        for partner in project.partners.values():
            if partner.bad or partner.action == "unchanged":
                continue
            touched.add(project.id)
            org_id = ids.real("organisation", partner.organisation_id)
            if partner.action == "created":
                partner.id = first + len(rows)
                rows.append(
                    {"id": partner.id, "project_id": project.id, "organisation_id": org_id,
                     "role": partner.role, "budget_cents": partner.budget_cents}
                )  # fmt: skip
            else:
                assert partner.existing is not None
                updates.append(
                    {"id": partner.id, "role": partner.role, "budget_cents": partner.budget_cents}
                )
                changes.append(
                    (
                        partner.id,
                        {
                            "values": {
                                "role": partner.existing["role"],
                                "budget_cents": partner.existing["budget_cents"],
                            }
                        },
                    )
                )
    # Demotions first: a project never holds two leads, even for a moment.
    sql(
        store.update_rows,
        session,
        "participation",
        sorted(updates, key=lambda u: u["role"] == "lead"),
    )
    sql(store.create_rows, session, batch_id, "participation", rows)
    sql(store.record_changes, session, batch_id, "participation", "updated", changes)
    return touched


# -- undo --------------------------------------------------------------------------------------------

_DELETE_ORDER = (
    "aid_rate_rule",
    "evaluation",
    "submission",
    "follow_up",
    "participation",
    "funding_line",
    "project",
    "expert",
    "committee",
    "organisation",
    "call",
    "funder",
    "domain",
    "cluster",
)


@register(UndoImport)
def write_undo_import(run: Run, change: UndoImport) -> None:
    """The counts of `undo_batch` go to `results`; an undone import is not redone."""
    run.applied.results.append(undo_batch(run.session, change.batch_id, progress=run.progress))
    run.applied.tables.update(store.WRITABLE)


def undo_batch(
    session: Any, batch_id: int, *, progress: ProgressLike | None = None
) -> dict[str, int]:
    """Undoes a whole import batch: rows it created are deleted (reference rows only when nothing
    else uses them), rows it updated get their previous values back. Refused when a later batch
    touched the same rows or a record was edited since."""
    batch = store.batch_row(session, batch_id)
    if batch is None:
        raise UndoRefusedError("import_batch_unknown", batch=batch_id)
    if batch["state"] != "committed":
        raise UndoRefusedError("import_batch_undone", batch=batch_id)
    changes = store.batch_changes(session, batch_id)
    if store.later_batches_touching(session, batch_id, ((t, r) for t, r, _a, _b in changes)):
        raise UndoRefusedError("import_undo_later", batch=batch_id)
    created: dict[str, list[int]] = {}
    updated: dict[str, list[tuple[int, Any]]] = {}
    for table, row_id, action, before in changes:
        if action == "created":
            created.setdefault(table, []).append(row_id)
        else:
            updated.setdefault(table, []).append((row_id, before))
    _check_versions(session, created, updated, batch_id)
    if progress is not None:
        progress.report(0.2, "import_undoing")
        progress.check()
    store.delete_status_changes(session, batch_id)
    touched: set[int] = set()
    for table, rows in updated.items():
        if table == "line_money":  # below, once the lines have their own values back
            continue
        if table in {"project_domain", "project_region"}:
            store.restore_children(session, table, dict(rows))
            touched.update(row_id for row_id, _ in rows)
            continue
        restored = []
        for row_id, before in rows:
            values = dict(before["values"])
            if table in {"project", "organisation"}:
                values["version"] = next_version(before["version"])
            restored.append({"id": row_id, **values})
        store.restore_rows(session, table, restored)
        if table == "project":
            touched.update(row_id for row_id, _ in rows)
    if "line_money" in updated:
        # The schedules, payments, splits and spreads the money sheets replaced, and the paid
        # amounts the lines had.
        money_before = {
            row_id: (money.money_from_texts(before["money"]), before.get("paid_cents"))
            for row_id, before in updated["line_money"]
        }
        money.restore_lines_money(session, money_before)
        touched |= store.projects_of(session, "funding_line", list(money_before))
    if "funding_line" in updated or "participation" in updated:
        touched |= store.projects_of(
            session, "funding_line", [r for r, _ in updated.get("funding_line", [])]
        )
        touched |= store.projects_of(
            session, "participation", [r for r, _ in updated.get("participation", [])]
        )
    touched |= store.projects_of(session, "funding_line", created.get("funding_line", []))
    touched |= store.projects_of(session, "participation", created.get("participation", []))
    kept = 0
    for table in _DELETE_ORDER:
        row_ids = created.get(table, [])
        if not row_ids:
            continue
        if table in {"organisation", "call", "funder", "domain", "cluster"}:
            usage = store.usage_counts(session, table, row_ids)
            free = [i for i in row_ids if usage.get(i, 0) == 0]
            kept += len(row_ids) - len(free)
            row_ids = free
        store.history_of_undone(session, batch_id, table, row_ids)
        store.delete_ids(session, table, row_ids, record=False)
    touched -= set(created.get("project", []))
    refresh_projects(session, touched)
    money.match_payments_of_projects(session, touched)
    store.mark_undone(session, batch_id)
    return {
        "restored": sum(len(v) for v in updated.values()),
        "deleted": sum(len(v) for v in created.values()) - kept,
        "kept": kept,
    }


def _check_versions(
    session: Any,
    created: dict[str, list[int]],
    updated: dict[str, list[tuple[int, Any]]],
    batch_id: int,
) -> None:
    for table in ("project", "organisation"):
        expected: dict[int, int] = dict.fromkeys(created.get(table, []), 1)
        expected.update({row_id: before["version"] for row_id, before in updated.get(table, [])})
        current = store.versions(session, table, list(expected))
        stale = [
            row_id
            for row_id, version in expected.items()
            if current.get(row_id, version) != version
        ]
        if stale:
            raise UndoRefusedError("import_undo_stale", batch=batch_id, count=len(stale))
    # Lines whose money the import replaced: their project edited since refuses the undo too.
    replaced = dict(updated.get("line_money", []))
    if replaced:
        projects = money.projects_of_lines(session, list(replaced))
        current = store.versions(session, "project", sorted(set(projects.values())))
        stale_lines = [
            line
            for line, before in replaced.items()
            if before.get("project_version") is not None
            and current.get(projects.get(line, 0)) != before["project_version"]
        ]
        if stale_lines:
            raise UndoRefusedError("import_undo_stale", batch=batch_id, count=len(stale_lines))

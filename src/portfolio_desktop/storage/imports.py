"""SQL of the workbook import: what the importer compares with, how it writes, how it is undone.

The importer reads a snapshot of the reference data and of the projects a workbook names (plain
dicts and tuples), and writes with Core executemany statements in the caller's unit of work: one
transaction for the whole import. Every row it creates or updates is recorded in `import_change`
(with the values it had before) under an `import_batch`, so that the batch can be undone.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    Text,
    and_,
    bindparam,
    delete,
    func,
    insert,
    literal,
    null,
    select,
    update,
)
from sqlalchemy.orm import Session

from . import history, search
from . import tables as t
from .bulk import insert_rows, next_id
from .repository import utcnow

_CHUNK = 900
_HISTORY_COLUMNS = [
    "changed_at", "user", "source", "table_name", "row_id", "project_id", "action", "field",
    "old_value", "new_value",
]  # fmt: skip

#: The project columns an import can set (the summaries are recomputed, not imported).
PROJECT_COLUMNS = (
    "cluster_id", "reference", "acronym", "title", "summary", "call_id", "status",
    "submitted_on", "evaluated_on", "labelling_decided_on", "funding_decided_on", "closed_on",
    "abandoned_on", "start_on", "end_on", "total_budget_cents", "eligible_costs_cents",
    "keywords", "notes", "responsible_digital", "rd_carbon", "rd_resources", "rd_recyclability",
    "rd_energy", "rd_ethics",
)  # fmt: skip
LINE_COLUMNS = (
    "project_id", "funder_id", "instrument", "beneficiary_id", "requested_cents",
    "granted_cents", "paid_cents", "decision_on", "granted_override",
)  # fmt: skip
ORGANISATION_COLUMNS = (
    "name", "name_key", "kind", "siren", "siret", "region", "city", "is_member", "member_since",
    "member_until",
)  # fmt: skip
PARTICIPATION_COLUMNS = ("project_id", "organisation_id", "role", "budget_cents")
DOMAIN_COLUMNS = ("name", "colour", "active", "position", "cluster_id")
FUNDER_COLUMNS = ("name", "kind")
CALL_COLUMNS = ("name", "funder_id", "programme", "year")
CLUSTER_COLUMNS = ("code", "name", "regions")

#: table name → (Core table, the columns an import writes).
WRITABLE: dict[str, tuple[str, ...]] = {
    "project": PROJECT_COLUMNS,
    "funding_line": LINE_COLUMNS,
    "organisation": ORGANISATION_COLUMNS,
    "participation": PARTICIPATION_COLUMNS,
    "domain": DOMAIN_COLUMNS,
    "funder": FUNDER_COLUMNS,
    "call": CALL_COLUMNS,
    "cluster": CLUSTER_COLUMNS,
}


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


#: A run of consecutive ids at least this long is one `BETWEEN`, not part of an `IN` list.
_RUN = 64


def id_conditions(column: Any, ids: Iterable[int]) -> Iterator[Any]:
    """Conditions on `column` that together select exactly `ids`: each run of consecutive ids
    (what one import creates) as one `BETWEEN`, the others in `IN` lists of at most `_CHUNK`.
    Undoing a 100,000-project import deleted and recorded its 558,477 rows in 2,000 statements
    of a thousand ids each, most of its 27 s."""
    ordered = sorted(set(ids))
    loose: list[int] = []
    start = 0
    for end in range(1, len(ordered) + 1):
        if end < len(ordered) and ordered[end] == ordered[end - 1] + 1:
            continue
        if end - start >= _RUN:
            yield column.between(ordered[start], ordered[end - 1])
        else:
            loose += ordered[start:end]
        start = end
    for chunk in _chunks(loose):
        yield column.in_(chunk)


def _table(name: str) -> Any:
    return t.Base.metadata.tables[name]


# -- saved mapping profiles --------------------------------------------------------------------------


def load_profiles(session: Session) -> list[tuple[str, str]]:
    rows = session.execute(
        select(t.ImportProfile.name, t.ImportProfile.payload).order_by(t.ImportProfile.name)
    )
    return [(name, payload) for name, payload in rows]


def save_profile(session: Session, name: str, payload: str) -> None:
    now = utcnow()
    table = t.table_of(t.ImportProfile)
    existing = session.scalar(select(table.c.id).where(table.c.name == name))
    if existing is None:
        session.execute(
            insert(table).values(name=name, payload=payload, created_at=now, updated_at=now)
        )
    else:
        session.execute(
            update(table).where(table.c.id == existing).values(payload=payload, updated_at=now)
        )


def delete_profile(session: Session, name: str) -> None:
    session.execute(delete(t.ImportProfile).where(t.ImportProfile.name == name))


# -- the snapshot the importer compares with ---------------------------------------------------------


def _rows(
    session: Session, table: str, columns: Sequence[str], where: Any = None
) -> list[dict[str, Any]]:
    tab = _table(table)
    query = select(*(tab.c[c] for c in ("id", *columns)))
    if where is not None:
        query = query.where(where)
    return [dict(row._mapping) for row in session.execute(query.order_by(tab.c.id))]


def load_reference(session: Session) -> dict[str, list[dict[str, Any]]]:
    """Every cluster, domain, funder, call and organisation (with its version)."""
    return {
        "cluster": _rows(session, "cluster", CLUSTER_COLUMNS),
        "domain": _rows(session, "domain", DOMAIN_COLUMNS),
        "funder": _rows(session, "funder", FUNDER_COLUMNS),
        "call": _rows(session, "call", CALL_COLUMNS),
        "organisation": _rows(session, "organisation", (*ORGANISATION_COLUMNS, "version")),
    }


def project_index(session: Session) -> dict[tuple[int, str], int]:
    """(cluster id, reference) → project id, for every project."""
    return {
        (cluster_id, reference): pid
        for pid, cluster_id, reference in session.execute(
            select(t.Project.id, t.Project.cluster_id, t.Project.reference)
        )
    }


def _by_ids(
    session: Session, table: str, columns: Sequence[str], key_column: str, ids: Sequence[int]
) -> list[dict[str, Any]]:
    tab = _table(table)
    found: list[dict[str, Any]] = []
    if not ids:
        return found
    all_rows = len(ids) > 20_000
    chunks: Iterable[Sequence[int] | None] = [None] if all_rows else _chunks(sorted(ids))
    wanted = set(ids)
    for chunk in chunks:
        query = select(*(tab.c[c] for c in columns))
        if chunk is not None:
            query = query.where(tab.c[key_column].in_(chunk))
        for row in session.execute(query):
            mapping = dict(row._mapping)
            if not all_rows or mapping[key_column] in wanted:
                found.append(mapping)
    return found


def load_projects(session: Session, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The importable columns of these projects, with id and version, and their children."""
    projects = {
        row["id"]: row
        for row in _by_ids(session, "project", ("id", "version", *PROJECT_COLUMNS), "id", ids)
    }
    for row in projects.values():
        row["domains"] = []
        row["regions"] = []
        row["lines"] = []
        row["partners"] = []
    for row in _by_ids(
        session, "project_domain", ("project_id", "domain_id", "percent"), "project_id", ids
    ):
        projects[row["project_id"]]["domains"].append((row["domain_id"], row["percent"]))
    for row in _by_ids(session, "project_region", ("project_id", "region"), "project_id", ids):
        projects[row["project_id"]]["regions"].append(row["region"])
    for row in _by_ids(session, "funding_line", ("id", *LINE_COLUMNS), "project_id", ids):
        projects[row["project_id"]]["lines"].append(row)
    for row in _by_ids(session, "participation", ("id", *PARTICIPATION_COLUMNS), "project_id", ids):
        projects[row["project_id"]]["partners"].append(row)
    for row in projects.values():
        row["domains"].sort(key=lambda d: (-d[1], d[0]))
        row["regions"].sort()
        row["lines"].sort(key=lambda line: line["id"])
        row["partners"].sort(key=lambda p: p["id"])
    return projects


# -- writing -----------------------------------------------------------------------------------------


def start_batch(session: Session, file_name: str, sha256: str, profile: str, user: str) -> int:
    batch_id = _insert_batch(session, file_name, sha256, profile, user)
    # The history names the batch as the source of everything this unit of work changes next.
    history.set_source(session, f"import:{batch_id}", user or None)
    return batch_id


def _insert_batch(session: Session, file_name: str, sha256: str, profile: str, user: str) -> int:
    return t.insert_id(
        session,
        t.ImportBatch,
        {
            "file_name": file_name[:500],
            "file_sha256": sha256,
            "profile": profile[:100],
            "started_at": utcnow(),
            "user": user[:100],
            "counts": "{}",
            "state": "committed",
        },
    )


def finish_batch(session: Session, batch_id: int, counts: Mapping[str, Any]) -> None:
    session.execute(
        update(t.table_of(t.ImportBatch))
        .where(t.table_of(t.ImportBatch).c.id == batch_id)
        .values(finished_at=utcnow(), counts=json.dumps(counts, ensure_ascii=False))
    )


def first_free_ids(session: Session, tables: Iterable[str]) -> dict[str, int]:
    return {name: next_id(session, name) for name in tables}


def insert_many(session: Session, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    insert_rows(session, table, rows)
    history.record_created(session, table, rows)


def update_rows(session: Session, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """UPDATE … WHERE id = :id for each row (rows grouped by the columns they set)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        columns = tuple(sorted(c for c in row if c != "id"))
        groups[columns].append({"_id": row["id"], **{c: row[c] for c in columns}})
    history.record_update_rows(session, table, rows)
    tab = _table(table)
    connection = session.connection()
    for columns, batch in groups.items():
        if not columns:
            continue
        statement = (
            update(tab)
            .where(tab.c.id == bindparam("_id"))
            .values({c: bindparam(c) for c in columns})
        )
        for start in range(0, len(batch), 20_000):
            connection.execute(statement, batch[start : start + 20_000])


def delete_ids(session: Session, table: str, ids: Sequence[int], *, record: bool = True) -> None:
    """Deletes these rows, recording each in the history with its values unless `record` is
    false (the caller has recorded them: `history_of_undone`)."""
    if record:
        history.record_deleted(session, table, ids)
    tab = _table(table)
    connection = session.connection()
    if (
        table != "project"
        or connection.dialect.name != "sqlite"
        or len(ids) <= search.REBUILD_THRESHOLD
    ):
        for condition in id_conditions(tab.c.id, ids):
            session.execute(delete(tab).where(condition))
        return
    # Many projects: the full-text indexes are rebuilt from what remains once, instead of
    # deleting each text through the trigger (an undone 100,000-project import).
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        triggers = search.suspend_triggers(cursor, "ad")
        for condition in id_conditions(tab.c.id, ids):
            session.execute(delete(tab).where(condition))
        search.rebuild_and_restore(cursor, triggers)
    finally:
        cursor.close()


def replace_children(
    session: Session, table: str, rows_by_project: Mapping[int, Sequence[Mapping[str, Any]]]
) -> None:
    """Deletes the project_domain / project_region rows of these projects, then inserts these."""
    history.record_children(session, table, rows_by_project)
    tab = _table(table)
    ids = list(rows_by_project)
    for chunk in _chunks(ids):
        session.execute(delete(tab).where(tab.c.project_id.in_(chunk)))
    insert_rows(session, table, [row for rows in rows_by_project.values() for row in rows])


def record_created(session: Session, batch_id: int, table: str, first: int, last: int) -> None:
    """One import_change row per id of a contiguous range this batch created (INSERT … SELECT)."""
    if last < first:
        return
    tab = _table(table)
    change = t.table_of(t.ImportChange)
    session.execute(
        insert(change).from_select(
            ["batch_id", "table_name", "row_id", "action", "before"],
            select(literal(batch_id), literal(table), tab.c.id, literal("created"), null()).where(
                and_(tab.c.id >= first, tab.c.id <= last)
            ),
        )
    )


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def record_changes(
    session: Session, batch_id: int, table: str, action: str, rows: Sequence[tuple[int, Any]]
) -> None:
    """import_change rows: (row id, what to restore on undo, as JSON-able data)."""
    insert_rows(
        session,
        "import_change",
        [
            {
                "batch_id": batch_id,
                "table_name": table,
                "row_id": row_id,
                "action": action,
                "before": None if before is None else json.dumps(before, default=_json_value),
            }
            for row_id, before in rows
        ],
    )


def record_rules_of_batch(
    session: Session, batch_id: int, replaced: Sequence[tuple[int, Any]], created: Sequence[int]
) -> None:
    """What an import's undo does to the aid-rate rules its sheet wrote: puts back those it
    replaced (id, {"values": the row's columns}), removes those it added."""
    record_changes(session, batch_id, "aid_rate_rule", "updated", replaced)
    record_changes(session, batch_id, "aid_rate_rule", "created", [(i, None) for i in created])


def status_rows(
    batch_id: int, changes: Iterable[tuple[int, str | None, str, date | None]], user: str
) -> list[dict[str, Any]]:
    now = utcnow()
    source = f"import:{batch_id}"
    return [
        {
            "project_id": pid,
            "from_status": before,
            "to_status": after,
            "step_on": on,
            "changed_at": now,
            "changed_by": user,
            "source": source,
        }
        for pid, before, after, on in changes
    ]


# -- undo --------------------------------------------------------------------------------------------


def batch_row(session: Session, batch_id: int) -> dict[str, Any] | None:
    row = session.execute(
        select(t.table_of(t.ImportBatch)).where(t.table_of(t.ImportBatch).c.id == batch_id)
    ).first()
    return dict(row._mapping) if row is not None else None


def list_batches(session: Session, limit: int = 50) -> list[dict[str, Any]]:
    table = t.table_of(t.ImportBatch)
    return [
        dict(row._mapping)
        for row in session.execute(select(table).order_by(table.c.id.desc()).limit(limit))
    ]


def batch_changes(session: Session, batch_id: int) -> list[tuple[str, int, str, Any]]:
    """(table, row id, action, before) of a batch, in the order they were recorded."""
    change = t.table_of(t.ImportChange)
    return [
        (table, row_id, action, json.loads(before) if before else None)
        for table, row_id, action, before in session.execute(
            select(change.c.table_name, change.c.row_id, change.c.action, change.c.before)
            .where(change.c.batch_id == batch_id)
            .order_by(change.c.id)
        )
    ]


def versions(session: Session, table: str, ids: Sequence[int]) -> dict[int, int]:
    tab = _table(table)
    found: dict[int, int] = {}
    for chunk in _chunks(list(ids)):
        for row_id, version in session.execute(
            select(tab.c.id, tab.c.version).where(tab.c.id.in_(chunk))
        ):
            found[row_id] = version
    return found


def existing_ids(session: Session, table: str, ids: Sequence[int]) -> set[int]:
    """Those of these ids that the table holds."""
    tab = _table(table)
    found: set[int] = set()
    if len(ids) > 20_000:
        # Many ids: one range scan of the primary key instead of hundreds of IN (…) queries.
        wanted = set(ids)
        query = select(tab.c.id).where(tab.c.id.between(min(wanted), max(wanted)))
        found.update(i for i in session.scalars(query) if i in wanted)
        return found
    for chunk in _chunks(list(ids)):
        found.update(session.scalars(select(tab.c.id).where(tab.c.id.in_(chunk))))
    return found


def usage_counts(session: Session, table: str, ids: Sequence[int]) -> dict[int, int]:
    """How many rows still refer to these reference rows (kept on undo when still used)."""
    if not ids:
        return {}
    refs: dict[str, list[tuple[str, str]]] = {
        "organisation": [("participation", "organisation_id"), ("funding_line", "beneficiary_id"), ("project", "lead_organisation_id")],
        "funder": [("funding_line", "funder_id"), ("call", "funder_id")],
        "call": [("project", "call_id")],
        "domain": [("project_domain", "domain_id"), ("expert_domain", "domain_id")],
        "cluster": [("project", "cluster_id")],
    }  # fmt: skip
    counts: dict[int, int] = dict.fromkeys(ids, 0)
    for ref_table, column in refs.get(table, []):
        tab = _table(ref_table)
        for chunk in _chunks(list(ids)):
            for row_id, n in session.execute(
                select(tab.c[column], func.count())
                .where(tab.c[column].in_(chunk))
                .group_by(tab.c[column])
            ):
                counts[row_id] = counts.get(row_id, 0) + int(n)
    return counts


def delete_status_changes(session: Session, batch_id: int) -> None:
    session.execute(delete(t.StatusChange).where(t.StatusChange.source == f"import:{batch_id}"))


def mark_undone(session: Session, batch_id: int) -> None:
    session.execute(
        update(t.table_of(t.ImportBatch))
        .where(t.table_of(t.ImportBatch).c.id == batch_id)
        .values(state="undone", undone_at=utcnow())
    )


def later_batches_touching(session: Session, batch_id: int, rows: Iterable[tuple[str, int]]) -> int:
    """How many changes of later committed batches touch the same rows."""
    wanted = set(rows)
    if not wanted:
        return 0
    change = t.table_of(t.ImportChange)
    batch = t.table_of(t.ImportBatch)
    count = 0
    for table, row_id in session.execute(
        select(change.c.table_name, change.c.row_id)
        .join(batch, batch.c.id == change.c.batch_id)
        .where(change.c.batch_id > batch_id, batch.c.state == "committed")
    ):
        count += (table, row_id) in wanted
    return count


def _python_value(column: Any, value: Any) -> Any:
    """A value read back from an import_change JSON, as the column's Python type."""
    if isinstance(value, str):
        if isinstance(column.type, DateTime):
            return datetime.fromisoformat(value)
        if isinstance(column.type, Date):
            return date.fromisoformat(value)
    return value


def restore_rows(session: Session, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Puts back the values an import overwrote (rows of id + columns, from JSON)."""
    tab = _table(table)
    update_rows(
        session,
        table,
        [
            {k: v if k == "id" else _python_value(tab.c[k], v) for k, v in row.items()}
            for row in rows
        ],
    )


def restore_children(session: Session, table: str, before: Mapping[int, Sequence[Any]]) -> None:
    """Puts back the domain splits or regions an import replaced."""
    if table == "project_domain":
        rows = {
            pid: [{"project_id": pid, "domain_id": d, "percent": p} for d, p in items]
            for pid, items in before.items()
        }
    else:
        rows = {
            pid: [{"project_id": pid, "region": r} for r in items] for pid, items in before.items()
        }
    replace_children(session, table, rows)


def projects_of(session: Session, table: str, ids: Sequence[int]) -> set[int]:
    """The projects that these funding lines or participations belong to."""
    tab = _table(table)
    found: set[int] = set()
    for condition in id_conditions(tab.c.id, ids):
        found.update(session.scalars(select(tab.c.project_id).where(condition)))
    return found


# -- the fast path for rows an import creates -----------------------------------------------------------


def _driver_converters(session: Session, table: str, columns: Sequence[str]) -> list[Any]:
    """Per column, how a Python value becomes what SQLAlchemy itself would send to the driver
    (SQLite: ISO dates, `YYYY-MM-DD HH:MM:SS.ffffff` datetimes, 0/1 booleans)."""
    if session.get_bind().dialect.name != "sqlite":
        return [None] * len(columns)
    tab = _table(table)
    converters: list[Any] = []
    for name in columns:
        kind = tab.c[name].type
        if isinstance(kind, DateTime):
            converters.append(_memo(lambda v: v.strftime("%Y-%m-%d %H:%M:%S.%f")))
        elif isinstance(kind, Date):
            converters.append(_memo(date.isoformat))
        else:
            converters.append(None)
    return converters


def _memo(convert: Any) -> Any:
    """A converter that converts each distinct value once (a column of 300,000 dates holds a
    few thousand days; its timestamps are one)."""
    cache: dict[Any, Any] = {None: None}

    def converted(value: Any) -> Any:
        try:
            return cache[value]
        except KeyError:
            cache[value] = result = convert(value)
            return result

    return converted


def driver_rows(
    session: Session, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> Sequence[Sequence[Any]]:
    """Rows of tuples in `columns` order with their dates and times as the driver takes them.
    Column by column: one map() per converted column, the transpositions in C."""
    converters = _driver_converters(session, table, columns)
    if not rows or all(f is None for f in converters):
        return rows
    return list(
        zip(
            *(
                column if convert is None else list(map(convert, column))
                for column, convert in zip(zip(*rows, strict=True), converters, strict=True)
            ),
            strict=True,
        )
    )


def fast_insert(
    session: Session,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    prepared: bool = False,
) -> None:
    """INSERT of many rows given as tuples in `columns` order, straight to the driver's
    executemany (SQLAlchemy's per-row parameter processing is the cost at 300,000 rows);
    `prepared` when `driver_rows` has already converted them."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    if not prepared:
        rows = driver_rows(session, table, columns, rows)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        if dialect.name == "sqlite" and len(rows) >= _STAGE_FROM:
            staged_insert(cursor, quote(table), [quote(c) for c in columns], rows)
            return
        for start in range(0, len(rows), 50_000):
            cursor.executemany(sql, rows[start : start + 50_000])
    finally:
        cursor.close()


#: From this many rows, SQLite takes them through a staging table (see `staged_insert`).
_STAGE_FROM = 5_000


def staged_insert(
    cursor: Any, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Many rows into an indexed SQLite table in two steps: the driver fills a bare temporary
    table (binding each row holds the interpreter, and there is no index to update), then one
    INSERT … SELECT updates the table and its indexes while the interpreter is free for the
    thread building the next rows. The staging columns have no type, so each value reaches the
    table exactly as bound, with the table's own affinities, constraints and triggers."""
    names = ", ".join(columns)
    cursor.execute("DROP TABLE IF EXISTS temp.import_stage")
    cursor.execute(f"CREATE TEMP TABLE import_stage ({names})")
    try:
        # Hundreds of rows a statement: the driver lets go of the interpreter after each
        # statement, and taking it back once a row, while another thread is busy, cost seconds.
        limit = cursor.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        per = max(1, min(1000, limit // len(columns)))
        row = f"({', '.join('?' * len(columns))})"
        whole = len(rows) // per * per
        if whole:
            cursor.executemany(
                f"INSERT INTO temp.import_stage VALUES {', '.join([row] * per)}",
                (tuple(chain.from_iterable(rows[i : i + per])) for i in range(0, whole, per)),
            )
        if whole < len(rows):
            rest = rows[whole:]
            cursor.execute(
                f"INSERT INTO temp.import_stage VALUES {', '.join([row] * len(rest))}",
                tuple(chain.from_iterable(rest)),
            )
        cursor.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM temp.import_stage")
    finally:
        cursor.execute("DROP TABLE temp.import_stage")


def record_created_rows(session: Session, batch_id: int, table: str, ids: Sequence[int]) -> None:
    """import_change rows for rows this batch created (one INSERT … SELECT for an id range)."""
    if not ids:
        return
    ordered = sorted(ids)
    if ordered[-1] - ordered[0] + 1 == len(ordered):
        record_created(session, batch_id, table, ordered[0], ordered[-1])
        return
    fast_insert(
        session,
        "import_change",
        ("batch_id", "table_name", "row_id", "action", "before"),
        [(batch_id, table, row_id, "created", None) for row_id in ordered],
    )


def _project_column(tab: Any, table: str) -> Any:
    """The project a row's history belongs to: its own id, its project_id, or none."""
    if table == "project":
        return tab.c.id
    if table in history.PROJECT_CHILDREN:
        return tab.c.project_id
    return null()


def _created_projects(batch_id: int) -> Any:
    """The projects this batch created (not correlated: the database makes the set once; a
    correlated NOT EXISTS made a 287,486-line history quadratic)."""
    change = t.table_of(t.ImportChange)
    return select(change.c.row_id).where(
        change.c.batch_id == batch_id,
        change.c.table_name == "project",
        change.c.action == "created",
    )


def history_of_created(session: Session, batch_id: int, table: str) -> None:
    """The change history of the rows this batch created in `table`, in one INSERT … SELECT:
    one row each, action "created", without the record's values.

    The values are the row's own: nothing but the batch wrote them, and every later change
    records its old value (a deletion the whole record), so what the import wrote can always be
    told; the batch names the file and its hash. A funding line or partner of a project this
    batch created is part of that project's creation and gets no row of its own (a line added to
    an existing project does). Copying every imported record into the history as JSON doubled a
    100,000-project portfolio's file (222 MB of 555) and its backups."""
    if table not in history.TRACKED:
        return
    ctx = history.context(session)
    tab = _table(table)
    change = t.table_of(t.ImportChange)
    project = _project_column(tab, table)
    joined = and_(
        change.c.row_id == tab.c.id,
        change.c.batch_id == batch_id,
        change.c.table_name == table,
        change.c.action == "created",
    )
    rows = select(
        literal(ctx.at), literal(ctx.user), literal(ctx.source), literal(table), tab.c.id,
        project, literal("created"), literal(""), null(), null(),
    ).select_from(tab).join(change, joined)  # fmt: skip
    if table in history.PROJECT_CHILDREN:
        rows = rows.where(tab.c.project_id.not_in(_created_projects(batch_id)))
    session.execute(insert(t.table_of(t.ChangeHistory)).from_select(_HISTORY_COLUMNS, rows))


#: What names a record an undone import deletes, in its history row (the rest was the file's).
IDENTITY: dict[str, tuple[str, ...]] = {
    "project": ("reference", "acronym"),
    "funding_line": ("funder_id", "instrument", "granted_cents"),
    "participation": ("organisation_id", "role"),
    "organisation": ("name", "siren"),
    "funder": ("name",),
    "call": ("name", "funder_id"),
    "domain": ("name",),
    "cluster": ("code", "name"),
    "expert": ("name",),
    "committee": ("name", "held_on"),
    "evaluation": ("expert_id", "evaluated_on"),
    "submission": ("call_id", "submitted_on"),
    "follow_up": ("kind", "title", "due_on"),
    "aid_rate_rule": ("call_id", "funder_id", "partner_kind", "max_rate_bp"),
}


def history_of_undone(session: Session, batch_id: int, table: str, ids: Sequence[int]) -> None:
    """Call before an undone import deletes these rows it created: one history row each, action
    "deleted", holding what names the record (its reference, name, funder…) rather than all of
    it. The rest is what the batch's file said: an undo is refused once a record was edited
    since. A funding line or partner of a project the same undo deletes is part of that
    project's deletion and gets no row of its own. (Recording every value of the 526,225
    records of a 100,000-project import took 17 s of its 36 s undo, and 200 MB.)"""
    if table not in history.TRACKED or not ids:
        return
    ctx = history.context(session)
    tab = _table(table)
    project = _project_column(tab, table)
    pairs: list[Any] = []
    for name in IDENTITY[table]:
        pairs += [literal(name), func.cast(tab.c[name], Text)]
    postgres = session.get_bind().dialect.name != "sqlite"
    document = func.json_build_object(*pairs) if postgres else func.json_object(*pairs)
    for condition in id_conditions(tab.c.id, ids):
        rows = select(
            literal(ctx.at), literal(ctx.user), literal(ctx.source), literal(table), tab.c.id,
            project, literal("deleted"), literal(""), func.cast(document, Text), null(),
        ).where(condition)  # fmt: skip
        if table in history.PROJECT_CHILDREN:
            rows = rows.where(tab.c.project_id.not_in(_created_projects(batch_id)))
        session.execute(insert(t.table_of(t.ChangeHistory)).from_select(_HISTORY_COLUMNS, rows))


def create_projects(session: Session, batch_id: int, rows: Sequence[Mapping[str, Any]]) -> None:
    """`create_rows` for projects (ids contiguous, summaries computed): `NewProjects` at once."""
    if not rows:
        return
    columns = list(rows[0].keys())
    projects = NewProjects(session, batch_id, columns, len(rows))
    projects.begin()
    projects.add(projects.prepare([tuple(row[c] for c in columns) for row in rows]))
    projects.finish()


class NewProjects:
    """Projects an import creates, given in chunks (ids contiguous, summaries computed), so that
    an import can hand each chunk to the database while it builds the next.

    On SQLite, a large batch goes in with the full-text indexes' insert triggers suspended, then
    each index takes the new rows in one INSERT … SELECT (100,000 projects: 3–4 s instead of 12 s
    row by row). `finish` records them for undo and writes their change history."""

    def __init__(self, session: Session, batch_id: int, columns: Sequence[str], count: int) -> None:
        self.session, self.batch_id, self.columns = session, batch_id, list(columns)
        self.position = self.columns.index("id")
        self.bulk = session.get_bind().dialect.name == "sqlite" and count > search.REBUILD_THRESHOLD
        self.triggers: list[tuple[str, str]] = []
        self.ids: list[int] = []

    def _cursor(self) -> Any:
        return self.session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]

    def begin(self) -> None:
        if not self.bulk:
            return
        cursor = self._cursor()
        try:
            self.triggers = search.suspend_triggers(cursor, "ai")
        finally:
            cursor.close()

    def prepare(self, rows: Sequence[Sequence[Any]]) -> Sequence[Sequence[Any]]:
        """The rows as the driver takes them (done by the thread that builds them)."""
        return driver_rows(self.session, "project", self.columns, rows)

    def add(self, rows: Sequence[Sequence[Any]]) -> None:
        """Inserts rows `prepare` gave."""
        fast_insert(self.session, "project", self.columns, rows, prepared=True)
        self.ids += [int(row[self.position]) for row in rows]

    def finish(self) -> None:
        if not self.ids:
            return
        record_created_rows(self.session, self.batch_id, "project", self.ids)
        history_of_created(self.session, self.batch_id, "project")
        if not self.triggers:
            return
        first, last = min(self.ids), max(self.ids)
        assert last - first + 1 == len(self.ids), "new project ids are contiguous"
        cursor = self._cursor()
        try:
            for name, sql in self.triggers:
                index = name.removesuffix("_ai")
                cursor.execute(
                    f"INSERT INTO {index}(rowid, search_text) "
                    "SELECT id, search_text FROM project WHERE id BETWEEN ? AND ?",
                    (first, last),
                )
                cursor.execute(sql)
        finally:
            cursor.close()


def create_rows(
    session: Session, batch_id: int, table: str, rows: Sequence[Mapping[str, Any]]
) -> None:
    """Inserts rows an import creates (dicts with their id, all with the same keys), records
    them in `import_change` for undo, and writes their change history."""
    if not rows:
        return
    first = rows[0].keys()
    if all(row.keys() == first for row in rows):
        columns = list(first)
        # itemgetter of two or more keys returns a tuple.
        values = list(map(itemgetter(*columns), rows)) if len(columns) > 1 else None
    else:
        columns = list(first)
        columns += sorted({c for row in rows for c in row} - set(columns))
        values = None
    if values is None:
        values = [tuple(row.get(c) for c in columns) for row in rows]
    create_tuples(session, batch_id, table, columns, values)


def create_tuples(
    session: Session,
    batch_id: int,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    prepared: bool = False,
) -> None:
    """`create_rows` for rows given as tuples in `columns` order (one of them `id`);
    `prepared` when `driver_rows` has already converted them."""
    if not rows:
        return
    fast_insert(session, table, columns, rows, prepared=prepared)
    position = list(columns).index("id")
    record_created_rows(session, batch_id, table, [int(row[position]) for row in rows])
    history_of_created(session, batch_id, table)

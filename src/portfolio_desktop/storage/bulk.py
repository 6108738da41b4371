"""Fast inserts of many rows (demo generation, imports): Core executemany, no ORM objects."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .tables import Base

BATCH = 20_000


def table_names() -> list[str]:
    return list(Base.metadata.tables)


def next_id(session: Session, table: str) -> int:
    """The first free primary key of a table (ids are assigned up front for bulk inserts)."""
    t = Base.metadata.tables[table]
    return int(session.scalar(select(func.coalesce(func.max(t.c.id), 0))) or 0) + 1


def insert_rows(session: Session, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Inserts plain dict rows in batches on the unit of work's connection."""
    if not rows:
        return
    statement = Base.metadata.tables[table].insert()
    connection = session.connection()
    for start in range(0, len(rows), BATCH):
        connection.execute(statement, list(rows[start : start + BATCH]))


def count_rows(session: Session, table: str) -> int:
    t = Base.metadata.tables[table]
    return int(session.scalar(select(func.count()).select_from(t)) or 0)


def domain_ids_by_name(session: Session) -> dict[str, int]:
    t = Base.metadata.tables["domain"]
    return {name: int(i) for i, name in session.execute(select(t.c.id, t.c.name))}


#: The tables an import that creates most of a portfolio fills with their secondary indexes set
#: aside (made again once, sorted, at the end of the same transaction). Only tables the import's
#: own statements do not look rows up in while it writes: `import_change`, the children of
#: projects it replaces and the years' spread keep theirs.
BULK_TABLES = ("project", "funding_line", "funding_share", "participation", "payment",
               "change_history", "status_change")  # fmt: skip

#: SQLite's sorter may use this many helper threads to build an index (`PRAGMA threads`).
SORT_THREADS = 2


def suspend_indexes(cursor: Any, tables: Sequence[str] = BULK_TABLES) -> list[tuple[str, str]]:
    """Inside a transaction on SQLite: drops the secondary indexes of `tables` (as the database
    holds them; not the unique ones, which check what goes in, nor those of constraints, which
    SQLite makes itself) and returns their (name, SQL) for `restore_indexes`. A rollback (an
    error, a cancel, a crash) gives them back as they were."""
    marks = ", ".join("?" * len(tables))
    indexes: list[tuple[str, str]] = cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name",
        tuple(tables),
    ).fetchall()
    indexes = [
        (n, sql) for n, sql in indexes if not sql.lstrip().upper().startswith("CREATE UNIQUE")
    ]
    for name, _sql in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    return indexes


def restore_indexes(cursor: Any, indexes: Sequence[tuple[str, str]]) -> None:
    """Makes again the indexes `suspend_indexes` dropped: each is one sort of its table's rows
    (with `SORT_THREADS` helper threads), cheaper than keeping it up to date row by row."""
    if not indexes:
        return
    (before,) = cursor.execute("PRAGMA threads").fetchone()
    cursor.execute(f"PRAGMA threads = {SORT_THREADS}")
    try:
        for _name, sql in indexes:
            cursor.execute(sql)
    finally:
        cursor.execute(f"PRAGMA threads = {int(before)}")

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

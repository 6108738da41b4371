"""The import's bulk insert on SQLite: rows taken through a staging table, hundreds a statement,
reach the table exactly as a row-by-row insert puts them (types, affinities, NULLs, order)."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

import pytest

from portfolio_desktop.storage.imports import staged_insert

TABLE = (
    "CREATE TABLE {name} (id INTEGER PRIMARY KEY, amount BIGINT, code VARCHAR(20), "
    "day DATE, flag BOOLEAN NOT NULL, note TEXT)"
)


def rows(count: int) -> list[tuple[Any, ...]]:
    made = []
    for i in range(1, count + 1):
        made.append(
            (
                i,
                None if i % 7 == 0 else i * 1_000_003,
                f"{i:05d}" if i % 3 else str(i),  # text that looks like a number stays text
                date(2020, 1, 1 + i % 28).isoformat() if i % 5 else None,
                i % 2,
                "l'été « 2021 »" if i % 11 == 0 else "",
            )
        )
    return made


@pytest.mark.parametrize(("count", "variables"), [(5_123, None), (1_000, 99), (7, None)])
def test_staged_rows_arrive_as_a_row_by_row_insert_puts_them(
    count: int, variables: int | None
) -> None:
    connection = sqlite3.connect(":memory:")
    if variables is not None:
        # A SQLite built with a low limit: fewer rows a statement, and a remainder.
        connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, variables)
    for name in ("direct", "staged"):
        connection.execute(TABLE.format(name=name))
    data = rows(count)
    connection.executemany("INSERT INTO direct VALUES (?, ?, ?, ?, ?, ?)", data)
    cursor = connection.cursor()
    staged_insert(cursor, "staged", ["id", "amount", "code", "day", "flag", "note"], data)
    query = (
        "SELECT id, amount, typeof(amount), code, typeof(code), day, typeof(day), flag, note "
        "FROM {name} ORDER BY rowid"
    )
    direct = connection.execute(query.format(name="direct")).fetchall()
    staged = connection.execute(query.format(name="staged")).fetchall()
    assert len(staged) == count
    assert staged == direct
    # The staging table is gone, and a constraint still holds.
    assert connection.execute("SELECT count(*) FROM temp.sqlite_master").fetchone() == (0,)
    with pytest.raises(sqlite3.IntegrityError):
        staged_insert(cursor, "staged", ["id", "flag"], [(count + 1, None)])
    assert connection.execute("SELECT count(*) FROM staged").fetchone() == (count,)

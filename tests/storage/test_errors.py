"""Driver errors are classified by their code (SQLite's result code, PostgreSQL's SQLSTATE),
never by the words of their message."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from portfolio_desktop.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DiskFullError,
    classify_database_error,
)


def _error(path: Path, statement: str) -> sqlite3.Error:
    with contextlib.closing(sqlite3.connect(path, timeout=0)) as conn:
        try:
            conn.execute(statement)
        except sqlite3.Error as error:
            return error
    raise AssertionError("no error")


def test_words_in_a_message_do_not_make_an_environment_error(tmp_path: Path) -> None:
    """A bug whose message says "locked", "full" or "corrupt" stays a bug (None)."""
    path = tmp_path / "p.sqlite"
    for statement in (
        "SELECT * FROM locked_rows",
        "SELECT * FROM disk_is_full",
        "SELECT * FROM corrupt_readonly_busy",
    ):
        error = _error(path, statement)
        assert error.sqlite_errorname == "SQLITE_ERROR"
        assert classify_database_error(error, str(path)) is None


def test_sqlite_result_codes(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.execute("BEGIN EXCLUSIVE")
        locked = _error(path, "SELECT * FROM t")
        conn.rollback()
    assert isinstance(classify_database_error(locked, "p"), DatabaseLockedError)
    with (
        contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn,
        pytest.raises(sqlite3.Error) as read_only,
    ):
        conn.execute("INSERT INTO t VALUES (1)")
    assert isinstance(classify_database_error(read_only.value, "p"), DatabaseReadOnlyError)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(sqlite3.Error) as full:
            conn.execute("INSERT INTO t SELECT zeroblob(100000)")
    assert isinstance(classify_database_error(full.value, "p"), DiskFullError)
    other = tmp_path / "not.sqlite"
    other.write_bytes(b"x" * 4096)
    assert isinstance(
        classify_database_error(_error(other, "SELECT 1 FROM sqlite_master"), "x"),
        DatabaseCorruptError,
    )


def test_text_that_is_not_utf8_is_a_damaged_file(tmp_path: Path) -> None:
    """The binding's own error (no SQLite code) when a stored text does not decode."""
    with contextlib.closing(sqlite3.connect(tmp_path / "p.sqlite")) as conn:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.execute("INSERT INTO t VALUES (CAST(x'31ff32' AS TEXT))")
        with pytest.raises(sqlite3.OperationalError) as caught:
            conn.execute("SELECT x FROM t").fetchall()
    assert not hasattr(caught.value, "sqlite_errorcode") or caught.value.sqlite_errorcode is None
    assert isinstance(classify_database_error(caught.value, "p"), DatabaseCorruptError)

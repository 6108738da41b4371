"""A kill -9 in the middle of an import leaves the database exactly as it was."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from portfolio_desktop.services.excel_export import export_workbook
from portfolio_desktop.services.excel_import import import_workbook

CHILD = """
import sys, time
from portfolio_desktop.services.excel_import import import_workbook
from portfolio_desktop.services.progress import Progress
from portfolio_desktop.storage import bulk
from portfolio_desktop.storage.apply import bulk_import
from portfolio_desktop.storage.schema import open_database

mode = sys.argv[3]

def report(fraction, message):
    # Late in the write phase: projects, funding lines and partners are inserted, the
    # summaries not yet refreshed, nothing committed.
    if mode != "rebuild" and message == "import_writing" and fraction >= 0.85:
        print("WRITING", flush=True)
        time.sleep(120)

if mode != "incremental":
    # The bulk path, whatever the file's size: the indexes set aside, then made again.
    bulk_import.BULK_FROM = 1
    restore = bulk.restore_indexes

    def halfway(cursor, indexes):
        restore(cursor, indexes[: len(indexes) // 2])
        print("WRITING", flush=True)
        time.sleep(120)

    if mode == "rebuild":
        bulk.restore_indexes = halfway

db = open_database(sys.argv[1])
import_workbook(db, sys.argv[2], progress=Progress(report))
print("FINISHED", flush=True)
"""


def content_digest(path: Path) -> tuple[str, dict[str, int]]:
    """A digest of every row of every table, and the row counts."""
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    with sqlite3.connect(path) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            rows = sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            counts[table] = len(rows)
            digest.update(table.encode())
            digest.update(repr(rows).encode())
        # The schema too: an import that set indexes aside leaves none missing.
        digest.update(
            repr(conn.execute("SELECT * FROM sqlite_master ORDER BY name").fetchall()).encode()
        )
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    return digest.hexdigest(), counts


@pytest.mark.parametrize("mode", ["incremental", "bulk", "rebuild"])
def test_kill_during_a_large_import_leaves_the_database_as_it_was(
    pole_db: Any, db: Any, db_path: Path, tmp_path: Path, mode: str
) -> None:
    """Killed while the rows go in (with the indexes kept up to date, or set aside), or while
    the indexes set aside are made again."""
    workbook = tmp_path / "portefeuille.xlsx"
    export_workbook(pole_db, workbook, lang="fr")
    # Something already in the target, so that "as it was" is not just "empty".
    small = tmp_path / "small.xlsx"
    export_workbook(pole_db, small, lang="en", project_filter=_recent())
    first = import_workbook(db, small)
    assert first.batch_id is not None
    db.dispose()
    before = content_digest(db_path)

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), str(workbook), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        assert line == "WRITING", child.stderr.read() if child.stderr else line
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    assert content_digest(db_path) == before
    # And the portfolio still opens and takes the import afterwards.
    from portfolio_desktop.storage.schema import open_database

    database = open_database(db_path)
    try:
        report = import_workbook(database, workbook)
        assert report.ok
        assert report.batch_id is not None
    finally:
        database.dispose()


def _recent() -> Any:
    from portfolio_desktop.domain.filters import ProjectFilter

    return ProjectFilter(year_from=2026)


pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

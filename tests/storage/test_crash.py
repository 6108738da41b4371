"""kill -9 at random moments: during imports, undos of imports and form edits (50 times), and in
the middle of a migration. The file stays sound, every import is there completely or not at all,
the summaries agree with their sources, and a migration either happened or did not."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from portfolio_desktop.storage import backups, schema
from portfolio_desktop.storage.backup import integrity_ok

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::ResourceWarning")]

KILLS = 50

WORKER = """
import random, sys
from portfolio_desktop.services import history, portfolio, safety
from portfolio_desktop.services.excel_import import import_workbook, undo_import

opened = safety.open_portfolio(sys.argv[1])
db, workbook, rng = opened.db, sys.argv[2], random.Random(int(sys.argv[3]))
initial = [int(i) for i in sys.argv[4].split(",")]
print("READY", flush=True)
while True:
    if rng.random() < 0.5:
        pid = rng.choice(initial)
        record = portfolio.load_project(db, pid)
        for line in record.funding_lines:
            granted = line.granted_cents
            if granted is None:
                continue
            if line.requested_cents is not None and granted + 1 <= line.requested_cents:
                line.granted_cents = granted + 1
            elif granted - 1 >= (line.paid_cents or 0):
                line.granted_cents = granted - 1
        record.notes = f"edit {rng.random()}"
        print("BEGIN edit", flush=True)
        portfolio.update_project(db, record, expected_version=record.version)
        print("END", flush=True)
        continue
    committed = [
        b for b in history.import_batches(db, 5) if b.state == "committed" and b.file_name == "lot.xlsx"
    ]
    if committed:
        print("BEGIN undo", flush=True)
        undo_import(db, committed[0].id)
    else:
        print("BEGIN import", flush=True)
        report = import_workbook(db, workbook)
        assert report.ok and report.batch_id is not None, report.to_json()
    print("END", flush=True)
"""


def rows(conn: sqlite3.Connection, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return conn.execute(sql, params).fetchall()


def check_consistent(
    path: Path, initial: int, per_import: int, per_import_lines: int, base: int
) -> dict[str, int]:
    """The invariants a kill must never break; returns how many batches of each state exist.
    `base` is the batch that built the starting portfolio (left alone)."""
    with sqlite3.connect(path) as conn:
        assert rows(conn, "PRAGMA integrity_check") == [("ok",)]
        assert rows(conn, "PRAGMA foreign_key_check") == []
        states: dict[str, int] = {}
        for batch, state, finished in rows(
            conn, "SELECT id, state, finished_at FROM import_batch WHERE id <> ? ORDER BY id", base
        ):
            states[state] = states.get(state, 0) + 1
            assert finished is not None, f"batch {batch} written without its end"
            created = [
                r[0]
                for r in rows(
                    conn,
                    "SELECT row_id FROM import_change WHERE batch_id = ? AND table_name = 'project' "
                    "AND action = 'created'",
                    batch,
                )
            ]
            assert len(created) == per_import, f"batch {batch}: {len(created)} projects recorded"
            if state == "committed":
                # All of it: its projects, and their funding lines (ids of undone batches are
                # given again to later ones, so only the totals below speak for those).
                marks = ",".join("?" * len(created))
                present = rows(
                    conn, f"SELECT count(*) FROM project WHERE id IN ({marks})", *created
                )
                assert present == [(per_import,)], f"batch {batch}: {present[0][0]} projects"
                lines = rows(
                    conn,
                    f"SELECT count(*) FROM funding_line WHERE project_id IN ({marks})",
                    *created,
                )
                assert lines == [(per_import_lines,)], f"batch {batch}: {lines[0][0]} lines"
            history = rows(
                conn, "SELECT count(*) FROM change_history WHERE source = ?", f"import:{batch}"
            )
            assert history[0][0] >= per_import
        committed = states.get("committed", 0)
        assert committed <= 1  # the worker undoes its import before importing it again
        assert rows(conn, "SELECT count(*) FROM project") == [(initial + per_import * committed,)]
        # Summaries agree with their sources: a half-written edit would leave them apart.
        stale = rows(
            conn,
            "SELECT p.id FROM project p WHERE p.granted_cents <> "
            "(SELECT coalesce(sum(granted_cents), 0) FROM funding_line f WHERE f.project_id = p.id)",
        )
        assert stale == []
        shares = rows(
            conn,
            "SELECT f.id FROM funding_line f WHERE NOT EXISTS "
            "(SELECT 1 FROM funding_share s WHERE s.funding_line_id = f.id)",
        )
        assert shares == []
        # History of import batches that never committed cannot exist.
        orphans = rows(
            conn,
            "SELECT DISTINCT source FROM change_history WHERE source LIKE 'import:%' AND "
            "CAST(substr(source, 8) AS INTEGER) NOT IN (SELECT id FROM import_batch)",
        )
        assert orphans == []
    return states


def test_fifty_kills_during_imports_and_edits(pole_demo_file: Path, tmp_path: Path) -> None:
    from portfolio_desktop.domain.filters import ProjectFilter
    from portfolio_desktop.services import safety
    from portfolio_desktop.services.excel_export import export_workbook
    from portfolio_desktop.services.excel_import import import_workbook, undo_import
    from portfolio_desktop.storage.schema import open_database

    source = open_database(pole_demo_file)
    base_book, workbook = tmp_path / "base.xlsx", tmp_path / "lot.xlsx"
    try:
        export_workbook(source, base_book, lang="fr", project_filter=ProjectFilter(year_to=2006))
        export_workbook(
            source,
            workbook,
            lang="fr",
            project_filter=ProjectFilter(year_from=2016, year_to=2016),
        )
    finally:
        source.dispose()
    path = tmp_path / "portefeuille.sqlite"
    target = open_database(path)
    try:
        base = import_workbook(target, base_book)
        assert base.ok and base.batch_id is not None
    finally:
        target.dispose()
    with sqlite3.connect(path) as conn:
        initial_ids = [r[0] for r in conn.execute("SELECT id FROM project ORDER BY id")]
    # The lot's projects, as the importer will count them.
    probe = tmp_path / "probe.sqlite"
    shutil.copyfile(path, probe)
    probe_db = open_database(probe)
    try:
        began = time.perf_counter()
        probe_report = import_workbook(probe_db, workbook)
        import_seconds = time.perf_counter() - began
        per_import = probe_report.count("projects", "created")
        per_import_lines = probe_report.count("funding_lines", "created")
        assert probe_report.batch_id is not None
        began = time.perf_counter()
        undo_import(probe_db, probe_report.batch_id)
        undo_seconds = time.perf_counter() - began
    finally:
        probe_db.dispose()
    assert per_import > 20 and len(initial_ids) > 20

    rng = random.Random(20260504)
    seen: dict[str, int] = {}
    interrupted: dict[str, int] = {}
    # Each round aims at one kind of work: the kill falls at a random moment after it began,
    # within about as long as that work takes here (measured on the probe above).
    windows = {"import": import_seconds, "undo": undo_seconds, "edit": 0.08}
    for kill in range(KILLS):
        aim = ("import", "undo", "edit")[kill % 3]
        child = subprocess.Popen(
            [
                sys.executable, "-c", WORKER, str(path), str(workbook), str(kill),
                ",".join(map(str, initial_ids[:30])),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        try:
            assert child.stdout is not None
            line = child.stdout.readline().strip()
            assert line == "READY", child.stderr.read() if child.stderr else line
            while line != f"BEGIN {aim}":
                line = child.stdout.readline().strip()
                assert line, child.stderr.read() if child.stderr else "the worker stopped"
            time.sleep(rng.uniform(0, windows[aim]))
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
        assert child.returncode == -signal.SIGKILL
        said = [line.strip(), *child.stdout.read().split("\n")]
        said = [s for s in said if s]
        if said and said[-1].startswith("BEGIN "):
            what = said[-1].removeprefix("BEGIN ")
            interrupted[what] = interrupted.get(what, 0) + 1
        states = check_consistent(
            path, len(initial_ids), per_import, per_import_lines, base.batch_id
        )
        for state, count in states.items():
            seen[state] = max(seen.get(state, 0), count)
    # The children did import and undo, many times over, and were killed in the middle of
    # imports, undos and edits alike.
    assert seen.get("undone", 0) >= 5
    assert interrupted.get("import", 0) >= 8, interrupted
    assert interrupted.get("undo", 0) >= 3, interrupted
    assert interrupted.get("edit", 0) >= 3, interrupted
    print("kills in the middle of:", interrupted)
    # Backups taken before the imports (large ones) are all sound; half-written ones never count.
    folder = safety.backup_folder(path)
    for backup in backups.list_backups(folder):
        assert integrity_ok(backup.path), backup.path
    # And the portfolio opens and works after all that.
    opened = safety.open_portfolio(path)
    try:
        from portfolio_desktop.services.check import check_database

        assert check_database(opened.db) == []
    finally:
        opened.close()


MIGRATOR = """
import sys, time
from alembic.operations import Operations
from portfolio_desktop.storage.schema import open_database

calls = 0
original = Operations.create_index

def slow_create_index(self, *args, **kwargs):
    global calls
    result = original(self, *args, **kwargs)
    calls += 1
    if calls == int(sys.argv[2]):
        print("MIGRATING", flush=True)
        time.sleep(120)
    return result

Operations.create_index = slow_create_index
from pathlib import Path
open_database(sys.argv[1], Path(sys.argv[3]))
print("DONE", flush=True)
"""


@pytest.mark.parametrize("pause_at", [1, 4, 9])
def test_a_kill_in_the_middle_of_a_migration_leaves_the_old_revision(
    tmp_path: Path, pause_at: int
) -> None:
    from portfolio_desktop.storage.database import make_database

    first = schema.known_revisions()[0]
    path = tmp_path / "ancien.sqlite"
    database = make_database(path)
    schema.prepare(database, target=first)
    with database.write() as session:
        conn = session.connection()
        conn.exec_driver_sql("INSERT INTO cluster (code, name, regions) VALUES ('IR', 'I&R', '')")
        conn.exec_driver_sql(
            "INSERT INTO organisation (name, name_key, kind, city, is_member, version) "
            "VALUES ('Kerlis', 'kerlis', 'sme', 'Rennes', 0, 1)"
        )
    database.dispose()
    with sqlite3.connect(path) as conn:
        tables_before = sorted(
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        )
    folder = tmp_path / "sauvegardes"
    child = subprocess.Popen(
        [sys.executable, "-c", MIGRATOR, str(path), str(pause_at), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        assert line == "MIGRATING", child.stderr.read() if child.stderr else line
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (first,)
        tables = sorted(
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        )
        assert tables == tables_before
        assert conn.execute("SELECT name FROM organisation").fetchall() == [("Kerlis",)]
    # The verified backup was taken before the migration began.
    taken = backups.list_backups(folder)
    assert [b.reason for b in taken] == ["migration"]
    assert integrity_ok(taken[0].path)
    # Opening again migrates for real.
    database = schema.open_database(path, folder)
    database.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            schema.head_revision(),
        )
        assert conn.execute("SELECT name FROM organisation").fetchall() == [("Kerlis",)]

"""Automatic backups: verified copies, rotation 7 daily / 4 weekly / 12 monthly, restore; and the
migration from every earlier schema revision, behind a verified backup."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from portfolio_desktop.errors import BackupFailedError
from portfolio_desktop.storage import backups, schema
from portfolio_desktop.storage.backup import integrity_ok
from portfolio_desktop.storage.database import make_database
from portfolio_desktop.storage.schema import SchemaState, open_database, prepare


def small_database(path: Path, clusters: int = 1) -> Path:
    database = open_database(path)
    with database.write() as session:
        for number in range(clusters):
            session.connection().exec_driver_sql(
                "INSERT INTO cluster (code, name, regions) VALUES (?, ?, '')",
                (f"C{number}", f"Pôle {number}"),
            )
    database.dispose()
    return path


def clusters_in(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM cluster").fetchone()[0])


def test_a_backup_is_a_verified_copy_named_after_its_reason(tmp_path: Path) -> None:
    source = small_database(tmp_path / "portefeuille.sqlite", clusters=3)
    folder = tmp_path / "backups"
    when = datetime(2026, 3, 14, 9, 26, 53)
    backup = backups.take(source, folder, "import", now=when)
    assert backup.path.name == "portefeuille-import-20260314-092653.sqlite"
    assert (backup.reason, backup.taken_at) == ("import", when)
    assert integrity_ok(backup.path)
    assert clusters_in(backup.path) == 3
    assert not list(folder.glob("*.partial"))
    again = backups.take(source, folder, "import", now=when)
    assert again.path.name == "portefeuille-import-20260314-092653-1.sqlite"
    assert [b.path for b in backups.list_backups(folder)][:2] == [again.path, backup.path]


def test_the_copy_holds_what_is_still_in_the_wal(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    database = open_database(path)
    with database.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO cluster (code, name, regions) VALUES ('A', 'A', '')"
        )
    # The connection stays open: the row sits in the -wal file, not yet in the main file.
    backup = backups.take(path, tmp_path / "b", "manual")
    database.dispose()
    assert clusters_in(backup.path) == 1


def test_a_backup_that_fails_its_check_replaces_nothing(tmp_path: Path) -> None:
    source = small_database(tmp_path / "p.sqlite")
    folder = tmp_path / "backups"
    start = datetime(2026, 1, 1, 8)
    for day in range(40):
        backups.take(source, folder, "daily", now=start + timedelta(days=day))
    before = sorted(p.name for p in folder.iterdir())
    damage(source)
    with pytest.raises(BackupFailedError):
        backups.take(source, folder, "daily", now=start + timedelta(days=400))
    # The rotation only runs after a verified backup: a year later, nothing was removed.
    assert sorted(p.name for p in folder.iterdir()) == before


def damage(path: Path) -> None:
    """Flips bytes in the middle of the file (pages of tables and indexes)."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    for offset in range(middle, min(middle + 4096, len(data))):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    model = small_database(tmp_path / "model.sqlite")
    now = datetime(2026, 6, 30, 18, 0)
    for hours in range(0, 24 * 500, 12):  # two backups a day for 500 days
        taken = now - timedelta(hours=hours)
        shutil.copyfile(model, folder / f"p-daily-{taken:%Y%m%d-%H%M%S}.sqlite")
    backups.rotate(folder, now=now)
    kept = [b.taken_at for b in backups.list_backups(folder)]
    assert kept[0] == now
    # Everything of the last two days.
    assert [t for t in kept if now - t <= timedelta(days=2)] == [
        now - timedelta(hours=h) for h in range(0, 49, 12)
    ]
    days = {t.date() for t in kept if now - t <= timedelta(days=7)}
    assert len(days) == 7
    weeks = {t.isocalendar()[:2] for t in kept if now - t <= timedelta(weeks=4)}
    assert len(weeks) >= 4
    months = {(t.year, t.month) for t in kept}
    assert len(months) == 12
    assert min(kept) > now - timedelta(days=31 * 12 + 1)
    assert len(kept) <= 5 + 7 + 4 + 12


def test_daily_backup_once_a_day(tmp_path: Path) -> None:
    source = small_database(tmp_path / "p.sqlite")
    folder = tmp_path / "b"
    monday = datetime(2026, 5, 4, 8, 30)
    assert backups.daily(source, folder, now=monday) is not None
    assert backups.daily(source, folder, now=monday + timedelta(hours=9)) is None
    assert backups.daily(source, folder, now=monday + timedelta(days=1)) is not None
    assert len(backups.list_backups(folder)) == 2


def test_restore_puts_the_backup_back_and_keeps_the_current_file(tmp_path: Path) -> None:
    path = small_database(tmp_path / "p.sqlite", clusters=1)
    folder = tmp_path / "b"
    old = backups.take(path, folder, "manual", now=datetime(2026, 1, 1))
    database = open_database(path)
    with database.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO cluster (code, name, regions) VALUES ('NEW', 'Nouveau', '')"
        )
    database.dispose()
    assert clusters_in(path) == 2
    report = backups.restore(old.path, path, folder)
    assert clusters_in(path) == 1
    assert report.previous_backup is not None and clusters_in(report.previous_backup) == 2
    assert old.path.exists()  # the backup itself stays in the list
    # A damaged current file is moved aside, not deleted nor backed up. (The restore wrote
    # through the WAL: folded into the file first, so that damaging the file damages the data.)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path)
    report = backups.restore(old.path, path, folder)
    assert report.previous_moved_to is not None
    assert report.previous_moved_to.name.startswith("p.sqlite.damaged-")
    assert report.previous_moved_to.exists()
    assert clusters_in(path) == 1


def test_file_health(tmp_path: Path) -> None:
    path = small_database(tmp_path / "p.sqlite")
    assert backups.file_health(path) == "ok"
    assert backups.file_health(tmp_path / "absent.sqlite") == "missing"
    text = tmp_path / "notes.sqlite"
    text.write_text("pas une base")
    assert backups.file_health(text) == "not_sqlite"
    damage(path)
    assert backups.file_health(path) == "damaged"


@pytest.mark.parametrize("revision", schema.known_revisions()[:-1])
def test_every_earlier_revision_migrates_after_a_verified_backup(
    tmp_path: Path, revision: str
) -> None:
    path = tmp_path / "old.sqlite"
    database = make_database(path)
    prepare(database, target=revision)
    with database.write() as session:
        conn = session.connection()
        conn.exec_driver_sql("INSERT INTO cluster (code, name, regions) VALUES ('IR', 'I&R', '')")
        conn.exec_driver_sql(
            "INSERT INTO organisation (name, name_key, kind, city, is_member, version) "
            "VALUES ('Kerlis', 'kerlis', 'sme', 'Rennes', 0, 1)"
        )
    database.dispose()
    folder = tmp_path / "backups"
    database = make_database(path)
    report = prepare(database, folder)
    database.dispose()
    assert (report.state, report.revision_before) == (SchemaState.OLDER, revision)
    assert report.revision_after == schema.head_revision()
    assert report.backup is not None
    listed = backups.list_backups(folder)
    assert [(b.path, b.reason) for b in listed] == [(report.backup, "migration")]
    assert integrity_ok(report.backup)
    with sqlite3.connect(report.backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
        assert conn.execute("SELECT name FROM organisation").fetchall() == [("Kerlis",)]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM organisation").fetchall() == [("Kerlis",)]
        assert conn.execute("SELECT count(*) FROM change_history").fetchone() == (0,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

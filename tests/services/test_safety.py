"""Opening safely: a damaged file is moved aside and the newest good backup offered; a second
desktop opens read-only and names the holder; network and sync folders are warned about;
backups daily and before large imports."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from portfolio_desktop.errors import DatabaseForeignError, DatabaseReadOnlyError
from portfolio_desktop.services import safety
from portfolio_desktop.services.safety import DatabaseDamagedError, Location
from portfolio_desktop.storage import backups


def damage(path: Path) -> None:
    """Flips bytes in the middle of the file."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    for offset in range(middle, middle + 8192):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def projects_in(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM project").fetchone()[0])


@pytest.fixture
def pole_file(pole_demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "portefeuille.sqlite"
    shutil.copyfile(pole_demo_file, path)
    return path


def test_a_damaged_file_is_moved_aside_and_the_newest_good_backup_offered(pole_file: Path) -> None:
    folder = safety.backup_folder(pole_file)
    good = backups.take(pole_file, folder, "daily", now=datetime(2026, 5, 3, 8))
    newer = backups.take(pole_file, folder, "daily", now=datetime(2026, 5, 4, 8))
    damage(newer.path)  # the newest backup is damaged too: the one before is offered
    damage(pole_file)
    damaged = digest(pole_file)
    before = sorted(p.name for p in folder.iterdir())

    with pytest.raises(DatabaseDamagedError) as caught:
        safety.open_portfolio(pole_file)
    error = caught.value
    assert error.backup is not None
    assert (error.backup.path, error.backup.taken_at) == (good.path, datetime(2026, 5, 3, 8))
    assert error.params["taken_at"] == backups.local_time(datetime(2026, 5, 3, 8))
    # Moved aside under NAME.damaged-YYYYmmdd-HHMMSS, byte for byte; nothing deleted.
    assert not pole_file.exists()
    assert error.moved_to.parent == pole_file.parent
    assert error.moved_to.name.startswith("portefeuille.sqlite.damaged-")
    stamp = error.moved_to.name.removeprefix("portefeuille.sqlite.damaged-")
    datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    assert digest(error.moved_to) == damaged
    assert sorted(p.name for p in folder.iterdir()) == before

    safety.restore_backup(pole_file, error.backup.path)
    opened = safety.open_portfolio(pole_file)
    try:
        assert projects_in(pole_file) == 1300
    finally:
        opened.close()


def test_without_any_backup_the_damaged_file_is_still_kept(pole_file: Path) -> None:
    damage(pole_file)
    with pytest.raises(DatabaseDamagedError) as caught:
        safety.open_portfolio(pole_file)
    assert caught.value.backup is None
    assert caught.value.code == "db_damaged_no_backup"
    assert caught.value.moved_to.exists()


def test_another_kind_of_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "tableau.xlsx"
    path.write_bytes(b"PK\x03\x04 a workbook, not a database")
    before = digest(path)
    with pytest.raises(DatabaseForeignError):
        safety.open_portfolio(path)
    assert digest(path) == before


HOLDER = """
import sys, time
from portfolio_desktop.services import safety
opened = safety.open_portfolio(sys.argv[1])
print("OPEN", flush=True)
time.sleep(120)
"""


def test_a_second_desktop_opens_read_only_and_names_the_holder(pole_file: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(pole_file)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "OPEN"
        second = safety.open_portfolio(pole_file)
        try:
            assert second.db.read_only
            assert second.lock is None
            notice = second.notices[0]
            assert notice.code == "db_in_use_read_only"
            assert notice.params["pid"] == child.pid
            from portfolio_desktop.services.stats import project_count

            assert project_count(second.db) == 1300
            with pytest.raises(DatabaseReadOnlyError), second.db.write():
                pass
        finally:
            second.close()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    # The holder crashed: its lock is stale, the file opens for writing again.
    third = safety.open_portfolio(pole_file)
    try:
        assert not third.db.read_only and third.lock is not None
        assert third.lock.stale is not None and third.lock.stale.pid == child.pid
    finally:
        third.close()


MOUNTS = """\
sysfs /sys sysfs rw 0 0
/dev/sda1 / ext4 rw 0 0
fileserver:/export/poles /mnt/poles nfs4 rw 0 0
//nas/partage\\040commun /mnt/partage\\040commun cifs rw 0 0
marie@serveur:/data /home/marie/distant fuse.sshfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/mnt/poles/portefeuille.sqlite", Location("network", "NFS")),
        ("/mnt/partage commun/pôle/p.sqlite", Location("network", "SMB")),
        ("/home/marie/distant/p.sqlite", Location("network", "sshfs")),
        ("/home/marie/Dropbox/pôle/p.sqlite", Location("sync", "Dropbox")),
        ("/home/marie/OneDrive - Images & Réseaux/p.sqlite", Location("sync", "OneDrive")),
        ("/home/marie/Nextcloud/p.sqlite", Location("sync", "Nextcloud")),
        ("/home/marie/Google Drive/p.sqlite", Location("sync", "Google Drive")),
        ("/home/marie/Documents/p.sqlite", None),
        ("/mnt/polesX/p.sqlite", None),
    ],
)
def test_network_and_sync_folders_are_recognised(
    tmp_path: Path, path: str, expected: Location | None
) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS)
    assert safety.storage_location(Path(path), mounts) == expected


def test_opening_in_a_sync_folder_warns(tmp_path: Path) -> None:
    path = tmp_path / "Nextcloud" / "pôle" / "portefeuille.sqlite"
    opened = safety.open_portfolio(path)
    try:
        assert [n.code for n in opened.notices] == ["db_sync_folder"]
        assert opened.notices[0].params["name"] == "Nextcloud"
    finally:
        opened.close()


def test_daily_backup_on_open(pole_file: Path) -> None:
    opened = safety.open_portfolio(pole_file)
    try:
        first = safety.daily_backup(opened.db)
        assert first is not None and first.reason == "daily"
        assert safety.daily_backup(opened.db) is None
        assert [b.path for b in safety.list_backups(pole_file)] == [first.path]
    finally:
        opened.close()


def test_a_large_import_is_preceded_by_a_backup(pole_file: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    from portfolio_desktop.services.excel_export import export_workbook
    from portfolio_desktop.services.excel_import import import_workbook

    source = safety.open_portfolio(pole_file)
    big, small = tmp_path / "tout.xlsx", tmp_path / "peu.xlsx"
    try:
        export_workbook(source.db, big, lang="fr")
    finally:
        source.close()
    book = Workbook()
    sheet = book.active
    sheet.append(["Référence", "Acronyme", "Intitulé", "Statut"])
    for number in range(3):
        sheet.append([f"NEUF-{number}", f"NEUF{number}", "Projet ajouté à la main", "Brouillon"])
    book.save(small)
    target = tmp_path / "neuf.sqlite"
    opened = safety.open_portfolio(target)
    try:
        few = import_workbook(opened.db, small)
        assert few.ok and 0 < few.count("projects", "created") < safety.LARGE_IMPORT_RECORDS
        assert safety.list_backups(target) == []
        report = import_workbook(opened.db, big)
        assert report.ok
        taken = safety.list_backups(target)
        assert [b.reason for b in taken] == ["import"]
        # The portfolio as it was just before the import.
        assert projects_in(taken[0].path) == few.count("projects", "created")
    finally:
        opened.close()


def test_backups_are_rotated_not_piled_up(pole_file: Path) -> None:
    folder = safety.backup_folder(pole_file)
    start = datetime(2025, 1, 1, 9)
    for day in range(60):
        backups.daily(pole_file, folder, now=start + timedelta(days=day))
    assert 7 <= len(backups.list_backups(folder)) <= 7 + 4 + 3


def test_environment_errors_become_clear_messages(tmp_path: Path, monkeypatch) -> None:
    """Disk full and a file locked by another program: a message in the user's language, and
    nothing half-written."""
    from portfolio_desktop import messages
    from portfolio_desktop.errors import DatabaseLockedError, DiskFullError
    from portfolio_desktop.storage import database as database_module
    from portfolio_desktop.storage.schema import open_database

    path = tmp_path / "p.sqlite"
    db = open_database(path)
    try:
        with db.write() as session:
            pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()
        # A disk that is full: SQLite may not grow the file past its current size.
        with pytest.raises(DiskFullError) as full, db.write() as session:
            conn = session.connection()
            conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
            conn.exec_driver_sql(
                "INSERT INTO cluster (code, name, regions) "
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) "
                "SELECT 'C' || i, printf('%.200c', 'x'), '' FROM n"
            )
        assert "disque est plein" in messages.text(full.value.code, full.value.params)
    finally:
        db.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM cluster").fetchone() == (0,)

    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 200)
    db = open_database(path)
    holder = sqlite3.connect(path, timeout=0.1)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DatabaseLockedError) as locked, db.write():
            pass
        assert "occupée" in messages.text(locked.value.code, locked.value.params)
        assert "busy" in messages.text(locked.value.code, locked.value.params, "en")
    finally:
        holder.rollback()
        holder.close()
        db.dispose()


def test_an_emptied_portfolio_that_has_backups_is_damaged_not_new(pole_file: Path) -> None:
    """Truncated to 0 bytes while backups of it exist: the desktop's damaged-file path (moved
    aside, the newest good backup offered), never a new empty portfolio in its place."""
    folder = safety.backup_folder(pole_file)
    good = backups.take(pole_file, folder, "daily", now=datetime(2026, 5, 4, 8))
    pole_file.write_bytes(b"")
    with pytest.raises(DatabaseDamagedError) as caught:
        safety.open_portfolio(pole_file)
    assert caught.value.backup is not None and caught.value.backup.path == good.path
    assert caught.value.moved_to.exists() and caught.value.moved_to.stat().st_size == 0
    assert not pole_file.exists()
    # Without backups an empty file is a new portfolio, as before.
    fresh = pole_file.with_name("neuf.sqlite")
    fresh.write_bytes(b"")
    opened = safety.open_portfolio(fresh)
    opened.close()


@pytest.mark.parametrize("deferred", [False, True], ids=["checked first", "large: checked after"])
def test_damage_sqlite_refuses_on_opening_takes_the_damaged_file_path(
    pole_file: Path, deferred: bool, monkeypatch
) -> None:
    """A header SQLite refuses (page size flipped: 'file is not a database') or a broken magic,
    met while opening: moved aside and the newest good backup offered, like any damage."""
    if deferred:
        monkeypatch.setattr(safety, "QUICK_CHECK_BEFORE_OPEN_BYTES", 0)
    folder = safety.backup_folder(pole_file)
    backups.take(pole_file, folder, "daily", now=datetime(2026, 5, 4, 8))
    data = bytearray(pole_file.read_bytes())
    for offset in (16, 17):
        data[offset] ^= 0xFF
    pole_file.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamagedError) as caught:
        safety.open_portfolio(pole_file)
    assert caught.value.backup is not None
    assert caught.value.moved_to.read_bytes() == bytes(data)
    data[0] ^= 0xFF  # and the magic itself: still ours, since it has backups
    pole_file.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamagedError):
        safety.open_portfolio(pole_file)

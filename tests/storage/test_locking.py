"""One desktop per database file: the lock names its holder; a crashed holder's lock is stale."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from portfolio_desktop.storage import locking
from portfolio_desktop.storage.locking import DatabaseLock, LockHolder

HOLD = """
import sys, time
from pathlib import Path
from portfolio_desktop.storage import locking
got = locking.acquire(Path(sys.argv[1]), heartbeat=0)
print("HELD" if isinstance(got, locking.DatabaseLock) else "REFUSED", flush=True)
time.sleep(120)
"""
ASK = """
import sys, json, dataclasses
from pathlib import Path
from portfolio_desktop.storage import locking
got = locking.acquire(Path(sys.argv[1]), heartbeat=0)
if isinstance(got, locking.DatabaseLock):
    print(json.dumps({"held": True, "stale": dataclasses.asdict(got.stale) if got.stale else None}))
else:
    print(json.dumps({"held": False, "holder": dataclasses.asdict(got)}))
"""


def ask(database: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", ASK, str(database)], capture_output=True, text=True, check=True
    ).stdout
    return dict(json.loads(out))


def test_the_second_instance_learns_who_holds_the_file(tmp_path: Path) -> None:
    database = tmp_path / "p.sqlite"
    lock = locking.acquire(database, heartbeat=0)
    assert isinstance(lock, DatabaseLock)
    try:
        content = json.loads(locking.lock_path(database).read_text())
        assert (content["host"], content["pid"]) == (socket.gethostname(), os.getpid())
        answer = ask(database)
        assert answer["held"] is False
        holder = answer["holder"]
        assert isinstance(holder, dict)
        assert (holder["host"], holder["pid"]) == (socket.gethostname(), os.getpid())
        # This same process asking again shares its lock.
        again = locking.acquire(database, heartbeat=0)
        assert again is lock
        again.release()
        assert ask(database)["held"] is False
    finally:
        lock.release()
    assert ask(database) == {"held": True, "stale": None}


def test_a_lock_left_by_a_killed_holder_is_stale(tmp_path: Path) -> None:
    database = tmp_path / "p.sqlite"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(database)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "HELD"
        refused = locking.acquire(database, heartbeat=0)
        assert isinstance(refused, LockHolder) and refused.pid == child.pid
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    lock = locking.acquire(database, heartbeat=0)
    try:
        assert isinstance(lock, DatabaseLock)
        assert lock.stale is not None and lock.stale.pid == child.pid
    finally:
        lock.release()


def test_another_machine_with_a_recent_heartbeat_holds_the_file(tmp_path: Path) -> None:
    """On a network folder the system lock may not reach across machines; the heartbeat does."""
    database = tmp_path / "p.sqlite"
    other = LockHolder("poste-de-marie", 4242, "marie", "2026-05-04T08:30:00")
    path = locking.lock_path(database)
    path.write_text(json.dumps(dataclasses.asdict(other)))
    assert locking.acquire(database, heartbeat=0) == other
    old = time.time() - 3600
    os.utime(path, (old, old))
    lock = locking.acquire(database, heartbeat=0)
    try:
        assert isinstance(lock, DatabaseLock)
        assert lock.stale == other
    finally:
        lock.release()


def test_the_holder_keeps_its_heartbeat(tmp_path: Path) -> None:
    database = tmp_path / "p.sqlite"
    lock = locking.acquire(database, heartbeat=0.05)
    assert isinstance(lock, DatabaseLock)
    try:
        old = time.time() - 3600
        os.utime(lock.path, (old, old))
        deadline = time.monotonic() + 5
        while lock.path.stat().st_mtime < old + 60 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert lock.path.stat().st_mtime > old + 60
    finally:
        lock.release()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only permissions")
def test_a_read_only_folder_cannot_be_locked_nor_written(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert isinstance(locking.acquire(folder / "p.sqlite", heartbeat=0), LockHolder)
    finally:
        folder.chmod(0o755)


# -- the writers' mutex: checkpoints never overlap a commit (SQLite's WAL-reset bug) --------------

HOLD_MUTEX = """
import sys
from pathlib import Path
from portfolio_desktop.storage.locking import WritersMutex
with WritersMutex(Path(sys.argv[1]), 1000):
    print("HELD", flush=True)
    sys.stdin.read()
"""


def _mutex_taken(database: Path) -> bool:
    """Whether someone holds the writers' mutex (tried from a descriptor of our own)."""
    with open(locking.writers_mutex_path(database), "a+") as handle:
        if not locking._try_lock(handle):
            return True
        locking._unlock(handle)
        return False


def test_automatic_checkpoints_are_off_and_writers_checkpoint_under_the_mutex(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from portfolio_desktop.storage.database import Database
    from portfolio_desktop.storage.schema import open_database

    path = tmp_path / "p.sqlite"
    db = open_database(path)
    seen: list[tuple[bool, int]] = []
    real = Database.checkpoint_if_large

    def watched(self: Database) -> None:
        wal = path.with_name(path.name + "-wal")
        seen.append((_mutex_taken(path), wal.stat().st_size if wal.exists() else 0))
        real(self)

    monkeypatch.setattr(Database, "checkpoint_if_large", watched)
    try:
        with db.read() as session:
            pragma = session.connection().exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
        assert pragma == 0
        size_before = path.stat().st_size
        with db.write() as session:  # about 8 MB: past the 1000 pages of the threshold
            session.connection().exec_driver_sql(
                "INSERT INTO cluster (code, name, regions) "
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) "
                "SELECT 'C' || i, printf('%.2000c', 'x'), '' FROM n"
            )
        assert seen and seen[-1][0] is True  # the checkpoint ran with the mutex held
        assert seen[-1][1] > 1000 * 4096
        assert path.stat().st_size > size_before + 4_000_000  # and it did fold the WAL in
        assert not _mutex_taken(path)  # released afterwards
    finally:
        db.dispose()


def test_a_writer_waits_for_the_mutex_then_gives_up_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from portfolio_desktop import messages
    from portfolio_desktop.errors import DatabaseLockedError
    from portfolio_desktop.storage import database
    from portfolio_desktop.storage.schema import open_database

    path = tmp_path / "p.sqlite"
    db = open_database(path)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_MUTEX, str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "HELD"
        started = time.monotonic()
        with pytest.raises(DatabaseLockedError) as busy, db.write():
            pass
        assert 0.25 <= time.monotonic() - started < 5
        assert "occupée" in messages.text(busy.value.code, busy.value.params)
    finally:
        holder.communicate("", timeout=30)
    with db.write() as session:  # free again
        session.connection().exec_driver_sql(
            "INSERT INTO cluster (code, name, regions) VALUES ('A', 'A', '')"
        )
    db.dispose()

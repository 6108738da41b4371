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

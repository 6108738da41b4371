"""One desktop at a time on a database file: an exclusive lock file next to it names the holder.

`acquire(database)` takes `<file>.lock` with an operating-system lock (flock on Linux and macOS,
msvcrt on Windows), which the system releases by itself when the holder dies, even by kill -9:
a lock left behind by a crash is stale and simply taken over. The file holds the holder's host,
process id, user and start time, so the second instance can say who has the file open.

Network folders do not always pass operating-system locks between machines, so the holder also
touches the file every `HEARTBEAT` seconds; a lock naming another host whose heartbeat is recent
counts as held even when the system lock could be taken.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import threading
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from .. import __version__
from .database import os_user

HEARTBEAT = 30.0
STALE_AFTER = 120.0

_held: dict[Path, DatabaseLock] = {}
_held_guard = threading.Lock()


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds (or last held) a database."""

    host: str
    pid: int
    user: str
    since: str
    version: str = ""

    @classmethod
    def me(cls) -> LockHolder:
        return cls(
            socket.gethostname(),
            os.getpid(),
            os_user(),
            datetime.now().isoformat(timespec="seconds"),
            __version__,
        )

    @classmethod
    def parse(cls, text: str) -> LockHolder | None:
        try:
            data = json.loads(text)
            return cls(
                str(data["host"]),
                int(data["pid"]),
                str(data.get("user", "")),
                str(data.get("since", "")),
                str(data.get("version", "")),
            )
        except (ValueError, KeyError, TypeError):
            return None


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        with contextlib.suppress(OSError):
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class DatabaseLock:
    """A lock this process holds on a database; `release()` when the database is closed."""

    def __init__(
        self, database: Path, handle: IO[str], stale: LockHolder | None, heartbeat: float
    ) -> None:
        self.database = database
        self.path = lock_path(database)
        self.handle = handle
        #: The holder named in a lock left behind by a session that did not close (crash).
        self.stale = stale
        self.holder = LockHolder.me()
        self._users = 1
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if heartbeat > 0:
            self._thread = threading.Thread(
                target=self._beat, args=(heartbeat,), name="database-lock", daemon=True
            )
            self._thread.start()

    def _beat(self, every: float) -> None:
        while not self._stop.wait(every):
            with contextlib.suppress(OSError):
                os.utime(self.path)

    def release(self) -> None:
        with _held_guard:
            self._users -= 1
            if self._users > 0:
                return
            _held.pop(self.database, None)
        self._stop.set()
        with contextlib.suppress(OSError):
            # Empty the file before letting go: a lock file naming nobody is not held.
            self.handle.seek(0)
            self.handle.truncate()
            self.handle.flush()
        _unlock(self.handle)
        with contextlib.suppress(OSError):
            self.handle.close()
        # The empty file stays: removing it would let two newcomers lock two different files.


def _read(path: Path) -> tuple[LockHolder | None, float]:
    try:
        return LockHolder.parse(path.read_text(encoding="utf-8")), path.stat().st_mtime
    except OSError:
        return None, 0.0


def acquire(
    database: Path, *, heartbeat: float = HEARTBEAT, stale_after: float = STALE_AFTER
) -> DatabaseLock | LockHolder:
    """Takes the lock of a database file; returns it, or the holder when another instance has it.

    A second request from this same process shares the lock it already holds.
    """
    database = database.absolute()
    with _held_guard:
        mine = _held.get(database)
        if mine is not None:
            mine._users += 1
            return mine
    path = lock_path(database)
    try:
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held open for the session
    except OSError:
        # A read-only folder: no lock can be written, and no other instance can write either.
        return LockHolder("", 0, "", "")
    if not _try_lock(handle):
        handle.close()
        holder, _mtime = _read(path)
        return holder or LockHolder("", 0, "", "")
    holder, mtime = _read(path)
    me = LockHolder.me()
    if holder is not None and holder.host != me.host and time.time() - mtime < stale_after:
        # Another machine on a network folder where the system lock does not reach us.
        _unlock(handle)
        handle.close()
        return holder
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps(asdict(me)))
    handle.flush()
    with contextlib.suppress(OSError):
        os.fsync(handle.fileno())
    lock = DatabaseLock(database, handle, holder, heartbeat)
    with _held_guard:
        _held[database] = lock
    return lock


# -- the writers' mutex of a SQLite file (checkpoints never overlap a commit) ----------------------


def writers_mutex_path(database: Path) -> Path:
    return database.with_name(database.name + "-writer")


class WritersMutex:
    """Held by every write of this application to a SQLite file, from before its BEGIN IMMEDIATE
    until after the WAL checkpoint that may follow its commit, in every process and thread.

    SQLite before 3.51.3 (3.40.1 here) can corrupt a WAL database when a checkpoint runs while
    another connection commits (the "WAL-reset bug"). SQLite's own write lock ends with the
    commit, and its automatic checkpoint runs after that, outside it; this lock, an
    operating-system lock on `NAME-writer` beside the file (flock / msvcrt, released by the
    system when the holder dies), covers both. Waiting for it is bounded like SQLite's busy
    timeout: `DatabaseLockedError` after `timeout_ms`.
    """

    def __init__(self, database: Path, timeout_ms: int) -> None:
        self.database = database
        self.path = writers_mutex_path(database)
        self.timeout_ms = timeout_ms
        self.handle: IO[str] | None = None

    def __enter__(self) -> WritersMutex:
        from ..errors import DatabaseLockedError

        try:
            handle = open(self.path, "a+", encoding="utf-8")
        except OSError:
            # A folder we may not write to: no write can happen there either (SQLite says so).
            return self
        deadline = time.monotonic() + self.timeout_ms / 1000
        pause = 0.002
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                handle.close()
                raise DatabaseLockedError(path=str(self.database))
            time.sleep(pause)
            pause = min(pause * 2, 0.05)
        self.handle = handle
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.handle is not None:
            _unlock(self.handle)
            self.handle.close()
            self.handle = None

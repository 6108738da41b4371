"""Automatic backups of a SQLite portfolio: daily on open, before every migration and every large
import, and before a restore; listed for File → Restore a backup.

Each backup is a SQLite online-backup copy, checked with `PRAGMA integrity_check` under a
temporary name and only then renamed into place (`backup.backup_to`); rotation runs after that,
so an older backup is only ever removed once a newer verified one exists. Rotation keeps every
backup of the last two days (ten at most), then the newest of each of the last 7 days, of each
of the last 4 weeks and of each of the last 12 months.

Names: `<database stem>-<reason>-<YYYYmmdd-HHMMSS>[-n].sqlite`, times in UTC.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..errors import BackupFailedError
from .backup import backup_to, integrity_ok

log = logging.getLogger(__name__)

REASONS = ("daily", "migration", "import", "restore", "manual")
KEEP_RECENT = timedelta(days=2)
KEEP_RECENT_MAX = 10
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<reason>"
    + "|".join(REASONS)
    + r")-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.sqlite$"
)


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file: why and when it was taken (UTC), and its size."""

    path: Path
    reason: str
    taken_at: datetime
    size: int


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def local_time(taken_at: datetime) -> datetime:
    """A backup's time (UTC) on this computer's clock, for people."""
    return taken_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def parse(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return Backup(path, match["reason"], taken, size)


def list_backups(folder: Path) -> list[Backup]:
    """The backups in a folder, newest first (half-written `.partial` files are not backups)."""
    if not folder.is_dir():
        return []
    found = [b for p in folder.glob("*.sqlite") if (b := parse(p)) is not None]
    return sorted(found, key=lambda b: (b.taken_at, _number(b.path)), reverse=True)


def _number(path: Path) -> int:
    match = _NAME.match(path.name)
    return int(match["n"]) if match is not None and match["n"] else 0


def _target(database: Path, folder: Path, reason: str, now: datetime) -> Path:
    stem = database.stem or "portfolio"
    base = f"{stem}-{reason}-{now:%Y%m%d-%H%M%S}"
    target = folder / f"{base}.sqlite"
    number = 1
    while target.exists():
        target = folder / f"{base}-{number}.sqlite"
        number += 1
    return target


def take(database: Path, folder: Path, reason: str, *, now: datetime | None = None) -> Backup:
    """A verified backup of `database` in `folder`, then rotation of the older ones."""
    if reason not in REASONS:
        raise ValueError(reason)
    now = now or utcnow()
    folder.mkdir(parents=True, exist_ok=True)
    path = backup_to(database, _target(database, folder, reason, now))
    backup = Backup(path, reason, now.replace(microsecond=0), path.stat().st_size)
    log.info("verified %s backup: %s", reason, path)
    rotate(folder, now=now)
    return backup


def daily(database: Path, folder: Path, *, now: datetime | None = None) -> Backup | None:
    """Today's backup, unless one was already taken today (for any reason)."""
    now = now or utcnow()
    if not database.exists() or database.stat().st_size == 0:
        return None
    newest = list_backups(folder)
    if newest and newest[0].taken_at.date() == now.date():
        return None
    return take(database, folder, "daily", now=now)


def to_keep(backups: list[Backup], now: datetime) -> set[Path]:
    """Which backups the rotation keeps (see the module docstring)."""
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = set()
    if ordered:
        keep.add(ordered[0].path)
    recent = [b for b in ordered if now - b.taken_at <= KEEP_RECENT][:KEEP_RECENT_MAX]
    keep.update(b.path for b in recent)

    def newest_per(key_of: object, count: int, horizon: timedelta) -> None:
        seen: list[object] = []
        for backup in ordered:
            if now - backup.taken_at > horizon:
                break
            key = key_of(backup.taken_at)  # type: ignore[operator]
            if key in seen:
                continue
            seen.append(key)
            keep.add(backup.path)
            if len(seen) >= count:
                break

    newest_per(lambda t: t.date(), KEEP_DAILY, timedelta(days=KEEP_DAILY))
    newest_per(lambda t: t.isocalendar()[:2], KEEP_WEEKLY, timedelta(weeks=KEEP_WEEKLY))
    newest_per(lambda t: (t.year, t.month), KEEP_MONTHLY, timedelta(days=31 * KEEP_MONTHLY))
    return keep


def rotate(folder: Path, *, now: datetime | None = None) -> list[Path]:
    """Removes the backups the rotation no longer keeps; returns them."""
    now = now or utcnow()
    backups = list_backups(folder)
    keep = to_keep(backups, now)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    return removed


def newest_good(folder: Path) -> Backup | None:
    """The newest backup that SQLite still finds sound."""
    for backup in list_backups(folder):
        if integrity_ok(backup.path, quick=True):
            return backup
    return None


def stamp(now: datetime | None = None) -> str:
    return f"{(now or datetime.now()):%Y%m%d-%H%M%S}"


def move_aside(database: Path, label: str, *, now: datetime | None = None) -> Path:
    """Renames a database file (and its -wal and -shm files) to `NAME.<label>-YYYYmmdd-HHMMSS`
    in the same folder: never deleted, out of the way. Returns the new main file's path."""
    suffix = f".{label}-{stamp(now)}"
    target = database.with_name(database.name + suffix)
    number = 1
    while target.exists():
        target = database.with_name(f"{database.name}{suffix}-{number}")
        number += 1
    for extra in ("-wal", "-shm", "-journal"):
        side = database.with_name(database.name + extra)
        if side.exists():
            os.replace(side, target.with_name(target.name + extra))
    os.replace(database, target)
    return target


@dataclass(frozen=True, slots=True)
class RestoreReport:
    """What a restore did: the backup put in place, and where the previous file went."""

    restored_from: Path
    database: Path
    previous_backup: Path | None = None
    previous_moved_to: Path | None = None


#: Pages a restore copies per step (4 MiB). After its first step the copy holds the database's
#: write lock and has committed nothing: the current content is saved then (see `restore`).
RESTORE_STEP_PAGES = 1024


def restore(
    backup: Path, database: Path, folder: Path, *, busy_timeout_ms: int | None = None
) -> RestoreReport:
    """Puts a backup in place of the database, the way any writer writes to it.

    The backup is verified first. A sound current file is restored into, never replaced: SQLite's
    online backup copies the backup's pages INTO the live database through an ordinary
    connection, which takes the write lock every writer takes (waiting at most the busy timeout
    for an import or an edit in progress, then `DatabaseLockedError`), writes through the WAL
    like any transaction (readers and other connections stay consistent; nobody's WAL is
    deleted, no file is renamed over an open database) and commits all at once or not at all.
    Once the copy holds the write lock — after its first page, before that page is committed —
    the current content is itself backed up (reason `restore`): what the backup replaces is
    exactly what that copy holds, even when a writer committed while the restore waited.

    A damaged current file is moved aside, never deleted, and the backup copied in its place;
    so is a missing one.
    """
    from .database import BUSY_TIMEOUT_MS

    timeout_ms = BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
    if not integrity_ok(backup):
        raise BackupFailedError(path=str(backup), reason="integrity_check")
    if database.exists() and database.stat().st_size > 0 and integrity_ok(database, quick=True):
        previous = _restore_into(backup, database, folder, timeout_ms)
        return RestoreReport(backup, database, previous_backup=previous)
    from .locking import WritersMutex

    with WritersMutex(database, timeout_ms):  # not while one of our writers is in the file
        moved = move_aside(database, "damaged") if database.exists() else None
        # A copy of the copy: the backup in the folder stays as it is, whatever happens next.
        backup_to(backup, database)
    return RestoreReport(backup, database, previous_moved_to=moved)


def _restore_into(backup: Path, database: Path, folder: Path, timeout_ms: int) -> Path:
    """The online backup of `backup` into the live `database`; returns the previous content's
    backup (taken under the write lock, see `restore`)."""
    import sqlite3
    import time

    from ..errors import DatabaseLockedError, classify_database_error

    kept: list[Path] = []
    deadline = time.monotonic() + timeout_ms / 1000

    def step(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            if time.monotonic() >= deadline:
                raise DatabaseLockedError(path=str(database))  # aborts: nothing was written
            return
        if not kept:
            # The copy now holds the write lock, and has committed nothing: the current
            # content, as the last writer committed it, is saved first (any failure aborts).
            kept.append(take(database, folder, "restore").path)

    from .locking import WritersMutex

    try:
        with (
            WritersMutex(database, timeout_ms),  # a writer like any other (see database.py)
            contextlib.closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as source,
            contextlib.closing(
                sqlite3.connect(database, timeout=min(timeout_ms, 250) / 1000)
            ) as live,
        ):
            live.execute("PRAGMA wal_autocheckpoint = 0")
            total = int(source.execute("PRAGMA page_count").fetchone()[0])
            if total < 2:  # not a portfolio; and a one-step copy would leave no time to save
                raise BackupFailedError(path=str(backup), reason="empty")
            # At least two steps, so that the first one returns before anything is committed.
            pages = max(1, min(RESTORE_STEP_PAGES, total - 1))
            source.backup(live, pages=pages, progress=step, sleep=0.05)
            # The copy went through the WAL: folded into the file now, still under the mutex.
            live.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except sqlite3.Error as error:
        known = classify_database_error(error, str(database))
        if known is None:
            raise
        raise known from error
    return kept[0]


SQLITE_HEADER = b"SQLite format 3\x00"


def file_health_header(path: Path) -> str:
    """`ok` when the file starts like a SQLite database, `not_sqlite` otherwise (no reading
    beyond the first bytes), `missing` when absent or empty."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return "missing"
    if not header:
        return "missing"
    return "ok" if header == SQLITE_HEADER else "not_sqlite"


def file_health(path: Path) -> str:
    """What a quick look at a database file finds: `ok`, `damaged`, `busy` (another program
    holds it exclusively), `not_sqlite` (some other kind of file) or `missing` (absent, empty)."""
    import sqlite3

    from ..errors import SQLITE_BUSY, SQLITE_CANTOPEN, SQLITE_LOCKED, sqlite_code

    try:
        size = path.stat().st_size
        if size == 0:
            return "missing"
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return "missing"
    if header != SQLITE_HEADER:
        return "not_sqlite"
    try:
        with contextlib.closing(
            sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        ) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as error:
        primary = (sqlite_code(error) or 0) & 0xFF
        if primary in (SQLITE_BUSY, SQLITE_LOCKED):
            return "busy"
        if primary == SQLITE_CANTOPEN:
            # Read-only: SQLite could not open the -shm file of a WAL database it may not write.
            return "missing" if not path.exists() else "busy"
        return "damaged"
    return "ok" if rows == [("ok",)] else "damaged"

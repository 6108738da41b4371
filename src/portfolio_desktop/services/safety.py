"""Opening a portfolio safely, and the backups around it.

On open (`open_portfolio`): a quick integrity check of the file; a damaged file is moved aside
(`NAME.damaged-YYYYmmdd-HHMMSS`, never deleted) and the newest good backup is offered with its
date (`DatabaseDamagedError`). A second desktop on the same file opens it read-only and says who
holds it. A file in a network or sync folder (NFS, SMB, sshfs; Dropbox, OneDrive, Nextcloud,
Google Drive…) is opened with a warning: SQLite's locks do not cross those reliably, and sync
clients copy a file while it is being written.

Backups (`storage.backups`): daily on open (`daily_backup`, run in the background), before every
migration (`storage.schema`), before every large import (`backup_before_import`), and before a
restore; `restore_backup` puts one back.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import paths
from ..errors import DatabaseCorruptError, DatabaseForeignError, KnownError
from ..storage import backups, locking

# A backup is a plain dataclass the screens list; ui/ takes it from here, never from storage.
from ..storage.backups import Backup as Backup
from ..storage.backups import RestoreReport
from ..storage.database import Database, make_database
from ..storage.locking import DatabaseLock, LockHolder

log = logging.getLogger(__name__)

#: Files up to this size are checked before they open (about 0.1 s); a larger one (a national
#: portfolio: 1.6 s) opens at once and is checked in the background (`check_after_open`).
QUICK_CHECK_BEFORE_OPEN_BYTES = 64 * 1024 * 1024

#: Imports that create or update at least this many records are preceded by a backup.
LARGE_IMPORT_RECORDS = 100

#: File systems that live on another machine (Linux names from /proc/mounts).
NETWORK_FILESYSTEMS = {
    "nfs": "NFS", "nfs4": "NFS", "cifs": "SMB", "smb3": "SMB", "smbfs": "SMB",
    "fuse.sshfs": "sshfs", "sshfs": "sshfs", "davfs": "WebDAV", "fuse.davfs2": "WebDAV",
    "fuse.gvfsd-fuse": "GVfs", "9p": "9P", "afs": "AFS", "ceph": "CephFS",
    "glusterfs": "GlusterFS", "fuse.glusterfs": "GlusterFS", "fuse.rclone": "rclone",
    "fuse.s3fs": "S3", "lustre": "Lustre", "gpfs": "GPFS", "ncpfs": "NetWare",
}  # fmt: skip
#: Folder names of sync clients (compared without case; OneDrive folders carry a suffix).
SYNC_FOLDERS = {
    "dropbox": "Dropbox", "onedrive": "OneDrive", "nextcloud": "Nextcloud",
    "owncloud": "ownCloud", "google drive": "Google Drive", "googledrive": "Google Drive",
    "my drive": "Google Drive", "mon drive": "Google Drive", "icloud drive": "iCloud Drive",
    "mobile documents": "iCloud Drive", "pcloud drive": "pCloud", "box sync": "Box",
    "seafile": "Seafile", "tresorit": "Tresorit", "megasync": "MEGA", "syncthing": "Syncthing",
}  # fmt: skip


class DatabaseDamagedError(KnownError):
    """The file failed its integrity check: it was moved aside; the newest good backup (if any)
    is in `backup`."""

    code = "db_damaged"

    def __init__(self, path: Path, moved_to: Path, backup: Backup | None) -> None:
        super().__init__(
            "db_damaged" if backup is not None else "db_damaged_no_backup",
            path=str(path),
            moved_to=str(moved_to),
            taken_at=backups.local_time(backup.taken_at) if backup is not None else "",
        )
        self.path = path
        self.moved_to = moved_to
        self.backup = backup


class DatabaseInUseError(KnownError):
    """Another desktop holds the file and it needs an update this one cannot do read-only."""

    code = "db_in_use_needs_update"


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should know about the database just opened (a message code)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Opened:
    """A database opened by `open_portfolio`, what to tell the user, and the lock it holds."""

    db: Database
    notices: list[Notice] = field(default_factory=list)
    lock: DatabaseLock | None = None
    #: The file is large: its quick check runs after opening (`check_after_open`).
    check_pending: bool = False

    def close(self) -> None:
        self.db.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def backup_folder(database: Path) -> Path:
    """Where the backups of a database file go (in the user's data folder)."""
    return paths.backup_dir(database)


# -- where the file lives ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Location:
    """A folder that is not a plain local disk: `network` (name: NFS, SMB…) or `sync` (Dropbox…)."""

    kind: str
    name: str


def _unescape(text: str) -> str:
    # /proc/mounts writes spaces, tabs and backslashes as octal escapes.
    return (
        text.replace("\\040", " ")
        .replace("\\011", "\t")
        .replace("\\012", "\n")
        .replace("\\134", "\\")
    )


def mount_type(path: Path, mounts: Path = Path("/proc/mounts")) -> str | None:
    """The file system type of the mount that holds `path` (Linux), None when unknown."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    target = str(path)
    best, best_type = "", None
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = _unescape(parts[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/") or point == "/"
        if inside and len(point) >= len(best):
            best, best_type = point, parts[2]
    return best_type


def _windows_remote(path: Path) -> bool:  # pragma: no cover - Windows only
    text = str(path)
    if text.startswith("\\\\"):
        return True
    try:
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return False


def storage_location(path: Path, mounts: Path = Path("/proc/mounts")) -> Location | None:
    """A network file system or a sync client's folder holding `path`, or None (local disk)."""
    absolute = Path(os.path.abspath(path))
    for part in absolute.parts:
        folded = part.strip().lower()
        for prefix, name in SYNC_FOLDERS.items():
            if (
                folded == prefix
                or folded.startswith(prefix + " - ")
                or (prefix == "onedrive" and folded.startswith("onedrive"))
            ):
                return Location("sync", name)
    if os.name == "nt":  # pragma: no cover
        return Location("network", "SMB") if _windows_remote(absolute) else None
    fs_type = mount_type(absolute, mounts)
    if fs_type is not None:
        known = NETWORK_FILESYSTEMS.get(fs_type) or NETWORK_FILESYSTEMS.get(fs_type.split(".")[-1])
        if known is not None:
            return Location("network", known)
    return None


# -- opening ---------------------------------------------------------------------------------------


def check_file(path: Path, folder: Path | None = None) -> str:
    """A quick integrity check before opening; a damaged file is moved aside and
    `DatabaseDamagedError` names the newest good backup. Returns the file's health."""
    folder = folder or backup_folder(path)
    health = backups.file_health(path)
    if health in ("not_sqlite", "missing") and path.exists() and backups.list_backups(folder):
        # Ours (it has backups), with its very header broken, or emptied to 0 bytes: a damaged
        # portfolio, not another kind of file nor a new one.
        health = "damaged"
    if health == "not_sqlite":
        raise DatabaseForeignError(path=str(path))
    if health != "damaged":
        return health
    raise set_aside(path, folder)


def set_aside(path: Path, folder: Path | None = None) -> DatabaseDamagedError:
    """Moves a damaged file aside (never deleted) and names the newest good backup."""
    folder = folder or backup_folder(path)
    moved = backups.move_aside(path, "damaged")
    log.error("damaged database moved aside: %s → %s", path, moved)
    return DatabaseDamagedError(path, moved, backups.newest_good(folder))


def damaged_error(path: Path) -> KnownError:
    """The command line's refusal of a damaged file, naming its newest good backup (the file is
    left where it is: the desktop is the one that moves a damaged file aside)."""
    good = backups.newest_good(backup_folder(Path(path).expanduser().absolute()))
    if good is None:
        return DatabaseCorruptError(path=str(path))
    return KnownError(
        "db_corrupt_backup",
        path=str(path),
        backup=str(good.path),
        taken_at=backups.local_time(good.taken_at),
    )


def check_after_open(path: Path) -> str:
    """The quick check of a large file, run in the background once it is open: `ok`,
    `damaged` (the desktop then closes it and calls `set_aside`), or `busy`."""
    return backups.file_health(path)


def open_portfolio(target: str | Path, *, lock: bool = True, password: str | None = None) -> Opened:
    """Opens a portfolio for the desktop: checks, lock, migration (after a verified backup)."""
    from ..storage.schema import SchemaState, inspect_state, open_database

    if "://" in str(target):
        from .team import open_server

        return Opened(open_server(str(target), password=password))
    path = Path(target).expanduser().absolute()
    folder = backup_folder(path)
    size = path.stat().st_size if path.exists() else 0
    deferred = size > QUICK_CHECK_BEFORE_OPEN_BYTES
    if deferred:
        if backups.file_health_header(path) == "not_sqlite":
            if backups.list_backups(folder):  # ours, with its header broken: damaged
                raise set_aside(path, folder)
            raise DatabaseForeignError(path=str(path))
    else:
        check_file(path, folder)
    notices: list[Notice] = []
    held: DatabaseLock | None = None
    holder: LockHolder | None = None
    if lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        got = locking.acquire(path)
        if isinstance(got, DatabaseLock):
            held = got
            if got.stale is not None:
                log.warning("took over the lock a crashed session left: %s", got.stale)
        else:
            holder = got
    try:
        if holder is not None and path.exists():
            db = make_database(path, read_only=True, read_only_reason="db_in_use")
            state, _revision = inspect_state(db)
            if state is not SchemaState.CURRENT:
                db.dispose()
                raise DatabaseInUseError(path=str(path), **_holder_params(holder))
            notices.append(
                Notice("db_in_use_read_only", {"path": str(path), **_holder_params(holder)})
            )
        else:
            db = open_database(path, folder)
    except DatabaseCorruptError:
        # Damage the quick check did not see (a large file, checked after opening; a header
        # SQLite refuses): the same path, moved aside and the newest good backup offered —
        # unless another desktop has the file open (it is not ours to move then).
        if held is not None:
            held.release()
        if holder is not None:
            raise
        raise set_aside(path, folder) from None
    except BaseException:
        if held is not None:
            held.release()
        raise
    where = storage_location(path)
    if where is not None:
        code = "db_network_folder" if where.kind == "network" else "db_sync_folder"
        notices.append(Notice(code, {"path": str(path), "name": where.name}))
    return Opened(db, notices, held, check_pending=deferred)


def _holder_params(holder: LockHolder) -> dict[str, Any]:
    return {
        "user": holder.user or "?",
        "host": holder.host or "?",
        "pid": holder.pid,
        "since": holder.since.replace("T", " "),
    }


# -- backups ---------------------------------------------------------------------------------------


def daily_backup(db: Database) -> Backup | None:
    """Today's backup of a database file (nothing for a server, or when one was taken today)."""
    if db.path is None or db.read_only:
        return None
    return backups.daily(db.path, backup_folder(db.path))


def backup_before_import(db: Database, records: int) -> Backup | None:
    """A verified backup before an import that creates or updates `LARGE_IMPORT_RECORDS` records
    or more. Taken from another connection: what it copies is the portfolio as committed, even
    while the import's own unit of work holds the write lock."""
    if db.path is None or records < LARGE_IMPORT_RECORDS or not db.path.exists():
        return None
    return backups.take(db.path, backup_folder(db.path), "import")


def backup_now(db: Database) -> Backup | None:
    if db.path is None:
        return None
    return backups.take(db.path, backup_folder(db.path), "manual")


def list_backups(database: Path) -> list[Backup]:
    return backups.list_backups(backup_folder(database))


def taken_at(backup: Backup) -> datetime:
    """When a backup was taken, on this computer's clock (backups are named in UTC)."""
    return backups.local_time(backup.taken_at)


def save_copy(database: Path, target: Path) -> Path:
    """A verified copy of a database file at `target` (File → Save a copy), taken while the
    desktop keeps reading and writing it."""
    from ..storage.backup import backup_to

    return backup_to(database, target)


def restore_backup(database: Path, backup: Path) -> RestoreReport:
    """Puts a backup in place of a database file, under the write lock every writer takes
    (`storage.backups.restore`: waits the busy timeout for a writer, else `db_locked`)."""
    return backups.restore(backup, database, backup_folder(database))


def changed_records(counts: Mapping[str, Mapping[str, int]]) -> int:
    """How many records an import plan creates or updates (for `backup_before_import`)."""
    return sum(int(c.get("created", 0)) + int(c.get("updated", 0)) for c in counts.values())

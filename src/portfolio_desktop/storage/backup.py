"""Verified copies of a SQLite database, made with SQLite's online backup API.

A copy counts only once `PRAGMA integrity_check` says `ok` on the copy itself; it is written under a
temporary name and renamed into place, so a crash never leaves a half-written backup behind.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from ..errors import BackupFailedError


def integrity_ok(path: Path, *, quick: bool = False) -> bool:
    """True when SQLite finds the file sound (`quick_check` skips index cross-checks)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            pragma = "quick_check" if quick else "integrity_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.Error:
        return False
    return rows == [("ok",)]


def backup_to(source: Path, target: Path) -> Path:
    """Copies `source` into `target` with the online backup API, verifies it, then renames it.

    Works while other connections read or write the source (WAL content included).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    try:
        with (
            contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
            contextlib.closing(sqlite3.connect(partial)) as dst,
        ):
            # In one step: a copy made in slices restarts whenever another connection writes
            # in between, and might never finish while someone keeps editing.
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise BackupFailedError(path=str(target), reason=str(exc)) from exc
    if not integrity_ok(partial):
        partial.unlink()
        raise BackupFailedError(path=str(target), reason="integrity_check")
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    return target

"""Files written for the user (workbooks, charts, reports, error reports): whole or not at all.

`atomic_write(target)` yields a hidden temporary file beside the target (same file system, so
the final rename is atomic), created like any new file (mode 0666 less the umask, applied by the
system; never by changing the process's umask, which other threads share); once the caller has
written it, the file is flushed to disk, given the mode of the file it replaces, renamed over the
target, and the folder itself is flushed (the rename reaches the disk too). On any failure the
temporary file is removed and the target is left as it was.

A process killed in the middle (kill -9, a power cut) cannot remove its temporary files: they are
named with the writer's process id (`.NAME.<pid>-<random>.SUFFIX.part` beside the target,
`portfolio-export-<pid>-…` scratch folders in the system's temporary folder), and
`clean_stale_partials` / `clean_stale_scratch` remove those whose process is gone — never another
running process's — at the next export and when the application starts.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

SCRATCH_PREFIX = "portfolio-export-"
#: A scratch folder of an older version (no process id in its name) is stale after this long.
UNNAMED_STALE_AFTER = 24 * 3600.0

_PARTIAL = re.compile(r"^\..+\.(?P<pid>\d+)-[0-9a-f]{8}\..+\.part$")
_SCRATCH = re.compile(rf"^{re.escape(SCRATCH_PREFIX)}(?:(?P<pid>\d+)-)?.+$")


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (another user's counts: it may be ours elsewhere)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def partial_path(target: Path) -> Path:
    """Creates (empty, exclusively) the hidden temporary file beside `target` and returns it."""
    suffix = target.suffix or ".tmp"
    while True:
        token = f"{os.getpid()}-{secrets.token_hex(4)}"
        path = target.with_name(f".{target.stem}.{token}{suffix}.part")
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return path


def fsync_folder(folder: Path) -> None:
    """Flushes a folder's entries (a rename, a new file) to disk (POSIX; a no-op elsewhere)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def replace(partial: Path, target: Path) -> None:
    """Flushes the finished file to disk and renames it over the target, keeping its mode."""
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    if target.exists():
        os.chmod(partial, target.stat().st_mode & 0o7777)
    os.replace(partial, target)
    fsync_folder(target.parent)


@contextlib.contextmanager
def atomic_write(target: Path) -> Iterator[Path]:
    """Yields the temporary file to write; on leaving normally, it replaces `target` (see the
    module docstring). Stale temporary files of killed writers beside the target go first."""
    clean_stale_partials(target.parent)
    partial = partial_path(target)
    replaced = False
    try:
        yield partial
        replace(partial, target)
        replaced = True
    finally:
        if not replaced:
            partial.unlink(missing_ok=True)


def scratch_folder() -> Path:
    """A private scratch folder for a long write (XlsxWriter's temporary files), named with this
    process's id; remove it with `shutil.rmtree` when done."""
    clean_stale_scratch()
    return Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))


def clean_stale_partials(folder: Path) -> list[Path]:
    """Removes the temporary files of killed writers in `folder`; returns them."""
    removed = []
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            match = _PARTIAL.match(path.name)
            if match is None or process_alive(int(match["pid"])):
                continue
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    if removed:
        log.info("removed %d temporary file(s) left by killed writers in %s", len(removed), folder)
    return removed


def clean_stale_scratch(folder: Path | None = None) -> list[Path]:
    """Removes the scratch folders of killed exports in the temporary folder; returns them."""
    folder = folder or Path(tempfile.gettempdir())
    removed = []
    now = time.time()
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            match = _SCRATCH.match(path.name)
            if match is None or not path.is_dir() or path.is_symlink():
                continue
            if match["pid"] is not None:
                if process_alive(int(match["pid"])):
                    continue
            else:
                with contextlib.suppress(OSError):
                    if now - path.stat().st_mtime < UNNAMED_STALE_AFTER:
                        continue
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    if removed:
        log.info("removed %d scratch folder(s) left by killed exports", len(removed))
    return removed

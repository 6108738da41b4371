"""Reading a workbook in a child process with a memory limit (issue 17).

calamine is Rust: when an allocation fails it aborts the whole process, and a workbook can ask for
more memory than the machine has in ways no guard foresees in full (shared strings repeated in
millions of cells, an .xls or .ods record). Read in a child process, such a file costs that
process: the desktop's window and the command line stay up and say the file was refused. The child
has an address-space limit (`Limits.max_reader_memory`, where the system allows one), sends its
progress and then each sheet's rows, pickled, over a pipe; the caller's cancel kills it.

The children come from a fork server started once (`forkserver`, with the reader already
imported: a few milliseconds a file after the first), or are spawned where there is none.
What it costs is pickling the rows in the child and unpickling them here (about 2 s each for the
8.7 million cells of the national workbook). Measured under load (load average 5 on 2 cores):
reading the national workbook, median of three, 23.6 s in process and 30.7 s in the child; the
pole workbook 0.52 s and 0.55 s; the whole national import by the command, two pairs, 57.7 and
72.3 s against 61.9 and 73.7 s in process (its peak memory lower: the reader's own buffers die
with the child).
"""

from __future__ import annotations

import contextlib
import gc
import io
import logging
import multiprocessing
import os
import pickle
import sys
import tempfile
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ...errors import KnownError
from ..progress import Progress
from .reader import Limits, SheetData, UnreadableFileError, WorkbookData, read_here

log = logging.getLogger(__name__)

#: Set to 1 to read in process (a debugging aid; the desktop and the commands never set it).
IN_PROCESS_VARIABLE = "PORTFOLIO_DESKTOP_READ_IN_PROCESS"
_POLL_SECONDS = 0.05


def isolation_available() -> bool:
    """Whether workbooks are read in a child process (everywhere, unless switched off)."""
    return os.environ.get(IN_PROCESS_VARIABLE) != "1"


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def read_isolated(
    path: Path, kind: str, limits: Limits, progress: Progress | None = None
) -> WorkbookData:
    """`reader.read_here(path, kind)` in a child process; its refusals and progress pass through,
    and a child that dies (out of memory, or aborted by calamine) is a refusal of the file."""
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    handle, errors = tempfile.mkstemp(prefix="portfolio-reader-", suffix=".log")
    os.close(handle)
    child = context.Process(
        target=_child_main,
        args=(sender, str(path), kind, limits, errors),
        name="portfolio-reader",
        daemon=True,
    )
    try:
        child.start()
        sender.close()
        return _receive(receiver, child, path, limits, progress, Path(errors))
    finally:
        receiver.close()
        sender.close()
        if child.pid is not None:
            if child.is_alive():
                child.kill()
            child.join()
        Path(errors).unlink(missing_ok=True)


def _receive(
    receiver: Connection,
    child: Any,
    path: Path,
    limits: Limits,
    progress: Progress | None,
    errors: Path,
) -> WorkbookData:
    rows_of: dict[str, list[list[Any]]] = {}
    while True:
        if progress is not None:
            progress.check()  # a cancel: the caller's `finally` kills the child
        try:
            ready = receiver.poll(_POLL_SECONDS)
            message = receiver.recv() if ready else None
        except (EOFError, OSError):
            return _died(child, path, limits, errors)
        if message is None:
            if not child.is_alive() and not receiver.poll(0):
                return _died(child, path, limits, errors)
            continue
        kind = message[0]
        if kind == "progress":
            if progress is not None:
                progress.report(message[1], message[2])
        elif kind == "log":  # what the reader logged, into this process's log
            logging.getLogger(message[2]).log(message[1], "%s (reading process)", message[3])
        elif kind == "sheet":  # as soon as the child has read it, in any order
            rows_of[message[1]] = pickle.loads(receiver.recv_bytes())
        elif kind == "done":
            _, file_kind, order, digest, size, reader, date1904, notes = message
            sheets = [SheetData(name, rows_of.pop(name, []), hidden) for name, hidden in order]
            return WorkbookData(path, file_kind, sheets, digest, size, reader, date1904, notes)
        elif kind == "refused":
            raise UnreadableFileError(message[1], **message[2])
        elif kind == "memory":
            raise UnreadableFileError(
                "import_reader_memory", path=path.name, limit_mb=memory_limit(limits) >> 20
            )
        else:  # "failed": a bug in the reader, with the child's traceback
            raise RuntimeError(f"reading {path.name} failed in the reading process:\n{message[1]}")


def _died(child: Any, path: Path, limits: Limits, errors: Path) -> WorkbookData:
    """The child ended without an answer: killed by the system, or aborted by calamine."""
    child.join(5)
    try:
        with errors.open("rb") as handle:
            said = handle.read(65536).decode("utf-8", "replace")
    except OSError:
        said = ""
    log.warning("the reading process for %s ended (%s): %s", path.name, child.exitcode, said)
    # Rust says so in words only ("memory allocation of 549755813888 bytes failed", then an
    # abort); a SIGKILL is the system's out-of-memory killer.
    if "memory allocation" in said or "MemoryError" in said or child.exitcode == -9:
        raise UnreadableFileError(
            "import_reader_memory", path=path.name, limit_mb=memory_limit(limits) >> 20
        )
    raise UnreadableFileError("import_reader_crashed", path=path.name)


class _PipeLog(logging.Handler):
    """The child's log records, sent to the parent, whose log file has them."""

    def __init__(self, sender: Connection) -> None:
        super().__init__(logging.INFO)
        self.sender = sender

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(OSError, ValueError):  # the parent has gone: nobody to tell
            self.sender.send(("log", record.levelno, record.name, record.getMessage()))


class _PipeProgress(Progress):
    """The child's progress, sent to the parent (a change of a half percent or of message)."""

    def __init__(self, sender: Connection) -> None:
        super().__init__()
        self.sender = sender
        self.sent = (-1.0, "")

    def report(self, fraction: float, message: str = "") -> None:
        super().report(fraction, message)
        last_fraction, last_message = self.sent
        if self.message != last_message or self.fraction - last_fraction >= 0.005:
            self.sent = (self.fraction, self.message)
            self.sender.send(("progress", self.fraction, self.message))


def memory_limit(limits: Limits) -> int:
    """The reading process's address space: `Limits.max_reader_memory`, or three quarters of the
    machine's memory when that is less (but not under 2 GiB, which the national workbook needs)."""
    try:
        physical = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):  # Windows: no sysconf (and no limit either)
        return limits.max_reader_memory
    return min(limits.max_reader_memory, max(2 * 2**30, physical * 3 // 4))


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no limit, the child process alone still shields the parent
        return
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):  # macOS refuses RLIMIT_AS
        log.info("no address-space limit for the reading process")


def _child_main(sender: Connection, path: str, kind: str, limits: Limits, errors: str) -> None:
    """The child: reads, then sends each sheet and a summary; refusals and failures as messages.
    What calamine prints as it aborts goes to `errors`, which the parent logs."""
    with open(errors, "wb", buffering=0) as sink:
        os.dup2(sink.fileno(), 2)  # Rust writes to the descriptor itself
    sys.stderr = open(2, "w", encoding="utf-8", errors="replace", buffering=1, closefd=False)  # noqa: SIM115
    os.environ["RUST_BACKTRACE"] = "0"  # the one line that says why is enough for the log
    root = logging.getLogger()
    root.handlers[:] = [_PipeLog(sender)]
    root.setLevel(logging.INFO)
    _limit_memory(memory_limit(limits))
    # Millions of cells and no garbage among them until the process ends: a full collection
    # would walk them all again and again (the caller's `_collector_paused`, for this process).
    gc.disable()
    started = time.perf_counter()

    def send(sheet: SheetData) -> None:
        """A sheet as soon as it is read: pickled while calamine reads the others."""
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = True  # no memo: plain rows of plain values, three times quicker
        pickler.dump(sheet.rows)
        sender.send(("sheet", sheet.name))
        sender.send_bytes(buffer.getbuffer())

    try:
        workbook = read_here(Path(path), kind, limits, _PipeProgress(sender), on_sheet=send)
        order = [(sheet.name, sheet.hidden) for sheet in workbook.sheets]
        sender.send(
            ("done", workbook.file_kind, order, workbook.sha256, workbook.size, workbook.reader,
             workbook.date1904, workbook.notes)
        )  # fmt: skip
        log.debug("read %s in the reading process in %.2f s", path, time.perf_counter() - started)
    except KnownError as error:
        sender.send(("refused", error.code, error.params))
    except MemoryError:
        sender.send(("memory",))
    except BaseException:
        sender.send(("failed", traceback.format_exc()))
    finally:
        sender.close()

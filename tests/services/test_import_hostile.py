"""Hostile files that once got past the guard (issue 17): each is refused by the command line with
exit code 2 and a clear French sentence, in seconds, in bounded memory, the portfolio untouched.

The files are built here (`hostile_workbooks`): an 11 KB workbook whose cells have no `r=` and
that calamine would place a million rows and 16,384 columns away (it aborted the process asking
for 549 GB), a 2 KB one that grew past 10 GB, the same sheet in a part named `sheet1.bin`, and
packages of 300 parts each just under the per-part limits (50 s of checking, then accepted).
calamine never runs on them in this process: the command runs in a child process under an
address-space limit, and the guard's own tests call only the guard.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest

from portfolio_desktop import messages
from portfolio_desktop.errors import KnownError
from portfolio_desktop.services.excel_import.reader import Limits, guard_zip, read_workbook

from . import hostile_workbooks as hostile
from .test_import_crash import content_digest

#: The command's whole process tree (the command, its fork server, its reading process) may not
#: use more than this, and no process more address space than the limit below.
PEAK_MB = 600
ADDRESS_SPACE = 6 * 2**30


def run_command(argv: list[str], home: Path) -> tuple[int, str, float, int]:
    """Runs `portfolio-desktop ARGV` under an address-space limit; exit code, stderr, seconds and
    the peak resident memory of its process tree (MB), sampled every 10 ms."""
    env = {**os.environ, "PORTFOLIO_DESKTOP_HOME": str(home), "PORTFOLIO_DESKTOP_LANG": "fr"}
    env.pop("PORTFOLIO_DESKTOP_READ_IN_PROCESS", None)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))

    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "portfolio_desktop", *argv],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, preexec_fn=limit,
    )  # fmt: skip
    peak = 0
    watched = psutil.Process(child.pid)
    while child.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        if time.perf_counter() - started > 120:
            child.kill()
        time.sleep(0.01)
    _out, err = child.communicate()
    return child.returncode, err, time.perf_counter() - started, peak >> 20


@pytest.fixture
def portfolio(pole_demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "pole.sqlite"
    shutil.copyfile(pole_demo_file, path)
    return path


CASES: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    # builder, message code, words of the French sentence
    "no_r_abort": (hostile.no_r_abort, "import_sheet_too_large", "1048576 lignes × 16384 colonnes"),
    "no_r_grows": (hostile.no_r_grows, "import_sheet_too_large", "20000 lignes × 16384 colonnes"),
    "sheet_bin": (hostile.bin_named_sheet, "import_sheet_too_large", "1048576 lignes"),
    "parts_under_floor": (hostile.many_parts, "import_zip_bomb_parts", "se décompresse"),
    "parts_near_ratio": (hostile.near_ratio_parts, "import_zip_bomb_parts", "se décompresse"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_command_refuses_the_hostile_file_quickly_in_bounded_memory_and_writes_nothing(
    case: str, portfolio: Path, tmp_path: Path
) -> None:
    build, code, words = CASES[case]
    workbook = build(tmp_path / f"{case}.xlsx")
    before = content_digest(portfolio)
    returncode, err, seconds, peak_mb = run_command(
        ["import", "--db", str(portfolio), str(workbook)], tmp_path / "home"
    )
    assert returncode == 2, err
    assert words in err.replace("\u202f", "") and workbook.name in err, err  # counts are grouped
    assert "Traceback" not in err and "memory allocation" not in err, err
    assert seconds < 30, seconds  # about 2 s here, most of it the command's start-up
    assert peak_mb < PEAK_MB, peak_mb
    assert content_digest(portfolio) == before
    # The code itself, from the guard alone (which never hands the file to calamine).
    with pytest.raises(KnownError) as caught:
        guard_zip(workbook)
    assert caught.value.code == code


def test_the_files_are_as_small_as_the_attacks_they_stand_for(tmp_path: Path) -> None:
    assert hostile.no_r_abort(tmp_path / "a.xlsx").stat().st_size < 12_000
    assert hostile.no_r_grows(tmp_path / "b.xlsx").stat().st_size < 2_500
    big = hostile.many_parts(tmp_path / "c.xlsx")
    import zipfile

    with zipfile.ZipFile(big) as archive:
        infos = archive.infolist()
    assert len(infos) > 300 and all(i.file_size < 8 * 2**20 for i in infos)
    assert sum(i.file_size for i in infos) > 2.4e9


def test_the_guard_checks_the_300_parts_in_no_time(tmp_path: Path) -> None:
    for build in (hostile.many_parts, hostile.near_ratio_parts):
        started = time.perf_counter()
        with pytest.raises(KnownError) as caught:
            guard_zip(build(tmp_path / "parts.xlsx"))
        assert caught.value.code == "import_zip_bomb_parts"
        assert time.perf_counter() - started < 3  # 10 to 12 s (50 s on a laptop) before


def test_a_reader_that_dies_is_a_refusal_not_a_crash(tmp_path: Path) -> None:
    """With the guard's cell limit lifted, calamine asks for 549 GB and aborts: in the reading
    process, under its memory limit, while this process carries on with a sentence."""
    workbook = hostile.no_r_abort(tmp_path / "abort.xlsx")
    lifted = Limits(max_cells=10**12, max_reader_memory=2 * 2**30)
    started = time.perf_counter()
    with pytest.raises(KnownError) as caught:
        read_workbook(workbook, limits=lifted, isolated=True)
    assert caught.value.code == "import_reader_memory"
    assert time.perf_counter() - started < 30
    text = messages.text(caught.value.code, caught.value.params, "fr")
    assert "abort.xlsx" in text and "2048 Mo" in text


def test_a_reader_that_grows_is_stopped_at_its_memory_limit(tmp_path: Path) -> None:
    """The 10 GB sheet with the guard lifted: the reading process hits its limit (here 1 GiB)
    and the file is refused; this process's memory does not move."""
    workbook = hostile.no_r_grows(tmp_path / "grows.xlsx")
    lifted = Limits(max_cells=10**12, max_reader_memory=2**30)
    before = psutil.Process().memory_info().rss
    with pytest.raises(KnownError) as caught:
        read_workbook(workbook, limits=lifted, isolated=True)
    assert caught.value.code == "import_reader_memory"
    assert psutil.Process().memory_info().rss - before < 100 * 2**20


def test_a_cancel_stops_the_reading_process(tmp_path: Path) -> None:
    from portfolio_desktop.services.excel_import.isolation import read_isolated
    from portfolio_desktop.services.progress import Cancelled, Progress

    workbook = hostile.many_parts(tmp_path / "slow.xlsx", count=7)  # 56 MB of blanks to check
    seen: list[str] = []

    def report(fraction: float, message: str) -> None:
        seen.append(message)
        if message == "import_checking":
            progress.cancel()

    progress = Progress(report)
    children_before = set(psutil.Process().children(recursive=True))
    with pytest.raises(Cancelled):
        read_isolated(workbook, "xlsx", Limits(), progress)
    assert "import_checking" in seen
    # No reading process left behind (the fork server, started once, may stay).
    left = [
        p for p in psutil.Process().children(recursive=True)
        if p not in children_before and "forkserver" not in " ".join(p.cmdline())
    ]  # fmt: skip
    assert not [p for p in left if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]


def test_a_bug_in_the_reading_process_reaches_the_caller_with_its_traceback(
    tmp_path: Path,
) -> None:
    """Not a refusal of the file: an exception the reader did not expect is a bug, and reaches
    the excepthook with the child's traceback."""
    workbook = hostile.package(
        tmp_path / "ok.xlsx", [("P", "xl/worksheets/sheet1.xml", hostile.small_sheet())]
    )
    broken = Limits(max_cells="many")  # type: ignore[arg-type]
    with pytest.raises(RuntimeError) as caught:
        read_workbook(workbook, limits=broken, isolated=True)
    assert "TypeError" in str(caught.value) and "ok.xlsx" in str(caught.value)


def test_a_workbook_read_in_the_reading_process_is_the_same_as_read_here(tmp_path: Path) -> None:
    from .test_import_reader import three_sheets

    book = three_sheets(tmp_path / "three.xlsx")
    here = read_workbook(book, isolated=False)
    there = read_workbook(book, isolated=True)
    assert [(s.name, s.rows, s.hidden) for s in there.sheets] == [
        (s.name, s.rows, s.hidden) for s in here.sheets
    ]
    assert (there.sha256, there.size, there.reader, there.date1904, there.file_kind) == (
        here.sha256, here.size, here.reader, here.date1904, here.file_kind
    )  # fmt: skip


def test_what_the_reading_process_logs_reaches_this_process_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The refusal says "the details are in the log": they are, though read in the child."""
    sheet = hostile.deflate(
        hostile.SHEET_HEAD + b'<row r="1"><c r="A1"><v>1</v></row>' + hostile.SHEET_TAIL
    )
    workbook = hostile.package(
        tmp_path / "malformed.xlsx", [("P", "xl/worksheets/sheet1.xml", sheet)]
    )
    with caplog.at_level("INFO"), pytest.raises(KnownError) as caught:
        read_workbook(workbook, isolated=True)
    assert caught.value.params == {"path": "malformed.xlsx", "reason": "import_reason_reader"}
    logged = [r.getMessage() for r in caplog.records]
    assert any("calamine could not read malformed.xlsx" in m for m in logged), logged
    assert any("openpyxl could not read malformed.xlsx" in m for m in logged), logged


def test_a_workbook_within_every_limit_of_the_guard_that_asks_for_gigabytes_is_refused(
    tmp_path: Path,
) -> None:
    """What the reading process is for: a class the guard does not catch (one long shared
    string in 200,000 cells) costs the reading process, refused at its memory limit."""
    workbook = hostile.shared_string_amplifier(tmp_path / "strings.xlsx")
    guard_zip(workbook)  # passes: nothing in it is past a limit of the guard
    before = psutil.Process().memory_info().rss
    started = time.perf_counter()
    with pytest.raises(KnownError) as caught:
        read_workbook(workbook, limits=Limits(max_reader_memory=2 * 2**30), isolated=True)
    assert caught.value.code == "import_reader_memory"
    assert time.perf_counter() - started < 60
    assert psutil.Process().memory_info().rss - before < 100 * 2**20


def test_the_reading_process_never_gets_more_memory_than_the_machine_can_spare() -> None:
    from portfolio_desktop.services.excel_import.isolation import memory_limit

    physical = psutil.virtual_memory().total
    assert memory_limit(Limits()) == min(6 * 2**30, max(2 * 2**30, physical * 3 // 4))
    assert memory_limit(Limits(max_reader_memory=2**60)) <= max(2 * 2**30, physical)
    assert memory_limit(Limits(max_reader_memory=2**30)) == 2**30

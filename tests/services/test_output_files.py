"""Files written for the user — workbooks, charts, reports, error reports — by one helper: the
usual permissions, flushed to disk with their folder, and what a killed writer left cleaned up."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.services import output_files


@pytest.fixture
def pole_file(pole_demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "pole.sqlite"
    shutil.copyfile(pole_demo_file, path)
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_charts_and_reports_get_the_usual_permissions_and_reach_the_disk(
    tmp_path: Path, pole_db, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkstemp made them private (0600) and nothing flushed them before the rename."""
    from portfolio_desktop.services import analytics, charts, report

    synced: list[bool] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(descriptor).st_mode))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    folder = tmp_path / "sorties"
    folder.mkdir()
    data = analytics.Analytics(pole_db)
    expected = 0o666 & ~_umask()
    chart = folder / "aide-par-domaine.png"
    charts.export_chart(data, "funding-by-domain", ProjectFilter(), chart, "fr")
    assert stat.S_IMODE(chart.stat().st_mode) == expected
    assert synced == [False, True]  # the file, then its folder
    pdf = folder / "rapport.pdf"
    report.write_report(data, ProjectFilter(), pdf, "fr")
    assert stat.S_IMODE(pdf.stat().st_mode) == expected
    assert synced[2:] == [False, True]
    # Replacing a file keeps the mode its owner gave it.
    chart.chmod(0o640)
    charts.export_chart(data, "pipeline", ProjectFilter(), chart, "fr")
    assert stat.S_IMODE(chart.stat().st_mode) == 0o640
    assert sorted(p.name for p in folder.iterdir()) == ["aide-par-domaine.png", "rapport.pdf"]


def test_a_failed_write_leaves_the_old_file_and_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "graphique.svg"
    target.write_text("ancien")

    def fails(partial: Path) -> None:
        partial.write_text("à moitié")
        raise RuntimeError("interrompu")

    with pytest.raises(RuntimeError), output_files.atomic_write(target) as partial:
        fails(partial)
    assert target.read_text() == "ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["graphique.svg"]


def test_only_the_leftovers_of_dead_writers_are_cleaned(tmp_path: Path) -> None:
    dead, alive = _dead_pid(), os.getppid()
    stale = tmp_path / f".classeur.{dead}-0a1b2c3d.xlsx.part"
    live = tmp_path / f".classeur.{alive}-0a1b2c3d.xlsx.part"
    mine = tmp_path / f".classeur.{os.getpid()}-0a1b2c3d.xlsx.part"
    other = tmp_path / ".notes.part"  # not ours: left alone
    for path in (stale, live, mine, other):
        path.write_bytes(b"")
    assert output_files.clean_stale_partials(tmp_path) == [stale]
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    old = scratch / f"portfolio-export-{dead}-x1y2z3"
    running = scratch / f"portfolio-export-{alive}-x1y2z3"
    unnamed_old = scratch / "portfolio-export-ab12cd34"  # an older version's, a day old
    unnamed_new = scratch / "portfolio-export-ef56gh78"
    for folder in (old, running, unnamed_old, unnamed_new):
        folder.mkdir()
        (folder / "sheet1.xml").write_text("x")
    a_day_ago = time.time() - output_files.UNNAMED_STALE_AFTER - 60
    os.utime(unnamed_old, (a_day_ago, a_day_ago))
    assert sorted(output_files.clean_stale_scratch(scratch)) == sorted([old, unnamed_old])
    assert running.exists() and unnamed_new.exists()


@pytest.mark.slow
def test_an_export_killed_with_sigkill_is_cleaned_up_by_the_next_one(
    pole_file: Path, tmp_path: Path
) -> None:
    out, scratch = tmp_path / "sorties", tmp_path / "tmp"
    out.mkdir()
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    target = out / "portefeuille.xlsx"
    command = [
        sys.executable,
        "-m",
        "portfolio_desktop",
        "export",
        str(target),
        "--db",
        str(pole_file),
    ]
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not list(out.glob(".*.part")):
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    time.sleep(0.3)  # well into the writing
    child.send_signal(signal.SIGKILL)
    child.wait()
    left = list(out.glob(".*.part"))
    assert left and list(scratch.glob("portfolio-export-*"))  # what a kill -9 leaves
    assert not target.exists()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in out.iterdir()] == ["portefeuille.xlsx"]
    assert list(scratch.glob("portfolio-export-*")) == []


def test_the_error_report_is_written_the_same_way(tmp_path: Path) -> None:
    from portfolio_desktop.services.excel_import.error_report import write_error_report
    from portfolio_desktop.services.excel_import.plan import Problem
    from portfolio_desktop.services.excel_import.reader import SheetData, WorkbookData

    workbook = WorkbookData(
        path=tmp_path / "arrivage.xlsx",
        file_kind="xlsx",
        sheets=[SheetData("Projets", [["Référence", "Statut"], ["A-1", "Peut-être"]])],
        sha256="0" * 64,
        size=100,
        reader="calamine",
    )
    problems = [Problem("Projets", 2, "Statut", "status_unknown", {"value": "Peut-être"})]
    target = tmp_path / "rejets.xlsx"
    write_error_report(workbook, problems, target, "fr")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()
    assert [p.name for p in tmp_path.iterdir()] == ["rejets.xlsx"]

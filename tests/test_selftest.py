"""`portfolio-desktop --self-test`: passes on a sound installation, fails loudly on a broken step."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from portfolio_desktop import selftest


def _run_in_process(lang: str = "en") -> tuple[int, list[str]]:
    lines: list[str] = []
    code = selftest.run_self_test(out=lines.append, lang=lang)
    return code, lines


def test_self_test_passes_in_the_development_install(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PORTFOLIO_DESKTOP_HOME": str(tmp_path),
        "PORTFOLIO_DESKTOP_LANG": "en",
    }
    result = subprocess.run(
        [sys.executable, "-m", "portfolio_desktop", "--self-test"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines[0].startswith("portfolio-desktop 0.1.0 self-test (Python ")
    assert f", SQLite {sqlite3.sqlite_version}, " in lines[0]  # the library the file is written by
    steps = [line.split(":")[0].split()[-1] for line in lines[1:-1]]
    assert steps == ["installation", "database", "demo", "export", "import", "chart", "desktop"]
    assert all(line.startswith("ok ") for line in lines[1:-1]), lines
    assert re.fullmatch(r"Self-test passed: 7 of 7 steps in [\d.]+ s\.", lines[-1])
    # The details name what was checked: the round trip, the PNG's size, the pages shown.
    assert (
        "1,300 projects and " in result.stdout and "same figures as the original" in result.stdout
    )
    assert re.search(r"funding-by-domain\.png, \d{3,4} × \d{3,4} px", result.stdout)
    assert re.search(
        r"main window shown \(platform offscreen\), [1-9]\d* pages opened", result.stdout
    )
    # Nothing of the user's was touched: no database or settings in the user's data folder.
    assert not (tmp_path / "data" / "portfolio.sqlite").exists()
    assert not (tmp_path / "settings.ini").exists()


def test_a_step_that_raises_fails_the_self_test_and_skips_what_depends_on_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from portfolio_desktop.services import demo

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("seeds unreadable")

    monkeypatch.setattr(demo, "create_demo", broken)
    code, lines = _run_in_process()
    assert code == 1
    assert lines[1].startswith("ok      installation: ")
    assert lines[2].startswith("ok      database: ")
    assert lines[3] == "FAILED  demo: RuntimeError: seeds unreadable"
    for line, step in zip(lines[4:8], ("export", "import", "chart", "desktop"), strict=True):
        assert line == f"skipped {step}: a step it depends on failed"
    assert lines[-1].startswith("Self-test failed: 1 step failed and 4 skipped of 7 (")
    assert "Details in the log: " in lines[-1]


def test_a_wrong_result_fails_the_step_with_what_differs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks are real: stats that disagree with the demo's counts fail the demo step."""
    from portfolio_desktop.services import stats

    real = stats.portfolio_stats

    def one_project_short(db: object) -> dict[str, object]:
        figures = real(db)  # type: ignore[arg-type]
        return {**figures, "projects": figures["projects"] - 1}

    monkeypatch.setattr(stats, "portfolio_stats", one_project_short)
    code, lines = _run_in_process()
    assert code == 1
    assert lines[3] == "FAILED  demo: projects: 1,300 expected, 1,299 found"


def test_a_missing_resource_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A bundle that forgot its resources says which file is missing (French by default)."""
    from portfolio_desktop import paths

    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path / "resources")
    lines: list[str] = []
    code = selftest.run_self_test(out=lines.append)
    assert code == 1
    missing = tmp_path / "resources" / "demo" / "seeds.json"
    assert lines[1] == f"ÉCHEC   installation : fichier manquant : {missing}"
    assert lines[2] == "sauté   base de données : une étape dont il dépend a échoué"
    assert lines[-1].startswith("Autotest en échec : 1 étape en échec et 6 sautées sur 7 (")

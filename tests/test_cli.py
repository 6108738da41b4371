"""The command line: the exact stats object, check's exit codes, refusals with one clear line."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from portfolio_desktop import __version__
from portfolio_desktop.__main__ import main

STATS_KEYS = [
    "projects",
    "projects_by_status",
    "organisations",
    "participations",
    "funding_lines",
    "funding_total",
    "budget_total",
    "funding_by_year",
    "funding_by_domain",
    "funding_by_funder",
    "funding_by_instrument",
    "funnel",
    "received_by_year",
    "received_undated",
    "funding_gap",
    "funding_pending",
    "conversion",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def two_decimals(value: str) -> bool:
    return Decimal(value).as_tuple().exponent == -2


def test_stats_json_is_exactly_the_documented_object(pole_demo_file: Path, capsys) -> None:
    code, out, _ = run(capsys, "stats", "--db", str(pole_demo_file), "--json")
    assert code == 0
    stats = json.loads(out)
    assert list(stats) == STATS_KEYS
    assert all(
        isinstance(stats[k], int)
        for k in ("projects", "organisations", "participations", "funding_lines")
    )
    assert set(stats["projects_by_status"]) == {
        "draft",
        "submitted",
        "evaluated",
        "labelled",
        "not_labelled",
        "funded",
        "not_funded",
        "running",
        "closed",
        "abandoned",
    }
    assert sum(stats["projects_by_status"].values()) == stats["projects"]
    for key in ("funding_total", "budget_total"):
        assert isinstance(stats[key], str) and two_decimals(stats[key])
    for key in ("funding_by_year", "funding_by_domain", "funding_by_funder"):
        assert all(isinstance(v, str) and two_decimals(v) for v in stats[key].values())
    assert all(len(year) == 4 and year.isdigit() for year in stats["funding_by_year"])
    by_year = sum(Decimal(v) for v in stats["funding_by_year"].values())
    assert by_year == Decimal(stats["funding_total"])  # every demo line has a year
    by_funder = sum(Decimal(v) for v in stats["funding_by_funder"].values())
    assert by_funder == Decimal(stats["funding_total"])
    # « Aide accordée » is grants; every instrument's total is beside it, zeros included.
    instruments = stats["funding_by_instrument"]
    assert list(instruments) == ["grant", "repayable_advance", "loan", "equity"]
    assert all(isinstance(v, str) and two_decimals(v) for v in instruments.values())
    assert instruments["grant"] == stats["funding_total"]
    assert all(Decimal(v) > 0 for v in instruments.values())  # the demo has every instrument
    # The funnel: projects per step reached (furthest step of the status history), cumulative.
    funnel = stats["funnel"]
    assert list(funnel) == ["submitted", "evaluated", "labelled", "funded"]
    assert all(isinstance(n, int) for n in funnel.values())
    assert list(funnel.values()) == sorted(funnel.values(), reverse=True)
    by_status = stats["projects_by_status"]
    assert funnel["funded"] > by_status["funded"] + by_status["running"] + by_status["closed"]
    assert funnel["submitted"] == stats["projects"] - by_status["draft"]
    # What arrived, per year: never more than was granted; the demo's payments are all dated.
    received = stats["received_by_year"]
    assert received and all(len(y) == 4 and two_decimals(v) for y, v in received.items())
    assert 0 < sum(Decimal(v) for v in received.values()) < Decimal(stats["funding_total"])
    assert stats["received_undated"] == "0.00"
    for key in ("funding_gap", "funding_pending"):
        assert isinstance(stats[key], str) and two_decimals(stats[key])
    assert 0 < Decimal(stats["funding_gap"]) < Decimal(stats["budget_total"])
    # Conversion per funder and per call, from the submissions (some projects have two).
    conversion = stats["conversion"]
    assert list(conversion) == ["by_funder", "by_call"]
    fui = conversion["by_funder"]["État — FUI (DGE)"]
    assert list(fui) == ["submitted", "labelled", "funded", "label_rate", "funding_rate"]
    assert fui["submitted"] >= fui["labelled"] >= fui["funded"] > 0
    assert Decimal(fui["funding_rate"]) == round(Decimal(fui["funded"]) / fui["labelled"], 3)
    for key in ("by_funder", "by_call"):
        submitted = sum(c["submitted"] for c in conversion[key].values())
        assert submitted > funnel["submitted"]  # resubmissions count once per call


def test_demo_then_check(tmp_path: Path, capsys) -> None:
    path = tmp_path / "new.sqlite"
    code, out, _ = run(capsys, "demo", "--db", str(path), "--scale", "pole", "--seed", "7")
    assert code == 0 and "1300 projects" in out
    code, out, _ = run(capsys, "check", "--db", str(path))
    assert (code, out.strip()) == (0, "Aucun problème trouvé.")


def test_check_reports_broken_rules(tmp_path: Path, pole_demo_file: Path, capsys) -> None:
    import shutil
    import sqlite3

    path = tmp_path / "broken.sqlite"
    shutil.copyfile(pole_demo_file, path)
    with sqlite3.connect(path) as conn:
        pid = conn.execute(
            "SELECT project_id FROM project_domain GROUP BY project_id HAVING count(*) = 2 LIMIT 1"
        ).fetchone()[0]
        reference = conn.execute("SELECT reference FROM project WHERE id = ?", (pid,)).fetchone()[0]
        conn.execute(
            "UPDATE project_domain SET percent = percent - 5 WHERE project_id = ? "
            "AND percent = (SELECT max(percent) FROM project_domain WHERE project_id = ?)",
            (pid, pid),
        )
    code, out, _ = run(capsys, "check", "--db", str(path), "--lang", "en")
    assert code == 1
    assert f"Project {reference}: the domain split adds up to 95% instead of 100%." in out
    assert out.splitlines()[-1] == "1 error, 0 warnings."


def test_check_json_lists_findings_and_exits_1_only_on_errors(
    tmp_path: Path, pole_demo_file: Path, capsys
) -> None:
    import shutil
    import sqlite3

    path = tmp_path / "seeded.sqlite"
    shutil.copyfile(pole_demo_file, path)
    with sqlite3.connect(path) as conn:
        submitted = conn.execute(
            "SELECT id, reference FROM project WHERE status = 'submitted' ORDER BY id LIMIT 1"
        ).fetchone()
        conn.execute(
            "UPDATE project SET funding_decided_on = submitted_on WHERE id = ?", (submitted[0],)
        )
    code, out, _ = run(capsys, "check", "--db", str(path), "--json")
    assert code == 0  # a warning alone: listed, not a failure
    assert json.loads(out) == {
        "ok": True,
        "errors": 0,
        "warnings": 1,
        "findings": [
            {
                "code": "step_date_beyond_status",
                "severity": "warning",
                "project": submitted[1],
                "organisation": None,
                "field": "funding_decided_on",
                "message": f"Projet {submitted[1]} (à vérifier) : la date de décision de "
                "financement est renseignée alors que le projet est au statut « Déposé ».",
            }
        ],
    }
    with sqlite3.connect(path) as conn:
        line = conn.execute(
            "SELECT f.id, p.reference FROM funding_line f JOIN project p ON p.id = f.project_id "
            "WHERE p.status = 'not_funded' ORDER BY f.id LIMIT 1"
        ).fetchone()
        conn.execute("UPDATE funding_line SET granted_cents = 5000000 WHERE id = ?", (line[0],))
    code, out, _ = run(capsys, "check", "--db", str(path), "--json", "--lang", "en")
    report = json.loads(out)
    assert code == 1 and (report["ok"], report["errors"], report["warnings"]) == (False, 2, 1)
    stale, error = (f for f in report["findings"] if f["severity"] == "error")
    assert stale["code"] == "check_summary_stale"  # the raw update left the project's total behind
    assert error == {
        "code": "granted_on_refused_project",
        "severity": "error",
        "project": line[1],
        "organisation": None,
        "field": "funding_lines[0].granted_cents",
        "message": f"Project {line[1]}: funding granted to a 'Not funded' project: "
        "that status says there is no funding.",
    }


def test_missing_file_and_newer_database_exit_2(
    tmp_path: Path, pole_demo_file: Path, capsys
) -> None:
    import shutil
    import sqlite3

    code, _, err = run(capsys, "stats", "--db", str(tmp_path / "nowhere.sqlite"))
    assert code == 2 and "Fichier introuvable" in err
    path = tmp_path / "future.sqlite"
    shutil.copyfile(pole_demo_file, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    code, _, err = run(capsys, "stats", "--db", str(path))
    assert code == 2
    assert "version plus récente" in err and err.count("\n") == 1


def test_version_from_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "portfolio_desktop", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"portfolio-desktop {__version__}"


def test_cli_does_not_import_qt_or_matplotlib(pole_demo_file: Path) -> None:
    code = (
        "import sys; from portfolio_desktop.__main__ import main; "
        f"main(['stats', '--db', r'{pole_demo_file}', '--json']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'matplotlib', 'openpyxl'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"

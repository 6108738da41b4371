"""`portfolio-desktop export`: filters mapped onto ProjectFilter, templates, refusals with exit 2."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from portfolio_desktop.__main__ import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def references(path: Path) -> set[str]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return {r[1] for r in rows[1:]}


def test_filters_select_the_same_projects_as_sql(
    pole_demo_file: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "vue.xlsx"
    code, stdout, _ = run(
        capsys,
        "export",
        "--db",
        str(pole_demo_file),
        str(out),
        "--status",
        "running",
        "--status",
        "closed",
        "--domain",
        "photonique & quantique",
        "--funder",
        "Région Bretagne",
        "--lang",
        "en",
    )
    assert code == 0
    with sqlite3.connect(pole_demo_file) as conn:
        expected = {
            r
            for (r,) in conn.execute(
                "SELECT p.reference FROM project p WHERE p.status IN ('running', 'closed')"
                " AND p.id IN (SELECT project_id FROM project_domain pd JOIN domain d"
                " ON d.id = pd.domain_id WHERE d.name = 'Photonique & Quantique')"
                " AND p.id IN (SELECT project_id FROM funding_line l JOIN funder f"
                " ON f.id = l.funder_id WHERE f.name = 'Région Bretagne')"
            )
        }
    assert expected and references(out) == expected
    assert stdout.startswith(f"{len(expected)} projects, ")
    assert CalamineWorkbook.from_path(str(out)).sheet_names[0] == "Projects"


def test_template_and_search(pole_demo_file: Path, tmp_path: Path, capsys) -> None:
    template = tmp_path / "modele.xlsx"
    code, stdout, _ = run(
        capsys, "export", "--db", str(pole_demo_file), str(template), "--template"
    )
    assert code == 0 and "Modèle vierge" in stdout
    assert references(template) == set()
    found = tmp_path / "lidar.xlsx"
    code, _, _ = run(capsys, "export", "--db", str(pole_demo_file), str(found), "--search", "LIDAR")
    assert code == 0
    with sqlite3.connect(pole_demo_file) as conn:
        expected = {
            r
            for (r,) in conn.execute(
                "SELECT reference FROM project WHERE search_text LIKE '%lidar%'"
            )
        }
    assert expected and references(found) == expected


def test_refusals_exit_2_with_one_line(pole_demo_file: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(
        capsys, "export", "--db", str(pole_demo_file), str(tmp_path / "a.xlsx"), "--funder", "Nope"
    )
    assert code == 2 and err.strip() == "--funder : valeur inconnue « Nope »."
    code, _, err = run(capsys, "export", "--db", str(pole_demo_file), str(tmp_path / "a.csv"))
    assert code == 2 and ".xlsx" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(
        capsys, "export", "--db", str(tmp_path / "none.sqlite"), str(tmp_path / "a.xlsx")
    )
    assert code == 2 and "introuvable" in err
    assert not (tmp_path / "a.xlsx").exists()

"""Real grant publications, as their publishers put them online, imported from the command line:
every row accounted for, the granted total equal to the file's own amount column to the cent,
and a second import changing nothing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from ..conftest import corpus

#: file → (sheet, data rows, the total of its amount column in cents, as SOURCES.md states them).
REAL_FILES = {
    "scdl_charente_maritime.xlsx": ("Subventions", 101, 1_110_923_326),
    "scdl_deux_sevres.xls": ("Rapport 1", 467, 2_998_890_779),
    "scdl_haute_garonne.csv": ("scdl_haute_garonne", 69, 35_755_885),
}


def run_cli(*argv: str) -> tuple[int, dict, str]:
    result = subprocess.run(
        [sys.executable, "-m", "portfolio_desktop", *argv],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    payload = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.returncode, payload, result.stderr


@pytest.mark.parametrize("name", sorted(REAL_FILES))
def test_a_real_grant_file_imports_whole_with_only_its_missing_status(
    name: str, tmp_path: Path
) -> None:
    path = corpus("real_world", name)
    sheet, rows, total = REAL_FILES[name]
    target = tmp_path / "real.sqlite"
    report = tmp_path / "rejets.xlsx"
    args = (
        "import", str(path), "--db", str(target), "--json", "--set", "status=funded",
        "--error-report", str(report),
    )  # fmt: skip
    code, payload, err = run_cli(*args)
    assert code == 0, (err, payload.get("errors", [])[:3])
    assert payload["rows"] == {
        sheet: {"read": rows, "imported": rows, "merged": 0, "skipped": 0, "invalid": 0}
    }
    counts = payload["rows"][sheet]
    assert counts["read"] == sum(counts[k] for k in ("imported", "merged", "skipped", "invalid"))
    assert len(payload["merged_rows"]) == counts["merged"]
    # Every row imported: no report to send back.
    assert not report.exists() and "Aucune ligne à renvoyer" in err
    assert payload["projects"]["created"] == rows
    (mapping,) = payload["mapping"]
    fields = {c["field"] for c in mapping["columns"]}
    assert {"funder", "lead", "title", "line_granted", "decision_on", "instrument"} <= fields
    assert mapping["header_row"] == 1 and mapping["set"] == {"status": "funded"}
    assert mapping["generated_reference_from"], "the grants have no reference of their own"
    with sqlite3.connect(target) as connection:
        granted = connection.execute("SELECT sum(granted_cents) FROM funding_line").fetchone()
        statuses = connection.execute("SELECT DISTINCT status FROM project").fetchall()
    assert granted == (total,)
    assert statuses == [("funded",)]

    code, again, err = run_cli(*args)
    assert code == 0, err
    assert again["projects"] == {"created": 0, "updated": 0, "unchanged": rows}
    assert again["funding_lines"] == {"created": 0, "updated": 0, "unchanged": rows}
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT count(*) FROM project").fetchone() == (rows,)


def test_a_grant_file_imports_as_shipped_and_its_proposed_status_can_be_changed(
    tmp_path: Path,
) -> None:
    path = corpus("real_world", "scdl_haute_garonne.csv")
    target = tmp_path / "real.sqlite"
    code, payload, err = run_cli("import", str(path), "--db", str(target), "--json", "--dry-run")
    assert code == 0, err
    assert payload["mapping"][0]["set"] == {"status": "funded"}  # a grant awarded is funded
    assert payload["rows"]["scdl_haute_garonne"]["imported"] == 69
    code, payload, err = run_cli(
        "import", str(path), "--db", str(target), "--json", "--set", "Statut=Labellisé"
    )
    assert code == 0, err
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT DISTINCT status FROM project").fetchall() == [
            ("labelled",)
        ]


def test_without_a_status_every_row_is_an_error_and_nothing_is_written(tmp_path: Path) -> None:
    path = corpus("real_world", "scdl_haute_garonne.csv")
    target = tmp_path / "real.sqlite"
    # The amount column read as requested amounts: no longer a list of grants awarded.
    code, payload, _ = run_cli(
        "import", str(path), "--db", str(target), "--json", "--map", "montant=requested",
        "--set", "instrument=grant",
    )  # fmt: skip
    assert code == 1  # rows with problems (2 is a file or an option refused)
    assert payload["rows"]["scdl_haute_garonne"]["invalid"] == 69
    assert {e["column"] for e in payload["errors"]} == {"Statut"}
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT count(*) FROM project").fetchone() == (0,)


@pytest.mark.parametrize(
    ("option", "words"),
    [
        (("--set", "couleur=bleu"), "« couleur » n'est pas un champ des feuilles importées"),
        (("--set", "status"), "L'option --set attend NOM=VALEUR"),
        (("--map", "Colonne absente=title"), "Aucune feuille n'a de colonne « Colonne absente »"),
        (("--map", "objet=rien du tout"), "« rien du tout » n'est pas un champ"),
    ],
)
def test_a_wrong_option_is_one_french_sentence_and_nothing_is_written(
    option: tuple[str, str], words: str, tmp_path: Path
) -> None:
    path = corpus("real_world", "scdl_haute_garonne.csv")
    target = tmp_path / "real.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "portfolio_desktop", "--lang", "fr", "import", str(path),
         "--db", str(target), *option],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    if target.exists():
        with sqlite3.connect(target) as connection:
            assert connection.execute("SELECT count(*) FROM project").fetchone() == (0,)


def test_a_real_file_with_a_grant_paid_twice_and_a_totals_row_accounts_for_every_row(
    tmp_path: Path,
) -> None:
    """The same grant on a second row (its generated reference the same: one project, a second
    line, merged into the first row, named), a totals row skipped and in the report."""
    lines = corpus("real_world", "scdl_haute_garonne.csv").read_text("utf-8").splitlines()
    first = lines[1].split(";")
    again = ";".join([*first[:7], "600.0", *first[8:]])
    totals = ";".join(["TOTAL", *[""] * 6, "35756485.0", *[""] * (len(first) - 8)])
    path = tmp_path / "scdl_haute_garonne.csv"
    path.write_text("\r\n".join([*lines, again, totals]) + "\r\n", "utf-8")
    target, report = tmp_path / "real.sqlite", tmp_path / "rejets.xlsx"
    code, payload, err = run_cli(
        "import", str(path), "--db", str(target), "--json", "--set", "status=funded",
        "--error-report", str(report),
    )  # fmt: skip
    assert code == 0, (err, payload.get("errors", [])[:3])
    counts = payload["rows"]["scdl_haute_garonne"]
    assert counts == {"read": 71, "imported": 69, "merged": 1, "skipped": 1, "invalid": 0}
    assert counts["read"] == sum(counts[k] for k in ("imported", "merged", "skipped", "invalid"))
    (merged,) = payload["merged_rows"]
    assert (merged["row"], merged["into_row"]) == (71, 2)
    assert merged["reference"].startswith("G-")
    assert payload["projects"]["created"] == 69 and payload["funding_lines"]["created"] == 70
    sent_back = list(
        openpyxl.load_workbook(report)["scdl_haute_garonne"].iter_rows(values_only=True)
    )
    assert [(r[0], r[-3], r[-2], r[-1]) for r in sent_back[1:]] == [
        ("TOTAL", "Ignorée", "Ligne de totaux.", 72)
    ]
    with sqlite3.connect(target) as connection:
        granted = connection.execute("SELECT sum(granted_cents) FROM funding_line").fetchone()
    assert granted == (35_755_885 + 60_000,)

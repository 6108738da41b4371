"""Real grant publications, as their publishers put them online, imported from the command line:
every row accounted for, the granted total equal to the file's own amount column to the cent,
and a second import changing nothing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

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
    args = ("import", str(path), "--db", str(target), "--json", "--set", "status=funded")
    code, payload, err = run_cli(*args)
    assert code == 0, (err, payload.get("errors", [])[:3])
    assert payload["rows"] == {
        sheet: {"read": rows, "imported": rows, "merged": 0, "skipped": 0, "invalid": 0}
    }
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


def test_without_a_status_every_row_is_an_error_and_nothing_is_written(tmp_path: Path) -> None:
    path = corpus("real_world", "scdl_haute_garonne.csv")
    target = tmp_path / "real.sqlite"
    code, payload, _ = run_cli("import", str(path), "--db", str(target), "--json")
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

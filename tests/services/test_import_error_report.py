"""Every row not imported is in the error report: the rejected rows and the skipped ones with their
reasons (a run of blank rows as one line), not the rows merged into another row of their project;
the command line writes it with `--error-report`, also when rows are only skipped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from portfolio_desktop.__main__ import main
from portfolio_desktop.services.excel_import import import_workbook
from portfolio_desktop.services.excel_import.choices import row_accounts, row_fates
from portfolio_desktop.services.excel_import.error_report import write_plan_errors

from .test_import_row_accounts import HEADERS, ROWS, book


def report_rows(path: Path, sheet: str = "Suivi") -> list[tuple[Any, ...]]:
    return list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))


def test_the_report_holds_the_rejected_and_the_skipped_rows_with_their_reasons(
    db: Any, tmp_path: Path
) -> None:
    report = import_workbook(db, book(tmp_path / "suivi.xlsx", ROWS), dry_run=True)
    assert report.plan is not None
    accounts = row_accounts(report.plan)["Suivi"]
    assert accounts == {"read": 10, "imported": 2, "merged": 2, "skipped": 5, "invalid": 1}
    assert accounts["read"] == sum(
        accounts[k] for k in ("imported", "merged", "skipped", "invalid")
    )

    written = write_plan_errors(report.plan, report.problems, tmp_path / "rejets.xlsx", "fr")
    rows = report_rows(written)
    assert rows[0] == (*HEADERS, "Résultat", "Motif", "Ligne")
    outcomes = [(r[-1], r[6], r[7]) for r in rows[1:]]
    assert outcomes == [
        (4, "Ignorée", "2 lignes vides, de la ligne 4 à la ligne 5."),
        (7, "Ignorée", "En-têtes répétés."),
        (8, "Rejetée", outcomes[2][2]),
        (10, "Ignorée", "Ligne vide."),
        (11, "Ignorée", "Ligne de totaux."),
    ]
    assert outcomes[2][2].startswith("Montant accordé : Montant ambigu")
    # The rows as they were: the repeated headers, the rejected row, the totals row.
    assert rows[2][:6] == tuple(HEADERS)
    assert rows[3][:6] == tuple(ROWS[7])
    assert rows[5][0] == "Total" and rows[5][5] == 300000
    # The merged rows were imported (into rows 2 and 3): not in the report.
    assert not {6, 9} & {r[-1] for r in rows[1:]}
    # Every row not imported is there, a run of blank rows in its one line.
    (fate,) = row_fates(report.plan)
    assert fate.skipped | fate.invalid == {4, 5, 7, 8, 10, 11}

    english = report_rows(
        write_plan_errors(report.plan, report.problems, tmp_path / "e.xlsx", "en")
    )
    assert english[0][-3:] == ("Outcome", "Reason", "Row")
    assert english[1][-3:] == ("Skipped", "2 blank rows, rows 4 to 5.", 4)


def test_a_sheet_lacking_a_column_has_each_of_its_rows_in_the_report(
    db: Any, tmp_path: Path
) -> None:
    rows = [
        ["Réf.", "Acronyme", "Montant accordé"],
        ["R-1", "ALPHA", 1000],
        [None, None, None],
        ["R-2", "BETA", 2000],
    ]
    report = import_workbook(db, book(tmp_path / "r.xlsx", rows), dry_run=True)
    assert report.plan is not None
    accounts = row_accounts(report.plan)["Suivi"]
    assert accounts["invalid"] == 2 and accounts["skipped"] == 1
    written = report_rows(
        write_plan_errors(report.plan, report.problems, tmp_path / "x.xlsx", "fr")
    )
    assert [r[0] for r in written[1:]] == ["R-1", None, "R-2"]
    assert [r[-1] for r in written[1:]] == [2, 3, 4]
    assert [r[-3] for r in written[1:]] == ["Rejetée", "Ignorée", "Rejetée"]
    assert all("Colonne obligatoire absente" in r[-2] for r in (written[1], written[3]))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_writes_the_report_when_rows_are_only_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = [r for r in ROWS if r[0] != "ANR-2021-003"]  # no row in error: skipped ones only
    path = book(tmp_path / "suivi.xlsx", clean)
    target = tmp_path / "lignes.xlsx"
    database = str(tmp_path / "p.sqlite")
    code, out, err = run(
        capsys, "--lang", "fr", "import", str(path), "--db", database, "--json",
        "--error-report", str(target),
    )  # fmt: skip
    assert code == 0, err
    payload = json.loads(out)
    assert payload["rows"]["Suivi"]["skipped"] == 5 and payload["rows"]["Suivi"]["invalid"] == 0
    assert "Lignes non importées écrites dans" in err and "0 rejetée, 5 ignorées" in err
    assert [r[-1] for r in report_rows(target)[1:]] == [4, 7, 9, 10]

    every = book(
        tmp_path / "propre.xlsx", [HEADERS, ["R-9", "Z", "Financé", "Bpifrance", "Subvention", 1]]
    )
    nothing = tmp_path / "rien.xlsx"
    code, out, err = run(
        capsys, "--lang", "fr", "import", str(every), "--db", database, "--error-report",
        str(nothing),
    )  # fmt: skip
    assert code == 0, err
    assert "Aucune ligne à renvoyer" in out and not nothing.exists()


def test_an_error_report_target_that_cannot_be_written_is_refused_before_importing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = book(tmp_path / "suivi.xlsx", ROWS)
    database = tmp_path / "p.sqlite"
    code, _, err = run(
        capsys, "--lang", "fr", "import", str(path), "--db", str(database), "--error-report",
        str(tmp_path / "absent" / "rejets.xlsx"),
    )  # fmt: skip
    assert code == 2
    assert "n'existe pas" in err
    assert not database.exists()

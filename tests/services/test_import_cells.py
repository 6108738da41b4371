"""Cells that once went wrong (issue 17): an amount of `1E+307` crashed the import with an
OverflowError and no row named; Excel's error cells (`#DIV/0!`, `#N/A`) were imported as empty
without a word. Both are now per-cell errors naming sheet, row, column and reason."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from portfolio_desktop import messages
from portfolio_desktop.services.excel_import import import_workbook
from portfolio_desktop.services.excel_import.error_report import write_plan_errors
from portfolio_desktop.services.excel_import.reader import _read_openpyxl, read_workbook
from portfolio_desktop.services.excel_import.values import (
    CellError,
    CellProblem,
    match_choice,
    parse_amount,
    parse_date,
)

from . import hostile_workbooks as hostile
from .test_import_workbook import rows_of, write_book

HEADERS = ["Référence", "Acronyme", "Statut", "Budget total (€)", "Date de dépôt"]


def errors_of(report: Any) -> dict[tuple[str, int, str], str]:
    return {(p.sheet, p.row, p.column): p.code for p in report.problems}


@pytest.mark.parametrize(
    "value", [1e307, 1.7976931348623157e308, 10**20, Decimal("1E+307"), "1 000 000 000 000 000 €"]
)
def test_an_amount_past_any_portfolio_is_a_cell_problem(value: object) -> None:
    with pytest.raises(CellProblem) as caught:
        parse_amount(value)
    assert caught.value.code == "import_amount_too_large"
    # 1,000 billion euros is the largest amount the portfolio takes (MAX_CENTS).
    assert parse_amount(1e12) == 10**14
    with pytest.raises(CellProblem):
        parse_amount(1e12, multiplier=1000)


def test_an_amount_of_1e307_names_its_row_instead_of_crashing_the_import(
    db: Any, tmp_path: Path
) -> None:
    path = write_book(
        tmp_path / "huge.xlsx",
        {"Projets": [HEADERS, ["P-1", "GOOD", "Déposé", 1000, None], ["P-2", "HUGE", "Déposé", 1e307, None]]},
    )  # fmt: skip
    report = import_workbook(db, path)
    assert errors_of(report) == {("Projets", 3, "Budget total (€)"): "import_amount_too_large"}
    message = report.to_json()["errors"][0]["message"]
    assert "démesuré" in message and "1e+307" in message.lower()
    assert report.batch_id is None
    assert rows_of(db, "SELECT count(*) FROM project") == [(0,)]


def error_book(path: Path) -> Path:
    """Error cells in a status, an amount, a date and a title column (openpyxl writes `t="e"`)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Projets"
    sheet.append(HEADERS)
    sheet.append(["P-1", "GOOD", "Déposé", 1000, None])
    sheet.append(["P-2", "#VALUE!", "#N/A", "#DIV/0!", "#REF!"])
    for cell in sheet[3][1:]:
        cell.data_type = "e"
    book.save(path)
    return path


def test_error_cells_are_read_as_errors_not_as_empty_cells(tmp_path: Path) -> None:
    path = error_book(tmp_path / "errors.xlsx")
    rows = read_workbook(path).sheets[0].rows
    assert [type(v) for v in rows[2][1:]] == [CellError] * 4
    assert [str(v) for v in rows[2]] == ["P-2", "#VALUE!", "#N/A", "#DIV/0!", "#REF!"]
    # openpyxl (for the files calamine refuses) says so too.
    assert [str(v) for v in _read_openpyxl(path)[0].rows[2]] == [str(v) for v in rows[2]]


def test_error_cells_are_per_cell_errors_naming_sheet_row_and_column(
    db: Any, tmp_path: Path
) -> None:
    path = error_book(tmp_path / "errors.xlsx")
    report = import_workbook(db, path)
    assert errors_of(report) == {
        ("Projets", 3, "Acronyme"): "import_cell_error",
        ("Projets", 3, "Statut"): "import_cell_error",
        ("Projets", 3, "Budget total (€)"): "import_cell_error",
        ("Projets", 3, "Date de dépôt"): "import_cell_error",
    }
    messages_of = {e["column"]: e["message"] for e in report.to_json()["errors"]}
    assert "« #DIV/0! »" in messages_of["Budget total (€)"]
    assert "Cellule en erreur" in messages_of["Statut"]
    assert rows_of(db, "SELECT count(*) FROM project") == [(0,)]
    # The rows sent back show what the cells showed.
    assert report.plan is not None
    back = write_plan_errors(report.plan, report.problems, tmp_path / "rejets.xlsx")
    rows = list(openpyxl.load_workbook(back)["Projets"].iter_rows(values_only=True))
    assert rows[1][:5] == ("P-2", "#VALUE!", "#N/A", "#DIV/0!", "#REF!")


def test_error_cells_placed_by_counting_are_found_where_calamine_puts_them(
    tmp_path: Path,
) -> None:
    """No `r=` anywhere: the error cell is the third cell of the second row."""
    sheet = hostile.deflate(
        hostile.SHEET_HEAD
        + hostile.HEADER_ROW
        + b'<row><c t="inlineStr"><is><t>P-1</t></is></c><c/><c t="e"><v>#N/A</v></c></row>'
        + hostile.SHEET_TAIL
    )
    path = hostile.package(
        tmp_path / "counted.xlsx", [("Projets", "xl/worksheets/sheet1.xml", sheet)]
    )
    rows = read_workbook(path).sheets[0].rows
    assert rows[0] == ["Référence", "Acronyme", ""]
    assert rows[1][0] == "P-1" and rows[1][1] == ""
    assert isinstance(rows[1][2], CellError) and rows[1][2].text == "#N/A"


def test_a_converter_refuses_an_error_cell_whatever_the_column() -> None:
    for convert in (parse_amount, parse_date, lambda v: match_choice("ProjectStatus", v)):
        with pytest.raises(CellProblem) as caught:
            convert(CellError("#DIV/0!"))
        assert caught.value.code == "import_cell_error"
        assert caught.value.params == {"value": "#DIV/0!"}
    text = messages.text("import_cell_error", {"value": "#N/A"}, "en")
    assert "Error cell" in text and "#N/A" in text


def test_openpyxl_writes_error_cells_as_the_reader_expects(tmp_path: Path) -> None:
    """The fixture's premise: the cells are `t="e"` with their text in `<v>`."""
    path = error_book(tmp_path / "errors.xlsx")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    assert b'<c r="C3" t="e"><v>#N/A</v></c>' in xml

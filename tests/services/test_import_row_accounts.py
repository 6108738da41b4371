"""Every data row accounted for: imported, merged into its project's first row (named, as many as
counted), skipped or invalid, once; the rows of a funding sheet are lines, never merges."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from portfolio_desktop.services.excel_import import ImportChoices, import_workbook
from portfolio_desktop.services.excel_import.choices import (
    MergeRule,
    merge_rules,
    merged_rows,
    row_accounts,
)

HEADERS = ["Réf.", "Acronyme", "Statut", "Financeur", "Type d'aide", "Montant accordé"]

#: Row 1 holds the headers; the comments give each data row's fate.
ROWS = [
    HEADERS,
    ["ANR-2021-001", "ALPHA", "Financé", "Région Bretagne", "Subvention", 150000],  # 2 imported
    ["ANR-2021-002", "BETA", "Financé", "Bpifrance", "Subvention", 80000],  # 3 imported
    [None] * 6,  # 4 blank
    [None] * 6,  # 5 blank
    ["ANR-2021-001", "ALPHA", "Financé", "Bpifrance", "Subvention", 50000],  # 6 merged into 2
    HEADERS,  # 7 repeated headers
    ["ANR-2021-003", "GAMMA", "Financé", "Région Bretagne", "Subvention", "1,250"],  # 8 invalid
    ["ANR-2021-002", "BETA", "Financé", "Région Bretagne", "Subvention", 20000],  # 9 merged into 3
    [None] * 6,  # 10 blank
    ["Total", None, None, None, None, 300000],  # 11 totals
]


def book(path: Path, rows: list[list[Any]], title: str = "Suivi") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_the_merged_rows_are_named_as_many_as_counted(db: Any, tmp_path: Path) -> None:
    report = import_workbook(db, book(tmp_path / "suivi.xlsx", ROWS), dry_run=True)
    payload = report.to_json()
    assert payload["merged_rows"] == [
        {"sheet": "Suivi", "row": 6, "into_sheet": "Suivi", "into_row": 2,
         "reference": "ANR-2021-001"},
        {"sheet": "Suivi", "row": 9, "into_sheet": "Suivi", "into_row": 3,
         "reference": "ANR-2021-002"},
    ]  # fmt: skip
    assert len(payload["merged_rows"]) == payload["rows"]["Suivi"]["merged"]
    reasons = {s["row"]: s["reason"] for s in payload["skipped_rows"]}
    assert reasons == {
        4: "Ligne vide.", 5: "Ligne vide.", 7: "En-têtes répétés.", 10: "Ligne vide.",
        11: "Ligne de totaux.",
    }  # fmt: skip


def test_a_merged_row_in_error_is_invalid_not_merged(db: Any, tmp_path: Path) -> None:
    rows = [
        HEADERS,
        ["R-1", "ALPHA", "Financé", "Région Bretagne", "Subvention", 1000],
        ["R-1", "ALPHA", "Financé", "Bpifrance", None, 2000],  # a line without its instrument
        ["R-1", "ALPHA", "Financé", "Bpifrance", "Subvention", 4000],
    ]
    report = import_workbook(db, book(tmp_path / "r.xlsx", rows), dry_run=True, valid_only=True)
    assert report.plan is not None
    assert row_accounts(report.plan)["Suivi"] == {
        "read": 3, "imported": 1, "merged": 1, "skipped": 0, "invalid": 1,
    }  # fmt: skip
    assert [(m.row, m.into_row) for m in merged_rows(report.plan)] == [(4, 2)]


def test_every_row_of_a_rejected_project_is_invalid_its_first_one_too(
    db: Any, tmp_path: Path
) -> None:
    rows = [
        HEADERS,
        ["R-1", "ALPHA", "Financé", "Région Bretagne", "Subvention", 1000],
        ["R-1", "AUTRE", "Financé", "Bpifrance", "Subvention", 3000],  # conflicting acronym
        ["R-1", "ALPHA", "Financé", "Bpifrance", "Subvention", 4000],
        ["R-2", "BETA", "Financé", "Bpifrance", "Subvention", 5000],
    ]
    report = import_workbook(db, book(tmp_path / "r.xlsx", rows), valid_only=True)
    assert report.plan is not None
    assert row_accounts(report.plan)["Suivi"] == {
        "read": 4, "imported": 1, "merged": 0, "skipped": 0, "invalid": 3,
    }  # fmt: skip
    rejected = {(p.row, p.code) for p in report.problems}
    assert (2, "import_project_rejected") in rejected
    assert report.count("projects", "created") == 1


def test_funding_sheet_rows_of_one_project_are_lines_not_merges(db: Any, tmp_path: Path) -> None:
    """Rows of a funding sheet are funding lines of their project, whichever row named it."""
    path = tmp_path / "deux.xlsx"
    workbook = openpyxl.Workbook()
    projects = workbook.active
    projects.title = "Projets"
    for row in (["Référence", "Acronyme", "Statut"], ["P-1", "ALPHA", "Financé"]):
        projects.append(row)
    lines = workbook.create_sheet("Financements")
    for row in (
        ["Référence projet", "Financeur", "Instrument", "Montant accordé (€)"],
        ["P-1", "Bpifrance", "Subvention", 1000],
        ["P-1", "Région Bretagne", "Subvention", 2000],
    ):
        lines.append(row)
    workbook.save(path)
    report = import_workbook(db, path)
    assert report.ok, report.to_json()["errors"]
    assert report.to_json()["rows"]["Financements"]["imported"] == 2
    assert report.to_json()["merged_rows"] == []
    # The same lines again, for a project the portfolio now holds: still lines, not merges.
    del workbook["Projets"]
    workbook.save(path)
    again = import_workbook(db, path, dry_run=True).to_json()
    assert again["rows"]["Financements"] == {
        "read": 2, "imported": 2, "merged": 0, "skipped": 0, "invalid": 0,
    }  # fmt: skip


def test_a_project_on_two_sheets_is_merged_into_the_row_of_the_first(
    db: Any, tmp_path: Path
) -> None:
    path = tmp_path / "deux.xlsx"
    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "2021"
    for row in (HEADERS, ["R-1", "ALPHA", "Financé", "Bpifrance", "Subvention", 1000]):
        first.append(row)
    second = workbook.create_sheet("2022")
    for row in (
        HEADERS,
        ["R-2", "BETA", "Financé", "Bpifrance", "Subvention", 500],
        ["R-1", "ALPHA", "Financé", "Région Bretagne", "Subvention", 2000],
    ):
        second.append(row)
    workbook.save(path)
    payload = import_workbook(db, path, dry_run=True).to_json()
    assert payload["merged_rows"] == [
        {"sheet": "2022", "row": 3, "into_sheet": "2021", "into_row": 2, "reference": "R-1"}
    ]
    assert payload["rows"]["2022"] == {
        "read": 2, "imported": 1, "merged": 1, "skipped": 0, "invalid": 0,
    }  # fmt: skip


def test_the_merge_rule_of_each_sheet(db: Any, tmp_path: Path) -> None:
    """A sheet of one row per funding line merges the rows of one reference (made of named
    columns when the sheet has none); a sheet of one row per project refuses a repeat."""
    lines = import_workbook(db, book(tmp_path / "l.xlsx", ROWS), dry_run=True)
    assert lines.plan is not None
    assert merge_rules(lines.plan) == [MergeRule("Suivi", [], False)]
    grants = [
        ["Financeur", "Bénéficiaire", "Objet", "Montant accordé"],
        ["Région", "ASSOCIATION A", "Festival", 1000],
        ["Région", "Association A", "Festival", 500],  # the same grant, its name cased otherwise
        ["Région", "Association A", "Festival.", 200],  # the same reference, another title
    ]
    choices = ImportChoices(fixed={"status": "funded", "instrument": "grant"})
    generated = import_workbook(
        db, book(tmp_path / "g.xlsx", grants), dry_run=True, choices=choices
    )
    assert generated.plan is not None
    (rule,) = merge_rules(generated.plan)
    assert rule.generated_from == ["Financeur", "Bénéficiaire", "Objet"]
    # The project's columns must agree: a row that differs is an error, and its project with it.
    assert [(p.row, p.code) for p in generated.problems] == [
        (4, "import_conflicting_value"), (2, "import_project_rejected"),
        (3, "import_project_rejected"),
    ]  # fmt: skip
    assert row_accounts(generated.plan)["Suivi"]["invalid"] == 3
    agreed = import_workbook(
        db, book(tmp_path / "g.xlsx", grants[:3]), dry_run=True, choices=choices
    )
    assert agreed.plan is not None and agreed.ok
    assert [(m.row, m.into_row) for m in merged_rows(agreed.plan)] == [(3, 2)]
    projects = [
        ["Référence", "Acronyme", "Statut"],
        ["P-1", "A", "Financé"],
        ["P-1", "A", "Financé"],
    ]
    once = import_workbook(db, book(tmp_path / "p.xlsx", projects), dry_run=True)
    assert once.plan is not None and merge_rules(once.plan) == []
    assert [p.code for p in once.problems] == ["import_duplicate_reference"]


def test_the_row_fates_are_kept_until_the_plan_changes(db: Any, tmp_path: Path) -> None:
    """Computed once per state of the plan (the wizard reads them three times on its thread)."""
    from portfolio_desktop.services.excel_import import choices
    from portfolio_desktop.services.excel_import.plan import Skipped

    report = import_workbook(db, book(tmp_path / "t.xlsx", ROWS), dry_run=True)
    plan = report.plan
    assert plan is not None
    first = choices.row_fates(plan)
    assert choices.row_fates(plan) == first and plan._fates is not None
    kept = plan._fates[1]
    plan.skipped.append(Skipped(first[0].sheet, 99, "import_skip_blank"))
    again = choices.row_fates(plan)
    assert plan._fates[1] is not kept and 99 in again[0].skipped

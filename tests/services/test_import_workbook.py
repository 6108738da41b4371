"""Importing workbooks end to end: the portfolio's own export round-trips, other layouts map by
synonyms, re-imports change nothing, edits update exactly what changed, errors name their cell,
nothing is half-written, batches undo."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.errors import KnownError
from portfolio_desktop.services import portfolio
from portfolio_desktop.services.excel_export import export_workbook
from portfolio_desktop.services.excel_import import (
    ImportReport,
    UndoRefusedError,
    commit,
    import_workbook,
    open_workbook,
    preview,
    profile_from_setup,
    undo_import,
)
from portfolio_desktop.services.excel_import.error_report import write_plan_errors
from portfolio_desktop.services.excel_import.profiles import save_profile
from portfolio_desktop.services.stats import portfolio_stats
from portfolio_desktop.storage.schema import open_database


def rows_of(db: Any, sql: str) -> list[tuple[Any, ...]]:
    with db.read() as session:
        return [tuple(r) for r in session.connection().exec_driver_sql(sql)]


def project_id(db: Any, reference: str) -> int:
    return int(rows_of(db, f"SELECT id FROM project WHERE reference = '{reference}'")[0][0])


def write_book(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def assert_json_shape(report: ImportReport) -> None:
    payload = report.to_json()
    counted = (
        "projects", "funding_lines", "organisations",
        "experts", "evaluations", "committees", "submissions", "follow_up",
    )  # fmt: skip
    assert list(payload) == [
        "ok", "dry_run", *counted, "skipped_rows", "merged_rows", "errors", "cell_warnings",
        "rows", "mapping", "warnings", "encoding",
    ]  # fmt: skip
    # Every data row of every sheet read is accounted for, once.
    for counts in payload["rows"].values():
        assert counts["read"] == sum(
            counts[k] for k in ("imported", "merged", "skipped", "invalid")
        ), counts
        assert min(counts.values()) >= 0
    for name in counted:
        assert set(payload[name]) == {"created", "updated", "unchanged"}
    for error in payload["errors"]:
        assert set(error) == {"sheet", "row", "column", "message"}
    for skipped in payload["skipped_rows"]:
        assert set(skipped) == {"sheet", "row", "reason"}
    # Each merged row named, as many as counted.
    for merged in payload["merged_rows"]:
        assert set(merged) == {"sheet", "row", "into_sheet", "into_row", "reference"}
    for sheet, counts in payload["rows"].items():
        named = [m for m in payload["merged_rows"] if m["sheet"] == sheet]
        assert len(named) == counts["merged"], (sheet, named)
    for warning in payload["warnings"]:
        assert set(warning) == {"sheet", "row", "reference", "message"}


# -- the portfolio's own workbook ----------------------------------------------------------------


@pytest.fixture
def exported(pole_db: Any, tmp_path: Path) -> Path:
    """The whole pole portfolio in its workbook layout."""
    path = tmp_path / "portefeuille.xlsx"
    export_workbook(pole_db, path, lang="fr")
    return path


@pytest.fixture
def recent(pole_db: Any, tmp_path: Path) -> Path:
    """The projects submitted since 2025 (about a hundred): small enough to edit quickly."""
    path = tmp_path / "recents.xlsx"
    export_workbook(pole_db, path, lang="fr", project_filter=ProjectFilter(year_from=2025))
    return path


def test_export_then_import_into_an_empty_database_gives_the_same_portfolio(
    pole_db: Any, db: Any, exported: Path, tmp_path: Path
) -> None:
    report = import_workbook(db, exported)
    assert report.ok, report.to_json()["errors"][:3]
    assert_json_shape(report)
    assert report.count("projects", "created") == 1300
    assert portfolio_stats(db) == portfolio_stats(pole_db)
    # The same records: exporting the imported portfolio writes the same cells.
    again = tmp_path / "again.xlsx"
    export_workbook(db, again, lang="fr")
    from python_calamine import CalamineWorkbook

    first, second = CalamineWorkbook.from_path(exported), CalamineWorkbook.from_path(again)
    assert first.sheet_names == second.sheet_names
    for name in first.sheet_names:
        assert (
            first.get_sheet_by_name(name).to_python() == second.get_sheet_by_name(name).to_python()
        ), name


def test_lines_paid_in_a_workbook_without_payments_get_one_payment_each(
    recent: Path, db: Any, tmp_path: Path
) -> None:
    """A « versé » amount on a line of a new project, with no payments sheet, is one payment of
    unknown date tied to no tranche; the general matching then finds nothing left to do."""
    from portfolio_desktop.storage import money

    book = openpyxl.load_workbook(recent)
    money_sheets = ("Échéancier", "Versements", "Cofinancements", "Montants par année")
    for name in money_sheets:
        del book[name]
    bare = tmp_path / "sans_versements.xlsx"
    book.save(bare)
    report = import_workbook(db, bare)
    assert report.ok, report.to_json()["errors"][:3]
    paid = rows_of(db, "SELECT id, paid_cents FROM funding_line WHERE paid_cents > 0 ORDER BY id")
    assert len(paid) > 10
    payments = rows_of(
        db,
        "SELECT funding_line_id, amount_cents, received_on, tranche_id, note FROM payment "
        "ORDER BY funding_line_id",
    )
    assert payments == [(line, cents, None, None, "") for line, cents in paid]
    with db.write() as session:
        assert money.match_payments_to_paid(session) == 0


def test_reimporting_the_same_workbook_changes_nothing(pole_db: Any, exported: Path) -> None:
    before = portfolio_stats(pole_db)
    report = import_workbook(pole_db, exported)
    assert report.ok
    for record in ("projects", "funding_lines", "organisations"):
        assert report.count(record, "created") == report.count(record, "updated") == 0
    assert report.count("projects", "unchanged") == 1300
    assert report.batch_id is None  # nothing to write, no batch
    assert portfolio_stats(pole_db) == before


def test_the_english_export_imports_too(pole_db: Any, db: Any, tmp_path: Path) -> None:
    path = tmp_path / "portfolio-en.xlsx"
    export_workbook(pole_db, path, lang="en")
    report = import_workbook(db, path)
    assert report.ok
    assert portfolio_stats(db) == portfolio_stats(pole_db)


def edit_cell(path: Path, sheet: str, row: int, header: str, value: Any) -> Any:
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    column = next(c.column for c in ws[1] if c.value == header)
    old = ws.cell(row, column).value
    ws.cell(row, column).value = value
    book.save(path)
    return old


def unpaid_line_row(path: Path) -> int:
    """The first row of « Financements » with an amount granted and nothing paid yet: its granted
    amount can be lowered without going under what was paid (which the rules refuse)."""
    ws = openpyxl.load_workbook(path, read_only=True)["Financements"]
    rows = ws.iter_rows(values_only=True)
    header = list(next(rows))
    granted, paid = header.index("Montant accordé (€)"), header.index("Montant versé (€)")
    return next(
        number for number, row in enumerate(rows, start=2) if row[granted] and not row[paid]
    )


def test_editing_one_cell_updates_exactly_that(pole_db: Any, recent: Path) -> None:
    projects = openpyxl.load_workbook(recent, read_only=True)["Projets"].max_row - 1
    old = edit_cell(recent, "Projets", 5, "Intitulé", "Un nouvel intitulé")
    reference = openpyxl.load_workbook(recent, read_only=True)["Projets"]["B5"].value
    report = import_workbook(pole_db, recent)
    assert report.ok
    assert report.count("projects", "updated") == 1
    assert report.count("projects", "unchanged") == projects - 1
    assert report.count("funding_lines", "updated") == 0
    assert report.plan is not None
    [outcome] = [o for o in report.plan.outcomes if o.action == "updated"]
    assert outcome.label == reference
    assert outcome.changes == [("title", old, "Un nouvel intitulé")]
    assert rows_of(pole_db, f"SELECT title FROM project WHERE reference = '{reference}'") == [
        ("Un nouvel intitulé",)
    ]


def test_an_edited_amount_updates_that_funding_line(pole_db: Any, recent: Path) -> None:
    row = unpaid_line_row(recent)
    line_id = openpyxl.load_workbook(recent, read_only=True)["Financements"][f"A{row}"].value
    edit_cell(recent, "Financements", row, "Montant accordé (€)", 1234.56)
    report = import_workbook(pole_db, recent)
    assert report.ok, report.to_json()["errors"]
    assert report.count("funding_lines", "updated") == 1
    assert rows_of(
        pole_db, f"SELECT granted_cents FROM funding_line WHERE id = {int(line_id)}"
    ) == [(123456,)]
    # The project's summary follows (refresh_projects in the same transaction).
    assert rows_of(
        pole_db,
        "SELECT count(*) FROM project p WHERE granted_cents != "
        "(SELECT coalesce(sum(granted_cents), 0) FROM funding_line f WHERE f.project_id = p.id)",
    ) == [(0,)]


def test_an_imported_status_is_recorded_in_the_history(pole_db: Any, recent: Path) -> None:
    book = openpyxl.load_workbook(recent)
    ws = book["Projets"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 5).value == "Déposé")
    reference = ws.cell(row, 2).value
    ws.cell(row, 5).value = "Abandonné"
    book.save(recent)
    report = import_workbook(pole_db, recent)
    assert report.ok, report.to_json()["errors"]
    history = portfolio.status_history(pole_db, project_id(pole_db, reference))
    assert history[-1]["from_status"] == "submitted"
    assert history[-1]["to_status"] == "abandoned"
    assert history[-1]["source"] == f"import:{report.batch_id}"


def test_undo_puts_everything_back(pole_db: Any, recent: Path, db: Any) -> None:
    before = portfolio_stats(pole_db)
    edit_cell(recent, "Projets", 5, "Intitulé", "Changé")
    edit_cell(recent, "Financements", unpaid_line_row(recent), "Montant accordé (€)", 1.0)
    report = import_workbook(pole_db, recent)
    assert report.batch_id is not None, report.to_json()["errors"]
    assert portfolio_stats(pole_db) != before
    undo_import(pole_db, report.batch_id)
    assert portfolio_stats(pole_db) == before
    with pytest.raises(UndoRefusedError):
        undo_import(pole_db, report.batch_id)
    # An import into an empty portfolio undone leaves it empty again.
    created = import_workbook(db, recent)
    assert created.batch_id is not None
    undo_import(db, created.batch_id)
    assert rows_of(db, "SELECT count(*) FROM project") == [(0,)]
    assert rows_of(db, "SELECT count(*) FROM organisation") == [(0,)]
    assert rows_of(db, "SELECT count(*) FROM funder") == [(0,)]


def test_undoing_a_large_import_rebuilds_the_search_indexes_and_records_what_it_deleted(
    pole_db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the rebuild threshold (20,000 projects; lowered here) an undo deletes the projects
    without the full-text triggers and rebuilds the indexes from what remains; each deleted
    project is recorded with what names it, its lines as part of it."""
    import json

    from portfolio_desktop.storage import search
    from portfolio_desktop.storage.project_list import select_projects

    monkeypatch.setattr(search, "REBUILD_THRESHOLD", 1)

    def found(query: str) -> set[int]:
        with pole_db.read() as session:
            return set(select_projects(session, ProjectFilter(search=query)).ids)

    kept_reference, kept_acronym = rows_of(
        pole_db, "SELECT reference, acronym FROM project ORDER BY id LIMIT 1"
    )[0]
    kept = found(kept_acronym)
    assert kept
    report = import_workbook(pole_db, partner_workbook(tmp_path / "suivi.xlsx"))
    assert report.batch_id is not None
    r1 = project_id(pole_db, "R-001")
    assert r1 in found("ALPHA") and r1 in found("al")
    undo_import(pole_db, report.batch_id)
    assert found("ALPHA") == set() and r1 not in found("al")
    assert found(kept_acronym) == kept
    with pole_db.write() as session:
        connection = session.connection()
        if connection.dialect.name == "sqlite":  # PostgreSQL searches without these indexes
            for index in ("project_fts", "project_words"):
                connection.exec_driver_sql(
                    f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)"
                )
    deleted = rows_of(
        pole_db,
        "SELECT table_name, old_value FROM change_history "
        f"WHERE source = 'undo-import:{report.batch_id}' AND action = 'deleted'",
    )
    projects = sorted(json.loads(v)["reference"] for t, v in deleted if t == "project")
    assert projects == ["R-001", "R-002"]
    assert not [t for t, _ in deleted if t in ("funding_line", "participation")]
    assert rows_of(pole_db, f"SELECT count(*) FROM project WHERE reference = '{kept_reference}'")


def test_undo_is_refused_once_a_record_was_edited_since(db: Any, tmp_path: Path) -> None:
    path = write_book(
        tmp_path / "p.xlsx",
        {"Projets": [["Référence", "Acronyme", "Statut"], ["P-1", "ALPHA", "Brouillon"]]},
    )
    report = import_workbook(db, path)
    assert report.batch_id is not None
    record = portfolio.load_project(db, project_id(db, "P-1"))
    record.title = "edited by hand"
    portfolio.update_project(db, record, expected_version=record.version)
    with pytest.raises(UndoRefusedError) as caught:
        undo_import(db, report.batch_id)
    assert caught.value.code == "import_undo_stale"


# -- other layouts ------------------------------------------------------------------------------------


def partner_workbook(path: Path) -> Path:
    """A funder's spreadsheet: a title, a merged banner, French headers with units, amounts as
    text, a totals row, blank rows; one row per funding line."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Suivi 2021"
    ws["A1"] = "Région — suivi des aides 2021"
    ws.merge_cells("A1:H1")
    ws["A2"] = "Projets financés"
    ws.merge_cells("A2:H2")
    ws.append([])
    ws.append(
        ["Réf.", "Acronyme", "Intitulé du projet", "État", "Financeur", "Type d'aide",
         "Montant accordé (k€)", "Date de décision"]
    )  # fmt: skip
    ws.append(
        [
            "R-001",
            "ALPHA",
            "Un projet",
            "Financé",
            "Région Bretagne",
            "Subvention",
            150,
            date(2021, 3, 15),
        ]
    )
    ws.append(
        [
            "R-001",
            "ALPHA",
            "Un projet",
            "Financé",
            "Bpifrance",
            "Avance remboursable",
            "1 200,5",
            "15/03/2021",
        ]
    )
    ws.append([])
    ws.append(
        [
            "R-002",
            "BETA",
            "Autre projet",
            "en cours",
            "Région Bretagne",
            "subvention",
            "750 k€",
            "2021-06-01",
        ]
    )
    ws.append(["Total", None, None, None, None, None, "=SUM(G5:G8)", None])
    book.save(path)
    return path


def test_a_funders_spreadsheet_maps_by_synonyms(db: Any, tmp_path: Path) -> None:
    path = partner_workbook(tmp_path / "suivi.xlsx")
    report = import_workbook(db, path)
    assert report.ok, report.to_json()["errors"]
    assert report.count("projects", "created") == 2
    assert report.count("funding_lines", "created") == 3
    skipped = {(s.row, s.code) for s in report.skipped}
    assert (7, "import_skip_blank") in skipped
    assert (9, "import_skip_total") in skipped
    lines = rows_of(
        db,
        "SELECT p.reference, fu.name, f.instrument, f.granted_cents, f.decision_on FROM funding_line f "
        "JOIN project p ON p.id = f.project_id JOIN funder fu ON fu.id = f.funder_id ORDER BY f.id",
    )
    assert lines == [
        ("R-001", "Région Bretagne", "grant", 15_000_000, "2021-03-15"),
        ("R-001", "Bpifrance", "repayable_advance", 120_050_000, "2021-03-15"),
        ("R-002", "Région Bretagne", "grant", 75_000_000, "2021-06-01"),
    ]
    assert rows_of(db, "SELECT reference, status FROM project ORDER BY reference") == [
        ("R-001", "funded"),
        ("R-002", "running"),
    ]
    assert rows_of(db, "SELECT name, kind FROM funder ORDER BY name") == [
        ("Bpifrance", "state_agency"),
        ("Région Bretagne", "region"),
    ]
    again = import_workbook(db, path)
    assert again.count("projects", "unchanged") == 2
    assert again.count("funding_lines", "unchanged") == 3


def test_funder_names_match_exactly_first_and_an_ambiguous_folded_name_is_flagged(
    db: Any, tmp_path: Path
) -> None:
    from portfolio_desktop.domain.model import FunderRecord
    from portfolio_desktop.services import reference

    reference.save_funder(db, FunderRecord("Région Bretagne"))
    reference.save_funder(db, FunderRecord("Region-Bretagne"))
    reference.save_funder(db, FunderRecord("Bpifrance"))
    header = ["Référence", "Acronyme", "Statut", "Financeur", "Type d'aide", "Montant accordé"]
    exact = write_book(
        tmp_path / "exact.xlsx",
        {
            "Suivi": [
                header,
                ["P-1", "A", "Financé", "Region-Bretagne", "Subvention", 10],
                ["P-2", "B", "Financé", "Région Bretagne", "Subvention", 20],
                ["P-3", "C", "Financé", "BPIFRANCE", "Subvention", 30],  # one folded match
            ]
        },
    )
    report = import_workbook(db, exact)
    assert report.ok, report.to_json()["errors"]
    assert rows_of(
        db,
        "SELECT p.reference, fu.name FROM funding_line f JOIN project p ON p.id = f.project_id "
        "JOIN funder fu ON fu.id = f.funder_id ORDER BY p.reference",
    ) == [("P-1", "Region-Bretagne"), ("P-2", "Région Bretagne"), ("P-3", "Bpifrance")]
    ambiguous = write_book(
        tmp_path / "ambiguous.xlsx",
        {"Suivi": [header, ["P-4", "D", "Financé", "REGION BRETAGNE", "Subvention", 40]]},
    )
    report = import_workbook(db, ambiguous)
    assert not report.ok
    [error] = report.to_json(lang="en")["errors"]
    assert (error["row"], error["column"]) == (2, "Financeur")
    assert "Region-Bretagne" in error["message"] and "Région Bretagne" in error["message"]
    assert rows_of(db, "SELECT count(*) FROM project") == [(3,)]


def test_organisations_match_by_siret_then_a_sole_siren_with_the_same_name_then_by_name(
    db: Any, tmp_path: Path
) -> None:
    organisations = ["Nom", "Type", "SIREN", "SIRET"]
    first = write_book(
        tmp_path / "orgs.xlsx",
        {
            "Organisations": [
                organisations,
                ["Lyrays France SAS", "PME", "392131850", "39213185020488"],
                ["Lyrays Rennes", "PME", "392131850", "39213185084005"],  # another establishment
                ["Kerlab", "PME", "732829320", None],
            ]
        },
    )
    report = import_workbook(db, first)
    assert report.ok, report.to_json()["errors"]
    assert report.count("organisations", "created") == 3
    second = write_book(
        tmp_path / "orgs2.xlsx",
        {
            "Organisations": [
                organisations,
                ["Lyrays (Rennes)", "PME", None, "39213185084005"],  # its SIRET: renamed
                ["KERLAB", "ETI", "732829320", None],  # its sole SIREN, the same name folded
                ["Kerlab Services", "PME", "732829320", None],  # same SIREN, another name
            ]
        },
    )
    report = import_workbook(db, second)
    assert report.ok, report.to_json()["errors"]
    assert report.count("organisations", "updated") == 2
    assert report.count("organisations", "created") == 1
    assert rows_of(db, "SELECT name, kind, siren, siret FROM organisation ORDER BY id") == [
        ("Lyrays France SAS", "sme", "392131850", "39213185020488"),
        ("Lyrays (Rennes)", "sme", "392131850", "39213185084005"),
        ("KERLAB", "midcap", "732829320", None),
        ("Kerlab Services", "sme", "732829320", None),
    ]


def test_a_clusters_sheet_names_and_updates_clusters_and_old_workbooks_still_import(
    pole_db: Any, db: Any, recent: Path, tmp_path: Path
) -> None:
    clusters = "SELECT code, name, regions FROM cluster ORDER BY code"
    before = rows_of(pole_db, clusters)
    assert before and all(name != code for code, name, _regions in before)
    assert import_workbook(db, recent).ok
    assert rows_of(db, clusters) == before
    # An edited name comes back as an update of that cluster, and its undo puts it back.
    book = openpyxl.load_workbook(recent)
    book["Pôles"]["B2"] = "Pôle renommé"
    book["Pôles"]["C2"] = "Bretagne; Normandie"
    book.save(tmp_path / "renamed.xlsx")
    report = import_workbook(db, tmp_path / "renamed.xlsx")
    assert report.ok and report.count("clusters", "updated") == 1
    assert rows_of(db, clusters)[0][1:] == ("Pôle renommé", "BRE,NOR")
    undo_import(db, report.batch_id)
    assert rows_of(db, clusters) == before
    # A workbook written before the clusters sheet existed: clusters named by their code.
    del book["Pôles"]
    book.save(tmp_path / "old.xlsx")
    empty = open_database(tmp_path / "empty.sqlite")
    try:
        assert import_workbook(empty, tmp_path / "old.xlsx").ok
        assert [(code, name) for code, name, _ in rows_of(empty, clusters)] == [
            (code, code) for code, _, _ in before
        ]
    finally:
        empty.dispose()


def test_errors_name_sheet_row_column_and_reason_and_nothing_is_written(
    db: Any, tmp_path: Path
) -> None:
    path = write_book(
        tmp_path / "errors.xlsx",
        {
            "Projets": [
                ["Référence", "Acronyme", "Statut", "Budget total (€)", "Domaines"],
                ["P-1", "GOOD", "Déposé", "1 000 000", "Photonique & Quantique"],
                ["P-2", "BADSUM", "Déposé", "1,250", ""],
                ["P-3", "BADSTATUS", "Peut-être", 5, ""],
                ["P-4", "BADDOMAIN", "Déposé", 5, "Quantique & Photonique"],
                ["P-1", "DUPLICATE", "Déposé", 5, ""],
            ]
        },
    )
    report = import_workbook(db, path)
    assert not report.ok
    errors = [(e["sheet"], e["row"], e["column"]) for e in report.to_json()["errors"]]
    assert ("Projets", 3, "Budget total (€)") in errors
    assert ("Projets", 4, "Statut") in errors
    assert ("Projets", 5, "Domaines") in errors
    assert ("Projets", 6, "Référence") in errors
    message = next(e["message"] for e in report.to_json()["errors"] if e["row"] == 3)
    assert "ambigu" in message
    assert report.batch_id is None
    assert rows_of(db, "SELECT count(*) FROM project") == [(0,)]
    assert rows_of(db, "SELECT count(*) FROM import_batch") == [(0,)]

    dry = import_workbook(db, path, dry_run=True, valid_only=True)
    assert dry.dry_run and dry.batch_id is None
    assert rows_of(db, "SELECT count(*) FROM project") == [(0,)]

    valid = import_workbook(db, path, valid_only=True)
    assert not valid.ok
    assert valid.batch_id is not None
    assert rows_of(db, "SELECT reference FROM project") == [("P-1",)]

    assert report.plan is not None
    report_path = write_plan_errors(report.plan, report.problems, tmp_path / "rejets.xlsx")
    sheet = openpyxl.load_workbook(report_path)["Projets"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Référence", "Acronyme", "Statut", "Budget total (€)", "Domaines")
    assert [r[0] for r in rows[1:]] == ["P-2", "P-3", "P-4", "P-1"]
    assert rows[0][5:] == ("Résultat", "Motif", "Ligne")
    assert rows[2][5] == "Rejetée" and "Statut" in rows[2][6]


def test_a_project_dated_out_of_order_is_refused_by_the_rules(db: Any, tmp_path: Path) -> None:
    path = write_book(
        tmp_path / "dates.xlsx",
        {
            "Projets": [
                ["Référence", "Acronyme", "Statut", "Début", "Fin"],
                ["P-1", "A", "En cours", date(2022, 1, 1), date(2021, 1, 1)],
            ]
        },
    )
    report = import_workbook(db, path)
    assert [(p.row, p.column, p.code) for p in report.problems] == [(2, "Fin", "date_before")]


def test_unknown_values_can_be_mapped_and_the_mapping_saved_as_a_profile(
    db: Any, tmp_path: Path
) -> None:
    rows = [
        ["Code dossier", "Nom du projet", "Phase", "Thématique"],
        ["D-1", "Projet", "Validé", "IA"],
    ]
    path = write_book(tmp_path / "a.xlsx", {"Feuil1": rows})
    setup = open_workbook(db, path)
    first = preview(db, setup)
    codes = sorted(p.code for p in first.problems)
    assert codes == ["import_unknown_domain", "import_unknown_status"]
    profile = profile_from_setup(
        "Région — suivi",
        setup,
        {
            "status": {"valide": "labelled"},
            "domains": {"ia": "Données & Intelligence Artificielle"},
        },
    )
    save_profile(db, profile)
    # Next time, a workbook with the same headers is recognised and the mapping applies.
    other = write_book(tmp_path / "b.xlsx", {"Export": [*rows, ["D-2", "Autre", "validé", "ia"]]})
    again = open_workbook(db, other)
    assert again.proposed == "Région — suivi"
    report = commit(db, again)
    assert report.ok, report.to_json()["errors"]
    assert rows_of(
        db, "SELECT reference, status, domains_label FROM project ORDER BY reference"
    ) == [
        ("D-1", "labelled", "Données & Intelligence Artificielle"),
        ("D-2", "labelled", "Données & Intelligence Artificielle"),
    ]


def test_an_unreadable_file_raises_a_known_error_and_writes_nothing(
    db: Any, tmp_path: Path
) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(KnownError):
        import_workbook(db, path)
    assert rows_of(db, "SELECT count(*) FROM import_batch") == [(0,)]


# -- the public datasets ------------------------------------------------------------------------------


def anr_file(kind: str) -> Path:
    from ..conftest import corpus

    return corpus("fr_anr_tdelcey", f"anr-dgpie-depuis-2010-projets-finances-20220512-{kind}.xlsx")


def anr_rows(kind: str) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(anr_file(kind)).get_sheet_by_index(0).to_python()[1:]


def test_anr_projects_import_through_their_profile(db: Any) -> None:
    report = import_workbook(db, anr_file("projets"))
    assert report.ok, report.to_json()["errors"][:3]
    assert report.plan is not None and report.plan.profile == "anr-dgpie-projects"
    rows = anr_rows("projets")
    funded = [Decimal(repr(r[7])) for r in rows if r[7]]
    assert report.count("projects", "created") == len(rows) == 1379
    assert report.count("funding_lines", "created") == len(funded) == 1268
    stats = portfolio_stats(db)
    assert stats["projects_by_status"]["funded"] == 1379
    assert Decimal(stats["funding_total"]) == sum(funded).quantize(Decimal("0.01"))
    assert stats["funding_by_funder"] == {"ANR": stats["funding_total"]}
    assert rows_of(db, "SELECT kind FROM funder") == [("state_agency",)]
    assert rows_of(db, "SELECT DISTINCT instrument FROM funding_line") == [("grant",)]
    starts = {r[0]: r[1] for r in rows if r[1]}
    sample = next(iter(starts))
    assert rows_of(db, f"SELECT start_on FROM project WHERE reference = '{sample}'") == [
        (starts[sample].isoformat(),)
    ]
    again = import_workbook(db, anr_file("projets"))
    assert again.count("projects", "unchanged") == 1379
    assert again.count("funding_lines", "unchanged") == 1268


def test_anr_partners_import_through_their_profile(db: Any) -> None:
    partners_first = import_workbook(db, anr_file("partenaires"))
    assert not partners_first.ok  # the projects are not there yet: nothing is written
    assert partners_first.problems[0].code == "import_unknown_project"
    assert rows_of(db, "SELECT count(*) FROM organisation") == [(0,)]

    import_workbook(db, anr_file("projets"))
    report = import_workbook(db, anr_file("partenaires"))
    assert report.ok, report.to_json()["errors"][:3]
    rows = anr_rows("partenaires")
    named = [r for r in rows if r[5] != "Non renseigné"]
    pairs = {(r[0], r[5]) for r in named}
    assert report.count("organisations", "created") == len({r[5] for r in named}) == 1331
    assert rows_of(db, "SELECT count(*) FROM participation") == [(len(pairs),)]
    leads = {(r[0], r[5]) for r in named if r[4] is True}
    assert rows_of(db, "SELECT count(*) FROM participation WHERE role = 'lead'") == [(len(leads),)]
    skipped = [s.code for s in report.skipped]
    assert skipped.count("import_skip_no_organisation") == len(rows) - len(named)
    assert skipped.count("import_skip_duplicate_partner") == len(named) - len(pairs)
    kinds = dict(rows_of(db, "SELECT kind, count(*) FROM organisation GROUP BY kind"))
    assert kinds["higher_education"] > 0 and kinds["research"] > 0
    assert rows_of(db, "SELECT count(*) FROM project WHERE lead_name = ''")[0][0] < 1379
    again = import_workbook(db, anr_file("partenaires"))
    assert again.count("organisations", "unchanged") == 1331
    assert again.count("organisations", "created") == 0
    assert again.batch_id is None


def test_cordis_csv_heads_import_through_their_profiles(db: Any) -> None:
    from ..conftest import corpus

    projects = import_workbook(db, corpus("eu_cordis_horizon", "project_df_100.csv"))
    assert projects.ok, projects.to_json()["errors"][:3]
    assert projects.plan is not None and projects.plan.profile == "cordis-projects"
    assert projects.count("projects", "created") == 100
    statuses = dict(rows_of(db, "SELECT status, count(*) FROM project GROUP BY status"))
    assert statuses == {"running": 49, "closed": 50, "abandoned": 1}
    organisations = import_workbook(db, corpus("eu_cordis_horizon", "organization_df_100.csv"))
    assert organisations.ok, organisations.to_json()["errors"][:3]
    assert organisations.plan is not None
    assert organisations.plan.profile == "cordis-organisations"
    assert rows_of(db, "SELECT count(*) FROM participation") == [(100,)]


# -- LibreOffice-written workbooks ----------------------------------------------------------------------


def convert_with_libreoffice(source: Path, out: Path, profile: Path) -> Path:
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return out / (source.stem + ".xlsx")


def snapshot(db: Any) -> dict[str, list[tuple[Any, ...]]]:
    return {
        "projects": rows_of(
            db,
            "SELECT reference, acronym, title, status, start_on, total_budget_cents, "
            "granted_cents FROM project ORDER BY reference",
        ),
        "lines": rows_of(
            db,
            "SELECT p.reference, fu.name, f.instrument, f.granted_cents, f.decision_on "
            "FROM funding_line f JOIN project p ON p.id = f.project_id "
            "JOIN funder fu ON fu.id = f.funder_id ORDER BY p.reference, f.id",
        ),
    }


@pytest.mark.libreoffice
def test_libreoffice_workbooks_import_like_openpyxl_ones(tmp_path: Path) -> None:
    original = partner_workbook(tmp_path / "suivi.xlsx")
    resaved = convert_with_libreoffice(original, tmp_path / "lo", tmp_path / "lo-profile")
    assert "LibreOffice" in openpyxl.load_workbook(resaved).properties.creator or True
    results = []
    for index, path in enumerate((original, resaved)):
        database = open_database(tmp_path / f"db{index}.sqlite")
        report = import_workbook(database, path)
        assert report.ok, report.to_json()["errors"]
        results.append((report.to_json(), snapshot(database)))
        database.dispose()
    assert results[0] == results[1]


@pytest.mark.libreoffice
def test_the_anr_file_resaved_by_libreoffice_imports_like_the_original(tmp_path: Path) -> None:
    from ..conftest import corpus

    outcomes = []
    for index, path in enumerate(
        (
            anr_file("projets"),
            corpus("generated_by_libreoffice", "anr-dgpie-projets.resaved_by_LO74.xlsx"),
            corpus("generated_by_libreoffice", "anr-dgpie-projets.LO74.ods"),
        )
    ):
        database = open_database(tmp_path / f"anr{index}.sqlite")
        report = import_workbook(database, path)
        assert report.ok
        outcomes.append((report.count("projects", "created"), snapshot(database)))
        database.dispose()
    assert outcomes[0] == outcomes[1] == outcomes[2]


# -- the command line ---------------------------------------------------------------------------------


def run_cli(*argv: str) -> tuple[int, str, str]:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "portfolio_desktop", *argv],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, result.stdout, result.stderr


def test_cli_exit_codes_and_json(tmp_path: Path) -> None:
    import json

    good = partner_workbook(tmp_path / "suivi.xlsx")
    target = tmp_path / "cli.sqlite"
    code, out, _ = run_cli("import", str(good), "--db", str(target), "--dry-run", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["ok"] is True and payload["dry_run"] is True
    assert payload["projects"] == {"created": 2, "updated": 0, "unchanged": 0}
    assert sqlite3.connect(target).execute("SELECT count(*) FROM project").fetchone() == (0,)

    code, out, _ = run_cli("import", str(good), "--db", str(target), "--json")
    assert code == 0 and json.loads(out)["funding_lines"]["created"] == 3

    bad = write_book(
        tmp_path / "bad.xlsx",
        {
            "Projets": [
                ["Référence", "Acronyme", "Statut"],
                ["X-1", "A", "Inconnu"],
                ["X-2", "B", "Déposé"],
            ]
        },
    )
    code, out, _ = run_cli("import", str(bad), "--db", str(target), "--json", "--lang", "en")
    payload = json.loads(out)
    assert code == 1 and payload["ok"] is False
    assert payload["errors"] == [
        {"sheet": "Projets", "row": 2, "column": "Statut", "message": "Unknown status: 'Inconnu'."}
    ]
    code, out, _ = run_cli("import", str(bad), "--db", str(target), "--valid-only", "--json")
    assert code == 1 and json.loads(out)["projects"]["created"] == 1

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le")
    )
    code, out, err = run_cli("import", str(broken), "--db", str(target), "--json")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "mot de passe" in err


def test_the_change_history_records_what_the_import_created(db: Any, tmp_path: Path) -> None:
    """One history row per record an import created, naming its batch (the values are the
    record's own); a new project's funding lines are part of its creation, a line added to an
    existing project is recorded in that project's history; the history shows what each is."""
    from portfolio_desktop.services import history

    path = partner_workbook(tmp_path / "suivi.xlsx")
    report = import_workbook(db, path)
    source = f"import:{report.batch_id}"
    recorded = rows_of(
        db,
        "SELECT table_name, row_id, project_id, action, field, old_value, new_value "
        f"FROM change_history WHERE source = '{source}' ORDER BY table_name, row_id",
    )
    r1, r2 = project_id(db, "R-001"), project_id(db, "R-002")
    made = [(t, i) for t in ("cluster", "funder") for (i,) in rows_of(db, f"SELECT id FROM {t}")]
    assert recorded == [
        *((t, i, None, "created", "", None, None) for t, i in sorted(made)),
        ("project", r1, r1, "created", "", None, None),
        ("project", r2, r2, "created", "", None, None),
    ]
    created = [c for c in history.project_history(db, r1) if c.action == "created"]
    assert [(c.table, c.source, c.batch) for c in created] == [
        ("project", "import", report.batch_id)
    ]
    assert (created[0].record["reference"], created[0].record["acronym"]) == ("R-001", "ALPHA")

    # The same workbook with one more line for R-001: that line is recorded in R-001's history.
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet.insert_rows(7)
    for column, value in enumerate(
        ["R-001", "ALPHA", "Un projet", "Financé", "Bpifrance", "Subvention", 80, "01/09/2021"],
        start=1,
    ):
        sheet.cell(7, column, value)
    book.save(path)
    again = import_workbook(db, path)
    assert again.ok, again.to_json()["errors"]
    assert again.count("funding_lines", "created") == 1
    line = [c for c in history.project_history(db, r1) if c.batch == again.batch_id]
    assert [(c.table, c.action) for c in line] == [("funding_line", "created")]
    assert line[0].record["granted_cents"] == 8_000_000
    assert line[0].subject == "Bpifrance"


def test_a_cancel_while_the_database_writes_stops_the_statement_and_writes_nothing(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import's last statements run on a worker thread; Cancel while they run interrupts the
    one running (here one that would take minutes) and the whole import rolls back."""
    import importlib
    import threading
    import time

    from portfolio_desktop.services.progress import Cancelled, Progress

    # The import's bulk writer (the one write path).
    committing = importlib.import_module("portfolio_desktop.storage.apply.bulk_import")

    started = threading.Event()
    real_shares = committing.insert_new_shares

    def slow_shares(session: Any, first: int, last: int) -> None:
        real_shares(session, first, last)
        started.set()
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                "WHERE i < 10000000000) SELECT count(*) FROM n"
            ).all()
        else:
            connection.exec_driver_sql("SELECT pg_sleep(600)").all()

    monkeypatch.setattr(committing, "insert_new_shares", slow_shares)
    messages_seen: list[str] = []

    def watch(fraction: float, message: str) -> None:
        messages_seen.append(message)
        if started.is_set():
            progress.cancel()

    progress = Progress(watch)
    before = rows_of(db, "SELECT count(*) FROM project")
    begun = time.perf_counter()
    with pytest.raises(Cancelled):
        import_workbook(db, partner_workbook(tmp_path / "suivi.xlsx"), progress=progress)
    assert time.perf_counter() - begun < 60
    assert "import_writing" in messages_seen
    assert rows_of(db, "SELECT count(*) FROM project") == before
    assert rows_of(db, "SELECT count(*) FROM import_batch") == [(0,)]
    # The portfolio is usable at once: the next import goes through.
    monkeypatch.setattr(committing, "insert_new_shares", real_shares)
    assert import_workbook(db, partner_workbook(tmp_path / "suivi.xlsx")).ok


@pytest.mark.parametrize(("epoch", "serial"), [("1900", 44270), ("1904", 42808)])
def test_serial_numbers_in_a_date_column_follow_the_workbooks_date_system(
    db: Any, tmp_path: Path, epoch: str, serial: int
) -> None:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904 if epoch == "1904" else CALENDAR_WINDOWS_1900
    sheet = book.active
    sheet.title = "Projets"
    sheet.append(["Référence", "Acronyme", "Statut", "Début"])
    sheet.append(["P-1", "ALPHA", "En cours", serial])  # a plain number, not a date cell
    path = tmp_path / f"dates-{epoch}.xlsx"
    book.save(path)
    report = import_workbook(db, path)
    assert report.ok, report.to_json()["errors"]
    with db.read() as session:
        from sqlalchemy import select

        from portfolio_desktop.storage.tables import Project

        assert session.scalar(select(Project.start_on)) == date(2021, 3, 15)


def test_money_a_reimport_changes_is_in_the_history_and_undone_with_it(
    pole_db: Any, db: Any, recent: Path
) -> None:
    from portfolio_desktop.services import history

    # Into an empty portfolio: the money comes with the lines the import creates.
    assert import_workbook(db, recent).ok
    money_fields = ("schedule", "payments", "shares", "spread")
    recorded = rows_of(db, "SELECT field FROM change_history WHERE table_name = 'funding_line'")
    assert not [f for (f,) in recorded if f in money_fields]
    # One partner's share lowered by 1 € in the file, imported into the portfolio it came from.
    book = openpyxl.load_workbook(recent)
    sheet = book["Cofinancements"]
    header = [c.value for c in sheet[1]]
    line_at, amount_at = header.index("N° de ligne"), header.index("Part de l'aide (€)")
    row = [c.value for c in sheet[2]]
    line_id = int(row[line_at])
    sheet.cell(row=2, column=amount_at + 1).value = Decimal(str(row[amount_at])) - 1
    # And one payment lowered by 1 € (the line's paid amount follows).
    payments = book["Versements"]
    header = [c.value for c in payments[1]]
    paid_at = header.index("Montant versé (€)")
    cell = payments.cell(row=2, column=paid_at + 1)
    cell.value = Decimal(str(cell.value)) - 1
    book.save(recent)
    money_tables = (
        "SELECT id, paid_cents FROM funding_line ORDER BY id",
        "SELECT funding_line_id, kind, amount_cents, due_on, released, position "
        "FROM payment_tranche ORDER BY 1, 6",
        "SELECT funding_line_id, received_on, amount_cents, note FROM payment ORDER BY 1, 2, 3",
        "SELECT funding_line_id, organisation_id, amount_cents FROM cofinancing_share ORDER BY 1, 2",
        "SELECT funding_line_id, year, amount_cents FROM line_year_amount ORDER BY 1, 2",
        # The figures' fact table (recomputed, with new ids).
        "SELECT funding_line_id, project_id, domain_id, year, funder_id, instrument, granted_cp, "
        "requested_cp FROM funding_share ORDER BY 1, 2, 3, 4, 5, 6, 7, 8",
    )
    before = [rows_of(pole_db, sql) for sql in money_tables]
    report = import_workbook(pole_db, recent)
    assert report.ok, report.to_json()["errors"][:3]
    assert [rows_of(pole_db, sql) for sql in money_tables] != before
    pid = rows_of(pole_db, f"SELECT project_id FROM funding_line WHERE id = {line_id}")[0][0]
    shares = [
        c
        for c in history.project_history(pole_db, pid)
        if c.table == "funding_line" and c.field == "shares"
    ]
    assert len(shares) == 1 and shares[0].source == "import" and shares[0].row_id == line_id
    old, new = shares[0].old, shares[0].new
    assert len(old) == len(new) and sum(c for _n, c in old) - sum(c for _n, c in new) == 100
    # Undoing the import puts every money table back as it was.
    assert report.batch_id is not None
    undo_import(pole_db, report.batch_id)
    after = [rows_of(pole_db, sql) for sql in money_tables]
    for sql, was, now in zip(money_tables, before, after, strict=True):
        assert now == was, sql


def test_the_undo_of_an_imports_money_is_refused_once_the_project_was_edited(
    pole_db: Any, recent: Path
) -> None:
    book = openpyxl.load_workbook(recent)
    sheet = book["Cofinancements"]
    header = [c.value for c in sheet[1]]
    line_at, amount_at = header.index("N° de ligne"), header.index("Part de l'aide (€)")
    line_id = int(sheet.cell(row=2, column=line_at + 1).value)
    cell = sheet.cell(row=2, column=amount_at + 1)
    cell.value = Decimal(str(cell.value)) - 1
    book.save(recent)
    report = import_workbook(pole_db, recent)
    assert report.ok and report.batch_id is not None, report.to_json()["errors"][:3]
    pid = rows_of(pole_db, f"SELECT project_id FROM funding_line WHERE id = {line_id}")[0][0]
    project = portfolio.load_project(pole_db, pid)
    assert project is not None
    project.notes = "revu après l'import"
    portfolio.update_project(pole_db, project, expected_version=project.version)
    with pytest.raises(UndoRefusedError):
        undo_import(pole_db, report.batch_id)


def test_the_rules_sheet_goes_through_the_rules_screens_checks_and_history(
    pole_db: Any, recent: Path
) -> None:
    from portfolio_desktop.services import history

    book = openpyxl.load_workbook(recent)
    sheet = book["Taux d'aide"]
    call, kind = sheet.cell(row=2, column=1).value, sheet.cell(row=2, column=4).value
    count = rows_of(pole_db, "SELECT count(*) FROM aid_rate_rule")[0][0]
    # A call and a funder both named: the rules screen refuses such a rule, so does the import,
    # before anything is written, naming the rule and the reason.
    sheet.cell(row=2, column=2).value = "Bpifrance"
    book.save(recent)
    report = import_workbook(pole_db, recent)
    assert not report.ok
    (problem,) = [e for e in report.to_json()["errors"] if e["sheet"] == "Taux d'aide"]
    assert call in problem["message"] and "financeur" in problem["message"], problem
    assert rows_of(pole_db, "SELECT count(*) FROM import_batch")[0][0] == 0
    sheet.cell(row=2, column=2).value = None
    # A rate lowered to 20 %: the rule is updated, and the history says so, from the import.
    sheet.cell(row=2, column=5).value = 20
    book.save(recent)
    report = import_workbook(pole_db, recent)
    assert report.ok, report.to_json()["errors"][:3]
    assert rows_of(pole_db, "SELECT count(*) FROM aid_rate_rule")[0][0] == count
    changes = [c for c in history.recent_changes(pole_db) if c.table == "aid_rate_rule"]
    assert [(c.action, c.source, c.batch) for c in changes] == [
        ("updated", "import", report.batch_id)
    ]
    assert kind and changes[0].field == "max_rate_bp"
    # The import's undo puts the rule's rate back.
    rates = "SELECT max_rate_bp FROM aid_rate_rule ORDER BY id"
    assert 2000 in [r for (r,) in rows_of(pole_db, rates)]
    assert report.batch_id is not None
    undo_import(pole_db, report.batch_id)
    assert 2000 not in [r for (r,) in rows_of(pole_db, rates)]
    assert rows_of(pole_db, "SELECT count(*) FROM aid_rate_rule")[0][0] == count


def test_undoing_an_import_into_an_empty_portfolio_removes_the_rules_it_added(
    db: Any, recent: Path
) -> None:
    report = import_workbook(db, recent)
    assert report.ok and report.batch_id is not None
    assert rows_of(db, "SELECT count(*) FROM aid_rate_rule")[0][0] > 0
    undo_import(db, report.batch_id)
    assert rows_of(db, "SELECT count(*) FROM aid_rate_rule")[0][0] == 0
    assert rows_of(db, "SELECT count(*) FROM call")[0][0] == 0

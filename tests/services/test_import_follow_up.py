"""The experts, evaluations, committees, submissions and deadlines sheets read back: matched rows
are recognised, bad cells are errors of their sheet, row and column (nothing written), and an undo
removes what the import created."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from portfolio_desktop.services.excel_import import import_workbook, undo_import
from portfolio_desktop.storage import tables as t


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


EVALUATION_HEADERS = [
    "Pôle", "Référence projet", "Expert", "Courriel de l'expert", "Date d'expertise",
    "Note innovation", "Note consortium", "Note impact", "Note faisabilité", "Recommandation",
    "Avis",
]  # fmt: skip
SUBMISSION_HEADERS = [
    "Pôle", "Référence projet", "Appel à projets", "Date de dépôt", "Montant demandé (€)",
    "Décision de labellisation", "Date de labellisation", "Décision du financeur",
]  # fmt: skip


def _counts(db) -> tuple[int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(t.Evaluation)) or 0,
            session.scalar(select(func.count()).select_from(t.Submission)) or 0,
        )


def test_bad_cells_are_errors_of_their_cell_and_nothing_is_written(pole_db, tmp_path) -> None:
    with pole_db.read() as session:
        reference = session.scalar(select(t.Project.reference).order_by(t.Project.id))
        expert, email = session.execute(select(t.Expert.name, t.Expert.email)).first()
        call = session.scalar(select(t.Call.name).order_by(t.Call.id))
    before = _counts(pole_db)
    path = _workbook(
        tmp_path / "retours.xlsx",
        {
            "Expertises": [
                EVALUATION_HEADERS,
                ["IR", reference, expert, email, date(2026, 5, 4), 4, 3, 4, 3, "Labelliser", "Bien"],
                ["IR", reference, "Personne Inconnue", "", date(2026, 5, 4), 2, 2, 2, 2, "", ""],
                ["IR", "IR-1999-9999", expert, email, date(2026, 5, 4), 2, 2, 2, 2, "", ""],
                ["IR", reference, expert, email, "32/13/2026", "beaucoup", 2, 2, 2, "Peut-être", ""],
            ],
            "Dépôts": [
                SUBMISSION_HEADERS,
                ["IR", reference, call, date(2026, 3, 1), "120 000,00", "Labellisé", date(2026, 4, 2), ""],
                ["IR", reference, call, date(2026, 3, 1), "", "Peut-être", "", "Oui"],
                ["IR", reference, "AAP inexistant", date(2026, 3, 1), "", "Refusé", "", ""],
            ],
        },
    )  # fmt: skip
    report = import_workbook(pole_db, path)
    assert not report.ok and report.batch_id is None
    errors = {(p.sheet, p.row, p.column, p.code) for p in report.problems}
    assert errors == {
        ("Expertises", 3, "Expert", "import_unknown_name"),
        ("Expertises", 4, "Référence projet", "import_unknown_project"),
        ("Expertises", 5, "Date d'expertise", "import_bad_date"),
        ("Expertises", 5, "Note innovation", "import_bad_number"),
        ("Expertises", 5, "Recommandation", "import_unknown_choice"),
        ("Dépôts", 4, "Appel à projets", "import_unknown_name"),
        ("Dépôts", 3, "Décision de labellisation", "import_unknown_choice"),
        ("Dépôts", 3, "Décision du financeur", "import_unknown_choice"),
    }
    message = next(p for p in report.to_json()["errors"] if p["column"] == "Recommandation")
    assert (
        "« Peut-être »" in message["message"] and "Labelliser avec réserves" in message["message"]
    )
    assert _counts(pole_db) == before

    # Only the good rows, then undone.
    report = import_workbook(pole_db, path, valid_only=True)
    assert report.batch_id is not None
    assert report.count("evaluations", "created") == 1
    assert report.count("submissions", "created") == 1
    assert _counts(pole_db) == (before[0] + 1, before[1] + 1)
    with pole_db.read() as session:
        requested = session.scalar(
            select(t.Submission.requested_cents).order_by(t.Submission.id.desc())
        )
    assert requested == 12_000_000
    undo_import(pole_db, report.batch_id)
    assert _counts(pole_db) == before

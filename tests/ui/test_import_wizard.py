"""File → Import, driven with qtbot: file → mapping → preview → import, unknown values mapped,
profiles saved and proposed, errors shown, the error report, Cancel rolling back."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from portfolio_desktop.services.excel_import.choices import row_accounts
from portfolio_desktop.ui.dialogs.import_models import CHOICES_ROLE
from portfolio_desktop.ui.dialogs.import_wizard import ImportWizard
from portfolio_desktop.ui.tasks import TaskRunner

# The offscreen platform says so whenever a window is shown; it is not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def runner(qtbot: Any) -> TaskRunner:
    return TaskRunner(synchronous=True)


def write_book(path: Path, rows: list[list[Any]], title: str = "Suivi") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet["A1"] = "Suivi des aides régionales"
    sheet.append([])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


HEADERS = [
    "Réf.",
    "Acronyme",
    "Statut",
    "Financeur",
    "Type d'aide",
    "Montant accordé",
    "Date de décision",
]


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    return write_book(
        tmp_path / "suivi.xlsx",
        [
            HEADERS,
            [
                "R-1",
                "ALPHA",
                "Financé",
                "Région Bretagne",
                "Subvention",
                "150 000",
                date(2021, 3, 15),
            ],
            # Labelled: money is granted from the label on.
            [
                "R-2",
                "BETA",
                "Labellisé",
                "Bpifrance",
                "Avance remboursable",
                "1,2 M€",
                "15/06/2021",
            ],
        ],
    )


def make_wizard(qtbot: Any, db: Any, runner: TaskRunner, path: Path | None = None) -> ImportWizard:
    wizard = ImportWizard(db, runner, path=path)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def count(db: Any, sql: str) -> int:
    with db.read() as session:
        return int(session.connection().exec_driver_sql(sql).scalar() or 0)


def test_file_mapping_preview_import(
    qtbot: Any, db: Any, runner: TaskRunner, good_file: Path
) -> None:
    wizard = make_wizard(qtbot, db, runner, good_file)
    assert wizard.file_page.isComplete()
    assert "1 sheet(s) read" in wizard.file_page.status.text()
    wizard.next()
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    # The columns were mapped by their names; the example values are shown.
    headers = [page.columns.index(r, 0).data() for r in range(page.columns.rowCount())]
    fields = [
        page.columns.index(r, 2).data(Qt.ItemDataRole.EditRole)
        for r in range(page.columns.rowCount())
    ]
    assert headers == HEADERS
    assert fields == [
        "reference",
        "acronym",
        "status",
        "funder",
        "instrument",
        "line_granted",
        "decision_on",
    ]
    assert "R-1" in page.columns.index(0, 1).data()
    assert page.check_status.text() == "Every row can be read."
    wizard.next()
    preview = wizard.preview_page
    assert "Projects: 2 created, 0 updated, 0 unchanged" in preview.summary.text()
    assert "Funding lines: 2 created" in preview.summary.text()
    assert preview.outcomes.rowCount() > 0 and preview.problems.rowCount() == 0
    # The file gives no submission nor evaluation date: warnings the import accepts, shown first.
    assert "importing accepts them (the history records them)." in preview.summary.text()
    assert "• R-1 : " in preview.summary.text()
    assert preview.isComplete()
    assert count(db, "SELECT count(*) FROM project") == 0  # nothing written by the preview
    with qtbot.waitSignal(wizard.imported) as signal:
        wizard.next()
    batch = signal.args[0]
    assert batch == wizard.batch_id and batch > 0
    assert f"Imported (import no. {batch})" in wizard.import_page.status.text()
    assert count(db, "SELECT count(*) FROM project") == 2
    assert count(db, "SELECT count(*) FROM funding_line") == 2
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_the_preview_says_a_csv_was_read_in_another_encoding_than_utf8(
    qtbot: Any, db: Any, runner: TaskRunner, tmp_path: Path
) -> None:
    from portfolio_desktop import messages

    path = tmp_path / "suivi.csv"
    text = "Référence;Acronyme;Statut;Financeur;Type d'aide\nR-1;ÉTÉ;Déposé;ANR;Subvention\n"
    path.write_bytes(text.encode("mac-roman"))
    wizard = make_wizard(qtbot, db, runner, path)
    wizard.next()
    wizard.next()
    note = messages.text(
        "import_csv_read_as", {"path": "suivi.csv", "encoding": "Mac Roman"},
        messages.current_language(),
    )  # fmt: skip
    assert note in wizard.preview_page.summary.text()


def test_the_preview_list_is_built_off_the_gui_thread(
    qtbot: Any, db: Any, good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview's list of records (half a million for a national workbook) is made by the
    task that checks the rows, not by the window when it shows them."""
    import importlib
    import threading

    plan_module = importlib.import_module("portfolio_desktop.services.excel_import.plan")
    real = plan_module._outcomes_of
    threads: list[threading.Thread] = []

    def recording(plan: Any) -> Any:
        threads.append(threading.current_thread())
        return real(plan)

    monkeypatch.setattr(plan_module, "_outcomes_of", recording)
    runner = TaskRunner()
    wizard = make_wizard(qtbot, db, runner, good_file)
    qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=30_000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=30_000)
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(preview.isComplete, timeout=30_000)
    assert preview.outcomes.rowCount() > 0
    assert threads and threading.main_thread() not in threads
    runner.pool.waitForDone()


def test_unknown_values_are_mapped_and_the_mapping_saved_then_proposed(
    qtbot: Any, db: Any, runner: TaskRunner, tmp_path: Path
) -> None:
    rows = [
        HEADERS,
        ["R-1", "ALPHA", "Validé CA", "Région Bretagne", "Subvention", 1000, date(2021, 1, 5)],
    ]
    wizard = make_wizard(qtbot, db, runner, write_book(tmp_path / "a.xlsx", rows))
    wizard.next()
    page = wizard.mapping_page
    assert page.values.rowCount() == 1
    assert page.values.index(0, 1).data() == "Validé CA"
    choices = page.values.index(0, 3).data(CHOICES_ROLE)
    labelled = next(value for label, value in choices if label == "Labellisé")
    page.values.setData(page.values.index(0, 3), labelled)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert page.check_status.text() == "Every row can be read."
    page.profile_name.setText("Région — suivi")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Région — suivi" in page.profile_status.text()
    wizard.next()
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    assert count(db, "SELECT count(*) FROM project WHERE status = 'labelled'") == 1

    # Next time: a file with the same headers is recognised and the mapping applies.
    rows2 = [
        HEADERS,
        ["R-9", "OMEGA", "validé ca", "Région Bretagne", "Subvention", 10, date(2022, 2, 2)],
    ]
    again = make_wizard(qtbot, db, runner, write_book(tmp_path / "b.xlsx", rows2, "Autre"))
    assert "recognised by the profile “Région — suivi”" in again.file_page.status.text()
    again.next()
    assert again.mapping_page.values.rowCount() == 0
    again.next()
    assert again.preview_page.isComplete()


def test_editing_the_column_mapping(
    qtbot: Any, db: Any, runner: TaskRunner, good_file: Path
) -> None:
    wizard = make_wizard(qtbot, db, runner, good_file)
    wizard.next()
    page = wizard.mapping_page
    # Say the "Acronyme" column is the title instead.
    page.columns.setData(page.columns.index(1, 2), "title")
    assert page.check_status.text() == "The mapping changed: check again."
    assert not wizard.preview_page.isComplete()
    wizard.next()
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    with db.read() as session:
        rows = (
            session.connection()
            .exec_driver_sql("SELECT reference, acronym, title FROM project ORDER BY reference")
            .all()
        )
    assert [tuple(r) for r in rows] == [("R-1", "", "ALPHA"), ("R-2", "", "BETA")]


def test_errors_block_the_import_unless_valid_rows_only(
    qtbot: Any, db: Any, runner: TaskRunner, tmp_path: Path
) -> None:
    rows = [
        HEADERS,
        ["R-1", "ALPHA", "Financé", "Région Bretagne", "Subvention", "1,250", date(2021, 3, 15)],
        ["R-2", "BETA", "Financé", "Région Bretagne", "Subvention", 10, date(2021, 3, 15)],
    ]
    wizard = make_wizard(qtbot, db, runner, write_book(tmp_path / "e.xlsx", rows))
    wizard.next()
    wizard.next()
    preview = wizard.preview_page
    assert preview.problems.rowCount() == 1
    assert [preview.problems.index(0, c).data() for c in range(3)] == [
        "Suivi",
        "4",
        "Montant accordé",
    ]
    assert "ambigu" in preview.problems.index(0, 3).data().lower()
    assert not preview.isComplete()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    report = tmp_path / "rejets.xlsx"
    preview.save_report(report)
    rejected = list(openpyxl.load_workbook(report)["Suivi"].iter_rows(values_only=True))
    assert rejected[1][0] == "R-1"
    preview.valid_only.setChecked(True)
    assert preview.isComplete()
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    assert count(db, "SELECT count(*) FROM project") == 1


def test_a_hostile_file_gets_a_clear_message(
    qtbot: Any, db: Any, runner: TaskRunner, tmp_path: Path
) -> None:
    path = tmp_path / "chiffré.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le")
    )
    wizard = make_wizard(qtbot, db, runner, path)
    assert not wizard.file_page.isComplete()
    assert "mot de passe" in wizard.file_page.status.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_cancel_during_the_import_rolls_everything_back(
    qtbot: Any, pole_db: Any, runner: TaskRunner, tmp_path: Path
) -> None:
    from portfolio_desktop.services.excel_export import export_workbook
    from portfolio_desktop.services.stats import portfolio_stats
    from portfolio_desktop.storage.schema import open_database

    workbook = tmp_path / "portefeuille.xlsx"
    export_workbook(pole_db, workbook, lang="fr")
    target = open_database(tmp_path / "target.sqlite")
    try:
        before = portfolio_stats(target)
        wizard = make_wizard(qtbot, target, runner, workbook)
        wizard.next()
        wizard.next()
        assert wizard.preview_page.isComplete()
        page = wizard.import_page

        def cancel_when_writing(fraction: float, message: str) -> None:
            if message == "import_writing" and fraction > 0.8:
                qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)

        page.progressed.connect(cancel_when_writing)
        with qtbot.assertNotEmitted(wizard.imported):
            wizard.next()
        assert page.status.text() == "Import cancelled: nothing was written."
        assert portfolio_stats(target) == before
        assert count(target, "SELECT count(*) FROM import_batch") == 0
        assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    finally:
        target.dispose()


def test_the_wizard_models_pass_the_model_tester(
    qtbot: Any, qtmodeltester: Any, db: Any, runner: TaskRunner, tmp_path: Path
) -> None:
    rows = [
        HEADERS,
        ["R-1", "ALPHA", "Validé CA", "Région Bretagne", "Subvention", "1,250", date(2021, 1, 5)],
    ]
    wizard = make_wizard(qtbot, db, runner, write_book(tmp_path / "m.xlsx", rows))
    wizard.next()
    qtmodeltester.check(wizard.mapping_page.columns)
    qtmodeltester.check(wizard.mapping_page.values)
    wizard.next()
    qtmodeltester.check(wizard.preview_page.outcomes)
    qtmodeltester.check(wizard.preview_page.problems)


def test_a_typed_path_is_read_without_leaving_the_field(
    qtbot: Any, db: Any, runner: TaskRunner, good_file: Path
) -> None:
    """« Suivant » comes as soon as the typed (or pasted) path names a file, focus unchanged."""
    wizard = make_wizard(qtbot, db, runner)
    page = wizard.file_page
    page.path_edit.setFocus()
    page.path_edit.setText(str(good_file))
    qtbot.waitUntil(page.isComplete, timeout=5000)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_one_cancel_button_and_none_once_written(
    qtbot: Any, db: Any, runner: TaskRunner, good_file: Path
) -> None:
    """The wizard's own Cancel stops an import; once it is written there is nothing to cancel,
    and the summary names every kind of record it created (the funders too)."""
    from PySide6.QtWidgets import QPushButton

    wizard = make_wizard(qtbot, db, runner, good_file)
    wizard.next()
    wizard.next()
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    others = [
        b.text() for b in wizard.findChildren(QPushButton) if b is not cancel and b.isVisible()
    ]
    assert not [text for text in others if "cancel" in text.lower() or "annul" in text.lower()]
    assert cancel.isVisible() and not cancel.isEnabled()
    status = wizard.import_page.status.text()
    assert "Projects: 2 created, 0 updated" in status
    assert "Funders: 2 created, 0 updated" in status


def test_french_counts_agree_with_their_number_and_gender(qapp: Any, tmp_path: Path) -> None:
    import subprocess
    import sys

    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from portfolio_desktop.ui.dialogs.import_wizard import count_line

    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "import_fr.ts"
    qm = tmp_path / "import_fr.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        counts = {"created": 1379, "updated": 1, "unchanged": 0}
        which = ("created", "updated", "unchanged")
        assert count_line("projects", "Projets", counts, which) == (
            "Projets : 1\u202f379 créés, 1 mis à jour, 0 inchangé"
        )
        assert count_line("funding_lines", "Lignes de financement", counts, which) == (
            "Lignes de financement : 1\u202f379 créées, 1 mise à jour, 0 inchangée"
        )
    finally:
        QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(previous)


def test_the_summary_offers_the_imported_projects_left_to_complete(
    qtbot: Any, db: Any, runner: TaskRunner, good_file: Path
) -> None:
    """Files from elsewhere bring projects without a domain, a lead partner or a budget: the
    summary says how many, and its link shows exactly those projects in the table."""
    from portfolio_desktop.services import project_list

    wizard = make_wizard(qtbot, db, runner, good_file)
    wizard.next()
    wizard.next()
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    page = wizard.import_page
    qtbot.waitUntil(page.completion.isVisible)
    text = page.completion.text()
    assert "2 imported project(s) to complete" in text
    assert "2 without a domain" in text and "2 without a lead partner" in text
    assert "2 without a budget" in text and "href" in text
    with qtbot.waitSignal(wizard.show_projects) as shown:
        page.completion.linkActivated.emit("#incomplete")
    selection = project_list.select(db, shown.args[0])
    assert len(selection.ids) == 2
    assert not wizard.isVisible()


MERGED_AND_SKIPPED = [
    HEADERS,
    ["ANR-2021-001", "ALPHA", "Financé", "Région Bretagne", "Subvention", 150000, date(2021, 3, 15)],
    ["ANR-2021-002", "BETA", "Financé", "Bpifrance", "Subvention", 80000, date(2021, 6, 1)],
    [None] * 7,
    # A second funding line of the first project: merged into its row 4.
    ["ANR-2021-001", "ALPHA", "Financé", "Bpifrance", "Subvention", 50000, date(2021, 3, 15)],
    ["Total", None, None, None, None, 280000, None],
]  # fmt: skip


def test_the_preview_names_the_merged_and_skipped_rows_and_their_rule(
    qtbot: Any, db: Any, runner: TaskRunner, tmp_path: Path
) -> None:
    path = write_book(tmp_path / "suivi.xlsx", MERGED_AND_SKIPPED)
    wizard = make_wizard(qtbot, db, runner, path)
    wizard.next()
    wizard.next()
    preview = wizard.preview_page
    summary = preview.summary.text()
    assert "Suivi: 5 row(s) read — 2 imported, 1 merged, 2 skipped, 0 invalid." in summary
    assert "Suivi: the rows with the same reference are one project." in summary
    notes = [
        [preview.row_notes.index(r, c).data() for c in range(3)]
        for r in range(preview.row_notes.rowCount())
    ]
    assert notes == [
        ["Suivi", "6", "Skipped: ligne vide."],  # the service's words: French by default
        ["Suivi", "7", "Merged with row 4 (project ANR-2021-001)"],
        ["Suivi", "8", "Skipped: ligne de totaux."],
    ]
    assert wizard.report is not None and wizard.report.plan is not None
    merged = [n for n in notes if n[2].startswith("Merged")]
    assert len(merged) == row_accounts(wizard.report.plan)["Suivi"]["merged"]
    assert preview.details.tabText(1) == "Rows merged or skipped (3)"
    assert preview.details.currentIndex() == 1  # no error: the rows tab is shown
    # No error, but rows skipped: the workbook of the rows not imported can be saved.
    assert preview.problems.rowCount() == 0 and preview.report_button.isEnabled()
    target = tmp_path / "lignes.xlsx"
    preview.save_report(target)
    sent = list(openpyxl.load_workbook(target)["Suivi"].iter_rows(values_only=True))
    assert [(r[0], r[-3], r[-1]) for r in sent[1:]] == [
        (None, "Ignorée", 6), ("Total", "Ignorée", 8)
    ]  # fmt: skip
    assert "Rows not imported saved to" in preview.report_status.text()
    assert preview.isComplete()


def test_the_preview_in_french_says_which_row_each_merged_row_joined(
    qtbot: Any, db: Any, runner: TaskRunner, tmp_path: Path, french: None
) -> None:
    path = write_book(tmp_path / "suivi.xlsx", MERGED_AND_SKIPPED)
    wizard = make_wizard(qtbot, db, runner, path)
    wizard.next()
    wizard.next()
    preview = wizard.preview_page
    summary = preview.summary.text()
    assert "Suivi : 5 lignes lues — 2 importées, 1 fusionnée, 2 ignorées, 0 en erreur." in summary
    assert "Suivi : les lignes qui portent la même référence sont un même projet." in summary
    texts = [preview.row_notes.index(r, 2).data() for r in range(preview.row_notes.rowCount())]
    assert texts == [
        "Ignorée : ligne vide.",
        "Fusionnée avec la ligne 4 (projet ANR-2021-001)",
        "Ignorée : ligne de totaux.",
    ]
    assert preview.details.tabText(0) == "Erreurs (0)"
    assert preview.details.tabText(1) == "Lignes fusionnées ou ignorées (3)"
    assert preview.report_button.text() == "Enregistrer les lignes non importées…"

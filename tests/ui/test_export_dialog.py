"""File → Export, driven with qtbot: scope, path, progress, Cancel, and errors in the user's words."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from python_calamine import CalamineWorkbook

from portfolio_desktop import messages
from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.ui.dialogs.export_dialog import ExportDialog
from portfolio_desktop.ui.tasks import TaskRunner

# The offscreen platform says so whenever a window is shown; it is not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def runner(qtbot) -> TaskRunner:
    return TaskRunner(synchronous=True)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder / "portefeuille.xlsx"


def make_dialog(qtbot, db, runner, flt: ProjectFilter | None = None) -> ExportDialog:
    dialog = ExportDialog(db, runner, flt)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def references(path: Path) -> set[str]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return {r[1] for r in rows[1:]}


def test_whole_portfolio_without_a_filter(qtbot, pole_db, runner, out: Path) -> None:
    dialog = make_dialog(qtbot, pole_db, runner)
    assert dialog.whole.isChecked() and not dialog.view.isEnabled()
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.exported) as signal:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].projects == 1300
    assert len(references(out)) == 1300
    assert "1300 project" in dialog.status.text() and str(out) in dialog.status.text()
    assert dialog.close_button.text() == "Close" and dialog.export_button.isEnabled()


def test_current_view_is_offered_with_its_count(qtbot, pole_db, runner, out: Path) -> None:
    flt = ProjectFilter(statuses=("running",))
    dialog = make_dialog(qtbot, pole_db, runner, flt)
    assert dialog.view.isChecked()
    with sqlite3.connect(pole_db.path) as conn:
        running = conn.execute("SELECT count(*) FROM project WHERE status = 'running'").fetchone()[
            0
        ]
    assert f"({running} project" in dialog.view.text()
    dialog.path_edit.setText(str(out.with_suffix("")))  # the extension is added
    with qtbot.waitSignal(dialog.exported):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert len(references(out)) == running
    assert dialog.path_edit.text() == str(out)


def test_blank_template_in_english(qtbot, pole_db, runner, out: Path) -> None:
    dialog = make_dialog(qtbot, pole_db, runner, ProjectFilter(search="lidar"))
    dialog.template.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.exported) as signal:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].template
    assert CalamineWorkbook.from_path(str(out)).sheet_names[0] == "Projects"
    assert references(out) == set()


def test_file_open_elsewhere_is_explained_and_the_file_kept(qtbot, db, runner, out: Path) -> None:
    out.write_bytes(b"old workbook")
    lock = out.with_name(f".~lock.{out.name}#")
    lock.write_text("someone")
    dialog = make_dialog(qtbot, db, runner)
    dialog.path_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == messages.text("export_target_locked", {"path": str(out)}, "fr")
    assert "fermez-le" in dialog.status.text()
    assert out.read_bytes() == b"old workbook"
    assert not dialog.progress_bar.isVisible() and dialog.export_button.isEnabled()
    lock.unlink()
    with qtbot.waitSignal(dialog.exported):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes() != b"old workbook"


def test_cancel_in_the_middle(qtbot, pole_db, runner, out: Path) -> None:
    """Cancel while the funding sheet is written: the old file stays, nothing partial is left."""
    out.write_bytes(b"old workbook")
    dialog = make_dialog(qtbot, pole_db, runner)
    dialog.path_edit.setText(str(out))
    seen: list[str] = []

    def on_progress(_fraction: float, words: str) -> None:
        seen.append(words)
        if words == messages.text("export_progress_funding"):
            qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # "Cancel"

    dialog.operation.progressed.connect(on_progress)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert messages.text("export_progress_projects") in seen
    assert messages.text("export_progress_saving") not in seen  # stopped before saving
    assert "annulé" not in dialog.status.text()  # the source text is English without a .qm
    assert "cancelled" in dialog.status.text()
    assert dialog.outcome is None and dialog.isVisible()
    assert out.read_bytes() == b"old workbook"
    assert [p.name for p in out.parent.iterdir()] == [out.name]


def test_threaded_export_with_progress_and_cancel(qtbot, pole_db, out: Path) -> None:
    """The real runner: the GUI stays free, progress arrives, Cancel and Escape stop the export."""
    runner = TaskRunner(max_threads=1)
    dialog = make_dialog(qtbot, pole_db, runner)
    dialog.path_edit.setText(str(out))
    values: list[int] = []
    dialog.progress_bar.valueChanged.connect(values.append)
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.running and dialog.close_button.text() == "Cancel"
    assert values and max(values) >= 900
    assert not dialog.running and len(references(out)) == 1300

    first = out.read_bytes()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # cancels, does not close
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.outcome is None and "cancelled" in dialog.status.text()
    assert out.read_bytes() == first
    assert runner.wait(10_000)


def test_choose_path_with_the_file_dialog(qtbot, db, runner, out: Path, monkeypatch) -> None:
    asked: list[str] = []

    def fake_dialog(parent, title, directory, filter_):
        asked.append(filter_)
        return str(out.with_suffix("")), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    dialog = make_dialog(qtbot, db, runner)
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert asked == ["Excel workbook (*.xlsx)"]
    assert dialog.path_edit.text() == str(out)
    dialog.path_edit.clear()
    assert not dialog.export_button.isEnabled()


def test_french_translation(qtbot, pole_db, runner, tmp_path: Path) -> None:
    """The dialog's area (export_fr.ts) compiles and speaks French, plurals included."""
    import subprocess
    import sys

    from PySide6.QtCore import QCoreApplication, QTranslator

    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "export_fr.ts"
    qm = tmp_path / "export_fr.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = make_dialog(qtbot, pole_db, runner, ProjectFilter(statuses=("draft",)))
        assert dialog.whole.text() == "Tout le portefeuille"
        assert dialog.export_button.text() == "Exporter"
        with sqlite3.connect(pole_db.path) as conn:
            drafts = conn.execute("SELECT count(*) FROM project WHERE status = 'draft'").fetchone()[
                0
            ]
        assert dialog.view.text() == f"Les projets de la vue actuelle ({drafts} projets)"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_french_counts_have_plurals_and_thin_spaces(qtbot, desktop) -> None:
    """« 1 300 projets exportés » (a narrow no-break space between thousands), « 1 projet »."""
    from PySide6.QtCore import QCoreApplication

    def exported(n: int) -> str:
        return QCoreApplication.translate(
            "ExportDialog", "%Ln project(s) exported to %1.", "", n
        ).replace("%1", "x.xlsx")

    assert exported(2779) == "2\u202f779 projets exportés dans x.xlsx."
    assert exported(1) == "1 projet exporté dans x.xlsx."

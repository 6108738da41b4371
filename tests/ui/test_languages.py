"""French by default, English on request; every visible string exists in both languages."""

from __future__ import annotations

import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402 - the project's own translation tooling


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_french_by_default_then_english(desktop, qtbot, pole_db) -> None:
    window = desktop.window
    assert menu_titles(window)[:2] == ["&Fichier", "É&dition"]
    assert window.projects.model.headerData(1, Qt.Orientation.Horizontal) == "Référence"
    assert "projets" in window.totals_label.text()

    def choose_english() -> None:
        dialog = QApplication.activeModalWidget()
        combo = dialog.findChild(QComboBox, "languageBox")
        combo.setCurrentIndex(combo.findData("en"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, choose_english)
    window.preferences()
    english = desktop.window
    assert english is not window
    qtbot.addWidget(english)
    assert menu_titles(english)[:2] == ["&File", "&Edit"]
    assert english.projects.model.headerData(1, Qt.Orientation.Horizontal) == "Reference"
    qtbot.waitUntil(lambda: "projects" in english.totals_label.text())
    with pole_db.read() as session:
        granted = session.scalar(text("SELECT sum(granted_cents) FROM funding_line"))
    euros = Decimal(granted) / 100
    assert f"€{euros.quantize(Decimal(1), ROUND_HALF_UP):,}" in english.totals_label.text()
    status = english.projects.model.index(0, english.projects.model.column_of("status")).data()
    assert status in {"Not funded", "Closed", "Not labelled", "Draft", "Abandoned", "Running"}
    assert desktop.settings.language == "en"


def test_layout_persists(desktop, qtbot, pole_db) -> None:
    from portfolio_desktop.app import Desktop
    from portfolio_desktop.ui.settings import Settings

    window = desktop.window
    title = window.projects.model.column_of("title")
    window.projects.table.setColumnHidden(title, True)
    window.projects.table.setColumnWidth(window.projects.model.column_of("acronym"), 234)
    window.close()
    again = Desktop(Settings(), synchronous=True)
    qtbot.addWidget(again.window)
    assert again.window.projects.table.isColumnHidden(title)
    assert (
        again.window.projects.table.columnWidth(again.window.projects.model.column_of("acronym"))
        == 234
    )


def committed_pairs() -> dict[tuple[str, str], bool]:
    pairs = {}
    for ts in translations.FOLDER.glob("*_fr.ts"):
        for context, message in translations.messages_of(ts):
            pairs[(context, message.findtext("source") or "")] = True
    return pairs


def test_every_string_of_the_code_has_a_french_translation(tmp_path: Path) -> None:
    assert translations.missing(None) == [], "run scripts/translations.py missing"
    known = committed_pairs()
    for area in translations.all_areas():
        files = translations.files_of(area)
        if not files:
            continue
        fresh = tmp_path / f"{area}.ts"
        subprocess.run(
            [translations.lupdate(), "-silent", *map(str, files), "-ts", str(fresh)], check=True
        )
        for context in ET.parse(fresh).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                assert (name, source) in known, (
                    f"{area}: “{source}” ({name}) is not in {area}_fr.ts"
                )


def test_messages_catalogue_is_bilingual() -> None:
    from portfolio_desktop import messages

    for code, (french, english) in messages.CATALOGUE.items():
        assert french.strip() and english.strip(), code
    for key, (french, english) in messages.LABELS.items():
        assert french.strip() and english.strip(), key


def test_qt_own_dialogs_speak_french(qapp, monkeypatch) -> None:
    """Qt's file dialogs and standard buttons are French too (qtbase_fr), even when Qt's library
    path does not lead to its translations (a qt.conf, a bundle): PySide6's folder is tried."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo

    from portfolio_desktop.ui import i18n

    def translated() -> tuple[str, str]:
        return (
            QCoreApplication.translate("QFileDialog", "Look in:"),
            QCoreApplication.translate("QFileDialog", "Files of type:"),
        )

    try:
        i18n.install_language("fr")
        assert translated() == ("Voir dans\xa0:", "Fichiers de type\xa0:")
        monkeypatch.setattr(QLibraryInfo, "path", staticmethod(lambda _which: "/nowhere"))
        i18n.install_language("fr")
        assert translated() == ("Voir dans\xa0:", "Fichiers de type\xa0:")
        i18n.install_language("en")
        assert translated() == ("Look in:", "Files of type:")
    finally:
        i18n.install_language("en")


def test_qt_file_dialog_has_no_english_left(qapp, tmp_path: Path) -> None:
    """Qt 6's file dialog labels (« &Look in: », « Files of &type: ») and file types (« Folder »)
    that PySide6's qtbase_fr lacks come from our qtextra_fr."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog

    from portfolio_desktop.ui import i18n

    try:
        i18n.install_language("fr")
        dialog = QFileDialog(None, "x", str(tmp_path))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "&Voir dans\xa0:"
        assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "Fichiers de &type\xa0:"
        folder = QCoreApplication.translate(
            "QAbstractFileIconProvider", "Folder", "All other platforms"
        )
        assert folder == "Dossier"
        dialog.deleteLater()
    finally:
        i18n.install_language("en")


def test_english_counts_are_singular_or_plural(qapp) -> None:
    """English shows "1 project" and "2 projects", never "project(s)": every plural of the code
    has its two English forms, and the desktop loads them."""
    from PySide6.QtCore import QCoreApplication

    from portfolio_desktop.ui import i18n

    assert [m for m in translations.missing(None) if m[0].endswith("_en")] == []
    plurals = [
        (context, message.findtext("source") or "", message.findtext("comment"))
        for ts in translations.FOLDER.glob("*_fr.ts")
        for context, message in translations.messages_of(ts)
        if message.get("numerus") == "yes"
    ]
    assert len(plurals) > 20
    previous = i18n.current()
    had_translators = bool(i18n._installed)
    i18n.install_language("en")
    try:
        for context, source, comment in plurals:
            one = QCoreApplication.translate(context, source, comment, 1)
            many = QCoreApplication.translate(context, source, comment, 2)
            assert "(s)" not in one + many and "(es)" not in one + many, source
            assert "1" in one and "2" in many, source
        assert QCoreApplication.translate("ExpertsView", "%Ln expert(s)", None, 1) == "1 expert"
        assert QCoreApplication.translate("ExpertsView", "%Ln expert(s)", None, 3) == "3 experts"
    finally:
        i18n.install_language(previous)
        if not had_translators:
            i18n.remove_translators()  # the other tests read the source strings

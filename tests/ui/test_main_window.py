"""The main window's own ways in: a workbook dropped on it starts the import wizard on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def drag(window, path: Path) -> tuple[QDragEnterEvent, QDropEvent]:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPointF(window.width() / 2, window.height() / 2)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, data, buttons, keys)
    drop = QDropEvent(point, Qt.DropAction.CopyAction, data, buttons, keys)
    enter._data = drop._data = data  # type: ignore[attr-defined]  # kept alive with the events
    return enter, drop


def test_a_dropped_workbook_opens_the_import_wizard_on_it(desktop, tmp_path: Path) -> None:
    from portfolio_desktop.ui.dialogs.import_wizard import ImportWizard

    window = desktop.window
    workbook = tmp_path / "suivi.xlsx"
    workbook.write_bytes(b"")
    enter, drop = drag(window, workbook)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, drop)
    # Wizards of earlier tests may still exist (closed, not yet deleted): count the one showing.
    wizards = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard) and w.isVisible()
    ]
    assert len(wizards) == 1
    assert wizards[0].file_page.path_edit.text() == str(workbook)
    wizards[0].reject()


def test_other_files_are_refused(desktop, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("x")
    enter, _drop = drag(desktop.window, other)
    QApplication.sendEvent(desktop.window, enter)
    assert not enter.isAccepted()

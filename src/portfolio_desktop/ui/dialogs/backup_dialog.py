"""File → Restore a backup: the automatic backups of the open portfolio (daily, before updates,
before large imports, before restores), newest first; one of them put back after a confirmation.
And the offer made when a damaged file was moved aside on opening."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import messages
from ...services import safety
from ...services.safety import Backup
from .. import formatting
from ..context import AppContext
from ..errors import show_error


def backup_when(backup: Backup) -> str:
    at = safety.taken_at(backup)
    return f"{formatting.day(at.date())} {at:%H:%M}"


def size_text(size: int) -> str:
    from PySide6.QtCore import QLocale

    number = QLocale().toString(size / 1_000_000, "f", 1)
    return f"{number} Mo" if formatting.lang() == "fr" else f"{number} MB"


class BackupDialog(QDialog):
    """The backups of the open database file; `restore_requested(path)` once confirmed."""

    restore_requested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.resize(640, 420)
        self.ctx = ctx
        db = ctx.db
        self.database: Path | None = db.path if db is not None else None
        self.backups: list[Backup] = []
        intro = QLabel(
            self.tr(
                "Backups are made every day the portfolio is opened, before every update of the "
                "application and before every large import. Restoring one first keeps the "
                "current portfolio as a backup too: nothing is lost."
            )
        )
        intro.setWordWrap(True)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Taken on"), self.tr("Why"), self.tr("Size")])
        self.table = QTableView()
        self.table.setObjectName("backupTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.restore())
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self.restore)
        self.now_button = QPushButton(self.tr("Back up now"))
        self.now_button.setObjectName("backupNow")
        self.now_button.clicked.connect(self.backup_now)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.now_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        enabled = self.database is not None and db is not None and not db.read_only
        self.now_button.setEnabled(enabled)
        if self.database is None:
            self.status.setText(self.tr("A server is backed up by its administrator."))
        self.reload()

    def reload(self) -> None:
        if self.database is None:
            self._show([])
            return
        self.ctx.read(
            safety.list_backups,
            self.database,
            on_done=self._show,
            on_error=lambda error: show_error(self, error),
        )

    def _show(self, backups: list[Backup]) -> None:
        self.backups = list(backups)
        self.model.removeRows(0, self.model.rowCount())
        for backup in self.backups:
            reason = messages.text(f"backup_reason_{backup.reason}")
            items = [
                QStandardItem(backup_when(backup)),
                QStandardItem(reason),
                QStandardItem(size_text(backup.size)),
            ]
            items[0].setData(str(backup.path), Qt.ItemDataRole.UserRole)
            items[0].setToolTip(str(backup.path))
            self.model.appendRow(items)
        if self.backups:
            self.table.selectRow(0)
        elif self.database is not None:
            self.status.setText(self.tr("No backup yet."))
        self.restore_button.setEnabled(bool(self.backups))

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.backups[rows[0].row()]

    def restore(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Put back the portfolio as it was on %1? The current portfolio is kept as a "
                "backup first, and the change can be undone the same way."
            ).replace("%1", backup_when(backup)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_requested.emit(backup.path)
        self.accept()

    def backup_now(self) -> None:
        db = self.ctx.db
        if db is None:
            return
        self.now_button.setEnabled(False)

        def done(backup: Any) -> None:
            self.now_button.setEnabled(True)
            self.status.setText(self.tr("Backup saved."))
            self.reload()

        def failed(error: BaseException) -> None:
            self.now_button.setEnabled(True)
            show_error(self, error)

        self.ctx.read(safety.backup_now, db, on_done=done, on_error=failed)


class DamagedDialog(QMessageBox):
    """On opening: the file was damaged and moved aside; restore the newest good backup?"""

    def __init__(self, error: safety.DatabaseDamagedError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damagedDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Damaged portfolio"))
        self.setText(messages.text(error.code, error.params))
        self.error = error
        self.restore_button: QPushButton | None = None
        if error.backup is not None:
            self.setInformativeText(self.tr("Restore that backup now?"))
            self.restore_button = self.addButton(
                self.tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole
            )
            self.restore_button.setObjectName("restoreDamaged")
        self.addButton(QMessageBox.StandardButton.Close)

"""Edit → History and imports: the latest changes of the whole portfolio (who, when, from where,
old → new) and the import batches, each of which can be undone as a whole."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import history
from ...services.history import Batch
from .. import formatting
from ..context import AppContext, Scope
from ..errors import show_error
from .history_view import HistoryView, when_text


def undo_batch(db: Any, batch_id: int) -> dict[str, int]:
    from ...services.excel_import import undo_import

    return undo_import(db, batch_id)


class HistoryDialog(QDialog):
    """Latest changes and import batches; `batch_undone(id)` after an import was undone."""

    batch_undone = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History and imports"))
        self.resize(980, 560)
        self.ctx = ctx
        self.batches: list[Batch] = []
        self.changes = HistoryView()
        self.batch_model = QStandardItemModel(0, 5, self)
        self.batch_model.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("When"), self.tr("Who"), self.tr("File"), self.tr("State")]
        )
        self.batch_table = QTableView()
        self.batch_table.setObjectName("batchTable")
        self.batch_table.setModel(self.batch_model)
        self.batch_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.batch_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.batch_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.batch_table.verticalHeader().setVisible(False)
        self.batch_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.undo_button = QPushButton(self.tr("Undo this import…"))
        self.undo_button.setObjectName("undoBatch")
        self.undo_button.clicked.connect(self.undo_selected)
        self.batch_table.selectionModel().selectionChanged.connect(self._selection)
        imports = QWidget()
        column = QVBoxLayout(imports)
        column.addWidget(
            QLabel(
                self.tr(
                    "Undoing an import removes what it created and puts back what it changed, "
                    "unless those records were edited since."
                )
            )
        )
        column.addWidget(self.batch_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        column.addLayout(row)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.changes, self.tr("Latest changes"))
        self.tabs.addTab(imports, self.tr("Imports"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self._selection()
        self.reload()

    def reload(self) -> None:
        db = self.ctx.db
        if db is None:
            return
        self.ctx.read(
            history.recent_changes, db, 500, on_done=self.changes.set_changes, on_error=self._failed
        )
        self.ctx.read(
            history.import_batches, db, 200, on_done=self._show_batches, on_error=self._failed
        )

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)

    def _state(self, batch: Batch) -> str:
        if batch.state == "undone":
            when = when_text(batch.undone_at) if batch.undone_at else ""
            return self.tr("undone %1").replace("%1", when).strip()
        created = sum(
            int(v.get("created", 0)) for v in batch.counts.values() if isinstance(v, dict)
        )
        updated = sum(
            int(v.get("updated", 0)) for v in batch.counts.values() if isinstance(v, dict)
        )
        return (
            self.tr("%1 created, %2 updated")
            .replace("%1", formatting.number(created))
            .replace("%2", formatting.number(updated))
        )

    def _show_batches(self, batches: list[Batch]) -> None:
        self.batches = list(batches)
        self.batch_model.removeRows(0, self.batch_model.rowCount())
        for batch in self.batches:
            self.batch_model.appendRow(
                [
                    QStandardItem(str(batch.id)),
                    QStandardItem(when_text(batch.started_at)),
                    QStandardItem(batch.user),
                    QStandardItem(batch.file_name),
                    QStandardItem(self._state(batch)),
                ]
            )
        self._selection()

    def selected(self) -> Batch | None:
        rows = self.batch_table.selectionModel().selectedRows()
        return self.batches[rows[0].row()] if rows else None

    def _selection(self, *_args: object) -> None:
        batch = self.selected()
        writable = self.ctx.db is not None and not self.ctx.db.read_only
        self.undo_button.setEnabled(batch is not None and batch.state == "committed" and writable)

    def undo_selected(self) -> None:
        batch, db = self.selected(), self.ctx.db
        if batch is None or db is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Undo an import"),
            self.tr("Undo import no. %1 (%2)?")
            .replace("%1", str(batch.id))
            .replace("%2", batch.file_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.undo_button.setEnabled(False)

        def done(_result: Any) -> None:
            self.batch_undone.emit(batch.id)
            self.reload()

        def failed(error: BaseException) -> None:
            self._failed(error)
            self._selection()

        self.ctx.write(
            undo_batch,
            db,
            batch.id,
            scope=Scope.ALL,
            on_done=done,
            on_error=failed,
        )

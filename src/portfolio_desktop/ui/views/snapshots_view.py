"""The Snapshots screen: the portfolio's figures frozen under a name at a day (« Rapport annuel
2025 », au 31/12/2025), for the reports executives send every year, and two of them compared.

A snapshot is computed once, on the portfolio as it stood at its day (`services.snapshots`), and
never changes afterwards; taking one as of a past day rebuilds the portfolio at that day, which
takes seconds on a national base: it runs on the writer's thread, the window stays live.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import snapshots
from ...services.snapshots import Movement, SnapshotRow
from .. import formatting
from ..context import AppContext, Scope
from ..errors import show_error
from ..models.read_only_table import RIGHT, Column, ReadOnlyTableModel
from ..operations import Operation
from .reference_base import ReferenceView


class SnapshotTable(ReadOnlyTableModel[SnapshotRow]):
    def columns(self) -> list[Column[SnapshotRow]]:
        return [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("As of"), lambda r: formatting.day(r.as_of)),
            Column(self.tr("Taken on"), lambda r: formatting.day(r.taken_at.date())),
            Column(self.tr("By"), lambda r: r.taken_by),
            Column(self.tr("Projects"), lambda r: formatting.number(r.figures.projects), RIGHT),
            Column(self.tr("Funded"), lambda r: formatting.number(r.figures.funded), RIGHT),
            Column(
                self.tr("Aid granted"),
                lambda r: formatting.money(r.figures.granted_cents, decimals=False),
                RIGHT,
            ),
        ]


@dataclass(frozen=True, slots=True)
class MovementLine:
    """A line of the comparison, in words."""

    movement: Movement
    dimension: str
    key: str
    measure: str


class MovementTable(ReadOnlyTableModel[MovementLine]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.first, self.second = "", ""

    def columns(self) -> list[Column[MovementLine]]:
        return [
            Column(self.tr("By"), lambda r: r.dimension),
            Column(self.tr("Item"), lambda r: r.key),
            Column(self.tr("Figure"), lambda r: r.measure),
            Column(
                self.first or self.tr("First"), lambda r: self._value(r, r.movement.before), RIGHT
            ),
            Column(
                self.second or self.tr("Second"), lambda r: self._value(r, r.movement.after), RIGHT
            ),
            Column(
                self.tr("Change"), lambda r: self._value(r, r.movement.delta, signed=True), RIGHT
            ),
        ]

    @staticmethod
    def _value(line: MovementLine, value: int, *, signed: bool = False) -> str:
        cents = line.movement.measure in ("granted", "budget")
        text = (
            formatting.money(abs(value), decimals=False) if cents else formatting.number(abs(value))
        )
        if value < 0:
            return "−" + text
        return ("+" + text) if signed and value > 0 else text


class TakeSnapshotDialog(QDialog):
    """The name and the day of a new snapshot; the work runs on the writer's thread, the form
    says it is computing and shows a refusal (a name taken) under it."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, taken: Sequence[str] = ()
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("takeSnapshotDialog")
        self.setWindowTitle(self.tr("Take a snapshot"))
        self.setMinimumWidth(460)
        today = date.today()
        # Last year's annual report at its 31 December, unless it is taken: today's figures.
        day = date(today.year - 1, 12, 31)
        name = self.tr("Annual report %1").replace("%1", str(day.year))
        if name.casefold() in {t.casefold() for t in taken}:
            day, name = today, self.tr("Snapshot of %1").replace("%1", formatting.day(today))
        self.name = QLineEdit(name)
        self.name.setObjectName("snapshotName")
        self.day = QDateEdit(QDate(day.year, day.month, day.day))
        self.day.setObjectName("snapshotDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("As of the end of"), self.day)
        hint = QLabel(
            self.tr(
                "The figures are those of the portfolio as it stood that day (from the status "
                "and change history). They are kept as they are: later edits and imports never "
                "change them."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.error = QLabel()
        self.error.setObjectName("snapshotError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Take the snapshot"))
        self.buttons.accepted.connect(self.take)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._edited)
        self.taking = Operation(ctx.write, self)
        self.taking.succeeded.connect(self._taken)
        self.taking.failed.connect(self._refused)
        self.taking.finished.connect(self._idle)
        self.taken: SnapshotRow | None = None
        self._edited()

    def _edited(self) -> None:
        self.ok.setEnabled(bool(self.name.text().strip()) and not self.taking.running)
        self.error.hide()

    def take(self) -> None:
        db = self.ctx.db
        if db is None or not self.name.text().strip():
            return
        picked = self.day.date()
        day = date(picked.year(), picked.month(), picked.day())
        self.busy.show()
        for widget in (self.name, self.day, self.ok):
            widget.setEnabled(False)
        self.taking.start(snapshots.take, db, self.name.text().strip(), day, scope=Scope.SNAPSHOTS)

    def _taken(self, row: SnapshotRow) -> None:
        self.taken = row
        self.accept()

    def _refused(self, words: str) -> None:
        self.error.setText(words)
        self.error.show()

    def _idle(self) -> None:
        self.busy.hide()
        for widget in (self.name, self.day):
            widget.setEnabled(True)
        self.ok.setEnabled(bool(self.name.text().strip()))


class SnapshotsView(ReferenceView):
    """The snapshots, newest day last; take, delete; pick two to see what moved between them."""

    SCOPES = (Scope.SNAPSHOTS,)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("snapshotsView")
        self.rows: list[SnapshotRow] = []
        self._ids: list[int] = []

        self.take_button = QPushButton(self.tr("Take a snapshot…"))
        self.take_button.setObjectName("takeSnapshot")
        self.take_button.clicked.connect(self.take)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteSnapshot")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)

        self.model = SnapshotTable(self)
        self.table = QTableView()
        self.table.setObjectName("snapshotsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.first = QComboBox()
        self.first.setObjectName("compareFirst")
        self.second = QComboBox()
        self.second.setObjectName("compareSecond")
        for combo in (self.first, self.second):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda *_a: self.compare())
        picks = QHBoxLayout()
        picks.addWidget(QLabel(self.tr("Compare")))
        picks.addWidget(self.first)
        picks.addWidget(QLabel(self.tr("with")))
        picks.addWidget(self.second)
        picks.addStretch(1)
        self.movements = MovementTable(self)
        self.comparison = QTableView()
        self.comparison.setObjectName("snapshotComparison")
        self.comparison.setModel(self.movements)
        self.comparison.verticalHeader().hide()
        self.comparison.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.empty = QLabel(
            self.tr(
                "No snapshot yet. Take one to keep the figures of a day as they were — the "
                "annual report's at 31 December, say — and compare them with another day's."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #5f6368;")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(picks)
        lower_layout.addWidget(self.comparison, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self._update_buttons()
        if ctx.db is not None:
            self.reload()

    def reload(self) -> None:
        db = self.ctx.db
        if db is None:
            self._show([])
            return
        latest = self.next_generation()
        self.ctx.read(
            snapshots.list_snapshots,
            db,
            on_done=lambda rows: self._show(rows) if latest() else None,
            on_error=self.failed,
        )

    def _show(self, rows: list[SnapshotRow]) -> None:
        selected = self.current()
        self.rows = list(rows)
        self.model.set_rows(self.rows)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.rows)
        keep = (self.first.currentData(), self.second.currentData())
        for combo in (self.first, self.second):
            combo.blockSignals(True)
            combo.clear()
            for row in self.rows:
                combo.addItem(f"{row.name} — {formatting.day(row.as_of)}", row.id)
        before, ids = self._ids, [r.id for r in self.rows]
        self._ids = ids
        # The two latest by default (and once one is taken), the older first: what moved since.
        latest = (ids[-2] if len(ids) > 1 else None, ids[-1] if ids else None)
        if not set(ids) <= set(before):
            keep = latest
        first = keep[0] if keep[0] in ids else latest[0]
        second = keep[1] if keep[1] in ids else latest[1]
        self.first.setCurrentIndex(max(self.first.findData(first), 0))
        self.second.setCurrentIndex(max(self.second.findData(second), 0))
        for combo in (self.first, self.second):
            combo.blockSignals(False)
        if selected is not None and selected.id in ids:
            self.table.selectRow(ids.index(selected.id))
        self._update_buttons()
        self.compare()

    def current(self) -> SnapshotRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.current() is not None)
        self.take_button.setEnabled(self.ctx.db is not None)

    def compare(self) -> None:
        by_id = {r.id: r for r in self.rows}
        first, second = by_id.get(self.first.currentData()), by_id.get(self.second.currentData())
        if first is None or second is None:
            self.movements.set_rows([])
            return
        self.movements.first, self.movements.second = first.name, second.name
        lines = [self._line(m) for m in snapshots.compare(first.figures, second.figures)]
        self.movements.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        self.movements.set_rows(lines)
        self.comparison.resizeColumnsToContents()

    def _line(self, movement: Movement) -> MovementLine:
        dimensions = {
            "total": self.tr("Whole portfolio"),
            "pole": self.tr("Cluster"),
            "domain": self.tr("Domain"),
            "funder": self.tr("Funder"),
            "status": self.tr("Status"),
        }
        measures = {
            "granted": self.tr("Aid granted"),
            "projects": self.tr("Projects"),
            "funded": self.tr("Projects funded"),
            "budget": self.tr("Total budget"),
        }
        key = movement.key
        if movement.dimension == "status":
            key = formatting.label("ProjectStatus", key)
        return MovementLine(
            movement,
            dimensions.get(movement.dimension, movement.dimension),
            key,
            measures.get(movement.measure, movement.measure),
        )

    # -- actions -----------------------------------------------------------------------------------

    def take(self) -> None:
        if self.ctx.db is None:
            return
        dialog = TakeSnapshotDialog(self.ctx, self, [r.name for r in self.rows])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        dialog.open()

    def delete_selected(self) -> None:
        row, db = self.current(), self.ctx.db
        if row is None or db is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr(
                "Delete the snapshot “%1” (as of %2)? Its figures cannot be computed again "
                "exactly as they were kept."
            )
            .replace("%1", row.name)
            .replace("%2", formatting.day(row.as_of)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.write(
            snapshots.delete,
            db,
            row.name,
            scope=Scope.SNAPSHOTS,
            on_error=lambda e: show_error(self, e, self.tr("Cannot delete")),
        )

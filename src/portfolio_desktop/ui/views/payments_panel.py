"""The dashboard's payments: expected (tranches still planned) vs received per year, and the
tranches past due that have not arrived, for the whole portfolio."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.money import OverdueTranche, PaymentsFigures
from .. import formatting

Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class PaymentsPerYearModel(QAbstractTableModel):
    """Rows: years; columns: year, expected, received."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[int, int, int]] = []

    def set_figures(self, figures: PaymentsFigures) -> None:
        self.beginResetModel()
        self.rows = list(zip(figures.years, figures.expected, figures.received, strict=True))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Year"), self.tr("Expected"), self.tr("Received"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        year, expected, received = self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (str(year), formatting.money(expected), formatting.money(received))[index.column()]


class OverdueModel(QAbstractTableModel):
    """Rows: overdue tranches, oldest first; columns: project, funder, tranche, due, missing."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[OverdueTranche] = []

    def set_rows(self, rows: list[OverdueTranche]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (
                self.tr("Project"),
                self.tr("Funder"),
                self.tr("Tranche"),
                self.tr("Due"),
                self.tr("Not received"),
            )
            return titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            f"{row.reference} — {row.acronym}" if row.acronym else row.reference,
            row.funder,
            formatting.label("TrancheKind", row.kind),
            formatting.day(row.due_on),
            formatting.money(row.missing_cents),
        )
        return values[index.column()]


class PaymentsPanel(QWidget):
    """Expected vs received per year beside the overdue tranches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentsPanel")
        self.per_year = PaymentsPerYearModel(self)
        self.overdue = OverdueModel(self)
        self.title = QLabel(self.tr("Payments (whole portfolio)"))
        self.title.setStyleSheet("font-weight: bold;")
        self.summary = QLabel()
        self.summary.setObjectName("paymentsSummary")
        self.summary.setWordWrap(True)
        years = self._view(self.per_year, "paymentsPerYear")
        late = self._view(self.overdue, "overdueTranches")
        late.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        row = QHBoxLayout()
        row.addWidget(years, 1)
        row.addWidget(late, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        self.setMinimumHeight(300)

    def _view(self, model: QAbstractTableModel, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Widths from the first rows only: hundreds of overdue tranches must not cost the GUI
        # thread a measure of every cell.
        header.setResizeContentsPrecision(40)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        return view

    def show_figures(self, figures: PaymentsFigures) -> None:
        self.per_year.set_figures(figures)
        self.overdue.set_rows(list(figures.overdue))
        text = (
            self.tr("Overdue: %1 (tranches: %2)")
            .replace("%1", formatting.money(figures.overdue_cents))
            .replace("%2", formatting.number(len(figures.overdue)))
        )
        if figures.received_undated:
            text += " · " + self.tr("received at dates not known: %1").replace(
                "%1", formatting.money(figures.received_undated)
            )
        self.summary.setText(text)

"""The dashboard's follow-up panel: conversion per funder or per call, and what is overdue or due.

Both are read off the GUI thread (the dashboard's runner); the panel holds plain rows only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.submissions import Conversion
from .. import formatting
from ..tasks import TaskRunner

if TYPE_CHECKING:  # the queries (SQLAlchemy, numpy) load in the worker, not with the dashboard
    from ...services.follow_up import DueItem, DueReport
    from ...storage.database import Database

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class FollowUpData:
    """What the panel shows, read in one task."""

    by_funder: dict[str, Conversion]
    by_call: dict[str, Conversion]
    due: DueReport


def read_follow_up(db: Database, today: date | None = None) -> FollowUpData:
    """In a worker: conversion per funder and per call, and what is due in the next 30 days."""
    from ...services.follow_up import conversion_by, due_report

    return FollowUpData(
        conversion_by(db, "funder"), conversion_by(db, "call"), due_report(db, today)
    )


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)} %"


class ConversionModel(QAbstractTableModel):
    """Submissions, labelled and funded ones per funder or call, with the two rates."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, Conversion]] = []

    def set_rows(self, rows: dict[str, Conversion]) -> None:
        self.beginResetModel()
        self.rows = list(rows.items())
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Name"),
            self.tr("Submitted"),
            self.tr("Labelled"),
            self.tr("Funded"),
            self.tr("Label rate"),
            self.tr("Funding rate"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        name, c = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return name
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return name or self.tr("(no call)")
            return (
                None,
                formatting.number(c.submitted),
                formatting.number(c.labelled),
                formatting.number(c.funded),
                _percent(c.label_rate),
                _percent(c.funding_rate),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DueModel(QAbstractTableModel):
    """Items overdue, then due soon: due date, project, what, funder, days."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[DueItem] = []

    def set_rows(self, rows: list[DueItem]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Due on"),
            self.tr("Project"),
            self.tr("What"),
            self.tr("Funder"),
            self.tr("Delay"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 3):
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return formatting.day(item.due_on)
            if column == 1:
                return f"{item.reference} {item.acronym}".strip()
            if column == 2:
                kind = formatting.label("FollowUpKind", item.kind.value)
                return kind if not item.title or item.title == kind else f"{kind} — {item.title}"
            if column == 3:
                return item.funder
            if item.days < 0:
                return self.tr("%n day(s) late", "", -item.days)
            return self.tr("in %n day(s)", "", item.days)
        if role == Qt.ItemDataRole.ForegroundRole and item.days < 0:
            from PySide6.QtGui import QColor

            return QColor("#B00020")
        return None


def _compact_rows(view: QTableView) -> None:
    """One line a row, of a fixed height: sizing every row from its contents made each layout
    pass of the dashboard ask every cell (the GUI thread stalled while the charts were drawn)."""
    height = view.fontMetrics().height() + 6
    header = view.verticalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setDefaultSectionSize(height)
    header.setMinimumSectionSize(height)


class FollowUpPanel(QWidget):
    """Conversion per funder or call beside the overdue and due items (next 30 days)."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.data: FollowUpData | None = None
        self._seq = 0

        self.by = QComboBox()
        self.by.setObjectName("conversionBy")
        self.by.addItem(self.tr("per funder"), "funder")
        self.by.addItem(self.tr("per call"), "call")
        self.by.currentIndexChanged.connect(self._show_conversion)
        self.conversion = ConversionModel(self)
        conversion_view = QTableView()
        conversion_view.setObjectName("conversionTable")
        conversion_view.setModel(self.conversion)
        conversion_view.verticalHeader().hide()
        conversion_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        conversion_view.setMinimumHeight(260)
        _compact_rows(conversion_view)
        self.conversion_view = conversion_view
        by_label = QLabel(self.tr("Conversion"))
        by_label.setBuddy(self.by)
        head = QHBoxLayout()
        head.addWidget(by_label)
        head.addWidget(self.by)
        head.addStretch(1)
        left = QGroupBox(self.tr("Submissions: labelled → funded"))
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(head)
        left_layout.addWidget(conversion_view)

        self.digest = QLabel()
        self.digest.setObjectName("dueDigest")
        self.digest.setWordWrap(True)
        self.due = DueModel(self)
        due_view = QTableView()
        due_view.setObjectName("dueTable")
        due_view.setModel(self.due)
        due_view.verticalHeader().hide()
        due_view.setWordWrap(False)
        due_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        due_view.horizontalHeader().setResizeContentsPrecision(60)  # the first rows tell
        due_view.setMinimumHeight(260)
        _compact_rows(due_view)
        self.due_view = due_view
        right = QGroupBox(self.tr("Overdue and due in the next 30 days"))
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.digest)
        right_layout.addWidget(due_view)

        # One above the other: each table gets the dashboard's whole width (side by side at
        # 1366 pixels, names and titles were cut to a few letters).
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(right)
        layout.addWidget(left)

    def refresh(self, db: Database | None) -> None:
        """Reads the figures again (off the GUI thread); results of an older call are dropped."""
        if db is None:
            return
        self._seq += 1
        seq = self._seq
        self.runner.submit(read_follow_up, db, on_done=lambda data: self._ready(seq, data))

    def _ready(self, seq: int, data: FollowUpData) -> None:
        if seq != self._seq:
            return
        from ...services.follow_up import digest

        self.data = data
        self._show_conversion()
        self.due.set_rows(data.due.overdue + data.due.due)
        # Sized once per refresh (a column sized by its contents asks every row at each layout).
        for column in (0, 1, 3, 4):
            self.due_view.resizeColumnToContents(column)
        text = digest(data.due)
        self.digest.setText(text[:1].upper() + text[1:] if text else self.tr("Nothing is due."))

    def _show_conversion(self) -> None:
        if self.data is None:
            return
        by = self.by.currentData()
        self.conversion.set_rows(self.data.by_funder if by == "funder" else self.data.by_call)
        for column in range(1, self.conversion.columnCount()):
            self.conversion_view.resizeColumnToContents(column)

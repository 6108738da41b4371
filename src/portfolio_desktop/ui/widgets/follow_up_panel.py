"""The dashboard's follow-up panel: conversion per funder or per call, and what is overdue or due.

Both are read off the GUI thread (the dashboard's runner); the panel holds plain rows only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
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
from ..models.read_only_table import RIGHT, Column, ReadOnlyTableModel
from ..tasks import TaskRunner

if TYPE_CHECKING:  # the queries (SQLAlchemy, numpy) load in the worker, not with the dashboard
    from ...services.follow_up import DueItem, DueReport
    from ...storage.database import Database

LATE = QColor("#B00020")


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


class ConversionModel(ReadOnlyTableModel[tuple[str, Conversion]]):
    """Submissions, labelled and funded ones per funder or call, with the two rates."""

    def columns(self) -> list[Column[tuple[str, Conversion]]]:
        return [
            Column(
                self.tr("Name"),
                lambda row: row[0] or self.tr("(no call)"),
                tooltip=lambda row: row[0],
            ),
            Column(self.tr("Submitted"), lambda row: formatting.number(row[1].submitted), RIGHT),
            Column(self.tr("Labelled"), lambda row: formatting.number(row[1].labelled), RIGHT),
            Column(self.tr("Funded"), lambda row: formatting.number(row[1].funded), RIGHT),
            Column(self.tr("Label rate"), lambda row: _percent(row[1].label_rate), RIGHT),
            Column(self.tr("Funding rate"), lambda row: _percent(row[1].funding_rate), RIGHT),
        ]


def _what(item: DueItem) -> str:
    kind = formatting.label("FollowUpKind", item.kind.value)
    return kind if not item.title or item.title == kind else f"{kind} — {item.title}"


def _funder(item: DueItem) -> str:
    return item.funder


class DueModel(ReadOnlyTableModel["DueItem"]):
    """Items overdue, then due soon: due date, project, what, funder, days; late ones in red."""

    def columns(self) -> list[Column[DueItem]]:
        return [
            Column(self.tr("Due on"), lambda item: formatting.day(item.due_on)),
            Column(self.tr("Project"), lambda item: f"{item.reference} {item.acronym}".strip()),
            Column(self.tr("What"), _what, tooltip=_what),
            Column(self.tr("Funder"), _funder, tooltip=_funder),
            Column(self.tr("Delay"), self._delay),
        ]

    def _delay(self, item: DueItem) -> str:
        if item.days < 0:
            return self.tr("%n day(s) late", "", -item.days)
        return self.tr("in %n day(s)", "", item.days)

    def row_data(self, item: DueItem, role: int) -> Any:
        return LATE if role == Qt.ItemDataRole.ForegroundRole and item.days < 0 else None


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
        rows = self.data.by_funder if by == "funder" else self.data.by_call
        self.conversion.set_rows(list(rows.items()))
        for column in range(1, self.conversion.columnCount()):
            self.conversion_view.resizeColumnToContents(column)

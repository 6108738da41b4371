"""The timeline: projects from start to end, one line each, with their milestones and reports.

A diamond is an item of the project's follow-up: green when done, red when overdue, grey when
still to come; a red line marks today. The rows are read off the GUI thread (`services.follow_up
.timeline`) and painted by `TimelineCanvas`; a double click opens the project in the table.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...domain.filters import ProjectFilter
from ...services.follow_up import TimelineRow, timeline
from .. import formatting
from ..context import AppContext, Scope
from ..errors import show_error

ROW = 22
LABEL_WIDTH = 230
AXIS = 26
COLOURS = {
    "done": QColor("#2E8B57"),
    "late": QColor("#C62828"),
    "coming": QColor("#8A8A8A"),
    "bar": QColor("#9DB8DC"),
    "bar_closed": QColor("#CFD8E3"),
}


class TimelineCanvas(QWidget):
    """Paints the rows: labels on the left, a yearly axis on top, a bar per project."""

    #: The user double-clicked a project's line: its id.
    project_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TimelineRow] = []
        self.today = date.today()
        self.first = self.last = self.today
        self.setMouseTracking(True)

    def set_rows(self, rows: list[TimelineRow], today: date | None = None) -> None:
        self.rows = rows
        self.today = today or date.today()
        if rows:
            self.first = date(min(r.start_on for r in rows).year, 1, 1)
            last = max(max(r.end_on for r in rows), self.today)
            self.last = date(last.year + 1, 1, 1)
        self.updateGeometry()
        self.setMinimumHeight(AXIS + ROW * max(1, len(rows)) + 4)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(900, AXIS + ROW * max(1, len(self.rows)) + 4)

    def _x(self, day: date) -> float:
        span = max(1, (self.last - self.first).days)
        width = max(1, self.width() - LABEL_WIDTH - 12)
        return LABEL_WIDTH + width * (day - self.first).days / span

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        if not self.rows:
            painter.setPen(QColor("#666666"))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No project in this view.")
            )
            return
        height = self.height()
        grid = QPen(QColor("#E3E8EF"))
        painter.setPen(grid)
        step = 1 if self.last.year - self.first.year <= 12 else 2
        for year in range(self.first.year, self.last.year + 1, step):
            x = self._x(date(year, 1, 1))
            painter.setPen(grid)
            painter.drawLine(QPointF(x, AXIS - 4), QPointF(x, height))
            if x + 40 < self.width():  # the last year's label would be cut at the edge
                painter.setPen(QColor("#555555"))
                painter.drawText(
                    QRectF(x + 3, 2, 60, AXIS - 6), Qt.AlignmentFlag.AlignVCenter, str(year)
                )
        metrics = painter.fontMetrics()
        for index, row in enumerate(self.rows):
            top = AXIS + index * ROW
            if index % 2:
                painter.fillRect(QRectF(0, top, self.width(), ROW), QColor("#F7F9FC"))
            painter.setPen(QColor("#222222"))
            text = metrics.elidedText(
                f"{row.reference}  {row.acronym}", Qt.TextElideMode.ElideRight, LABEL_WIDTH - 10
            )
            painter.drawText(
                QRectF(6, top, LABEL_WIDTH - 8, ROW), Qt.AlignmentFlag.AlignVCenter, text
            )
            x0, x1 = self._x(row.start_on), self._x(row.end_on)
            colour = COLOURS["bar_closed" if row.status in ("closed", "abandoned") else "bar"]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x0, top + 6, max(2.0, x1 - x0), ROW - 12), 3, 3)
            for due, done, _kind in row.items:
                state = "done" if done else ("late" if due < self.today else "coming")
                painter.setBrush(COLOURS[state])
                cx, cy = self._x(due), top + ROW / 2
                painter.drawPolygon(
                    QPolygonF([QPointF(cx, cy - 5), QPointF(cx + 5, cy), QPointF(cx, cy + 5),
                               QPointF(cx - 5, cy)])
                )  # fmt: skip
        painter.setPen(QPen(QColor("#C62828"), 1.5, Qt.PenStyle.DashLine))
        x = self._x(self.today)
        painter.drawLine(QPointF(x, AXIS - 4), QPointF(x, height))
        painter.end()

    def _row_at(self, y: float) -> TimelineRow | None:
        index = int((y - AXIS) // ROW)
        return self.rows[index] if 0 <= index < len(self.rows) and y >= AXIS else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(event.position().y())
        if row is None:
            QToolTip.hideText()
            return
        near = [
            (due, done, kind)
            for due, done, kind in row.items
            if abs(self._x(due) - event.position().x()) <= 6
        ]
        lines = [f"{row.reference} {row.acronym}".strip()]
        lines.append(f"{formatting.day(row.start_on)} → {formatting.day(row.end_on)}")
        for due, done, kind in near:
            state = (
                self.tr("done on %1").replace("%1", formatting.day(done))
                if done
                else self.tr("overdue")
                if due < self.today
                else self.tr("to come")
            )
            lines.append(
                f"{formatting.label('FollowUpKind', kind)} {formatting.day(due)} ({state})"
            )
        QToolTip.showText(event.globalPosition().toPoint(), "\n".join(lines), self)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(event.position().y())
        if row is not None:
            self.project_activated.emit(row.project_id)


class TimelineView(QWidget):
    """The timeline page: which projects to draw, then the canvas in a scroll area."""

    #: Asks the main window to show these projects in the table.
    show_projects = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._seq = 0
        self.scope = QComboBox()
        self.scope.setObjectName("timelineScope")
        self.scope.addItem(self.tr("Running projects"), "running")
        self.scope.addItem(self.tr("Funded and running"), "funded")
        self.scope.addItem(self.tr("Every funded project, closed ones too"), "all")
        self.scope.currentIndexChanged.connect(self.reload)
        label = QLabel(self.tr("Show"))
        label.setBuddy(self.scope)
        self.legend = QLabel(
            self.tr("◆ green: done · red: overdue · grey: to come — red line: today")
        )
        self.legend.setStyleSheet("color: #555555;")
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.scope)
        top.addSpacing(12)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.legend)
        self.canvas = TimelineCanvas()
        self.canvas.project_activated.connect(self._activated)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.canvas)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        ctx.data_changed.connect(
            lambda scope, _ids: self.reload() if scope in (Scope.PROJECTS, Scope.ALL) else None
        )
        ctx.database_changed.connect(lambda _db: self.reload())
        self.reload()

    def reload(self, *_args: Any) -> None:
        db = self.ctx.db
        if db is None:
            self.canvas.set_rows([])
            return
        self._seq += 1
        seq = self._seq
        scope = self.scope.currentData()
        self.ctx.read(
            timeline,
            db,
            scope,
            on_done=lambda rows: self._ready(seq, rows),
            on_error=lambda error: show_error(self, error),
        )

    def _ready(self, seq: int, rows: list[TimelineRow]) -> None:
        if seq != self._seq:
            return
        self.canvas.set_rows(rows)
        self.count.setText(self.tr("%n project(s)", "", len(rows)))

    def _activated(self, project_id: int) -> None:
        self.show_projects.emit(ProjectFilter(project_ids=(project_id,)))

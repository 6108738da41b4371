"""A chart on screen: a matplotlib figure on a Qt canvas, with exact values on hover, a click that
selects the projects behind a bar, and an Export button.

This is the only module of the application that imports matplotlib's Qt backend; the dashboard
imports it when it is first shown, so that starting the desktop never pays for matplotlib.
"""

from __future__ import annotations

import re
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QCursor, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFileDialog,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...services import charts


class _FigureCanvas(FigureCanvasQTAgg):
    """Matplotlib's Qt canvas, leaving the mouse wheel to the page: the dashboard's charts cover
    most of it, and a wheel or a touchpad over one must scroll the page (the charts do not zoom)."""

    def wheelEvent(self, event: Any) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is None:
            event.ignore()
            return
        viewport = parent.viewport()
        local = viewport.mapFromGlobal(event.globalPosition())
        forwarded = QWheelEvent(
            local,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        QApplication.sendEvent(viewport, forwarded)
        event.setAccepted(forwarded.isAccepted())


class ChartCanvas(QWidget):
    """One chart of the dashboard; the figure is drawn by a `services.charts` builder."""

    #: A bar, a segment or a funnel step was clicked: what it stands for (`analytics.filter_for`).
    clicked = Signal(object)
    #: The user chose a file to export this chart to (a .png, .svg or .pdf path).
    export_requested = Signal(str)
    #: The canvas finished drawing the figure (a repaint after a change).
    repainted = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"chart-{name}")
        self.figure = Figure(figsize=charts.SIZE, dpi=100)
        self.figure.set_facecolor("white")
        self.canvas = _FigureCanvas(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save this chart as PNG, SVG or PDF"))
        self.export_button.setAutoRaise(True)
        self.export_button.clicked.connect(self._ask_export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas)
        self.canvas.mpl_connect("motion_notify_event", self._hover)
        self.canvas.mpl_connect("button_press_event", self._press)
        self.canvas.mpl_connect("figure_leave_event", lambda _event: QToolTip.hideText())
        self.canvas.mpl_connect("resize_event", self._resized)
        self.canvas.mpl_connect("draw_event", self._drawn)
        self._tip = ""
        self._background: Any = None
        self._background_key: object = None
        self._capturing = False

    def _drawn(self, _event: Any) -> None:
        if not self._capturing:
            self.repainted.emit()

    def _resized(self, _event: Any) -> None:
        charts.relayout(self.figure)
        self._background = None

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        hint = self.export_button.sizeHint()
        self.export_button.setGeometry(
            self.width() - hint.width() - 4, 4, hint.width(), hint.height()
        )
        self.export_button.raise_()

    def redraw(self, partial: charts.PartialUpdate | None = None) -> None:
        """Repaints the figure: when the builder changed only some artists (`partial`), those
        alone over the saved picture of the rest (blitting), else all of it, when idle."""
        if partial is None:
            self._background = None
            self.canvas.draw_idle()
            return
        size = self._size()
        if self._background is None or self._background_key != (partial.background, size):
            # Draw everything but the changing artists once, and keep it as the background.
            # Each artist gets its own visibility back: a hidden one (the "no data" text over
            # bars, the axes' top spine) must stay hidden.
            visible = [artist.get_visible() for artist in partial.artists]
            for artist in partial.artists:
                artist.set_visible(False)
            self._capturing = True
            try:
                self.canvas.draw()
            finally:
                self._capturing = False
                for artist, shown in zip(partial.artists, visible, strict=True):
                    artist.set_visible(shown)
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
            self._background_key = (partial.background, size)
        else:
            self.canvas.restore_region(self._background)
        for artist in partial.artists:
            self.figure.draw_artist(artist)
        self.canvas.blit(self.figure.bbox)
        self.repainted.emit()

    def _size(self) -> tuple[int, int]:
        return self.canvas.get_width_height(physical=True)

    def _hover(self, event: Any) -> None:
        hit = charts.hit_at(self.figure, event.x, event.y) if event.x is not None else None
        if hit is None:
            if self._tip:
                QToolTip.hideText()
                self._tip = ""
            self.canvas.unsetCursor()
            return
        if hit.target:
            self.canvas.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        else:
            self.canvas.unsetCursor()
        if hit.text != self._tip:
            self._tip = hit.text
            QToolTip.showText(self._global_position(event), hit.text, self.canvas)

    def _global_position(self, event: Any) -> QPoint:
        gui = getattr(event, "guiEvent", None)
        if gui is not None and hasattr(gui, "globalPosition"):
            return gui.globalPosition().toPoint()  # type: ignore[no-any-return]
        ratio = self.canvas.device_pixel_ratio or 1
        local = QPoint(int(event.x / ratio), int(self.canvas.height() - event.y / ratio))
        return self.canvas.mapToGlobal(local)

    def _press(self, event: Any) -> None:
        if event.button != 1 or event.x is None:
            return
        hit = charts.hit_at(self.figure, event.x, event.y)
        if hit is not None and hit.target:
            self.clicked.emit(dict(hit.target))

    def _ask_export(self) -> None:
        filters = {
            ".png": self.tr("PNG image (*.png)"),
            ".svg": self.tr("SVG drawing (*.svg)"),
            ".pdf": self.tr("PDF document (*.pdf)"),
        }
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the chart"), f"{self.name}.png", ";;".join(filters.values())
        )
        if not path:
            return
        found = re.search(r"\*(\.\w+)", chosen or "")
        suffix = found.group(1).lower() if found else ".png"
        if not path.lower().endswith(tuple(filters)):
            path += suffix
        self.export_requested.emit(path)

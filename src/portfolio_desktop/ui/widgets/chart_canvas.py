"""A chart on screen: a matplotlib figure on a Qt canvas, with exact values on hover, a click that
selects the projects behind a bar, and an Export button.

This is the only module of the application that imports matplotlib's Qt backend; the dashboard
imports it when it is first shown, so that starting the desktop never pays for matplotlib.
Figures are built and drawn by the chart thread (`tasks.chart_runner`), which hands the GUI thread
a finished picture: whatever matplotlib costs, the window keeps repainting.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QCursor, QImage, QPainter, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...services import charts
from ..errors import show_error
from ..file_dialogs import save_file_name
from ..tasks import chart_runner


class _FigureCanvas(FigureCanvasQTAgg):
    """Matplotlib's Qt canvas for its mouse events, showing the picture its chart's thread drew:
    it never draws on the GUI thread (a chart takes 50–500 ms to draw). It leaves the mouse wheel
    to the page: the charts cover most of it, and a wheel or a touchpad over one must scroll it."""

    owner: ChartCanvas | None = None

    def __init__(self, owner: ChartCanvas) -> None:
        super().__init__(owner.figure)  # type: ignore[no-untyped-call]  # matplotlib's Qt canvas is unannotated
        self.owner = owner

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), Qt.GlobalColor.white)
            image = self.owner.image if self.owner is not None else None
            if image is not None:
                painter.drawImage(QPoint(0, 0), image)
        finally:
            painter.end()

    def draw_idle(self) -> None:
        # Matplotlib asks for a redraw (its own events): drawn in the chart's thread.
        if self.owner is not None:
            self.owner.redraw()

    def resizeEvent(self, event: Any) -> None:
        QWidget.resizeEvent(self, event)
        if self.owner is not None:
            self.owner.redraw()  # at the new size, in the chart's thread

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


#: Dots per inch of a printed chart (A4 landscape: about 2,300 pixels across).
PRINT_DPI = 200


class ChartCanvas(QWidget):
    """One chart of the dashboard; the figure is built by a `services.charts` builder and drawn,
    both in the chart thread (`tasks.chart_runner`), or inline when `synchronous` (tests)."""

    #: A bar, a segment or a funnel step was clicked: what it stands for (`analytics.filter_for`).
    clicked = Signal(object)
    #: The user chose a file to export this chart to (a .png, .svg or .pdf path).
    export_requested = Signal(str)
    #: The canvas shows the figure as last built (a drawing asked for has arrived on screen).
    repainted = Signal()
    #: The print preview of the chart is open (the dialog).
    print_preview_opened = Signal(object)

    def __init__(
        self, name: str, parent: QWidget | None = None, *, synchronous: bool = False
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.synchronous = synchronous
        self.setObjectName(f"chart-{name}")
        self.figure = Figure(figsize=charts.SIZE, dpi=100)
        self.figure.set_facecolor("white")
        #: The last picture drawn, shown by the canvas's paint events.
        self.image: QImage | None = None
        # Held by the chart's thread while it builds or draws the figure; the GUI thread reads
        # the figure (hover, clicks) only when it gets it at once.
        self._lock = threading.Lock()
        self._asked = 0  # drawings asked for (each has its number)
        self._shown = 0  # the number of the drawing on screen
        self.canvas = _FigureCanvas(self)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save this chart as PNG, SVG or PDF"))
        self.export_button.setAutoRaise(True)
        self.export_button.clicked.connect(self._ask_export)
        self.print_button = QToolButton(self)
        self.print_button.setText(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Print this chart, with a preview"))
        self.print_button.setAutoRaise(True)
        self.print_button.clicked.connect(self.ask_print)
        # Printed under the chart: what it shows (the dashboard sets the filter in words).
        self.print_footer = ""
        self.preview: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas)
        self.canvas.mpl_connect("motion_notify_event", self._hover)
        self.canvas.mpl_connect("button_press_event", self._press)
        self.canvas.mpl_connect("figure_leave_event", lambda _event: QToolTip.hideText())
        self._tip = ""

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        hint = self.export_button.sizeHint()
        self.export_button.setGeometry(
            self.width() - hint.width() - 4, 4, hint.width(), hint.height()
        )
        self.export_button.raise_()
        printing = self.print_button.sizeHint()
        self.print_button.setGeometry(
            self.width() - hint.width() - printing.width() - 6, 4, printing.width(), hint.height()
        )
        self.print_button.raise_()

    def show_chart(self, build: Callable[[Figure], object]) -> None:
        """Builds the figure with `build(figure)` and draws it, off the GUI thread; `repainted`
        follows when the picture is on screen."""
        self._ask(build)

    def redraw(self, _partial: object = None) -> None:
        """Draws the figure again as it is (after a resize), off the GUI thread."""
        self._ask(None)

    def _ask(self, build: Callable[[Figure], object] | None) -> None:
        self._asked += 1
        ratio = self.canvas.device_pixel_ratio or 1
        size = (round(self.canvas.width() * ratio), round(self.canvas.height() * ratio))
        if self.synchronous:
            self._show(self._draw(self._asked, build, size, ratio))
            return
        chart_runner().submit(
            self._draw, self._asked, build, size, ratio, on_done=self._show, on_error=self._failed
        )

    def _draw(
        self,
        number: int,
        build: Callable[[Figure], object] | None,
        size: tuple[int, int],
        ratio: float,
    ) -> tuple[int, QImage | None]:
        """In the chart's thread: builds, sizes and draws the figure; its picture as a QImage,
        or None when a later drawing asked for will draw it anyway."""
        with self._lock:
            if build is not None:
                build(self.figure)
            if number != self._asked or size[0] <= 0 or size[1] <= 0:
                return number, None
            dpi = self.figure.dpi
            self.figure.set_size_inches(size[0] / dpi, size[1] / dpi, forward=False)
            charts.relayout(self.figure)
            FigureCanvasAgg.draw(self.canvas)  # type: ignore[no-untyped-call]  # unannotated in matplotlib
            buffer = self.canvas.buffer_rgba()  # type: ignore[no-untyped-call]  # unannotated in matplotlib
            image = QImage(
                bytes(buffer), size[0], size[1], size[0] * 4, QImage.Format.Format_RGBA8888
            ).copy()
        image.setDevicePixelRatio(ratio)
        return number, image

    def _show(self, drawn: tuple[int, QImage | None]) -> None:
        number, image = drawn
        if image is None or number < self._shown:
            return
        self._shown = number
        self.image = image
        self.canvas.update()
        if number == self._asked:
            self.repainted.emit()

    def ask_print(self) -> None:
        """Draws the chart at print resolution in the chart's thread, then opens the preview."""
        if self.synchronous:
            self._open_preview(self._print_picture())
            return
        chart_runner().submit(
            self._print_picture, on_done=self._open_preview, on_error=self._failed
        )

    def _print_picture(self) -> bytes:
        import io

        with self._lock:
            buffer = io.BytesIO()
            self.figure.savefig(buffer, format="png", dpi=PRINT_DPI)
        return buffer.getvalue()

    def _open_preview(self, png: object) -> None:
        from ..printing import preview_dialog

        image = QImage.fromData(bytes(png))  # type: ignore[call-overload]
        self.preview = preview_dialog(self, [image], self.print_footer)
        self.preview.open()
        self.print_preview_opened.emit(self.preview)

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)

    def _hit(self, event: Any) -> charts.Hit | None:
        """What the mouse is over; None while the chart's thread is building or drawing."""
        if event.x is None or not self._lock.acquire(blocking=False):
            return None
        try:
            return charts.hit_at(self.figure, event.x, event.y)
        finally:
            self._lock.release()

    def _hover(self, event: Any) -> None:
        hit = self._hit(event)
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
        point: QPoint = self.canvas.mapToGlobal(local)
        return point

    def _press(self, event: Any) -> None:
        if event.button != 1:
            return
        hit = self._hit(event)
        if hit is not None and hit.target:
            self.clicked.emit(dict(hit.target))

    def file_stem(self) -> str:
        """The file name proposed for this chart, in the user's language (« aide-par-annee »)."""
        stems = {
            "funding-over-time": self.tr("funding-over-time"),
            "pipeline": self.tr("pipeline"),
            "funding-by-domain": self.tr("funding-by-domain"),
            "funding-by-funder": self.tr("funding-by-funder"),
            "partners-by-kind": self.tr("partners-by-kind"),
            "partners-by-region": self.tr("partners-by-region"),
            "maturity": self.tr("responsible-digital-maturity"),
        }
        return stems.get(self.name, self.name)

    def _ask_export(self) -> None:
        filters = {
            ".png": self.tr("PNG image (*.png)"),
            ".svg": self.tr("SVG drawing (*.svg)"),
            ".pdf": self.tr("PDF document (*.pdf)"),
        }
        path, chosen = save_file_name(
            self,
            "chart",
            self.tr("Export the chart"),
            f"{self.file_stem()}.png",
            ";;".join(filters.values()),
        )
        if not path:
            return
        found = re.search(r"\*(\.\w+)", chosen or "")
        suffix = found.group(1).lower() if found else ".png"
        if not path.lower().endswith(tuple(filters)):
            path += suffix
        self.export_requested.emit(path)

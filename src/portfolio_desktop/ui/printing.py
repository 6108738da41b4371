"""Printing with a preview (Qt's QPrintPreviewDialog): a chart, or the dashboard page.

What is printed is a picture made beforehand — a chart drawn at print resolution by the chart
thread, the dashboard grabbed as it is on screen — so that painting the preview's pages only
scales pictures and never waits on matplotlib or the database.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

#: Points of the footer line (the title and the filter in words) under each printed page.
FOOTER_POINTS = 8


def paint_pages(
    printer: QPrinter, pictures: Sequence[QImage], footer: str, *, split: bool = False
) -> int:
    """Paints the pictures on the printer's pages, each scaled to fit its page (or, `split`,
    scaled to the page's width and cut across as many pages as its height takes), the footer
    under each; returns the pages painted."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    pages = 0
    try:
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        font = painter.font()
        font.setPointSizeF(FOOTER_POINTS)
        painter.setFont(font)
        footer_height = painter.fontMetrics().height() * 1.6
        area = QRectF(0, 0, page.width(), page.height() - footer_height)
        for picture in pictures:
            if picture.isNull():
                continue
            slices: list[QRectF]
            if split:
                scale = area.width() / picture.width()
                slice_height = area.height() / scale
                slices = []
                top = 0.0
                while top < picture.height():
                    height = min(slice_height, picture.height() - top)
                    slices.append(QRectF(0, top, picture.width(), height))
                    top += slice_height
            else:
                slices = [QRectF(picture.rect())]
            for source in slices:
                if pages:
                    printer.newPage()
                scale = min(area.width() / source.width(), area.height() / source.height())
                target = QRectF(0, 0, source.width() * scale, source.height() * scale)
                if not split:
                    target.moveCenter(area.center())
                painter.drawImage(target, picture, source)
                painter.setPen(Qt.GlobalColor.darkGray)
                painter.drawText(
                    QRectF(0, area.height(), page.width(), footer_height),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    footer,
                )
                pages += 1
    finally:
        painter.end()
    return pages


def preview_dialog(
    parent: QWidget | None,
    pictures: Sequence[QImage],
    footer: str,
    *,
    split: bool = False,
    landscape: bool = True,
) -> QPrintPreviewDialog:
    """A print preview of the pictures (A4, landscape for a chart, portrait for a page)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    from PySide6.QtGui import QPageLayout, QPageSize

    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("printPreview")
    kept = list(pictures)
    dialog.paintRequested.connect(lambda target: paint_pages(target, kept, footer, split=split))
    # The printer lives as long as the dialog (Qt does not own it).
    dialog._printer = printer  # type: ignore[attr-defined]
    return dialog


def widget_picture(widget: QWidget) -> QImage:
    """The widget as it is on screen, at the screen's resolution."""
    pixmap: QPixmap = widget.grab()
    return pixmap.toImage()

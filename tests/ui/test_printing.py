"""Print previews (QPrintPreviewDialog) of a chart and of the dashboard page, built offscreen,
and their pages painted into a PDF printer to see what would come out."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.ui.printing import paint_pages
from portfolio_desktop.ui.tasks import TaskRunner


@pytest.fixture
def view(qtbot, pole_db) -> Any:
    from portfolio_desktop.ui.views.dashboard_view import DashboardView

    dashboard = DashboardView(pole_db, TaskRunner(synchronous=True))
    qtbot.addWidget(dashboard)
    dashboard.resize(1166, 700)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    dashboard.set_filter(ProjectFilter(regions=("BRE",)))
    qtbot.waitUntil(lambda: "Bretagne" in dashboard.filter_line.text())
    return dashboard


def _pdf(printer_pages: Any, tmp_path: Path, name: str) -> Path:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / name
    printer.setOutputFileName(str(out))
    printer_pages(printer)
    return out


def _page_count(preview: QPrintPreviewDialog) -> int:
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    widget.updatePreview()
    return widget.pageCount()


def test_print_preview_of_a_chart(qtbot, view, tmp_path: Path) -> None:
    canvas = view.canvases["pipeline"]
    with qtbot.waitSignal(canvas.print_preview_opened) as opened:
        qtbot.mouseClick(canvas.print_button, Qt.MouseButton.LeftButton)
    preview = opened.args[0]
    assert isinstance(preview, QPrintPreviewDialog) and preview.isVisible()
    assert _page_count(preview) == 1
    assert canvas.print_footer == "Filtre : Régions : Bretagne"
    picture = canvas._print_picture()
    from PySide6.QtGui import QImage

    image = QImage.fromData(picture)
    assert image.width() >= 1000  # drawn at print resolution, not the screen's
    pdf = _pdf(lambda p: paint_pages(p, [image], canvas.print_footer), tmp_path, "chart.pdf")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Filtre : Régions : Bretagne" in " ".join(text.split())
    preview.close()


def test_print_preview_of_the_dashboard_page(qtbot, view, tmp_path: Path) -> None:
    view.resize(711, 700)  # one chart a row: a page three times as long as it is wide
    qtbot.waitUntil(lambda: view.body.height() > 3 * view.body.width())
    preview = view.print_preview()
    assert isinstance(preview, QPrintPreviewDialog) and preview.isVisible()
    pages = _page_count(preview)
    from portfolio_desktop.ui.printing import widget_picture

    picture = widget_picture(view.body)
    assert picture.height() > 3 * picture.width()  # the whole page, its lower charts included
    # Cut across A4 portrait pages (√2 as tall as wide, less the footer): three at least.
    assert pages >= 3
    painted = []
    pdf = _pdf(
        lambda p: painted.append(paint_pages(p, [picture], "pied", split=True)),
        tmp_path,
        "page.pdf",
    )
    assert painted == [pages] and pdf.stat().st_size > 10_000
    preview.close()

"""Generates the application icon per OS from resources/icons/portfolio-desktop.svg.

    python packaging/icons.py [OUT]     # default OUT: packaging/build/icons

Writes `hicolor/<N>x<N>/apps/fr.poles.PortfolioDesktop.png` (Linux icon theme sizes, plus
`scalable/` with the SVG), `portfolio-desktop.png` (256 px), `portfolio-desktop.ico` (Windows:
16–256 px) and `portfolio-desktop.icns` (macOS: 16–1024 px). Qt's SVG renderer draws each size
from the vector source (no blurry downscaling of one bitmap); Pillow, already there as
matplotlib's dependency, writes the ICO and ICNS containers. Nothing generated is committed.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "portfolio-desktop.svg"
APP_ID = "fr.poles.PortfolioDesktop"
THEME_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(size: int, source: Path = SOURCE) -> bytes:
    """The SVG drawn on a transparent `size`×`size` image, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render_png.app = QGuiApplication([])  # type: ignore[attr-defined]  # kept alive
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: not a valid SVG for Qt")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def generate(out: Path) -> list[Path]:
    """Writes every icon file under `out`; returns them."""
    from PIL import Image

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    images: dict[int, Image.Image] = {}
    for size in (*THEME_SIZES, 1024):
        png = render_png(size)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
        if size in THEME_SIZES:
            target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(png)
            written.append(target)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    written.append(scalable)

    flat = out / "portfolio-desktop.png"
    images[256].save(flat)
    ico = out / "portfolio-desktop.ico"
    # Each ICO entry from its own rendering: Pillow picks the closest larger frame per size.
    images[256].save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != 256],
    )
    icns = out / "portfolio-desktop.icns"
    images[1024].save(
        icns, format="ICNS", append_images=[images[s] for s in (16, 32, 64, 128, 256, 512)]
    )
    written += [flat, ico, icns]
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "packaging" / "build" / "icons"
    for path in generate(out):
        print(path.relative_to(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The dashboard as a PowerPoint deck (python-pptx): a title slide, then one slide per chart with
its title in words of the deck's language and, in the footer, the filter in words and the day
the figures stand at. Written to a temporary file and renamed into place, like the report.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from .. import messages
from ..domain.filters import ProjectFilter
from . import charts
from .analytics import Analytics
from .filter_words import describe_filter
from .progress import Progress, Silent
from .report import REPORT_CHARTS, as_of_words, scope_words

#: 16:9 slides, in inches (PowerPoint's default widescreen).
SLIDE = (13.333, 7.5)
PICTURE = (0.42, 1.05, 12.5, 5.65)  # left, top, width, height
DPI = 150
INK = (0x1F, 0x2A, 0x37)
GREY = (0x66, 0x66, 0x66)


def _t(code: str, lang: str, **params: object) -> str:
    return messages.text(code, params, lang)


def footer_words(lines: list[str], today: date, as_of: date | None, lang: str) -> str:
    """« Au 31 décembre 2025 · Statuts : Financé · Régions : Bretagne · Édité le 2 décembre 2026 »."""
    parts = [as_of_words(as_of, lang)] if as_of is not None else []
    parts += lines or [_t("report_no_filter", lang).rstrip(".")]
    parts.append(_t("report_date", lang, date=charts.format_date(today, lang)))
    return " · ".join(parts)


def _chart_png(
    analytics: Analytics, name: str, flt: ProjectFilter, lang: str, by: str
) -> tuple[str, bytes]:
    """The chart drawn for a slide: its title (shown by the slide, not twice) and the PNG."""
    figure = charts.new_figure(PICTURE[2:])
    kind = charts.CHARTS[name]
    kind.build(kind.fetch(analytics, flt, by), lang, figure)
    title = figure.get_suptitle()
    suptitle: Any = getattr(figure, "_suptitle", None)
    if suptitle is not None:
        suptitle.set_visible(False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return title, buffer.getvalue()


def _text_box(slide: Any, box: tuple[float, float, float, float], text: str, size: float,
              colour: tuple[int, int, int], *, bold: bool = False) -> Any:  # fmt: skip
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    shape = slide.shapes.add_textbox(*(Inches(v) for v in box))
    frame = shape.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = RGBColor(*colour)  # type: ignore[no-untyped-call]
    return shape


def _title(slide: Any, text: str) -> None:
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    shape = slide.shapes.title
    shape.left, shape.top = Inches(0.42), Inches(0.25)
    shape.width, shape.height = Inches(12.5), Inches(0.75)
    shape.text = text
    for paragraph in shape.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(26)
            run.font.bold = True
            run.font.color.rgb = RGBColor(*INK)  # type: ignore[no-untyped-call]


def write_deck(
    analytics: Analytics,
    flt: ProjectFilter,
    path: Path,
    lang: str,
    *,
    by: str = "domain",
    as_of: date | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> Path:
    """Writes the deck for the filter to `path` (a .pptx), atomically."""
    from pptx import Presentation
    from pptx.util import Inches

    if path.suffix.lower() != ".pptx":
        from ..errors import KnownError

        raise KnownError("deck_not_pptx", path=str(path))
    progress = progress or Silent()
    today = today or date.today()
    lines = describe_filter(flt, analytics.names(flt), lang)
    footer = footer_words(lines, today, as_of, lang)
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Inches(SLIDE[0]), Inches(SLIDE[1])
    title_layout, only_title = presentation.slide_layouts[0], presentation.slide_layouts[5]

    first = presentation.slides.add_slide(title_layout)
    first.shapes.title.text = f"{_t('report_title', lang)} — {_t('report_subtitle', lang)}"
    subtitle = [as_of_words(as_of, lang), scope_words(analytics, flt, lang), *lines]
    first.placeholders[1].text = "\n".join(line for line in subtitle if line) or _t(
        "report_no_filter", lang
    )
    _text_box(first, (0.42, 6.85, 12.5, 0.45), footer, 10, GREY)
    for index, name in enumerate(REPORT_CHARTS):
        progress.check()
        progress.report(index / (len(REPORT_CHARTS) + 1), "report_progress_charts")
        title, png = _chart_png(analytics, name, flt, lang, by)
        slide = presentation.slides.add_slide(only_title)
        _title(slide, title)
        slide.shapes.add_picture(io.BytesIO(png), *(Inches(v) for v in PICTURE))
        _text_box(slide, (0.42, 6.85, 12.5, 0.45), footer, 10, GREY)

    def write(temporary: Path) -> None:
        with open(temporary, "wb") as handle:
            presentation.save(handle)

    result = charts.write_atomically(path, write)
    progress.report(1.0, "report_progress_writing")
    return result

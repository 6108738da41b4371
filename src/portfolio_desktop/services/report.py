"""The executive report: one multi-page PDF (French or English) of the dashboard for a filter.

A title page with the date and the filters in words, the key figures, every chart, and the table
of the largest funded projects, on A4 landscape pages. Matplotlib's PdfPages writes it into a
temporary file that is renamed into place, so that a failure or a cancellation leaves nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .. import messages
from ..domain.filters import ProjectFilter
from ..domain.money import format_money
from . import charts
from .analytics import Analytics
from .filter_words import describe_filter
from .progress import Progress, Silent

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

A4_LANDSCAPE = (11.69, 8.27)  # inches
FOOTER_INCHES = 0.3  # the band of the page footer (date, page number), kept free by the charts
LARGEST = 15  # projects in the table
#: The charts of the report, in order (funding over time follows the `by` argument).
REPORT_CHARTS = (
    "key-figures",
    "funding-over-time",
    "pipeline",
    "funding-by-domain",
    "funding-by-funder",
    "partners-by-kind",
    "partners-by-region",
    "maturity",
)


def _t(code: str, lang: str, **params: object) -> str:
    return messages.text(code, params, lang)


def scope_words(analytics: Analytics, flt: ProjectFilter, lang: str) -> str:
    """Which pole(s) the figures cover, by name (« Pôle : Images & Réseaux », « 57 pôles »):
    the filter's, else the database's."""
    if flt.cluster_ids:
        names = sorted(analytics.names(flt)["cluster"].values())
    else:
        names = analytics.cluster_names()
    if not names:
        return ""
    if len(names) > 3:
        return _t("report_poles_many", lang, count=len(names))
    return _t("report_poles", lang, count=len(names), names=", ".join(names))


def as_of_words(as_of: date | None, lang: str) -> str:
    """« Au 31 décembre 2025 » / "As of 31 December 2025"; "" for today's portfolio."""
    return "" if as_of is None else _t("report_as_of", lang, date=charts.format_date(as_of, lang))


def _footer(
    figure: Figure, page: int, pages: int, today: date, lang: str, as_of: date | None = None
) -> None:
    left = f"{_t('report_title', lang)} — {charts.format_date(today, lang)}"
    if as_of is not None:
        left = f"{_t('report_title', lang)} — {as_of_words(as_of, lang)} — {_t('report_date', lang, date=charts.format_date(today, lang))}"
    figure.text(0.012, 0.012, left, fontsize=7, color="#777777", ha="left", va="bottom")
    number = _t("report_page", lang, page=page, pages=pages)
    figure.text(0.988, 0.012, number, fontsize=7, color="#777777", ha="right", va="bottom")


def _title_page(
    figure: Figure,
    lines: list[str],
    today: date,
    lang: str,
    place: str,
    as_of: date | None = None,
) -> None:
    figure.patches.append(_band(figure))
    figure.text(
        0.06,
        0.80,
        _t("report_title", lang),
        fontsize=28,
        fontweight="bold",
        color="white",
        va="center",
    )
    figure.text(0.06, 0.72, _t("report_subtitle", lang), fontsize=18, color="white", va="center")
    if as_of is not None:
        figure.text(
            0.06, 0.67, as_of_words(as_of, lang), fontsize=16, fontweight="bold", color="white"
        )
    figure.text(
        0.06,
        0.56,
        _t("report_date", lang, date=charts.format_date(today, lang)),
        fontsize=13,
        color=charts.INK,
    )
    if place:
        figure.text(0.06, 0.515, place, fontsize=12, color=charts.INK)
    figure.text(
        0.06, 0.44, _t("report_filters", lang), fontsize=13, fontweight="bold", color=charts.INK
    )
    shown = lines or [_t("report_no_filter", lang)]
    for i, line in enumerate(shown[:14]):
        text = charts.shorten(line, 120)
        figure.text(0.08, 0.40 - i * 0.028, "• " + text, fontsize=11, color=charts.INK, va="top")


def _band(figure: Figure) -> Patch:
    from matplotlib.patches import Rectangle

    return Rectangle(
        (0, 0.64), 1, 0.24, transform=figure.transFigure, facecolor="#0072B2", edgecolor="none"
    )


def _largest_page(figure: Figure, analytics: Analytics, flt: ProjectFilter, lang: str) -> None:
    projects = analytics.largest_projects(flt, LARGEST)
    charts.draw_title(figure, _t("report_largest", lang, count=len(projects) or LARGEST))
    if not projects:
        figure.text(
            0.5, 0.5, _t("report_none_funded", lang), ha="center", fontsize=12, color="#777777"
        )
        return
    columns = (
        ("report_col_reference", 0.02, "left", 14),
        ("report_col_acronym", 0.135, "left", 16),
        ("report_col_title", 0.255, "left", 58),
        ("report_col_lead", 0.665, "left", 28),
        ("report_col_status", 0.855, "left", 14),
        ("report_col_granted", 0.985, "right", 20),
    )
    top, step = 0.86, 0.049
    for code, x, align, _width in columns:
        figure.text(
            x,
            top,
            _t(code, lang),
            fontsize=9,
            fontweight="bold",
            color=charts.INK,
            ha=align,
            va="center",
        )
    from matplotlib.patches import Rectangle

    for row, project in enumerate(projects):
        y = top - (row + 1) * step
        if row % 2 == 0:
            figure.patches.append(
                Rectangle(
                    (0.012, y - step / 2),
                    0.976,
                    step,
                    transform=figure.transFigure,
                    facecolor="#F3F6FA",
                    edgecolor="none",
                )
            )
        values = (
            project.reference,
            project.acronym,
            project.title,
            project.lead_name,
            messages.label("ProjectStatus", project.status, lang),
            format_money(project.granted_cents, lang, decimals=False),
        )
        for (_code, x, align, width), value in zip(columns, values, strict=True):
            figure.text(
                x,
                y,
                charts.shorten(value, width),
                fontsize=8.5,
                color=charts.INK,
                ha=align,
                va="center",
            )


def write_report(
    analytics: Analytics,
    flt: ProjectFilter,
    path: Path,
    lang: str,
    *,
    by: str = "domain",
    progress: Progress | None = None,
    today: date | None = None,
    as_of: date | None = None,
) -> Path:
    """Writes the executive report for the filter to `path` (a .pdf), atomically; `as_of` says
    on the title page and in the footers the day the figures stand at."""
    charts.check_output(path, (".pdf",))
    progress = progress or Silent()
    today = today or date.today()
    progress.report(0.0, "report_progress_figures")
    names = analytics.names(flt)
    lines = describe_filter(flt, names, lang)
    overview = analytics.overview(flt)
    place = scope_words(analytics, flt, lang)
    progress.check()
    pages = len(REPORT_CHARTS) + 2

    def write(temporary: Path) -> None:
        from matplotlib.backends.backend_pdf import PdfPages

        metadata = {
            "Title": f"{_t('report_title', lang)} — {_t('report_subtitle', lang)}",
            "Creator": "portfolio-desktop",
        }
        with PdfPages(temporary, metadata=metadata) as pdf:
            figure = charts.new_figure(A4_LANDSCAPE)
            _title_page(figure, lines, today, lang, place, as_of)
            _footer(figure, 1, pages, today, lang, as_of)
            pdf.savefig(figure)
            for index, name in enumerate(REPORT_CHARTS, start=2):
                progress.check()
                progress.report(index / (pages + 1), "report_progress_charts")
                figure = charts.new_figure(A4_LANDSCAPE)
                charts.keep_free_at_bottom(figure, FOOTER_INCHES)
                kind = charts.CHARTS[name]
                data = (
                    overview.key_figures
                    if name == "key-figures"
                    else kind.fetch(analytics, flt, by)
                )
                kind.build(data, lang, figure)
                _footer(figure, index, pages, today, lang, as_of)
                pdf.savefig(figure)
            progress.check()
            progress.report(pages / (pages + 1), "report_progress_writing")
            figure = charts.new_figure(A4_LANDSCAPE)
            _largest_page(figure, analytics, flt, lang)
            _footer(figure, pages, pages, today, lang, as_of)
            pdf.savefig(figure)

    result = charts.write_atomically(path, write)
    progress.report(1.0, "report_progress_writing")
    return result

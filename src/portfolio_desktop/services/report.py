"""The executive report: one multi-page PDF (French or English) of the dashboard for a filter.

A title page with the date and the filters in words, the key figures, every chart, and the table
of the largest funded projects, on A4 landscape pages. Matplotlib's PdfPages writes it into a
temporary file that is renamed into place, so that a failure or a cancellation leaves nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .. import messages
from ..domain.filters import ProjectFilter
from ..domain.money import format_money
from . import charts
from .analytics import Analytics
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


def _year_range(start: int | None, end: int | None, lang: str) -> str:
    if start is not None and end is not None:
        return str(start) if start == end else _t("range_between", lang, start=start, end=end)
    if start is not None:
        return _t("range_from", lang, start=start)
    return _t("range_to", lang, end=end)


def describe_filter(
    flt: ProjectFilter, names: Mapping[str, Mapping[int, str]], lang: str
) -> list[str]:
    """The filter in words, one criterion a line; empty when the filter selects everything.

    `names` gives the names of the ids the filter holds (`Analytics.names`).
    """

    def named(table: str, ids: tuple[int, ...]) -> str:
        return ", ".join(names.get(table, {}).get(i, f"#{i}") for i in ids)

    def labelled(kind: str, codes: tuple[str, ...]) -> str:
        return ", ".join(messages.label(kind, code, lang) for code in codes)

    lines: list[str] = []
    if flt.search.strip():
        lines.append(_t("filter_search", lang, value=flt.search.strip()))
    if flt.cluster_ids:
        lines.append(_t("filter_clusters", lang, values=named("cluster", flt.cluster_ids)))
    if flt.statuses:
        lines.append(_t("filter_statuses", lang, values=labelled("ProjectStatus", flt.statuses)))
    if flt.domain_ids:
        lines.append(_t("filter_domains", lang, values=named("domain", flt.domain_ids)))
    if flt.regions:
        regions = ", ".join(charts.region_name(code) for code in flt.regions)
        lines.append(_t("filter_regions", lang, values=regions))
    if flt.call_ids:
        lines.append(_t("filter_calls", lang, values=named("call", flt.call_ids)))
    if flt.year_from is not None or flt.year_to is not None:
        lines.append(_t("filter_years", lang, range=_year_range(flt.year_from, flt.year_to, lang)))
    if flt.funder_ids:
        lines.append(_t("filter_funders", lang, values=named("funder", flt.funder_ids)))
    if flt.funder_kinds:
        kinds = labelled("FunderKind", flt.funder_kinds)
        lines.append(_t("filter_funder_kinds", lang, values=kinds))
    if flt.instruments:
        lines.append(_t("filter_instruments", lang, values=labelled("Instrument", flt.instruments)))
    if flt.funding_year_from is not None or flt.funding_year_to is not None:
        span = _year_range(flt.funding_year_from, flt.funding_year_to, lang)
        lines.append(_t("filter_funding_years", lang, range=span))
    if flt.organisation_kinds:
        kinds = labelled("OrganisationKind", flt.organisation_kinds)
        lines.append(_t("filter_organisation_kinds", lang, values=kinds))
    if flt.organisation_ids:
        values = named("organisation", flt.organisation_ids)
        lines.append(_t("filter_organisations", lang, values=values))
    if flt.responsible_digital is not None:
        code = "filter_responsible_yes" if flt.responsible_digital else "filter_responsible_no"
        lines.append(_t(code, lang))
    if flt.reached:
        lines.append(_t("filter_reached", lang, step=flt.reached))
    if flt.project_ids:
        lines.append(_t("filter_project_ids", lang, count=len(flt.project_ids)))
    if flt.incomplete:
        fields = [_t(f"incomplete_{name}", lang) for name in flt.incomplete]
        lines.append(_t("filter_incomplete", lang, fields=joined_alternatives(fields, lang)))
    if flt.import_batch is not None:
        lines.append(_t("filter_import_batch", lang, batch=flt.import_batch))
    return lines


def joined_alternatives(words: list[str], lang: str) -> str:
    """« domaine, porteur ou budget » / "a domain, a lead partner or a budget"."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {_t('words_or', lang)} {words[-1]}"


def _footer(figure: Figure, page: int, pages: int, today: date, lang: str) -> None:
    left = f"{_t('report_title', lang)} — {charts.format_date(today, lang)}"
    figure.text(0.012, 0.012, left, fontsize=7, color="#777777", ha="left", va="bottom")
    number = _t("report_page", lang, page=page, pages=pages)
    figure.text(0.988, 0.012, number, fontsize=7, color="#777777", ha="right", va="bottom")


def _title_page(figure: Figure, lines: list[str], today: date, lang: str, place: str) -> None:
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
    figure.text(
        0.06,
        0.56,
        _t("report_date", lang, date=charts.format_date(today, lang)),
        fontsize=13,
        color=charts.INK,
    )
    if place:
        figure.text(
            0.06, 0.52, _t("report_database", lang, path=place), fontsize=9, color="#666666"
        )
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
) -> Path:
    """Writes the executive report for the filter to `path` (a .pdf), atomically."""
    charts.check_output(path, (".pdf",))
    progress = progress or Silent()
    today = today or date.today()
    progress.report(0.0, "report_progress_figures")
    names = analytics.names(flt)
    lines = describe_filter(flt, names, lang)
    overview = analytics.overview(flt)
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
            _title_page(figure, lines, today, lang, analytics.db.location)
            _footer(figure, 1, pages, today, lang)
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
                _footer(figure, index, pages, today, lang)
                pdf.savefig(figure)
            progress.check()
            progress.report(pages / (pages + 1), "report_progress_writing")
            figure = charts.new_figure(A4_LANDSCAPE)
            _largest_page(figure, analytics, flt, lang)
            _footer(figure, pages, pages, today, lang)
            pdf.savefig(figure)

    result = charts.write_atomically(path, write)
    progress.report(1.0, "report_progress_writing")
    return result

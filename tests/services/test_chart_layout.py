"""Charts that read well on a laptop: at the sizes the dashboard gives them on 1366×768 and
1920×1080 screens at 100 %, 150 % and 200 % scaling, and as exported, no tick label runs into
another, no text leaves the figure, and no legend covers a label or is cut with « … »."""

from __future__ import annotations

from datetime import date

import pytest

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.services import charts
from portfolio_desktop.services.analytics import Analytics

from .layout_check import layout_problems

SCREENS = ((1366, 768), (1920, 1080))
SCALINGS = (1.0, 1.5, 2.0)
#: What the dashboard leaves to its charts beside the page list and margins (logical pixels);
#: the paired charts go one a row below `TWO_COLUMNS` (ui/views/dashboard_view.py).
SIDE = 200
TWO_COLUMNS = 940
OVER_TIME_HEIGHT, PAIRED_HEIGHT = 380, 320


def canvas_sizes(screen: tuple[int, int], scaling: float) -> dict[str, tuple[float, float]]:
    """Each chart's canvas in logical pixels on that screen at that scaling."""
    width = screen[0] / scaling - SIDE
    paired = (width - 10) / 2 if width >= TWO_COLUMNS else width
    return {
        name: (width, OVER_TIME_HEIGHT) if name == "funding-over-time" else (paired, PAIRED_HEIGHT)
        for name in charts.CHARTS
        if name != "key-figures"  # tiles on the dashboard; a chart only in exports and the report
    }


@pytest.fixture(scope="module")
def chart_data(pole_demo_file):  # type: ignore[no-untyped-def]
    from portfolio_desktop.storage.schema import open_database

    db = open_database(pole_demo_file)
    try:
        analytics = Analytics(db)
        filtered = ProjectFilter(regions=("BRE",), year_from=2015)
        data = {}
        for flt_name, flt in (("all", ProjectFilter()), ("filtered", filtered)):
            for name, kind in charts.CHARTS.items():
                by_values = ("domain", "funder", "region") if name == "funding-over-time" else ("",)
                for by in by_values:
                    data[(flt_name, name, by)] = kind.fetch(analytics, flt, by or "domain")
        yield data
    finally:
        db.dispose()


@pytest.mark.parametrize("scaling", SCALINGS, ids=lambda s: f"{int(s * 100)}%")
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_dashboard_charts_read_well(chart_data, screen, scaling) -> None:  # type: ignore[no-untyped-def]
    problems = []
    sizes = canvas_sizes(screen, scaling)
    for (flt_name, name, by), data in chart_data.items():
        if name not in sizes:
            continue
        width, height = sizes[name]
        figure = charts.new_figure((width / 100, height / 100), dpi=100 * scaling)
        charts.CHARTS[name].build(data, "fr", figure)
        problems += [f"{name} {by} ({flt_name}): {p}" for p in layout_problems(figure)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_exported_charts_read_well(chart_data, lang) -> None:  # type: ignore[no-untyped-def]
    problems = []
    words = [
        "Statuts : Financé, En cours, Terminé",
        "Régions : Bretagne, Pays de la Loire",
        "Domaines : Données & Intelligence Artificielle, Confiance numérique & Cybersécurité",
        "Années de dépôt : à partir de 2015",
    ]
    footer = charts.filter_sentence(words, lang, date(2025, 12, 31))
    for (flt_name, name, by), data in chart_data.items():
        figure = charts.new_figure(charts.SIZE, dpi=150)
        charts.keep_free_at_bottom(figure, charts.FOOTER_INCHES)
        charts.CHARTS[name].build(data, lang, figure)
        charts.draw_footer(
            figure, footer if flt_name == "filtered" else charts.filter_sentence([], lang)
        )
        problems += [f"{name} {by} ({flt_name}): {p}" for p in layout_problems(figure)]
    assert not problems, "\n".join(problems)


def test_the_check_finds_what_it_looks_for() -> None:
    """Labels pushed into each other and out of the figure, a legend over the axis: found."""
    figure = charts.new_figure((3, 2))
    ax = figure.add_axes((0.0, 0.3, 1.0, 0.6))
    ax.set_xticks(range(10), [f"étiquette longue {i}" for i in range(10)])
    ax.plot(range(10), label="Série coupée…")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.6))
    found = "\n".join(layout_problems(figure))
    assert "overlap" in found
    assert "leaves the figure" in found
    assert "is cut" in found
    figure = charts.new_figure((4, 3))
    ax = figure.add_axes((0.2, 0.3, 0.7, 0.6))
    ax.plot(range(3), label="Une série")
    ax.set_xticks(range(3), ["un", "deux", "trois"])
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.02))  # over the tick labels
    assert any("the legend covers" in p for p in layout_problems(figure))
    figure = charts.new_figure((4, 3))
    ax = figure.add_axes((0.2, 0.3, 0.7, 0.6))
    ax.set_xticks(range(3), ["un", "deux", "trois"])
    assert layout_problems(figure) == []  # and a clean chart passes

"""Chart builders, headless (Agg): their artists hold the values of SQL sums, in the right words."""

from __future__ import annotations

import dataclasses
import os
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.domain.money import format_compact, format_money
from portfolio_desktop.errors import KnownError
from portfolio_desktop.services import charts
from portfolio_desktop.services.analytics import NONE, OTHER, Analytics, Bar, filter_for
from portfolio_desktop.storage.tables import Domain, Funder, FundingLine

from .test_analytics import round_cp


@pytest.fixture
def analytics(pole_db) -> Analytics:
    return Analytics(pole_db)


def stacked_heights(figure) -> list[list[float]]:
    """The height of every bar of every stack of the funding-over-time chart."""
    ax = figure.axes[0]
    heights = []
    for collection in ax.collections:
        heights.append(
            [float(p.vertices[:, 1].max() - p.vertices[:, 1].min()) for p in collection.get_paths()]
        )
    return heights


def bar_widths(ax) -> list[float]:
    return [patch.get_width() for patch in ax.patches]


def tick_texts(axis) -> list[str]:
    figure = axis.axes.figure
    figure.canvas.draw()
    return [t.get_text() for t in axis.get_ticklabels() if t.get_text()]


def test_funding_over_time_bars_are_the_sql_sums(analytics, pole_db) -> None:
    data = analytics.funding_over_time(ProjectFilter(), "domain")
    figure = charts.funding_over_time(data, "fr")
    with pole_db.read() as session:
        from portfolio_desktop.storage.tables import FundingShare

        sums = {
            (y, d): round_cp(int(t))
            for y, d, t in session.execute(
                select(FundingShare.year, FundingShare.domain_id, func.sum(FundingShare.granted_cp))
                .where(FundingShare.year.is_not(None), FundingShare.instrument == "grant")
                .group_by(FundingShare.year, FundingShare.domain_id)
            )
        }
        colours = dict(session.execute(select(Domain.id, Domain.colour)).all())
    heights = stacked_heights(figure)
    assert len(heights) == len(data.series)
    for series, column in zip(data.series, heights, strict=True):
        expected = [sums.get((year, int(series.key)), 0) for year in data.years]
        assert column == pytest.approx(expected)
    ax = figure.axes[0]
    faces = [colours[int(s.key)] for s in data.series]
    from matplotlib.colors import to_hex

    assert [to_hex(c.get_facecolor()[0]).upper() for c in ax.collections] == [
        f.upper() for f in faces
    ]
    line = figure.axes[1].lines[0]
    assert list(line.get_ydata()) == pytest.approx(list(data.cumulative))
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    # Whole names, wrapped on lines rather than cut with « … ».
    assert legend[0].replace("\n", " ") == data.series[0].name
    assert legend[-1] == "Cumul"
    assert figure._suptitle.get_text() == "Aide accordée par année, par domaine"
    assert note(figure).startswith("Montants : subventions · à côté, non comptés : avances ")


def note(figure) -> str:
    # Wrapped to the figure's width: read as one line.
    return next(t.get_text() for t in figure.texts if t.get_gid() == "note").replace("\n", " ")


def test_charts_say_what_they_sum_and_what_their_shares_are_of(analytics) -> None:
    by_domain = analytics.funding_by_domain(ProjectFilter())
    beside = dict(by_domain.beside)
    assert set(beside) == {"repayable_advance", "loan", "equity"}
    text = note(charts.funding_by_domain(by_domain, "fr"))
    assert text == (
        "Montants : subventions · à côté, non comptés : avances remboursables "
        f"{format_compact(beside['repayable_advance'], 'fr')}, prêts "
        f"{format_compact(beside['loan'], 'fr')}, fonds propres "
        f"{format_compact(beside['equity'], 'fr')} · parts du total de toutes les barres"
    )
    # Named instruments are what is summed; stacked by instrument, nothing is left beside.
    loans = analytics.funding_by_funder(ProjectFilter(instruments=("loan",)))
    assert note(charts.funding_by_funder(loans, "en")) == (
        "Amounts: loans · shares of the total of every bar"
    )
    stacked = analytics.funding_over_time(ProjectFilter(), "instrument")
    assert note(charts.funding_over_time(stacked, "en")) == ""
    kinds = analytics.overview(ProjectFilter()).partners_by_kind
    with_none = dataclasses.replace(kinds, bars=(*kinds.bars, Bar(NONE, "", "", 3)))
    assert note(charts.partners_by_kind(with_none, "fr")) == (
        "Parts du total de toutes les barres, « Non renseigné » compris"
    )


def test_axes_speak_french_and_english(analytics) -> None:
    data = analytics.funding_over_time(ProjectFilter(), "funder_kind")
    french = charts.funding_over_time(data, "fr")
    assert all(t.endswith("M€") or t == "0\u00a0€" for t in tick_texts(french.axes[0].yaxis))
    assert any(t.endswith("Md€") for t in tick_texts(french.axes[1].yaxis))
    assert "Région" in [t.get_text() for t in french.legends[0].get_texts()]
    english = charts.funding_over_time(data, "en")
    assert all(t.startswith("€") for t in tick_texts(english.axes[0].yaxis))
    assert any(t.endswith("bn") for t in tick_texts(english.axes[1].yaxis))
    assert "Region" in [t.get_text() for t in english.legends[0].get_texts()]
    assert english._suptitle.get_text() == "Funding granted per year, by type of funder"


def test_hover_gives_the_exact_amount_and_click_the_filter(analytics) -> None:
    data = analytics.funding_over_time(ProjectFilter(), "funder")
    figure = charts.funding_over_time(data, "en")
    figure.canvas.draw()
    series = data.series[0]
    index = max(range(len(data.years)), key=lambda i: series.values[i])
    year = data.years[index]
    hit = next(h for h in charts.hits(figure) if h.target == {"year": year, "funder": series.key})
    found = charts.hit_at(figure, *charts.centre_of(hit))
    assert found is hit
    assert format_money(series.values[index], "en") in hit.text
    assert f"{series.name} — {year}" in hit.text
    assert charts.hit_at(figure, 1, 1) is None
    narrowed = filter_for(ProjectFilter(), hit.target)
    assert narrowed.funder_ids == (int(series.key),)
    assert narrowed.funding_year_from == narrowed.funding_year_to == year


def test_a_filter_change_updates_the_figure_in_place(analytics) -> None:
    figure = charts.funding_over_time(analytics.funding_over_time(ProjectFilter(), "domain"), "fr")
    axes = list(figure.axes)
    narrow = analytics.funding_over_time(ProjectFilter(regions=("BRE",)), "domain")
    same = charts.funding_over_time(narrow, "fr", figure)
    assert same is figure and list(figure.axes) == axes
    assert [sum(column) for column in stacked_heights(figure)] == pytest.approx(
        [s.total for s in narrow.series]
    )
    assert figure.axes[0].get_ylim()[1] == pytest.approx(max(narrow.totals) * 1.08)
    # Another stack dimension rebuilds the axes (and the title).
    other = charts.funding_over_time(
        analytics.funding_over_time(ProjectFilter(), "instrument"), "fr", figure
    )
    assert other is figure and figure.axes[0] is not axes[0]
    assert figure._suptitle.get_text().endswith("par type d'aide")


def test_pipeline_shows_the_funnel(analytics) -> None:
    funnel = analytics.overview(ProjectFilter()).funnel
    figure = charts.pipeline(funnel, "fr")
    ax = figure.axes[0]
    assert bar_widths(ax) == [s.projects for s in funnel.steps]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Déposé", "Expertisé", "Labellisé", "Financé"]
    rates = [t.get_text() for t in ax.texts if t.get_text().startswith("↓")]
    assert rates == [f"↓ {charts.format_share(s.rate, 'fr')}" for s in funnel.steps[1:]]
    targets = [h.target for h in charts.hits(figure)]
    assert targets == [{"step": s.status} for s in funnel.steps]


def test_funding_by_domain_and_funder_bars(analytics, pole_db) -> None:
    by_domain = analytics.funding_by_domain(ProjectFilter())
    figure = charts.funding_by_domain(by_domain, "en")
    ax = figure.axes[0]
    assert bar_widths(ax) == [b.value for b in by_domain.bars]
    from matplotlib.colors import to_hex

    assert [to_hex(p.get_facecolor()).upper() for p in ax.patches] == [
        b.colour.upper() for b in by_domain.bars
    ]
    with pole_db.read() as session:
        by_funder_sql = dict(
            session.execute(
                select(Funder.id, func.sum(FundingLine.granted_cents))
                .join(FundingLine, FundingLine.funder_id == Funder.id)
                .where(FundingLine.instrument == "grant")
                .group_by(Funder.id)
            ).all()
        )
    by_funder = analytics.funding_by_funder(ProjectFilter(), top=6)
    figure = charts.funding_by_funder(by_funder, "fr")
    widths = bar_widths(figure.axes[0])
    named = {int(b.key): w for b, w in zip(by_funder.bars, widths, strict=True) if b.key != OTHER}
    assert named == {k: by_funder_sql[k] for k in named}
    assert sum(widths) == sum(v for v in by_funder_sql.values() if v)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels[-1] == "Autres"  # the last bar, at the bottom
    hit = charts.hits(figure)[-1]
    assert hit.target == {} and "Autres" in hit.text


def test_partner_and_maturity_charts(analytics) -> None:
    overview = analytics.overview(ProjectFilter())
    figure = charts.partners_by_kind(overview.partners_by_kind, "fr")
    assert bar_widths(figure.axes[0]) == [b.value for b in overview.partners_by_kind.bars]
    assert "PME" in [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert charts.hits(figure)[1].target == {
        "organisation_kind": overview.partners_by_kind.bars[1].key
    }
    regions = charts.partners_by_region(overview.partners_by_region, "en")
    assert {t.get_text() for t in regions.axes[0].get_yticklabels()} >= {
        "Bretagne",
        "Pays de la Loire",
    }
    assert all(h.target == {} for h in charts.hits(regions))
    maturity = charts.maturity(overview.maturity, "en")
    left, right = maturity.axes
    assert [p.get_width() for p in left.patches] == [
        *overview.maturity.levels,
        overview.maturity.partial,
        overview.maturity.not_assessed,
    ]
    assert [p.get_width() for p in right.patches] == pytest.approx(
        [float(m) for _c, m in overview.maturity.criteria]
    )
    assert [t.get_text() for t in left.get_yticklabels()][-1] == "Not assessed"


def test_key_figures_page(analytics) -> None:
    figures = analytics.overview(ProjectFilter()).key_figures
    tiles = charts.key_figure_tiles(figures, "fr")
    assert tiles[0][:2] == ("Projets déposés", charts.format_count(figures.submitted, "fr"))
    assert tiles[4][1].endswith("Md€")
    assert tiles[7][1] == "×\u00a0" + str(figures.leverage).replace(".", ",")
    figure = charts.key_figures(figures, "fr")
    texts = [t.get_text() for t in figure.texts]
    assert "Part des PME parmi les partenaires" in " ".join(texts).replace("\n", " ")
    assert charts.format_share(figures.sme_share, "fr") in texts


def test_empty_data_says_so(db) -> None:
    analytics = Analytics(db)
    for name in charts.CHARTS:
        figure = charts.render(analytics, name, ProjectFilter(), "en")
        if name != "key-figures":
            assert "No data for this filter." in [t.get_text() for t in figure.texts], name
        figure.canvas.draw()


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_export_writes_each_format(analytics, tmp_path: Path, suffix: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / f"chart{suffix}"
    charts.export_chart(analytics, "funding-by-domain", ProjectFilter(), path, "fr")
    head = path.read_bytes()[:8]
    assert {".png": b"\x89PNG", ".svg": b"<?xml", ".pdf": b"%PDF"}[suffix] in head
    assert os.listdir(folder) == [path.name]  # no temporary file left behind


def test_export_refusals_leave_files_alone(analytics, tmp_path: Path, monkeypatch) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(KnownError) as bad:
        charts.export_chart(analytics, "pipeline", ProjectFilter(), tmp_path / "c.jpg", "fr")
    assert bad.value.code == "chart_bad_format"
    with pytest.raises(KnownError) as missing:
        charts.export_chart(analytics, "pipeline", ProjectFilter(), tmp_path / "no" / "c.png", "fr")
    assert missing.value.code == "chart_folder_missing"
    existing = tmp_path / "kept.png"
    existing.write_bytes(b"previous")
    from matplotlib.figure import Figure

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Figure, "savefig", full_disk)
    with pytest.raises(KnownError) as failed:
        charts.export_chart(analytics, "pipeline", ProjectFilter(), existing, "fr")
    assert failed.value.code == "chart_write_failed"
    assert existing.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == ["kept.png"]


def test_number_formats() -> None:
    assert charts.format_count(12500, "fr") == "12\u202f500"
    assert charts.format_count(12500, "en") == "12,500"
    assert charts.format_share(Decimal("0.474"), "fr") == "47,4\u00a0%"
    assert charts.format_share(Decimal("0.474"), "en") == "47.4%"
    from datetime import date

    assert charts.format_date(date(2026, 11, 26), "fr") == "26 novembre 2026"
    assert charts.format_date(date(2026, 12, 1), "fr") == "1er décembre 2026"
    assert charts.format_date(date(2026, 2, 1), "en") == "1 February 2026"


def test_the_command_line_knows_every_chart() -> None:
    from portfolio_desktop import cli

    assert tuple(charts.CHARTS) == cli.CHART_NAMES


def test_the_years_axis_and_legend_stay_put_between_filters(analytics) -> None:
    everything = analytics.funding_over_time(ProjectFilter(), "domain")
    nothing = analytics.funding_over_time(ProjectFilter(search="aucun-projet-ici"), "domain")
    assert nothing.years == everything.years
    assert [s.key for s in nothing.series] == [s.key for s in everything.series]
    assert not any(nothing.totals)
    figure = charts.funding_over_time(everything, "fr")
    axes, legend = list(figure.axes), figure.legends[0]
    charts.funding_over_time(nothing, "fr", figure)
    assert list(figure.axes) == axes and figure.legends == [legend]
    state_text = [t for t in figure.axes[0].texts if t.get_visible()]
    assert [t.get_text() for t in state_text] == ["Aucune donnée pour ce filtre."]
    assert charts.partial_update(figure) is not None  # only the axes' contents to redraw
    charts.funding_over_time(everything, "fr", figure)
    assert not [t for t in figure.axes[0].texts if t.get_visible()]
    narrow = analytics.funding_over_time(
        ProjectFilter(funding_year_from=2010, funding_year_to=2012), "domain"
    )
    assert narrow.years == (2010, 2011, 2012)

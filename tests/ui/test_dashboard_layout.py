"""The dashboard on a laptop: the filter in words above the charts, one chart a row when the page
is narrow (1366×768 at 150 %), two when it is wide."""

from __future__ import annotations

from typing import Any

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.ui.tasks import TaskRunner


def _view(qtbot: Any, pole_db: Any, width: int) -> Any:
    from portfolio_desktop.ui.views.dashboard_view import DashboardView

    view = DashboardView(pole_db, TaskRunner(synchronous=True))
    qtbot.addWidget(view)
    view.resize(width, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


def _columns(view: Any) -> set[int]:
    grid = view.charts_grid
    found = set()
    for name, canvas in view.canvases.items():
        if name == "funding-over-time":
            continue
        _row, column, _rows, _columns = grid.getItemPosition(grid.indexOf(canvas))
        found.add(column)
    return found


def test_the_filter_in_words_follows_the_filter(qtbot, pole_db) -> None:
    view = _view(qtbot, pole_db, 1200)
    assert view.filter_line.text() == "Tout le portefeuille (aucun filtre)"
    view.set_filter(ProjectFilter(statuses=("funded",), regions=("BRE",)))
    qtbot.waitUntil(lambda: "Bretagne" in view.filter_line.text())
    assert view.filter_line.text() == "Filtre : Statuts : Financé · Régions : Bretagne"


def test_narrow_pages_put_one_chart_a_row(qtbot, pole_db) -> None:
    view = _view(qtbot, pole_db, 1166)  # 1366 at 100 %, beside the page list
    assert _columns(view) == {0, 1}
    view.resize(711, 900)  # 1366 at 150 %
    qtbot.waitUntil(lambda: _columns(view) == {0})
    widths = {c.width() for n, c in view.canvases.items()}
    assert min(widths) > 600  # every chart as wide as the page
    view.resize(1166, 900)
    qtbot.waitUntil(lambda: _columns(view) == {0, 1})


def test_several_poles_are_compared_below_the_charts(qtbot, pole_db) -> None:
    from tests.services.test_poles import split_into_two_poles

    view = _view(qtbot, pole_db, 1166)
    poles = view.canvases["poles"]
    assert not poles.isVisible()  # one pole: nothing to compare
    split_into_two_poles(pole_db)
    view.refresh()
    qtbot.waitUntil(poles.isVisible)
    assert poles.minimumHeight() >= 160
    from portfolio_desktop.services import charts

    assert [h.target for h in charts.hits(poles.figure)] == [{"cluster": 1}, {"cluster": 90}]

"""The Dashboard, driven with qtbot: it follows the filter, clicks select projects, hovering shows
exact values, stale results are dropped, charts export, the report is one click away."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QToolTip

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.domain.money import format_money
from portfolio_desktop.services import charts
from portfolio_desktop.services.analytics import Analytics, filter_for
from portfolio_desktop.ui import formatting
from portfolio_desktop.ui.context import Scope
from portfolio_desktop.ui.tasks import TaskRunner


@pytest.fixture
def make_view(qtbot, pole_db) -> Callable[..., Any]:
    # No translator installed: other modules' tests expect the English source strings, and the
    # figures' words come from `messages` (French by PORTFOLIO_DESKTOP_LANG).
    from portfolio_desktop.ui.views.dashboard_view import DashboardView

    def make(runner: Any = None, *, show: bool = True) -> DashboardView:
        view = DashboardView(pole_db, runner or TaskRunner(synchronous=True))
        qtbot.addWidget(view)
        view.resize(1280, 1500)
        if show:
            view.show()
            qtbot.waitExposed(view)
        return view

    return make


def qt_point(canvas, hit: charts.Hit) -> QPoint:
    """Where to point the mouse, in the canvas widget's coordinates, to reach a hit."""
    x, y = charts.centre_of(hit)
    ratio = canvas.canvas.device_pixel_ratio or 1
    return QPoint(round(x / ratio), round((canvas.figure.bbox.height - y) / ratio))


def move_mouse(widget, pos: QPoint) -> None:
    """A mouse move over the widget (QTest's mouseMove reaches no widget on the offscreen platform)."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    local = QPointF(pos)
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        local,
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def drawn(canvas) -> None:
    """Draws the canvas at its on-screen size (what a repaint does), so hits match the screen."""
    canvas.canvas.draw()


def test_matplotlib_waits_for_the_first_show(pole_demo_file: Path) -> None:
    code = f"""
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from portfolio_desktop.storage.database import Database
from portfolio_desktop.ui.tasks import TaskRunner
from portfolio_desktop.ui.views.dashboard_view import DashboardView
view = DashboardView(Database(r'{pole_demo_file}', read_only=True), TaskRunner(synchronous=True))
print('matplotlib' in sys.modules)
view.show()
app.processEvents()
print('matplotlib' in sys.modules, len(view.canvases))
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.split() == ["False", "True", "8"], result.stderr  # with the poles


def test_follows_the_filter(make_view, pole_db) -> None:
    view = make_view()
    analytics = Analytics(pole_db)
    flt = ProjectFilter(regions=("BRE",), statuses=("funded", "running", "closed"))
    view.set_filter(flt)
    figures = analytics.overview(flt).key_figures
    expected = charts.key_figure_tiles(figures, "fr")
    assert [(t.name.text(), t.value.text(), t.detail.text()) for t in view.tiles] == expected
    assert view.tiles[4].value.text() == charts.format_compact(figures.granted_cents, "fr")
    figure = view.canvases["funding-over-time"].figure
    data = analytics.funding_over_time(flt, "domain")
    tops = [
        sum(max(p.vertices[:, 1]) - min(p.vertices[:, 1]) for p in c.get_paths())
        for c in figure.axes[0].collections
    ]
    assert tops == pytest.approx([s.total for s in data.series])
    funnel = view.canvases["pipeline"].figure.axes[0]
    assert [p.get_width() for p in funnel.patches] == [
        s.projects for s in analytics.overview(flt).funnel.steps
    ]
    assert view.status.text() == ""


def test_clicking_a_segment_or_a_step_asks_for_its_projects(make_view, qtbot) -> None:
    view = make_view()
    base = ProjectFilter(statuses=("funded", "running", "closed"))
    view.set_filter(base)
    canvas = view.canvases["funding-over-time"]
    drawn(canvas)
    hit = max(
        (h for h in charts.hits(canvas.figure) if "domain" in h.target),
        key=lambda h: h.bounds[3] - h.bounds[1],
    )
    with qtbot.waitSignal(view.filter_requested) as blocker:
        qtbot.mouseClick(canvas.canvas, Qt.MouseButton.LeftButton, pos=qt_point(canvas, hit))
    chosen = blocker.args[0]
    assert chosen == filter_for(base, hit.target)
    assert chosen.domain_ids == (int(hit.target["domain"]),)
    assert chosen.funding_year_from == chosen.funding_year_to == hit.target["year"]
    assert chosen.statuses == base.statuses

    funnel = view.canvases["pipeline"]
    drawn(funnel)
    step = next(h for h in charts.hits(funnel.figure) if h.target == {"step": "labelled"})
    with qtbot.waitSignal(view.filter_requested) as blocker:
        qtbot.mouseClick(funnel.canvas, Qt.MouseButton.LeftButton, pos=qt_point(funnel, step))
    assert blocker.args[0].statuses == ("funded", "running", "closed")  # narrowed to the filter


def test_clicking_where_nothing_is_selects_nothing(make_view, qtbot) -> None:
    view = make_view()
    canvas = view.canvases["partners-by-region"]  # hover only: partners' regions
    drawn(canvas)
    hit = charts.hits(canvas.figure)[0]
    with qtbot.assertNotEmitted(view.filter_requested):
        qtbot.mouseClick(canvas.canvas, Qt.MouseButton.LeftButton, pos=qt_point(canvas, hit))
        qtbot.mouseClick(canvas.canvas, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))


# The offscreen platform cannot raise the tooltip's window; that is not our bug.
@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")
def test_hovering_shows_the_exact_value(make_view, qtbot, pole_db) -> None:
    view = make_view()
    canvas = view.canvases["funding-by-domain"]
    drawn(canvas)
    data = Analytics(pole_db).funding_by_domain(ProjectFilter())
    hit = charts.hits(canvas.figure)[0]
    move_mouse(canvas.canvas, qt_point(canvas, hit))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == hit.text
    assert format_money(data.bars[0].value, "fr") in QToolTip.text()
    assert data.bars[0].name in QToolTip.text()


class ManualRunner:
    """A runner that keeps the submitted work until the test runs it, in any order."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]] = []

    def submit(self, fn, *args, on_done=None, on_error=None, with_progress=False, **kwargs):
        self.jobs.append((fn, args, {"on_done": on_done, **kwargs}))

    def run(self, index: int) -> None:
        fn, args, options = self.jobs.pop(index)
        done = options.pop("on_done")
        result = fn(*args, **options)
        if done is not None:
            done(result)


def test_results_of_a_filter_left_behind_are_dropped(make_view, pole_db) -> None:
    runner = ManualRunner()
    view = make_view(runner)
    runner.jobs.clear()  # the first show's work
    old, new = ProjectFilter(regions=("BRE",)), ProjectFilter(regions=("PDL",))
    view.set_filter(old)
    view.set_filter(new)
    assert len(runner.jobs) == 2  # funding over time, for each filter
    runner.run(1)  # the new filter's funding over time finishes first, then asks the overview
    runner.run(1)  # the new filter's overview
    runner.run(0)  # the old filter's funding over time arrives late: dropped, nothing more asked
    assert runner.jobs == []
    analytics = Analytics(pole_db)
    expected = analytics.funding_over_time(new, "domain")
    figure = view.canvases["funding-over-time"].figure
    tops = [
        sum(max(p.vertices[:, 1]) - min(p.vertices[:, 1]) for p in c.get_paths())
        for c in figure.axes[0].collections
    ]
    assert tops == pytest.approx([s.total for s in expected.series])
    granted = analytics.overview(new).key_figures.granted_cents
    assert view.tiles[4].value.text() == charts.format_compact(granted, "fr")


def test_threads_draw_funding_over_time_first(make_view, qtbot, pole_db) -> None:
    runner = TaskRunner(max_threads=2)
    try:
        view = make_view(runner)
        qtbot.waitSignal(view.overview_drawn, timeout=30_000).wait()
        order: list[str] = []
        view.funding_chart_repainted.connect(lambda: order.append("funding"))
        view.overview_drawn.connect(lambda: order.append("overview"))
        flt = ProjectFilter(regions=("BRE",))
        with qtbot.waitSignal(view.overview_drawn, timeout=30_000):
            view.set_filter(flt)
        assert order[0] == "funding"
        granted = Analytics(pole_db).overview(flt).key_figures.granted_cents
        assert view.tiles[4].value.text() == charts.format_compact(granted, "fr")
    finally:
        runner.wait()


def test_the_stack_selector_redraws_only_funding_over_time(make_view, qtbot) -> None:
    view = make_view()
    funnel_axes = view.canvases["pipeline"].figure.axes[0]
    with qtbot.waitSignal(view.funding_chart_repainted, timeout=5000):
        view.stack.setCurrentIndex(view.stack.findData("instrument"))
    figure = view.canvases["funding-over-time"].figure
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert legend[:2] == ["Subvention", "Avance remboursable"]
    assert view.canvases["pipeline"].figure.axes[0] is funnel_axes


def test_unchanged_figures_are_not_redrawn(make_view, qtbot) -> None:
    view = make_view()
    view.set_filter(ProjectFilter(search="aucun-projet-ici"))
    for canvas in view.canvases.values():
        drawn(canvas)
    repaints: list[str] = []
    for name, canvas in view.canvases.items():
        canvas.repainted.connect(lambda name=name: repaints.append(name))
    with qtbot.waitSignal(view.funding_chart_repainted, timeout=5000):
        view.set_filter(ProjectFilter(search="rien-non-plus"))  # the same (empty) figures
    assert repaints == []
    assert "Aucune donnée pour ce filtre." in [
        t.get_text() for t in view.canvases["pipeline"].figure.texts
    ]


def test_nothing_is_computed_until_shown(make_view) -> None:
    runner = ManualRunner()
    view = make_view(runner, show=False)
    view.set_filter(ProjectFilter(regions=("BRE",)))
    view.refresh()
    assert runner.jobs == [] and view.canvases == {}


def test_export_button_writes_the_chart(make_view, qtbot, tmp_path: Path, monkeypatch) -> None:
    view = make_view()
    target = tmp_path / "par-domaine"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "SVG drawing (*.svg)")
    )
    canvas = view.canvases["funding-by-domain"]
    qtbot.mouseClick(canvas.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "par-domaine.svg"
    assert written.read_bytes().startswith(b"<?xml")
    assert str(written) in view.status.text()


def test_report_button_writes_the_pdf(make_view, qtbot, tmp_path: Path, monkeypatch) -> None:
    view = make_view()
    view.set_filter(ProjectFilter(regions=("BRE",)))
    target = tmp_path / "rapport.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    qtbot.mouseClick(view.report_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in view.status.text() and view.report_button.isEnabled()


def test_a_failed_report_is_explained(make_view, qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    view = make_view()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    target = tmp_path / "missing-folder" / "rapport.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    qtbot.mouseClick(view.report_button, Qt.MouseButton.LeftButton)
    assert shown == [f"Le dossier {target.parent} n'existe pas."]
    assert view.report_button.isEnabled() and not target.exists()


def test_refresh_after_an_edit(make_view, pole_db) -> None:
    from portfolio_desktop.services import portfolio

    view = make_view()
    before = view.tiles[4].detail.text()
    record = portfolio.load_project(pole_db, 1)
    grants = [line for line in record.funding_lines if line.instrument == "grant"]
    if not grants:
        pytest.skip("the first demo project has no grant")
    line = grants[0]
    line.granted_cents = (line.granted_cents or 0) + 1_000_000_00
    line.requested_cents = max(line.requested_cents or 0, line.granted_cents)
    line.granted_override = True
    portfolio.update_project(pole_db, record, expected_version=record.version)
    view.refresh()
    after = view.tiles[4].detail.text()
    assert after != before
    figures = Analytics(pole_db).overview(ProjectFilter()).key_figures
    # « Aide accordée »: the grants, exactly, then the other instruments beside them.
    assert after.startswith(format_money(figures.granted_cents, "fr", decimals=False) + " de ")


def test_in_the_desktop_context(qtbot, pole_db) -> None:
    """Built by the main window with its context: data changes refresh the figures."""
    from portfolio_desktop.ui.context import AppContext
    from portfolio_desktop.ui.settings import Settings
    from portfolio_desktop.ui.views.dashboard_view import DashboardView

    ctx = AppContext(Settings(), synchronous=True)
    ctx.db = pole_db
    view = DashboardView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 1500)
    view.show()
    qtbot.waitExposed(view)
    assert view.tiles[0].value.text() != "—"
    view.tiles[0].value.setText("stale")
    ctx.data_changed.emit(Scope.PROJECTS, [])
    assert view.tiles[0].value.text() != "stale"


def test_french_translation(qtbot, pole_db, tmp_path: Path) -> None:
    """The dashboard's area (dashboard_fr.ts) compiles and speaks French."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from portfolio_desktop.ui.views.dashboard_view import DashboardView

    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "dashboard_fr.ts"
    qm = tmp_path / "dashboard_fr.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        view = DashboardView(pole_db, TaskRunner(synchronous=True))
        qtbot.addWidget(view)
        assert view.report_button.text() == "Rapport de synthèse…"
        assert [view.stack.itemText(i) for i in range(view.stack.count())] == [
            "Domaine",
            "Financeur",
            "Type de financeur",
            "Type d'aide",
            "Région",
        ]
    finally:
        QCoreApplication.removeTranslator(translator)


def test_partial_repaint_draws_what_a_full_draw_draws(make_view, qtbot) -> None:
    """Funding over time redraws only its axes over the saved title and legend: the picture is
    the one a full draw gives."""
    import numpy as np

    view = make_view()
    canvas = view.canvases["funding-over-time"]
    view.set_filter(ProjectFilter(regions=("BRE",)))
    with qtbot.waitSignal(view.funding_chart_repainted, timeout=5000):
        view.set_filter(ProjectFilter(regions=("PDL",)))  # the same domains: axes only
    assert charts.partial_update(canvas.figure) is not None
    partial = np.asarray(canvas.canvas.buffer_rgba()).copy()
    canvas.canvas.draw()
    assert np.array_equal(partial, np.asarray(canvas.canvas.buffer_rgba()))


def fresh_picture(canvas, data: object) -> Any:
    """The pixels of the chart drawn from scratch: a new figure of the canvas's size, built from
    `data` and drawn in full by Agg (what the canvas must show)."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=canvas.figure.get_size_inches(), dpi=canvas.figure.dpi)
    figure.set_facecolor("white")
    charts.CHARTS[canvas.name].build(data, "fr", figure)
    charts.relayout(figure)
    agg = FigureCanvasAgg(figure)
    agg.draw()
    return np.asarray(agg.buffer_rgba()).copy()


@pytest.mark.parametrize(
    "filters",
    [
        # bars, then no bar at all (the same domains), then bars again: the blitted path
        (ProjectFilter(regions=("BRE",)), ProjectFilter(search="zzzz"), ProjectFilter()),
        (ProjectFilter(regions=("BRE",)), ProjectFilter(regions=("PDL",))),
        (ProjectFilter(statuses=("draft",)), ProjectFilter(year_from=2020), ProjectFilter()),
    ],
)
def test_after_filter_changes_every_chart_shows_a_fresh_full_draw(
    make_view, qtbot, filters
) -> None:
    """What each canvas shows after filter changes is, pixel for pixel, the chart drawn from
    scratch for the last filter: no artist left hidden or shown by the saved background, no
    chart left with the previous filter's picture."""
    import numpy as np
    from PySide6.QtWidgets import QApplication

    view = make_view()
    for flt in filters:
        view.set_filter(flt)
        for _ in range(3):
            QApplication.processEvents()
    for name, canvas in view.canvases.items():
        if canvas.isHidden():  # the poles side by side, with one pole in the base
            continue
        shown = np.asarray(canvas.canvas.buffer_rgba()).copy()
        expected = fresh_picture(canvas, view._shown_data[name])
        assert shown.shape == expected.shape, name
        wrong = (shown != expected).any(axis=2).mean()
        assert wrong == 0, f"{name}: {wrong:.2%} of the pixels differ from a fresh draw"


def wheel(widget, pos: QPoint, clicks: int) -> None:
    """A mouse wheel turn over `widget` at `pos` (negative: towards the user, down the page)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    event = QWheelEvent(
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, 120 * clicks),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_chart_scrolls_the_page(make_view) -> None:
    from PySide6.QtWidgets import QApplication, QScrollArea

    view = make_view()
    view.resize(1000, 600)
    QApplication.processEvents()
    bar = view.findChild(QScrollArea).verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    canvas = view.canvases["funding-over-time"].canvas
    wheel(canvas, QPoint(canvas.width() // 2, canvas.height() // 2), -2)
    assert bar.value() > 0
    down = bar.value()
    lower = view.canvases["pipeline"].canvas
    wheel(lower, QPoint(10, 10), 1)
    assert bar.value() < down


FIRST_VISIT_PROBE = r"""
import json, shutil, sys, threading, time
from pathlib import Path

main = threading.main_thread()
imported_here = []


class Watch:
    # An import hook that notes the heavy modules first imported by the GUI thread.
    def find_spec(self, name, path=None, target=None):
        if threading.current_thread() is main and name.split(".")[0] in ("matplotlib", "numpy"):
            imported_here.append(name)
        return None


sys.meta_path.insert(0, Watch())
from PySide6.QtCore import QElapsedTimer, QTimer
from portfolio_desktop.app import Desktop, make_application
from portfolio_desktop.ui.i18n import install_language
from portfolio_desktop.ui.settings import Settings

app = make_application([sys.argv[0]])
install_language("fr")
desktop = Desktop(Settings())
window = desktop.window
window.resize(1366, 740)
window.show()
desktop.open(sys.argv[1])


def wait_for(condition, timeout=120):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.002)
    raise SystemExit("timed out")


wait_for(lambda: window.projects.model.rowCount() > 0)
from matplotlib.backends.backend_agg import FigureCanvasAgg  # the probe's own import

drawn_here = []
agg_draw = FigureCanvasAgg.draw


def draw(canvas, *args, **kwargs):
    if threading.current_thread() is main:
        drawn_here.append(type(canvas).__name__)
    return agg_draw(canvas, *args, **kwargs)


FigureCanvasAgg.draw = draw
imported_here.clear()
clock = QElapsedTimer()
clock.start()
ticks = [0, 0]


def tick():
    now = clock.elapsed()
    ticks[0] = max(ticks[0], now - ticks[1])
    ticks[1] = now


timer = QTimer()
timer.timeout.connect(tick)
timer.start(5)
wait_for(lambda: False if clock.elapsed() < 200 else True)
ticks[0] = 0
window.show_page("dashboard")
wait_for(lambda: window.page("dashboard") is not None)
drawn = []
window.page("dashboard").overview_drawn.connect(lambda: drawn.append(1))
wait_for(lambda: drawn)
print(json.dumps({"stall_ms": ticks[0], "drawn_here": drawn_here, "imported_here": imported_here}))
window.close()
"""


def test_the_first_visit_to_the_dashboard_leaves_the_gui_thread_free(
    pole_demo_file: Path, tmp_path: Path
) -> None:
    """The first visit loads matplotlib and numpy and draws every chart off the GUI thread: the
    window keeps repainting (longest pause of a 5 ms timer; 1.3–1.7 s before, when the imports
    and the drawing ran on the GUI thread)."""
    import json
    import os
    import shutil

    copy = tmp_path / "pole.sqlite"
    shutil.copyfile(pole_demo_file, copy)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PORTFOLIO_DESKTOP_HOME": str(tmp_path / "home"),
    }
    result = subprocess.run(
        [sys.executable, "-c", FIRST_VISIT_PROBE, str(copy)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["imported_here"] == []
    assert found["drawn_here"] == []
    assert found["stall_ms"] < 700, found


def test_the_payments_panel_shows_expected_received_and_overdue(make_view, pole_db) -> None:
    from portfolio_desktop.services.money import payments_figures

    view = make_view()
    figures = payments_figures(pole_db)
    panel = view.payments
    assert panel.per_year.rowCount() == len(figures.years) > 10
    assert panel.overdue.rowCount() == len(figures.overdue) > 0
    first = panel.per_year.index(0, 0).data()
    assert first == str(figures.years[0])
    assert panel.summary.text().startswith("Overdue:")


def test_the_funding_gap_panel_sums_by_call_domain_and_pole(make_view, pole_db) -> None:
    from portfolio_desktop.services.money import gap_figures

    view = make_view()
    panel = view.gaps
    figures = gap_figures(pole_db)
    assert panel.model.rowCount() == len(figures.by_call) > 5
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "Call"
    assert panel.model.index(0, 0).data() == (figures.by_call[0].key or "No call")
    assert panel.summary.text().startswith("Not covered: ")
    for position, (rows, header) in enumerate(
        [(figures.by_call, "Call"), (figures.by_domain, "Domain"), (figures.by_cluster, "Pole")]
    ):
        panel.by.setCurrentIndex(position)
        assert panel.model.headerData(0, Qt.Orientation.Horizontal) == header
        assert panel.model.rowCount() == len(rows)
        # The rows' uncovered amounts, largest first, as the table shows them.
        shown = [panel.model.index(r, 5).data() for r in range(panel.model.rowCount())]
        assert shown == [formatting.money(row.uncovered_cents) for row in rows]


def test_the_rules_panel_lists_partners_above_their_rule_and_opens_their_project(
    make_view, pole_db, qtbot
) -> None:
    from portfolio_desktop.services.money import rule_figures

    view = make_view()
    panel = view.rules
    figures = rule_figures(pole_db)
    assert panel.model.rowCount() == len(figures.outside) > 0
    first = figures.outside[0]
    assert panel.model.index(0, 1).data() == first.partner
    assert panel.model.index(0, 5).data().rstrip("%").strip() != ""
    assert panel.summary.text().startswith("Partners above their rule: ")
    # The rule's source is the rate's tooltip.
    assert panel.model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole) == first.rule.source
    with qtbot.waitSignal(view.project_requested, timeout=2000) as opened:
        panel.view.doubleClicked.emit(panel.model.index(0, 0))
    assert opened.args == [first.project_id]


def test_the_dashboard_as_of_a_past_day(make_view, pole_db, tmp_path: Path) -> None:
    """« Au » a day: the figures are those of the portfolio as it stood that evening (those of
    the same copy the command line's --as-of builds), the filter line says the day, the report
    is of that day; unticked, today's portfolio again and the copy removed."""
    import shutil
    import subprocess
    from datetime import date

    from portfolio_desktop.services.analytics import Analytics
    from portfolio_desktop.storage.as_of import AsOf, portfolio_as_of

    view = make_view()
    today = view.tiles[0].value.text()
    view.as_of_day.setDate(QDate(2015, 12, 31))
    view.as_of_box.setChecked(True)
    assert view.as_of == date(2015, 12, 31) and view.db is not pole_db
    folder = view._copy.folder
    with portfolio_as_of(pole_db, AsOf.end_of(date(2015, 12, 31))) as then:
        expected = Analytics(then).overview(ProjectFilter()).key_figures
    assert view.analytics.overview(ProjectFilter()).key_figures == expected
    assert view.tiles[0].value.text() != today
    assert view.filter_line.text().startswith("Au 31 décembre 2015 — ")
    if shutil.which("pdftotext"):  # the test command installs poppler; the report says its day
        pdf = tmp_path / "rapport.pdf"
        view.write_report(pdf)
        first = subprocess.run(
            ["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Au 31 décembre 2015" in first
    view.as_of_box.setChecked(False)
    assert view.as_of is None and view.db is pole_db and not folder.exists()
    assert view.tiles[0].value.text() == today

"""The Dashboard: key figures and charts of the portfolio, following the projects table's filter.

Figures are computed off the GUI thread (`services.analytics` through the task runner); results of
a filter the user already left are dropped, and a chart is redrawn only when its data changed
(funding over time updates its artists in place). Clicking a bar or a funnel step asks the main
window to show the projects behind it (`filter_requested`).

Matplotlib is imported when the dashboard is first shown (`ui.widgets.chart_canvas`), never at
module import: the main window imports this module lazily, and start-up stays light.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ... import messages
from ...domain.filters import ProjectFilter
from ...services import charts, report
from ...services.analytics import STACKS, Analytics, filter_for
from ...services.money import gap_figures, payments_figures, rule_figures
from ...services.snapshots import PortfolioCopy, open_as_of
from ...storage.database import Database
from ..context import AppContext, Scope
from ..errors import describe, show_error
from ..file_dialogs import save_file_name
from ..tasks import TaskRunner, chart_runner
from ..widgets.follow_up_panel import FollowUpPanel
from .funding_gap_panel import FundingGapPanel
from .payments_panel import PaymentsPanel
from .rules_panel import RulesPanel

if TYPE_CHECKING:
    from ..widgets.chart_canvas import ChartCanvas

#: The charts under the key figures, two a row after funding over time (full width).
POLES = "poles"
#: Below this width of the charts' area (logical pixels) the paired charts go one a row: two
#: side by side would be too narrow to read (tests/services/test_chart_layout.py checks both).
TWO_COLUMNS = 940
PAIRED_CHARTS = (
    ("pipeline", "funding-by-domain"),
    ("funding-by-funder", "partners-by-kind"),
    ("partners-by-region", "maturity"),
)
#: Where each chart's data comes from in `analytics.Overview`.
OVERVIEW_PARTS = {
    "pipeline": "funnel",
    "funding-by-domain": "funding_by_domain",
    "funding-by-funder": "funding_by_funder",
    "partners-by-kind": "partners_by_kind",
    "partners-by-region": "partners_by_region",
    "maturity": "maturity",
}
OVER_TIME = "funding-over-time"
#: The data changes (`AppContext.data_changed` scopes) that change the figures.
REFRESHING_SCOPES = frozenset(
    {
        Scope.PROJECTS,
        Scope.ORGANISATIONS,
        Scope.FUNDERS,
        Scope.CALLS,
        Scope.DOMAINS,
        Scope.CLUSTERS,
        Scope.ALL,
    }
)


def _warm_up() -> None:
    """In the chart thread: loads matplotlib, its fonts and the Qt canvas module, and draws a
    little text once (glyph caches), so that the GUI thread then finds them ready."""
    import importlib

    charts.warm_up()
    importlib.import_module("portfolio_desktop.ui.widgets.chart_canvas")


def _figures(analytics: Analytics, flt: ProjectFilter, lang: str) -> tuple[Any, Any, str]:
    """In the reader, in one task: the overview, the poles side by side, and the filter in
    words (the names of its ids are read from the database)."""
    from ...services.filter_words import describe_filter

    words = charts.filter_sentence(describe_filter(flt, analytics.names(flt), lang), lang)
    return analytics.overview(flt), analytics.poles(flt), words


class KeyFigureTile(QFrame):
    """One key figure: its name, its value in large type, and a detail line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyFigure")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#keyFigure { background: #F3F6FA; border: 1px solid #D0D7E2; border-radius: 6px; }"
        )
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.name.setStyleSheet("color: #555555;")
        self.value = QLabel("—")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #666666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.name)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def show_figure(self, name: str, value: str, detail: str) -> None:
        self.name.setText(name)
        self.value.setText(value)
        self.detail.setText(detail)


class DashboardView(QWidget):
    """Key figures and charts for the current filter, with click-through and exports."""

    #: The user clicked a bar or a funnel step: the filter of the projects behind it.
    filter_requested = Signal(object)
    #: Funding over time was repainted for the current filter (tests and the benchmark wait on it).
    funding_chart_repainted = Signal()
    #: The key figures and the other charts were updated for the current filter.
    overview_drawn = Signal()
    #: A project to open in the editor (a double-click in a list of projects).
    project_requested = Signal(int)

    def __init__(
        self,
        db: Database | AppContext,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`DashboardView(db, runner)`, or `DashboardView(ctx)` with the desktop's context (its
        reader runs the figures; data and database changes refresh them)."""
        super().__init__(parent)
        if isinstance(db, AppContext):
            context = db
            runner = context.reader
            context.data_changed.connect(self._data_changed)
            context.database_changed.connect(self.set_database)
            database = context.db
        else:
            database = db
        assert runner is not None
        self.runner = runner
        self.db: Database | None = database
        self.analytics: Analytics | None = Analytics(database) if database is not None else None
        #: The portfolio itself; `db` is it, or its copy as it stood at the « Au » day.
        self._live: Database | None = database
        self._copy: PortfolioCopy | None = None
        self._as_of_seq = 0
        self._filter = ProjectFilter()
        self._by = STACKS[0]
        self._over_time_seq = 0
        self._overview_seq = 0
        self._shown_data: dict[str, object] = {}
        self._pending = True
        self._warming = False
        self._waiting: set[str] = set()
        self._overview_open = False
        self._follow_up_stale = True
        self._payments_stale = True
        self.canvases: dict[str, ChartCanvas] = {}

        self.stack = QComboBox()
        self.stack.setObjectName("stackBy")
        for code, text in self._stack_names().items():
            self.stack.addItem(text, code)
        self.stack.currentIndexChanged.connect(self._stack_changed)
        stack_label = QLabel(self.tr("Stack funding by"))
        stack_label.setBuddy(self.stack)
        self.report_button = QPushButton(self.tr("Executive report…"))
        self.report_button.setObjectName("reportButton")
        self.report_button.setToolTip(
            self.tr("A PDF with the key figures, every chart and the largest funded projects")
        )
        self.report_button.clicked.connect(self._ask_report)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printDashboard")
        self.print_button.setToolTip(self.tr("Print the dashboard page, with a preview"))
        self.print_button.clicked.connect(self.print_preview)
        self.preview: Any = None
        # « Au » a day: every figure, chart and the report as the portfolio stood that evening
        # (rebuilt from the history in a throw-away copy, off the window's thread).
        self.as_of_box = QCheckBox(self.tr("As of"))
        self.as_of_box.setObjectName("dashboardAsOf")
        self.as_of_box.setToolTip(
            self.tr("Show the figures as the portfolio stood at the end of a past day")
        )
        today = date.today()
        self.as_of_day = QDateEdit(QDate(today.year - 1, 12, 31))
        self.as_of_day.setObjectName("dashboardAsOfDay")
        self.as_of_day.setCalendarPopup(True)
        self.as_of_day.setDisplayFormat("dd/MM/yyyy")
        self.as_of_day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.as_of_day.setEnabled(False)
        self.as_of_box.toggled.connect(self._as_of_changed)
        application = QCoreApplication.instance()
        if application is not None:  # the copy's folder does not outlive the application
            application.aboutToQuit.connect(self.close_copy)
        self.as_of_day.dateChanged.connect(lambda *_a: self._as_of_changed())
        self.status = QLabel()
        self.status.setObjectName("dashboardStatus")
        self.status.setStyleSheet("color: #555555;")
        top = QHBoxLayout()
        top.addWidget(stack_label)
        top.addWidget(self.stack)
        top.addSpacing(12)
        top.addWidget(self.as_of_box)
        top.addWidget(self.as_of_day)
        top.addSpacing(12)
        top.addWidget(self.status, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.report_button)
        #: What the figures are of, in words: the filter (a filtered funnel of four equal bars
        #: must not read as the portfolio's conversion).
        self.filter_line = QLabel()
        self.filter_line.setObjectName("dashboardFilter")
        self.filter_line.setWordWrap(True)
        self.filter_line.setStyleSheet("color: #444444;")

        self.tiles = [KeyFigureTile() for _ in range(8)]
        tile_grid = QGridLayout()
        tile_grid.setSpacing(8)
        for i, tile in enumerate(self.tiles):
            tile_grid.addWidget(tile, i // 4, i % 4)

        self.charts_grid = QGridLayout()
        self.charts_grid.setSpacing(10)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(tile_grid)
        body_layout.addLayout(self.charts_grid)
        # Submissions and deadlines, the whole portfolio's (not the filter's), under the charts.
        self.follow_up = FollowUpPanel(runner)
        body_layout.addWidget(self.follow_up)
        # Expected vs received per year and the overdue tranches (whole portfolio).
        self.payments = PaymentsPanel()
        body_layout.addWidget(self.payments)
        # Budgets against grants by call, domain or pole (whole portfolio).
        self.gaps = FundingGapPanel()
        body_layout.addWidget(self.gaps)
        # The partners whose aid rate is above their rule (whole portfolio).
        self.rules = RulesPanel()
        self.rules.project_activated.connect(self.project_requested)
        body_layout.addWidget(self.rules)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.body = body
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_line)
        layout.addWidget(scroll, 1)
        self._columns = 2

    # -- the API of the main window ------------------------------------------------------------

    def set_filter(self, flt: ProjectFilter) -> None:
        """Follows the projects table's filter; recomputes when the dashboard is visible."""
        if flt == self._filter and not self._pending:
            return
        self._filter = flt
        self._schedule()

    @property
    def current_filter(self) -> ProjectFilter:
        return self._filter

    def refresh(self) -> None:
        """The data changed (an edit, an import, an undo): reads it again and redraws."""
        if self.analytics is not None:
            self.analytics.invalidate()
        self._follow_up_stale = True
        self._payments_stale = True
        self._schedule()

    def reload(self) -> None:
        """The main window's name for `refresh` (called when the database was reopened)."""
        self.refresh()

    def set_database(self, db: Database | None) -> None:
        """Another database was opened (or none): the figures start again from it, today's."""
        self._live = db
        self.as_of_box.blockSignals(True)
        self.as_of_box.setChecked(False)
        self.as_of_box.blockSignals(False)
        self.as_of_day.setEnabled(False)
        self._as_of_seq += 1  # a copy still being built is of the other database
        self._show_database(db, None)

    def _show_database(self, db: Database | None, copy: PortfolioCopy | None) -> None:
        previous, self._copy = self._copy, copy
        self.db = db
        self.analytics = Analytics(db) if db is not None else None
        self._payments_stale = True
        self._shown_data.clear()
        self._follow_up_stale = True
        self._schedule()
        if previous is not None:
            previous.close()

    @property
    def as_of(self) -> date | None:
        """The day the figures are of, when not today's."""
        return self._copy.at.day if self._copy is not None else None

    def _as_of_changed(self) -> None:
        """« Au » ticked or its day changed: the copy of that day is built in the runner; untick:
        back to the portfolio as it is."""
        on = self.as_of_box.isChecked()
        self.as_of_day.setEnabled(on)
        self._as_of_seq += 1
        if not on or self._live is None:
            if self._copy is not None:
                self._show_database(self._live, None)
            return
        picked = self.as_of_day.date()
        day = date(picked.year(), picked.month(), picked.day())
        seq = self._as_of_seq
        self.status.setText(
            self.tr("Rebuilding the portfolio as it stood on %1…").replace(
                "%1", charts.format_date(day, messages.current_language())
            )
        )

        def built(copy: PortfolioCopy) -> None:
            if seq != self._as_of_seq:  # another day was chosen meanwhile, or « Au » unticked
                copy.close()
                return
            self._show_database(copy.db, copy)

        self.runner.submit(open_as_of, self._live, day, on_done=built, on_error=self._failed)

    def close_copy(self) -> None:
        """Removes the throw-away copy (the window closes, or the application quits)."""
        if self._copy is not None:
            self._copy.close()
            self._copy = None

    def _data_changed(self, scope: Scope, _ids: object) -> None:
        if scope in REFRESHING_SCOPES:
            self.refresh()

    def _schedule(self) -> None:
        """Recomputes now when the dashboard is on screen, else when it is next shown."""
        self._pending = True
        if self.canvases and self.isVisible():
            self._recompute()

    # -- building the charts on first show -----------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.canvases:
            if self._pending:
                self._recompute()
        elif self._synchronous:
            self._build_charts()
            self._recompute()
        elif not self._warming:
            # Matplotlib (its modules, fonts and caches: over a second) is loaded by the chart
            # thread, not here: the window keeps repainting meanwhile.
            self._warming = True
            self.status.setText(self.tr("Preparing the charts…"))
            chart_runner().submit(_warm_up, on_done=self._charts_ready, on_error=self._failed)

    @property
    def _synchronous(self) -> bool:
        return bool(getattr(self.runner, "synchronous", True))

    def _charts_ready(self, _result: object) -> None:
        self._build_charts()
        if self._pending or not self._shown_data:
            self._recompute()

    def _build_charts(self) -> None:
        from ..widgets.chart_canvas import ChartCanvas

        def add(name: str, row: int, column: int, span: int, height: int) -> None:
            canvas = ChartCanvas(name, synchronous=self._synchronous)
            canvas.setMinimumHeight(height)
            canvas.clicked.connect(self._bar_clicked)
            canvas.export_requested.connect(lambda path, n=name: self.export_chart(n, Path(path)))
            canvas.repainted.connect(lambda n=name: self._chart_repainted(n))
            self.canvases[name] = canvas
            self.charts_grid.addWidget(canvas, row, column, 1, span)

        add(OVER_TIME, 0, 0, 2, 380)
        for row, pair in enumerate(PAIRED_CHARTS, start=1):
            for column, name in enumerate(pair):
                add(name, row, column, 1, 320)
        self.canvases[OVER_TIME].repainted.connect(self._funding_repainted)
        # The national view: the poles side by side, below the rest, when there are several.
        add(POLES, 10, 0, 2, 320)
        self.canvases[POLES].hide()
        self._place_charts()

    def _place_charts(self) -> None:
        """Two charts a row when the page is wide enough, else one (a laptop at 150 %)."""
        columns = 2 if self.width() >= TWO_COLUMNS + 40 else 1
        if not self.canvases or (columns == self._columns and self.charts_grid.count()):
            self._columns = columns
            return
        self._columns = columns
        for index, name in enumerate(n for pair in PAIRED_CHARTS for n in pair):
            canvas = self.canvases[name]
            self.charts_grid.removeWidget(canvas)
            row, column = (1 + index // 2, index % 2) if columns == 2 else (1 + index, 0)
            self.charts_grid.addWidget(canvas, row, column)
        for column in range(2):
            self.charts_grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._place_charts()

    # -- computing -----------------------------------------------------------------------------

    def _recompute(self) -> None:
        """Funding over time first (the chart executives look at), then everything else."""
        self._pending = False
        if self.analytics is None:
            return
        # Said every time, not only the first: until the new figures arrive the charts show the
        # previous filter's.
        self.status.setText(self.tr("Computing the figures…"))
        self._overview_seq += 1
        self._compute_over_time(then_overview=self._overview_seq)
        if self._follow_up_stale:  # the whole portfolio's: a filter does not change it
            self._follow_up_stale = False
            self.follow_up.refresh(self.db)
        # The payments (below the charts) are the whole portfolio's: read again only when the
        # data changed, not for each filter.
        if self.db is not None and self._payments_stale:
            self._payments_stale = False
            self.runner.submit(
                payments_figures, self.db, on_done=self.payments.show_figures, on_error=self._failed
            )
            self.runner.submit(
                gap_figures, self.db, on_done=self.gaps.show_figures, on_error=self._failed
            )
            self.runner.submit(
                rule_figures, self.db, on_done=self.rules.show_figures, on_error=self._failed
            )

    def _compute_over_time(self, then_overview: int | None = None) -> None:
        if self.analytics is None:
            return
        self._over_time_seq += 1
        seq, flt, by = self._over_time_seq, self._filter, self._by
        self.runner.submit(
            self.analytics.funding_over_time,
            flt,
            by,
            on_done=lambda result: self._over_time_ready(seq, result, then_overview),
            on_error=self._failed,
        )

    def _over_time_ready(self, seq: int, data: Any, then_overview: int | None) -> None:
        if seq == self._over_time_seq:  # else the user has moved on to another filter
            self._draw(OVER_TIME, data)
        if then_overview is not None and then_overview == self._overview_seq:
            self._submit_overview(then_overview)

    def _submit_overview(self, seq: int) -> None:
        assert self.analytics is not None
        self.runner.submit(
            _figures,
            self.analytics,
            self._filter,
            messages.current_language(),
            on_done=lambda result: self._figures_ready(seq, result),
            on_error=self._failed,
        )

    def _figures_ready(self, seq: int, result: Any) -> None:
        overview, poles, words = result
        self._filter_words_ready(seq, words)
        self._poles_ready(seq, poles)
        self._overview_ready(seq, overview)

    def _filter_words_ready(self, seq: int, words: object) -> None:
        if seq == self._overview_seq:
            if self.as_of is not None:
                day = report.as_of_words(self.as_of, messages.current_language())
                words = f"{day} — {words}"
            self.filter_line.setText(str(words))
            for canvas in self.canvases.values():
                canvas.print_footer = str(words)

    def _poles_ready(self, seq: int, poles: Any) -> None:
        if seq != self._overview_seq or POLES not in self.canvases:
            return
        canvas = self.canvases[POLES]
        several = len(poles.poles) > 1
        canvas.setVisible(several)
        if several:
            canvas.setMinimumHeight(round(charts.poles_height(len(poles.poles)) * 100))
            self._draw(POLES, poles)

    def print_preview(self) -> Any:
        """The print preview of the page as it is on screen (its key figures and charts, on as
        many A4 pages as its length takes), the filter in words under each page."""
        from ..printing import preview_dialog, widget_picture

        self.preview = preview_dialog(
            self, [widget_picture(self.body)], self.filter_line.text(), split=True,
            landscape=False,
        )  # fmt: skip
        self.preview.open()
        return self.preview

    def _overview_ready(self, seq: int, overview: Any) -> None:
        if seq != self._overview_seq:
            return
        self.status.clear()
        lang = messages.current_language()
        for tile, (name, value, detail) in zip(
            self.tiles, charts.key_figure_tiles(overview.key_figures, lang), strict=True
        ):
            tile.show_figure(name, value, detail)
        parts = {name: getattr(overview, part) for name, part in OVERVIEW_PARTS.items()}
        # The charts whose data changed are built and drawn by the chart thread, in this order;
        # `overview_drawn` follows the last one's arrival on screen.
        self._waiting = {name for name, data in parts.items() if self._shown_data.get(name) != data}
        self._overview_open = True
        for name, data in parts.items():
            self._draw(name, data)
        self._overview_check()

    def _chart_repainted(self, name: str) -> None:
        if name in self._waiting:
            self._waiting.discard(name)
            self._overview_check()

    def _overview_check(self) -> None:
        if self._overview_open and not self._waiting:
            self._overview_open = False
            self.overview_drawn.emit()

    def _draw(self, name: str, data: object) -> None:
        """Builds and draws one chart (in the chart thread), only when its data changed since it
        was last drawn."""
        if self._shown_data.get(name) == data:
            if name == OVER_TIME:
                self.funding_chart_repainted.emit()
            return
        self._shown_data[name] = data
        build = charts.CHARTS[name].build
        self.canvases[name].show_chart(partial(build, data, messages.current_language()))

    def _funding_repainted(self) -> None:
        if OVER_TIME in self._shown_data:
            self.funding_chart_repainted.emit()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(describe(error) or self.tr("The figures could not be computed."))
        if describe(error) is None:
            show_error(self, error)

    # -- user actions --------------------------------------------------------------------------

    def _stack_names(self) -> dict[str, str]:
        return {
            "domain": self.tr("Domain"),
            "funder": self.tr("Funder"),
            "funder_kind": self.tr("Type of funder"),
            "instrument": self.tr("Instrument"),
            "region": self.tr("Region"),
        }

    def _stack_changed(self, _index: int) -> None:
        self._by = str(self.stack.currentData())
        if self.canvases:
            self._compute_over_time()

    def _bar_clicked(self, target: object) -> None:
        if isinstance(target, dict) and target:
            self.filter_requested.emit(filter_for(self._filter, target))

    def export_chart(self, name: str, path: Path) -> None:
        """Writes one chart for the current filter to a PNG, SVG or PDF file (in the runner)."""
        if self.analytics is None:
            return
        self.runner.submit(
            charts.export_chart,
            self.analytics,
            name,
            self._filter,
            path,
            messages.current_language(),
            by=self._by,
            on_done=lambda written: self.status.setText(
                self.tr("Chart saved: %1").replace("%1", str(written))
            ),
            on_error=lambda error: show_error(self, error),
        )

    def _ask_report(self) -> None:
        stem = self.tr("portfolio-report")
        path, _chosen = save_file_name(
            self,
            "report",
            self.tr("Save the executive report"),
            f"{stem}-{date.today().isoformat()}.pdf",
            self.tr("PDF document (*.pdf)"),
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.write_report(Path(path))

    def write_report(self, path: Path) -> None:
        """Writes the executive report for the current filter (in the runner, with progress)."""
        if self.analytics is None:
            return
        self.report_button.setEnabled(False)
        self.status.setText(self.tr("Writing the report…"))

        def done(written: object) -> None:
            self.report_button.setEnabled(True)
            self.status.setText(self.tr("Report saved: %1").replace("%1", str(written)))

        def failed(error: BaseException) -> None:
            self.report_button.setEnabled(True)
            self.status.clear()
            show_error(self, error)

        task = self.runner.submit(
            report.write_report,
            self.analytics,
            self._filter,
            path,
            messages.current_language(),
            by=self._by,
            as_of=self.as_of,
            with_progress=True,
            on_done=done,
            on_error=failed,
        )
        task.progressed.connect(lambda _fraction, code: self.status.setText(messages.text(code)))

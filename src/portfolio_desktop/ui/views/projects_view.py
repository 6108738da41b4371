"""The Projects screen: search as you type, filters, saved views, the table of 100,000 projects."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.filters import ProjectFilter
from ..context import AppContext, Scope
from ..errors import show_error
from ..lazy import project_list, reference
from ..models.project_table import OPTIONAL_COLUMNS, ProjectTableModel
from ..widgets.filter_panel import FilterChoices, FilterPanel
from ..widgets.tables import fit_headers

SEARCH_DELAY_MS = 120
DEFAULT_HIDDEN = ("cluster", "end_on", *OPTIONAL_COLUMNS)

#: The changes that change the table's rows, and those that change its filters' lists.
_ROWS_SCOPES = frozenset(
    {
        Scope.PROJECTS,
        Scope.ALL,
        Scope.ORGANISATIONS,
        Scope.DOMAINS,
        Scope.CALLS,
        Scope.FUNDERS,
        Scope.CLUSTERS,
    }
)
_REFERENCE_SCOPES = frozenset(
    {Scope.ALL, Scope.DOMAINS, Scope.FUNDERS, Scope.CALLS, Scope.CLUSTERS}
)


def load_choices(db: Any) -> FilterChoices:
    return FilterChoices(
        clusters=[(f"{r.extra[0]} — {r.name}", r.id) for r in reference().clusters(db)],
        domains=[(r.name, r.id) for r in reference().domains(db)],
        funders=[(r.name, r.id) for r in reference().funders(db)],
        calls=[(r.name, r.id) for r in reference().calls(db)],
    )


class ProjectsView(QWidget):
    """Search, filters and the projects table; double-click opens a project."""

    #: The filter shown changed (the dashboard follows it).
    filter_changed = Signal(object)
    #: (number of projects shown, their granted funding in cents) for the status bar.
    totals_changed = Signal(int, object)
    open_project = Signal(int)
    new_project = Signal()
    delete_projects = Signal(list)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._running = False  # a query of the table is under way
        self._again = False  # …and another was asked for meanwhile
        self._filter = ProjectFilter()
        self.selection: Any = None
        self._to_select: int | None = None  # a project to select once the table has it

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search reference, acronym, title, partner…"))
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("projectSearch")
        self.search.setAccessibleName(self.tr("Search projects"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        self.filters_button = QToolButton()
        self.filters_button.setText(self.tr("Filters"))
        self.filters_button.setCheckable(True)
        self.views = QComboBox()
        self.views.setMinimumWidth(180)
        self.views.setToolTip(self.tr("Saved views"))
        self.views.activated.connect(self._view_chosen)
        self.save_view_button = QToolButton()
        self.save_view_button.setText(self.tr("Save view…"))
        self.save_view_button.clicked.connect(self.save_view)
        self.startup_button = QToolButton()
        self.startup_button.setObjectName("startupView")
        self.startup_button.setText(self.tr("Open on it"))
        self.startup_button.setToolTip(self.tr("Open the application on this saved view"))
        self.startup_button.setCheckable(True)
        self.startup_button.setEnabled(False)
        self.startup_button.toggled.connect(self._startup_toggled)
        self._startup_applied = False
        self.delete_view_button = QToolButton()
        self.delete_view_button.setText(self.tr("Delete view"))
        self.delete_view_button.clicked.connect(self.delete_view)
        self.new_button = QToolButton()
        self.new_button.setText(self.tr("New project"))
        self.new_button.clicked.connect(self.new_project)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.filters_button)
        bar.addWidget(self.views)
        bar.addWidget(self.save_view_button)
        bar.addWidget(self.startup_button)
        bar.addWidget(self.delete_view_button)
        bar.addWidget(self.new_button)

        self.panel = FilterPanel()
        self.panel.filter_changed.connect(lambda _f: self.refresh())
        self.filters_button.toggled.connect(self.panel.setVisible)
        self.filters_button.setChecked(bool(ctx.settings.get("projects/filters_visible")))
        self.panel.setVisible(self.filters_button.isChecked())

        self.model = ProjectTableModel(self._fetch_rows, self)
        self.model.sort_requested.connect(lambda _k, _d: self.refresh())
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Projects"))
        self.table.setObjectName("projectsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.setSortIndicator(self.model.column_of("reference"), Qt.SortOrder.AscendingOrder)
        self._default_widths()
        if not header.restoreState(ctx.settings.get("projects/header")):
            for key in DEFAULT_HIDDEN:
                self.table.setColumnHidden(self.model.column_of(key), True)
        self.table.doubleClicked.connect(
            lambda index: self.open_project.emit(self.model.project_id(index.row()))
        )
        open_action = QAction(self.tr("Open"), self.table)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(self._open_current)
        delete_action = QAction(self.tr("Delete"), self.table)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(lambda: self.delete_projects.emit(self.selected_ids()))
        self.table.addActions([open_action, delete_action])

        self.splitter = QSplitter()
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 1100])
        self.panel.setMaximumWidth(380)
        self.splitter.restoreState(ctx.settings.get("projects/splitter"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        ctx.data_changed.connect(self._on_data_changed)

    # -- state ------------------------------------------------------------------------------------

    def current_filter(self) -> ProjectFilter:
        return self.panel.current().with_changes(search=self.search.text().strip())

    def set_filter(self, flt: ProjectFilter) -> None:
        """Shows exactly this filter (dashboard click-through, saved views)."""
        self.search.blockSignals(True)
        self.search.setText(flt.search)
        self.search.blockSignals(False)
        self.panel.set_filter(flt.with_changes(search=""))

    def select_project(self, project_id: int) -> None:
        """Selects the project and scrolls to it: now when the table lists it, else when the
        query that follows a save (a new project) brings it."""
        if not self._show_row(project_id):
            self._to_select = project_id

    def _show_row(self, project_id: int) -> bool:
        row = self.model.row_of(project_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.project_id(r) for r in rows]

    def save_layout(self) -> None:
        self.ctx.settings.set("projects/header", self.table.horizontalHeader().saveState())
        self.ctx.settings.set("projects/splitter", self.splitter.saveState())
        self.ctx.settings.set("projects/filters_visible", self.filters_button.isChecked())

    # -- loading ----------------------------------------------------------------------------------

    def reload_reference(self) -> None:
        """Refreshes the filters' lists and the saved views, then the table."""
        db = self.ctx.db
        if db is None:
            return
        self.ctx.read(load_choices, db, on_done=self.panel.set_choices, on_error=self._failed)
        self.ctx.read(project_list().saved, db, on_done=self._set_views, on_error=self._failed)
        self.refresh()

    def refresh(self) -> None:
        """Runs the filtered, sorted query off the GUI thread.

        One query at a time: asked again while one runs (fast typing), the table remembers to run
        once more with the latest filter when it ends, instead of starting queries that would
        compete for the processor and be thrown away.
        """
        db = self.ctx.db
        if db is None:
            return
        self._search_timer.stop()
        if self._running:
            self._again = True
            return
        self._running, self._again = True, False
        flt = self.current_filter()
        sort_key, descending = self.model.sort_key, self.model.descending

        def finish() -> None:
            self._running = False
            if self._again:
                self.refresh()

        def done(selection: Any) -> None:
            if not self._again and self.ctx.db is db:
                self.selection = selection
                self.model.set_ids(selection.ids)
                self.totals_changed.emit(len(selection.ids), selection.granted_cents)
                if flt != self._filter:
                    self._filter = flt
                    self.filter_changed.emit(flt)
                if self._to_select is not None and self._show_row(self._to_select):
                    self._to_select = None
            finish()

        def failed(error: BaseException) -> None:
            finish()
            self._failed(error)

        self.ctx.read(
            project_list().select, db, flt, sort_key, descending, on_done=done, on_error=failed
        )

    def _fetch_rows(self, ids: Any) -> list[Any]:
        if self.ctx.db is None:
            return []
        rows: list[Any] = project_list().rows(self.ctx.db, ids)  # a lazily imported module
        return rows

    def _on_data_changed(self, scope: Scope, ids: Any) -> None:
        if scope in _ROWS_SCOPES:
            self.model.invalidate(list(ids) if scope is Scope.PROJECTS else [])
            self.refresh()
        if scope in _REFERENCE_SCOPES:
            self.reload_reference()
        if scope is Scope.VIEWS:
            self.ctx.read(
                project_list().saved, self.ctx.db, on_done=self._set_views, on_error=self._failed
            )

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)

    # -- saved views ------------------------------------------------------------------------------

    def _set_views(self, views: list[Any]) -> None:
        self._saved = {v.name: v for v in views}
        current = self.views.currentText()
        self.views.blockSignals(True)
        self.views.clear()
        self.views.addItem(self.tr("(current view)"), None)
        for view in views:
            self.views.addItem(view.name, view.name)
        index = self.views.findText(current)
        self.views.setCurrentIndex(max(0, index))
        self.views.blockSignals(False)
        self.delete_view_button.setEnabled(bool(views))
        startup = str(self.ctx.settings.get("startup/view") or "")
        if not self._startup_applied and startup in self._saved:
            # The first list of views of this window: it opens on the chosen one.
            self.views.setCurrentIndex(self.views.findData(startup))
            self.apply_view(self._saved[startup])
        self._startup_applied = True
        self._show_startup_state()

    def _show_startup_state(self) -> None:
        name = self.views.currentData()
        self.startup_button.blockSignals(True)
        self.startup_button.setEnabled(bool(name))
        self.startup_button.setChecked(bool(name) and name == self.ctx.settings.get("startup/view"))
        self.startup_button.blockSignals(False)

    def _startup_toggled(self, checked: bool) -> None:
        name = self.views.currentData()
        if name:
            self.ctx.settings.set("startup/view", name if checked else "")

    def current_view(self, name: str) -> Any:
        header = self.table.horizontalHeader()
        keys = self.model.column_keys()
        visible = [
            keys[header.logicalIndex(v)]
            for v in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(v))
        ]
        return project_list().SavedViewRecord(
            name, self.current_filter(), tuple(visible), self.model.sort_key, self.model.descending
        )

    def save_view(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name of the view:"))
        if ok and name.strip() and self.ctx.db is not None:
            self.ctx.write(
                project_list().save, self.ctx.db, self.current_view(name.strip()), scope=Scope.VIEWS
            )

    def delete_view(self) -> None:
        name = self.views.currentData()
        if name and self.ctx.db is not None:
            answer = QMessageBox.question(
                self, self.tr("Delete view"), self.tr("Delete the view “%1”?").replace("%1", name)
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.ctx.write(project_list().delete, self.ctx.db, name, scope=Scope.VIEWS)

    def apply_view(self, view: Any) -> None:
        header = self.table.horizontalHeader()
        keys = self.model.column_keys()
        if view.columns:
            for logical, key in enumerate(keys):
                self.table.setColumnHidden(logical, key not in view.columns)
            for position, key in enumerate(view.columns):
                if key in keys:
                    header.moveSection(header.visualIndex(keys.index(key)), position)
        self.model.sort_key, self.model.descending = view.sort_key, view.descending
        if view.sort_key in keys:
            header.blockSignals(True)
            header.setSortIndicator(
                keys.index(view.sort_key),
                Qt.SortOrder.DescendingOrder if view.descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)
        self.set_filter(view.filter)

    def _view_chosen(self, index: int) -> None:
        name = self.views.itemData(index)
        if name and name in getattr(self, "_saved", {}):
            self.apply_view(self._saved[name])
        self._show_startup_state()

    # -- columns ----------------------------------------------------------------------------------

    def _default_widths(self) -> None:
        widths = {
            "cluster": 70,
            "reference": 120,
            "acronym": 110,
            "title": 360,
            "status": 110,
            "lead": 200,
            "domains": 220,
            "regions": 130,
            "call": 200,
            "start_on": 90,
            "end_on": 90,
            "budget": 120,
            "granted": 130,
            "funders": 220,
            "maturity": 150,
        }
        # A reference as long as an ANR one (« ANR-22-PETQ-0010 ») is not cut.
        widths["reference"] = max(
            widths["reference"], self.table.fontMetrics().horizontalAdvance("ANR-22-PETQ-0010") + 16
        )
        for column, key in enumerate(self.model.column_keys()):
            self.table.setColumnWidth(column, widths.get(key, 100))
        fit_headers(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _column_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.table.setColumnHidden(c, not shown))
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_project.emit(self.model.project_id(index.row()))

"""The main window: navigation, menus, status bar. It wires views and actions; each screen is its
own view class, and every piece of work goes through the context's runners."""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from .. import messages, paths
from ..domain.filters import ProjectFilter
from . import formatting
from .context import AppContext, Scope
from .dialogs.backup_actions import SafetyActions
from .errors import show_error
from .operations import Operation
from .views.projects_view import ProjectsView
from .views.welcome_view import WelcomeView

#: Pages of the navigation: key, module and class (imported when first shown), title.
PAGES: list[tuple[str, str, str]] = [
    ("projects", "", ""),
    ("organisations", "portfolio_desktop.ui.views.organisations_view", "OrganisationsView"),
    ("funders", "portfolio_desktop.ui.views.funders_view", "FundersView"),
    ("domains", "portfolio_desktop.ui.views.domains_view", "DomainsView"),
    ("experts", "portfolio_desktop.ui.views.experts_view", "ExpertsView"),
    ("clusters", "portfolio_desktop.ui.views.clusters_view", "ClustersView"),
    ("dashboard", "portfolio_desktop.ui.views.dashboard_view", "DashboardView"),
    ("timeline", "portfolio_desktop.ui.views.timeline_view", "TimelineView"),
    ("snapshots", "portfolio_desktop.ui.views.snapshots_view", "SnapshotsView"),
]


def page_available(module: str) -> bool:
    if not module:
        return True
    return importlib.util.find_spec(module) is not None


def without_mnemonic(text: str) -> str:
    """A menu text as read: `&File` → `File`, `Funders && calls` → `Funders & calls`."""
    return re.sub(r"&(&?)", lambda m: m.group(1), text)


def count_projects(db: Any) -> int:
    from ..services.stats import project_count

    return project_count(db)


#: Shortcuts of the window's own commands that a text field would take for itself (Ctrl+E is
#: "end of line" in a line edit): they run the command whatever has the focus.
WINDOW_SHORTCUTS = (
    "Ctrl+E",
    "Ctrl+I",
    "Ctrl+Shift+F",
    "Ctrl+Shift+N",
    "F1",
    *(f"Ctrl+{n}" for n in range(1, 10)),
)


#: Files a user may drop on the window: workbooks start the import wizard on them, portfolio
#: files are opened.
WORKBOOK_FILES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
PORTFOLIO_FILES = (".sqlite", ".db")
DROPPABLE = WORKBOOK_FILES + PORTFOLIO_FILES


class _StackAction(QAction):
    """Undo (or Redo) named after what it undoes, quoted: « Annuler « Modification du projet
    IR-2021-0025 » » rather than Qt's « Annuler Modification du projet… »."""

    def __init__(
        self,
        stack: QUndoStack,
        plain: str,
        named: str,
        parent: QObject,
        *,
        redo: bool = False,
    ) -> None:
        super().__init__(plain, parent)
        self.plain, self.named = plain, named
        self.stack = stack
        self.triggered.connect(stack.redo if redo else stack.undo)
        # Bound methods of this action: disconnected when the window (and it) goes.
        (stack.canRedoChanged if redo else stack.canUndoChanged).connect(self.setEnabled)
        (stack.redoTextChanged if redo else stack.undoTextChanged).connect(self.name_after)
        self.setEnabled(stack.canRedo() if redo else stack.canUndo())
        self.name_after(stack.redoText() if redo else stack.undoText())

    def name_after(self, text: str) -> None:
        self.setText(self.named.replace("%1", text.replace("&", "&&")) if text else self.plain)


class _WindowShortcuts(QObject):
    """Lets the window's shortcuts through a focused text field of that window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.keys = {QKeySequence(k).toString() for k in WINDOW_SHORTCUTS}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # True: the field does not take the key, and Qt's shortcut map runs the command.
        return (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(watched, QWidget)
            and watched.window() is self.window
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()).toString() in self.keys
        )


class MainWindow(QMainWindow):
    """Thin: menus, navigation, status bar; views do the work."""

    #: The user chose another language in the preferences (the application rebuilds the window).
    language_chosen = Signal(str)
    #: The user asked to open a database (path or URL).
    open_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle("portfolio-desktop")
        self.resize(1360, 860)
        self._pages: dict[str, QWidget] = {}
        self._page_rows: dict[str, int] = {}
        self._demo: Operation | None = None  # the demo being created, if any
        self._project_filter = ProjectFilter()
        self._loading: QLabel | None = None
        self._opened_on_startup_page = False

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(220)
        self.navigation.setMinimumWidth(140)
        self.stack = QStackedWidget()
        self.welcome = WelcomeView()
        self.stack.addWidget(self.welcome)
        self.projects = ProjectsView(ctx)
        self.stack.addWidget(self.projects)
        self._pages["projects"] = self.projects
        titles = self.page_titles()
        for key, module, _cls in PAGES:
            if not page_available(module):
                continue
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            self._page_rows[key] = self.navigation.count()
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._navigate)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1190])
        self.setCentralWidget(self.splitter)

        self.database_label = QLabel()
        self.totals_label = QLabel()
        self.totals_label.setObjectName("totalsLabel")
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.totals_label)

        # Data safety and team mode (issue 7): backups, server, history and imports.
        self.safety = SafetyActions(ctx, self)
        self.setAcceptDrops(True)
        self._build_menus()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(_WindowShortcuts(self))
        self.welcome.create_demo.connect(self.create_demo)
        self.welcome.import_workbook.connect(self.import_workbook)
        self.welcome.start_empty.connect(self.start_empty)
        self.welcome.open_file.connect(self.open_file)
        self.projects.totals_changed.connect(self._show_totals)
        self.projects.filter_changed.connect(self._on_filter_changed)
        self.projects.open_project.connect(self.open_project)
        self.projects.new_project.connect(lambda: self.open_project(None))
        self.projects.delete_projects.connect(self.delete_projects)
        ctx.database_changed.connect(self._on_database_changed)
        ctx.data_changed.connect(self._on_data_changed)
        ctx.write_failed.connect(lambda error: show_error(self, error))

        self.restoreGeometry(ctx.settings.get("window/geometry"))
        self.restoreState(ctx.settings.get("window/state"))
        self.splitter.restoreState(ctx.settings.get("window/splitter"))
        self.navigation.setCurrentRow(0)
        if ctx.db is not None:
            self._on_database_changed(ctx.db)

    def page_titles(self) -> dict[str, str]:
        return {
            "projects": self.tr("Projects"),
            "organisations": self.tr("Organisations"),
            "funders": self.tr("Funders & calls"),
            "domains": self.tr("Domains"),
            "experts": self.tr("Experts"),
            "clusters": self.tr("Clusters"),
            "dashboard": self.tr("Dashboard"),
            "timeline": self.tr("Timeline"),
            "snapshots": self.tr("Snapshots"),
        }

    # -- menus ------------------------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], Any], shortcut: Any = None, name: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if name:
            action.setObjectName(name)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(
                self.tr("&New portfolio…"), self.new_portfolio, QKeySequence.StandardKey.New
            )
        )
        file_menu.addAction(
            self._action(self.tr("&Open…"), self.open_file, QKeySequence.StandardKey.Open)
        )
        file_menu.addAction(self._action(self.tr("Save a &copy…"), self.save_copy))
        file_menu.addAction(self.safety.restore_action)
        file_menu.addAction(self.safety.server_action)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent files"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                self.tr("&Import a workbook…"), self.import_workbook, "Ctrl+I", "importAction"
            )
        )
        file_menu.addAction(
            self._action(self.tr("&Export…"), self.export_workbook, "Ctrl+E", "exportAction")
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        )

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = _StackAction(self.ctx.undo_stack, self.tr("&Undo"), self.tr("&Undo “%1”"), self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("undoAction")
        redo = _StackAction(
            self.ctx.undo_stack, self.tr("&Redo"), self.tr("&Redo “%1”"), self, redo=True
        )
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        redo.setObjectName("redoAction")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addAction(self.safety.history_action)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(self.tr("New &project…"), lambda: self.open_project(None), "Ctrl+Shift+N")
        )
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(
                self.tr("&Preferences…"),
                self.preferences,
                QKeySequence.StandardKey.Preferences,
                "preferencesAction",
            )
        )

        view_menu = bar.addMenu(self.tr("&View"))
        titles = self.page_titles()
        for number, key in enumerate(self._page_rows, start=1):
            view_menu.addAction(
                self._action(
                    titles[key].replace("&", "&&"),  # « Funders & calls »: not a mnemonic
                    functools.partial(self.show_page, key),
                    f"Ctrl+{number}",
                )
            )
        view_menu.addSeparator()
        view_menu.addAction(
            self._action(
                self.tr("Show or hide the &filters"),
                self.projects.filters_button.toggle,
                "Ctrl+Shift+F",
            )
        )
        view_menu.addAction(
            self._action(
                self.tr("&Search projects"), self.focus_search, QKeySequence.StandardKey.Find
            )
        )

        tools_menu = bar.addMenu(self.tr("&Tools"))
        tools_menu.addAction(self._action(self.tr("Create the &demo portfolio"), self.create_demo))
        tools_menu.addAction(self._action(self.tr("&Check the database"), self.check_database))
        tools_menu.addAction(self._action(self.tr("Projects to &review"), self.show_to_review))

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1"))
        help_menu.addAction(self._action(self.tr("&About portfolio-desktop"), self.about))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for location in self.ctx.settings.recent_files():
            self.recent_menu.addAction(
                self._action(location, functools.partial(self.open_requested.emit, location))
            )
        if not self.recent_menu.actions():
            empty = self.recent_menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)

    # -- navigation -------------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        row = self._page_rows.get(key)
        if row is not None:
            self.navigation.setCurrentRow(row)

    def page(self, key: str) -> QWidget | None:
        return self._pages.get(key)

    def _navigate(self, row: int) -> None:
        item = self.navigation.item(row)
        if item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        if key == "projects" and getattr(self, "_empty", False):
            self.stack.setCurrentWidget(self.welcome)
            return
        widget = self._pages.get(key)
        if widget is None:
            module_name = next(m for k, m, _c in PAGES if k == key)
            if module_name not in sys.modules and not self.ctx.synchronous:
                # The page's module (the dashboard's brings numpy and the analytics) is imported
                # by a worker: the window keeps repainting meanwhile, on a "loading" page.
                self.stack.setCurrentWidget(self._loading_page())
                self.ctx.read(
                    importlib.import_module,
                    module_name,
                    on_done=lambda _module: self._page_imported(key),
                    on_error=lambda error: show_error(self, error),
                )
                return
            widget = self._create_page(key)
        if widget is not None:
            self.stack.setCurrentWidget(widget)

    def _loading_page(self) -> QWidget:
        if self._loading is None:
            self._loading = QLabel(self.tr("Loading…"))
            self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._loading.setStyleSheet("color: #666666;")
            self.stack.addWidget(self._loading)
        return self._loading

    def _page_imported(self, key: str) -> None:
        """The page's module is loaded: the page is built, and shown if still the one chosen."""
        widget = self._pages.get(key) or self._create_page(key)
        current = self.navigation.currentItem()
        chosen = current is not None and current.data(Qt.ItemDataRole.UserRole) == key
        if chosen and widget is not None:
            self.stack.setCurrentWidget(widget)

    def _create_page(self, key: str) -> QWidget | None:
        """Builds a page the first time it is shown (the dashboard imports matplotlib then)."""
        module_name, class_name = next((m, c) for k, m, c in PAGES if k == key)
        module = importlib.import_module(module_name)
        widget: QWidget = getattr(module, class_name)(self.ctx)
        self._pages[key] = widget
        self.stack.addWidget(widget)
        if key == "dashboard":
            widget.filter_requested.connect(self.show_projects_filtered)  # type: ignore[attr-defined]
            widget.project_requested.connect(self.open_project)  # type: ignore[attr-defined]
            widget.set_filter(self._project_filter)  # type: ignore[attr-defined]
        elif hasattr(widget, "show_projects"):
            # Reference screens: "show the projects of this organisation / funder / domain".
            widget.show_projects.connect(self.show_projects_filtered)
        return widget

    def show_projects_filtered(self, flt: ProjectFilter) -> None:
        self.projects.set_filter(flt)
        self.show_page("projects")

    def focus_search(self) -> None:
        self.show_page("projects")
        self.projects.search.setFocus()
        self.projects.search.selectAll()

    # -- database ---------------------------------------------------------------------------------

    def show_opening(self, target: str) -> None:
        self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", target))

    def _on_database_changed(self, db: Any) -> None:
        self.database_label.setText(db.location if db is not None else self.tr("No database open"))
        self.setWindowTitle(
            f"portfolio-desktop — {Path(db.location).name}{self.safety.read_only_suffix(db)}"
            if db is not None
            else "portfolio-desktop"
        )
        if db is None:
            return
        self.ctx.read(
            count_projects,
            db,
            on_done=self._show_welcome_if_empty,
            on_error=lambda e: show_error(self, e),
        )
        self.projects.reload_reference()
        for key, widget in self._pages.items():
            if key != "projects" and hasattr(widget, "reload"):
                widget.reload()

    def _show_welcome_if_empty(self, count: int) -> None:
        self._empty = count == 0
        if self._empty:
            self.stack.setCurrentWidget(self.welcome)
            return
        if self.stack.currentWidget() is self.welcome:
            self.stack.setCurrentWidget(self.projects)
        self._show_due_digest()
        if not self._opened_on_startup_page:
            # Once per window: an executive opens on the dashboard (with the startup view's
            # filter, which the projects table passes on).
            self._opened_on_startup_page = True
            page = str(self.ctx.settings.get("startup/page") or "projects")
            if page != "projects":
                self.show_page(page)

    def _show_due_digest(self) -> None:
        """« 3 rapports en retard, 5 jalons ou livrables dans les 30 prochains jours », in the
        status bar when a portfolio opens (read off the GUI thread)."""
        from ..services.follow_up import digest, due_report

        db = self.ctx.db
        if db is None:
            return

        def show(report: Any) -> None:
            text = digest(report)
            if text:
                self.statusBar().showMessage(text[:1].upper() + text[1:], 30_000)

        self.ctx.read(due_report, db, on_done=show, on_error=lambda e: show_error(self, e))

    def _on_data_changed(self, scope: Scope, _ids: Any) -> None:
        if (
            getattr(self, "_empty", False)
            and scope in (Scope.PROJECTS, Scope.ALL)
            and self.ctx.db is not None
        ):
            self.ctx.read(count_projects, self.ctx.db, on_done=self._show_welcome_if_empty)

    def _show_totals(self, count: int, granted: int) -> None:
        self.totals_label.setText(
            self.tr("%1 projects · funding granted %2")
            .replace("%1", formatting.number(count))
            .replace("%2", formatting.money(granted, decimals=False))
        )

    def _on_filter_changed(self, flt: ProjectFilter) -> None:
        self._project_filter = flt
        dashboard = self._pages.get("dashboard")
        if dashboard is not None:
            dashboard.set_filter(flt)  # type: ignore[attr-defined]

    def new_portfolio(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New portfolio"),
            str(paths.data_dir()),
            self.tr("Portfolio databases (*.sqlite)"),
        )
        if path:
            if not path.endswith(".sqlite"):
                path += ".sqlite"
            if Path(path).exists():
                QMessageBox.warning(
                    self,
                    self.tr("New portfolio"),
                    self.tr("This file already exists; open it instead."),
                )
                return
            self.open_requested.emit(path)

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a portfolio"),
            str(paths.data_dir()),
            self.tr("Portfolio databases (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_requested.emit(path)

    def save_copy(self) -> None:
        db = self.ctx.db
        if db is None or db.path is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a copy"),
            str(db.path.with_name(db.path.stem + "-copie.sqlite")),
            self.tr("Portfolio databases (*.sqlite)"),
        )
        if not path:
            return
        from ..services.safety import save_copy

        source = db.path
        self.ctx.read(
            save_copy,
            source,
            Path(path),
            on_done=lambda target: self.statusBar().showMessage(
                self.tr("Copy saved: %1").replace("%1", str(target)), 8000
            ),
            on_error=lambda error: show_error(self, error),
        )

    def start_empty(self) -> None:
        from ..services import reference

        db = self.ctx.db
        if db is None:
            return

        def done(_cluster: object) -> None:
            self._leave_welcome()
            self.open_project(None)

        self.ctx.write(reference.ensure_cluster, db, scope=Scope.ALL, on_done=done)

    def _leave_welcome(self) -> None:
        self._empty = False
        self.stack.setCurrentWidget(self.projects)

    def create_demo(self) -> None:
        db = self.ctx.db
        if db is None or (self._demo is not None and self._demo.running):
            return
        from ..services.demo import create_demo

        title = self.tr("Creating the demo portfolio…")
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 100, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def progressed(fraction: float, words: str) -> None:
            dialog.setValue(int(fraction * 100))
            if words:
                dialog.setLabelText(f"{title}\n{words}")

        def done(_report: object) -> None:
            self._leave_welcome()
            self.ctx.data_changed.emit(Scope.ALL, [])

        self._demo = operation = Operation(self.ctx.writer.submit, dialog, dialogs=True)
        operation.progressed.connect(progressed)
        operation.succeeded.connect(done)
        operation.finished.connect(dialog.reset)
        dialog.canceled.connect(operation.cancel)
        operation.start(create_demo, db, "pole", 1, with_progress=True)

    def check_database(self) -> None:
        db = self.ctx.db
        if db is None:
            return
        from ..services.check import check_database, finding_message

        def done(findings: list[Any]) -> None:
            if not findings:
                QMessageBox.information(
                    self, self.tr("Check the database"), messages.text("check_ok")
                )
                return
            lines = [finding_message(f) for f in findings[:30]]
            errors = sum(1 for f in findings if f.severity == "error")
            lines.append(
                messages.text(
                    "check_summary", {"errors": errors, "warnings": len(findings) - errors}
                )
            )
            QMessageBox.warning(self, self.tr("Check the database"), "\n".join(lines))

        self.ctx.read(check_database, db, on_done=done, on_error=lambda e: show_error(self, e))

    def show_to_review(self) -> None:
        """The projects table narrowed to the projects `check` finds a problem in."""
        db = self.ctx.db
        if db is None:
            return
        from ..services.check import projects_to_review

        def done(ids: tuple[int, ...]) -> None:
            if not ids:
                QMessageBox.information(
                    self, self.tr("Projects to review"), messages.text("check_ok")
                )
                return
            self.show_projects_filtered(ProjectFilter(project_ids=ids))

        self.ctx.read(projects_to_review, db, on_done=done, on_error=lambda e: show_error(self, e))

    # -- projects ---------------------------------------------------------------------------------

    def open_project(self, project_id: int | None) -> None:
        db = self.ctx.db
        if db is None:
            return
        from ..services import reference
        from .dialogs.project_editor import ProjectEditor, load_choices

        def show(result: Any) -> None:
            choices, record = result
            if not choices.clusters:
                self.ctx.write(
                    reference.ensure_cluster,
                    db,
                    scope=Scope.ALL,
                    on_done=lambda _c: self.open_project(project_id),
                )
                return
            editor = ProjectEditor(self.ctx, choices, record, self)
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            editor.saved.connect(lambda pid, e=editor: self._project_saved(pid, e))
            self._editor = editor
            editor.open()

        self.ctx.read(
            load_choices, db, project_id, on_done=show, on_error=lambda e: show_error(self, e)
        )

    def _project_saved(self, project_id: int, editor: Any) -> None:
        """Says so in the status bar, and shows the project in the table (a new one too)."""
        record = editor.current_record()
        name = " — ".join(part for part in (record.reference, record.acronym) if part)
        self.statusBar().showMessage(self.tr("Project %1 saved.").replace("%1", name), 8000)
        self.projects.select_project(project_id)

    def delete_projects(self, ids: list[int]) -> None:
        db = self.ctx.db
        if db is None or not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete projects"),
            self.tr("Delete %Ln project(s)? You can undo this.", "", len(ids)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from . import commands

        rows = {r.id: r for r in self._rows(ids)}
        self.ctx.undo_stack.beginMacro(self.tr("Delete %Ln project(s)", "", len(ids)))
        for project_id in ids:
            row = rows.get(project_id)
            if row is not None:
                self.ctx.undo_stack.push(
                    commands.delete_project(
                        self.ctx,
                        project_id,
                        row.version,
                        self.tr("Delete %1").replace("%1", row.reference),
                    )
                )
        self.ctx.undo_stack.endMacro()

    def _rows(self, ids: list[int]) -> list[Any]:
        from ..services import project_list

        assert self.ctx.db is not None
        return project_list.rows(self.ctx.db, ids)

    # -- workbooks --------------------------------------------------------------------------------

    def import_workbook(self, path: str | Path | None = None) -> None:
        """Opens the import wizard (on `path` when given: a workbook dropped on the window)."""
        if self.ctx.db is None:
            return
        from .dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(self.ctx.db, self.ctx.writer, self, path=path)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def imported(_batch: object) -> None:
            self._leave_welcome()
            self.ctx.data_changed.emit(Scope.ALL, [])

        wizard.imported.connect(imported)
        wizard.show_projects.connect(self.show_projects_filtered)
        wizard.open()

    def export_workbook(self) -> None:
        if self.ctx.db is None:
            return
        from .dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.ctx.db, self.ctx.reader, self.projects.current_filter(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- drag and drop ----------------------------------------------------------------------------

    def _dropped_file(self, event: Any) -> Path | None:
        """The one local workbook or portfolio file being dragged over the window, if any."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.suffix.lower() in DROPPABLE else None

    def dragEnterEvent(self, event: Any) -> None:
        if self._dropped_file(event) is not None and self.ctx.db is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: Any) -> None:
        path = self._dropped_file(event)
        if path is None or self.ctx.db is None:
            event.ignore()
            return
        event.acceptProposedAction()
        if path.suffix.lower() in PORTFOLIO_FILES:
            self.open_requested.emit(str(path))
        else:
            self.import_workbook(path)

    # -- help and preferences ---------------------------------------------------------------------

    def preferences(self) -> None:
        from .dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.ctx.settings, self)
        if dialog.exec() and dialog.language() != self.ctx.settings.language:
            self.ctx.settings.language = dialog.language()
            self.language_chosen.emit(dialog.language())

    def show_shortcuts(self) -> None:
        """F1: every shortcut and what it does, in two aligned columns."""
        import html

        rows = set()
        for action in self.findChildren(QAction):
            if action.shortcut().isEmpty() or not action.text():
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            rows.add((keys, without_mnemonic(action.text())))
        table = "".join(
            f"<tr><td style='padding-right:18px'>{html.escape(keys)}</td>"
            f"<td>{html.escape(text)}</td></tr>"
            for keys, text in sorted(rows)
        )
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"), "", parent=self
        )
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table>{table}</table>")
        box.exec()

    def about(self) -> None:
        from .dialogs.about import AboutDialog

        AboutDialog(self.ctx, self).exec()

    # -- closing ----------------------------------------------------------------------------------

    def save_layout(self) -> None:
        self.ctx.settings.set("window/geometry", self.saveGeometry())
        self.ctx.settings.set("window/state", self.saveState())
        self.ctx.settings.set("window/splitter", self.splitter.saveState())
        self.projects.save_layout()
        self.ctx.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.ctx.writer.wait(60_000)
        from .tasks import wait_for_charts

        wait_for_charts()
        super().closeEvent(event)

"""Screenshots of the real desktop under a virtual X server, for people to look at.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py \
        [--db PATH] [--lang fr|en] [--size 1366x768] [--workbook FILE.xlsx]

Run it with a window manager (`openbox &` inside the xvfb-run session) to see the window as users
do: title bar, maximised window. Saves PNG files into the folder named by PORTFOLIO_SCREENSHOTS
(default ./screenshots), each name starting with the language and the screen size: the welcome
page (an empty portfolio), the projects table, a search, the project editor's tabs, each
reference-data screen, the dashboard (unfiltered, then filtered and scrolled to its lower charts),
the import wizard's pages on a workbook, a file dialog and the shortcuts list. The database
defaults to the national demo of the benchmarks (benchmarks/.work/national.sqlite), built if
missing. Works on a copy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wait_for(app, condition, timeout: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return False


def settle(app, seconds: float = 0.4) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def reference_editor(app, view, shot) -> None:  # type: ignore[no-untyped-def]
    """The organisation editor of the first organisation of the list, then closed."""
    view.table.selectRow(0)
    view.edit_selected()
    if wait_for(
        app, lambda: getattr(view, "_dialog", None) is not None and view._dialog.isVisible(), 30
    ):
        shot("04b-organisation-editor")
        view._dialog.reject()


def domain_editor(app, view, shot) -> None:  # type: ignore[no-untyped-def]
    """The form of a domain of one pole's roadmap (the first such domain, else the first)."""
    rows = view.model.rows()
    row = next((i for i, r in enumerate(rows) if r.cluster_id is not None), 0)
    view.table.selectRow(row)
    view.edit_selected()
    if wait_for(
        app, lambda: getattr(view, "_dialog", None) is not None and view._dialog.isVisible(), 30
    ):
        shot("06b-domain-editor")
        view._dialog.reject()


def rules_shots(app, view, shot) -> None:  # type: ignore[no-untyped-def]
    """The aid-rate rules of an FUI call (« AAP FUI 16 » when the portfolio has it), the form of a
    new rule on it with its duplicate message (its SME rule exists), then the form of its SME
    rule."""
    calls = [c for c in view._all_calls if c.name.startswith("AAP FUI")]
    if not calls:
        return
    call = next((c for c in calls if c.name == "AAP FUI 16"), calls[0])
    view.select_call(call.id)
    view.calls_table.scrollTo(view.calls.index(view.calls.row_of(call.id), 0))
    settle(app, 0.5)
    shot("05b-funders-rules-of-a-call")
    view.new_rule()
    if wait_for(app, lambda: view._dialog is not None and view._dialog.isVisible(), 30):
        kind = view._dialog.kind
        kind.setCurrentIndex(kind.findData("sme"))
        view._dialog.rate.setValue(45)
        view._dialog.source.setText("cahier des charges")
        settle(app, 0.5)
        shot("05c-rule-form-duplicate")
        view._dialog.reject()
    sme = next((n for n, r in enumerate(view.rules.rows()) if r.rule.partner_kind == "sme"), -1)
    if sme >= 0:
        view.rules_table.selectRow(sme)
        view.edit_rule()
        if wait_for(app, lambda: view._dialog is not None and view._dialog.isVisible(), 30):
            settle(app, 0.5)
            shot("05d-rule-form-edit")
            view._dialog.reject()
    view.only_selection.setChecked(False)
    settle(app, 0.5)
    shot("05e-funders-all-rules")


def snapshots_shots(app, window, shot) -> None:  # type: ignore[no-untyped-def]
    """The Snapshots screen (the two latest compared), then the form of a new snapshot."""
    window.show_page("snapshots")
    if not wait_for(app, lambda: window.page("snapshots") is not None, 30):
        return
    view = window.page("snapshots")
    wait_for(app, lambda: view.model.rowCount() > 0 or view.empty.isVisible(), 30)
    settle(app, 1.0)
    shot("21-snapshots")
    view.take()
    if wait_for(app, lambda: view._dialog is not None and view._dialog.isVisible(), 30):
        shot("21b-snapshot-take")
        view._dialog.reject()


def clusters_shots(app, window, shot) -> None:  # type: ignore[no-untyped-def]
    """The Clusters screen, the form of its first pole, then the merge of the smallest pole into
    another (its confirmation), each closed without saving."""
    window.show_page("clusters")
    if not wait_for(app, lambda: window.page("clusters") is not None, 30):
        return
    view = window.page("clusters")
    wait_for(app, lambda: view.model.rowCount() > 0, 30)
    settle(app, 1.0)
    shot("20-clusters")
    view.table.selectRow(0)
    view.edit_selected()
    if wait_for(app, lambda: view._dialog is not None and view._dialog.isVisible(), 30):
        shot("20b-cluster-editor")
        view._dialog.reject()
    if view.model.rowCount() > 1:
        rows = view.model.rows()
        # The smallest pole that holds projects: the confirmation says how many move.
        smallest = min(
            range(len(rows)), key=lambda n: (rows[n].row.projects == 0, rows[n].row.projects)
        )
        view.table.selectRow(smallest)
        view.merge_selected()
        if wait_for(app, lambda: view._dialog is not None and view._dialog.isVisible(), 30):
            shot("20c-cluster-merge")
            if view._dialog.keep_id() is None:  # several poles: none is guessed; choose one
                view._dialog.target.setCurrentIndex(0)
                shot("20d-cluster-merge-chosen")
            view._dialog.reject()


def modal_shot(app, shot, name: str, action) -> None:  # type: ignore[no-untyped-def]
    """Opens a modal dialog with `action`, takes its picture, closes it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    taken: list[bool] = []

    def take() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(100, take)
            return
        shot(name)
        dialog.close()
        taken.append(True)

    QTimer.singleShot(300, take)
    action()  # exec() returns once the dialog is closed; open() at once
    wait_for(app, lambda: bool(taken), 30)


def dashboard_shots(app, window, shot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QScrollArea

    from portfolio_desktop.domain.filters import ProjectFilter

    window.show_page("dashboard")
    wait_for(app, lambda: window.page("dashboard") is not None, 60)
    dashboard = window.page("dashboard")
    drawn: list[int] = []
    dashboard.overview_drawn.connect(lambda: drawn.append(1))
    wait_for(app, lambda: bool(drawn), 180)
    shot("09-dashboard")
    scroll = dashboard.findChild(QScrollArea)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    shot("09b-dashboard-lower")
    scroll.verticalScrollBar().setValue(0)
    from PySide6.QtCore import QDate

    drawn.clear()  # « Au 31/12/2015 »: the portfolio as it stood then
    dashboard.as_of_day.setDate(QDate(2015, 12, 31))
    dashboard.as_of_box.setChecked(True)
    wait_for(app, lambda: bool(drawn) and dashboard.as_of is not None, 180)
    settle(app, 1.0)
    shot("09c-dashboard-as-of")
    drawn.clear()
    dashboard.as_of_box.setChecked(False)
    wait_for(app, lambda: bool(drawn), 180)
    window.show_page("projects")
    settle(app, 0.5)
    window.projects.set_filter(ProjectFilter(regions=("BRE",), statuses=("funded",)))
    settle(app, 0.5)
    drawn.clear()
    window.show_page("dashboard")
    wait_for(app, lambda: bool(drawn), 180)
    shot("10-dashboard-filtered")
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum() // 2)
    shot("10b-dashboard-filtered-middle")
    window.show_page("projects")
    window.projects.set_filter(ProjectFilter())
    settle(app, 0.5)


def wizard_shots(app, window, shot, workbook: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from portfolio_desktop.ui.dialogs.import_wizard import ImportWizard

    window.import_workbook()
    wizard = next((w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard)), None)
    if wizard is None or not wait_for(app, wizard.isVisible, 10):
        return
    shot("11-import-1-file")
    page = wizard.file_page
    page.path_edit.setText(str(workbook))
    page.read()
    wait_for(app, lambda: wizard.button(wizard.WizardButton.NextButton).isEnabled(), 120)
    settle(app, 1.0)
    shot("11-import-1-file-read")
    for number, name in ((2, "mapping"), (3, "preview")):
        wizard.next()
        wait_for(app, lambda: wizard.button(wizard.WizardButton.NextButton).isEnabled(), 300)
        settle(app, 1.5)
        shot(f"11-import-{number}-{name}")
    wizard.reject()
    settle(app)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db", type=Path, default=ROOT / "benchmarks" / ".work" / "national.sqlite"
    )
    parser.add_argument("--lang", default="fr", choices=("fr", "en"))
    parser.add_argument("--size", default="", help="the screen's size, as WIDTHxHEIGHT")
    parser.add_argument("--workbook", type=Path, help="a workbook to show the import wizard on")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated groups: welcome,table,editor,reference,clusters,dashboard,wizard,"
        "dialogs",
    )
    args = parser.parse_args()
    groups = set(filter(None, args.only.split(","))) or {
        "welcome", "table", "editor", "reference", "clusters", "snapshots", "dashboard", "wizard",
        "dialogs",
    }  # fmt: skip
    out = Path(os.environ.get("PORTFOLIO_SCREENSHOTS", "screenshots")).absolute()
    out.mkdir(parents=True, exist_ok=True)
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "portfolio_desktop", "demo", "--db", str(args.db),
             "--scale", "national"],
            check=True,
        )  # fmt: skip
    work = Path(tempfile.mkdtemp(prefix="screens-"))
    os.environ["PORTFOLIO_DESKTOP_HOME"] = str(work / "home")
    copy = work / args.db.name
    shutil.copyfile(args.db, copy)
    empty = work / "vide.sqlite"

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from portfolio_desktop.app import Desktop, make_application
    from portfolio_desktop.ui.i18n import install_language
    from portfolio_desktop.ui.settings import Settings

    app = make_application([sys.argv[0]])
    settings = Settings()
    settings.language = args.lang
    install_language(args.lang)
    desktop = Desktop(settings)
    window = desktop.window
    screen = QGuiApplication.primaryScreen().size()
    size = args.size or f"{screen.width()}x{screen.height()}"
    window.showMaximized()

    def shot(name: str) -> None:
        settle(app)
        picture = QGuiApplication.primaryScreen().grabWindow(0)
        path = out / f"{args.lang}-{size}-{name}.png"
        picture.save(str(path))
        print(path)

    if "welcome" in groups:
        desktop.open(str(empty))
        wait_for(app, lambda: window.stack.currentWidget() is window.welcome, 30)
        settle(app, 1.0)
        shot("00-welcome")
    desktop.open(str(copy))
    if not wait_for(app, lambda: window.projects.model.rowCount() > 0, 180):
        print("the projects table stayed empty", file=sys.stderr)
        return 1
    window = desktop.window
    if "table" in groups:
        shot("01-projects")
        window.projects.search.setText("quantique")
        wait_for(app, lambda: 0 < window.projects.model.rowCount() < 90_000)
        shot("02-projects-search")
        window.projects.search.clear()
        wait_for(app, lambda: window.projects.model.rowCount() > 1000)
        window.projects.table.sortByColumn(
            window.projects.model.column_of("title"), Qt.SortOrder.AscendingOrder
        )
        settle(app, 1.5)
        shot("02b-projects-by-title")
    if "editor" in groups:
        window.projects.table.sortByColumn(
            window.projects.model.column_of("granted"), Qt.SortOrder.DescendingOrder
        )
        settle(app, 1.0)
        window.open_project(window.projects.model.project_id(0))
        if wait_for(
            app,
            lambda: getattr(window, "_editor", None) is not None and window._editor.isVisible(),
            30,
        ):
            editor = window._editor
            for index in range(editor.tabs.count()):
                editor.tabs.setCurrentIndex(index)
                shot(f"03-editor-{index + 1}")
            editor.reject()
            window._editor = None
        window.open_project(None)
        if wait_for(
            app,
            lambda: getattr(window, "_editor", None) is not None and window._editor.isVisible(),
            30,
        ):
            shot("03-editor-new")
            window._editor.reject()
    if "reference" in groups:
        for number, key in enumerate(("organisations", "funders", "domains", "experts"), start=4):
            if key in window._page_rows:
                window.show_page(key)
                wait_for(app, lambda k=key: window.page(k) is not None, 30)
                settle(app, 1.5)
                shot(f"{number:02d}-{key}")
                if key == "organisations":
                    reference_editor(app, window.page(key), shot)
                if key == "funders":
                    rules_shots(app, window.page(key), shot)
                if key == "domains":
                    domain_editor(app, window.page(key), shot)
    if "clusters" in groups and "clusters" in window._page_rows:
        clusters_shots(app, window, shot)
    if "snapshots" in groups and "snapshots" in window._page_rows:
        snapshots_shots(app, window, shot)
    if "dashboard" in groups and "dashboard" in window._page_rows:
        dashboard_shots(app, window, shot)
    window.show_page("projects")
    if "wizard" in groups and args.workbook is not None:
        wizard_shots(app, window, shot, args.workbook)
    if "dialogs" in groups:
        modal_shot(app, shot, "12-shortcuts", window.show_shortcuts)
        modal_shot(app, shot, "13-preferences", window.preferences)
        modal_shot(app, shot, "14-export", lambda: window.export_workbook())
        modal_shot(app, shot, "15-open-file", window.open_file)
        modal_shot(app, shot, "16-about", window.about)

    window.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

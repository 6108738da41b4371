"""Screenshots of the real desktop under a virtual X server, for people to look at.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py [--db PATH]

Saves PNG files into the folder named by PORTFOLIO_SCREENSHOTS (default ./screenshots): the
projects table, a search, the project editor (general, partners, funding, domains, pipeline), and
each reference-data screen and the dashboard when they exist. The database defaults to the national
demo of the benchmarks (benchmarks/.work/national.sqlite), built if missing. Works on a copy.
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
        view._dialog.move(200, 120)
        shot("04b-organisation-editor")
        view._dialog.reject()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db", type=Path, default=ROOT / "benchmarks" / ".work" / "national.sqlite"
    )
    parser.add_argument("--lang", default="fr", choices=("fr", "en"))
    args = parser.parse_args()
    out = Path(os.environ.get("PORTFOLIO_SCREENSHOTS", "screenshots")).absolute()
    out.mkdir(parents=True, exist_ok=True)
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "portfolio_desktop",
                "demo",
                "--db",
                str(args.db),
                "--scale",
                "national",
            ],
            check=True,
        )
    work = Path(tempfile.mkdtemp(prefix="screens-"))
    os.environ["PORTFOLIO_DESKTOP_HOME"] = str(work / "home")
    copy = work / args.db.name
    shutil.copyfile(args.db, copy)

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
    window.resize(1560, 940)
    window.move(20, 20)
    window.show()
    desktop.open(str(copy))

    def shot(name: str) -> None:
        settle(app)
        screen = QGuiApplication.primaryScreen().grabWindow(0)
        screen.save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    if not wait_for(app, lambda: window.projects.model.rowCount() > 0, 120):
        print("the projects table stayed empty", file=sys.stderr)
        return 1
    shot("01-projects")
    window.projects.search.setText("quantique")
    wait_for(app, lambda: 0 < window.projects.model.rowCount() < 100_000)
    shot("02-projects-search")
    window.projects.search.clear()
    wait_for(app, lambda: window.projects.model.rowCount() > 90_000)
    window.projects.table.sortByColumn(
        window.projects.model.column_of("granted"), Qt.SortOrder.DescendingOrder
    )
    settle(app, 1.0)
    window.open_project(window.projects.model.project_id(0))
    if wait_for(
        app, lambda: getattr(window, "_editor", None) is not None and window._editor.isVisible(), 30
    ):
        editor = window._editor
        editor.move(120, 60)
        for index, name in enumerate(("general", "partners", "funding", "domains", "pipeline")):
            editor.tabs.setCurrentIndex(index)
            shot(f"03-editor-{index + 1}-{name}")
        editor.reject()
    titles = ("organisations", "funders", "domains", "experts", "dashboard")
    for number, key in enumerate(titles, start=4):
        if key in window._page_rows:
            window.show_page(key)
            settle(app, 3.0 if key == "dashboard" else 1.5)
            shot(f"{number:02d}-{key}")
            if key == "organisations":
                reference_editor(app, window.page(key), shot)

    window.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

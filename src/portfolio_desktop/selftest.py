"""`portfolio-desktop --self-test`: the installation checked end to end, one line per step.

Runs the application's real work on throw-away data in a temporary folder: the resources are
found, a database is created by the migrations, a demo is generated, exported to a workbook and
imported back into a second database (whose figures must equal the first's), a chart is drawn
to PNG with matplotlib's Agg backend, and the desktop's main window is built and every page
shown (offscreen unless `QT_QPA_PLATFORM` says otherwise). It touches nothing of the user's:
databases, backups, settings and files all live in the temporary folder.

The same code runs in a development install, an installed wheel and the frozen (PyInstaller)
application, which is what it is for: a bundle that forgot a data file, a plugin or a module fails
here with a clear line instead of at a user's desk. Exit code 0 only when every step worked.
"""

from __future__ import annotations

import logging
import os
import platform
import sqlite3
import struct
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import __version__, messages, paths
from .errors import KnownError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED = 0, 1
#: The demo's seed: any fixed value; the same one gives the same portfolio everywhere.
SEED = 2005
CHART = "funding-by-domain"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class CheckFailed(Exception):
    """A step ran but its result is wrong (a message code and parameters, like KnownError)."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(code, params)


@dataclass(slots=True)
class Workspace:
    """What the steps share: the temporary folder and what earlier steps produced."""

    folder: Path
    lang: str
    found: dict[str, Any] = field(default_factory=dict)

    def close(self) -> None:
        for key in ("reimported", "db"):
            db = self.found.pop(key, None)
            if db is not None:
                db.dispose()


@dataclass(frozen=True, slots=True)
class Step:
    """One check: its name (a message code), what it needs from earlier steps, and its work."""

    code: str
    needs: tuple[str, ...]
    run: Callable[[Workspace], tuple[str, dict[str, object]]]


def _say(ws: Workspace, code: str, **params: object) -> str:
    return messages.text(code, params, ws.lang)


def _seconds(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "fr" else text


def _size(path: Path) -> str:
    kib = path.stat().st_size / 1024
    return f"{kib:,.0f}".replace(",", " ") + " KiB"


# -- the steps --------------------------------------------------------------------------------------


def _installation(ws: Workspace) -> tuple[str, dict[str, object]]:
    """The resources, compiled translations and migrations are where the code looks for them."""
    from .storage.schema import MIGRATIONS, known_revisions

    resources = paths.resources_dir()
    for needed in (
        resources / "demo" / "seeds.json",
        resources / "icons" / "portfolio-desktop.svg",
    ):
        if not needed.is_file():
            raise CheckFailed("selftest_missing_file", path=str(needed))
    translations = sorted((resources / "translations").glob("*_fr.qm"))
    if not translations:
        raise CheckFailed("selftest_missing_file", path=str(resources / "translations" / "*_fr.qm"))
    for needed in (MIGRATIONS / "env.py", MIGRATIONS / "script.py.mako"):
        if not needed.is_file():
            raise CheckFailed("selftest_missing_file", path=str(needed))
    revisions = known_revisions()
    if not revisions:
        raise CheckFailed("selftest_missing_file", path=str(MIGRATIONS / "versions" / "*.py"))
    ws.found["installation"] = resources
    return "selftest_installation_done", {
        "resources": str(resources),
        "translations": len(translations),
        "migrations": len(revisions),
    }


def _database(ws: Workspace) -> tuple[str, dict[str, object]]:
    """A new database built by the real migrations, at the newest revision."""
    from .storage.schema import SchemaState, head_revision, inspect_state, open_database

    db = open_database(ws.folder / "self-test.sqlite", ws.folder / "backups")
    ws.found["db"] = db
    state, revision = inspect_state(db)
    if state is not SchemaState.CURRENT:
        raise CheckFailed("selftest_schema_not_current", revision=revision or "-")
    return "selftest_database_done", {"revision": head_revision()}


def _demo(ws: Workspace) -> tuple[str, dict[str, object]]:
    """The pole demo, checked against what the stats read back from the database."""
    from .services import demo, stats

    report = demo.create_demo(ws.found["db"], "pole", SEED)
    figures = stats.portfolio_stats(ws.found["db"])
    made = report.counts.get("project", 0)
    if not made or figures["projects"] != made:
        raise CheckFailed(
            "selftest_count_mismatch", what="projects", expected=made, found=figures["projects"]
        )
    if figures["funding_lines"] != report.counts.get("funding_line", 0):
        raise CheckFailed(
            "selftest_count_mismatch", what="funding_lines",
            expected=report.counts.get("funding_line", 0), found=figures["funding_lines"],
        )  # fmt: skip
    ws.found["stats"] = figures
    return "selftest_demo_done", {
        "projects": figures["projects"],
        "lines": figures["funding_lines"],
        "total_cents": int(Decimal(figures["funding_total"]) * 100),
    }


def _export(ws: Workspace) -> tuple[str, dict[str, object]]:
    """The whole portfolio written to a workbook (XlsxWriter)."""
    from .services import excel_export

    target = ws.folder / "export.xlsx"
    result = excel_export.export_workbook(ws.found["db"], target, lang=ws.lang)
    expected = ws.found["stats"]["projects"]
    if result.projects != expected:
        raise CheckFailed(
            "selftest_count_mismatch", what="projects", expected=expected, found=result.projects
        )
    with open(target, "rb") as handle:
        if handle.read(2) != b"PK":  # an .xlsx is a zip
            raise CheckFailed("selftest_bad_file", path=target.name)
    ws.found["workbook"] = target
    return "selftest_export_done", {
        "projects": result.projects,
        "file": target.name,
        "size": _size(target),
    }


def _import(ws: Workspace) -> tuple[str, dict[str, object]]:
    """The workbook read back (calamine) into a second, empty database: same figures."""
    from .services import excel_import, stats
    from .storage.schema import open_database

    second = open_database(ws.folder / "reimported.sqlite", ws.folder / "backups")
    ws.found["reimported"] = second
    report = excel_import.import_workbook(second, ws.found["workbook"])
    if not report.ok:
        first = report.problems[0] if report.problems else None
        raise CheckFailed(
            "selftest_import_refused",
            errors=len(report.problems),
            first=messages.text(first.code, first.params, ws.lang) if first else "-",
        )
    original, reread = ws.found["stats"], stats.portfolio_stats(second)
    different = sorted(key for key in original if original[key] != reread.get(key))
    if different:
        raise CheckFailed("selftest_round_trip_differs", keys=", ".join(different))
    return "selftest_import_done", {
        "projects": reread["projects"],
        "lines": reread["funding_lines"],
    }


def _chart(ws: Workspace) -> tuple[str, dict[str, object]]:
    """One dashboard chart drawn to PNG (Agg: no display needed) and its header checked."""
    from .domain.filters import ProjectFilter
    from .services import analytics, charts

    target = ws.folder / f"{CHART}.png"
    charts.export_chart(
        analytics.Analytics(ws.found["db"]), CHART, ProjectFilter(), target, ws.lang
    )
    data = target.read_bytes()
    if data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise CheckFailed("selftest_bad_file", path=target.name)
    width, height = struct.unpack(">II", data[16:24])
    # The chart is 10 × 5.6 inches at 150 dpi; anything far smaller drew nothing useful.
    if width < 600 or height < 300 or len(data) < 10_000:
        raise CheckFailed("selftest_chart_too_small", width=width, height=height, size=len(data))
    return "selftest_chart_done", {
        "file": target.name,
        "width": width,
        "height": height,
        "size": _size(target),
    }


def _log_qt_message(kind: Any, context: Any, text: str) -> None:
    log.info("Qt: %s", text)


def _desktop(ws: Workspace) -> tuple[str, dict[str, object]]:
    """Qt loads (platform, SVG icon, translations) and the main window shows every page."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a self-test opens no window on the desk
    from PySide6.QtCore import QSettings, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    from .app import Desktop, make_application
    from .ui.i18n import install_language
    from .ui.main_window import PAGES, page_available
    from .ui.settings import Settings

    make_application([sys.argv[0] if sys.argv else "portfolio-desktop"])
    # Qt's own messages (the offscreen platform's notes on window hints) go to the log, not stdout.
    previous = qInstallMessageHandler(_log_qt_message)
    icon = QIcon(str(paths.resources_dir() / "icons" / "portfolio-desktop.svg"))
    if icon.pixmap(64, 64).isNull():
        raise CheckFailed("selftest_icon_unreadable")
    install_language(ws.lang)
    settings = Settings(QSettings(str(ws.folder / "settings.ini"), QSettings.Format.IniFormat))
    desktop = Desktop(settings, synchronous=True)
    window = desktop.window
    try:
        window.show()
        desktop.ctx.set_database(ws.found["db"])
        QApplication.processEvents()
        if not window.isVisible():
            raise CheckFailed("selftest_window_hidden")
        shown = 0
        # Pages whose module is absent are left out of the navigation; the packaging test
        # compares this count with the development install's, so a page left out of a bundle shows.
        for key, module, _cls in PAGES:
            if not page_available(module):
                continue
            window.show_page(key)
            QApplication.processEvents()
            page = window.page(key)
            if page is None or window.stack.currentWidget() is not page:
                raise CheckFailed("selftest_page_missing", page=key)
            shown += 1
    finally:
        desktop.ctx.set_database(None)
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        qInstallMessageHandler(previous)
    return "selftest_desktop_done", {"platform": QGuiApplication.platformName(), "pages": shown}


STEPS: tuple[Step, ...] = (
    Step("selftest_step_installation", (), _installation),
    Step("selftest_step_database", ("installation",), _database),
    Step("selftest_step_demo", ("db",), _demo),
    Step("selftest_step_export", ("stats",), _export),
    Step("selftest_step_import", ("workbook",), _import),
    Step("selftest_step_chart", ("stats",), _chart),
    Step("selftest_step_desktop", ("stats",), _desktop),
)


# -- the run ----------------------------------------------------------------------------------------


def _reason(ws: Workspace, error: BaseException) -> str:
    if isinstance(error, (CheckFailed, KnownError)):
        return _say(ws, error.code, **error.params)
    return f"{type(error).__name__}: {error}"


def run_self_test(out: Callable[[str], None] | None = None, lang: str | None = None) -> int:
    """Runs every step, printing one line each; 0 when all worked, 1 otherwise."""
    lang = lang if lang in messages.LANGUAGES else messages.current_language()

    def emit(line: str) -> None:
        log.info("self-test: %s", line)
        if out is not None:
            out(line)
        elif sys.stdout is not None:  # a windowed frozen app on Windows has no console
            print(line, flush=True)

    started = time.perf_counter()
    frozen = "selftest_frozen" if getattr(sys, "frozen", False) else "selftest_not_frozen"
    with tempfile.TemporaryDirectory(
        prefix="portfolio-self-test-", ignore_cleanup_errors=True
    ) as tmp:
        ws = Workspace(Path(tmp), lang)
        emit(
            messages.text(
                "selftest_title",
                {"version": __version__, "python": platform.python_version(),
                 "sqlite": sqlite3.sqlite_version, "kind": messages.text(frozen, None, lang),
                 "system": platform.platform(terse=True)},
                lang,
            )
        )  # fmt: skip
        failed = skipped = 0
        try:
            for step in STEPS:
                name = messages.text(step.code, None, lang)
                if any(need not in ws.found for need in step.needs):
                    skipped += 1
                    emit(messages.text("selftest_line_skipped", {"step": name}, lang))
                    continue
                began = time.perf_counter()
                try:
                    code, params = step.run(ws)
                except Exception as error:
                    failed += 1
                    if not isinstance(error, (CheckFailed, KnownError)):
                        log.error(
                            "self-test step %s failed:\n%s", step.code, traceback.format_exc()
                        )
                    emit(
                        messages.text(
                            "selftest_line_failed",
                            {"step": name, "reason": _reason(ws, error)},
                            lang,
                        )
                    )
                    continue
                seconds = _seconds(time.perf_counter() - began, lang)
                detail = messages.text(code, params, lang)
                emit(
                    messages.text(
                        "selftest_line_ok",
                        {"step": name, "detail": detail, "seconds": seconds},
                        lang,
                    )
                )
        finally:
            ws.close()
    seconds = _seconds(time.perf_counter() - started, lang)
    if failed or skipped:
        emit(
            messages.text(
                "selftest_failed",
                {"failed": failed, "skipped": skipped, "total": len(STEPS), "seconds": seconds, "log": str(paths.log_dir())},
                lang,
            )
        )  # fmt: skip
        return EXIT_FAILED
    emit(messages.text("selftest_passed", {"total": len(STEPS), "seconds": seconds}, lang))
    return EXIT_OK

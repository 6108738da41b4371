"""Composition root of the desktop: builds the settings, the context (database, runners, undo
stack) and the main window, and passes them in. Nothing else creates these."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from . import APP_ID, APP_NAME, __version__, paths
from .ui.context import AppContext
from .ui.errors import install_excepthook, show_error
from .ui.i18n import install_language
from .ui.main_window import MainWindow
from .ui.settings import Settings
from .ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: The daily backup starts this long after a portfolio opened (its first screens come first).
DAILY_BACKUP_DELAY_MS = 20_000


def start_target(settings: Settings, requested: str | None) -> str:
    """--db first, then the last database used, the preferred default, the user data folder's."""
    for candidate in (requested, settings.get("last_database"), settings.get("default_database")):
        if candidate:
            return str(candidate)
    return str(paths.default_database())


def open_portfolio(target: str) -> Any:
    """Opens (creating or migrating) a database for the desktop (`services.safety.Opened`): a
    quick integrity check, the lock against a second desktop, a verified backup before any
    migration, in the user's data folder."""
    from .services import safety  # SQLAlchemy loads here, after the window is shown

    return safety.open_portfolio(target)


class Desktop(QObject):
    """The running desktop: one context, one main window (rebuilt when the language changes)."""

    def __init__(self, settings: Settings, *, synchronous: bool = False) -> None:
        super().__init__()
        self.settings = settings
        # Not a Qt child of the Desktop: windows keep the context alive as long as they need it.
        self.ctx = AppContext(settings, synchronous=synchronous)
        # Checks and backups of the open file run here, one at a time, never in the readers'
        # pool: a national portfolio's backup takes seconds and must not delay its first rows.
        self.maintenance = TaskRunner(self, synchronous=synchronous, max_threads=1)
        #: The open portfolio with its lock (services.safety.Opened), None before the first open.
        self.opened: Any = None
        self.window = self._make_window()

    def _make_window(self) -> MainWindow:
        window = MainWindow(self.ctx)
        window.language_chosen.connect(self.switch_language)
        window.open_requested.connect(self.open)
        window.safety.open_requested.connect(self.open)
        window.safety.restore_requested.connect(self.restore)
        return window

    def open(self, target: str) -> None:
        """Opens a database off the GUI thread, then hands it to every view."""

        def opened(result: Any) -> None:
            self.window.statusBar().clearMessage()
            previous, self.opened = self.opened, result
            db = result.db
            self.ctx.set_database(db)  # waits for the old database's tasks, then closes it
            if (
                previous is not None
                and previous.lock is not None
                and previous.lock is not result.lock
            ):
                previous.lock.release()
            self.settings.add_recent(db.location if db.path is None else str(db.path))
            self.window.safety.show_notices(result.notices)
            if result.check_pending:
                self._check_after_open(result)
            self._daily_backup(result)

        def failed(error: BaseException) -> None:
            from .services.safety import DatabaseDamagedError
            from .services.team import ServerPasswordNeededError

            self.window.statusBar().clearMessage()
            if isinstance(error, DatabaseDamagedError):
                self.window.safety.offer_restore(error, error.path)
            elif isinstance(error, ServerPasswordNeededError):
                self.window.safety.ask_password(target)
            else:
                show_error(self.window, error)

        self.window.show_opening(target)
        self.ctx.read(open_portfolio, target, on_done=opened, on_error=failed)

    def _check_after_open(self, opened: Any) -> None:
        """A large file's quick check, in the background; damaged: closed, moved aside, and
        the newest good backup offered."""
        from .services import safety

        path = opened.db.path

        def checked(health: str) -> None:
            if health != "damaged" or self.opened is not opened:
                return
            self.ctx.set_database(None)
            opened.close()
            self.opened = None
            self.maintenance.submit(
                safety.set_aside,
                path,
                on_done=lambda error: self.window.safety.offer_restore(error, path),
                on_error=lambda error: show_error(self.window, error),
            )

        self.maintenance.submit(safety.check_after_open, path, on_done=checked)

    def _daily_backup(self, opened: Any) -> None:
        """Today's verified backup, in the background and a little after opening (a national
        portfolio takes seconds to copy and check)."""
        from .services.safety import daily_backup

        def failed(error: BaseException) -> None:
            from .ui.errors import describe

            text = describe(error)
            log.warning("daily backup failed: %s", text or error)
            if text:
                self.window.statusBar().showMessage(text, 15_000)

        def start() -> None:
            if self.opened is opened:  # still the open portfolio
                self.maintenance.submit(daily_backup, opened.db, on_error=failed)

        if self.ctx.synchronous:
            start()
        else:
            QTimer.singleShot(DAILY_BACKUP_DELAY_MS, start)

    def restore(self, request: Any) -> None:
        """Puts a backup in place of the database file: the open portfolio is closed first, the
        current file kept as a backup (or, damaged, moved aside), then the file opened again."""
        backup, database = request
        if database is None:
            return
        from .services.safety import restore_backup

        current = self.opened
        self.ctx.set_database(None)
        if current is not None:
            current.close()
            self.opened = None

        def done(_report: Any) -> None:
            self.open(str(database))

        def failed(error: BaseException) -> None:
            show_error(self.window, error)
            self.open(str(database))

        self.ctx.writer.submit(
            restore_backup, Path(database), Path(backup), on_done=done, on_error=failed
        )

    def close(self) -> None:
        """At exit: the database closed, its lock released."""
        if self.opened is not None:
            self.ctx.db = None
            self.opened.close()
            self.opened = None

    def switch_language(self, lang: str) -> None:
        """Installs the language and rebuilds the window with it (same database, same undo stack)."""
        install_language(lang)
        old = self.window
        old.save_layout()
        visible = old.isVisible()
        self.window = self._make_window()
        if visible:
            self.window.show()
        old.hide()
        old.deleteLater()


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    icon = paths.resources_dir() / "icons" / "portfolio-desktop.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_desktop(args: argparse.Namespace) -> int:
    app = make_application()
    settings = Settings()
    install_language(settings.language)
    install_excepthook()
    desktop = Desktop(settings)
    desktop.window.show()
    desktop.open(start_target(settings, getattr(args, "gui_db", None)))
    # What exports killed in the middle left in the temporary folder (the maintenance thread).
    from .services.output_files import clean_stale_scratch

    desktop.maintenance.submit(clean_stale_scratch)
    code = app.exec()
    desktop.ctx.writer.wait(60_000)
    desktop.ctx.reader.wait(60_000)
    desktop.maintenance.wait(120_000)
    if desktop.ctx.db is not None:
        desktop.ctx.db.dispose()
    desktop.close()
    return int(code)

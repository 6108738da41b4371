"""Composition root of the desktop: builds the settings, the context (database, runners, undo
stack) and the main window, and passes them in. Nothing else creates these."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from . import APP_ID, APP_NAME, __version__, paths
from .ui.context import AppContext
from .ui.errors import install_excepthook, show_error
from .ui.i18n import install_language
from .ui.main_window import MainWindow
from .ui.settings import Settings


def start_target(settings: Settings, requested: str | None) -> str:
    """--db first, then the last database used, the preferred default, the user data folder's."""
    for candidate in (requested, settings.get("last_database"), settings.get("default_database")):
        if candidate:
            return str(candidate)
    return str(paths.default_database())


def open_portfolio(target: str) -> Any:
    """Opens (creating or migrating) a database; the backup folder is the user's data folder's."""
    from .storage.schema import open_database  # SQLAlchemy loads here, after the window is shown

    backups = paths.backup_dir(Path(target)) if "://" not in target else None
    return open_database(target, backups)


class Desktop(QObject):
    """The running desktop: one context, one main window (rebuilt when the language changes)."""

    def __init__(self, settings: Settings, *, synchronous: bool = False) -> None:
        super().__init__()
        self.settings = settings
        # Not a Qt child of the Desktop: windows keep the context alive as long as they need it.
        self.ctx = AppContext(settings, synchronous=synchronous)
        self.window = self._make_window()

    def _make_window(self) -> MainWindow:
        window = MainWindow(self.ctx)
        window.language_chosen.connect(self.switch_language)
        window.open_requested.connect(self.open)
        return window

    def open(self, target: str) -> None:
        """Opens a database off the GUI thread, then hands it to every view."""

        def opened(db: Any) -> None:
            self.window.statusBar().clearMessage()
            self.ctx.set_database(db)
            self.settings.add_recent(db.location if db.path is None else str(db.path))

        def failed(error: BaseException) -> None:
            self.window.statusBar().clearMessage()
            show_error(self.window, error)

        self.window.show_opening(target)
        self.ctx.read(open_portfolio, target, on_done=opened, on_error=failed)

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
    code = app.exec()
    desktop.ctx.writer.wait(60_000)
    if desktop.ctx.db is not None:
        desktop.ctx.db.dispose()
    return int(code)

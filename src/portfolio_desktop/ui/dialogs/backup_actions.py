"""The data-safety part of the main window: File → Restore a backup…, File → Connect to a
server…, Edit → History and imports…, and what the desktop tells the user when it opens a
portfolio (read-only because another desktop has it, a network or sync folder, a damaged file
moved aside, a server that wants a password)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from ... import messages
from ..context import AppContext


class SafetyActions(QObject):
    """The menu actions and the messages of data safety and team mode.

    `restore_requested((backup, database))` and `open_requested(target)` go to the desktop,
    which owns opening and closing databases.
    """

    restore_requested = Signal(object)
    open_requested = Signal(str)

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.restore_action = self._action(
            self.tr("&Restore a backup…"), self.show_backups, "restoreBackupAction"
        )
        self.server_action = self._action(
            self.tr("Connect to a &server…"), self.connect_server, "connectServerAction"
        )
        self.history_action = self._action(
            self.tr("&History and imports…"), self.show_history, "historyAction"
        )
        self.dialog: QWidget | None = None

    def _action(self, text: str, slot: Any, name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- dialogs -------------------------------------------------------------------------------

    def show_backups(self) -> None:
        from .backup_dialog import BackupDialog

        if self.ctx.db is None:
            return
        dialog = BackupDialog(self.ctx, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        database = self.ctx.db.path
        dialog.restore_requested.connect(
            lambda backup: self.restore_requested.emit((backup, database))
        )
        self.dialog = dialog
        dialog.open()

    def show_history(self) -> None:
        from .history_dialog import HistoryDialog

        if self.ctx.db is None:
            return
        dialog = HistoryDialog(self.ctx, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def connect_server(self, settings: Any = None, message: str = "") -> None:
        """`settings`: a `services.team.ServerSettings` to start from (None: an empty form)."""
        from ...services import team  # the database layer loads only when it is needed
        from .server_dialog import ServerDialog

        dialog = ServerDialog(settings, message=message, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            chosen = dialog.settings()
            kept = team.remember_password(
                chosen, dialog.password(), keep=dialog.remember.isChecked()
            )
            if dialog.remember.isChecked() and not kept:
                self.window.statusBar().showMessage(  # type: ignore[attr-defined]
                    messages.text("keyring_unavailable"), 10_000
                )
            self.open_requested.emit(chosen.url())

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()

    # -- what opening a portfolio has to say ----------------------------------------------------

    def read_only_suffix(self, db: Any) -> str:
        return self.tr(" (read-only)") if db is not None and db.read_only else ""

    def show_notices(self, notices: list[Any]) -> None:
        """Read-only because someone else has it, network or sync folder: said once, plainly."""
        if not notices:
            return
        text = "\n\n".join(messages.text(n.code, n.params) for n in notices)
        box = QMessageBox(self.window)
        box.setObjectName("openNotices")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("About this portfolio"))
        box.setText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()

    def offer_restore(self, error: Any, database: Path) -> None:
        """A damaged file was moved aside: offer the newest good backup, with its date."""
        from .backup_dialog import DamagedDialog

        box = DamagedDialog(error, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def clicked(button: Any) -> None:
            if box.restore_button is not None and button is box.restore_button:
                self.restore_requested.emit((error.backup.path, database))

        box.buttonClicked.connect(clicked)
        self.dialog = box
        box.open()

    def ask_password(self, target: str) -> None:
        from ...services import team

        settings = team.ServerSettings.from_url(target)
        self.connect_server(
            settings, messages.text("server_password_needed", {"account": settings.account})
        )

"""What the reference-data screens share: reloading off the GUI thread when their data changed
(at once when shown, when next shown otherwise), running edits as undoable commands, tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from ...services import reference
from .. import commands
from ..context import AppContext, Scope
from ..errors import show_error


class ReferenceView(QWidget):
    """Base of the Organisations, Funders & calls, Domains and Experts screens.

    Subclasses set `SCOPES` (the `data_changed` scopes that concern them) and implement
    `reload()`, which queries off the GUI thread. A hidden screen only notes that it is stale and
    reloads when it is shown again: editing a project does not re-query four hidden screens.
    """

    #: Show the projects table filtered by this `ProjectFilter` (the main window wires it).
    show_projects = Signal(object)

    SCOPES: tuple[Scope, ...] = ()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self._generation = 0
        ctx.data_changed.connect(self._on_data_changed)

    def reload(self) -> None:
        raise NotImplementedError

    # -- keeping up to date ------------------------------------------------------------------------

    def _on_data_changed(self, scope: Scope, _ids: Any) -> None:
        if scope is not Scope.ALL and scope not in self.SCOPES:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def next_generation(self) -> Callable[[], bool]:
        """A check that tells whether a query's answer is still the latest one asked for (and
        whether this screen still exists: a language switch rebuilds the window meanwhile)."""
        self._generation += 1
        generation = self._generation
        return lambda: shiboken6.isValid(self) and generation == self._generation

    # -- running work ------------------------------------------------------------------------------

    def failed(self, error: BaseException, title: str | None = None) -> None:
        show_error(self, error, title)

    def run(
        self,
        command: commands.WriteCommand,
        on_done: Callable[[dict[str, Any]], None] | None = None,
        title: str | None = None,
    ) -> None:
        """Writes an edit in the writer; it becomes undoable once written, or the error shows."""
        commands.push_when_written(
            self.ctx, command, on_done=on_done, on_error=lambda e: self.failed(e, title)
        )

    # -- editing and deleting a row ---------------------------------------------------------------

    def edit_row(self, table: str, row_id: int, open_editor: Callable[[Any], None]) -> None:
        """Reads the row's snapshot off the GUI thread, then opens its editor with it."""
        if self.ctx.db is not None:
            self.ctx.read(
                reference.snapshot_reference,
                self.ctx.db,
                table,
                row_id,
                on_done=open_editor,
                on_error=self.failed,
            )

    def open_editor(self, dialog: QDialog, on_saved: Callable[[int], None]) -> None:
        """Opens an editor window-modal, deleted when closed; `on_saved` gets the saved row's id
        (to select it once the screen has reloaded)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(on_saved)  # type: ignore[attr-defined]
        self._dialog = dialog
        dialog.open()

    def refuse_delete(self, text: str) -> None:
        QMessageBox.warning(
            self, QCoreApplication.translate("ReferenceView", "Cannot delete"), text
        )

    def delete_row(self, table: str, row_id: int, question: str, undo_text: str) -> None:
        """Asks `question`; on Yes deletes the row as an undoable command named `undo_text`."""
        answer = QMessageBox.question(
            self, QCoreApplication.translate("ReferenceView", "Delete"), question
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.run(
                commands.remove_reference(self.ctx, table, row_id, undo_text),
                title=QCoreApplication.translate("ReferenceView", "Cannot delete"),
            )

    # -- building blocks ---------------------------------------------------------------------------

    def make_button(self, text: str, slot: Callable[[], Any], name: str = "") -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        if name:
            button.setObjectName(name)
        return button

    def make_table(
        self, model: Any, name: str, *, sorting: bool = True, stretch: int | None = None
    ) -> QTableView:
        """A read-only table of whole rows; `stretch` is the column that takes the spare width."""
        table = QTableView()
        table.setObjectName(name)
        # Named after what it lists (its first column: « Financeur », « Nom »…) for screen readers.
        table.setAccessibleName(str(model.headerData(0, Qt.Orientation.Horizontal) or name))
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(sorting)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    def add_actions(
        self,
        table: QTableView,
        open_slot: Callable[[], Any] | None,
        delete_slot: Callable[[], Any] | None,
        menu: list[tuple[str, Callable[[], Any]]],
    ) -> None:
        """Enter opens, Delete deletes, double-click opens, right-click shows `menu`."""
        if open_slot is not None:
            table.doubleClicked.connect(lambda _index: open_slot())
            action = QAction(QCoreApplication.translate("ReferenceView", "Edit"), table)
            action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False: open_slot())
            table.addAction(action)
        if delete_slot is not None:
            action = QAction(QCoreApplication.translate("ReferenceView", "Delete"), table)
            action.setShortcut(QKeySequence.StandardKey.Delete)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False: delete_slot())
            table.addAction(action)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        def show_menu(position: Any) -> None:
            popup = QMenu(table)
            for text, slot in menu:
                popup.addAction(text).triggered.connect(lambda _checked=False, s=slot: s())
            popup.exec(table.viewport().mapToGlobal(position))

        table.customContextMenuRequested.connect(show_menu)


def selected_rows(table: QTableView) -> list[int]:
    """The selected rows of a table, top to bottom."""
    selection = table.selectionModel()
    if selection is None:
        return []
    return sorted({index.row() for index in selection.selectedRows()})

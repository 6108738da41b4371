"""What every view of the desktop shares: the open database, the task runners, the undo stack,
the settings, and the signals that tell views when the data changed."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from .settings import Settings
from .tasks import Task, TaskRunner

if TYPE_CHECKING:  # the database layer loads after the window is shown
    from ..storage.database import Database


class Scope(StrEnum):
    """What a write changed, as `AppContext.data_changed` announces it: each screen reloads on the
    scopes that concern it (`SCOPES`), and on `ALL`."""

    PROJECTS = "projects"
    ORGANISATIONS = "organisations"
    FUNDERS = "funders"
    CALLS = "calls"
    DOMAINS = "domains"
    EXPERTS = "experts"
    #: The poles (the national view): their names, and the projects a merge moved.
    CLUSTERS = "clusters"
    #: The projects table's saved views.
    VIEWS = "views"
    #: The aid-rate rules (the Funders & calls screen).
    RULES = "aid_rate_rules"
    #: The snapshots (named, frozen figures): nothing else reads them.
    SNAPSHOTS = "snapshots"
    #: Anything: an import, an undo of the history, a database restored.
    ALL = "all"

    @classmethod
    def of_table(cls, table: str) -> Scope:
        """The scope of a reference table's rows (`funder` → FUNDERS)."""
        return cls(table + "s")


class AppContext(QObject):
    """Shared state of one desktop session.

    `reader` runs queries off the GUI thread (two at a time); `writer` runs writes one at a time
    in the order they were asked, so that undo and redo apply in sequence.
    """

    #: The database was opened, replaced or closed (None).
    database_changed = Signal(object)
    #: Data changed: its `Scope` and the ids touched (empty: unknown, reload everything).
    data_changed = Signal(object, object)
    #: A write failed (the error); views show it, the undo stack stays consistent.
    write_failed = Signal(object)

    def __init__(
        self, settings: Settings, *, synchronous: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db: Database | None = None
        self.reader = TaskRunner(self, synchronous=synchronous, max_threads=2)
        self.writer = TaskRunner(self, synchronous=synchronous, max_threads=1)
        self.undo_stack = QUndoStack(self)

    @property
    def synchronous(self) -> bool:
        return self.reader.synchronous

    def set_database(self, db: Database | None) -> None:
        old = self.db
        self.db = db
        self.undo_stack.clear()
        self.database_changed.emit(db)
        if old is not None and old is not db:
            self.reader.wait()
            self.writer.wait()
            old.dispose()

    def read(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        return self.reader.submit(fn, *args, on_done=on_done, on_error=on_error, **kwargs)

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        scope: Scope = Scope.ALL,
        ids: Any = (),
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        """Runs a write off the GUI thread; announces `data_changed(scope, ids)` when it is done."""

        def done(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            self.data_changed.emit(scope, ids)

        def failed(error: BaseException) -> None:
            if on_error is not None:
                on_error(error)
            else:
                self.write_failed.emit(error)

        return self.writer.submit(fn, *args, on_done=done, on_error=failed, **kwargs)

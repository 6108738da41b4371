"""Work a dialog starts: off the GUI thread, with its progress, its Cancel and its errors in words.

Each dialog used to wire the task runner by hand: a relay object for the progress reports, a flag
for "running", a try/except for the cancel, and its own way of telling a known failure (a file
open elsewhere, a stale record) from a bug. An `Operation` does that once:

    self.saving = Operation(ctx.write, self, failure=self.tr("…nothing was written."))
    self.saving.succeeded.connect(self._saved)
    self.saving.start(portfolio.save_evaluation, db, project_id, record, scope=Scope.PROJECTS)

`submit` is a `TaskRunner.submit` (reads, exports) or `AppContext.write` (writes, which then
announce what changed); the keyword arguments of `start` go to it, and from it to the function.
One operation runs one piece of work at a time; `start` refuses a second while one runs. With
`with_progress=True` the function receives a `services.progress.Progress`: its reports arrive as
`progressed(fraction, words)` on the GUI thread, and `cancel()` makes it raise `Cancelled`, which
ends the operation with `cancelled` instead of an error. A failure the user can act on ends with
`failed(words)`; a bug also reaches the application's excepthook (logged, the bug dialog), or,
with `dialogs=True`, every failure is shown in a message box over the parent (`ui.errors`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from .. import messages
from .errors import describe, show_error
from .tasks import Task

#: `TaskRunner.submit` or `AppContext.write`: runs `fn(*args)` and calls back on the GUI thread.
Submit = Callable[..., Task]


class Operation(QObject):
    """One kind of work of one dialog: running or idle, its progress, Cancel, and its outcome."""

    #: Work began (the dialog disables what must not change meanwhile).
    started = Signal()
    #: A progress report: the fraction done (0 to 1) and the step in words ("" once cancelling).
    progressed = Signal(float, str)
    #: The work's result.
    succeeded = Signal(object)
    #: The work stopped on the user's Cancel; nothing of it was kept.
    cancelled = Signal()
    #: The work failed: the sentence to show the user.
    failed = Signal(str)
    #: After any of succeeded, cancelled or failed: idle again.
    finished = Signal()

    def __init__(
        self,
        submit: Submit,
        parent: QWidget,
        *,
        failure: str = "",
        dialogs: bool = False,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self._parent = parent
        #: What `failed` says when the failure is a bug (the known ones have their own words).
        self.failure = failure
        self.dialogs = dialogs
        self._running = False
        self._cancelling = False
        self._task: Task | None = None

    @property
    def running(self) -> bool:
        return self._running

    def start(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Runs `fn(*args)` through `submit` (keyword arguments go to it); False, and nothing
        started, while the previous piece of work still runs."""
        if self._running:
            return False
        self._running, self._cancelling = True, False
        self.started.emit()
        self._submit(
            fn,
            *args,
            on_done=self._succeeded,
            on_error=self._failed,
            on_cancel=self._cancelled,
            on_progress=self._progressed,
            on_created=self._attach,
            **kwargs,
        )
        return True

    def _attach(self, task: Task) -> None:
        # Before the work runs: a synchronous runner (tests) runs it inside `submit`, and a
        # Cancel clicked from a progress report must reach it.
        self._task = task

    def cancel(self) -> None:
        """Asks the running work to stop (at its next progress report)."""
        if self._running and self._task is not None:
            self._cancelling = True
            self._task.cancel()

    @property
    def cancelling(self) -> bool:
        return self._running and self._cancelling

    # -- outcome (on the GUI thread) -------------------------------------------------------------

    def _progressed(self, fraction: float, code: str) -> None:
        words = messages.text(code) if code and not self._cancelling else ""
        self.progressed.emit(fraction, words)

    def _end(self) -> None:
        self._running, self._cancelling, self._task = False, False, None

    def _succeeded(self, result: object) -> None:
        self._end()
        self.succeeded.emit(result)
        self.finished.emit()

    def _cancelled(self) -> None:
        self._end()
        self.cancelled.emit()
        self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        self._end()
        words = describe(error)
        if self.dialogs:
            show_error(self._parent, error)
        elif words is None:
            # A bug: the application's excepthook logs it and shows the error dialog.
            sys.excepthook(type(error), error, error.__traceback__)
        self.failed.emit(words if words is not None else self.failure)
        self.finished.emit()

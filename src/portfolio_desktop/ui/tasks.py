"""Running work off the GUI thread: disk, database and workbooks never block a frame.

`TaskRunner.submit(fn, *args)` runs `fn` in a worker thread and calls back on the GUI thread with the
result or the error. Long work receives a `services.progress.Progress` whose reports reach the GUI
as signals, and whose `cancel()` the Cancel buttons call. Workers never touch widgets; each service
call opens its own unit of work. In tests, `TaskRunner(synchronous=True)` runs inline: no sleeps.
Dialogs run their work through `ui.operations.Operation`, which adds the busy state, the cancel and
the error words on top of these runners.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..services.progress import Cancelled, Progress

log = logging.getLogger(__name__)


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(float, str)


class _Job(QRunnable):
    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        signals: _Signals,
    ) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs, self.signals = fn, args, kwargs, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as error:  # reported on the GUI thread, never swallowed
            error.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


class Task(QObject):
    """One submitted piece of work: its progress handle and its outcome signals."""

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progressed = Signal(float, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.progress = Progress(self._report)
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.progressed.connect(self.progressed)
        self.done = False

    def _report(self, fraction: float, message: str) -> None:
        self._signals.progressed.emit(fraction, message)

    def cancel(self) -> None:
        self.progress.cancel()

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self.done = True
        self.finished.emit(result)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.done = True
        if isinstance(error, Cancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(error)


class TaskRunner(QObject):
    """Submits functions to a thread pool (or runs them inline in tests)."""

    def __init__(
        self, parent: QObject | None = None, *, synchronous: bool = False, max_threads: int = 2
    ) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._live: set[Task] = set()

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
        on_created: Callable[[Task], None] | None = None,
        with_progress: bool = False,
        **kwargs: Any,
    ) -> Task:
        """Runs `fn(*args, **kwargs)` (plus `progress=` when asked) off the GUI thread. The
        callbacks are connected before the work starts: a synchronous runner calls them inline;
        `on_created` receives the task before it runs (to cancel it from a progress callback)."""
        task = Task(self)
        if with_progress:
            kwargs["progress"] = task.progress
        if on_done is not None:
            task.finished.connect(on_done)
        if on_error is not None:
            task.failed.connect(on_error)
        if on_cancel is not None:
            task.cancelled.connect(on_cancel)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        self._live.add(task)
        task.finished.connect(lambda _r, t=task: self._live.discard(t))
        task.failed.connect(lambda _e, t=task: self._live.discard(t))
        task.cancelled.connect(lambda t=task: self._live.discard(t))
        if on_created is not None:
            on_created(task)
        job = _Job(fn, args, kwargs, task._signals)
        if self.synchronous:
            job.run()
        else:
            self.pool.start(job)
        return task

    def wait(self, msecs: int = 30_000) -> bool:
        """Waits for every running task (used on quit, and by tests of the threaded mode)."""
        return self.pool.waitForDone(msecs)


_CHART_RUNNER: TaskRunner | None = None


def chart_runner() -> TaskRunner:
    """The one thread that builds and draws the dashboard's charts (matplotlib), in the order
    asked, so that no chart is drawn on the GUI thread and none is drawn by two threads at once."""
    global _CHART_RUNNER
    if _CHART_RUNNER is None:
        _CHART_RUNNER = TaskRunner(max_threads=1)
    return _CHART_RUNNER


def wait_for_charts(msecs: int = 10_000) -> None:
    """Lets the chart thread finish what it was drawing (on quit: it must not outlive the window
    whose canvases it draws)."""
    if _CHART_RUNNER is not None:
        _CHART_RUNNER.wait(msecs)

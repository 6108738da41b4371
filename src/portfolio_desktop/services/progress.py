"""A Qt-free progress and cancellation handle for long work (Orange's TaskState, Anki's ops).

Services call `step()` as they go and `check()` where stopping is safe; the desktop's worker
forwards progress to a progress bar and sets `cancel()` from its Cancel button.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """Raised inside a service when the user cancelled; its unit of work rolls back."""


class Progress:
    """Progress in [0, 1] with a message code, and a cancellation flag safe across threads."""

    def __init__(self, callback: Callable[[float, str], None] | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()
        self.fraction = 0.0
        self.message = ""

    def report(self, fraction: float, message: str = "") -> None:
        self.fraction = max(0.0, min(1.0, fraction))
        if message:
            self.message = message
        if self._callback is not None:
            self._callback(self.fraction, self.message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raises Cancelled when the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()


class Silent(Progress):
    """Progress that nobody watches (command line without a terminal, tests)."""

"""Turning failures into words: known errors and broken rules get a clear message in the user's
language; anything else is a bug, logged with its traceback and shown in an error dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import messages, paths
from ..domain.rules import RuleViolation
from ..errors import KnownError

log = logging.getLogger(__name__)


def describe(error: BaseException) -> str | None:
    """The sentence for an expected failure, or None for a bug."""
    if isinstance(error, RuleViolation):
        return "\n".join(messages.text(i.code, i.params) for i in error.issues)
    if isinstance(error, KnownError):
        return messages.text(error.code, error.params)
    return None


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    """A warning for known errors; the bug dialog (with where the log is) for anything else."""
    text = describe(error)
    if text is not None:
        QMessageBox.warning(
            parent, title or QApplication.translate("errors", "Cannot do that"), text
        )
        return
    report_bug(
        parent, type(error), error, error.__traceback__, getattr(error, "__traceback_text__", None)
    )


def report_bug(
    parent: QWidget | None,
    kind: type[BaseException],
    error: BaseException,
    tb: TracebackType | None,
    text: str | None = None,
) -> None:
    details = text or "".join(traceback.format_exception(kind, error, tb))
    log.error("unexpected error\n%s", details)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("errors", "Unexpected error"))
    box.setText(
        QApplication.translate(
            "errors",
            "Something went wrong. Your data is safe: the change in progress was cancelled.",
        )
    )
    box.setInformativeText(
        QApplication.translate("errors", "The details are in the log file:")
        + f"\n{paths.log_dir()}"
    )
    box.setDetailedText(details)
    box.exec()


def install_excepthook() -> None:
    """Uncaught exceptions in slots reach the bug dialog instead of aborting the application."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        text = describe(error)
        if text is not None:
            QMessageBox.warning(
                QApplication.activeWindow(),
                QApplication.translate("errors", "Cannot do that"),
                text,
            )
            return
        report_bug(QApplication.activeWindow(), kind, error, tb)

    sys.excepthook = hook

"""ui.operations: a dialog's work runs off the GUI thread, one piece at a time, with its progress in
words, a Cancel that stops it, and failures told apart: the user's words, or a bug reported."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from portfolio_desktop import messages
from portfolio_desktop.errors import DiskFullError
from portfolio_desktop.services.progress import Progress
from portfolio_desktop.ui.operations import Operation
from portfolio_desktop.ui.tasks import TaskRunner


@pytest.fixture
def owner(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def record(operation: Operation) -> list[tuple[str, object]]:
    events: list[tuple[str, object]] = []
    operation.started.connect(lambda: events.append(("started", None)))
    operation.progressed.connect(lambda f, w: events.append(("progressed", (f, w))))
    operation.succeeded.connect(lambda r: events.append(("succeeded", r)))
    operation.cancelled.connect(lambda: events.append(("cancelled", None)))
    operation.failed.connect(lambda w: events.append(("failed", w)))
    operation.finished.connect(lambda: events.append(("finished", None)))
    return events


def steps(progress: Progress) -> int:
    progress.report(0.25, "export_progress_projects")
    progress.report(0.5, "export_progress_funding")
    progress.check()
    progress.report(1.0, "export_progress_saving")
    return 42


def test_progress_arrives_in_words_then_the_result(owner) -> None:
    operation = Operation(TaskRunner(synchronous=True).submit, owner)
    events = record(operation)
    assert operation.start(steps, with_progress=True)
    words = messages.text("export_progress_funding")
    assert ("progressed", (0.5, words)) in events
    assert events[-2:] == [("succeeded", 42), ("finished", None)]
    assert events[0] == ("started", None) and not operation.running


def test_cancel_from_a_progress_report_stops_the_work(owner) -> None:
    operation = Operation(TaskRunner(synchronous=True).submit, owner)
    events = record(operation)
    operation.progressed.connect(lambda f, _w: operation.cancel() if f == 0.5 else None)
    operation.start(steps, with_progress=True)
    names = [name for name, _ in events]
    assert names[-2:] == ["cancelled", "finished"] and "succeeded" not in names
    assert ("progressed", (1.0, "")) not in events and not operation.running


def test_a_known_failure_is_told_in_words_and_is_no_bug(owner, monkeypatch) -> None:
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, error, _tb: hooked.append(error))

    def full() -> None:
        raise DiskFullError("disk_full")

    operation = Operation(TaskRunner(synchronous=True).submit, owner, failure="bug words")
    events = record(operation)
    operation.start(full)
    assert events[-2:] == [("failed", messages.text("disk_full")), ("finished", None)]
    assert hooked == []


def test_a_bug_reaches_the_excepthook_and_the_dialog_says_its_words(owner, monkeypatch) -> None:
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, error, _tb: hooked.append(error))

    def broken() -> None:
        raise ZeroDivisionError("a bug")

    operation = Operation(TaskRunner(synchronous=True).submit, owner, failure="bug words")
    events = record(operation)
    operation.start(broken)
    assert ("failed", "bug words") in events
    assert len(hooked) == 1 and isinstance(hooked[0], ZeroDivisionError)


def test_with_dialogs_a_known_failure_is_a_message_box(owner, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))

    def full() -> None:
        raise DiskFullError("disk_full")

    operation = Operation(TaskRunner(synchronous=True).submit, owner, dialogs=True)
    operation.start(full)
    assert shown == [messages.text("disk_full")]


def test_one_piece_of_work_at_a_time_off_the_gui_thread(owner, qtbot) -> None:
    runner = TaskRunner(max_threads=2)
    operation = Operation(runner.submit, owner)
    events = record(operation)
    release = threading.Event()
    threads: list[threading.Thread] = []

    def slow() -> str:
        threads.append(threading.current_thread())
        release.wait(10)
        return "done"

    assert operation.start(slow)
    assert operation.running and not operation.start(slow)  # refused while one runs
    release.set()
    with qtbot.waitSignal(operation.finished, timeout=10_000):
        pass
    assert [name for name, _ in events].count("started") == 1
    assert ("succeeded", "done") in events
    assert threads and threads[0] is not threading.main_thread()
    assert runner.wait(10_000)

"""Measurements inside one desktop process (run by bench_desktop.py; prints one JSON object).

python benchmarks/desktop_probe.py start DB SPAWN_TIME   # the application, up to rows shown
python benchmarks/desktop_probe.py bare SPAWN_TIME       # a bare PySide6 window (the floor)
python benchmarks/desktop_probe.py interact DB           # keystrokes, sorts, memory
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def wait(app, condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 2)


def bare(spawned: float) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1360, 860)
    window.show()
    wait(app, lambda: window.windowHandle() is not None and window.windowHandle().isExposed())
    shown = time.time() - spawned
    import psutil

    return {"shown": shown, "rss_mb": psutil.Process().memory_info().rss / 2**20}


def start(db: str, spawned: float) -> dict[str, float]:
    home = os.environ["PORTFOLIO_DESKTOP_HOME"]
    from portfolio_desktop.app import Desktop, make_application
    from portfolio_desktop.ui.i18n import install_language
    from portfolio_desktop.ui.settings import Settings

    app = make_application([sys.argv[0]])
    settings = Settings()
    install_language(settings.language)
    desktop = Desktop(settings)
    desktop.window.show()
    desktop.open(db)
    window = desktop.window
    wait(app, lambda: window.windowHandle() is not None and window.windowHandle().isExposed())
    shown = time.time() - spawned
    wait(app, lambda: window.projects.model.rowCount() > 0)
    window.projects.table.viewport().repaint()
    rows = time.time() - spawned
    heavy = sorted(
        m for m in sys.modules if m.split(".")[0] in {"matplotlib", "openpyxl", "xlsxwriter"}
    )
    assert home
    return {"shown": shown, "rows": rows, "heavy_modules": len(heavy)}


def interact(db: str) -> dict[str, object]:
    import psutil
    from PySide6.QtCore import Qt

    import portfolio_desktop.app as application
    from portfolio_desktop.app import Desktop, make_application
    from portfolio_desktop.ui.i18n import install_language
    from portfolio_desktop.ui.settings import Settings

    # The day's first opening starts a verified backup after a delay; start it at once here and
    # wait for it below, so that the measurements see the table and not that background copy.
    application.DAILY_BACKUP_DELAY_MS = int(os.environ.get("PROBE_BACKUP_DELAY_MS", "0"))
    app = make_application([sys.argv[0]])
    install_language("fr")
    desktop = Desktop(Settings())
    window = desktop.window
    window.show()
    desktop.open(db)
    projects = window.projects
    wait(app, lambda: projects.model.rowCount() > 0)
    # Measure the table, not the start-up's background work: the large file's quick check and the
    # day's verified backup (seconds of disk and processor at national scale), then a short rest
    # for the system to write the copy out.
    from pathlib import Path

    from portfolio_desktop.services.safety import list_backups

    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        app.processEvents()
        desktop.maintenance.wait(300_000)
        if application.DAILY_BACKUP_DELAY_MS or list_backups(Path(db)):
            break
        time.sleep(0.2)
    desktop.maintenance.wait(300_000)
    time.sleep(float(os.environ.get("PROBE_SETTLE_S", "5")))

    from PySide6.QtCore import QEvent, QObject

    class PaintWatch(QObject):
        """Notes the time of the first paint of the table after its rows were replaced."""

        def __init__(self) -> None:
            super().__init__()
            self.armed = False
            self.painted_at: float | None = None

        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if self.armed and event.type() == QEvent.Type.Paint and self.painted_at is None:
                self.painted_at = time.perf_counter()
            return False

    watch = PaintWatch()
    projects.table.viewport().installEventFilter(watch)

    from PySide6.QtCore import QEventLoop, QTimer

    def settle(action) -> float:  # type: ignore[no-untyped-def]
        """Time from the action to the end of the first paint of the table with the new rows.

        The GUI thread waits inside Qt's event loop, as in the application (a Python polling loop
        would hold the GIL against the worker and slow it down).
        """
        watch.armed, watch.painted_at = False, None
        loop = QEventLoop()

        def reset() -> None:
            watch.armed = True
            QTimer.singleShot(0, loop.quit)  # after the paint the reset scheduled, if any

        projects.model.modelReset.connect(reset)
        QTimer.singleShot(60_000, loop.quit)
        start = time.perf_counter()
        action()
        if not watch.armed:
            loop.exec()
        if watch.painted_at is None:  # the event loop did not paint yet: paint once, now
            projects.table.viewport().repaint()
        end = time.perf_counter()  # the paint done, whichever way it happened
        projects.model.modelReset.disconnect()
        assert watch.painted_at is not None
        return end - start

    def keystroke(text: str) -> float:
        def act() -> None:
            projects.search.blockSignals(True)
            projects.search.setText(text)
            projects.search.blockSignals(False)
            projects.refresh()  # what the debounce timer calls once the user pauses

        return settle(act)

    typed = {}
    for word in ("quantique", "rennes", "kerlis"):
        for end in range(1, len(word) + 1):
            typed[word[:end]] = keystroke(word[:end])
    keystroke("")
    long_terms = [t for term, t in typed.items() if len(term) >= 3]

    sorts = {}
    for key in ("acronym", "title", "lead", "granted", "start_on", "call", "status"):
        column = projects.model.column_of(key)
        sorts[key] = settle(
            lambda c=column: projects.table.sortByColumn(c, Qt.SortOrder.DescendingOrder)
        )

    # Scroll through the table like a user (pages are fetched as rows come into view).
    bar = projects.table.verticalScrollBar()
    for fraction in (0.25, 0.5, 0.75, 1.0):
        bar.setValue(int(bar.maximum() * fraction))
        projects.table.viewport().repaint()
    rss = psutil.Process().memory_info().rss / 2**20

    # The floor: the same queries with bare sqlite3 (ids in display order, fetched into a list).
    conn = sqlite3.connect(db)
    floor_keys = {}
    for term in typed:
        # The same indexes as the application: trigrams for 3+ letters, word prefixes below.
        index, match = (
            ("project_fts", f'"{term}"') if len(term) >= 3 else ("project_words", f'"{term}" *')
        )
        sql = f"SELECT id FROM project WHERE id IN (SELECT rowid FROM {index} WHERE {index} MATCH ?) ORDER BY reference, id"
        t0 = time.perf_counter()
        ids = [r[0] for r in conn.execute(sql, (match,)).fetchall()]
        floor_keys[term] = time.perf_counter() - t0
        assert ids is not None
    floor_sorts = {}
    columns = {
        "acronym": "acronym",
        "title": "title",
        "lead": "lead_name",
        "granted": "granted_cents",
        "start_on": "start_on",
        "call": "call_id",
        "status": "status",
    }
    for key, column in columns.items():
        t0 = time.perf_counter()
        [
            r[0]
            for r in conn.execute(
                f"SELECT id FROM project ORDER BY {column} DESC, id DESC"
            ).fetchall()
        ]
        floor_sorts[key] = time.perf_counter() - t0
    window.close()
    return {
        "keystrokes": typed,
        "keystroke_median": statistics.median(typed.values()),
        "keystroke_median_3plus": statistics.median(long_terms),
        "keystroke_worst": max(typed.values()),
        "floor_keystroke_median": statistics.median(floor_keys.values()),
        "sorts": sorts,
        "sort_median": statistics.median(sorts.values()),
        "sort_worst": max(sorts.values()),
        "floor_sort_median": statistics.median(floor_sorts.values()),
        "rss_mb": rss,
    }


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        result: dict[str, object] = dict(bare(float(sys.argv[2])))
    elif mode == "start":
        result = dict(start(sys.argv[2], float(sys.argv[3])))
    else:
        result = interact(sys.argv[2])
    print(json.dumps(result))
    os._exit(0)  # skip teardown: the measurement is done

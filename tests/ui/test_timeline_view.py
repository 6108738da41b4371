"""The timeline page: which projects it draws, and a double click that shows a project."""

from __future__ import annotations

from datetime import date
from typing import Any

from portfolio_desktop.services.follow_up import timeline
from portfolio_desktop.ui.views.timeline_view import TimelineView


def test_timeline_draws_the_running_projects_and_shows_one(qtbot: Any, ctx: Any) -> None:
    view = TimelineView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    rows = view.canvas.rows
    assert rows and all(r.status == "running" for r in rows)
    assert [r.start_on for r in rows] == sorted(r.start_on for r in rows)
    assert view.count.text() == f"{len(rows)} projets"
    view.scope.setCurrentIndex(view.scope.findData("all"))
    assert len(view.canvas.rows) == len(timeline(ctx.db, "all")) > len(rows)
    assert any(r.status == "closed" for r in view.canvas.rows)
    view.canvas.set_rows(view.canvas.rows, today=date(2026, 6, 30))
    view.canvas.grab()  # paints without error
    shown: list[Any] = []
    view.show_projects.connect(shown.append)
    first = view.canvas.rows[0]
    qtbot.mouseDClick(view.canvas, qtbot_button(), pos=_point(40))
    assert shown and shown[0].project_ids == (first.project_id,)


def qtbot_button() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def _point(y: int) -> Any:
    from PySide6.QtCore import QPoint

    return QPoint(50, y)

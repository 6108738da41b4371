"""The dashboard's follow-up panel: conversion per funder or per call, and what is due."""

from __future__ import annotations

from datetime import date
from typing import Any

from portfolio_desktop.ui.tasks import TaskRunner
from portfolio_desktop.ui.widgets import follow_up_panel
from portfolio_desktop.ui.widgets.follow_up_panel import FollowUpPanel


def test_panel_shows_conversion_and_due_items(
    qtbot: Any, qtmodeltester: Any, french: Any, pole_db: Any, monkeypatch: Any
) -> None:
    real = follow_up_panel.read_follow_up
    monkeypatch.setattr(
        follow_up_panel, "read_follow_up", lambda db: real(db, today=date(2026, 6, 30))
    )
    panel = FollowUpPanel(TaskRunner(synchronous=True))
    qtbot.addWidget(panel)
    panel.refresh(pole_db)
    qtmodeltester.check(panel.conversion)
    qtmodeltester.check(panel.due)
    model = panel.conversion
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert first[0] == "État — FUI (DGE)" and first[4].endswith(" %")
    funders = model.rowCount()
    panel.by.setCurrentIndex(panel.by.findData("call"))
    assert model.rowCount() > funders  # many calls per funder
    due = panel.due
    assert due.rowCount() == len(panel.data.due.overdue) + len(panel.data.due.due) > 0
    assert due.data(due.index(0, 4)).endswith("de retard")  # overdue first, in French
    assert panel.digest.text().startswith(f"{panel.data.due.count(*_late_reports())} rapport")


def _late_reports() -> tuple[Any, bool]:
    from portfolio_desktop.domain.follow_up import Standing

    return Standing.OVERDUE, True


def test_the_status_bar_says_what_is_late_when_a_portfolio_opens(desktop: Any) -> None:
    from portfolio_desktop.services.follow_up import digest, due_report

    expected = digest(due_report(desktop.ctx.db))
    assert expected  # the demo has late reports, whatever today is
    shown = desktop.window.statusBar().currentMessage()
    assert shown == expected[:1].upper() + expected[1:] and "en retard" in shown

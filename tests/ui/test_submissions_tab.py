"""The editor's submissions tab: lists a project's submissions and adds one (status follows)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from sqlalchemy import select

from portfolio_desktop.storage import tables as t
from portfolio_desktop.ui.widgets import submissions_tab
from portfolio_desktop.ui.widgets.submissions_tab import SubmissionsTab


def _project(db: Any, status: str, evaluated: bool) -> tuple[int, str]:
    with db.read() as session:
        evaluated_ids = select(t.Evaluation.project_id)
        where = t.Project.id.in_(evaluated_ids) if evaluated else t.Project.id.not_in(evaluated_ids)
        row = session.execute(
            select(t.Project.id, t.Project.status)
            .where(t.Project.status == status, where)
            .order_by(t.Project.id)
        ).first()
    return row[0], row[1]


def _calls(db: Any) -> list[tuple[str, int]]:
    with db.read() as session:
        return [(n, i) for i, n in session.execute(select(t.Call.id, t.Call.name))]


def test_a_second_submission_is_added_and_the_status_follows(
    qtbot: Any, qtmodeltester: Any, ctx: Any
) -> None:
    pid, _ = _project(ctx.db, "not_labelled", evaluated=True)
    tab = SubmissionsTab(ctx, pid, _calls(ctx.db))
    qtbot.addWidget(tab)
    qtmodeltester.check(tab.model)
    before = tab.model.rowCount()
    assert before >= 1 and tab.model.data(tab.model.index(0, 3)).startswith("Refusé")
    tab.call.setCurrentIndex(2)
    tab.submitted.setDate(QDate(2026, 3, 2))
    tab.label.setCurrentIndex(tab.label.findData("labelled"))
    tab.label_on.setDate(QDate(2026, 4, 20))
    tab.add_button.click()
    assert tab.model.rowCount() == before + 1
    last = tab.model.rows[-1]
    assert last.submitted_on == date(2026, 3, 2) and last.label_decided_on == date(2026, 4, 20)
    with ctx.db.read() as session:
        status = session.scalar(select(t.Project.status).where(t.Project.id == pid))
    assert status == "labelled"  # labelled again, for the new call


def test_a_label_without_evaluation_needs_its_reason(qtbot: Any, ctx: Any, monkeypatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(submissions_tab, "show_error", lambda _parent, error: shown.append(error))
    pid, _ = _project(ctx.db, "submitted", evaluated=False)
    tab = SubmissionsTab(ctx, pid, _calls(ctx.db))
    qtbot.addWidget(tab)
    before = tab.model.rowCount()
    tab.label.setCurrentIndex(tab.label.findData("support_letter"))
    tab.add_button.click()
    assert [getattr(e, "code", "") for e in shown] == ["label_without_evaluation"]
    assert tab.model.rowCount() == before
    tab.override.setText("Lettre de soutien demandée par l'ANR avant l'expertise")
    tab.add_button.click()
    assert tab.model.rowCount() == before + 1 and len(shown) == 1

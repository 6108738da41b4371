"""The aid-rate rules on the Funders & calls screen (issue 14), driven through the widgets: the
table of the selected call's or funder's rules, the rule form's checks, add / edit / delete as
undoable commands, and the project editor's matrix flagging a partner above a rule just entered."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QMessageBox, QRadioButton

from portfolio_desktop import messages
from portfolio_desktop.domain.financing import AidRateRule, CostBase
from portfolio_desktop.services import portfolio, reference
from portfolio_desktop.ui.dialogs.aid_rate_rule_dialog import AidRateRuleDialog, rate_to_bp
from portfolio_desktop.ui.views.funders_view import FundersView

from .test_reference_views import make_view, note, open_dialog, save_button, type_into

LEFT = Qt.MouseButton.LeftButton
SOURCE = "cahier des charges"


@pytest.fixture
def answers(monkeypatch) -> list[str]:
    """Answers Yes to confirmations (their text recorded)."""
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def view(qtbot, ctx) -> FundersView:
    return make_view(qtbot, FundersView, ctx)


def a_call(view: FundersView, *, with_rules: bool) -> Any:
    ruled = {r.rule.call_id for r in view._all_rules}
    return next(c for c in view._all_calls if (c.id in ruled) == with_rules)


def shown(view: FundersView, column: str) -> list[str]:
    col = view.rules.column_of(column)
    return [view.rules.index(r, col).data() for r in range(view.rules.rowCount())]


def combo(dialog: Any, name: str) -> QComboBox:
    found = dialog.findChild(QComboBox, name)
    assert found is not None, name
    return found


def choose(qtbot, dialog: Any, name: str) -> None:
    """Clicks a radio button on its indicator (its middle may be empty space)."""
    radio = dialog.findChild(QRadioButton, name)
    assert radio is not None, name
    qtbot.mouseClick(radio, LEFT, pos=QPoint(6, radio.height() // 2))
    assert radio.isChecked()


def test_the_table_shows_the_selected_calls_rules_or_all(qtmodeltester, view) -> None:
    every = len(view._all_rules)
    assert every > 0 and view.rules.rowCount() == every  # nothing selected: every rule
    fui = a_call(view, with_rules=True)
    view.select_call(fui.id)
    assert view.rules.rowCount() == 4  # the demo's FUI rates
    assert set(shown(view, "scope")) == {fui.name}
    assert "45\u00a0%" in shown(view, "rate") and "PME" in shown(view, "kind")
    assert "Dépenses éligibles" in shown(view, "base")
    assert fui.name in view.rules_title.text()
    qtmodeltester.check(view.rules)
    view.only_selection.setChecked(False)
    assert view.rules.rowCount() == every
    view.only_selection.setChecked(True)
    bare = a_call(view, with_rules=False)
    view.select_call(bare.id)
    assert view.rules.rowCount() == 0 and view.rules_hint.isVisibleTo(view)


def test_a_new_rule_for_the_selected_call_checked_saved_undone(qtbot, ctx, view) -> None:
    call = a_call(view, with_rules=False)
    view.select_call(call.id)
    qtbot.mouseClick(view.new_rule_button, LEFT)
    dialog = open_dialog(AidRateRuleDialog)
    assert combo(dialog, "ruleCall").currentData() == call.id  # starts on the selected call
    # A funder's rule without a funder: the scope is asked for, Save stays off.
    choose(qtbot, dialog, "ruleForFunder")
    assert combo(dialog, "ruleFunder").currentData() is None
    assert note(dialog, "scope") == messages.text("rule_scope_required")
    assert not save_button(dialog).isEnabled()
    choose(qtbot, dialog, "ruleForCall")
    assert note(dialog, "scope") == "" and save_button(dialog).isEnabled()

    kind = combo(dialog, "rulePartnerKind")
    kind.setCurrentIndex(kind.findData("sme"))
    dialog.findChild(QDoubleSpinBox, "ruleRate").setValue(45)
    base = combo(dialog, "ruleBase")
    base.setCurrentIndex(base.findData("eligible_costs"))
    type_into(qtbot, dialog, "ruleSource", SOURCE)
    qtbot.mouseClick(save_button(dialog), LEFT)
    assert not dialog.isVisible()

    assert view.rules.rowCount() == 1
    rule = view.current_rule()
    assert rule is not None and rule.rule == AidRateRule(
        "sme", 4500, CostBase.ELIGIBLE_COSTS, SOURCE, call_id=call.id
    )
    assert shown(view, "rate") == ["45\u00a0%"] and shown(view, "source") == [SOURCE]
    ctx.undo_stack.undo()
    assert view.rules.rowCount() == 0
    assert all(r.rule.call_id != call.id for r in reference.aid_rate_rules(ctx.db))
    ctx.undo_stack.redo()
    assert [r.id for r in view.rules.rows()] == [rule.id]  # back under its id


def test_a_second_rule_for_the_same_kind_is_refused_in_the_form(qtbot, view) -> None:
    fui = a_call(view, with_rules=True)
    view.select_call(fui.id)
    qtbot.mouseClick(view.new_rule_button, LEFT)
    dialog = open_dialog(AidRateRuleDialog)
    kind = combo(dialog, "rulePartnerKind")
    kind.setCurrentIndex(kind.findData("sme"))  # the FUI call has its SME rule
    assert note(dialog, "partner_kind") == messages.text("rule_duplicate")
    assert "a déjà une règle" in note(dialog, "partner_kind")
    assert not save_button(dialog).isEnabled()
    kind.setCurrentIndex(kind.findData("public_body"))  # no rule for public bodies
    assert note(dialog, "partner_kind") == "" and save_button(dialog).isEnabled()
    dialog.reject()


def test_edit_then_delete_a_rule_and_undo_both(qtbot, ctx, view, answers) -> None:
    fui = a_call(view, with_rules=True)
    view.select_call(fui.id)
    row = next(n for n, r in enumerate(view.rules.rows()) if r.rule.partner_kind == "sme")
    view.rules_table.selectRow(row)
    original = view.current_rule()
    qtbot.mouseClick(view.edit_rule_button, LEFT)
    dialog = open_dialog(AidRateRuleDialog)
    assert dialog.findChild(QDoubleSpinBox, "ruleRate").value() == 45
    dialog.findChild(QDoubleSpinBox, "ruleRate").setValue(40.5)
    qtbot.mouseClick(save_button(dialog), LEFT)
    edited = view.current_rule()
    assert (edited.id, edited.rule.max_rate_bp) == (original.id, 4050)
    assert "40,5\u00a0%" in shown(view, "rate")

    qtbot.mouseClick(view.delete_rule_button, LEFT)
    assert answers and "40,5" in answers[-1] and "PME" in answers[-1]
    assert view.rules.row_of(original.id) == -1
    ctx.undo_stack.undo()  # the delete
    ctx.undo_stack.undo()  # the edit
    back = view.rules.rows()[view.rules.row_of(original.id)]
    assert back.rule == original.rule


def test_rate_in_percent_to_basis_points() -> None:
    assert [rate_to_bp(v) for v in (45, 40.5, 33.33, 0, 100)] == [4500, 4050, 3333, 0, 10000]


def test_the_new_rule_flags_a_partner_above_it_in_the_editors_matrix(desktop, qtbot, pole_db):
    """A call with no rule: its partners are not flagged; once a rule for a partner's kind is
    entered just under its rate, the project editor's partner × funder matrix flags it."""
    from portfolio_desktop.services.money import editor_money
    from portfolio_desktop.ui.dialogs.financing_views import build_matrix

    ruled = {r.rule.call_id for r in reference.aid_rate_rules(pole_db)}
    with pole_db.read() as session:
        candidates = [
            (project_id, call_id)
            for project_id, call_id in session.connection().exec_driver_sql(
                "SELECT DISTINCT p.id, p.call_id FROM project p "
                "JOIN funding_line fl ON fl.project_id = p.id "
                "JOIN cofinancing_share cs ON cs.funding_line_id = fl.id "
                "WHERE p.call_id IS NOT NULL ORDER BY p.id"
            )
            if call_id not in ruled
        ]
    money = editor_money(pole_db)
    for project_id, call_id in candidates:  # noqa: B007 - the one found is used below
        record = portfolio.load_project(pole_db, project_id)
        matrix = build_matrix(
            record.partners, record.funding_lines, {}, money.kinds, money.rules, record.call_id
        )
        rows = [r for r in matrix.rows if r.check.rate and r.partner.kind]
        if rows:
            break
    else:
        raise AssertionError("the demo has no split project on a call without rules")
    target = rows[0]
    assert target.check.rule is None and not matrix.outside_rules
    rate_bp = int(target.check.rate * 10_000)
    under = max(0, min(10_000, rate_bp - 100))
    rule = AidRateRule(target.partner.kind, under, CostBase.ELIGIBLE_COSTS, SOURCE, call_id=call_id)
    reference.save_rule(pole_db, None, rule)

    desktop.window.open_project(project_id)
    editor = desktop.window._editor
    qtbot.waitUntil(editor.isVisible)
    shown = editor.matrix.model.matrix
    flagged = list(shown.outside_rules)
    assert [r.partner.organisation_id for r in flagged] == [target.partner.organisation_id]
    assert flagged[0].check.rule == rule
    assert target.partner.name in editor.matrix.summary.text()  # named under the matrix

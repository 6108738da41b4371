"""The project editor's money: the partner × funder matrix (totals, rates, the rule's flag) and a
line's payment schedule, edited through the widgets and saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from portfolio_desktop.domain.financing import TrancheKind
from portfolio_desktop.services import portfolio
from portfolio_desktop.ui.dialogs.financing_views import FinancingMatrixModel, build_matrix


def a_fui_project_above_its_rule(db) -> int:
    """A demo FUI project where some partner's rate is above the FUI rule for its kind."""
    from portfolio_desktop.services.money import editor_money

    money = editor_money(db)
    with db.read() as session:
        ids = [
            r[0]
            for r in session.connection().exec_driver_sql(
                "SELECT p.id FROM project p JOIN call c ON c.id = p.call_id "
                "WHERE c.name LIKE 'AAP FUI%' AND p.status = 'closed' ORDER BY p.id"
            )
        ]
    for project_id in ids:
        record = portfolio.load_project(db, project_id)
        matrix = build_matrix(
            record.partners, record.funding_lines, {}, money.kinds, money.rules, record.call_id
        )
        if matrix.outside_rules:
            return project_id
    raise AssertionError("the demo has no FUI project above its rules")


def test_the_matrix_shows_totals_rates_and_the_flag(desktop, qtbot, pole_db, qtmodeltester):
    project_id = a_fui_project_above_its_rule(pole_db)
    desktop.window.open_project(project_id)
    editor = desktop.window._editor
    qtbot.waitUntil(editor.isVisible)
    model = editor.matrix.model
    assert isinstance(model, FinancingMatrixModel)
    qtmodeltester.check(model)
    record = portfolio.load_project(pole_db, project_id)
    funders = len(model.matrix.funders)
    assert model.rowCount() == len(record.partners) + 2  # partners, not split, total
    total_row = model.rowCount() - 1
    assert model.index(total_row, 0).data() == "Total"
    granted = sum(line.granted_cents or 0 for line in record.funding_lines)
    assert model.matrix.granted_total == granted
    shown = model.index(total_row, 3 + funders).data().replace("\u202f", " ")
    assert shown.startswith(f"{granted // 100:,}".replace(",", " "))
    flagged = [r for r in range(len(record.partners)) if model.matrix.rows[r].check.above]
    assert flagged
    rule_cell = model.index(flagged[0], 5 + funders)
    assert rule_cell.data().startswith("⚠ 45") and rule_cell.data(Qt.ItemDataRole.ForegroundRole)
    assert "Au-dessus" in editor.matrix.summary.text()


def test_a_payment_added_in_the_schedule_is_saved_and_paid_follows(desktop, qtbot, pole_db):
    with pole_db.read() as session:
        project_id = (
            session.connection()
            .exec_driver_sql(
                "SELECT p.id FROM project p JOIN funding_line l ON l.project_id = p.id "
                "JOIN payment_tranche t ON t.funding_line_id = l.id WHERE p.status = 'running' "
                "ORDER BY p.id LIMIT 1"
            )
            .scalar()
        )
    before = portfolio.load_project(pole_db, project_id)
    desktop.window.open_project(project_id)
    editor = desktop.window._editor
    qtbot.waitUntil(editor.isVisible)
    editor.tabs.setCurrentIndex(2)
    line_row = next(
        i for i, line in enumerate(before.funding_lines) if line.money and line.money.tranches
    )
    editor.lines_view.setCurrentIndex(editor.lines.index(line_row, 0))
    panel = editor.line_money
    assert [t.kind for t in panel.tranches.records] == [
        TrancheKind.ADVANCE,
        TrancheKind.INTERIM,
        TrancheKind.BALANCE,
    ]
    paid_before = before.funding_lines[line_row].paid_cents or 0
    qtbot.mouseClick(panel.findChild(QPushButton, "paymentsAdd"), Qt.MouseButton.LeftButton)
    new = panel.payments.rowCount() - 1
    panel.payments.setData(panel.payments.index(new, 0), date(2026, 5, 4))
    panel.payments.setData(panel.payments.index(new, 1), 12_345_67)
    panel.payments.setData(panel.payments.index(new, 2), 1)  # for the interim tranche
    assert editor.lines.records[line_row].paid_cents == paid_before + 12_345_67
    assert "reçu" in panel.status.text()
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled(), editor.issues.text()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    after = portfolio.load_project(pole_db, project_id)
    line = after.funding_lines[line_row]
    assert line.paid_cents == paid_before + 12_345_67
    assert line.money is not None
    added = [p for p in line.money.payments if p.amount_cents == 12_345_67]
    assert [(p.received_on, p.tranche) for p in added] == [(date(2026, 5, 4), 1)]
    assert line.money.tranches == before.funding_lines[line_row].money.tranches

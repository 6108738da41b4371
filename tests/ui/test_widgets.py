"""The desktop's own widgets: multi-choice filters, money and date fields."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from portfolio_desktop.ui.widgets.checkable_combo import CheckableComboBox
from portfolio_desktop.ui.widgets.fields import MoneyEdit, OptionalDateEdit


def test_checkable_combo_ticks_items_by_clicking(qtbot) -> None:
    combo = CheckableComboBox("Tous")
    qtbot.addWidget(combo)
    combo.set_items([("Financé", "funded"), ("En cours", "running"), ("Terminé", "closed")])
    combo.show()
    assert combo.currentText() == "Tous"
    qtbot.mouseClick(combo.lineEdit(), Qt.MouseButton.LeftButton)  # opens the list
    qtbot.waitUntil(combo.view().isVisible)
    view = combo.view()
    with qtbot.waitSignal(combo.selection_changed) as changed:
        rect = view.visualRect(combo.model().index(1, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert changed.args == [["running"]]
    assert combo.checked_values() == ["running"]
    assert combo.lineEdit().text() == "En cours"
    combo.set_checked(["funded", "closed"])
    assert combo.lineEdit().text() == "Financé, Terminé"


def test_money_edit_reads_what_people_type(qtbot) -> None:
    edit = MoneyEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "1 300 000,50")
    assert edit.cents() == 130_000_050
    edit.clear()
    qtbot.keyClicks(edit, "750 k")
    assert edit.cents() == 75_000_000
    edit.clear()
    qtbot.keyClicks(edit, "12,345")  # thousands or decimals? refused, not guessed
    assert not edit.is_valid()
    assert "background" in edit.styleSheet()


def test_optional_date(qtbot) -> None:
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    assert edit.value() is None
    edit.set_value(date(2024, 3, 15))
    assert edit.value() == date(2024, 3, 15)
    edit.set_value(None)
    assert edit.value() is None and edit.text() == "—"

"""The wizard's mapping page says how each column's field was found, and lets a value it does not
recognise be ignored (the cell left empty, with a warning) instead of stopping its row."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from portfolio_desktop.ui.dialogs.import_models import CHOICES_ROLE
from portfolio_desktop.ui.tasks import TaskRunner

from .test_import_wizard import HEADERS, count, make_wizard, runner, write_book

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
__all__ = ["runner"]  # the fixture, shared with the wizard's other tests


def test_each_column_says_how_its_field_was_found(
    qtbot: Any, db: Any, runner: TaskRunner, tmp_path: Path
) -> None:
    rows = [
        [*HEADERS, "Couleur préférée"],
        ["R-1", "ALPHA", "Financé", "Région Bretagne", "Subvention", 1000, date(2021, 1, 5), "x"],
    ]
    wizard = make_wizard(qtbot, db, runner, write_book(tmp_path / "a.xlsx", rows))
    wizard.next()
    page = wizard.mapping_page
    model = page.columns
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Found by"
    found = {model.index(r, 0).data(): model.index(r, 3).data() for r in range(model.rowCount())}
    assert found["Statut"] == "its header"  # the export's own header
    assert found["Réf."] == "a known name"
    assert found["Couleur préférée"] == ""  # not imported: nothing to say
    status_row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Statut")
    assert model.index(status_row, 3).data(Qt.ItemDataRole.ToolTipRole) == (
        "The header is the field's own name, as the export writes it."
    )
    # Chosen by the user: said so, and the column that had the field lets it go and says nothing.
    title_row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Acronyme")
    model.setData(model.index(title_row, 2), "reference")
    assert model.index(title_row, 3).data() == "your choice"
    assert model.index(title_row, 3).data(Qt.ItemDataRole.ToolTipRole) == "You chose this field."
    reference_row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Réf.")
    assert model.index(reference_row, 2).data() == "(not imported)"
    assert model.index(reference_row, 3).data() == ""


def test_an_unknown_value_ignored_leaves_its_cell_empty_and_its_row_imported(
    qtbot: Any, db: Any, runner: TaskRunner, tmp_path: Path
) -> None:
    rows = [
        [*HEADERS, "Région"],
        ["R-1", "ALPHA", "Financé", "Région Bretagne", "Subvention", 1000, date(2021, 1, 5),
         "Atlantide"],
        ["R-2", "BETA", "Financé", "Région Bretagne", "Subvention", 500, date(2021, 1, 5),
         "Bretagne"],
    ]  # fmt: skip
    wizard = make_wizard(qtbot, db, runner, write_book(tmp_path / "r.xlsx", rows))
    wizard.next()
    page = wizard.mapping_page
    assert page.values.rowCount() == 1
    assert page.values.index(0, 1).data() == "Atlantide"
    choices = page.values.index(0, 3).data(CHOICES_ROLE)
    ignore = next(value for label, value in choices if label.startswith("(ignore this value"))
    page.values.setData(page.values.index(0, 3), ignore)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert page.check_status.text() == "Every row can be read."
    wizard.next()
    preview = wizard.preview_page
    assert preview.isComplete()
    assert "1 cell(s) read otherwise than written" in preview.summary.text()
    # The cell is named in its tab, with what was done to it.
    assert preview.details.tabText(2) == "Cells read otherwise (1)"
    assert preview.details.currentIndex() == 2
    cells = preview.cell_warnings
    assert [cells.index(0, c).data() for c in range(3)] == ["Suivi", "4", "Région"]
    assert "« Atlantide »" in cells.index(0, 3).data() and "ignor" in cells.index(0, 3).data()
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    assert count(db, "SELECT count(*) FROM project") == 2
    assert count(db, "SELECT count(*) FROM project_region") == 1  # R-2's Bretagne only


def test_the_wizard_asks_which_cluster_rows_join_when_the_file_names_none(
    qtbot: Any, db: Any, runner: TaskRunner, tmp_path: Path
) -> None:
    from portfolio_desktop.services.excel_import import import_workbook

    two_poles = write_book(
        tmp_path / "poles.xlsx",
        [
            [*HEADERS, "Pôle"],
            ["P-1", "UN", "Financé", "Région Bretagne", "Subvention", 10, date(2021, 1, 5), "Images & Réseaux"],
            ["P-2", "DEUX", "Financé", "Région Bretagne", "Subvention", 10, date(2021, 1, 5), "Mer Bretagne"],
        ],
    )  # fmt: skip
    assert import_workbook(db, two_poles).ok
    rows = [
        HEADERS,
        ["R-1", "ALPHA", "Financé", "Région Bretagne", "Subvention", 1000, date(2021, 1, 5)],
        ["R-2", "BETA", "Financé", "Région Bretagne", "Subvention", 500, date(2021, 1, 5)],
    ]
    wizard = make_wizard(qtbot, db, runner, write_book(tmp_path / "sans-pole.xlsx", rows))
    wizard.next()
    page = wizard.mapping_page
    assert not page.pole_box.isHidden()
    choices = [page.pole_choice.itemText(i) for i in range(page.pole_choice.count())]
    assert choices == ["Images & Réseaux", "Mer Bretagne"]
    page.pole_choice.setCurrentIndex(1)
    qtbot.mouseClick(page.pole_button, Qt.MouseButton.LeftButton)
    assert page.check_status.text() == "Every row can be read."
    assert page.pole_box.isHidden()
    assert "Mer Bretagne" in page.fixed_list.text()
    wizard.next()
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    assert (
        count(
            db,
            "SELECT count(*) FROM project p JOIN cluster c ON c.id = p.cluster_id "
            "WHERE c.name = 'Mer Bretagne' AND p.reference IN ('R-1', 'R-2')",
        )
        == 2
    )

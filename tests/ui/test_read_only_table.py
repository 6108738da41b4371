"""The shared read-only table: columns declared once give headers, texts, alignment, tooltips."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from portfolio_desktop.ui.models.read_only_table import RIGHT, Column, ReadOnlyTableModel

Horizontal = Qt.Orientation.Horizontal
Role = Qt.ItemDataRole


class YearsModel(ReadOnlyTableModel[tuple[int, int]]):
    """Rows: (year, amount); a negative amount in red."""

    title = "Year"

    def columns(self) -> list[Column[tuple[int, int]]]:
        return [
            Column(self.title, lambda row: str(row[0]), tooltip=lambda row: f"year {row[0]}"),
            Column("Amount", lambda row: f"{row[1]} €", RIGHT),
        ]

    def row_data(self, row: tuple[int, int], role: int) -> Any:
        return QColor("red") if role == Role.ForegroundRole and row[1] < 0 else None


def test_columns_give_headers_texts_alignment_and_tooltips(qtmodeltester: Any) -> None:
    model = YearsModel()
    model.set_rows([(2024, 10), (2025, -3)])
    qtmodeltester.check(model)
    assert [model.headerData(c, Horizontal) for c in range(model.columnCount())] == [
        "Year",
        "Amount",
    ]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Horizontal, Role.ToolTipRole) is None
    assert model.headerData(2, Horizontal) is None
    assert [model.index(1, c).data() for c in range(2)] == ["2025", "-3 €"]
    assert model.index(0, 0).data(Role.TextAlignmentRole) is None  # the view's own
    assert model.index(0, 1).data(Role.TextAlignmentRole) == RIGHT
    assert model.index(0, 0).data(Role.ToolTipRole) == "year 2024"
    assert model.index(0, 1).data(Role.ToolTipRole) is None
    assert model.index(0, 1).data(Role.EditRole) is None  # read-only: no edit value
    assert model.index(0, 1).data(Role.ForegroundRole) is None
    assert model.index(1, 0).data(Role.ForegroundRole) == QColor("red")  # every column
    assert model.index(1, 1).data(Role.ForegroundRole) == QColor("red")
    assert model.data(QModelIndex()) is None


def test_set_rows_resets_the_table(qtbot: Any) -> None:
    model = YearsModel()
    assert model.rowCount() == 0 and model.columnCount() == 2
    rows = [(2024, 1), (2025, 2), (2026, 3)]
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(rows)
    assert model.rowCount() == 3
    rows.clear()  # the model keeps its own list
    assert model.rowCount() == 3 and model.index(2, 0).data() == "2026"
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([])
    assert model.rowCount() == 0
    assert model.rowCount(model.index(0, 0)) == 0


def test_headers_are_asked_again_and_cells_keep_their_columns() -> None:
    model = YearsModel()
    model.set_rows([(2024, 1)])
    assert model.index(0, 0).data() == "2024"
    model.title = "Année"  # what a newly installed translator does to `tr()`
    assert model.headerData(0, Horizontal) == "Année"
    assert model.index(0, 0).data() == "2024"

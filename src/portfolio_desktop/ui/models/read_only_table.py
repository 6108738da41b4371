"""A read-only table over a list of plain rows (the dashboard's figures, a project's submissions,
the change history, the import preview). Each column is declared once, as a `Column`; the
editable counterpart is `record_table.RecordTableModel`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
#: Amounts, counts and rates: against the right edge, centred in the line's height.
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True, slots=True)
class Column(Generic[Row]):
    """A column: its header, a row's text, its alignment (None: the view's), a row's tooltip."""

    header: str
    text: Callable[[Row], str]
    alignment: int | None = None
    tooltip: Callable[[Row], str] | None = None


class ReadOnlyTableModel(QAbstractTableModel, Generic[Row]):
    """Rows are plain values; a subclass declares its `columns()`.

    The headers are asked of `columns()` each time, so that they follow the translators installed
    the way `tr()` in `headerData` does; the cells use the columns read once.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def columns(self) -> Sequence[Column[Row]]:
        raise NotImplementedError

    def row_data(self, row: Row, role: int) -> Any:
        """What a row shows for a role no column answers, in every column (none by default)."""
        return None

    @cached_property
    def _cells(self) -> Sequence[Column[Row]]:
        # Read once: `data()` and `columnCount()` are asked for every cell painted.
        return self.columns()

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        columns = self.columns()
        return columns[section].header if 0 <= section < len(columns) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        column = self._cells[index.column()]
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.alignment is not None:
            return column.alignment
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return self.row_data(row, role)

"""A read-only table over plain rows of reference data (funders, calls, domains, experts).

These lists are small (a few thousand rows at most, national demo included), so the rows live in
the model and sorting happens here, on the raw value of each cell (`SortRole`), keeping the
selection across a sort. The organisations table, 38,000 rows, has its own lazy model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ...domain.text import fold
from .. import formatting

#: The raw value of a cell (codes, counts, booleans) for sorting, delegates and tests.
SortRole = Qt.ItemDataRole.UserRole + 1
#: The id of the row's record.
IdRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

NUMBERS = ("int", "year", "rate_bp")


@dataclass(frozen=True)
class Column:
    """A column: title, how to read the raw value from a row, and how to show it.

    Kinds: `text`; `int` (a count, right-aligned, in the locale's digits); `year` (right-aligned,
    never grouped: 2026, not 2 026); `rate_bp` (a rate in basis points, right-aligned, « 45 % »);
    `bool` (a tick, not editable here); `colour` (`#RRGGBB`, shown with a swatch); `label:Kind` (a code of a closed
    list, shown with its label in the user's language).
    """

    key: str
    title: str
    value: Callable[[Any], Any]
    kind: str = "text"
    tooltip: Callable[[Any], str] | None = None


def sort_key(value: Any) -> tuple[int, Any]:
    """Empty values last; text compared without case or accents; numbers as numbers."""
    if value is None or value == "":
        return (1, 0)
    if isinstance(value, str):
        return (0, fold(value))
    if isinstance(value, bool):
        return (0, int(value))
    return (0, value)


class ReferenceTableModel(QAbstractTableModel):
    """Rows are plain records with an `id`; columns are `Column`s."""

    def __init__(self, columns: list[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._rows: list[Any] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- what the owner calls ----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._rows.sort(key=self._key(self._sort[0]), reverse=self._reverse(self._sort[1]))
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, row_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == row_id), -1)

    def column_of(self, key: str) -> int:
        return next(n for n, c in enumerate(self.columns) if c.key == key)

    # -- QAbstractTableModel -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].kind in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == IdRole:
            return record.id
        value = column.value(record)
        if role == SortRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(column, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(record)
            text = self.display(column, value)
            return text if text and len(text) > 40 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and column.kind == "colour" and value:
            colour = QColor(str(value))
            return colour if colour.isValid() else None
        return None

    @staticmethod
    def display(column: Column, value: Any) -> str | None:
        if column.kind == "bool":
            return None
        if value is None:
            return ""
        if column.kind == "int":
            return formatting.number(int(value))
        if column.kind == "year":
            return str(value)
        if column.kind == "rate_bp":
            return formatting.rate_bp(int(value))
        if column.kind.startswith("label:"):
            return formatting.label(column.kind.split(":", 1)[1], str(value))
        if column.kind == "colour":
            return str(value).upper()
        return str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id if i.isValid() else None for i in before]
        self._rows.sort(key=self._key(column), reverse=self._reverse(order))
        position = {r.id: n for n, r in enumerate(self._rows)}
        after = [
            self.index(position[row_id], old.column()) if row_id in position else QModelIndex()
            for old, row_id in zip(before, ids, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _key(self, column: int) -> Callable[[Any], tuple[int, Any]]:
        read = self.columns[column].value
        return lambda record: sort_key(read(record))

    @staticmethod
    def _reverse(order: Qt.SortOrder) -> bool:
        return order == Qt.SortOrder.DescendingOrder

"""The projects table model: ids only, rows fetched by page as the view asks for them.

The model never sorts or filters: `sort()` asks its owner (signal `sort_requested`) to run the
ordered query off the GUI thread, which then hands back the ids with `set_ids`. Rows are read by
pages of primary keys (about 2 ms for 200 rows) and cached; edits invalidate the cache.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from .. import formatting

if TYPE_CHECKING:  # the services load after the window is shown
    from ...services.project_list import ProjectRow

PAGE = 64  # about two screens: one query of ~1 ms, formatted in ~4 ms
MAX_PAGES = 150  # about 10,000 rows kept in memory at most

#: A role carrying the raw value of a cell (cents, dates, codes) for delegates and tests.
SortRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """A column of the table: its key (a sort key of storage.project_list), title and kind."""

    key: str
    title: str
    kind: str = "text"  # text, money, date, status


def columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("cluster", QCoreApplication.translate("ProjectTableModel", "Cluster")),
        ColumnSpec("reference", QCoreApplication.translate("ProjectTableModel", "Reference")),
        ColumnSpec("acronym", QCoreApplication.translate("ProjectTableModel", "Acronym")),
        ColumnSpec("title", QCoreApplication.translate("ProjectTableModel", "Title")),
        ColumnSpec("status", QCoreApplication.translate("ProjectTableModel", "Status"), "status"),
        ColumnSpec("lead", QCoreApplication.translate("ProjectTableModel", "Lead partner")),
        ColumnSpec("domains", QCoreApplication.translate("ProjectTableModel", "Domains")),
        ColumnSpec("regions", QCoreApplication.translate("ProjectTableModel", "Region")),
        ColumnSpec("call", QCoreApplication.translate("ProjectTableModel", "Call")),
        ColumnSpec("start_on", QCoreApplication.translate("ProjectTableModel", "Start"), "date"),
        ColumnSpec("end_on", QCoreApplication.translate("ProjectTableModel", "End"), "date"),
        ColumnSpec("budget", QCoreApplication.translate("ProjectTableModel", "Budget"), "money"),
        ColumnSpec(
            "granted", QCoreApplication.translate("ProjectTableModel", "Granted funding"), "money"
        ),
    ]


_ATTRIBUTE = {"budget": "budget_cents", "granted": "granted_cents"}

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True, slots=True)
class _Cells:
    """One row, formatted once when its page is read: display texts, raw values, status colour."""

    display: tuple[Any, ...]
    raw: tuple[Any, ...]
    colour: QColor


STATUS_COLOURS = {
    "draft": "#7f7f7f",
    "submitted": "#0072B2",
    "evaluated": "#56B4E9",
    "labelled": "#009E73",
    "not_labelled": "#D55E00",
    "funded": "#009E73",
    "not_funded": "#D55E00",
    "running": "#0072B2",
    "closed": "#555555",
    "abandoned": "#999999",
}


class ProjectTableModel(QAbstractTableModel):
    """Rows of the projects table, by id, lazily."""

    sort_requested = Signal(str, bool)

    def __init__(
        self, fetch_rows: Callable[[Sequence[int]], list[ProjectRow]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch_rows
        self._columns = columns()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[_Cells | None]] = OrderedDict()
        self.sort_key = "reference"
        self.descending = False

    # -- what the owner calls ----------------------------------------------------------------------

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def invalidate(self, ids: Sequence[int] = ()) -> None:
        """Forgets cached rows (all of them when `ids` is empty) and repaints."""
        if not ids:
            self._pages.clear()
        else:
            wanted = set(ids)
            for page in list(self._pages):
                if any(i in wanted for i in self._ids[page * PAGE : (page + 1) * PAGE]):
                    del self._pages[page]
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1)
            )

    def column_keys(self) -> list[str]:
        return [c.key for c in self._columns]

    def column_of(self, key: str) -> int:
        return self.column_keys().index(key)

    def project_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, project_id: int) -> int:
        try:
            return self._ids.index(project_id)
        except ValueError:
            return -1

    # -- QAbstractTableModel -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[section].kind == "money":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key, descending = self._columns[column].key, order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return  # QTableView asks twice (sortByColumn, then its header's indicator signal)
        self.sort_key, self.descending = key, descending
        self.sort_requested.emit(key, descending)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called thousands of times per paint: plain int comparisons, cells formatted once per page.
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        role = int(role)
        if role in (_DISPLAY, _TOOLTIP):
            cells = self._cells(row)
            return cells.display[index.column()] if cells is not None else None
        if role == _ALIGNMENT:
            return _RIGHT if self._columns[index.column()].kind == "money" else None
        if role == _FOREGROUND:
            cells = self._cells(row)
            return (
                cells.colour
                if cells is not None and self._columns[index.column()].kind == "status"
                else None
            )
        if role == SortRole:
            cells = self._cells(row)
            return cells.raw[index.column()] if cells is not None else None
        if role == IdRole:
            return self._ids[row]
        return None

    def _format(self, row: ProjectRow) -> _Cells:
        raw = tuple(getattr(row, _ATTRIBUTE.get(c.key, c.key)) for c in self._columns)
        display = []
        for column, value in zip(self._columns, raw, strict=True):
            if column.kind == "money":
                display.append(formatting.money(value, decimals=False))
            elif column.kind == "date":
                display.append(formatting.day(value))
            elif column.kind == "status":
                display.append(formatting.label("ProjectStatus", value))
            else:
                display.append(value)
        return _Cells(tuple(display), raw, QColor(STATUS_COLOURS.get(row.status, "#000000")))

    # -- paging ---------------------------------------------------------------------------------

    def _cells(self, row: int) -> _Cells | None:
        page = row // PAGE
        cells = self._pages.get(page)
        if cells is None:
            ids = self._ids[page * PAGE : (page + 1) * PAGE]
            fetched = {r.id: r for r in self._fetch(ids)}
            cells = [self._format(fetched[i]) if i in fetched else None for i in ids]
            self._pages[page] = cells
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return cells[row - page * PAGE]

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

PAGE = 200
MAX_PAGES = 50  # about 10,000 rows kept in memory at most

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
        self._pages: OrderedDict[int, list[ProjectRow | None]] = OrderedDict()
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
            for page, rows in list(self._pages.items()):
                if any(r is not None and r.id in wanted for r in rows):
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
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self._columns):
            self.sort_key = self._columns[column].key
            self.descending = order == Qt.SortOrder.DescendingOrder
            self.sort_requested.emit(self.sort_key, self.descending)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            SortRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind == "money":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        row = self._row(index.row())
        if row is None:
            return None
        value = getattr(row, _ATTRIBUTE.get(column.key, column.key))
        if role == SortRole:
            return value
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.kind == "status":
                return QColor(STATUS_COLOURS.get(value, "#000000"))
            return None
        if column.kind == "money":
            return formatting.money(value, decimals=False)
        if column.kind == "date":
            return formatting.day(value)
        if column.kind == "status":
            return formatting.label("ProjectStatus", value)
        return value

    # -- paging ---------------------------------------------------------------------------------

    def _row(self, row: int) -> ProjectRow | None:
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            ids = self._ids[page * PAGE : (page + 1) * PAGE]
            fetched = {r.id: r for r in self._fetch(ids)}
            rows = [fetched.get(i) for i in ids]
            self._pages[page] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows[row - page * PAGE]

"""The projects table model: ids only, rows fetched by page as the view asks for them.

The model never sorts or filters: `sort()` asks its owner (signal `sort_requested`) to run the
ordered query off the GUI thread, which then hands back the ids with `set_ids`. Rows are read by
pages of primary keys (about 2 ms for 200 rows) and cached; edits invalidate the cache.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from ...domain.responsible import MATURITY_LEVELS
from .. import formatting
from .lazy_rows import Index, LazyRowsModel

if TYPE_CHECKING:  # the services load after the window is shown
    from ...services.project_list import ProjectRow

PAGE = 64  # about two screens: one query of ~1 ms, formatted in ~4 ms
MAX_PAGES = 150  # about 10,000 rows kept in memory at most

#: A role carrying the raw value of a cell (cents, dates, codes) for delegates and tests.
SortRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2


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
        # Every instrument of the project's lines (grants, advances, loans, equity): the dashboard's
        # « Aide accordée » is grants only, so this column is named for what it adds.
        ColumnSpec(
            "granted", QCoreApplication.translate("ProjectTableModel", "Funding granted"), "money"
        ),
        # Optional columns, hidden until chosen from the header's menu.
        ColumnSpec("funders", QCoreApplication.translate("ProjectTableModel", "Funders")),
        ColumnSpec(
            "submitted_on", QCoreApplication.translate("ProjectTableModel", "Submitted"), "date"
        ),
        ColumnSpec(
            "evaluated_on", QCoreApplication.translate("ProjectTableModel", "Evaluated"), "date"
        ),
        ColumnSpec(
            "labelling_decided_on",
            QCoreApplication.translate("ProjectTableModel", "Labelling decision"),
            "date",
        ),
        ColumnSpec(
            "funding_decided_on",
            QCoreApplication.translate("ProjectTableModel", "Funding decision"),
            "date",
        ),
        ColumnSpec(
            "maturity",
            QCoreApplication.translate("ProjectTableModel", "Responsible-digital maturity"),
            "maturity",
        ),
    ]


#: Columns shown only when the user chooses them (the header's menu).
OPTIONAL_COLUMNS = (
    "funders",
    "submitted_on",
    "evaluated_on",
    "labelling_decided_on",
    "funding_decided_on",
    "maturity",
)
#: Columns the table cannot sort by (computed for each page of rows).
UNSORTED_COLUMNS = frozenset({"funders", "maturity"})


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


class ProjectTableModel(LazyRowsModel["ProjectRow", _Cells]):
    """Rows of the projects table, by id, lazily; each page formatted once."""

    def __init__(
        self, fetch_rows: Callable[[Sequence[int]], list[ProjectRow]], parent: Any = None
    ) -> None:
        super().__init__(
            fetch_rows, page=PAGE, max_pages=MAX_PAGES, sort_key="reference", parent=parent
        )
        self._columns = columns()

    def column_keys(self) -> list[str]:
        return [c.key for c in self._columns]

    def column_of(self, key: str) -> int:
        return self.column_keys().index(key)

    def project_id(self, row: int) -> int:
        return self.id_at(row)

    # -- QAbstractTableModel -----------------------------------------------------------------------

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
        if key in UNSORTED_COLUMNS:
            return
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
            cells = self.item(row)
            return cells.display[index.column()] if cells is not None else None
        if role == _ALIGNMENT:
            return _RIGHT if self._columns[index.column()].kind == "money" else None
        if role == _FOREGROUND:
            cells = self.item(row)
            return (
                cells.colour
                if cells is not None and self._columns[index.column()].kind == "status"
                else None
            )
        if role == SortRole:
            cells = self.item(row)
            return cells.raw[index.column()] if cells is not None else None
        if role == IdRole:
            return self._ids[row]
        return None

    def convert(self, row: ProjectRow) -> _Cells:
        raw = tuple(getattr(row, _ATTRIBUTE.get(c.key, c.key)) for c in self._columns)
        display = []
        for column, value in zip(self._columns, raw, strict=True):
            if column.kind == "money":
                display.append(formatting.money(value, decimals=False))
            elif column.kind == "date":
                display.append(formatting.day(value))
            elif column.kind == "status":
                display.append(formatting.label("ProjectStatus", value))
            elif column.kind == "maturity":
                display.append(
                    ""
                    if value is None
                    else f"{value} · {formatting.label('Maturity', MATURITY_LEVELS[value - 1])}"
                )
            else:
                display.append(value)
        return _Cells(tuple(display), raw, QColor(STATUS_COLOURS.get(row.status, "#000000")))

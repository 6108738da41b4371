"""The organisations table model: ids only, rows fetched by page as the view shows them.

38,000 organisations in the national demo: the owner runs the searched, filtered and sorted query
off the GUI thread (`services.reference.organisation_ids`, counts of projects computed in SQL) and
hands the ids over with `set_ids`; `sort()` only asks for that query (`sort_requested`). A page of
200 rows takes a few milliseconds to read by primary key; pages are cached and dropped on edits.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ...domain.enums import REGION_NAMES, Region
from ...services.reference import OrganisationRow
from .. import formatting
from .reference_table import IdRole, SortRole

PAGE = 200
MAX_PAGES = 50

Index = QModelIndex | QPersistentModelIndex

#: (key — a sort key of storage.reference.organisation_ids —, attribute of the row, kind)
COLUMNS: list[tuple[str, str, str]] = [
    ("name", "name", "text"),
    ("kind", "kind", "kind"),
    ("siren", "siren", "text"),
    ("region", "region", "region"),
    ("city", "city", "text"),
    ("member", "is_member", "bool"),
    ("projects", "projects", "int"),
]


def column_titles() -> list[str]:
    translate = QCoreApplication.translate  # literal calls: lupdate extracts them
    return [
        translate("OrganisationTableModel", "Name"),
        translate("OrganisationTableModel", "Kind"),
        translate("OrganisationTableModel", "SIREN"),
        translate("OrganisationTableModel", "Region"),
        translate("OrganisationTableModel", "City"),
        translate("OrganisationTableModel", "Member"),
        translate("OrganisationTableModel", "Projects"),
    ]


def region_name(code: str | None) -> str:
    if not code:
        return ""
    try:
        return REGION_NAMES[Region(code)]
    except ValueError:
        return code


class OrganisationTableModel(QAbstractTableModel):
    """Rows of the organisations table, by id, lazily."""

    #: The user clicked a header: (sort key, descending). The owner re-runs the query.
    sort_requested = Signal(str, bool)

    def __init__(
        self, fetch_rows: Callable[[Sequence[int]], list[OrganisationRow]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch_rows
        self._titles = column_titles()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[OrganisationRow | None]] = OrderedDict()
        self.sort_key = "name"
        self.descending = False

    # -- what the owner calls ----------------------------------------------------------------------

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def organisation_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, organisation_id: int) -> int:
        try:
            return self._ids.index(organisation_id)
        except ValueError:
            return -1

    def record(self, row: int) -> OrganisationRow | None:
        return self._row(row) if 0 <= row < len(self._ids) else None

    def invalidate(self) -> None:
        """Forgets every cached row and repaints (after an edit)."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def column_of(self, key: str) -> int:
        return next(n for n, c in enumerate(COLUMNS) if c[0] == key)

    # -- QAbstractTableModel -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section][2] == "int":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.sort_key = COLUMNS[column][0]
            self.descending = order == Qt.SortOrder.DescendingOrder
            self.sort_requested.emit(self.sort_key, self.descending)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        key, attribute, kind = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if kind == "int"
                else None
            )
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.CheckStateRole,
            SortRole,
        ):
            return None
        record = self._row(index.row())
        if record is None:
            return None
        value = getattr(record, attribute)
        if role == SortRole:
            return value
        if role == Qt.ItemDataRole.CheckStateRole:
            if kind != "bool":
                return None
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.name if key == "name" and len(record.name) > 40 else None
        if kind == "bool":
            return None
        if kind == "int":
            return formatting.number(int(value))
        if kind == "kind":
            return formatting.label("OrganisationKind", value)
        if kind == "region":
            return region_name(value)
        return value or ""

    # -- paging ------------------------------------------------------------------------------------

    def _row(self, row: int) -> OrganisationRow | None:
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

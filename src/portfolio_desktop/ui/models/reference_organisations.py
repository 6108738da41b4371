"""The organisations table model: ids only, rows fetched by page as the view shows them.

38,000 organisations in the national demo: the owner runs the searched, filtered and sorted query
off the GUI thread (`services.reference.organisation_ids`, counts of projects computed in SQL) and
hands the ids over with `set_ids`; `sort()` only asks for that query (`sort_requested`). A page of
200 rows takes a few milliseconds to read by primary key; pages are cached and dropped on edits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from ...domain.enums import REGION_NAMES, Region
from ...services.reference import OrganisationRow
from .. import formatting
from .lazy_rows import Index, LazyRowsModel
from .reference_table import IdRole, SortRole

PAGE = 200
MAX_PAGES = 50

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


class OrganisationTableModel(LazyRowsModel[OrganisationRow, OrganisationRow]):
    """Rows of the organisations table, by id, lazily."""

    def __init__(
        self, fetch_rows: Callable[[Sequence[int]], list[OrganisationRow]], parent: Any = None
    ) -> None:
        super().__init__(fetch_rows, page=PAGE, max_pages=MAX_PAGES, sort_key="name", parent=parent)
        self._titles = column_titles()

    def convert(self, record: OrganisationRow) -> OrganisationRow:
        return record

    def organisation_id(self, row: int) -> int:
        return self.id_at(row)

    def record(self, row: int) -> OrganisationRow | None:
        return self.item(row) if 0 <= row < len(self._ids) else None

    def column_of(self, key: str) -> int:
        return next(n for n, c in enumerate(COLUMNS) if c[0] == key)

    # -- QAbstractTableModel -----------------------------------------------------------------------

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
        record = self.item(index.row())
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

"""What the large tables share: rows known by id in the order SQL gave them, fetched a page at a
time as the view asks for them, converted once per page and kept for the most recent pages.

The owner runs the filtered, sorted query (ids only) and hands the ids over with `set_ids`; a
click on a header only emits `sort_requested` for the owner to query again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Signal

Index = QModelIndex | QPersistentModelIndex
Record = TypeVar("Record")
Item = TypeVar("Item")


class LazyRowsModel(QAbstractTableModel, Generic[Record, Item]):
    """Rows by id, lazily: `fetch(ids)` reads the records of one page (in any order, some may be
    missing: deleted meanwhile), `convert(record)` makes what `data()` serves from a record."""

    #: The user clicked a header: (sort key, descending). The owner re-runs the query.
    sort_requested = Signal(str, bool)

    def __init__(
        self,
        fetch: Callable[[Sequence[int]], list[Record]],
        *,
        page: int,
        max_pages: int,
        sort_key: str,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._page = page
        self._max_pages = max_pages
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[Item | None]] = OrderedDict()
        self.sort_key = sort_key
        self.descending = False

    def convert(self, record: Record) -> Item:
        raise NotImplementedError

    # -- what the owner calls ----------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, row_id: int) -> int:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1

    def invalidate(self, ids: Sequence[int] = ()) -> None:
        """Forgets cached rows (all of them when `ids` is empty) and repaints."""
        if not ids:
            self._pages.clear()
        else:
            wanted = set(ids)
            size = self._page
            for page in list(self._pages):
                if any(i in wanted for i in self._ids[page * size : (page + 1) * size]):
                    del self._pages[page]
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1)
            )

    # -- QAbstractTableModel -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    # -- paging ------------------------------------------------------------------------------------

    def item(self, row: int) -> Item | None:
        """The converted row at `row` (None when its record is gone), its page fetched if needed."""
        size = self._page
        page = row // size
        items = self._pages.get(page)
        if items is None:
            ids = self._ids[page * size : (page + 1) * size]
            fetched = {r.id: r for r in self._fetch(ids)}  # type: ignore[attr-defined]
            items = [self.convert(fetched[i]) if i in fetched else None for i in ids]
            self._pages[page] = items
            while len(self._pages) > self._max_pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return items[row - page * size]

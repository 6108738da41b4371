"""The change history as a table (when, who, from where, what, before, after), for a project's
editor and for the history dialog; values shown the way the forms show them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ... import messages
from ...domain.enums import REGION_NAMES, Region
from ...services.history import Change
from .. import formatting

Index = QModelIndex | QPersistentModelIndex


def local(moment: datetime) -> datetime:
    """A recorded time (UTC) on this computer's clock."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def when_text(moment: datetime) -> str:
    at = local(moment)
    return f"{formatting.day(at.date())} {at:%H:%M}"


def capitalised(text: str) -> str:
    """A label as the first word of a cell."""
    return text[:1].upper() + text[1:]


def source_text(change: Change) -> str:
    return messages.text(f"history_source_{change.source}", {"batch": change.batch or ""})


def _region(code: str) -> str:
    try:
        return REGION_NAMES[Region(code)]
    except ValueError:
        return code


def value_text(kind: str, value: Any) -> str:
    """A recorded value in words: money, dates, labels, names, domain splits."""
    if value is None or value == "":
        return "—"
    if kind == "money" and isinstance(value, int):
        return formatting.money(value)
    if kind == "date" and isinstance(value, date):
        return formatting.day(value)
    if kind == "bool":
        return "✓" if value else "✗"
    if kind in ("ProjectStatus", "PartnerRole", "Instrument", "Recommendation"):
        return formatting.label(kind, str(value))
    if kind in ("OrganisationKind", "FunderKind"):
        return formatting.label(kind, str(value))
    if kind == "domains" and isinstance(value, list):
        return ", ".join(f"{name} {percent} %" for name, percent in value)
    if kind == "regions" and isinstance(value, list):
        return ", ".join(_region(code) for code in value)
    if kind == "region":
        return _region(str(value))
    return str(value)


def record_text(change: Change) -> str:
    """A short description of a whole record (created, deleted, restored)."""
    record = change.record
    if change.table == "project":
        return " — ".join(str(record[k]) for k in ("reference", "acronym") if record.get(k))
    if change.table == "funding_line":
        parts = [
            value_text("Instrument", record.get("instrument")),
            value_text("money", record.get("granted_cents")),
        ]
        return " · ".join(p for p in parts if p != "—")
    if change.table == "participation":
        return value_text("PartnerRole", record.get("role"))
    name = record.get("name")
    return str(name) if name else ""


class HistoryModel(QAbstractTableModel):
    """Rows of `services.history.Change`, newest first."""

    COLUMNS = ("when", "who", "source", "what", "field", "before", "after")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes: list[Change] = []

    def headers(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Who"),
            self.tr("From"),
            self.tr("What"),
            self.tr("Field"),
            self.tr("Before"),
            self.tr("After"),
        ]

    def set_changes(self, changes: list[Change]) -> None:
        self.beginResetModel()
        self.changes = list(changes)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.changes):
            return None
        change = self.changes[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(change, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("before", "after", "what"):
            return self.text(change, column)
        if role == Qt.ItemDataRole.UserRole:
            return change
        return None

    def text(self, change: Change, column: str) -> str:
        if column == "when":
            return when_text(change.at)
        if column == "who":
            return change.user
        if column == "source":
            return capitalised(source_text(change))
        if column == "what":
            what = capitalised(formatting.label("HistoryTable", change.table))
            return f"{what} · {change.subject}" if change.subject else what
        if column == "field":
            if change.field:
                return capitalised(formatting.label("HistoryField", change.field))
            return capitalised(messages.text(f"history_{change.action}"))
        if change.field:
            value = change.old if column == "before" else change.new
            return value_text(change.kind, value)
        if column == "before":
            return record_text(change) if change.action == "deleted" else "—"
        return record_text(change) if change.action != "deleted" else "—"


class HistoryView(QTableView):
    """A read-only table of changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyTable")
        self.history = HistoryModel(self)
        self.setModel(self.history)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.history.modelReset.connect(self.resizeColumnsToContents)

    def set_changes(self, changes: list[Change]) -> None:
        self.history.set_changes(changes)


class HistoryPanel(QWidget):
    """A titled history table: the project editor's "All changes" box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QLabel, QVBoxLayout

        self.title = QLabel(self.tr("All changes"))
        self.table = HistoryView()
        self.history = self.table.history
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)

    def set_changes(self, changes: list[Change]) -> None:
        self.table.set_changes(changes)

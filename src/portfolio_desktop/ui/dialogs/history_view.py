"""The change history as a table (when, who, from where, what, before, after), for a project's
editor and for the history dialog; values shown the way the forms show them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ... import messages
from ...domain.enums import REGION_NAMES, Region
from ...services.history import MONEY_KINDS, Change
from .. import formatting
from ..models.read_only_table import Column, ReadOnlyTableModel


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


def _day_text(text: Any) -> str:
    """An ISO date of the history as the user reads it (« date inconnue » when there is none)."""
    if not text:
        return formatting.label("HistoryMoney", "undated")
    try:
        return formatting.day(date.fromisoformat(str(text)))
    except ValueError:
        return str(text)


def _money_row(kind: str, row: Any) -> str:
    """One tranche, payment, share or year of a funding line's money, in words."""
    try:
        if kind == "schedule":
            tranche, cents, due_on, released = row
            text = f"{formatting.label('TrancheKind', tranche)} {formatting.money(cents)} ({_day_text(due_on)})"
            return text + (f" {formatting.label('HistoryMoney', 'released')}" if released else "")
        if kind == "payments":
            cents, received_on, _tranche, note = row
            text = f"{formatting.money(cents)} ({_day_text(received_on)})"
            return f"{text} « {note} »" if note else text
        if kind == "shares":
            name, cents = row
            return f"{name} {formatting.money(cents)}"
        year, cents = row
        return (
            f"{year} : {formatting.money(cents)}"
            if formatting.lang() == "fr"
            else f"{year}: {formatting.money(cents)}"
        )
    except (TypeError, ValueError):
        return str(row)


#: The kinds of values shown by their label in the user's language (closed lists).
LABELLED = (
    "ProjectStatus", "PartnerRole", "Instrument", "Recommendation", "CostBase",
    "OrganisationKind", "FunderKind",
)  # fmt: skip


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
    if kind in LABELLED:
        return formatting.label(kind, str(value))
    if kind == "rate_bp" and isinstance(value, int):
        return formatting.rate_bp(value)
    if kind == "domains" and isinstance(value, list):
        return ", ".join(f"{name} {percent} %" for name, percent in value)
    if kind == "regions" and isinstance(value, list):
        return ", ".join(_region(code) for code in value)
    if kind in MONEY_KINDS and isinstance(value, list):
        return " · ".join(_money_row(kind, row) for row in value)
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
    if change.table == "aid_rate_rule":
        scope = record.get("call_id") or record.get("funder_id")
        parts = [
            str(scope) if scope else "—",
            value_text("OrganisationKind", record.get("partner_kind")),
            value_text("rate_bp", record.get("max_rate_bp")),
        ]
        return " · ".join(p for p in parts if p != "—")
    name = record.get("name")
    return str(name) if name else ""


def what_text(change: Change) -> str:
    what = capitalised(formatting.label("HistoryTable", change.table))
    return f"{what} · {change.subject}" if change.subject else what


def field_text(change: Change) -> str:
    if change.field:
        return capitalised(formatting.label("HistoryField", change.field))
    return capitalised(messages.text(f"history_{change.action}"))


def before_text(change: Change) -> str:
    if change.field:
        return value_text(change.kind, change.old)
    return record_text(change) if change.action == "deleted" else "—"


def after_text(change: Change) -> str:
    if change.field:
        return value_text(change.kind, change.new)
    return record_text(change) if change.action != "deleted" else "—"


class HistoryModel(ReadOnlyTableModel[Change]):
    """Rows of `services.history.Change`, newest first; each cell's user data is its change."""

    def columns(self) -> list[Column[Change]]:
        return [
            Column(self.tr("When"), lambda change: when_text(change.at)),
            Column(self.tr("Who"), lambda change: change.user),
            Column(self.tr("From"), lambda change: capitalised(source_text(change))),
            Column(self.tr("What"), what_text, tooltip=what_text),
            Column(self.tr("Field"), field_text),
            Column(self.tr("Before"), before_text, tooltip=before_text),
            Column(self.tr("After"), after_text, tooltip=after_text),
        ]

    def row_data(self, change: Change, role: int) -> Any:
        return change if role == Qt.ItemDataRole.UserRole else None


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
        self.history.set_rows(changes)


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

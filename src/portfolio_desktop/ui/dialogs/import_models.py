"""Table models of the import wizard: the column mapping, the values to map, the preview's records
and its errors. They hold plain rows from the import service, never sessions or ORM objects."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ... import messages
from ...services.excel_import.headers import FIELDS, HOW_USER, SheetMapping
from ...services.excel_import.plan import Outcome, Problem
from ...services.excel_import.values import parse_text
from ..models.read_only_table import Column, ReadOnlyTableModel

_Index = QModelIndex | QPersistentModelIndex
#: The role that carries an editable cell's choices: [(label, value), ...].
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 1
SAMPLE_ROWS = 3


def _text(getter: Callable[[Any], Any]) -> Callable[[Any], str]:
    def text(row: Any) -> str:
        value = getter(row)
        return "" if value is None else str(value)

    return text


class RowsModel(ReadOnlyTableModel[Any]):
    """A read-only table over a list of rows, one getter per column; a cell's tooltip is its text."""

    def __init__(
        self, headers: Sequence[str], getters: Sequence[Callable[[Any], Any]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        texts = [_text(getter) for getter in getters]
        self._columns = [Column(h, t, tooltip=t) for h, t in zip(headers, texts, strict=True)]

    def columns(self) -> list[Column[Any]]:
        return self._columns


class ColumnMappingModel(QAbstractTableModel):
    """The columns of one sheet: header, example values, the field each fills (editable) and how
    that field was decided (the header exactly, a synonym, its words, a profile, the user)."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.mapping: SheetMapping | None = None
        self.samples: list[list[str]] = []
        self.not_imported = ""
        #: how (HOW_EXACT…) → (short label, tooltip), in the interface's language.
        self.how_texts: dict[str, tuple[str, str]] = {}

    def set_mapping(self, mapping: SheetMapping | None, rows: Sequence[Sequence[Any]]) -> None:
        self.beginResetModel()
        self.mapping = mapping
        self.samples = []
        if mapping is not None and mapping.header_row:
            data = [r for r in rows[mapping.header_row : mapping.header_row + 20] if any(r)]
            for column in range(len(mapping.headers)):
                values = [parse_text(r[column]) for r in data if column < len(r)]
                self.samples.append([v for v in values if v][:SAMPLE_ROWS])
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.mapping is None:
            return 0
        return len(self.mapping.headers)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def field_choices(self) -> list[tuple[str, str | None]]:
        if self.mapping is None or self.mapping.kind is None:
            return []
        lang = messages.current_language()
        choices: list[tuple[str, str | None]] = [(self.not_imported, None)]
        choices += [(f.label(lang), f.key) for f in FIELDS[self.mapping.kind]]
        return choices

    def field_label(self, field_key: str | None) -> str:
        for label, value in self.field_choices():
            if value == field_key:
                return label
        return self.not_imported

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 2:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.mapping is None:
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return self.mapping.header_label(row)
            if column == 1:
                return " · ".join(self.samples[row]) if row < len(self.samples) else ""
            field_key = self.mapping.columns[row] if row < len(self.mapping.columns) else None
            if column == 2:
                return self.field_label(field_key)
            if field_key is None:
                return ""
            label, tip = self.how_texts.get(self.mapping.how_of(row), ("", ""))
            return tip if role == Qt.ItemDataRole.ToolTipRole else label
        if role == Qt.ItemDataRole.EditRole and column == 2:
            return self.mapping.columns[row] if row < len(self.mapping.columns) else None
        if role == CHOICES_ROLE and column == 2:
            return self.field_choices()
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.mapping is None or role != Qt.ItemDataRole.EditRole or index.column() != 2:
            return False
        for row in self.mapping.assign(index.row(), value, HOW_USER):
            self.dataChanged.emit(self.index(row, 2), self.index(row, 3))
        return True


class ValueMappingModel(QAbstractTableModel):
    """Values the check did not recognise: where, what was written, and what it means (editable)."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        #: [field, value as written, column label, occurrences, choices, chosen]
        self.items: list[list[Any]] = []

    def set_items(self, items: list[list[Any]]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def chosen(self) -> dict[str, dict[str, str]]:
        """field → {value as written → chosen value} for the rows given a value."""
        result: dict[str, dict[str, str]] = {}
        for field_key, raw, _column, _count, _choices, chosen in self.items:
            if chosen is not None:
                result.setdefault(field_key, {})[raw] = chosen
        return result

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 3:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        _field, raw, column_label, count, choices, chosen = self.items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return column_label
            if column == 1:
                return raw
            if column == 2:
                return str(count)
            return next((label for label, value in choices if value == chosen), "")
        if role == Qt.ItemDataRole.EditRole and column == 3:
            return chosen
        if role == CHOICES_ROLE and column == 3:
            return choices
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 3:
            return False
        self.items[index.row()][5] = value
        self.dataChanged.emit(index, index)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor over the choices the model gives for a cell (CHOICES_ROLE)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QComboBox(parent)
        for label, value in index.data(CHOICES_ROLE) or []:
            editor.addItem(label, value)
        editor.activated.connect(lambda _i, e=editor: self.commitData.emit(e))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        position = editor.findData(current)
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def outcome_changes(outcome: Outcome) -> str:
    return "; ".join(f"{name}: {_show(old)} → {_show(new)}" for name, old, new in outcome.changes)


def _show(value: Any) -> str:
    if value is None or value == "":
        return "∅"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def problem_text(problem: Problem) -> str:
    return messages.text(problem.code, problem.params)

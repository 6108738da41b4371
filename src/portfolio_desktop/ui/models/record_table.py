"""An editable table over a list of plain records (partners, funding lines, domain shares).

Columns are declared as `Field`s; the delegate picks the editor from the field's kind (a combo for
closed lists and references, a money field, a date field, a spin box, a check box).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from .. import formatting
from ..widgets.fields import MoneyEdit, OptionalDateEdit

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Field:
    """A column: attribute of the record, title, kind (text, money, date, int, bool, choice).

    For `choice`, `choices()` returns (label, value) pairs; `display(value)` overrides the text.
    """

    attribute: str
    title: str
    kind: str = "text"
    choices: Callable[[], Sequence[tuple[str, Any]]] | None = None
    editable: bool = True
    minimum: int = 0
    maximum: int = 100


class RecordTableModel(QAbstractTableModel):
    """Rows are records (mutable dataclasses); edits write their attributes."""

    edited = Signal()

    def __init__(self, fields: list[Field], parent: Any = None) -> None:
        super().__init__(parent)
        self.fields = fields
        self.records: list[Any] = []

    def set_records(self, records: list[Any]) -> None:
        self.beginResetModel()
        self.records = records
        self.endResetModel()

    def append(self, record: Any) -> None:
        self.beginInsertRows(QModelIndex(), len(self.records), len(self.records))
        self.records.append(record)
        self.endInsertRows()
        self.edited.emit()

    def remove_rows(self, rows: Sequence[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self.records):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.records[row]
                self.endRemoveRows()
        self.edited.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.fields)
        ):
            return self.fields[section].title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        field = self.fields[index.column()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if field.editable:
            flags |= (
                Qt.ItemFlag.ItemIsUserCheckable
                if field.kind == "bool"
                else Qt.ItemFlag.ItemIsEditable
            )
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.records)):
            return None
        field = self.fields[index.column()]
        value = getattr(self.records[index.row()], field.attribute)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.CheckStateRole and field.kind == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and field.kind in ("money", "int"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole or field.kind == "bool":
            return None
        return self.display(field, value)

    @staticmethod
    def display(field: Field, value: Any) -> str:
        if value is None:
            return ""
        if field.kind == "money":
            return formatting.money(value)
        if field.kind == "date":
            return formatting.day(value)
        if field.kind == "choice" and field.choices is not None:
            for label, choice in field.choices():
                if choice == value:
                    return label
            return str(value)
        return str(value)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        field = self.fields[index.column()]
        record = self.records[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and field.kind == "bool":
            setattr(record, field.attribute, Qt.CheckState(value) == Qt.CheckState.Checked)
        elif role == Qt.ItemDataRole.EditRole:
            setattr(record, field.attribute, value)
        else:
            return False
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


class FieldDelegate(QStyledItemDelegate):
    """Editors by field kind for RecordTableModel."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        assert isinstance(model, RecordTableModel)
        field = model.fields[index.column()]
        if field.kind == "choice" and field.choices is not None:
            combo = QComboBox(parent)
            for label, value in field.choices():
                combo.addItem(label, value)
            return combo
        if field.kind == "money":
            return MoneyEdit(parent)
        if field.kind == "date":
            return OptionalDateEdit(parent)
        if field.kind == "int":
            spin = QSpinBox(parent)
            spin.setRange(field.minimum, field.maximum)
            return spin
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            position = editor.findData(value)
            editor.setCurrentIndex(max(0, position))
        elif isinstance(editor, MoneyEdit):
            editor.set_cents(value)
        elif isinstance(editor, OptionalDateEdit):
            editor.set_value(value)
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, MoneyEdit):
            if editor.is_valid():
                model.setData(index, editor.cents())
        elif isinstance(editor, OptionalDateEdit):
            value: date | None = editor.value()
            model.setData(index, value)
        elif isinstance(editor, QSpinBox):
            model.setData(index, editor.value())
        else:
            super().setModelData(editor, model, index)

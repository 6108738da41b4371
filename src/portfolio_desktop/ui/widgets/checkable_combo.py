"""A drop-down list whose items are ticked: the multi-choice filters of the projects table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget


class CheckableComboBox(QComboBox):
    """Shows "All" or the ticked labels; `selection_changed` carries the ticked values."""

    selection_changed = Signal(list)

    def __init__(self, all_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all_text = all_text
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setEditable(True)
        line = self.lineEdit()
        assert line is not None  # an editable combo box always has its line edit
        self._line = line
        self._line.setReadOnly(True)
        self._line.installEventFilter(self)
        # The popup's list is created on first opening (building it for every filter at start-up
        # costs more than the rest of the panel).
        self._popup_viewport: QWidget | None = None
        self._model.itemChanged.connect(self._changed)
        self._update_text()

    def set_items(self, items: Sequence[tuple[str, Any]], checked: Sequence[Any] = ()) -> None:
        """(label, value) pairs; values in `checked` start ticked. Keeps signals quiet."""
        wanted = set(checked)
        self._model.blockSignals(True)
        self._model.clear()
        for text, value in items:
            item = QStandardItem(text)
            item.setData(value, Qt.ItemDataRole.UserRole)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if value in wanted else Qt.CheckState.Unchecked
            )
            self._model.appendRow(item)
        self._model.blockSignals(False)
        self._update_text()

    def checked_values(self) -> list[Any]:
        return [
            self._model.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self._model.rowCount())
            if self._model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, values: Sequence[Any]) -> None:
        wanted = set(values)
        self._model.blockSignals(True)
        for row in range(self._model.rowCount()):
            item = self._model.item(row)
            value = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(
                Qt.CheckState.Checked if value in wanted else Qt.CheckState.Unchecked
            )
        self._model.blockSignals(False)
        self._update_text()

    def showPopup(self) -> None:
        if self._popup_viewport is None:
            self._popup_viewport = self.view().viewport()
            self._popup_viewport.installEventFilter(self)
        super().showPopup()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.MouseButtonRelease:
            return super().eventFilter(watched, event)
        if watched is self._line:
            self.showPopup()
            return True
        if watched is self._popup_viewport:
            index = self.view().indexAt(event.position().toPoint())  # type: ignore[attr-defined]
            item = self._model.itemFromIndex(index)
            if item is not None:
                item.setCheckState(
                    Qt.CheckState.Unchecked
                    if item.checkState() == Qt.CheckState.Checked
                    else Qt.CheckState.Checked
                )
            return True
        return super().eventFilter(watched, event)

    def _changed(self, _item: QStandardItem) -> None:
        self._update_text()
        self.selection_changed.emit(self.checked_values())

    def _update_text(self) -> None:
        labels = [
            self._model.item(row).text()
            for row in range(self._model.rowCount())
            if self._model.item(row).checkState() == Qt.CheckState.Checked
        ]
        text = ", ".join(labels) if labels else self._all_text
        self._line.setText(text)
        self.setToolTip(text)

"""Input fields for the domain's values: money typed the French or English way, optional dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

from ...domain.money import format_money, parse_amount
from .. import formatting

#: A QDateEdit cannot be empty: its minimum date stands for "no date" and shows as a dash.
NO_DATE = QDate(1900, 1, 1)


class MoneyEdit(QLineEdit):
    """Euros as text (`1 300 000,50`, `750 k€`…), read back as integer cents; red when unreadable."""

    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("amount in euros"))
        self.textEdited.connect(self._on_edited)
        self.editingFinished.connect(self._reformat)
        self._valid = True

    def cents(self) -> int | None:
        """The amount in cents (None when empty); raises ValueError when unreadable."""
        return parse_amount(self.text())

    def is_valid(self) -> bool:
        try:
            self.cents()
        except ValueError:
            return False
        return True

    def set_cents(self, cents: int | None) -> None:
        self.setText("" if cents is None else format_money(cents, formatting.lang()))
        self._mark(True)

    def _on_edited(self, _text: str) -> None:
        valid = self.is_valid()
        self._mark(valid)
        if valid:
            self.value_changed.emit(self.cents())

    def _reformat(self) -> None:
        if self.is_valid() and self.text().strip():
            self.set_cents(self.cents())

    def _mark(self, valid: bool) -> None:
        self._valid = valid
        self.setStyleSheet("" if valid else "QLineEdit { background: #fde8e4; }")
        self.setToolTip(
            "" if valid else self.tr("Not an amount: type for example 1 300 000,50 or 750 k€")
        )


class OptionalDateEdit(QDateEdit):
    """A date or none ("—"); a calendar pops up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.setDisplayFormat("dd/MM/yyyy")
        self.setDate(NO_DATE)

    def value(self) -> date | None:
        qdate = self.date()
        if qdate == NO_DATE:
            return None
        return date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))

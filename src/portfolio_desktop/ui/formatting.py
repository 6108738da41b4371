"""Display formats that follow the language: money, dates, numbers, labels of closed lists."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from .. import messages
from ..domain.money import format_compact, format_money


def lang() -> str:
    return messages.current_language()


def money(cents: int | None, *, decimals: bool = True) -> str:
    return "" if cents is None else format_money(cents, lang(), decimals=decimals)


def compact(cents: int) -> str:
    return format_compact(cents, lang())


def day(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def number(value: int) -> str:
    return QLocale().toString(value)


def label(kind: str, code: str | None) -> str:
    return "" if code is None else messages.label(kind, code, lang())

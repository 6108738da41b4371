"""Display formats that follow the language: money, dates, numbers, labels of closed lists."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale

from .. import messages
from ..domain.money import format_compact, format_money


def lang() -> str:
    return messages.current_language()


def money(cents: int | None, *, decimals: bool = True) -> str:
    return "" if cents is None else format_money(cents, lang(), decimals=decimals)


def compact(cents: int) -> str:
    return format_compact(cents, lang())


def day(value: date | None) -> str:
    """dd/mm/yyyy: the short date of both France and the United Kingdom (our English locale)."""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def number(value: int) -> str:
    return QLocale().toString(value)


def rate_bp(basis_points: int) -> str:
    """A rate kept in basis points, with up to two decimals: « 45 % », « 12,5 % » (45%, 12.5%)."""
    text = f"{basis_points // 100}"
    cents = basis_points % 100
    if cents:
        text += ("," if lang() == "fr" else ".") + f"{cents:02d}".rstrip("0")
    return text + ("\u00a0%" if lang() == "fr" else "%")


def label(kind: str, code: str | None) -> str:
    return "" if code is None else messages.label(kind, code, lang())

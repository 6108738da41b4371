"""Money: cents, decimals, French and English formats."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portfolio_desktop.domain.money import (
    apportion,
    euros_str,
    format_compact,
    format_money,
    to_cents,
    to_euros,
)


def test_french_and_english_formats() -> None:
    assert format_money(130_000_050, "fr") == "1\u202f300\u202f000,50\u00a0€"
    assert format_money(130_000_050, "en") == "€1,300,000.50"
    assert format_money(-5, "fr") == "-0,05\u00a0€"
    assert format_money(99, "en") == "€0.99"
    assert format_money(150, "fr", decimals=False) == "2\u00a0€"


def test_compact_formats() -> None:
    assert format_compact(130_000_000_000, "fr") == "1,3\u00a0Md€"
    assert format_compact(25_000_000_000, "fr") == "250\u00a0M€"
    assert format_compact(1_250_000, "fr") == "12\u202f500\u00a0€"
    assert format_compact(130_000_000_000, "en") == "€1.3bn"
    assert format_compact(25_000_000_000, "en") == "€250m"


def test_conversions() -> None:
    assert to_cents(Decimal("1234.565")) == 123456  # half-even
    assert to_cents("0.015") == 2
    assert to_cents(12) == 1200
    assert to_euros(123456) == Decimal("1234.56")
    assert euros_str(5) == "0.05"
    with pytest.raises(ValueError):
        to_cents("abc")
    with pytest.raises(ValueError):
        to_cents(Decimal("NaN"))


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_round_trip_through_euros(cents: int) -> None:
    assert to_cents(to_euros(cents)) == cents
    assert to_cents(euros_str(cents)) == cents


@given(st.integers(min_value=0, max_value=10**14), st.integers(min_value=0, max_value=100))
def test_apportion_is_within_half_a_cent(cents: int, percent: int) -> None:
    exact = Decimal(cents) * percent / 100
    assert abs(apportion(cents, percent) - exact) <= Decimal("0.5")

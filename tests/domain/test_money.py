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


def test_parse_amounts_as_people_type_them() -> None:
    from portfolio_desktop.domain.money import parse_amount

    assert parse_amount("1 300 000,50 €") == 130_000_050
    assert parse_amount("1\u202f300\u202f000,50\u00a0€") == 130_000_050
    assert parse_amount("€1,300,000.50") == 130_000_050
    assert parse_amount("1.300.000,5") == 130_000_050
    assert parse_amount("750 k€") == 75_000_000
    assert parse_amount("1,2 M€") == 120_000_000
    assert parse_amount("1300000") == 130_000_000
    assert parse_amount("  ") is None
    assert parse_amount("-12,5") == -1250
    for bad in ("abc", "12 €€x", "1,234", "1.2.3"):
        with pytest.raises(ValueError):
            parse_amount(bad)


@given(st.integers(min_value=0, max_value=10**13), st.sampled_from(["fr", "en"]))
def test_parse_reads_back_what_format_writes(cents: int, lang: str) -> None:
    from portfolio_desktop.domain.money import parse_amount

    assert parse_amount(format_money(cents, lang)) == cents

"""Cell values as staff type them: amounts, dates, closed lists (properties and examples)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portfolio_desktop.services.excel_import.values import (
    CellProblem,
    match_choice,
    match_region,
    parse_amount,
    parse_bool,
    parse_date,
    parse_domain_split,
    parse_regions,
    serial_date,
    unit_multiplier,
)

SPACES = [" ", "\u00a0", "\u202f"]  # ordinary, no-break, narrow no-break


def french(cents: int, space: str) -> str:
    """`1 300 000,50` with the given thousands separator."""
    whole, fraction = divmod(cents, 100)
    digits = f"{whole:,}".replace(",", space)
    return f"{digits},{fraction:02d}"


@given(st.integers(min_value=0, max_value=10**13), st.sampled_from(SPACES), st.booleans())
def test_french_amounts_read_back_to_the_cent(cents: int, space: str, euro_sign: bool) -> None:
    text = french(cents, space) + (f"{space}€" if euro_sign else "")
    assert parse_amount(text) == cents


@given(st.integers(min_value=0, max_value=10**13))
def test_english_amounts_with_both_separators(cents: int) -> None:
    whole, fraction = divmod(cents, 100)
    assert parse_amount(f"€{whole:,}.{fraction:02d}") == cents


@given(st.integers(min_value=0, max_value=10**11))
def test_number_cells_holding_euros_become_exact_cents(cents: int) -> None:
    # What Excel stores for a typed amount: the double nearest to the decimal value.
    assert parse_amount(cents / 100) == cents


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(["k€", " k€", " K€", "keur"]))
def test_thousands_units(thousands: int, unit: str) -> None:
    assert parse_amount(f"{thousands}{unit}") == thousands * 1000 * 100


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=9))
def test_millions_with_a_decimal_comma(whole: int, tenth: int) -> None:
    assert parse_amount(f"{whole},{tenth} M€") == (whole * 10 + tenth) * 100_000 * 100


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1 300 000,50 €", 130_000_050),
        ("750 k€", 75_000_000),
        ("1,2 M€", 120_000_000),
        ("1.300.000", 130_000_000),
        ("1.234.567,89", 123_456_789),
        ("22000.80", 2_200_080),
        ("0,8", 80),
        ("12 EUR HT", 1200),
        ("-1 200", -120_000),
        ("(1 200)", -120_000),
        ("3 Md€", 300_000_000_000),
        ("", None),
        ("-", None),
    ],
)
def test_amount_examples(text: str, cents: int | None) -> None:
    assert parse_amount(text) == cents


@pytest.mark.parametrize("text", ["1,250", "12.500", "999,999"])
def test_amounts_that_could_mean_two_things_are_flagged(text: str) -> None:
    with pytest.raises(CellProblem) as caught:
        parse_amount(text)
    assert caught.value.code == "import_ambiguous_amount"


def test_a_known_decimal_separator_settles_the_ambiguity() -> None:
    assert parse_amount("1,250", decimal_separator=".") == 125_000
    assert parse_amount("1,250", decimal_separator=",") == 125
    assert parse_amount("1.250", decimal_separator=".") == 125


@pytest.mark.parametrize("text", ["abc", "1 2 3", "12 kg", "1 30 000", True])
def test_unreadable_amounts(text: object) -> None:
    with pytest.raises(CellProblem) as caught:
        parse_amount(text)
    assert caught.value.code == "import_bad_amount"


def test_column_units_scale_plain_numbers() -> None:
    assert unit_multiplier("Montant (k€)") == 1000
    assert unit_multiplier("Aide (M€)") == 1_000_000
    assert unit_multiplier("Budget total (€)") == 1
    assert parse_amount(12.5, multiplier=1000) == 1_250_000
    assert parse_amount("3 M€", multiplier=1000) == 300_000_000  # the cell's own unit wins


DATES = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))


@given(DATES)
def test_french_and_iso_text_dates(day: date) -> None:
    assert parse_date(day.strftime("%d/%m/%Y")) == day
    assert parse_date(day.isoformat()) == day
    assert parse_date(day.strftime("%d.%m.%Y")) == day


@given(DATES)
def test_date_and_datetime_cells(day: date) -> None:
    assert parse_date(day) == day
    assert parse_date(datetime(day.year, day.month, day.day, 14, 30)) == day


@given(DATES, st.floats(min_value=0, max_value=0.999))
def test_1900_serials(day: date, time_of_day: float) -> None:
    serial = (day - date(1899, 12, 30)).days
    assert parse_date(serial + time_of_day) == day


@given(DATES)
def test_1904_serials(day: date) -> None:
    serial = (day - date(1904, 1, 1)).days
    assert parse_date(float(serial), date1904=True) == day


def test_serials_across_excel_leap_year_bug() -> None:
    assert serial_date(59) == date(1900, 2, 28)
    assert serial_date(61) == date(1900, 3, 1)
    with pytest.raises(CellProblem):
        serial_date(60)  # 29 February 1900 never existed


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("15/03/2021", date(2021, 3, 15)),
        ("2021-03-15", date(2021, 3, 15)),
        ("2021-03-15T00:00:00", date(2021, 3, 15)),
        ("15/03/21", date(2021, 3, 15)),
        ("15 mars 2021", date(2021, 3, 15)),
        ("1er mars 2021", date(2021, 3, 1)),
        ("March 15, 2021", date(2021, 3, 15)),
        (44270, date(2021, 3, 15)),
        ("", None),
        (None, None),
    ],
)
def test_date_examples(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("2021", "import_date_year_only"),
        (2021, "import_date_year_only"),
        ("mars 2021", "import_date_year_only"),
        ("03/15/2021", "import_date_month_first"),
        ("31/02/2021", "import_bad_date"),
        ("demain", "import_bad_date"),
        (timedelta(hours=3), "import_bad_date"),
    ],
)
def test_dates_that_are_not_dates(value: object, code: str) -> None:
    with pytest.raises(CellProblem) as caught:
        parse_date(value)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("kind", "text", "code"),
    [
        ("ProjectStatus", "Financé", "funded"),
        ("ProjectStatus", "FINANCE", "funded"),
        ("ProjectStatus", "en cours", "running"),
        ("ProjectStatus", "Not labelled", "not_labelled"),
        ("ProjectStatus", "Labellisée", "labelled"),
        ("Instrument", "Avance remboursable", "repayable_advance"),
        ("Instrument", "Grant", "grant"),
        ("Instrument", "prêt", "loan"),
        ("PartnerRole", "Chef de file", "lead"),
        ("OrganisationKind", "PME", "sme"),
        ("OrganisationKind", "Mid-cap", "midcap"),
    ],
)
def test_closed_lists_in_french_or_english(kind: str, text: str, code: str) -> None:
    assert match_choice(kind, text) == code


def test_unknown_and_ambiguous_list_values_are_flagged() -> None:
    with pytest.raises(CellProblem) as unknown:
        match_choice("ProjectStatus", "Peut-être")
    assert unknown.value.code == "import_unknown_status"
    # A mapping the user chose (saved in a profile) wins over the lists.
    assert match_choice("ProjectStatus", "Peut-être", {"peut etre": "draft"}) == "draft"


def test_regions_domains_and_booleans() -> None:
    assert match_region("Nouvelle Aquitaine") == "NAQ"
    assert match_region("hauts de france") == "HDF"
    assert parse_regions("Bretagne, Pays de la Loire") == ["BRE", "PDL"]
    assert parse_domain_split("Photonique & Quantique 60 %; Réseaux & Infrastructures 40 %") == [
        ("Photonique & Quantique", 60),
        ("Réseaux & Infrastructures", 40),
    ]
    # A single name with a comma in it is one domain, the whole project.
    assert parse_domain_split("Images, Immersivité & Jumeaux numériques") == [
        ("Images, Immersivité & Jumeaux numériques", 100)
    ]
    with pytest.raises(CellProblem):
        parse_domain_split("Photonique; Réseaux")
    assert parse_bool("Oui") is True
    assert parse_bool("no") is False
    assert parse_bool("") is None
    with pytest.raises(CellProblem):
        parse_bool("peut-être")


def test_amount_decimal_rounding_is_half_even_to_the_cent() -> None:
    assert parse_amount(Decimal("0.125")) == 12
    assert parse_amount("0,135") == 14

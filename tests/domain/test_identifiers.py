"""SIREN/SIRET checksums."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from portfolio_desktop.domain.identifiers import (
    luhn_complete,
    luhn_valid,
    normalise_identifier,
    siren_valid,
    siret_valid,
)


def test_known_identifiers() -> None:
    assert siren_valid("732829320")  # a real, published SIREN
    assert not siren_valid("732829321")
    assert siret_valid("73282932000074")
    assert not siret_valid("73282932000075")
    assert not siren_valid("12345678")  # too short
    assert not siren_valid("ABCDEFGHI")


def test_la_poste_rule() -> None:
    assert siret_valid("35600000000048")  # La Poste's head office passes Luhn
    assert siret_valid("35600000000001")  # an establishment: digits sum to a multiple of 5
    assert not siret_valid("35600000000002")


def test_normalise_drops_spacing() -> None:
    assert normalise_identifier(" 732 829 320 ") == "732829320"
    assert normalise_identifier("732.829.320") == "732829320"
    assert normalise_identifier("732\u202f829\u00a0320") == "732829320"


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_completed_siren_is_valid_and_any_single_digit_change_breaks_it(stem: str) -> None:
    siren = luhn_complete(stem)
    assert siren_valid(siren)
    for position in range(9):
        for digit in "0123456789":
            if digit != siren[position]:
                changed = siren[:position] + digit + siren[position + 1 :]
                assert not luhn_valid(changed)

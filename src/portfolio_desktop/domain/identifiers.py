"""French company identifiers: SIREN (9 digits) and SIRET (14 digits), checked by the Luhn sum."""

from __future__ import annotations

import re

_NON_DIGITS = re.compile(r"[\s\u00a0\u202f.\-]")

#: La Poste's establishments do not follow Luhn on the SIRET; their SIREN is this one.
_LA_POSTE_SIREN = "356000000"


def luhn_valid(digits: str) -> bool:
    """True when a string of digits passes the Luhn checksum."""
    if not digits.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalise_identifier(text: str) -> str:
    """Drops the spaces, dots and dashes people type inside identifiers."""
    return _NON_DIGITS.sub("", text.strip())


def siren_valid(siren: str) -> bool:
    """A SIREN is 9 digits with a valid Luhn checksum."""
    return len(siren) == 9 and luhn_valid(siren)


def siret_valid(siret: str) -> bool:
    """A SIRET is 14 digits: a valid SIREN followed by an establishment number, Luhn over all 14.

    La Poste's establishments may instead follow its own rule (the digits sum to a multiple of 5).
    """
    if len(siret) != 14 or not siret.isdigit():
        return False
    if siret.startswith(_LA_POSTE_SIREN) and sum(int(c) for c in siret) % 5 == 0:
        return True
    return siren_valid(siret[:9]) and luhn_valid(siret)


def luhn_complete(stem: str) -> str:
    """Appends the check digit that makes `stem` pass Luhn (used by the demo generator and tests)."""
    for check in "0123456789":
        if luhn_valid(stem + check):
            return stem + check
    raise AssertionError("unreachable: one digit always completes a Luhn sum")

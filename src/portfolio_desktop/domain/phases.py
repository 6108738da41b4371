"""The national policy phases of the competitiveness clusters (I 2005–08 … V 2023–26)."""

from __future__ import annotations

PHASES: tuple[tuple[str, int, int], ...] = (
    ("I", 2005, 2008),
    ("II", 2009, 2012),
    ("III", 2013, 2018),
    ("IV", 2019, 2022),
    ("V", 2023, 2026),
)


def phase_of(year: int) -> str | None:
    """The phase a year belongs to, or None outside 2005–2026."""
    for name, first, last in PHASES:
        if first <= year <= last:
            return name
    return None

"""Money as integer cents: conversions and the French and English ways of writing it.

Amounts are never floats. The database stores cents in 64-bit integers; `Decimal` carries euros
across the edges (command line, workbooks); formatting happens only at the edge, with these helpers.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
NNBSP = "\u202f"  # narrow no-break space: the French thousands separator
NBSP = "\u00a0"  # no-break space: between a number and its unit in French

#: The largest amount we accept (1,000 bn€): beyond is a typing error, and it keeps sums in 64 bits.
MAX_CENTS = 100_000_000_000_000


def to_cents(euros: Decimal | int | str) -> int:
    """Euros (Decimal, int or a plain decimal string) to integer cents, rounding half-even."""
    try:
        value = Decimal(euros) if not isinstance(euros, Decimal) else euros
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {euros!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not an amount: {euros!r}")
    return int((value * 100).to_integral_value(rounding=ROUND_HALF_EVEN))


def to_euros(cents: int) -> Decimal:
    """Integer cents to euros with exactly two decimals."""
    return (Decimal(cents) / 100).quantize(CENT)


def euros_str(cents: int) -> str:
    """The plain machine form used in JSON and CSV: `1234.56`."""
    return str(to_euros(cents))


def apportion(cents: int, percent: int) -> int:
    """The part of an amount that a percentage share represents, rounded half-up to the cent."""
    return int((Decimal(cents) * percent / 100).to_integral_value(rounding=ROUND_HALF_UP))


def _group(digits: str, sep: str) -> str:
    parts = []
    while len(digits) > 3:
        parts.append(digits[-3:])
        digits = digits[:-3]
    parts.append(digits)
    return sep.join(reversed(parts))


def format_money(cents: int, lang: str = "fr", *, decimals: bool = True) -> str:
    """`1 300 000,50 €` in French (narrow no-break spaces), `€1,300,000.50` in English."""
    negative = cents < 0
    whole, frac = divmod(abs(cents), 100)
    if not decimals:
        # Round to the nearest euro, half up, the way an accountant reads a total.
        whole = whole + (1 if frac >= 50 else 0)
    if lang == "fr":
        text = _group(str(whole), NNBSP) + (f",{frac:02d}" if decimals else "")
        return ("-" if negative else "") + text + NBSP + "€"
    text = _group(str(whole), ",") + (f".{frac:02d}" if decimals else "")
    return ("-" if negative else "") + "€" + text


def format_compact(cents: int, lang: str = "fr") -> str:
    """Short amounts for chart axes and key figures: `1,3 Md€`, `250 M€`, `12 500 €` / `€1.3bn`."""
    euros = Decimal(abs(cents)) / 100
    sign = "-" if cents < 0 else ""
    for size, fr_unit, en_unit in ((Decimal(10) ** 9, "Md€", "bn"), (Decimal(10) ** 6, "M€", "m")):
        if euros >= size:
            value = euros / size
            step = Decimal("0.1") if value < 100 else Decimal(1)
            text = format(value.quantize(step, rounding=ROUND_HALF_UP), "f").removesuffix(".0")
            if lang == "fr":
                return sign + text.replace(".", ",") + NBSP + fr_unit
            return sign + "€" + text + en_unit
    return sign + format_money(int(euros * 100), lang, decimals=False)

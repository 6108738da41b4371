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


def format_count(number: int, lang: str = "fr") -> str:
    """`1 379` in French (a narrow no-break space), `1,379` in English."""
    text = _group(str(abs(number)), NNBSP if lang == "fr" else ",")
    return ("-" if number < 0 else "") + text


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


_UNITS = {
    "": 1,
    "k": 1_000,
    "m": 1_000_000,
    "md": 1_000_000_000,
    "mds": 1_000_000_000,
    "bn": 1_000_000_000,
    "mrd": 1_000_000_000,
}


def _split_decimal(number: str, text: str, *, has_unit: bool) -> tuple[str, str]:
    """(integer digits, decimal digits) of a number written with `,`/`.` separators."""
    last = max(number.rfind(","), number.rfind("."))
    if last < 0:
        return number, ""
    mark = number[last]
    if number.count(mark) > 1:  # the last separator repeats: it groups thousands
        groups = number.replace(",", ".").split(".")
        if any(len(g) != 3 for g in groups[1:]) or not groups[0]:
            raise ValueError(f"not an amount: {text!r}")
        return "".join(groups), ""
    head, decimals = number[:last], number[last + 1 :]
    other = "." if mark == "," else ","
    if other in head:  # `1.300.000,50` or `1,300,000.50`: the other mark groups thousands
        groups = head.split(other)
        if any(len(g) != 3 for g in groups[1:]) or not groups[0]:
            raise ValueError(f"not an amount: {text!r}")
        return "".join(groups), decimals
    if len(decimals) in (1, 2) or (has_unit and decimals):
        return head, decimals
    if len(decimals) == 3:
        raise ValueError(f"ambiguous amount: {text!r}")  # 1,234: thousands or decimals?
    raise ValueError(f"not an amount: {text!r}")


def parse_amount(text: str) -> int | None:
    """Euros as people type them, to cents: `1 300 000,50 €`, `€1,300,000.50`, `750 k€`, `1,2 M€`.

    Spaces of any kind group thousands; a comma or a dot followed by one or two digits at the end
    is the decimal mark, otherwise commas and dots group thousands. Returns None for an empty text
    and raises ValueError for anything that is not an amount; an ambiguous `1,234` (thousands or
    decimals?) is refused rather than guessed.
    """
    raw = text.strip()
    if not raw:
        return None
    cleaned = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").lower()
    cleaned = cleaned.replace("eur", "").replace("€", "").strip()
    negative = cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")"))
    cleaned = cleaned.strip("-() ")
    unit = ""
    for candidate in ("mds", "mrd", "md", "bn", "k", "m"):
        if cleaned.endswith(candidate):
            unit = candidate
            cleaned = cleaned[: -len(candidate)].strip()
            break
    number = cleaned.replace(" ", "").replace("'", "")
    if not number or any(c not in "0123456789.," for c in number):
        raise ValueError(f"not an amount: {text!r}")
    integer, fraction = _split_decimal(number, text, has_unit=bool(unit))
    value = Decimal(f"{integer or '0'}.{fraction or '0'}") * _UNITS[unit]
    cents = to_cents(value)
    if cents > MAX_CENTS:
        raise ValueError(f"amount too large: {text!r}")
    return -cents if negative else cents

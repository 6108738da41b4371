"""Cell values as staff type them, turned into what the portfolio stores, or a reason code.

Amounts become integer cents (numbers, or French text: `1 300 000,50 €` with ordinary, no-break or
narrow no-break spaces, `750 k€`, `1,2 M€`); dates become `date` (date cells, 1900/1904 serials,
`15/03/2021`, `2021-03-15`, `15 mars 2021`); closed lists (statuses, instruments, kinds, roles,
regions) are matched in French or English whatever the case, accents or punctuation. A value that
could mean two things (`1,250`, a bare year in a date column, a word that fits two statuses) raises
`CellProblem` with an `import_*` code: it is flagged, never guessed. So does an Excel error cell
(`#DIV/0!`, `#N/A`: a `CellError`, as the reader hands them over) and an amount past any portfolio's.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from ...domain.enums import (
    REGION_NAMES,
    FunderKind,
    Instrument,
    OrganisationKind,
    PartnerRole,
    ProjectStatus,
    Region,
)
from ...domain.money import MAX_CENTS
from ...domain.text import fold
from ...domain.text import key as _key
from ...messages import LABELS

#: Folding is Unicode normalisation, dear at 100,000 rows; the same few words recur endlessly.
key = lru_cache(maxsize=1 << 17)(_key)
fold_name = lru_cache(maxsize=1 << 17)(fold)


#: What a value map gives a value the user chose to ignore (the wizard's « Ignorer cette valeur »,
#: `--ignore-value`): the cell is read as empty, and says so, instead of stopping its row.
IGNORED = "∅"
#: Between the regions a cell names (`Bretagne, Pays de la Loire`).
REGION_SEPARATORS = re.compile(r"[;,\n]")


class CellProblem(Exception):
    """A value that cannot be used as it is: a message code and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class CellError:
    """An Excel error cell (`#DIV/0!`, `#N/A`, `#VALUE!`…): what a formula showed instead of a
    value. The reader puts one where calamine would leave the cell empty; every conversion of a
    cell refuses it with `import_cell_error`, its text is what the cell shows."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"CellError({self.text!r})"

    def __str__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple[type[CellError], tuple[str]]:
        return (CellError, (self.text,))


def refuse_error(value: Any) -> None:
    """Raises `import_cell_error` for an error cell; any other value passes."""
    if type(value) is CellError:
        raise CellProblem("import_cell_error", value=value.text)


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# -- text --------------------------------------------------------------------------------------------


def parse_text(value: Any) -> str:
    """A cell as text: numbers that are whole lose their `.0` (references, SIREN typed as numbers)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def cell_text(value: Any) -> str:
    """`parse_text` for a cell to import: an error cell is refused, not taken for its text."""
    refuse_error(value)
    return parse_text(value)


_REFERENCE_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$")
_REFERENCE_GAPS = re.compile(r"[^A-Za-z0-9_./-]+")


def normalise_reference(text: str) -> str:
    """A reference as the portfolio writes them: `Q 00 03 151` → `Q-00-03-151`, `DELIB 06FIN du
    13-04-2017` → `DELIB-06FIN-du-13-04-2017` (accents dropped, each run of other characters one
    `-`); a reference already so written is kept as it is, one too long is left to be refused."""
    text = text.strip()
    if not text or _REFERENCE_OK.match(text):
        return text
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    written = _REFERENCE_GAPS.sub("-", folded).strip("-._/")
    return written if _REFERENCE_OK.match(written) else text


# -- amounts -----------------------------------------------------------------------------------------

_SPACES = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space (French thousands separator)
        "\u2009": " ",  # thin space
        "\u2007": " ",  # figure space
        "\u3000": " ",  # ideographic space
        "\t": " ",
    }
)
_MULTIPLIERS = {
    "k": 1_000,
    "ke": 1_000,
    "keur": 1_000,
    "kf": 1_000,
    "mille": 1_000,
    "milliers": 1_000,
    "m": 1_000_000,
    "me": 1_000_000,
    "meur": 1_000_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "md": 1_000_000_000,
    "mds": 1_000_000_000,
    "mrd": 1_000_000_000,
    "mrds": 1_000_000_000,
    "bn": 1_000_000_000,
    "milliard": 1_000_000_000,
    "milliards": 1_000_000_000,
}
_AMOUNT = re.compile(
    r"^(?P<sign>[+-]?)\s*€?\s*(?P<sign2>[+-]?)\s*"
    r"(?P<number>\d[\d .,'’]*)\s*"
    r"(?P<unit>[a-z]+)?\s*€?\s*$"
)
_CURRENCY = re.compile(r"(?:(?<=\d)|\b)(?:euros?|eur)\b")
_TAX = re.compile(r"\b(?:ht|ttc|hors taxes?)\s*$")
_GROUPED = re.compile(r"^\d{1,3}(?:[ .,'’]\d{3})+$")
_FLOAT_SLACK = 1e-6


def _cents(value: Decimal) -> int:
    return int((value * 100).to_integral_value(rounding=ROUND_HALF_EVEN))


def _bounded(cents: int, value: object) -> int:
    """Cents past `MAX_CENTS` (1,000 billion euros) are no portfolio's: refused as read, before
    any sum or database column can overflow on them (`1E+307`)."""
    if abs(cents) > MAX_CENTS:
        raise _too_large(value)
    return cents


def _too_large(value: object) -> CellProblem:
    # A huge float as Python writes it (`1e+307`), not as its 308 digits.
    shown = repr(value) if isinstance(value, float) else parse_text(value)
    return CellProblem("import_amount_too_large", value=shown[:40])


def float_cents(value: float, multiplier: int = 1) -> int:
    """A number cell in euros as cents: exact when the cell holds whole cents (nearly always)."""
    if not math.isfinite(value):
        raise CellProblem("import_bad_amount", value=str(value))
    scaled = value * 100 * multiplier
    if not abs(scaled) <= MAX_CENTS:  # also an infinity, when 1E+307 is scaled
        raise _too_large(value)
    whole = round(scaled)
    if abs(scaled - whole) < _FLOAT_SLACK * max(1.0, abs(scaled)) and abs(whole) < 2**53:
        return int(whole)
    # More decimals than cents: the shortest decimal that the double stands for, rounded once.
    return _bounded(_cents(Decimal(repr(value)) * multiplier), value)


def parse_amount(
    value: Any, *, multiplier: int = 1, decimal_separator: str | None = None
) -> int | None:
    """An amount in euros as integer cents; None for an empty cell.

    `multiplier` comes from the column's unit (`Montant (k€)`); a unit in the cell wins.
    `decimal_separator` (`,` or `.`) settles `1,250`-like values for a file known to use one.
    """
    if value is None:
        return None
    refuse_error(value)
    if isinstance(value, bool):
        raise CellProblem("import_bad_amount", value=str(value))
    if isinstance(value, int):
        return _bounded(value * 100 * multiplier, value)
    if isinstance(value, float):
        return float_cents(value, multiplier)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise CellProblem("import_bad_amount", value=str(value))
        if abs(value) * multiplier * 100 > MAX_CENTS:
            raise _too_large(value)
        return _cents(value * multiplier)
    if not isinstance(value, str):
        raise CellProblem("import_bad_amount", value=parse_text(value))
    return parse_amount_text(value, multiplier=multiplier, decimal_separator=decimal_separator)


def parse_amount_text(
    text: str, *, multiplier: int = 1, decimal_separator: str | None = None
) -> int | None:
    exact = _exact_amount_text(text, multiplier=multiplier, decimal_separator=decimal_separator)
    if exact is None:
        return None
    return _bounded(_cents(exact), text.strip())


def below_the_cent(
    value: Any, *, multiplier: int = 1, decimal_separator: str | None = None
) -> Decimal | None:
    """The exact amount in euros when `value` (a cell that reads as an amount) holds a fraction
    of a cent, which the import rounds to the nearest cent (halves to even): `0,005 €` becomes
    0 €, `12,3456` 12,35 €; None when it holds whole cents, or is no amount."""
    try:
        if isinstance(value, bool) or value is None or isinstance(value, int):
            return None
        if isinstance(value, float):
            if not math.isfinite(value):
                return None
            exact: Decimal | None = Decimal(repr(value)) * multiplier
        elif isinstance(value, Decimal):
            exact = value * multiplier if value.is_finite() else None
        elif isinstance(value, str):
            exact = _exact_amount_text(
                value, multiplier=multiplier, decimal_separator=decimal_separator
            )
        else:
            return None
    except (CellProblem, InvalidOperation):
        return None
    if exact is None or (exact * 100) == (exact * 100).to_integral_value():
        return None
    return exact


def _exact_amount_text(
    text: str, *, multiplier: int = 1, decimal_separator: str | None = None
) -> Decimal | None:
    """The amount a text cell writes, in euros, exactly as written (not yet rounded to cents)."""
    raw = text.strip()
    if not raw or raw in {"-", "–", "—"}:
        return None
    cleaned = raw.translate(_SPACES).lower().strip()
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative, cleaned = True, cleaned[1:-1].strip()
    cleaned = _TAX.sub("", _CURRENCY.sub("€", cleaned)).strip()
    match = _AMOUNT.match(cleaned)
    if match is None:
        raise CellProblem("import_bad_amount", value=raw)
    if "-" in (match["sign"], match["sign2"]):
        negative = not negative
    unit = match["unit"]
    if unit is not None:
        if unit not in _MULTIPLIERS:
            raise CellProblem("import_bad_amount", value=raw)
        multiplier = _MULTIPLIERS[unit]
    number = _normalise_number(match["number"].strip(), raw, decimal_separator)
    if len(number.partition(".")[0].lstrip("0")) > 16:  # past MAX_CENTS whatever the unit
        raise _too_large(raw)
    try:
        amount = Decimal(number)
    except InvalidOperation as exc:
        raise CellProblem("import_bad_amount", value=raw) from exc
    return -(amount * multiplier) if negative else amount * multiplier


def _normalise_number(number: str, raw: str, decimal_separator: str | None) -> str:
    """`1 300 000,50` → `1300000.50`; `1,250` (thousands or decimals?) is ambiguous."""
    compact = number.replace(" ", "")
    commas, dots = compact.count(","), compact.count(".")
    if commas and dots:
        mark: str | None = "," if number.rfind(",") > number.rfind(".") else "."
    elif commas == 1 or dots == 1:
        mark = "," if commas else "."
        fraction = compact.rpartition(mark)[2]
        bare_whole = compact.rpartition(mark)[0]
        if decimal_separator is not None and mark != decimal_separator:
            mark = None  # the file's decimal separator is the other one: this one groups thousands
        elif (
            decimal_separator is None
            and len(fraction) == 3
            and bare_whole.isdigit()
            and 1 <= len(bare_whole) <= 3
            and bare_whole != "0"
            and " " not in number
        ):
            raise CellProblem("import_ambiguous_amount", value=raw)
    else:
        mark = None  # no decimals; any , or . repeated groups thousands
    if mark is not None:
        whole, _, fraction = number.rpartition(mark)
    else:
        whole, fraction = number, ""
    whole = whole.strip()
    if not fraction.strip().isdigit() and fraction:
        raise CellProblem("import_bad_amount", value=raw)
    if re.search(r"[ .,'’]", whole):
        if not _GROUPED.match(re.sub(r"[ .,'’]", " ", whole)) or (
            len(set(re.findall(r"[ .,'’]", whole))) > 1
            and not set(re.findall(r"[ .,'’]", whole)) <= {" ", "'", "’"}
        ):
            raise CellProblem("import_bad_amount", value=raw)
        whole = re.sub(r"[ .,'’]", "", whole)
    if not whole.isdigit():
        raise CellProblem("import_bad_amount", value=raw)
    return f"{whole}.{fraction.strip()}" if fraction else whole


def unit_multiplier(header: str) -> int:
    """The multiplier a column header's unit implies: `Montant (k€)` → 1000, `(M€)` → 1,000,000."""
    text = header.lower().translate(_SPACES)
    if re.search(r"\bmd\s*€|\bmds\s*€|\bmilliards?\b|\bmrds?\b|\bbn\b", text):
        return 1_000_000_000
    if re.search(r"\bm\s*€|\bmeur\b|\bmillions?\b", text):
        return 1_000_000
    if re.search(r"\bk\s*€|\bkeur\b|\bmilliers?\b|\bk€", text):
        return 1_000
    return 1


# -- dates -------------------------------------------------------------------------------------------

_EPOCH_1900 = date(1899, 12, 30)
_EPOCH_1904 = date(1904, 1, 1)
_LAST_SERIAL = 2_958_465  # 9999-12-31
_ISO = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?Z?$"
)
_DMY = re.compile(
    r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:\s+\d{1,2}[:h]\d{2}(?::\d{2})?)?$"
)
_WORDS = re.compile(r"^(?:(\d{1,2})(?:er)?\s+)?([a-z]+)\.?\s+(\d{4})$")
_WORDS_EN = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "january": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "feb": 2, "february": 2,
    "mars": 3, "mar": 3, "march": 3,
    "avril": 4, "avr": 4, "apr": 4, "april": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6,
    "juillet": 7, "juil": 7, "jul": 7, "july": 7,
    "aout": 8, "aou": 8, "aug": 8, "august": 8,
    "septembre": 9, "sept": 9, "sep": 9, "september": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "decembre": 12, "dec": 12, "december": 12,
}  # fmt: skip
MIN_YEAR, MAX_YEAR = 1950, 2100


def serial_date(serial: float, *, date1904: bool = False) -> date:
    """An Excel serial day number as a date, in the workbook's date system (1900 or 1904)."""
    if not math.isfinite(serial) or serial < 1 or serial > _LAST_SERIAL:
        raise CellProblem("import_bad_date", value=parse_text(serial))
    days = int(serial)
    if date1904:
        return _EPOCH_1904 + timedelta(days=days)
    if days == 60:  # 29 February 1900, which Excel believes in and the calendar does not
        raise CellProblem("import_bad_date", value=parse_text(serial))
    if days < 60:
        return date(1899, 12, 31) + timedelta(days=days)
    return _EPOCH_1900 + timedelta(days=days)


def _checked(year: int, month: int, day: int, raw: str) -> date:
    try:
        result = date(year, month, day)
    except ValueError as exc:
        raise CellProblem("import_bad_date", value=raw) from exc
    if not MIN_YEAR <= result.year <= MAX_YEAR:
        raise CellProblem("import_bad_date", value=raw)
    return result


def parse_date(value: Any, *, date1904: bool = False) -> date | None:
    """A date from a date cell, a serial number or text; None for an empty cell."""
    if value is None:
        return None
    refuse_error(value)
    if isinstance(value, datetime):
        result = value.date()
    elif isinstance(value, date):
        result = value
    elif isinstance(value, (bool, time | timedelta)):
        raise CellProblem("import_bad_date", value=parse_text(value))
    elif isinstance(value, int | float):
        if MIN_YEAR <= value <= MAX_YEAR and float(value).is_integer():
            # 2021 is much likelier a year typed in a date column than 13 July 1905.
            raise CellProblem("import_date_year_only", value=parse_text(value))
        result = serial_date(float(value), date1904=date1904)
    elif isinstance(value, str):
        return parse_date_text(value)
    else:
        raise CellProblem("import_bad_date", value=parse_text(value))
    if not MIN_YEAR <= result.year <= MAX_YEAR:
        raise CellProblem("import_bad_date", value=result.isoformat())
    return result


def parse_date_text(text: str) -> date | None:
    raw = text.strip()
    if not raw:
        return None
    if match := _ISO.match(raw):
        return _checked(int(match[1]), int(match[2]), int(match[3]), raw)
    if match := _DMY.match(raw):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        if len(match[3]) == 2:
            year += 2000 if year < 70 else 1900
        if month > 12 and day <= 12:
            # 03/15/2021 is month-first: not the French order this file should use.
            raise CellProblem("import_date_month_first", value=raw)
        return _checked(year, month, day, raw)
    folded = key(raw)
    if folded.isdigit() and len(folded) == 4:
        raise CellProblem("import_date_year_only", value=raw)
    if match := _WORDS.match(folded):
        month_number = _MONTHS.get(match[2])
        if month_number is not None:
            if match[1] is None:
                raise CellProblem("import_date_year_only", value=raw)
            return _checked(int(match[3]), month_number, int(match[1]), raw)
    if match := _WORDS_EN.match(folded):
        month_number = _MONTHS.get(match[1])
        if month_number is not None:
            return _checked(int(match[3]), month_number, int(match[2]), raw)
    raise CellProblem("import_bad_date", value=raw)


# -- numbers and booleans ----------------------------------------------------------------------------

_TRUE = {"oui", "o", "yes", "y", "vrai", "true", "1", "x", "v", "ok"}
_FALSE = {"non", "n", "no", "faux", "false", "0", "-"}


def parse_bool(value: Any) -> bool | None:
    if value is None:
        return None
    refuse_error(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        folded = key(value) if value.strip() != "-" else "-"
        if not folded:
            return None
        if folded in _TRUE:
            return True
        if folded in _FALSE:
            return False
    raise CellProblem("import_bad_bool", value=parse_text(value))


def parse_int(value: Any) -> int | None:
    if value is None:
        return None
    refuse_error(value)
    if isinstance(value, bool):
        raise CellProblem("import_bad_number", value=str(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip().translate(_SPACES).replace(" ", "")
        if not text:
            return None
        if text.lstrip("+-").isdigit():
            return int(text)
        if text.endswith((".0", ",0")) and text[:-2].lstrip("+-").isdigit():
            return int(text[:-2])
    raise CellProblem("import_bad_number", value=parse_text(value))


# -- closed lists ------------------------------------------------------------------------------------

#: Other words people use for the codes of the closed lists (keys as `domain.text.key` makes them).
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "ProjectStatus": {
        "draft": ("brouillon", "en preparation", "en montage", "ebauche", "idee"),
        "submitted": ("depose", "soumis", "deposee", "soumission"),
        "evaluated": ("expertise", "evalue", "expertisee", "evaluee"),
        "labelled": ("labellise", "labellisee", "label", "labelise"),
        "not_labelled": ("non labellise", "non labellisee", "not labeled", "refuse au label"),
        "funded": ("finance", "financee", "accorde"),
        "not_funded": ("non finance", "non financee", "not funded", "refuse", "rejete"),
        "running": ("en cours", "demarre", "actif", "ongoing", "in progress"),
        "closed": (
            "termine",
            "terminee",
            "clos",
            "cloture",
            "cloturee",
            "acheve",
            "completed",
            "finished",
        ),
        "abandoned": (
            "abandonne",
            "abandonnee",
            "annule",
            "arrete",
            "withdrawn",
            "cancelled",
            "canceled",
        ),
    },
    "Instrument": {
        "grant": (
            "subvention",
            "sub",
            "aide",
            "don",
            "subsidy",
            "numeraire",
            "aide en numeraire",
            "subvention en numeraire",
            "financier",
            "aide financiere",
            "subvention de fonctionnement",
            "subvention d investissement",
            "feder",
            "fse",
            "fse+",
            "feader",
            "feamp",
            "ftj",
            "grant",
            "prix",
            "prize",
            "aide directe",
            "aide en numeraire et en nature",
        ),
        "repayable_advance": ("avance remboursable", "avance", "ar", "avances remboursables"),
        "loan": ("pret", "emprunt", "pret a taux zero", "ptz"),
        "equity": (
            "fonds propres",
            "capital",
            "prise de participation",
            "investissement",
            "investment",
        ),
    },
    "OrganisationKind": {
        "startup": ("start up", "startup", "jeune pousse", "jei"),
        "sme": ("pme", "tpe", "small business", "petite entreprise"),
        "midcap": ("eti", "mid cap", "midcap", "entreprise de taille intermediaire"),
        "large_company": ("grand groupe", "grande entreprise", "ge", "groupe", "large enterprise"),
        "research": (
            "laboratoire",
            "labo",
            "organisme de recherche",
            "recherche",
            "epst",
            "epic",
            "research organisation",
        ),
        "higher_education": (
            "universite",
            "ecole",
            "enseignement superieur",
            "university",
            "school",
            "higher education",
        ),
        "public_body": ("organisme public", "collectivite", "etablissement public", "public"),
        "association": ("association", "asso", "fondation", "non profit"),
    },
    "FunderKind": {
        "state": ("etat", "ministere"),
        "state_agency": ("agence", "agence de l etat", "operateur"),
        "region": ("region", "conseil regional"),
        "local_authority": ("collectivite", "departement", "metropole", "commune"),
        "eu": ("ue", "union europeenne", "europe", "commission europeenne"),
        "private": ("prive", "private", "investisseur"),
    },
    "PartnerRole": {
        "lead": (
            "porteur",
            "chef de file",
            "coordinateur",
            "coordinator",
            "coordonnateur",
            "leader",
        ),
        "partner": ("partenaire", "participant", "membre"),
        "subcontractor": ("sous traitant", "subcontractor", "prestataire"),
    },
}

_ENUMS: dict[str, tuple[str, ...]] = {
    "ProjectStatus": tuple(s.value for s in ProjectStatus),
    "Instrument": tuple(s.value for s in Instrument),
    "OrganisationKind": tuple(s.value for s in OrganisationKind),
    "FunderKind": tuple(s.value for s in FunderKind),
    "PartnerRole": tuple(s.value for s in PartnerRole),
}


def _choices(kind: str) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}

    def add(word: str, code: str) -> None:
        folded = key(word)
        if folded:
            table.setdefault(folded, set()).add(code)

    for code in _ENUMS[kind]:
        add(code, code)
        add(code.replace("_", " "), code)
        fr, en = LABELS.get((kind, code), (code, code))
        add(fr, code)
        add(en, code)
        for word in SYNONYMS.get(kind, {}).get(code, ()):
            add(word, code)
    return table


_CHOICES: dict[str, dict[str, set[str]]] = {kind: _choices(kind) for kind in _ENUMS}


def enum_codes(kind: str) -> tuple[str, ...]:
    return _ENUMS[kind]


def match_choice(kind: str, value: Any, mapped: Mapping[str, str] | None = None) -> str | None:
    """The code of a closed list that a cell names (labels, codes, synonyms; FR or EN)."""
    text = cell_text(value)
    if not text:
        return None
    folded = key(text)
    if mapped and folded in mapped:
        return mapped[folded] or None
    codes = _CHOICES[kind].get(folded)
    if not codes:
        raise CellProblem(f"import_unknown_{_UNKNOWN[kind]}", value=text)
    if len(codes) > 1:
        raise CellProblem("import_ambiguous_value", value=text, candidates=", ".join(sorted(codes)))
    return next(iter(codes))


_UNKNOWN = {
    "ProjectStatus": "status",
    "Instrument": "instrument",
    "OrganisationKind": "kind",
    "FunderKind": "funder_kind",
    "PartnerRole": "role",
}

_REGIONS: dict[str, str] = {}
for _region, _name in REGION_NAMES.items():
    _REGIONS[key(_name)] = _region.value
    _REGIONS[key(_region.value)] = _region.value
_REGIONS.update(
    {
        "etranger": Region.ABROAD.value,
        "abroad": Region.ABROAD.value,
        "international": Region.ABROAD.value,
        "idf": Region.ILE_DE_FRANCE.value,
        "paca": Region.PROVENCE_ALPES_COTE_D_AZUR.value,
        "reunion": Region.LA_REUNION.value,
        "region sud": Region.PROVENCE_ALPES_COTE_D_AZUR.value,
    }
)
#: The INSEE codes of the regions (`53`, `R53`, as laureate lists and open data write them).
_INSEE_REGIONS = {
    "11": Region.ILE_DE_FRANCE, "24": Region.CENTRE_VAL_DE_LOIRE,
    "27": Region.BOURGOGNE_FRANCHE_COMTE, "28": Region.NORMANDIE, "32": Region.HAUTS_DE_FRANCE,
    "44": Region.GRAND_EST, "52": Region.PAYS_DE_LA_LOIRE, "53": Region.BRETAGNE,
    "75": Region.NOUVELLE_AQUITAINE, "76": Region.OCCITANIE, "84": Region.AUVERGNE_RHONE_ALPES,
    "93": Region.PROVENCE_ALPES_COTE_D_AZUR, "94": Region.CORSE, "01": Region.GUADELOUPE,
    "02": Region.MARTINIQUE, "03": Region.GUYANE, "04": Region.LA_REUNION, "06": Region.MAYOTTE,
}  # fmt: skip
for _code, _region in _INSEE_REGIONS.items():
    _REGIONS[_code] = _REGIONS["r" + _code] = _region.value
    _REGIONS[f"r {_code}"] = _region.value
    if _code.startswith("0"):
        _REGIONS[_code[1:]] = _REGIONS["r" + _code[1:]] = _region.value
#: The regions before the 2016 merger, read as the region they are part of today.
_FORMER_REGIONS = {
    "alsace": Region.GRAND_EST, "lorraine": Region.GRAND_EST,
    "champagne ardenne": Region.GRAND_EST, "aquitaine": Region.NOUVELLE_AQUITAINE,
    "limousin": Region.NOUVELLE_AQUITAINE, "poitou charentes": Region.NOUVELLE_AQUITAINE,
    "auvergne": Region.AUVERGNE_RHONE_ALPES, "rhone alpes": Region.AUVERGNE_RHONE_ALPES,
    "bourgogne": Region.BOURGOGNE_FRANCHE_COMTE, "franche comte": Region.BOURGOGNE_FRANCHE_COMTE,
    "languedoc roussillon": Region.OCCITANIE, "midi pyrenees": Region.OCCITANIE,
    "nord pas de calais": Region.HAUTS_DE_FRANCE, "picardie": Region.HAUTS_DE_FRANCE,
    "basse normandie": Region.NORMANDIE, "haute normandie": Region.NORMANDIE,
    "centre": Region.CENTRE_VAL_DE_LOIRE, "nord pas de calais picardie": Region.HAUTS_DE_FRANCE,
    "alsace champagne ardenne lorraine": Region.GRAND_EST,
    "aquitaine limousin poitou charentes": Region.NOUVELLE_AQUITAINE,
    "languedoc roussillon midi pyrenees": Region.OCCITANIE,
    "provence alpes cote d azur": Region.PROVENCE_ALPES_COTE_D_AZUR,
}  # fmt: skip
for _name, _region in _FORMER_REGIONS.items():
    _REGIONS.setdefault(_name, _region.value)
#: The overseas collectivities (and their INSEE codes), one « region » of the portfolio's.
for _name in (
    "nouvelle caledonie", "polynesie francaise", "saint pierre et miquelon", "wallis et futuna",
    "saint barthelemy", "saint martin", "terres australes et antarctiques francaises", "taaf",
    "clipperton", "collectivites d outre mer", "collectivite d outre mer", "com",
    "975", "977", "978", "986", "987", "988", "984",
):  # fmt: skip
    _REGIONS.setdefault(_name, Region.OVERSEAS_COLLECTIVITIES.value)
#: Labels of several regions at once (Interreg programmes, « multi-régional », « national »):
#: no one region holds them; the cell is read as no region, with a warning, never refused.
_SEVERAL_REGIONS = re.compile(
    r"^(?:interreg\b.*|.*\binterregional\b.*|multi ?regional|plurir?egional|national|"
    r"france entiere|toute la france|france|plusieurs regions|.*\bet\b.*\bregions?\b.*)$"
)


def several_regions(value: Any) -> bool:
    """Whether a region cell names several regions at once (see `_SEVERAL_REGIONS`)."""
    text = cell_text(value)
    return bool(text) and key(text) not in _REGIONS and bool(_SEVERAL_REGIONS.match(key(text)))


def match_region(value: Any, mapped: Mapping[str, str] | None = None) -> str | None:
    text = cell_text(value)
    if not text:
        return None
    folded = key(text)
    if mapped and folded in mapped:
        target = mapped[folded]
        return None if not target or target == IGNORED else target
    code = _REGIONS.get(folded)
    if code is None:
        raise CellProblem("import_unknown_region", value=text)
    return code


def parse_regions(value: Any, mapped: Mapping[str, str] | None = None) -> list[str]:
    """`Bretagne, Pays de la Loire` (or `;`) → region codes, in order, without repeats."""
    text = cell_text(value)
    codes: list[str] = []
    for part in REGION_SEPARATORS.split(text):
        code = match_region(part, mapped)
        if code and code not in codes:
            codes.append(code)
    return codes


_SHARE = re.compile(r"^(?P<name>.*?)\s*[:=(]?\s*(?P<percent>\d{1,3}(?:[.,]\d+)?)\s*%\s*\)?$")


def parse_domain_split(value: Any) -> list[tuple[str, int]]:
    """`Photonique & Quantique 60 %; Réseaux & Infrastructures 40 %` → [(name, 60), (name, 40)].

    A single name without a percentage is the whole project (100 %); several names need theirs.
    """
    text = cell_text(value)
    if not text:
        return []
    parts = [p.strip() for p in re.split(r"[;\n|]", text) if p.strip()]
    result: list[tuple[str, int]] = []
    for part in parts:
        match = _SHARE.match(part.translate(_SPACES))
        if match is None:
            if len(parts) > 1:
                raise CellProblem("import_domain_share_missing", value=part)
            return [(part, 100)]
        percent = Decimal(match["percent"].replace(",", "."))
        if percent != percent.to_integral_value():
            raise CellProblem("import_domain_share_whole", value=part)
        result.append((match["name"].strip(), int(percent)))
    return result


def suggestions(value: str, names: Iterable[str]) -> list[str]:
    """Reference names whose words contain all the value's words (or the reverse): candidates to
    propose, never matches (`Photonique` → `Photonique & Quantique`)."""
    words = set(key(value).split())
    if not words:
        return []
    found = []
    for name in names:
        candidate = set(key(name).split())
        if candidate and (words <= candidate or candidate <= words):
            found.append(name)
    return found

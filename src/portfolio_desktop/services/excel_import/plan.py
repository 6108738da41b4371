"""The import plan: what a workbook would create, update or leave unchanged, and what is wrong.

`build_plan` reads the mapped sheets cell by cell (values.py), matches the records with the
portfolio (projects by cluster and reference, funding lines by their line number or their funder,
instrument, beneficiary and date, partners by organisation, reference data by name), validates
every project it would create or change with `domain.rules`, and returns a plan: per record the
action (created, updated with old → new values, unchanged), per cell the errors (sheet, row as the
spreadsheet numbers it, column, reason), the rows skipped (blank, totals, repeated headers) and the
writes to make. Nothing is written here; `commit.py` carries the plan out.

New rows get provisional negative ids; the commit gives them real ones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN
from itertools import repeat
from typing import Any

from ...domain import rules
from ...domain.enums import (
    FunderKind,
    Instrument,
    OrganisationKind,
    PartnerRole,
    ProjectStatus,
    Region,
)
from ...domain.identifiers import normalise_identifier
from ...domain.model import (
    Assessment,
    DomainShare,
    FundingLineRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)
from ...storage import imports as store
from ...storage import reference as reference_store
from ...storage import repository
from .follow_up_sheets import FollowUpPlan, plan_follow_up
from .headers import FIELDS, SheetMapping, field_of, generated_reference
from .profiles import Profile, SheetProfile
from .reader import WorkbookData
from .values import (
    IGNORED,
    REGION_SEPARATORS,
    CellProblem,
    below_the_cent,
    cell_text,
    float_cents,
    key,
    match_choice,
    match_region,
    normalise_reference,
    parse_amount,
    parse_bool,
    parse_date,
    parse_domain_split,
    parse_int,
    parse_regions,
    parse_text,
    several_regions,
    suggestions,
)
from .values import (
    fold_name as fold,
)

DEFAULT_CLUSTER = ("POLE", "Mon pôle")
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
MAX_LENGTH = {
    "reference": 64, "acronym": 100, "title": 500, "name": 200, "organisation": 300,
    "lead": 300, "beneficiary": 300, "funder": 200, "call": 200, "city": 200, "org_city": 200,
    "programme": 200, "cluster": 200,
}  # fmt: skip
COMPANY_KINDS = {"startup", "sme", "midcap", "large_company"}
#: What grant publications write for an amount they do not publish (folded).
NOT_COMMUNICATED = frozenset(
    {"nc", "n c", "sem", "neant", "non communique", "nd", "n d", "non disponible", "confidentiel"}
)

#: Project field → the project column it fills (fields not here are handled apart).
PROJECT_COLUMN = {
    "reference": "reference", "acronym": "acronym", "title": "title", "summary": "summary",
    "status": "status", "submitted_on": "submitted_on", "evaluated_on": "evaluated_on",
    "labelling_decided_on": "labelling_decided_on", "funding_decided_on": "funding_decided_on",
    "closed_on": "closed_on", "abandoned_on": "abandoned_on", "start_on": "start_on",
    "end_on": "end_on", "total_budget": "total_budget_cents", "eligible_costs": "eligible_costs_cents",
    "keywords": "keywords", "notes": "notes", "responsible_digital": "responsible_digital",
    "rd_carbon": "rd_carbon", "rd_resources": "rd_resources", "rd_recyclability": "rd_recyclability",
    "rd_energy": "rd_energy", "rd_ethics": "rd_ethics",
}  # fmt: skip
TEXT_COLUMNS = {"acronym", "title", "summary", "keywords", "notes"}
#: What a rules.Issue field points at → the field a column carries.
ISSUE_FIELD = {v: k for k, v in PROJECT_COLUMN.items()}
LINE_ISSUE_FIELD = {
    "requested_cents": "requested", "granted_cents": "granted", "paid_cents": "paid",
    "beneficiary_id": "beneficiary",
}  # fmt: skip


# -- what the plan reports ---------------------------------------------------------------------------


@dataclass(slots=True)
class Problem:
    """A cell (or row) that cannot be imported, and why (a message code with parameters)."""

    sheet: str
    row: int
    column: str
    code: str
    params: dict[str, object] = field(default_factory=dict)
    #: The field the column fills (for mapping an unknown value to a known one).
    field: str = ""


@dataclass(slots=True)
class Skipped:
    """A row passed over on purpose (blank, totals, repeated header, duplicate partner)."""

    sheet: str
    row: int
    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class Merged:
    """A row of a project that an earlier row already gave: its values join that project's (they
    must agree) and, in a sheet of one row per funding line, it adds the project a line."""

    sheet: str
    row: int
    #: The project's first row (the one it was merged into).
    into_sheet: str
    into_row: int
    #: The project's cluster and reference.
    project: tuple[int, str]


@dataclass(slots=True)
class Outcome:
    """One record of the preview: created, updated (with old → new) or unchanged."""

    record: str  # project, funding_line, partner, organisation, funder, domain, call, cluster
    action: str  # created, updated, unchanged
    label: str
    sheet: str = ""
    row: int = 0
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Source:
    """Where a record comes from: a sheet's mapping and a row (as the spreadsheet numbers it)."""

    mapping: SheetMapping
    row: int

    def column(self, field_key: str) -> str:
        index = self.mapping.column_of(field_key)
        if index is None:
            kind = self.mapping.kind or "projects"
            try:
                return field_of(kind, field_key).fr
            except StopIteration:
                return field_key
        return self.mapping.header_label(index)


# -- records being planned ---------------------------------------------------------------------------


@dataclass(slots=True)
class RowValues:
    """The typed values of one data row, by field (only fields the sheet maps or profiles set)."""

    source: Source
    values: dict[str, Any]
    bad: bool = False


@dataclass(slots=True)
class ProjectPlan:
    key: tuple[int, str]
    source: Source
    values: dict[str, Any]  # project columns the workbook sets
    existing: dict[str, Any] | None
    id: int = 0
    domains: list[tuple[int, int]] | None = None
    regions: list[str] | None = None
    lead: int | None = None
    lead_set: bool = False
    lines: list[LinePlan] = field(default_factory=list)
    partners: dict[int, PartnerPlan] = field(default_factory=dict)
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)
    action: str = "unchanged"
    bad: bool = False


@dataclass(slots=True)
class LinePlan:
    source: Source | None
    values: dict[str, Any]
    id: int = 0
    #: The workbook's line number for a new line: kept as its id when that id is free.
    requested_id: int = 0
    existing: dict[str, Any] | None = None
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)
    action: str = "unchanged"
    bad: bool = False


@dataclass(slots=True)
class PartnerPlan:
    source: Source | None
    organisation_id: int
    role: str
    budget_cents: int | None
    budget_set: bool
    existing: dict[str, Any] | None = None
    id: int = 0
    action: str = "unchanged"
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)
    bad: bool = False


class RefTable:
    """Rows of a reference table by exact name and by folded key, with the rows an import would
    create or change.

    A name is matched exactly first: two funders the portfolio keeps apart ('Région Bretagne',
    'Region-Bretagne') stay apart. The folded key (case, accents, punctuation) is the fallback for
    workbooks typed elsewhere, and a folded key that fits several rows is ambiguous, never guessed.
    """

    def __init__(
        self,
        table: str,
        rows: Iterable[dict[str, Any]],
        column: str = "name",
        folder: Callable[[str], str] = key,
    ) -> None:
        self.table = table
        self.column = column
        self.folder = folder
        self.rows: dict[int, dict[str, Any]] = {}
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for row in rows:
            self._add(row)
        self.new_ids: list[int] = []
        self.used: set[int] = set()
        self.updated: dict[int, dict[str, Any]] = {}  # id → values before
        self.outcomes: dict[int, Outcome] = {}
        self._next = -1

    def key_of(self, row: dict[str, Any]) -> str:
        return self.folder(row[self.column] or "")

    def _add(self, row: dict[str, Any]) -> None:
        self.rows[row["id"]] = row
        self.by_key[self.key_of(row)].append(row["id"])
        self.by_name[row[self.column] or ""].append(row["id"])

    def find(self, k: str) -> list[int]:
        """The rows whose folded key is `k`."""
        return self.by_key.get(k, [])

    def lookup(self, name: str, listed: set[str] | None = None) -> list[int]:
        """The rows a name designates: those named exactly so, else those whose folded key is
        the name's (none when the key is empty: '=' and '-' are not the same name).

        `listed` is given for a row of a reference sheet: the names that sheet lists. The sheet
        lists distinct records, so its row is never folded onto a record another of its rows
        names exactly, nor onto one that this workbook creates.
        """
        exact = self.by_name.get(name)
        if exact:
            return list(exact)
        folded = self.folder(name)
        if not folded:
            return []
        found = self.by_key.get(folded, [])
        if listed is not None:
            found = [i for i in found if i > 0 and self.rows[i][self.column] not in listed]
        return list(found)

    def create(self, values: dict[str, Any]) -> int:
        row_id = self._next
        self._next -= 1
        self._add({"id": row_id, **values})
        self.new_ids.append(row_id)
        return row_id

    def change(self, row_id: int, values: dict[str, Any]) -> list[tuple[str, Any, Any]]:
        """Applies values to an existing row; returns (column, old, new) of what differs."""
        row = self.rows[row_id]
        diffs = [(c, row.get(c), v) for c, v in values.items() if row.get(c) != v]
        if diffs and row_id > 0:
            before = self.updated.setdefault(row_id, {})
            for column, old, _ in diffs:
                before.setdefault(column, old)
        if diffs:
            old_key, old_name = self.key_of(row), row[self.column] or ""
            row.update(values)
            new_key, new_name = self.key_of(row), row[self.column] or ""
            if new_key != old_key:
                self.by_key[old_key].remove(row_id)
                self.by_key[new_key].append(row_id)
            if new_name != old_name:
                self.by_name[old_name].remove(row_id)
                self.by_name[new_name].append(row_id)
        return diffs


@dataclass(slots=True)
class ImportPlan:
    """Everything the preview shows and the commit writes."""

    workbook: WorkbookData
    mappings: list[SheetMapping]
    profile: str
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    #: The rows merged into an earlier row of the same project (`choices.row_fates` keeps those
    #: neither skipped nor invalid).
    merged: list[Merged] = field(default_factory=list)
    #: The projects sheets read one row per funding line, whose rows of one reference are merged.
    line_sheets: list[str] = field(default_factory=list)
    #: Cells read otherwise than written, that do not stop the import (an amount « NC »).
    cell_warnings: list[Problem] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    projects: list[ProjectPlan] = field(default_factory=list)
    refs: dict[str, RefTable] = field(default_factory=dict)
    extra_partners: list[PartnerPlan] = field(default_factory=list)
    #: Existing projects whose lines or partners change though their own row does not.
    touched: set[int] = field(default_factory=set)
    #: Projects demoted from lead (another organisation became the lead).
    demoted: list[PartnerPlan] = field(default_factory=list)
    #: Warnings of the domain's invariants, per project the import writes (a status moved past
    #: steps, a step date missing, aid above the budget): shown in the preview, accepted by
    #: committing, recorded in the history.
    warnings: list[tuple[ProjectPlan, list[rules.Issue]]] = field(default_factory=list)
    #: The experts, evaluations, committees, submissions and follow-up sheets' rows.
    follow_up: FollowUpPlan = field(default_factory=FollowUpPlan)

    _outcomes: list[Outcome] | None = None
    #: `choices.row_fates`, kept with what it was computed from (the preview computes it off the
    #: GUI thread; the wizard then reads it for its counts, its list and its save button).
    _fates: tuple[tuple[int, ...], Any] | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def outcomes(self) -> list[Outcome]:
        """Every record of the preview (built when first asked: the command line never does)."""
        if self._outcomes is None:
            self._outcomes = list(_outcomes_of(self))
        return self._outcomes

    def has_writes(self) -> bool:
        return any(c.get("created") or c.get("updated") for c in self.counts.values())


# -- reading the cells -------------------------------------------------------------------------------

_TOTALS = (
    "total",
    "totaux",
    "sous total",
    "somme",
    "grand total",
    "total general",
    "sum",
    "subtotal",
)


def _converter(
    kind_of_field: str,
    field_key: str,
    mapping: SheetMapping,
    column: int,
    workbook: WorkbookData,
    profile: Profile | None,
) -> Callable[[Any], Any]:
    value_map = (profile.value_maps.get(field_key) if profile else None) or None
    decimal = profile.decimal_separator if profile else None
    if field_key in {"domains"}:
        return parse_domain_split
    if field_key == "reference":
        return lambda v: normalise_reference(cell_text(v))
    if field_key == "regions":
        return lambda v: parse_regions(v, value_map)
    if field_key in {"region", "org_region"}:
        return lambda v: match_region(v, value_map)
    if kind_of_field == "money":
        multiplier = mapping.multipliers[column] if column < len(mapping.multipliers) else 1
        return _AmountConverter(multiplier, decimal)
    if kind_of_field == "date":
        date1904 = workbook.date1904
        return lambda v: parse_date(v, date1904=date1904)
    if kind_of_field in {"int", "score", "percent"}:
        return parse_int
    if kind_of_field == "bool":
        return parse_bool
    if kind_of_field.startswith("enum:"):
        enum = kind_of_field[5:]
        return lambda v: match_choice(enum, v, value_map)
    if value_map:
        return lambda v: _mapped_text(v, value_map)
    return cell_text


class _AmountConverter:
    """`parse_amount` with a column's multiplier and decimal separator (`_fast_column` reads the
    multiplier to convert number cells directly)."""

    __slots__ = ("decimal", "multiplier")

    def __init__(self, multiplier: int, decimal: str | None) -> None:
        self.multiplier = multiplier
        self.decimal = decimal

    def __call__(self, value: Any) -> int | None:
        return parse_amount(value, multiplier=self.multiplier, decimal_separator=self.decimal)


def _warn_below_the_cent(
    plan: ImportPlan,
    sheet: str,
    label: str,
    field_key: str,
    convert: _AmountConverter,
    raw: Sequence[Any],
    data: Sequence[tuple[int, Any]],
) -> None:
    """Amounts written with fractions of a cent are rounded to the cent, and each says so: an
    `0,005 €` never becomes 0 € without a word. Whole numbers (most cells) are passed over first."""
    for position, value in enumerate(raw):
        if value is None or type(value) is int:
            continue
        if type(value) is float and value == int(value):
            continue
        exact = below_the_cent(
            value, multiplier=convert.multiplier, decimal_separator=convert.decimal
        )
        if exact is None:
            continue
        rounded = int((exact * 100).to_integral_value(rounding=ROUND_HALF_EVEN))
        plan.cell_warnings.append(
            Problem(
                sheet, data[position][0], label, "import_amount_below_the_cent",
                {"value": cell_text(value), "rounded": rounded}, field_key,
            )
        )  # fmt: skip


#: Dates that spreadsheets and exports write where there is none (Excel's day 0 and 1, Unix's
#: epoch, a year-2000 default).
PLACEHOLDER_DATES = frozenset(
    {
        date(1899, 12, 30), date(1899, 12, 31), date(1900, 1, 1), date(1900, 1, 2),
        date(1970, 1, 1), date(2000, 1, 1),
    }
)  # fmt: skip
#: A portfolio's dates fall in these years; outside, a date is read but warned about (a typed
#: 2091 for 2019, a 1019): the charts would otherwise stretch to it.
PLAUSIBLE_YEARS = (1980, date.today().year + 15)


def _warn_implausible_dates(
    plan: ImportPlan,
    sheet: str,
    label: str,
    field_key: str,
    values: Sequence[Any],
    data: Sequence[tuple[int, Any]],
) -> None:
    """Placeholder dates and dates far outside any portfolio's span are imported as written and
    each gets a warning in the preview, before they reach the charts."""
    low, high = PLAUSIBLE_YEARS
    for position, value in enumerate(values):
        if not isinstance(value, date):
            continue
        if value in PLACEHOLDER_DATES:
            code = "import_date_placeholder"
        elif not low <= value.year <= high:
            code = "import_date_implausible"
        else:
            continue
        plan.cell_warnings.append(
            Problem(sheet, data[position][0], label, code, {"value": value}, field_key)
        )


def _ignored_values(profile: Profile | None, field_key: str) -> set[str]:
    """The values (folded) of a field the user chose to ignore; the domains are another matter:
    each name of a cell's split is ignored by the planner (`Planner._project_children`)."""
    if profile is None or field_key == "domains":
        return set()
    return {k for k, v in profile.value_maps.get(field_key, {}).items() if v == IGNORED}


def _read_ignored_as_empty(
    plan: ImportPlan,
    sheet: str,
    label: str,
    field_key: str,
    ignored: set[str],
    raw: list[Any],
    data: Sequence[tuple[int, Any]],
) -> None:
    """Cells holding a value the user chose to ignore are read as empty, each with a warning; in
    a list of regions, only the ignored names are left out (`match_region` drops them)."""
    for position, value in enumerate(raw):
        if value is None or value == "":
            continue
        text = cell_text(value)
        if field_key == "regions":
            found = [p.strip() for p in REGION_SEPARATORS.split(text) if key(p) in ignored]
        elif key(text) in ignored:
            found, raw[position] = [text], None
        else:
            continue
        for written in found:
            plan.cell_warnings.append(
                Problem(
                    sheet, data[position][0], label, "import_value_ignored", {"value": written},
                    field_key,
                )
            )  # fmt: skip


def _mapped_text(value: Any, value_map: dict[str, str]) -> str:
    text = cell_text(value)
    return value_map.get(key(text), text)


_TOTAL_WORD = re.compile(r"^(?:" + "|".join(_TOTALS) + r")\b")


def _is_total_row(row: Sequence[Any]) -> bool:
    for cell in row:
        if isinstance(cell, str) and cell.strip():
            folded = key(cell)
            return any(folded == t or folded.startswith(t + " ") for t in _TOTALS)
    return False


def _fast_column(
    kind_of_field: str, field_key: str, convert: Callable[[Any], Any], values: list[Any]
) -> list[Any]:
    """Converts a whole column at C-ish speed for the common cells (numbers in number cells,
    dates in date cells, repeated words); raises CellProblem when a cell is wrong, and the
    caller then converts the column cell by cell to say which."""
    textual = kind_of_field in {"text", "ref:organisations", "ref:funders", "ref:calls"}
    if textual and convert is cell_text:
        return [
            (v.strip() or None) if type(v) is str else (None if v is None else cell_text(v))
            for v in values
        ]
    if kind_of_field == "money" and convert is not None:
        # Number cells straight to float_cents (what parse_amount does with them), each distinct
        # number once: a column of amounts repeats many of them.
        multiplier = getattr(convert, "multiplier", None)
        if multiplier is None:
            return [None if v == "" or v is None else convert(v) for v in values]
        amounts: dict[float, int] = {}
        out_amounts: list[Any] = []
        append = out_amounts.append
        for v in values:
            if type(v) is float:
                cents = amounts.get(v)
                if cents is None:
                    cents = amounts[v] = float_cents(v, multiplier)
                append(cents)
            else:
                append(None if v == "" or v is None else convert(v))
        return out_amounts
    if kind_of_field == "date":
        return [
            v if type(v) is date else (None if v == "" or v is None else convert(v)) for v in values
        ]
    # Closed lists, booleans, splits: few distinct words, each converted once.
    cache: dict[Any, Any] = {}
    out: list[Any] = []
    for v in values:
        if v == "" or v is None:
            out.append(None)
            continue
        try:
            out.append(cache[v])
        except KeyError:
            cache[v] = converted = convert(v)
            out.append(converted)
        except TypeError:  # an unhashable cell value
            out.append(convert(v))
    return out


def read_rows(
    workbook: WorkbookData,
    mapping: SheetMapping,
    sheet_profile: SheetProfile | None,
    profile: Profile | None,
    plan: ImportPlan,
) -> list[RowValues]:
    """The sheet's data rows as typed values; cell errors and skipped rows go to the plan."""
    sheet = workbook.sheet(mapping.sheet)
    kind = mapping.kind or "projects"
    kinds = {f.key: f.kind for f in FIELDS[kind]}
    ignored = {"granted"} if kind == "projects" else set()  # the lines' total, computed
    columns = [(i, f) for i, f in enumerate(mapping.columns) if f and f not in ignored]
    constants: dict[str, Any] = {}
    for field_key, raw in (sheet_profile.constants if sheet_profile else {}).items():
        constants[field_key] = _converter(
            kinds.get(field_key, "text"), field_key, mapping, 0, workbook, profile
        )(raw)
    # The user's values for the whole file win over the cells (and over a profile's constants);
    # defaults fill the empty cells only.
    fixed: dict[str, Any] = {}
    defaults: dict[str, Any] = {}
    for field_key, raw, target in (
        *((k, v, fixed) for k, v in mapping.fixed.items()),
        *((k, v, defaults) for k, v in mapping.defaults.items()),
    ):
        try:
            target[field_key] = _converter(
                kinds.get(field_key, "text"), field_key, mapping, 0, workbook, profile
            )(raw)
        except CellProblem as problem:
            label = field_of(kind, field_key).fr if field_key in kinds else field_key
            plan.problems.append(
                Problem(mapping.sheet, 0, label, problem.code, problem.params, field_key)
            )
    header_keys = [key(h) for h in mapping.headers]
    found = mapping.column_of("reference") if kind in {"projects", "funding", "partners"} else None
    reference_column = found if found is not None else (mapping.column_of("name") or 0)
    reference_header = (
        mapping.headers[reference_column].casefold()
        if reference_column < len(mapping.headers)
        else ""
    )
    # Texts that mean "empty", compared as people vary them (case, spaces), cheaply.
    nulls = {n.strip().casefold() for n in profile.nulls} if profile else set()
    name = mapping.sheet
    mapped_indices = [i for i, _ in columns]
    data: list[tuple[int, Sequence[Any]]] = []
    for index in range(mapping.header_row, len(sheet.rows)):
        row = sheet.rows[index]
        number = index + 1
        first = row[reference_column] if reference_column < len(row) else None
        if (first == "" or first is None) and all(
            c == "" or c is None or (isinstance(c, str) and not c.strip()) for c in row
        ):
            plan.skipped.append(Skipped(name, number, "import_skip_blank"))
            continue
        if not any(
            i < len(row)
            and not (row[i] is None or (isinstance(row[i], str) and not row[i].strip()))
            for i in mapped_indices
        ):
            # Something only in columns not imported (« non concerné » down a remarks column).
            plan.skipped.append(Skipped(name, number, "import_skip_nothing_mapped"))
            continue
        reference = first.strip() if isinstance(first, str) else parse_text(first)
        if (
            reference.casefold() == reference_header
            and [key(parse_text(c)) for c in row[: len(header_keys)]] == header_keys
        ):
            plan.skipped.append(Skipped(name, number, "import_skip_header"))
            continue
        # A totals row: its first words say so, and it names no record (or "Total" as one).
        if (
            not reference or (reference[:1] in "TtSsGg" and _TOTAL_WORD.match(key(reference)))
        ) and _is_total_row(row):
            plan.skipped.append(Skipped(name, number, "import_skip_total"))
            continue
        data.append((number, row))
    bad: set[int] = set()
    converted: list[list[Any]] = []
    width = max((len(row) for _, row in data), default=0)
    # One transposition in C: rows → columns (short rows, from CSV or openpyxl, padded first).
    transposed = list(
        zip(
            *(
                row if len(row) == width else [*row, *[None] * (width - len(row))]
                for _, row in data
            ),
            strict=True,
        )
    )
    for i, field_key in columns:
        field_kind = kinds.get(field_key, "text")
        convert = _converter(field_kind, field_key, mapping, i, workbook, profile)
        raw = list(transposed[i]) if i < len(transposed) else [None] * len(data)
        if nulls:
            raw = [None if type(v) is str and v.strip().casefold() in nulls else v for v in raw]
        ignored = _ignored_values(profile, field_key)
        if ignored:
            _read_ignored_as_empty(
                plan, name, mapping.header_label(i), field_key, ignored, raw, data
            )
        if field_kind == "money" and any(type(v) is str for v in raw):
            # « NC », « SEM », « néant »: published as not communicated, read as no amount.
            for position, v in enumerate(raw):
                if type(v) is str and key(v) in NOT_COMMUNICATED:
                    plan.cell_warnings.append(
                        Problem(
                            name, data[position][0], mapping.header_label(i),
                            "import_amount_not_communicated", {"value": v.strip()}, field_key,
                        )
                    )  # fmt: skip
                    raw[position] = None
        if field_key in {"regions", "region", "org_region"}:
            # « Interreg … », « multi-régional »: no one region holds the row; read as none.
            for position, v in enumerate(raw):
                if type(v) is str and several_regions(v):
                    plan.cell_warnings.append(
                        Problem(
                            name, data[position][0], mapping.header_label(i),
                            "import_region_several", {"value": v.strip()}, field_key,
                        )
                    )  # fmt: skip
                    raw[position] = None
        try:
            values = _fast_column(field_kind, field_key, convert, raw)
        except CellProblem:
            values = []
            label = mapping.header_label(i)
            for position, v in enumerate(raw):
                if v == "" or v is None:
                    values.append(None)
                    continue
                try:
                    values.append(convert(v))
                except CellProblem as problem:
                    number = data[position][0]
                    plan.problems.append(
                        Problem(name, number, label, problem.code, problem.params, field_key)
                    )
                    bad.add(position)
                    values.append(None)
        if field_kind == "money" and isinstance(convert, _AmountConverter):
            _warn_below_the_cent(plan, name, mapping.header_label(i), field_key, convert, raw, data)
        elif field_kind == "date":
            _warn_implausible_dates(plan, name, mapping.header_label(i), field_key, values, data)
        converted.append(values)
    keys = [f for _, f in columns]
    rows_of_cells = zip(*converted, strict=True) if converted else ((),) * len(data)
    if constants or fixed:
        dicts: Iterable[dict[str, Any]] = (
            {**constants, **dict(zip(keys, cells, strict=True)), **fixed} for cells in rows_of_cells
        )
    else:
        # map() all the way: no Python frame per row (each row's cells are one per key).
        dicts = map(dict, map(zip, repeat(keys), rows_of_cells))
    records = [
        RowValues(Source(mapping, number), values_of_row, position in bad)
        for position, ((number, _), values_of_row) in enumerate(zip(data, dicts, strict=True))
    ]
    for field_key, value in defaults.items():
        for record in records:
            if record.values.get(field_key) is None:
                record.values[field_key] = value
    if mapping.reference_from:
        for record, (_, cells) in zip(records, data, strict=True):
            record.values["reference"] = generated_reference(cells, mapping.reference_from)
    return records


# -- the planner -------------------------------------------------------------------------------------


class Planner:
    """Builds an ImportPlan against a snapshot of the portfolio read in the caller's unit of work."""

    def __init__(
        self,
        session: Any,
        workbook: WorkbookData,
        mappings: list[SheetMapping],
        profile: Profile | None,
        sheet_profiles: dict[str, SheetProfile],
    ) -> None:
        self.session = session
        self.today = date.today()
        self.workbook = workbook
        self.profile = profile
        self.sheet_profiles = sheet_profiles
        self.plan = ImportPlan(workbook, mappings, profile.name if profile else "")
        reference = store.load_reference(session)
        self.refs = self.plan.refs
        self.refs["cluster"] = RefTable("cluster", reference["cluster"], "code")
        self.refs["domain"] = RefTable("domain", reference["domain"])
        self.refs["funder"] = RefTable("funder", reference["funder"])
        self.refs["call"] = RefTable("call", reference["call"])
        self.refs["organisation"] = RefTable("organisation", reference["organisation"], folder=fold)
        self.sirens: dict[str, list[int]] = defaultdict(list)
        self.sirets: dict[str, list[int]] = defaultdict(list)
        for row in reference["organisation"]:
            self._index_identifiers(row["id"], row["siren"], row["siret"])
        # A name as the workbook's own organisations sheet wrote it → the records its rows were
        # read as. Within one workbook a name means the organisation that workbook lists under
        # it, even when the base holds others of that name (another pole's « Ecoium SAS »).
        self._listed_organisations: dict[str, list[int]] = defaultdict(list)
        self._domain_poles_cache: dict[int, rules.DomainPole] | None = None
        self._funders: dict[str, int] = {}  # a funder cell as written → its id, once resolved
        self.project_index = store.project_index(session)
        self.projects: dict[tuple[int, str], ProjectPlan] = {}
        self.existing: dict[int, dict[str, Any]] = {}
        self.domain_positions = max((r["position"] for r in reference["domain"]), default=-1)
        self._clusters: dict[Any, int] = {}  # a cluster cell as written → its id
        #: Unknown domains are created, and funders even when a similar name exists.
        self.create_missing = False

    # -- helpers

    def problem(self, source: Source, field_key: str, code: str, **params: object) -> None:
        self.plan.problems.append(
            Problem(
                source.mapping.sheet, source.row, source.column(field_key), code, params, field_key
            )
        )

    def warn(self, source: Source, field_key: str, code: str, **params: object) -> None:
        """A cell read otherwise than written, that does not stop its row."""
        self.plan.cell_warnings.append(
            Problem(
                source.mapping.sheet, source.row, source.column(field_key), code, params, field_key
            )
        )

    def _too_long(self, record: RowValues, field_key: str) -> bool:
        value = record.values.get(field_key)
        limit = MAX_LENGTH.get(field_key)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            self.problem(record.source, field_key, "import_text_too_long", max=limit)
            record.bad = True
            return True
        return False

    def cluster_ids(self, text: str) -> list[int]:
        """The clusters a cell designates: by code (exactly, then folded), else by name."""
        table = self.refs["cluster"]
        found = table.lookup(text)
        if found:
            return found
        rows = table.rows.values()
        named = [r["id"] for r in rows if r["name"] == text]
        folded = key(text)
        return named or ([r["id"] for r in rows if key(r["name"]) == folded] if folded else [])

    def cluster_of(self, record: RowValues) -> int | None:
        raw = record.values.get("cluster")
        known = self._clusters.get(raw)
        if known is not None:
            return known
        found = self._cluster_of(record, raw)
        if found is not None:
            self._clusters[raw] = found
        return found

    def _cluster_of(self, record: RowValues, raw: Any) -> int | None:
        table = self.refs["cluster"]
        if raw:
            text = str(raw)
            found = self.cluster_ids(text)
            if len(found) > 1:
                self.problem(
                    record.source, "cluster", "import_ambiguous_value", value=text,
                    candidates=", ".join(sorted(table.rows[i]["code"] for i in found)),
                )  # fmt: skip
                record.bad = True
                return None
            if found:
                table.used.add(found[0])
                return found[0]
            code = text if len(text) <= 16 else "".join(w[0] for w in text.split())[:16].upper()
            new_id = table.create({"code": code, "name": text, "regions": ""})
            table.used.add(new_id)
            return new_id
        existing = list(table.rows)
        if len(existing) == 1:
            table.used.add(existing[0])
            return existing[0]
        if not existing:
            code, name = DEFAULT_CLUSTER
            new_id = table.create({"code": code, "name": name, "regions": ""})
            table.used.add(new_id)
            return new_id
        self.problem(record.source, "cluster", "import_cluster_required")
        record.bad = True
        return None

    def _ambiguous(
        self, source: Source, field_key: str, table: RefTable, value: str, found: list[int]
    ) -> None:
        names = sorted(str(table.rows[i][table.column]) for i in found)
        self.problem(
            source, field_key, "import_ambiguous_value", value=value,
            candidates=", ".join(f"« {n} »" for n in names[:5]),
        )  # fmt: skip

    def domain_of(self, name: str, source: Source, field_key: str) -> int | None:
        value_map = self.profile.value_maps.get("domains", {}) if self.profile else {}
        target = value_map.get(key(name), name)
        table = self.refs["domain"]
        found = table.lookup(target)
        if len(found) == 1:
            return found[0]
        if found:
            self._ambiguous(source, field_key, table, name, found)
            return None
        if self.create_missing:  # the user said so (`--create-missing`)
            self.domain_positions += 1
            created = table.create(
                {
                    "name": target, "colour": COLOURS[self.domain_positions % len(COLOURS)],
                    "active": True, "position": self.domain_positions,
                }
            )  # fmt: skip
            table.outcomes[created] = Outcome(
                "domain", "created", target, source.mapping.sheet, source.row
            )
            return created
        names = [r["name"] for r in table.rows.values()]
        candidates = suggestions(target, names)
        if len(candidates) > 1:
            self.problem(
                source,
                field_key,
                "import_ambiguous_value",
                value=name,
                candidates=", ".join(candidates),
            )
        elif candidates:
            self.problem(
                source,
                field_key,
                "import_unknown_domain_suggest",
                value=name,
                suggestion=candidates[0],
            )
        else:
            self.problem(source, field_key, "import_unknown_domain", value=name)
        return None

    def funder_of(self, name: str, source: Source, field_key: str) -> int | None:
        known = self._funders.get(name)
        if known is not None:
            return known
        table = self.refs["funder"]
        value_map = self.profile.value_maps.get("funder", {}) if self.profile else {}
        chosen = key(name) in value_map  # the user said which funder this is (or a new one)
        target = value_map.get(key(name), name) or name
        found = table.lookup(target)
        if len(found) > 1:
            self._ambiguous(source, field_key, table, name, found)
            return None
        if found:
            self._funders[name] = found[0]
            return found[0]
        candidates = suggestions(target, [r["name"] for r in table.rows.values()])
        if candidates and not chosen and not self.create_missing:
            self.problem(
                source,
                field_key,
                "import_ambiguous_funder",
                value=name,
                candidates=", ".join(candidates[:5]),
            )
            return None
        new_id = table.create({"name": target, "kind": guess_funder_kind(target)})
        self._funders[name] = new_id
        return new_id

    def call_of(self, name: str, source: Source, field_key: str = "call") -> int | None:
        table = self.refs["call"]
        found = table.lookup(name)
        if len(found) > 1:
            self._ambiguous(source, field_key, table, name, found)
            return None
        if found:
            return found[0]
        return table.create({"name": name, "funder_id": None, "programme": "", "year": None})

    def _index_identifiers(self, row_id: int, siren: str | None, siret: str | None) -> None:
        if siren and row_id not in self.sirens[siren]:
            self.sirens[siren].append(row_id)
        if siret and row_id not in self.sirets[siret]:
            self.sirets[siret].append(row_id)

    def find_organisation(
        self, name: str, siren: str | None, siret: str | None, listed: set[str] | None = None
    ) -> list[int]:
        """The organisations a name and identifiers designate: the one with this SIRET; else the
        one with this SIREN when it is the only one and its name agrees (or no name is given);
        else those of this name (exactly, then folded). Two establishments of a company (same
        SIREN, other SIRET and name) stay two, and rows with different SIRETs never merge.
        `listed` as in `RefTable.lookup`, for a row of an organisations sheet."""
        table = self.refs["organisation"]
        rows = table.rows

        def compatible(row_id: int) -> bool:
            row = rows[row_id]
            return not (
                (siret and row.get("siret") and row["siret"] != siret)
                or (siren and row.get("siren") and row["siren"] != siren)
            )

        if siret and self.sirets.get(siret):
            return list(self.sirets[siret])
        if siren:
            by_siren = self.sirens.get(siren, [])
            if (
                len(by_siren) == 1
                and compatible(by_siren[0])
                and (not name or fold(rows[by_siren[0]]["name"]) == fold(name))
            ):
                return list(by_siren)
        if not name:
            return []
        return [i for i in table.lookup(name, listed) if compatible(i)]

    def organisation_of(
        self,
        name: str,
        source: Source,
        field_key: str,
        *,
        siren: str | None = None,
        attributes: dict[str, Any] | None = None,
    ) -> int | None:
        table = self.refs["organisation"]
        attributes = attributes or {}
        siret = attributes.get("siret")
        listed = self._listed_organisations.get(name, [])
        if not siren and not siret and len(listed) == 1:
            found = listed
        else:
            found = self.find_organisation(name, siren, siret)
        if len(found) > 1:
            self.problem(
                source, field_key, "import_ambiguous_organisation", value=name, count=len(found)
            )
            return None
        if found:
            if found[0] > 0 and found[0] not in table.outcomes:
                table.outcomes[found[0]] = Outcome(
                    "organisation", "unchanged", name, source.mapping.sheet, source.row
                )
            return found[0]
        kind = attributes.get("kind") or guess_organisation_kind(name)
        new_id = table.create(
            {
                "name": name, "name_key": fold(name), "kind": kind, "siren": siren,
                "siret": siret, "region": attributes.get("region"),
                "city": attributes.get("city") or "", "is_member": False, "member_since": None,
                "member_until": None, "version": 0,
            }
        )  # fmt: skip
        self._index_identifiers(new_id, siren, siret)
        table.outcomes[new_id] = Outcome(
            "organisation", "created", name, source.mapping.sheet, source.row
        )
        return new_id

    # -- reference sheets

    def reference_sheet(self, kind: str, rows: list[RowValues]) -> None:
        column = "code" if kind == "clusters" else "name"
        # The names the sheet lists: each of its rows is a record of its own (see RefTable.lookup).
        listed = {r.values[column] for r in rows if not r.bad and r.values.get(column)}
        for record in rows:
            if record.bad:
                continue
            name = record.values.get(column)
            if not name:
                self.problem(record.source, column, "required")
                continue
            if self._too_long(record, column):
                continue
            if kind == "organisations":
                self._organisation_row(record, name, listed)
            elif kind == "domains":
                self._domain_row(record, name, listed)
            elif kind == "clusters":
                self._cluster_row(record, name, listed)
            elif kind == "funders":
                self._simple_row(
                    "funder",
                    record,
                    name,
                    {"kind": record.values.get("kind")} if "kind" in record.values else {},
                    listed,
                )
            elif kind == "calls":
                values: dict[str, Any] = {}
                if "funder" in record.values:
                    funder = record.values["funder"]
                    values["funder_id"] = (
                        self.funder_of(funder, record.source, "funder") if funder else None
                    )
                    if funder and values["funder_id"] is None:
                        continue
                if "programme" in record.values:
                    values["programme"] = record.values["programme"] or ""
                if "year" in record.values:
                    values["year"] = record.values["year"]
                self._simple_row("call", record, name, values, listed)

    def _simple_row(
        self,
        table_name: str,
        record: RowValues,
        name: str,
        values: dict[str, Any],
        listed: set[str],
    ) -> None:
        table = self.refs[table_name]
        found = table.lookup(name, listed)
        label = name
        if len(found) > 1:
            self._ambiguous(record.source, "name", table, name, found)
            return
        if found:
            row_id = found[0]
            diffs = table.change(row_id, values) if row_id > 0 else []
            if row_id < 0:
                table.change(row_id, values)
            table.used.add(row_id)
            action = "updated" if diffs else "unchanged"
            if row_id > 0:
                table.outcomes[row_id] = Outcome(
                    table_name, action, label, record.source.mapping.sheet, record.source.row, diffs
                )
            return
        defaults: dict[str, Any] = {"name": name}
        if table_name == "funder":
            defaults["kind"] = values.get("kind") or guess_funder_kind(name)
        else:
            defaults.update({"funder_id": None, "programme": "", "year": None})
            defaults.update(values)
        row_id = table.create(defaults)
        table.used.add(row_id)
        table.outcomes[row_id] = Outcome(
            table_name, "created", label, record.source.mapping.sheet, record.source.row
        )

    def _cluster_row(self, record: RowValues, code: str, listed: set[str]) -> None:
        """A row of the clusters sheet: the cluster of this code is created or updated."""
        table = self.refs["cluster"]
        if len(code) > 16:
            self.problem(record.source, "code", "import_text_too_long", max=16)
            return
        values: dict[str, Any] = {}
        if record.values.get("name"):
            values["name"] = record.values["name"]
        if "regions" in record.values:
            values["regions"] = ",".join(record.values["regions"] or [])
        found = table.lookup(code, listed)
        if len(found) > 1:
            self._ambiguous(record.source, "code", table, code, found)
            return
        sheet, row = record.source.mapping.sheet, record.source.row
        if found:
            row_id = found[0]
            diffs = table.change(row_id, values)
            table.used.add(row_id)
            if row_id > 0:
                table.outcomes[row_id] = Outcome(
                    "cluster", "updated" if diffs else "unchanged", code, sheet, row, diffs
                )
            return
        row_id = table.create({"code": code, "name": code, "regions": "", **values})
        table.used.add(row_id)
        table.outcomes[row_id] = Outcome("cluster", "created", code, sheet, row)

    def _domain_row(self, record: RowValues, name: str, listed: set[str]) -> None:
        table = self.refs["domain"]
        values: dict[str, Any] = {}
        colour = record.values.get("colour")
        if colour:
            colour = str(colour).upper()
            issues = rules.check_colour(colour)
            if issues:
                self.problem(record.source, "colour", "colour_format")
                return
            values["colour"] = colour
        if record.values.get("active") is not None:
            values["active"] = record.values["active"]
        if "cluster" in record.values:
            # The pole whose roadmap the domain is; an empty cell: every pole shares it.
            values["cluster_id"] = self.cluster_of(record) if record.values["cluster"] else None
            if record.bad:
                return
        found = table.lookup(name, listed)
        if len(found) > 1:
            self._ambiguous(record.source, "name", table, name, found)
            return
        if found:
            row_id = found[0]
            pole = values.get("cluster_id")
            if row_id > 0 and pole is not None and pole != table.rows[row_id].get("cluster_id"):
                others = reference_store.projects_outside_pole(self.session, row_id, pole)
                if others:
                    self.problem(
                        record.source, "cluster", "domain_pole_in_use", domain=name,
                        pole=self.refs["cluster"].rows[pole]["name"], count=others,
                    )  # fmt: skip
                    return
            diffs = table.change(row_id, values)
            table.used.add(row_id)
            if row_id > 0:
                table.outcomes[row_id] = Outcome(
                    "domain",
                    "updated" if diffs else "unchanged",
                    name,
                    record.source.mapping.sheet,
                    record.source.row,
                    diffs,
                )
            return
        self.domain_positions += 1
        row_id = table.create(
            {
                "name": name,
                "colour": values.get("colour") or COLOURS[self.domain_positions % len(COLOURS)],
                "active": values.get("active", True),
                "position": self.domain_positions,
                "cluster_id": values.get("cluster_id"),
            }
        )
        table.used.add(row_id)
        table.outcomes[row_id] = Outcome(
            "domain", "created", name, record.source.mapping.sheet, record.source.row
        )

    def _organisation_row(self, record: RowValues, name: str, listed: set[str]) -> None:
        table = self.refs["organisation"]
        v = record.values
        siren = normalise_identifier(v["siren"]) if v.get("siren") else None
        siret = normalise_identifier(v["siret"]) if v.get("siret") else None
        if siret and not siren and len(siret) == 14:
            siren = siret[:9]
        values: dict[str, Any] = {"name": name, "name_key": fold(name)}
        for field_key, column in (("kind", "kind"), ("region", "region"), ("city", "city"),
                                  ("is_member", "is_member"), ("member_since", "member_since"),
                                  ("member_until", "member_until")):  # fmt: skip
            if field_key in v:
                values[column] = (
                    v[field_key]
                    if v[field_key] is not None
                    else ("" if column == "city" else False if column == "is_member" else None)
                )
        if "siren" in v or "siret" in v:
            values["siren"], values["siret"] = siren, siret
        record_check = OrganisationRecord(
            name=name, kind=OrganisationKind(values.get("kind") or "sme"), siren=siren, siret=siret,
            member_since=values.get("member_since"), member_until=values.get("member_until"),
        )  # fmt: skip
        issues = rules.check_organisation(record_check)
        if issues:
            for issue in issues:
                self.problem(record.source, issue.field, issue.code, **issue.params)
            return
        found = self.find_organisation(name, siren, siret, listed)
        if len(found) > 1:
            self.problem(
                record.source, "name", "import_ambiguous_organisation", value=name, count=len(found)
            )
            return
        if found:
            row_id = found[0]
            row = table.rows[row_id]
            for index, column in ((self.sirens, "siren"), (self.sirets, "siret")):
                if row.get(column) and values.get(column, row[column]) != row[column]:
                    index[row[column]].remove(row_id)
            diffs = table.change(row_id, values)
            self._index_identifiers(row_id, row.get("siren"), row.get("siret"))
            self._list_organisation(name, row_id)
            if row_id > 0:
                previous = table.outcomes.get(row_id)
                all_diffs = (previous.changes if previous else []) + diffs
                table.outcomes[row_id] = Outcome(
                    "organisation", "updated" if all_diffs else "unchanged", name,
                    record.source.mapping.sheet, record.source.row, all_diffs,
                )  # fmt: skip
            return
        if not values.get("kind"):
            values["kind"] = guess_organisation_kind(name)
        row_id = table.create(
            {"siren": siren, "siret": siret, "region": None, "city": "", "is_member": False,
             "member_since": None, "member_until": None, "version": 0, **values}
        )  # fmt: skip
        self._index_identifiers(row_id, siren, siret)
        self._list_organisation(name, row_id)
        table.outcomes[row_id] = Outcome(
            "organisation", "created", name, record.source.mapping.sheet, record.source.row
        )

    def _list_organisation(self, name: str, row_id: int) -> None:
        if row_id not in self._listed_organisations[name]:
            self._listed_organisations[name].append(row_id)

    # -- projects

    def load_existing(self, keys: set[tuple[int, str]]) -> None:
        ids = [self.project_index[k] for k in keys if k in self.project_index]
        self.existing = store.load_projects(self.session, ids)

    def project_rows(self, rows: list[RowValues], combined: bool, skip_empty_lines: bool) -> None:
        seen: dict[tuple[int, str], Source] = {}
        for record in rows:
            v = record.values
            reference = v.get("reference")
            if not reference:
                if not record.bad:
                    self.problem(record.source, "reference", "required")
                continue
            title = v.get("title")
            if (
                not title
                and not v.get("acronym")
                and v.get("lead")
                and record.source.mapping.reference_from
            ):
                # A grant published without its object: named after its beneficiary.
                title = v["title"] = str(v["lead"])
                self.warn(record.source, "title", "import_title_from_beneficiary")
            if isinstance(title, str) and len(title) > MAX_LENGTH["title"] and not v.get("summary"):
                # A grant's object written at length: whole in the summary, cut in the title.
                v["summary"] = title
                v["title"] = title[: MAX_LENGTH["title"] - 1].rstrip() + "…"
                self.warn(record.source, "title", "import_title_cut", max=MAX_LENGTH["title"])
            if (
                self._too_long(record, "reference")
                or self._too_long(record, "acronym")
                or self._too_long(record, "title")
            ):
                pass
            cluster_id = self.cluster_of(record)
            if cluster_id is None:
                continue
            project_key = (cluster_id, reference)
            project = self.projects.get(project_key)
            if project is not None and project_key in seen and not combined:
                self.problem(
                    record.source,
                    "reference",
                    "import_duplicate_reference",
                    reference=reference,
                    row=seen[project_key].row,
                )
                continue
            seen.setdefault(project_key, record.source)
            values: dict[str, Any] = {}
            for field_key, column in PROJECT_COLUMN.items():
                if field_key in v and field_key != "reference":
                    value = v[field_key]
                    if value is None and column in TEXT_COLUMNS:
                        value = ""
                    if value is None and column == "responsible_digital":
                        value = False
                    values[column] = value
            if project is None:
                pid = self.project_index.get(project_key)
                existing = self.existing.get(pid) if pid is not None else None
                project = ProjectPlan(project_key, record.source, values, existing, id=pid or 0)
                self.projects[project_key] = project
                self._project_children(project, record)
                if record.bad:
                    project.bad = True
            else:
                # Another row of the same project (one row per funding line): it must agree.
                self.plan.merged.append(
                    Merged(
                        record.source.mapping.sheet, record.source.row,
                        project.source.mapping.sheet, project.source.row, project_key,
                    )
                )  # fmt: skip
                for column, value in values.items():
                    if column in project.values and project.values[column] != value:
                        self.problem(
                            record.source,
                            ISSUE_FIELD.get(column, column),
                            "import_conflicting_value",
                            reference=reference,
                            row=project.source.row,
                        )
                        record.bad = True
                if record.bad:
                    project.bad = True
            if "call" in v:
                call_id = self.call_of(v["call"], record.source) if v["call"] else None
                if v["call"] and call_id is None:
                    record.bad = project.bad = True
                project.values["call_id"] = call_id
            if combined:
                line_values: dict[str, Any] = {
                    k: v.get(k)
                    for k in (
                        "funder",
                        "instrument",
                        "beneficiary",
                        "requested",
                        "line_granted",
                        "paid",
                        "decision_on",
                    )
                    if k in v
                }
                if "line_granted" in line_values:
                    line_values["granted"] = line_values.pop("line_granted")
                amounts = [line_values.get(k) for k in ("requested", "granted", "paid")]
                if skip_empty_lines and not any(amounts):
                    continue
                if any(x is not None for x in line_values.values()):
                    self._line(project, record, line_values)

    def _project_children(self, project: ProjectPlan, record: RowValues) -> None:
        v = record.values
        if "domains" in v:
            shares: list[tuple[int, int]] = []
            value_map = self.profile.value_maps.get("domains", {}) if self.profile else {}
            for name, percent in v["domains"] or []:
                if value_map.get(key(name)) == IGNORED:
                    self.warn(record.source, "domains", "import_value_ignored", value=name)
                    continue
                domain_id = self.domain_of(name, record.source, "domains")
                if domain_id is None:
                    record.bad = project.bad = True
                    continue
                self.refs["domain"].used.add(domain_id)
                shares.append((domain_id, percent))
            project.domains = sorted(shares, key=lambda d: (-d[1], d[0]))
        if "regions" in v:
            project.regions = sorted(v["regions"] or [])
        if "lead" in v:
            project.lead_set = True
            if v["lead"]:
                project.lead = self.organisation_of(v["lead"], record.source, "lead")
                if project.lead is None:
                    record.bad = project.bad = True

    # -- funding lines

    def project_for(self, record: RowValues) -> ProjectPlan | None:
        reference = record.values.get("reference")
        if not reference:
            self.problem(record.source, "reference", "required")
            return None
        cluster_id = self.cluster_of(record)
        if cluster_id is None:
            return None
        project_key = (cluster_id, reference)
        project = self.projects.get(project_key)
        if project is None:
            pid = self.project_index.get(project_key)
            if pid is None:
                self.problem(
                    record.source, "reference", "import_unknown_project", reference=reference
                )
                return None
            project = ProjectPlan(project_key, record.source, {}, self.existing.get(pid), id=pid)
            self.projects[project_key] = project
        return project

    def funding_rows(self, rows: list[RowValues]) -> None:
        for record in rows:
            project = self.project_for(record)
            if project is None:
                record.bad = True
                continue
            # _line reads only the line's fields (line_id, funder, instrument, beneficiary,
            # requested, granted, paid, decision_on, granted_override): no copy of them needed.
            self._line(project, record, record.values)

    def _line(self, project: ProjectPlan, record: RowValues, raw: dict[str, Any]) -> None:
        values: dict[str, Any] = {}
        bad = record.bad
        if "funder" in raw:
            if not raw["funder"]:
                self.problem(record.source, "funder", "required")
                bad = True
            else:
                funder_id = self.funder_of(raw["funder"], record.source, "funder")
                bad = bad or funder_id is None
                values["funder_id"] = funder_id
        if "instrument" in raw:
            if not raw["instrument"]:
                self.problem(record.source, "instrument", "required")
                bad = True
            values["instrument"] = raw["instrument"]
        if "beneficiary" in raw:
            beneficiary = raw["beneficiary"]
            values["beneficiary_id"] = (
                self.organisation_of(beneficiary, record.source, "beneficiary")
                if beneficiary
                else None
            )
            bad = bad or bool(beneficiary and values["beneficiary_id"] is None)
        for field_key, column in (
            ("requested", "requested_cents"),
            ("granted", "granted_cents"),
            ("paid", "paid_cents"),
            ("decision_on", "decision_on"),
        ):
            if field_key in raw:
                values[column] = raw[field_key]
        if "granted_override" in raw:
            values["granted_override"] = bool(raw["granted_override"])
        line = LinePlan(record.source, values, bad=bad)
        line_id = raw.get("line_id")
        if line_id:
            line.id = int(line_id)  # matched (or not) against the project's lines later
        project.lines.append(line)

    # -- partners

    def partner_rows(self, rows: list[RowValues]) -> None:
        for record in rows:
            v = record.values
            name = v.get("organisation")
            if not name:
                if not record.bad and v.get("reference"):
                    self.plan.skipped.append(
                        Skipped(
                            record.source.mapping.sheet,
                            record.source.row,
                            "import_skip_no_organisation",
                        )
                    )
                elif not record.bad:
                    self.problem(record.source, "reference", "required")
                continue
            if self._too_long(record, "organisation"):
                continue
            project = self.project_for(record)
            if project is None:
                continue
            siren = normalise_identifier(v["siren"]) if v.get("siren") else None
            attributes: dict[str, Any] = {}
            kind = v.get("org_kind")
            if v.get("org_sme") and (kind is None or kind in COMPANY_KINDS):
                kind = "sme"
            attributes["kind"] = kind
            attributes["city"] = v.get("org_city")
            region = v.get("org_region")
            country = key(v.get("org_country") or "")
            if region is None and country and country not in {"fr", "france", "fra"}:
                region = Region.ABROAD.value
            attributes["region"] = region
            attributes["siret"] = (
                normalise_identifier(v["org_siret"]) if v.get("org_siret") else None
            )
            org_id = self.organisation_of(
                name, record.source, "organisation", siren=siren, attributes=attributes
            )
            if org_id is None:
                project.bad = True
                continue
            role = v.get("role")
            if "role" in v and not role:
                self.problem(record.source, "role", "required")
                record.bad = True
            previous = project.partners.get(org_id)
            if previous is not None and previous.source is not None:
                # The same organisation twice in a project (two of its labs, say): one partner.
                if role == PartnerRole.LEAD.value:
                    previous.role = role
                if v.get("budget") is not None:
                    previous.budget_cents = (previous.budget_cents or 0) + v["budget"]
                self.plan.skipped.append(
                    Skipped(
                        record.source.mapping.sheet,
                        record.source.row,
                        "import_skip_duplicate_partner",
                        {"row": previous.source.row},
                    )
                )
                continue
            project.partners[org_id] = PartnerPlan(
                record.source, org_id, role or PartnerRole.PARTNER.value, v.get("budget"),
                "budget" in v, bad=record.bad,
            )  # fmt: skip

    # -- diffs and validation

    def resolve(self, valid_only: bool) -> None:
        for project in self.projects.values():
            self._diff_project(project)
        self._validate()
        if valid_only:
            self._drop_invalid()
        self._explain_rejected()
        self._summarise()

    def _diff_project(self, project: ProjectPlan) -> None:
        existing = project.existing
        values = project.values
        if existing is None:
            project.action = "created"
            if not project.bad and not values.get("status"):
                self.problem(project.source, "status", "import_required_status")
                project.bad = True
        else:
            changes = [(c, existing.get(c), v) for c, v in values.items() if existing.get(c) != v]
            if project.domains is not None and project.domains != existing["domains"]:
                changes.append(("domains", existing["domains"], project.domains))
            if project.regions is not None and project.regions != existing["regions"]:
                changes.append(("regions", existing["regions"], project.regions))
            project.changes = changes
            project.action = "updated" if changes else "unchanged"
        self._diff_lines(project)
        self._diff_partners(project)

    def _diff_lines(self, project: ProjectPlan) -> None:
        """Pairs the workbook's lines with the project's: same line number and same values first,
        then same funder, instrument, beneficiary and date (a workbook from another database has
        other line numbers), then same line number (an edited line), the rest are new."""
        existing_lines = list(project.existing["lines"]) if project.existing else []
        by_id = {line["id"]: line for line in existing_lines}
        matched: dict[int, dict[str, Any]] = {}  # workbook line index → existing line
        taken: set[int] = set()

        def natural(values: dict[str, Any]) -> tuple[Any, ...]:
            return (
                values.get("funder_id"),
                values.get("instrument"),
                values.get("beneficiary_id"),
                values.get("decision_on"),
            )

        lines = project.lines
        if not existing_lines:  # a new project (or one without lines): every line is new
            for line in lines:
                self._new_line(line)
            return
        for index, line in enumerate(lines):
            target = by_id.get(line.id) if line.id else None
            if target is not None and all(target.get(c) == v for c, v in line.values.items()):
                matched[index] = target
                taken.add(target["id"])
        for index, line in enumerate(lines):
            if index in matched:
                continue
            key_ = natural(line.values)
            for candidate in existing_lines:
                if candidate["id"] not in taken and natural(candidate) == key_:
                    matched[index] = candidate
                    taken.add(candidate["id"])
                    break
        for index, line in enumerate(lines):
            if index in matched or not line.id:
                continue
            target = by_id.get(line.id)
            if target is not None and target["id"] not in taken:
                matched[index] = target
                taken.add(target["id"])
        for index, line in enumerate(lines):
            target = matched.get(index)
            if target is None:
                self._new_line(line)
                continue
            line.id = target["id"]
            line.existing = target
            line.changes = [
                (c, target.get(c), v) for c, v in line.values.items() if target.get(c) != v
            ]
            line.action = "updated" if line.changes else "unchanged"

    def _new_line(self, line: LinePlan) -> None:
        """A line of the workbook that matches none of the project's: created."""
        line.requested_id = line.id
        line.id = 0
        line.action = "created"
        for field_key, column in (("funder", "funder_id"), ("instrument", "instrument")):
            if column not in line.values:
                if line.source is not None:
                    self.problem(
                        line.source,
                        field_key,
                        "import_missing_column_value",
                        column=field_of("funding", field_key).fr,
                    )
                line.bad = True

    def _diff_partners(self, project: ProjectPlan) -> None:
        existing = {
            p["organisation_id"]: p
            for p in (project.existing["partners"] if project.existing else [])
        }
        partners = project.partners
        # The projects sheet names the lead and no partner rows say otherwise.
        if (
            project.lead_set
            and project.lead is not None
            and not any(p.source is not None for p in partners.values())
        ):
            partners[project.lead] = PartnerPlan(
                None, project.lead, PartnerRole.LEAD.value, None, False
            )
        for org_id, partner in partners.items():
            current = existing.get(org_id)
            if current is None:
                partner.action = "created"
                continue
            partner.existing = current
            partner.id = current["id"]
            if not partner.budget_set:
                partner.budget_cents = current["budget_cents"]
            diffs: list[tuple[str, Any, Any]] = []
            if current["role"] != partner.role:
                diffs.append(("role", current["role"], partner.role))
            if current["budget_cents"] != partner.budget_cents:
                diffs.append(("budget_cents", current["budget_cents"], partner.budget_cents))
            partner.changes = diffs
            partner.action = "updated" if diffs else "unchanged"
        new_leads = [o for o, p in partners.items() if p.role == PartnerRole.LEAD.value]
        if len(new_leads) == 1:
            for org_id, current in existing.items():
                if current["role"] == PartnerRole.LEAD.value and org_id not in partners:
                    demoted = PartnerPlan(
                        None,
                        org_id,
                        PartnerRole.PARTNER.value,
                        current["budget_cents"],
                        False,
                        current,
                        current["id"],
                        "updated",
                        [("role", current["role"], PartnerRole.PARTNER.value)],
                    )
                    partners[org_id] = demoted

    def merged_record(self, project: ProjectPlan) -> tuple[ProjectRecord, list[LinePlan | None]]:
        """The project as it would be after the import (for the rules)."""
        base = (
            project.values if project.existing is None else {**project.existing, **project.values}
        )
        record = ProjectRecord(
            cluster_id=project.key[0], reference=project.key[1],
            acronym=base.get("acronym") or "", title=base.get("title") or "",
            status=ProjectStatus(base["status"]) if base.get("status") in ProjectStatus._value2member_map_ else ProjectStatus.DRAFT,
            total_budget_cents=base.get("total_budget_cents"), eligible_costs_cents=base.get("eligible_costs_cents"),
            assessment=Assessment(base.get("rd_carbon"), base.get("rd_resources"), base.get("rd_recyclability"), base.get("rd_energy"), base.get("rd_ethics")),
        )  # fmt: skip
        for name in (
            "submitted_on",
            "evaluated_on",
            "labelling_decided_on",
            "funding_decided_on",
            "closed_on",
            "abandoned_on",
            "start_on",
            "end_on",
        ):
            setattr(record, name, base.get(name))
        domains = (
            project.domains
            if project.domains is not None
            else (project.existing or {}).get("domains", [])
        )
        record.domains = [DomainShare(d, p) for d, p in domains]
        partners: dict[int, PartnerRecord] = {}
        for current in (project.existing or {}).get("partners", []):
            partners[current["organisation_id"]] = PartnerRecord(
                current["organisation_id"], PartnerRole(current["role"]), current["budget_cents"]
            )
        for org_id, partner in project.partners.items():
            if partner.bad:
                continue
            role = _ROLES.get(partner.role) or PartnerRole(partner.role)
            partners[org_id] = PartnerRecord(org_id, role, partner.budget_cents)
        record.partners = list(partners.values())
        origins: list[LinePlan | None] = []
        lines_by_id: dict[int, LinePlan] = {line.id: line for line in project.lines if line.id}
        for current in (project.existing or {}).get("lines", []):
            plan_line = lines_by_id.get(current["id"])
            values = dict(current)
            if plan_line is not None:
                values.update(plan_line.values)
            record.funding_lines.append(_line_record(values))
            origins.append(plan_line)
        for line in project.lines:
            if line.action == "created" and not line.bad:
                record.funding_lines.append(_line_record(line.values))
                origins.append(line)
        return record, origins

    def _validate(self) -> None:
        for project in self.projects.values():
            if project.bad:
                continue
            writes = (
                project.action != "unchanged"
                or any(line.action != "unchanged" for line in project.lines)
                or any(p.action != "unchanged" for p in project.partners.values())
            )
            if not writes:
                continue
            record, origins = self.merged_record(project)
            before = None
            if project.existing is not None:
                before, _ = self.merged_record(
                    ProjectPlan(project.key, project.source, {}, project.existing)
                )
            errors, warnings = rules.split_change(
                before, record, today=self.today, context=self._evaluations_of(project)
            )
            for issue in errors:
                self._place_issue(project, issue, origins)
            if warnings and not project.bad:
                self.plan.warnings.append((project, warnings))

    def _evaluations_of(self, project: ProjectPlan) -> rules.ProjectContext:
        """An existing project's evaluations and their experts' ties, when its partners change
        (conflicts of interest are checked again); none to check otherwise."""
        if project.existing is None or not any(
            p.action != "unchanged" for p in project.partners.values()
        ):
            return rules.ProjectContext(domain_poles=self._domain_poles())
        evaluations = repository.load_evaluations(self.session, project.existing["id"])
        return rules.ProjectContext(
            evaluations=evaluations,
            expert_ties={
                e.expert_id: repository.expert_ties(self.session, e.expert_id) for e in evaluations
            },
            domain_poles=self._domain_poles(),
        )

    def _domain_poles(self) -> dict[int, rules.DomainPole]:
        """The domains of one pole's roadmap as this workbook leaves them (its Domaines sheet may
        give a domain to a pole, or share it), built once the reference sheets are read."""
        if self._domain_poles_cache is None:
            domains, poles = self.refs["domain"].rows, self.refs["cluster"].rows
            self._domain_poles_cache = {
                domain_id: rules.DomainPole(
                    row["cluster_id"], row["name"], poles[row["cluster_id"]]["name"]
                )
                for domain_id, row in domains.items()
                if row.get("cluster_id") is not None and row["cluster_id"] in poles
            }
        return self._domain_poles_cache

    def _place_issue(
        self, project: ProjectPlan, issue: rules.Issue, origins: list[LinePlan | None]
    ) -> None:
        params = dict(issue.params)
        if issue.field.startswith("funding_lines["):
            index = int(issue.field[len("funding_lines[") : issue.field.index("]")])
            column = issue.field.split(".", 1)[1] if "." in issue.field else ""
            line = origins[index] if index < len(origins) else None
            if line is not None and line.source is not None:
                self.problem(
                    line.source, LINE_ISSUE_FIELD.get(column, column), issue.code, **params
                )
                line.bad = True
                return
            self.problem(project.source, "reference", issue.code, **params)
            project.bad = True
            return
        if issue.field == "partners":
            sources = [p.source for p in project.partners.values() if p.source is not None]
            if sources:
                self.problem(sources[0], "organisation", issue.code, **params)
                for partner in project.partners.values():
                    partner.bad = True
                project.bad = True
                return
        field_key = ISSUE_FIELD.get(issue.field, issue.field)
        if field_key == "other":
            field_key = "reference"
        self.problem(project.source, field_key, issue.code, **params)
        project.bad = True

    def _drop_invalid(self) -> None:
        for project in self.projects.values():
            # A new funded project whose every funding line is rejected would be "funded" with
            # 0 €: it is left out with them (and its row says why).
            if (
                not project.bad
                and project.existing is None
                and project.values.get("status") == "funded"
                and project.lines
                and all(line.bad for line in project.lines)
            ):
                self.problem(
                    project.source, "status", "import_funded_lines_rejected",
                    reference=project.key[1],
                )  # fmt: skip
                project.bad = True

    def _explain_rejected(self) -> None:
        """Every row of a project left out says so, unless it says why already: its first row,
        the rows merged into it, its funding lines' and partners' rows (each row accounted for,
        valid rows only or not)."""
        placed = {(p.sheet, p.row) for p in self.plan.problems}
        sheets = {mapping.sheet: mapping for mapping in self.plan.mappings}
        merged: dict[tuple[int, str], list[Source]] = defaultdict(list)
        for m in self.plan.merged:
            merged[m.project].append(Source(sheets[m.sheet], m.row))
        for project in self.projects.values():
            if not project.bad:
                continue
            rows = [project.source, *merged.get(project.key, [])]
            rows += [line.source for line in project.lines if line.source is not None]
            rows += [p.source for p in project.partners.values() if p.source is not None]
            for source in rows:
                where = (source.mapping.sheet, source.row)
                if where not in placed:
                    placed.add(where)
                    self.problem(
                        source, "reference", "import_project_rejected", reference=project.key[1]
                    )
            for line in project.lines:
                line.bad = True
            for partner in project.partners.values():
                partner.bad = True

    def _summarise(self) -> None:
        plan = self.plan
        counts = {
            k: {"created": 0, "updated": 0, "unchanged": 0}
            for k in ("projects", "funding_lines", "organisations", "partners", "funders", "domains", "calls", "clusters")
        }  # fmt: skip
        for project in self.projects.values():
            if project.bad:
                continue
            if project.source.mapping.kind == "projects":
                counts["projects"][project.action] += 1
            lines = counts["funding_lines"]
            for line in project.lines:
                if not line.bad:
                    lines[line.action] += 1
            for partner in project.partners.values():
                if not partner.bad:
                    counts["partners"][partner.action] += 1
            plan.projects.append(project)
        kept = plan.projects
        self.refs["organisation"].used |= self._used_organisations()
        self.refs["funder"].used |= {
            line.values["funder_id"]
            for p in kept
            for line in p.lines
            if not line.bad and line.values.get("funder_id")
        }
        self.refs["call"].used |= {p.values["call_id"] for p in kept if p.values.get("call_id")}
        # A cluster a rejected row would have created is not created; those the clusters sheet
        # lists are.
        self.refs["cluster"].used = {p.key[0] for p in kept} | {
            i for i in self.refs["cluster"].used if i > 0 or i in self.refs["cluster"].outcomes
        }
        for row_id in list(self.refs["call"].used):
            funder_id = self.refs["call"].rows[row_id].get("funder_id")
            if funder_id:
                self.refs["funder"].used.add(funder_id)
        for name, table_name in _REFERENCE_TABLES:
            table = self.refs[table_name]
            counts[name]["created"] += sum(1 for row_id in table.new_ids if row_id in table.used)
            for row_id, outcome in table.outcomes.items():
                if row_id > 0:
                    counts[name][outcome.action] += 1
        plan.counts = counts

    def _used_organisations(self) -> set[int]:
        used: set[int] = set()
        for project in self.plan.projects:
            for partner in project.partners.values():
                if not partner.bad:
                    used.add(partner.organisation_id)
            for line in project.lines:
                if not line.bad and line.values.get("beneficiary_id"):
                    used.add(line.values["beneficiary_id"])
            if project.lead is not None:
                used.add(project.lead)
        table = self.refs["organisation"]
        used |= {
            i for i, o in table.outcomes.items() if o.sheet and self._is_reference_sheet(o.sheet)
        }
        return used

    def _is_reference_sheet(self, sheet: str) -> bool:
        return any(m.sheet == sheet and m.kind == "organisations" for m in self.plan.mappings)


_REFERENCE_TABLES = (
    ("organisations", "organisation"),
    ("funders", "funder"),
    ("domains", "domain"),
    ("calls", "call"),
    ("clusters", "cluster"),
)


def _outcomes_of(plan: ImportPlan) -> Iterable[Outcome]:
    names = plan.refs["organisation"].rows
    for project in plan.projects:
        if project.source.mapping.kind == "projects":
            yield Outcome(
                "project", project.action, project.key[1], project.source.mapping.sheet,
                project.source.row, project.changes,
            )  # fmt: skip
        for line in project.lines:
            if not line.bad and line.source is not None:
                yield Outcome(
                    "funding_line", line.action, project.key[1], line.source.mapping.sheet,
                    line.source.row, line.changes,
                )  # fmt: skip
        for partner in project.partners.values():
            if not partner.bad:
                source = partner.source or project.source
                label = f"{project.key[1]} — {names[partner.organisation_id]['name']}"
                yield Outcome(
                    "partner", partner.action, label, source.mapping.sheet, source.row,
                    partner.changes,
                )  # fmt: skip
    for _name, table_name in _REFERENCE_TABLES:
        table = plan.refs[table_name]
        for row_id in table.new_ids:
            if row_id in table.used:
                yield table.outcomes.get(row_id) or Outcome(
                    table_name, "created", _label(table.rows[row_id])
                )
        for row_id, outcome in table.outcomes.items():
            if row_id > 0:
                yield outcome


def _label(row: dict[str, Any]) -> str:
    return str(row.get("name") or row.get("code") or row.get("id"))


#: An instrument's value → the instrument (what `Instrument(value)` returns, without its cost).
_INSTRUMENTS: dict[str, Instrument] = {i.value: i for i in Instrument}
_ROLES: dict[str, PartnerRole] = {r.value: r for r in PartnerRole}


def _line_record(values: dict[str, Any]) -> FundingLineRecord:
    instrument = values.get("instrument")
    return FundingLineRecord(
        funder_id=values.get("funder_id") or 0,
        instrument=_INSTRUMENTS.get(instrument, Instrument.GRANT)
        if isinstance(instrument, str)
        else Instrument.GRANT,
        requested_cents=values.get("requested_cents"),
        granted_cents=values.get("granted_cents"),
        paid_cents=values.get("paid_cents"),
        decision_on=values.get("decision_on"),
        beneficiary_id=values.get("beneficiary_id"),
        granted_override=bool(values.get("granted_override")),
    )


_FUNDER_HINTS = (
    (("region ",), FunderKind.REGION),
    (
        (
            "union europeenne",
            "commission europeenne",
            "feder",
            "horizon",
            "erc",
            "eu ",
            "interreg",
            "pcrd",
        ),
        FunderKind.EU,
    ),
    (
        ("anr", "bpi", "ademe", "agence", "caisse des depots", "cnes", "inca"),
        FunderKind.STATE_AGENCY,
    ),
    (("etat", "ministere", "france 2030", "pia", "dge", "fui", "prefecture"), FunderKind.STATE),
    (
        (
            "metropole",
            "departement",
            "conseil departemental",
            "communaute",
            "ville de",
            "agglomeration",
        ),
        FunderKind.LOCAL_AUTHORITY,
    ),
    (
        ("banque", "business angel", "fonds", "credit", "capital", "ventures", "invest"),
        FunderKind.PRIVATE,
    ),
)


def guess_funder_kind(name: str) -> str:
    """A new funder's kind from its name (listed in the preview; editable afterwards)."""
    folded = " " + key(name) + " "
    for words, kind in _FUNDER_HINTS:
        if any(f" {w}" in folded for w in words):
            return kind.value
    return FunderKind.STATE.value


_ORGANISATION_HINTS = (
    (
        (
            "universite",
            "university",
            "ecole",
            "insa",
            "institut national polytechnique",
            "imt ",
            "ens ",
        ),
        OrganisationKind.HIGHER_EDUCATION,
    ),
    (
        (
            "cnrs",
            "inria",
            "inrae",
            "inserm",
            "cea",
            "ifremer",
            "laboratoire",
            "onera",
            "ird",
            "inra ",
            "irstea",
            "brgm",
            "ifsttar",
            "umr",
        ),
        OrganisationKind.RESEARCH,
    ),
    (("association", "fondation", "foundation"), OrganisationKind.ASSOCIATION),
    (
        (
            "chu",
            "hopital",
            "centre hospitalier",
            "ministere",
            "mairie",
            "region ",
            "departement",
            "metropole",
            "agence",
        ),
        OrganisationKind.PUBLIC_BODY,
    ),
)


def guess_organisation_kind(name: str) -> str:
    """A new organisation's kind from its name when the file does not say (SME otherwise)."""
    folded = " " + key(name) + " "
    for words, kind in _ORGANISATION_HINTS:
        if any(f" {w}" in folded for w in words):
            return kind.value
    return OrganisationKind.SME.value


def build_plan(
    session: Any,
    workbook: WorkbookData,
    mappings: list[SheetMapping],
    profile: Profile | None,
    sheet_profiles: dict[str, SheetProfile],
    *,
    valid_only: bool = False,
    progress: Callable[[float], None] | None = None,
    create_missing: bool = False,
) -> ImportPlan:
    """Reads the mapped sheets and compares them with the portfolio (nothing is written)."""
    planner = Planner(session, workbook, mappings, profile, sheet_profiles)
    planner.create_missing = create_missing
    plan = planner.plan
    rows_by_kind: dict[str, list[tuple[SheetMapping, list[RowValues]]]] = defaultdict(list)
    active = [m for m in mappings if m.kind]
    for index, mapping in enumerate(active):
        assert mapping.kind is not None
        sheet_profile = sheet_profiles.get(mapping.sheet)
        _check_required(mapping, sheet_profile, plan)
        rows = read_rows(workbook, mapping, sheet_profile, profile, plan)
        rows_by_kind[mapping.kind].append((mapping, rows))
        if progress is not None:
            progress(0.5 * (index + 1) / max(len(active), 1))
    if any(p.code == "import_missing_column" for p in plan.problems):
        plan.counts = {}
        return plan
    for kind in ("clusters", "domains", "funders", "calls", "organisations"):
        for _mapping, rows in rows_by_kind.get(kind, []):
            planner.reference_sheet(kind, rows)
    keys: set[tuple[int, str]] = set()
    peeked: dict[Any, int | None] = {}  # a cluster cell as written → its cluster, if one
    for kind in ("projects", "funding", "partners"):
        for _mapping, rows in rows_by_kind.get(kind, []):
            for record in rows:
                reference = record.values.get("reference")
                if reference:
                    raw = record.values.get("cluster")
                    try:
                        cluster_id = peeked[raw]
                    except KeyError:
                        cluster_id = peeked[raw] = _peek_cluster(planner, record)
                    except TypeError:  # an unhashable cell value
                        cluster_id = _peek_cluster(planner, record)
                    if cluster_id is not None:
                        keys.add((cluster_id, reference))
    planner.load_existing(keys)
    if progress is not None:
        progress(0.6)
    for mapping, rows in rows_by_kind.get("projects", []):
        combined = (
            bool(
                mapping.mapped()
                & {"funder", "instrument", "requested", "line_granted", "paid", "decision_on"}
            )
            or bool(
                sheet_profiles.get(mapping.sheet)
                and {"funder", "instrument"} & set(sheet_profiles[mapping.sheet].constants)
            )
            or bool({"funder", "instrument"} & set(mapping.fixed))
        )
        skip_empty = bool(
            sheet_profiles.get(mapping.sheet) and sheet_profiles[mapping.sheet].skip_empty_lines
        )
        if combined:
            plan.line_sheets.append(mapping.sheet)
        planner.project_rows(rows, combined, skip_empty)
    for _mapping, rows in rows_by_kind.get("funding", []):
        planner.funding_rows(rows)
    for _mapping, rows in rows_by_kind.get("partners", []):
        planner.partner_rows(rows)
    if progress is not None:
        progress(0.75)
    planner.resolve(valid_only)
    plan.follow_up = plan_follow_up(planner, session, workbook)
    plan.counts.update(plan.follow_up.counts())
    if progress is not None:
        progress(1.0)
    return plan


def _peek_cluster(planner: Planner, record: RowValues) -> int | None:
    raw = record.values.get("cluster")
    table = planner.refs["cluster"]
    if raw:
        found = planner.cluster_ids(str(raw))
        return found[0] if len(found) == 1 else None
    if len(table.rows) == 1:
        return int(next(iter(table.rows)))
    return None


def _check_required(
    mapping: SheetMapping, sheet_profile: SheetProfile | None, plan: ImportPlan
) -> None:
    """A sheet without a column the records need (or a constant for it) cannot be imported."""
    assert mapping.kind is not None
    present = (
        mapping.mapped()
        | set(sheet_profile.constants if sheet_profile else {})
        | set(mapping.fixed)
        | set(mapping.defaults)
    )
    if mapping.reference_from:
        present.add("reference")
    needed = {f.key for f in FIELDS[mapping.kind] if f.required} - {"status"}
    if mapping.kind == "projects" and present & {"line_granted", "requested", "paid"}:
        needed |= {"funder", "instrument"}
    for field_key in sorted(needed - present):
        label = field_of(mapping.kind, field_key).fr
        plan.problems.append(
            Problem(
                mapping.sheet, mapping.header_row, label, "import_missing_column", {"column": label}
            )
        )

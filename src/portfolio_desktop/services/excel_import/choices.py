"""What the user says about a file the importer could not know: its header row, which header
fills which field, values for the whole file, values to ignore, and whether unknown names may be
created.

The same choices come from the command line (`--header-row`, `--map`, `--mapping FILE.json`,
`--set`, `--ignore-value`, `--create-missing`) and from the wizard; `apply_choices` turns them
into the sheets' mappings. `row_fates` says, sheet by sheet, what became of every data row (`row_accounts` counts
it, `merged_rows` names the rows merged).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...domain.text import key
from ...errors import KnownError
from .headers import (
    FIELDS,
    HOW_USER,
    SheetMapping,
    _refine,
    detect_mapping,
    header_keys,
    normalise_granted,
)
from .profiles import Profile
from .values import IGNORED, parse_text

if TYPE_CHECKING:
    from .plan import ImportPlan, Merged

#: Kinds a sheet the importer did not recognise is tried as, when the user maps its columns.
_MAPPABLE = ("projects", "funding", "partners")


@dataclass(slots=True)
class ImportChoices:
    """The user's word on a file (every part optional)."""

    #: 1-based header row, for every sheet (None: found by the importer).
    header_row: int | None = None
    #: A header as written (any case, accents, spacing) → a field (its code, or its French or
    #: English header); an empty field leaves the column out.
    columns: dict[str, str] = field(default_factory=dict)
    #: A field → one value for every row of the file.
    fixed: dict[str, str] = field(default_factory=dict)
    #: Create the funders, calls and domains the file names and the portfolio lacks.
    create_missing: bool = False
    #: A field → values as written to read as empty (with a warning) instead of stopping a row.
    ignored: dict[str, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(
            self.header_row or self.columns or self.fixed or self.create_missing or self.ignored
        )


def resolve_field(kind: str, name: str) -> str | None:
    """The field of `kind` a user names: its code (`line_granted`), or its French or English
    header as the export writes it (`Financeur`, `Funder`), any case or accents."""
    wanted = key(name)
    if not wanted:
        return None
    for f in FIELDS[kind]:
        if wanted in {key(f.key), key(f.key.replace("_", " "))}:
            return f.key
    for f in FIELDS[kind]:
        if wanted in header_keys(f.fr) or wanted in header_keys(f.en):
            return f.key
    return None


def _pairs(items: Sequence[str], option: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise KnownError("import_option_pair", option=option, value=item)
        pairs[name.strip()] = value.strip()
    return pairs


def choices_from_arguments(
    *,
    header_row: int | None = None,
    maps: Sequence[str] = (),
    sets: Sequence[str] = (),
    mapping_file: str | None = None,
    create_missing: bool = False,
    ignores: Sequence[str] = (),
) -> ImportChoices:
    """The command line's options as choices; a `--mapping` file first, the options over it."""
    choices = ImportChoices(header_row=header_row, create_missing=create_missing)
    if mapping_file:
        loaded = load_mapping_file(Path(mapping_file))
        choices.columns.update(loaded.columns)
        choices.fixed.update(loaded.fixed)
        choices.header_row = choices.header_row or loaded.header_row
        choices.create_missing = choices.create_missing or loaded.create_missing
        choices.ignored.update(loaded.ignored)
    choices.columns.update(_pairs(maps, "--map"))
    choices.fixed.update(_pairs(sets, "--set"))
    for item in ignores:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise KnownError("import_option_pair", option="--ignore-value", value=item)
        choices.ignored.setdefault(name.strip(), []).append(value.strip())
    if choices.header_row is not None and choices.header_row < 1:
        raise KnownError("import_header_row_invalid", row=choices.header_row)
    return choices


def load_mapping_file(path: Path) -> ImportChoices:
    """A mapping file: `{"header_row": 3, "columns": {"Header": "field"}, "set": {"field":
    "value"}, "ignore": {"field": ["value", …]}, "create_missing": false}` (every key
    optional)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise KnownError(
            "import_mapping_file_unreadable", path=str(path), reason=str(error)
        ) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise KnownError("import_mapping_file_invalid", path=str(path), reason=str(error)) from None
    if not isinstance(data, dict):
        raise KnownError("import_mapping_file_invalid", path=str(path), reason="{…}")
    row = data.get("header_row")
    columns = data.get("columns", {})
    fixed = data.get("set", {})
    ignore = data.get("ignore", {})
    if (
        not (row is None or (isinstance(row, int) and not isinstance(row, bool)))
        or not isinstance(columns, dict)
        or not isinstance(fixed, dict)
        or not isinstance(ignore, dict)
        or not all(isinstance(v, list | str) for v in ignore.values())
    ):
        raise KnownError(
            "import_mapping_file_invalid", path=str(path),
            reason="header_row, columns, set, ignore",
        )  # fmt: skip
    return ImportChoices(
        header_row=row,
        columns={str(k): "" if v is None else str(v) for k, v in columns.items()},
        fixed={str(k): "" if v is None else str(v) for k, v in fixed.items()},
        create_missing=bool(data.get("create_missing", False)),
        ignored={
            str(k): [str(x) for x in ([v] if isinstance(v, str) else v)] for k, v in ignore.items()
        },
    )


def with_ignored(
    profile: Profile | None, mappings: Sequence[SheetMapping], ignored: Mapping[str, Sequence[str]]
) -> Profile:
    """A copy of `profile` (or a new unnamed one) whose value maps read the values the user chose
    to ignore as empty (`IGNORED`). A field is named as `--set` names it, or by the header of
    the file's column that fills it; a name no sheet being imported has is refused
    (KnownError)."""
    maps = {k: dict(v) for k, v in (profile.value_maps if profile else {}).items()}
    active = [m for m in mappings if m.kind]
    for name, values in ignored.items():
        field_key = next(
            (f for m in active if m.kind and (f := resolve_field(m.kind, name))), None
        ) or next(
            (
                m.columns[i]
                for m in active
                if (i := _column_index(m, name)) is not None and i < len(m.columns)
            ),
            None,
        )
        if field_key is None:
            raise KnownError("import_set_unknown_field", field=name)
        for value in values:
            maps.setdefault(field_key, {})[key(value)] = IGNORED
    if profile is None:
        return Profile(name="", sheets=[], value_maps=maps)
    return replace(profile, value_maps=maps)


def _column_index(mapping: SheetMapping, header: str) -> int | None:
    wanted = set(header_keys(header)) if header.strip() else set()
    for index, text in enumerate(mapping.headers):
        if text and wanted & set(header_keys(text)):
            return index
    return None


def _sheet_for_columns(
    name: str, rows: Sequence[Sequence[Any]], headers: Mapping[str, str], header_row: int | None
) -> SheetMapping | None:
    """A sheet the importer did not recognise, read on the row holding the user's headers."""
    wanted = [set(header_keys(h)) for h in headers if h.strip()]
    candidates = [header_row] if header_row else range(1, min(len(rows), 30) + 1)
    for row_number in candidates:
        if not 0 < row_number <= len(rows):
            continue
        keys = [set(header_keys(parse_text(c))) for c in rows[row_number - 1]]
        if wanted and all(any(w & k for k in keys) for w in wanted):
            for kind in _MAPPABLE:
                found = detect_mapping(name, rows, kind, row_number)
                if found.kind:
                    return found
            headers_text = [parse_text(c) for c in rows[row_number - 1]]
            return SheetMapping(
                name, "projects", row_number, headers_text, [None] * len(headers_text),
                [1] * len(headers_text), how=[""] * len(headers_text),
            )  # fmt: skip
    return None


def apply_choices(
    mappings: list[SheetMapping], sheets: Mapping[str, Sequence[Sequence[Any]]],
    choices: ImportChoices,
) -> list[SheetMapping]:  # fmt: skip
    """The mappings with the user's header row, columns and fixed values; a header or field the
    user names that no sheet has, or a value a field cannot take, is refused (KnownError)."""
    result: list[SheetMapping] = []
    for mapping in mappings:
        rows = sheets[mapping.sheet]
        if choices.header_row is not None:
            found = detect_mapping(mapping.sheet, rows, mapping.kind, choices.header_row)
            if found.kind is None and mapping.kind is None:
                found = next(
                    (
                        m
                        for k in _MAPPABLE
                        if (m := detect_mapping(mapping.sheet, rows, k, choices.header_row)).kind
                    ),
                    found,
                )
            mapping = found
        if mapping.kind is None and choices.columns:
            mapping = (
                _sheet_for_columns(mapping.sheet, rows, choices.columns, choices.header_row)
                or mapping
            )
        result.append(mapping)
    active = [m for m in result if m.kind]
    if choices.header_row is not None and not active:
        raise KnownError("import_header_row_empty", row=choices.header_row)
    for header, target in choices.columns.items():
        placed = False
        for mapping in active:
            index = _column_index(mapping, header)
            if index is None:
                continue
            assert mapping.kind is not None
            field_key = resolve_field(mapping.kind, target) if target else None
            if target and field_key is None:
                raise KnownError("import_map_unknown_field", field=target, header=header)
            mapping.assign(index, field_key, HOW_USER)
            placed = True
        if not placed:
            raise KnownError("import_map_unknown_header", header=header)
    for mapping in active:
        if choices.columns:
            assert mapping.kind is not None
            mapping.kind = _refine(mapping.kind, mapping.columns)
            normalise_granted(mapping)
    for name, value in choices.fixed.items():
        placed = False
        for mapping in active:
            assert mapping.kind is not None
            field_key = resolve_field(mapping.kind, name)
            if field_key is None:
                continue
            mapping.fixed[field_key] = value
            placed = True
        if not placed:
            raise KnownError("import_set_unknown_field", field=name)
    return result


@dataclass(slots=True)
class SheetRows:
    """What became of the data rows (those below the header row) of one sheet read: each is
    imported, merged into an earlier row of the same project, skipped or invalid, once."""

    sheet: str
    read: int
    skipped: set[int]
    invalid: set[int]
    #: Row → the row it was merged into.
    merged: dict[int, Merged]

    @property
    def imported(self) -> int:
        return self.read - len(self.skipped) - len(self.invalid) - len(self.merged)


def row_fates(plan: ImportPlan) -> list[SheetRows]:
    """Sheet by sheet, what became of every data row: `row_accounts` counts it, `merged_rows`
    names the merges, the error report writes the skipped and invalid rows. Kept on the plan
    until its rows or problems change."""
    key = (len(plan.problems), len(plan.skipped), len(plan.merged), len(plan.projects))
    if plan._fates is not None and plan._fates[0] == key:
        return list(plan._fates[1])
    fates = _row_fates(plan)
    plan._fates = (key, fates)
    return list(fates)


def _row_fates(plan: ImportPlan) -> list[SheetRows]:
    kept = {p.key for p in plan.projects} if plan.merged else set()
    fates: list[SheetRows] = []
    for mapping in plan.mappings:
        if not mapping.kind or not mapping.header_row:
            continue
        sheet = plan.workbook.sheet(mapping.sheet)
        read = max(len(sheet.rows) - mapping.header_row, 0)
        skipped = {s.row for s in plan.skipped if s.sheet == mapping.sheet}
        mine = [p for p in plan.problems if p.sheet == mapping.sheet]
        if any(p.code == "import_missing_column" for p in mine):
            # The sheet lacks a column its records need: none of its rows can be imported.
            rows = range(mapping.header_row + 1, mapping.header_row + read + 1)
            invalid = {r for r in rows if r not in skipped}
        else:
            invalid = {p.row for p in mine if p.row > mapping.header_row}
        invalid -= skipped
        merged = {
            m.row: m
            for m in plan.merged
            if m.sheet == mapping.sheet
            and m.project in kept
            and m.row not in invalid
            and m.row not in skipped
        }
        fates.append(SheetRows(mapping.sheet, read, skipped, invalid, merged))
    return fates


def row_accounts(plan: ImportPlan) -> dict[str, dict[str, int]]:
    """For every sheet read: its data rows and what became of each — imported, merged into an
    earlier row of the same project, skipped (with its reason in the report) or invalid (with
    its error); the four add up to `read`."""
    return {
        f.sheet: {
            "read": f.read,
            "imported": f.imported,
            "merged": len(f.merged),
            "skipped": len(f.skipped),
            "invalid": len(f.invalid),
        }
        for f in row_fates(plan)
    }


def merged_rows(plan: ImportPlan) -> list[Merged]:
    """The rows merged into an earlier row of their project, sheet by sheet in row order (as
    many as `row_accounts` counts)."""
    return [f.merged[row] for f in row_fates(plan) for row in sorted(f.merged)]


@dataclass(slots=True)
class MergeRule:
    """How the rows of a projects sheet read one row per funding line are grouped into projects
    (what the preview states): the rows of one reference are one project."""

    sheet: str
    #: The headers a generated reference is made of (empty: the sheet's reference column).
    generated_from: list[str]
    #: The sheet names each row's cluster: a reference is one cluster's.
    by_cluster: bool


def merge_rules(plan: ImportPlan) -> list[MergeRule]:
    """The rule of every projects sheet whose rows of one project are merged (a sheet of one
    row per project refuses a repeated reference instead)."""
    return [
        MergeRule(
            mapping.sheet,
            [mapping.header_label(i) for i in mapping.reference_from],
            mapping.column_of("cluster") is not None,
        )
        for mapping in plan.mappings
        if mapping.kind == "projects" and mapping.sheet in plan.line_sheets
    ]


def mapping_report(mappings: Sequence[SheetMapping]) -> list[dict[str, Any]]:
    """Per sheet: the header row found, each mapped header → field and how it was decided, the
    columns left unmapped, the fixed values and what generated references are made of."""
    report: list[dict[str, Any]] = []
    for mapping in mappings:
        if not mapping.kind:
            continue
        columns = [
            {"header": mapping.header_label(i), "field": f, "how": mapping.how_of(i)}
            for i, f in enumerate(mapping.columns)
            if f
        ]
        unmapped = [
            mapping.header_label(i)
            for i, f in enumerate(mapping.columns)
            if not f and i < len(mapping.headers) and mapping.headers[i]
        ]
        report.append(
            {
                "sheet": mapping.sheet,
                "kind": mapping.kind,
                "header_row": mapping.header_row,
                "columns": columns,
                "unmapped": unmapped,
                "set": dict(mapping.fixed),
                "defaults": dict(mapping.defaults),
                "generated_reference_from": [
                    mapping.header_label(i) for i in mapping.reference_from
                ],
            }
        )
    return report

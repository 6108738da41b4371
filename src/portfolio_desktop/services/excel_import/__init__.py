"""Excel import: any workbook staff receive, mapped, validated, previewed and committed atomically.

parse (`reader`) → map (`headers`, `profiles`) → validate and preview (`plan`) → commit (`commit`),
in one transaction, with a report that names sheet, row, column and reason; `error_report` writes
the rejected rows back into a workbook for whoever sent the file.

    report = import_workbook(db, path, dry_run=False, valid_only=False, profile=None, progress=None)
    report.ok, report.to_json(), report.batch_id
    undo_import(db, batch_id)

The desktop's wizard uses the steps one by one: `open_workbook` (read and propose a mapping),
`preview` (a dry run with the plan) and `commit`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ... import messages
from ...errors import KnownError
from ...storage.database import Database
from .. import money_sheets
from ..portfolio import current_user
from ..progress import Progress
from ..safety import backup_before_import, changed_records
from .choices import (
    ImportChoices,
    apply_choices,
    mapping_report,
    merged_rows,
    row_accounts,
    row_fates,
    with_ignored,
)
from .commit import UndoRefusedError, undo_import, write_plan
from .follow_up_sheets import is_follow_up_sheet
from .headers import (
    SheetMapping,
    apply_columns,
    detect_mapping,
    plan_references,
    propose_grant_defaults,
    signature,
)
from .plan import ImportPlan, Outcome, Problem, Skipped, build_plan
from .profiles import (
    Profile,
    SheetProfile,
    all_profiles,
    best_fit,
    find_profile,
    fit_profile,
    save_profile,
)
from .reader import UnreadableFileError, WorkbookData, read_workbook

__all__ = [
    "ImportChoices",
    "ImportReport",
    "ImportSetup",
    "UndoRefusedError",
    "UnreadableFileError",
    "commit",
    "import_workbook",
    "open_workbook",
    "preview",
    "profile_from_setup",
    "undo_import",
]

COUNTED = (
    "projects", "funding_lines", "organisations",
    "experts", "evaluations", "committees", "submissions", "follow_up",
)  # fmt: skip


@dataclass(slots=True)
class ImportSetup:
    """A workbook read and mapped: what the wizard's mapping page shows and edits."""

    workbook: WorkbookData
    mappings: list[SheetMapping]
    profile: Profile | None = None
    sheet_profiles: dict[str, SheetProfile] = field(default_factory=dict)
    #: The saved or built-in profile that recognised the file ("" when none did).
    proposed: str = ""
    #: The user's word on the file (header row, columns, fixed values, create missing names).
    choices: ImportChoices = field(default_factory=ImportChoices)

    def mapping(self, sheet: str) -> SheetMapping:
        return next(m for m in self.mappings if m.sheet == sheet)


@dataclass(slots=True)
class ImportReport:
    """What an import did (or would do): counts, skipped and merged rows, errors, the batch
    written."""

    ok: bool
    dry_run: bool
    counts: dict[str, dict[str, int]]
    skipped: list[Skipped]
    problems: list[Problem]
    batch_id: int | None = None
    plan: ImportPlan | None = None
    file: str = ""
    mappings: list[SheetMapping] = field(default_factory=list)
    #: A CSV file's text encoding (« UTF-8 », « Windows-1252 »); "" for workbooks.
    encoding: str = ""

    def count(self, record: str, action: str) -> int:
        return self.counts.get(record, {}).get(action, 0)

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        """The `portfolio-desktop import --json` object, exactly."""
        empty = {"created": 0, "updated": 0, "unchanged": 0}
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            **{name: dict(self.counts.get(name, empty)) for name in COUNTED},
            "skipped_rows": [
                {
                    "sheet": s.sheet,
                    "row": s.row,
                    "reason": messages.text(s.code, s.params, lang),
                }
                for s in self.skipped
            ],
            "merged_rows": [
                {
                    "sheet": m.sheet,
                    "row": m.row,
                    "into_sheet": m.into_sheet,
                    "into_row": m.into_row,
                    "reference": m.project[1],
                }
                for m in (merged_rows(self.plan) if self.plan else [])
            ],
            "errors": [
                {
                    "sheet": p.sheet,
                    "row": p.row,
                    "column": p.column,
                    "message": messages.text(p.code, p.params, lang),
                }
                for p in self.problems
            ],
            "cell_warnings": [
                {
                    "sheet": w.sheet,
                    "row": w.row,
                    "column": w.column,
                    "message": messages.text(w.code, w.params, lang),
                }
                for w in (self.plan.cell_warnings if self.plan else [])
            ],
            "rows": row_accounts(self.plan) if self.plan else {},
            "mapping": mapping_report(self.mappings),
            "warnings": self.warnings(lang),
            "encoding": self.encoding or None,
        }

    def encoding_note(self, lang: str | None = None) -> str:
        """The sentence saying a CSV file was read in an encoding other than UTF-8 (its accents
        are worth a look), or ""."""
        if self.encoding in {"", "UTF-8"}:
            return ""
        return messages.text(
            "import_csv_read_as", {"path": self.file, "encoding": self.encoding}, lang
        )

    def warnings(self, lang: str | None = None) -> list[dict[str, Any]]:
        """The invariants' warnings on what the import writes (a status moved past steps, a
        step date missing, aid above the budget): the preview shows them, importing accepts
        them, the history records them."""
        if self.plan is None:
            return []
        return [
            {
                "sheet": project.source.mapping.sheet,
                "row": project.source.row,
                "reference": project.key[1],
                "message": messages.text(issue.code, issue.params, lang),
            }
            for project, issues in self.plan.warnings
            for issue in issues
        ]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a workbook is read, planned and written.

    A large workbook is millions of live cells, and the plan and the rows written allocate
    millions more: each full collection the allocations trigger walks all of them again (7 s of
    a 100,000-project import), and frees nothing, since none of it is garbage until the end.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _detect(workbook: WorkbookData) -> list[SheetMapping]:
    # The experts, evaluations, committees, submissions and follow-up sheets are read by
    # `follow_up_sheets`, the money sheets by `money_sheets`, not mapped: their headers would pass
    # for projects' or funding lines'.
    return [
        SheetMapping(sheet.name, None, note="import_sheet_follow_up")
        if is_follow_up_sheet(sheet)
        else SheetMapping(sheet.name, None, note="import_sheet_money")
        if money_sheets.money_sheet_of(sheet.name, sheet.rows) is not None
        else detect_mapping(sheet.name, sheet.rows)
        for sheet in workbook.sheets
    ]


def _read_money(setup: ImportSetup) -> money_sheets.MoneyRows:
    workbook = setup.workbook
    return money_sheets.read_money_sheets(
        ((sheet.name, sheet.rows) for sheet in workbook.sheets), workbook.date1904
    )


def _line_numbers(plan: ImportPlan) -> tuple[dict[int, int], set[int]]:
    """Workbook line number → line id (after the write: a created line's id), and the numbers of
    the lines the funding sheet holds."""
    lines: dict[int, int] = {}
    for project in plan.projects:
        for line in project.lines:
            if line.bad:
                continue
            number = line.requested_id if line.action == "created" else line.id
            if number > 0:
                lines[number] = line.id
    return lines, set(lines)


def _money_writes(session: Any, plan: ImportPlan, rows: money_sheets.MoneyRows) -> bool:
    """Whether the money sheets change anything when nothing else does (a workbook re-imported
    as it was exported writes nothing, no batch)."""
    if not rows.present:
        return False
    lines, in_workbook = _line_numbers(plan)
    return bool(money_sheets.money_changes(session, rows, lines, in_workbook)) or (
        money_sheets.rules_change(session, rows)
    )


def _money_problems(session: Any, plan: ImportPlan, rows: money_sheets.MoneyRows) -> list[Problem]:
    """The money sheets' unreadable cells, and the lines, partners, calls and funders they name
    that neither the workbook nor the portfolio has."""
    problems = [Problem(*p) for p in rows.problems]
    if not rows.present:
        return problems
    from ...storage import money as money_store

    numbers, _ = _line_numbers(plan)
    known = set(numbers) | money_store.existing_line_ids(session, rows.lines - set(numbers))

    def names(table: str) -> set[str]:
        ref = plan.refs.get(table)
        return {k for k, ids in ref.by_key.items() if ids} if ref is not None else set()

    problems += [
        Problem(*p)
        for p in money_sheets.unknown_references(
            rows, known, names("organisation"), names("call"), names("funder")
        )
    ]
    problems += [Problem(*p) for p in money_sheets.rule_problems(rows)]
    return problems


def _apply_profile(workbook: WorkbookData, profile: Profile) -> ImportSetup | None:
    fit = fit_profile(profile, workbook)
    if fit is None:
        return None
    mappings: list[SheetMapping] = []
    sheet_profiles: dict[str, SheetProfile] = {}
    for sheet in workbook.sheets:
        placed = fit.sheets.get(sheet.name)
        if placed is None:
            mappings.append(SheetMapping(sheet.name, None, note="import_sheet_not_in_profile"))
            continue
        sheet_profile, header_row = placed
        mappings.append(
            apply_columns(
                sheet.name, sheet.rows, sheet_profile.kind, header_row, sheet_profile.columns
            )
        )
        sheet_profiles[sheet.name] = sheet_profile
    return ImportSetup(workbook, mappings, profile, sheet_profiles, profile.name)


def map_workbook(
    db: Database,
    workbook: WorkbookData,
    profile: str | None = None,
    choices: ImportChoices | None = None,
) -> ImportSetup:
    """The mapping to use: the named profile; else the portfolio's own layout when recognised;
    else a saved or built-in profile that recognises the file; else the synonyms; and over it,
    the user's choices (header row, columns, values for the whole file)."""
    setup = _map_workbook(db, workbook, profile)
    if choices:
        rows = {sheet.name: sheet.rows for sheet in workbook.sheets}
        setup.mappings = apply_choices(setup.mappings, rows, choices)
        setup.choices = choices
    if setup.profile is None:
        for mapping in setup.mappings:
            propose_grant_defaults(mapping)
    if choices and choices.ignored:
        setup.profile = with_ignored(setup.profile, setup.mappings, choices.ignored)
    return setup


def _map_workbook(db: Database, workbook: WorkbookData, profile: str | None) -> ImportSetup:
    if profile:
        chosen = find_profile(db, profile)
        if chosen is None:
            raise KnownError("import_profile_unknown", profile=profile)
        setup = _apply_profile(workbook, chosen)
        if setup is None:
            raise KnownError("import_profile_mismatch", profile=profile, path=workbook.path.name)
        return setup
    detected = _detect(workbook)
    if any(m.layout for m in detected):
        return ImportSetup(workbook, detected)
    fit = best_fit(all_profiles(db), workbook)
    if fit is not None:
        setup = _apply_profile(workbook, fit.profile)
        if setup is not None:
            return setup
    return ImportSetup(workbook, detected)


def open_workbook(
    db: Database,
    path: str | Path,
    *,
    profile: str | None = None,
    progress: Progress | None = None,
    choices: ImportChoices | None = None,
) -> ImportSetup:
    """Reads a file safely and proposes how to map it (no database write)."""
    with _collector_paused():
        workbook = read_workbook(path, progress=progress)
    return map_workbook(db, workbook, profile, choices)


def _no_sheet(setup: ImportSetup) -> list[Problem]:
    if any(m.kind or m.note == "import_sheet_follow_up" for m in setup.mappings):
        return []
    return [
        Problem(m.sheet, 0, "", m.note or "import_sheet_no_header") for m in setup.mappings
    ] or [Problem(setup.workbook.path.name, 0, "", "import_no_sheet")]


def _plan(
    session: Any, setup: ImportSetup, valid_only: bool, progress: Progress | None
) -> ImportPlan:
    def report(fraction: float) -> None:
        if progress is not None:
            progress.report(0.4 + 0.2 * fraction, "import_checking_rows")
            progress.check()

    for mapping in setup.mappings:
        plan_references(mapping)
    return build_plan(
        session, setup.workbook, setup.mappings, setup.profile, setup.sheet_profiles,
        valid_only=valid_only, progress=report, create_missing=setup.choices.create_missing,
    )  # fmt: skip


def _report(
    plan: ImportPlan | None,
    setup: ImportSetup,
    dry_run: bool,
    batch_id: int | None,
    problems: list[Problem] | None = None,
) -> ImportReport:
    found = problems if problems is not None else (plan.problems if plan else [])
    return ImportReport(
        ok=not found,
        dry_run=dry_run,
        counts=plan.counts if plan else {},
        skipped=plan.skipped if plan else [],
        problems=found,
        batch_id=batch_id,
        plan=plan,
        file=setup.workbook.path.name,
        mappings=setup.mappings,
        encoding=setup.workbook.encoding,
    )


def preview(
    db: Database,
    setup: ImportSetup,
    *,
    valid_only: bool = False,
    progress: Progress | None = None,
    outcomes: bool = False,
) -> ImportReport:
    """A dry run: the plan, its counts and its errors; nothing is written. With `outcomes`, the
    plan's list of records is built too (for a window that shows it: made here, off its thread,
    with the collector still paused)."""
    missing = _no_sheet(setup)
    if missing:
        return _report(None, setup, True, None, missing)
    with _collector_paused():
        with db.read() as session:
            plan = _plan(session, setup, valid_only, progress)
            plan.problems += _money_problems(session, plan, _read_money(setup))
        if outcomes:
            plan.outcomes  # noqa: B018 - built and kept by the property
            row_fates(plan)  # kept on the plan, read by the window's counts and lists
    return _report(plan, setup, True, None)


def commit(
    db: Database,
    setup: ImportSetup,
    *,
    valid_only: bool = False,
    progress: Progress | None = None,
    user: str | None = None,
) -> ImportReport:
    """Plans again inside one write transaction and writes; all or nothing unless `valid_only`."""
    missing = _no_sheet(setup)
    if missing:
        return _report(None, setup, False, None, missing)
    batch_id: int | None = None
    from ...storage import money as money_store

    rows = _read_money(setup)
    with _collector_paused(), db.write() as session:
        plan = _plan(session, setup, valid_only, progress)
        plan.problems += _money_problems(session, plan, rows)
        if (plan.ok or valid_only) and (plan.has_writes() or _money_writes(session, plan, rows)):
            # A large import is preceded by a verified backup of the portfolio as committed
            # (data safety, issue 7); this unit of work already holds the write lock.
            backup_before_import(db, changed_records(plan.counts))
            batch_id = write_plan(
                session, plan, user=user if user is not None else current_user(),
                file_name=setup.workbook.path.name, progress=progress,
            )  # fmt: skip
            # The money sheets, now that every line has its id (a valid-only import writes
            # the lines and rows it could read; the others were reported).
            lines, in_workbook = _line_numbers(plan)
            lines.update(
                {n: n for n in money_store.existing_line_ids(session, rows.lines - set(lines))}
            )
            created = {
                line.id
                for project in plan.projects
                for line in project.lines
                if line.action == "created" and not line.bad
            }
            money_sheets.write_money(session, rows, lines, in_workbook, created, batch_id)
    if progress is not None:
        progress.report(1.0, "import_done")
    return _report(plan, setup, False, batch_id)


def import_workbook(
    db: Database,
    path: str | Path,
    *,
    dry_run: bool = False,
    valid_only: bool = False,
    profile: str | None = None,
    progress: Progress | None = None,
    choices: ImportChoices | None = None,
    save_as: str | None = None,
) -> ImportReport:
    """Reads, maps, checks and (unless `dry_run`) imports a workbook in one transaction; with
    `save_as`, the mapping used is saved as a profile once the import has written.

    Raises `UnreadableFileError` (a `KnownError`) when the file cannot be read safely.
    """
    setup = open_workbook(db, path, profile=profile, progress=progress, choices=choices)
    if dry_run:
        return preview(db, setup, valid_only=valid_only, progress=progress)
    report = commit(db, setup, valid_only=valid_only, progress=progress)
    if save_as and (report.ok or valid_only):
        save_profile(db, profile_from_setup(save_as, setup))
    return report


def profile_from_setup(
    name: str, setup: ImportSetup, value_maps: dict[str, dict[str, str]] | None = None
) -> Profile:
    """A profile that maps workbooks like this one the way the setup does (to save and reuse)."""
    sheets = []
    for mapping in setup.mappings:
        if not mapping.kind:
            continue
        columns = {
            k: f for k, f in zip(signature_keys(mapping), mapping.columns, strict=False) if f and k
        }
        previous = setup.sheet_profiles.get(mapping.sheet)
        sheets.append(
            SheetProfile(
                kind=mapping.kind,
                columns=columns,
                constants={**(previous.constants if previous else {}), **mapping.fixed},
                skip_empty_lines=previous.skip_empty_lines if previous else False,
            )
        )
    base = setup.profile
    maps = {k: dict(v) for k, v in (base.value_maps if base else {}).items()}
    for field_key, values in (value_maps or {}).items():
        maps.setdefault(field_key, {}).update(values)
    return Profile(
        name=name,
        sheets=sheets,
        value_maps=maps,
        nulls=list(base.nulls) if base else [],
        decimal_separator=base.decimal_separator if base else None,
    )


def signature_keys(mapping: SheetMapping) -> list[str]:
    from .headers import header_keys

    return [header_keys(h)[0] if h else "" for h in mapping.headers]


_ = (Outcome, signature)

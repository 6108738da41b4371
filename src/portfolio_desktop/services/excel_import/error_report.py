"""The error-report workbook: every row that was not imported, as it was, with the reason, to
send back.

One sheet per sheet of the file that had such rows: its header row, then each row rejected
(invalid) or skipped (totals, repeated headers, nothing in the columns imported…) in the file's
order, with its cells as read (numbers stay numbers, dates stay dates), then three columns: what
became of it (« Rejetée », « Ignorée »), every reason found on it ("column: reason") and its row
number. A run of blank rows is one line (« 3 lignes vides, de la ligne 7 à la ligne 9. »): they
hold nothing to correct, but they are rows of the file not imported, so they are said. The rows
merged into another row of their project were imported, and are not there. Written to a
temporary file beside the target and renamed into place, so an existing file is never left
half-written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ... import messages
from .choices import row_fates
from .plan import ImportPlan, Problem, Skipped
from .reader import WorkbookData
from .values import CellError


@dataclass(slots=True)
class _Entry:
    """One line of the report: a row rejected (one reason or more) or skipped."""

    rejected: bool
    reasons: list[str] = field(default_factory=list)


def write_error_report(
    workbook: WorkbookData,
    problems: list[Problem],
    target: Path,
    lang: str | None = None,
    header_rows: dict[str, int] | None = None,
    skipped: Sequence[Skipped] = (),
) -> Path:
    """Writes the rejected rows of `workbook` (those `problems` name) and the `skipped` ones with
    their reasons to `target` (.xlsx).

    `header_rows` (sheet → row number) says where each sheet's headers are; without it, the
    last row with several text cells above the first row written is taken. Written whole or
    not at all (`output_files.atomic_write`); a target that cannot be written is a KnownError,
    as for an export."""
    from xlsxwriter.exceptions import FileCreateError

    from ..excel_export import check_target, known_os_error
    from ..output_files import atomic_write

    lang = lang or messages.current_language()
    target = check_target(Path(target))
    try:
        with atomic_write(target) as partial:
            _write_report(workbook, _entries(problems, skipped, lang), partial, lang, header_rows)
    except (OSError, FileCreateError) as error:
        raise known_os_error(error, target) from error
    return target


def _entries(
    problems: list[Problem], skipped: Sequence[Skipped], lang: str
) -> dict[str, dict[int, _Entry]]:
    """Sheet → row → its line in the report; a run of blank rows is one line, at its first row."""
    by_sheet: dict[str, dict[int, _Entry]] = defaultdict(dict)
    separator = " : " if lang == "fr" else ": "
    for problem in problems:
        text = messages.text(problem.code, problem.params, lang)
        reason = f"{problem.column}{separator}{text}" if problem.column else text
        entry = by_sheet[problem.sheet].setdefault(problem.row, _Entry(True))
        entry.rejected = True
        entry.reasons.append(reason)
    blank: dict[str, list[int]] = defaultdict(list)
    for skip in skipped:
        if skip.code == "import_skip_blank":
            blank[skip.sheet].append(skip.row)
            continue
        by_sheet[skip.sheet].setdefault(skip.row, _Entry(False)).reasons.append(
            messages.text(skip.code, skip.params, lang)
        )
    for sheet, rows in blank.items():
        for start, end in _runs(sorted(set(rows))):
            reason = (
                messages.text("import_skip_blank", {}, lang)
                if start == end
                else messages.text(
                    "error_report_blank_rows",
                    {"count": end - start + 1, "start": start, "end": end},
                    lang,
                )
            )
            by_sheet[sheet].setdefault(start, _Entry(False)).reasons.append(reason)
    return by_sheet


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as runs of consecutive ones: [7, 8, 9, 12] → [(7, 9), (12, 12)]."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _write_report(
    workbook: WorkbookData,
    by_sheet: dict[str, dict[int, _Entry]],
    partial: Path,
    lang: str,
    header_rows: dict[str, int] | None,
) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(partial), {"strings_to_formulas": False, "strings_to_urls": False}
    )
    bold = book.add_format({"bold": True, "bg_color": "#DDDDDD"})
    date_format = book.add_format({"num_format": "dd/mm/yyyy" if lang == "fr" else "yyyy-mm-dd"})
    # The rows to correct in red; those passed over on purpose in grey.
    rejected_format = book.add_format({"font_color": "#B00020", "text_wrap": True})
    skipped_format = book.add_format({"font_color": "#5F6368", "text_wrap": True})
    outcome = {
        True: messages.text("error_report_rejected", {}, lang),
        False: messages.text("error_report_skipped", {}, lang),
    }
    used_names: set[str] = set()
    for sheet in workbook.sheets:
        rows = by_sheet.get(sheet.name)
        if not rows:
            continue
        title = _sheet_title(sheet.name, used_names)
        ws = book.add_worksheet(title)
        known = (header_rows or {}).get(sheet.name, 0)
        header = (
            list(sheet.rows[known - 1])
            if 0 < known <= len(sheet.rows)
            else _header_row(sheet.rows, rows)
        )
        width = max(
            (
                len(r)
                for r in [
                    header,
                    *(sheet.rows[n - 1] for n in rows if 0 < n <= len(sheet.rows)),
                ]
            ),
            default=0,
        )
        ws.write_row(0, 0, [_cell(v) for v in header], bold)
        ws.write(0, width, messages.text("error_report_outcome", {}, lang), bold)
        ws.write(0, width + 1, messages.text("error_report_reason", {}, lang), bold)
        ws.write(0, width + 2, messages.text("error_report_row", {}, lang), bold)
        out = 1
        for number in sorted(rows):
            entry = rows[number]
            values = sheet.rows[number - 1] if 0 < number <= len(sheet.rows) else []
            for column, value in enumerate(values):
                _write(ws, out, column, value, date_format)
            style = rejected_format if entry.rejected else skipped_format
            ws.write(out, width, outcome[entry.rejected], style)
            ws.write(out, width + 1, "\n".join(entry.reasons), style)
            ws.write_number(out, width + 2, number)
            out += 1
        ws.set_column(width, width, 12)
        ws.set_column(width + 1, width + 1, 60)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, out - 1, width + 2)
    book.close()


def _header_row(rows: list[list[Any]], rejected: dict[int, _Entry]) -> list[Any]:
    """The header row above the rows written: the last row before the first of them that has
    several text cells (what the mapping found as headers)."""
    first = min(n for n in rejected if n > 0) if any(n > 0 for n in rejected) else 1
    for index in range(min(first - 1, len(rows)) - 1, -1, -1):
        row = rows[index]
        if sum(1 for v in row if isinstance(v, str) and v.strip()) >= 2:
            return list(row)
    return []


def _sheet_title(name: str, used: set[str]) -> str:
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in name)[:31] or "Feuille"
    title, n = cleaned, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = cleaned[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def _cell(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, CellError):
        return str(value)  # what the cell showed, `#N/A`
    return value


def _write(ws: Any, row: int, column: int, value: Any, date_format: Any) -> None:
    if value is None or value == "":
        return
    if isinstance(value, datetime):
        ws.write_datetime(row, column, value, date_format)
    elif isinstance(value, date):
        ws.write_datetime(row, column, datetime(value.year, value.month, value.day), date_format)
    elif isinstance(value, bool):
        ws.write_boolean(row, column, value)
    elif isinstance(value, int | float):
        ws.write_number(row, column, value)
    else:
        ws.write_string(row, column, str(value))


def rows_not_imported(
    plan: ImportPlan, problems: list[Problem]
) -> tuple[list[Problem], list[Skipped]]:
    """What the report of a plan holds: the rows rejected — those `problems` name, and every data
    row of a sheet that lacks a required column — and the rows skipped on the sheets read (not
    a tie of an expert's row left out, the row itself imported)."""
    fates = row_fates(plan)
    rejected = list(problems)
    read = {f.sheet for f in fates}
    skipped = [s for s in plan.skipped if s.sheet in read]
    for fate in fates:
        lacking = [
            p for p in problems if p.sheet == fate.sheet and p.code == "import_missing_column"
        ]
        if not lacking or not fate.invalid:
            continue
        # Said on each row (the one to send back with the column added), not on the headers.
        rejected = [p for p in rejected if p not in lacking]
        rejected += [
            Problem(fate.sheet, row, "", p.code, p.params)
            for row in sorted(fate.invalid)
            for p in lacking
        ]
    return rejected, skipped


def write_plan_errors(
    plan: ImportPlan, problems: list[Problem], target: Path, lang: str | None = None
) -> Path:
    """The error report of an import's plan: every row not imported (`rows_not_imported`), under
    its sheet's header row."""
    headers = {m.sheet: m.header_row for m in plan.mappings if m.header_row}
    rejected, skipped = rows_not_imported(plan, problems)
    return write_error_report(plan.workbook, rejected, target, lang, headers, skipped)

"""The error-report workbook: the rejected rows as they were, with the reason, to send back.

One sheet per sheet of the file that had rejected rows: its header row, then each rejected row
with its cells as read (numbers stay numbers, dates stay dates), then a last column with every
reason found on that row ("column: reason"). Written to a temporary file beside the target and
renamed into place, so an existing file is never left half-written.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ... import messages
from .plan import ImportPlan, Problem
from .reader import WorkbookData
from .values import CellError

REASON_HEADER = {"fr": "Motif du rejet", "en": "Reason for rejection"}


def write_error_report(
    workbook: WorkbookData,
    problems: list[Problem],
    target: Path,
    lang: str | None = None,
    header_rows: dict[str, int] | None = None,
) -> Path:
    """Writes the rejected rows of `workbook` with their reasons to `target` (.xlsx).

    `header_rows` (sheet → row number) says where each sheet's headers are; without it, the
    last row with several text cells above the first rejected row is taken. Written whole or
    not at all (`output_files.atomic_write`)."""
    from ..output_files import atomic_write

    lang = lang or messages.current_language()
    target = Path(target)
    with atomic_write(target) as partial:
        _write_report(workbook, problems, partial, lang, header_rows)
    return target


def _write_report(
    workbook: WorkbookData,
    problems: list[Problem],
    partial: Path,
    lang: str,
    header_rows: dict[str, int] | None,
) -> None:
    import xlsxwriter

    by_sheet: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for problem in problems:
        text = messages.text(problem.code, problem.params, lang)
        separator = " : " if lang == "fr" else ": "
        reason = f"{problem.column}{separator}{text}" if problem.column else text
        by_sheet[problem.sheet][problem.row].append(reason)
    book = xlsxwriter.Workbook(
        str(partial), {"strings_to_formulas": False, "strings_to_urls": False}
    )
    bold = book.add_format({"bold": True, "bg_color": "#DDDDDD"})
    date_format = book.add_format({"num_format": "dd/mm/yyyy" if lang == "fr" else "yyyy-mm-dd"})
    reason_format = book.add_format({"font_color": "#B00020", "text_wrap": True})
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
        ws.write(0, width, REASON_HEADER.get(lang, REASON_HEADER["en"]), bold)
        ws.write(0, width + 1, "Ligne" if lang == "fr" else "Row", bold)
        out = 1
        for number in sorted(rows):
            values = sheet.rows[number - 1] if 0 < number <= len(sheet.rows) else []
            for column, value in enumerate(values):
                _write(ws, out, column, value, date_format)
            ws.write(out, width, "\n".join(rows[number]), reason_format)
            ws.write_number(out, width + 1, number)
            out += 1
        ws.set_column(width, width, 60)
        ws.freeze_panes(1, 0)
    book.close()


def _header_row(rows: list[list[Any]], rejected: dict[int, list[str]]) -> list[Any]:
    """The header row above the rejected rows: the last row before the first rejected one that
    has several text cells (what the mapping found as headers)."""
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


def write_plan_errors(
    plan: ImportPlan, problems: list[Problem], target: Path, lang: str | None = None
) -> Path:
    """The error report of an import's plan (its workbook, its mappings' header rows)."""
    headers = {m.sheet: m.header_row for m in plan.mappings if m.header_row}
    return write_error_report(plan.workbook, problems, target, lang, headers)

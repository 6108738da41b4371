"""Excel export: the portfolio (or a filtered view, or a blank template) as a formatted workbook.

The layout is `services.workbook_schema`, so that an export re-imports without a mapping step.
Values are typed for a finance person: amounts are numbers in euros (cents / 100, exact to the
cent once read back) with a euro format, dates are real date cells, closed lists are their labels
with drop-down lists, booleans are Oui/Non (Yes/No). A Summary sheet adds funding by year ×
domain and by funder with native charts.

The writer is XlsxWriter in `constant_memory` mode, chosen by measurement (benchmarks/
bench_export.py): it streams rows to disk, so memory stays flat at national scale, and it writes
the charts, validations and formats openpyxl's write-only mode cannot match in speed.

User text is never a formula: every text cell goes through `write_string`, with the
`strings_to_*` conversions off (OWASP's formula-injection rules: a leading = + - @ tab or CR stays
text). The workbook is written to a temporary file in the target's folder, flushed to disk, then
renamed over the target: a crash, a full disk or a cancel leaves the old file as it was.
"""

from __future__ import annotations

import errno
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any

from .. import __version__, messages
from ..domain.enums import REGION_NAMES, Region
from ..domain.filters import ProjectFilter
from ..errors import DiskFullError, KnownError
from ..storage import export_queries as q
from ..storage import follow_up_queries as fq
from ..storage.database import Database
from . import money_sheets, output_files
from .progress import Progress, Silent
from .workbook_schema import (
    CALLS,
    DOMAINS,
    FOLLOW_UP_SHEETS,
    FUNDERS,
    FUNDING,
    MONEY_SHEETS,
    ORGANISATIONS,
    PARTNERS,
    PROJECTS,
    SHEETS,
    SUMMARY_TITLE,
    Sheet,
    format_domain_split,
)

#: The hidden sheet that holds the drop-down lists (after the Summary, never shown first).
LISTS_TITLE = {"fr": "Listes", "en": "Lists"}

#: Excel's day 0 is 1899-12-30 (for every date from 1900-03-01 on, past Lotus's leap-year bug).
_EXCEL_EPOCH = date(1899, 12, 30).toordinal()
_FIRST_SERIAL_DATE = date(1900, 3, 1)
_MAX_ROWS = 1_048_576
_PROGRESS_EVERY = 2_000


class ExportTargetError(KnownError):
    """The target file cannot be replaced (open elsewhere, read-only, a folder, not .xlsx)."""

    code = "export_target_locked"


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote."""

    path: Path
    projects: int
    funding_lines: int
    partners: int
    organisations: int
    template: bool
    seconds: float
    #: Text cells longer than Excel's 32,767 characters, cut at that length (with their sheet).
    truncated: tuple[str, ...] = ()


def count_projects(db: Database, project_filter: ProjectFilter | None = None) -> int:
    """How many projects an export of this filter holds (the dialog shows it)."""
    with db.read() as session:
        return q.count_projects(session, project_filter or ProjectFilter())


def resolve_names(db: Database, table: str, names: Sequence[str]) -> dict[str, int | None]:
    """Names (or cluster codes) → ids, for the command line's filters; None for unknown names."""
    with db.read() as session:
        return q.ids_by_name(session, table, list(names))


def export_workbook(
    db: Database,
    path: str | Path,
    *,
    project_filter: ProjectFilter | None = None,
    template: bool = False,
    lang: str | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Writes the workbook to `path` (replacing it only once complete).

    `project_filter` None or empty exports the whole portfolio; otherwise its projects, all their
    funding lines and partners, and the organisations they involve. `template` writes the same
    sheets, headers and drop-down lists without data.
    """
    from xlsxwriter.exceptions import FileCreateError

    started = time.perf_counter()
    lang = lang if lang in messages.LANGUAGES else messages.current_language()
    flt = project_filter or ProjectFilter()
    progress = progress or Silent()
    target = check_target(Path(path))
    progress.report(0.0, "export_progress_start")
    scratch = output_files.scratch_folder()
    started_writing = False
    try:
        with output_files.atomic_write(target) as partial:
            started_writing = True
            with db.read() as session:
                writer = _WorkbookWriter(partial, lang, str(scratch))
                counts = writer.write(session, flt, template, progress)
            progress.report(0.99, "export_progress_saving")
    except (OSError, FileCreateError) as error:  # XlsxWriter wraps the OSError of its close()
        if isinstance(error, PermissionError) and not started_writing:  # no new file allowed
            raise ExportTargetError("export_folder_read_only", path=str(target.parent)) from error
        raise known_os_error(error, target) from error
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    progress.report(1.0, "export_progress_done")
    return ExportResult(
        path=target,
        projects=counts.projects,
        funding_lines=counts.funding_lines,
        partners=counts.partners,
        organisations=counts.organisations,
        template=template,
        seconds=time.perf_counter() - started,
        truncated=tuple(dict.fromkeys(writer.truncated)),
    )


# -- the target file --------------------------------------------------------------------------------


def lock_files(target: Path) -> list[Path]:
    """The lock files LibreOffice (`.~lock.NAME#`) and Excel (`~$NAME`) keep beside an open file."""
    return [target.with_name(f".~lock.{target.name}#"), target.with_name(f"~${target.name}")]


def check_target(target: Path) -> Path:
    """Refuses, with a clear message, a target that cannot be replaced; the file is not touched."""
    target = target.expanduser().absolute()
    shown = str(target)
    if target.suffix.lower() != ".xlsx":
        raise ExportTargetError("export_not_xlsx", path=shown)
    if target.is_dir():
        raise ExportTargetError("export_target_is_folder", path=shown)
    if not target.parent.is_dir():
        raise ExportTargetError("export_folder_missing", path=str(target.parent))
    if any(lock.exists() for lock in lock_files(target)):
        raise ExportTargetError("export_target_locked", path=shown)
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportTargetError("export_target_read_only", path=shown)
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise ExportTargetError("export_folder_read_only", path=str(target.parent))
    return target


def known_os_error(error: Exception, target: Path) -> KnownError:
    """What an error writing the workbook `target` means to its user (disk full, open elsewhere,
    read-only…)."""
    inner = error
    while isinstance(inner.args[0] if inner.args else None, OSError):  # look through wrappers
        inner = inner.args[0]
    if not isinstance(inner, OSError):
        return ExportTargetError("export_write_failed", path=str(target), reason=str(inner))
    if inner.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFullError(path=str(target))
    if isinstance(inner, PermissionError) or inner.errno in (errno.EACCES, errno.EPERM):
        # Windows refuses to replace a file another program holds open.
        return ExportTargetError("export_target_locked", path=str(target))
    if inner.errno == errno.EROFS:
        return ExportTargetError("export_folder_read_only", path=str(target.parent))
    return ExportTargetError("export_write_failed", path=str(target), reason=str(inner))


# -- cell values ------------------------------------------------------------------------------------


def excel_date(value: date) -> int | str:
    """A date as Excel's serial day number (a date cell once formatted); ISO text before 1900-03-01,
    which Excel cannot show as a date."""
    if value < _FIRST_SERIAL_DATE:
        return value.isoformat()
    return value.toordinal() - _EXCEL_EPOCH


def excel_euros(cents: int) -> float:
    """Cents as euros for a number cell: the double nearest to cents / 100 (int / int division is
    correctly rounded), which reads back to the same cents for any amount below 10^13 euros."""
    return cents / 100


class _Labels(dict[Any, str]):
    """code → label; a code the list does not know (an older database) is written as it is."""

    def __missing__(self, code: Any) -> str:
        return str(code)


@dataclass(frozen=True, slots=True)
class _Plan:
    """A sheet's columns grouped by how their cells are written (the hot loop's shape).

    Within a row, XlsxWriter (constant_memory) accepts cells in any column order: each group is
    written in a tight loop of its own, with no per-cell dispatch on the type.
    """

    text: tuple[int, ...]
    #: (column, label by code): closed lists and booleans.
    labels: tuple[tuple[int, _Labels], ...]
    money: tuple[int, ...]
    dates: tuple[int, ...]
    numbers: tuple[int, ...]


def _plan(sheet: Sheet, lang: str) -> _Plan:
    yes, no = messages.text("export_yes", lang=lang), messages.text("export_no", lang=lang)
    text, labels, money, dates, numbers = [], [], [], [], []
    for c, column in enumerate(sheet.columns):
        kind = column.kind
        if kind == "money":
            money.append(c)
        elif kind == "date":
            dates.append(c)
        elif kind in ("int", "score", "percent"):
            numbers.append(c)
        elif kind == "bool":
            labels.append((c, _Labels({True: yes, False: no})))  # 1 and 0 hash as True and False
        elif kind.startswith("enum:"):
            labels.append((c, _Labels(messages.labels(kind[5:], lang))))
        else:
            text.append(c)
    return _Plan(tuple(text), tuple(labels), tuple(money), tuple(dates), tuple(numbers))


def _region_name(code: str) -> str:
    try:
        return REGION_NAMES[Region(code)]
    except ValueError:
        return code


def _cluster_rows(session: Any, codes: set[str] | None) -> list[list[Any]]:
    """The clusters sheet: code, name, regions by name as in the Projets sheet. A filtered
    export (`codes`: the poles of its projects) lists only those poles, so that one pole's export
    from a national base brings no other pole into the base that reads it."""
    from ..storage.reference import clusters

    return [
        [c.extra[0], c.name, ", ".join(_region_name(r) for r in c.extra[1].split(",") if r)]
        for c in clusters(session)
        if codes is None or c.extra[0] in codes
    ]


# -- the workbook -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Validation:
    """A drop-down list on a column: which list, and whether other values are refused."""

    list_key: str
    error_type: str = "stop"  # stop (closed lists), warning (references), information


#: (sheet key, column key) → the drop-down list of that column.
VALIDATIONS: dict[tuple[str, str], _Validation] = {
    ("projects", "status"): _Validation("status"),
    # A split "A 60 %; B 40 %" is not a list item: the list only suggests a single domain.
    ("projects", "domains"): _Validation("domains", "information"),
    ("projects", "call"): _Validation("calls", "warning"),
    ("projects", "responsible_digital"): _Validation("bool"),
    ("funding", "funder"): _Validation("funders", "warning"),
    ("funding", "instrument"): _Validation("instrument"),
    ("funding", "granted_override"): _Validation("bool"),
    ("partners", "role"): _Validation("role"),
    ("organisations", "kind"): _Validation("organisation_kind"),
    ("organisations", "is_member"): _Validation("bool"),
    ("domains", "active"): _Validation("bool"),
    ("funders", "kind"): _Validation("funder_kind"),
    ("calls", "funder"): _Validation("funders", "warning"),
}


class _WorkbookWriter:
    """Writes the sheets of one export, in one read snapshot, with progress and cancellation."""

    def __init__(self, path: Path, lang: str, scratch: str) -> None:
        import xlsxwriter

        self.lang = lang
        self.truncated: list[str] = []
        self.book = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "tmpdir": scratch,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
                "use_zip64": True,
            },
        )
        book = self.book
        self.header = book.add_format(
            {
                "bold": True,
                "bg_color": "#DCE6F1",
                "bottom": 1,
                "text_wrap": True,
                "valign": "top",
            }
        )
        money = '#,##0.00 "€"' if lang == "fr" else '"€"#,##0.00'
        self.formats = {
            "money": book.add_format({"num_format": money}),
            "date": book.add_format({"num_format": "dd/mm/yyyy" if lang == "fr" else "yyyy-mm-dd"}),
            "int": None,
            "score": None,
        }
        self.plain = book.add_format()
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.bold = book.add_format({"bold": True})
        self.total_money = book.add_format({"num_format": money, "bold": True, "top": 1})
        self.total_label = book.add_format({"bold": True, "top": 1})
        self.list_ranges: dict[str, str] = {}
        self.done_rows = 0
        self.total_rows = 1

    # -- the whole workbook ---------------------------------------------------------------------

    def write(
        self, session: Any, flt: ProjectFilter, template: bool, progress: Progress
    ) -> q.ExportCounts:
        book = self.book
        counts = q.ExportCounts(0, 0, 0, 0) if template else q.export_counts(session, flt)
        self.total_rows = max(
            1, counts.projects + counts.funding_lines + counts.partners + counts.organisations
        )
        for count, sheet in (
            (counts.projects, PROJECTS),
            (counts.funding_lines, FUNDING),
            (counts.partners, PARTNERS),
            (counts.organisations, ORGANISATIONS),
        ):
            if count + 1 > _MAX_ROWS:
                raise KnownError(
                    "export_too_many_rows",
                    sheet=sheet.title(self.lang),
                    rows=count,
                    limit=_MAX_ROWS - 1,
                )
        sheets = {
            s.key: book.add_worksheet(s.title(self.lang))
            for s in (*SHEETS, *MONEY_SHEETS, *FOLLOW_UP_SHEETS)
        }
        summary = None if template else book.add_worksheet(SUMMARY_TITLE[self.lang])
        lists = book.add_worksheet(LISTS_TITLE[self.lang])
        lists.hide()
        self._write_lists(lists, session)

        empty: list[Sequence[Any]] = []
        rows: dict[str, Iterable[Sequence[Any]]] = dict.fromkeys(sheets, empty)
        if not template:
            refs = q.lookups(session, flt)
            codes = None if flt.is_empty else {c for c, _r in refs.projects.values()}
            rows = {
                "projects": self._projects(q.project_rows(session, flt)),
                "funding": q.funding_rows(session, flt, refs),
                "partners": q.partner_rows(session, flt, refs),
                "organisations": self._organisations(q.organisation_rows(session, flt)),
                "domains": q.domain_rows(session, codes),
                "funders": q.funder_rows(session),
                "calls": q.call_rows(session),
                "clusters": _cluster_rows(session, codes),
                "experts": fq.expert_rows(session),
                "evaluations": fq.evaluation_rows(session, flt, refs),
                "committees": fq.committee_rows(session),
                "submissions": fq.submission_rows(session, flt, refs),
                "follow_up": fq.follow_up_rows(session, flt, refs),
                **money_sheets.export_rows(session, flt, refs),
            }
        messages_by_sheet = {
            "projects": "export_progress_projects",
            "funding": "export_progress_funding",
            "partners": "export_progress_partners",
            "organisations": "export_progress_organisations",
        }
        for sheet in (*SHEETS, *MONEY_SHEETS, *FOLLOW_UP_SHEETS):
            progress.report(
                0.95 * self.done_rows / self.total_rows,
                messages_by_sheet.get(sheet.key, "export_progress_reference"),
            )
            self._write_sheet(sheets[sheet.key], sheet, rows[sheet.key], progress)
        if summary is not None:
            progress.check()
            progress.report(0.95, "export_progress_summary")
            self._write_summary(summary, q.summary_figures(session, flt), flt)
        book.set_properties(
            {
                "title": messages.text("export_workbook_title", lang=self.lang),
                "comments": f"portfolio-desktop {__version__}",
            }
        )
        progress.check()
        progress.report(0.97, "export_progress_saving")
        book.close()
        return counts

    # -- data sheets ----------------------------------------------------------------------------

    def _projects(self, rows: Iterator[tuple[Any, ...]]) -> Iterator[list[Any]]:
        column = q.DOMAINS_COLUMN
        assert PROJECTS.columns[column].key == "domains"
        for row in rows:
            values = list(row)
            if values[column] is not None:
                values[column] = format_domain_split(values[column])
            yield values

    def _organisations(self, rows: Iterator[tuple[Any, ...]]) -> Iterator[list[Any]]:
        region_col = [c.key for c in ORGANISATIONS.columns].index("region")
        for row in rows:
            values = list(row)
            if values[region_col]:
                values[region_col] = _region_name(values[region_col])
            yield values

    def _write_sheet(
        self, ws: Any, sheet: Sheet, rows: Iterable[Sequence[Any]], progress: Progress
    ) -> None:
        columns = sheet.columns
        last_col = len(columns) - 1
        ws.set_row(0, 45)
        for c, column in enumerate(columns):
            ws.set_column(c, c, column.width)
            ws.write_string(0, c, column.header(self.lang), self.header)
        ws.freeze_panes(1, 3 if sheet is PROJECTS else 0)
        self._add_validations(ws, sheet)

        plan = _plan(sheet, self.lang)
        text, labels, money, dates, numbers = (
            plan.text,
            plan.labels,
            plan.money,
            plan.dates,
            plan.numbers,
        )
        money_format, date_format = self.formats["money"], self.formats["date"]
        write_string, write_number = ws.write_string, ws.write_number
        title = sheet.title(self.lang)
        write_text = self._text_writer(ws, title)
        truncated = self.truncated
        counted = sheet.key in {"projects", "funding", "partners", "organisations"}
        first_serial = excel_date(_FIRST_SERIAL_DATE)
        r = 0
        # The hot loop (~7.7 M cells at national scale): one small loop per kind of column,
        # conversions inline; text that needs care (long, or starting with "<") goes the slow way.
        for row in rows:
            r += 1
            for c in text:
                value = row[c]
                if value:
                    if value[0] == "<":
                        write_text(r, c, value)
                    elif write_string(r, c, value):  # -2: cut at Excel's 32,767 characters
                        truncated.append(title)
            for c, names in labels:
                value = row[c]
                if value is not None:
                    write_string(r, c, names[value])
            for c in money:
                value = row[c]
                if value is not None:
                    write_number(r, c, value / 100, money_format)
            for c in dates:
                value = row[c]
                if value is not None:
                    serial = value.toordinal() - _EXCEL_EPOCH
                    if serial >= first_serial:
                        write_number(r, c, serial, date_format)
                    else:
                        write_string(r, c, value.isoformat())
            for c in numbers:
                value = row[c]
                if value is not None:
                    write_number(r, c, value)
            if r % _PROGRESS_EVERY == 0:
                progress.check()
                if counted:
                    progress.report(0.95 * (self.done_rows + r) / self.total_rows)
        if counted:
            self.done_rows += r
        ws.autofilter(0, 0, max(r, 1), last_col)

    def _text_writer(self, ws: Any, sheet_title: str) -> Callable[..., None]:
        """`write_text(row, col, value, fmt=None)`: user text as a string cell, never a formula."""
        write_string = ws.write_string
        write_rich_string = ws.write_rich_string
        plain = self.plain
        truncated = self.truncated

        def write_text(row: int, col: int, value: str, fmt: Any = None) -> None:
            # XlsxWriter (constant_memory) copies an inline string that looks like "<r>…</r>" into
            # the XML as rich text, unescaped: such text goes in as two escaped runs instead,
            # which read back as the same string.
            if value.startswith("<r>") and value.endswith("</r>"):
                parts = ("<r>", plain, value[3:])
                write_rich_string(row, col, *parts, *((fmt,) if fmt is not None else ()))
            elif write_string(row, col, value, fmt) == -2:
                truncated.append(sheet_title)

        return write_text

    def _add_validations(self, ws: Any, sheet: Sheet) -> None:
        lang = self.lang
        for c, column in enumerate(sheet.columns):
            rule = VALIDATIONS.get((sheet.key, column.key))
            options: dict[str, Any] | None = None
            if rule is not None and rule.list_key in self.list_ranges:
                options = {
                    "validate": "list",
                    "source": self.list_ranges[rule.list_key],
                    "error_type": rule.error_type,
                    "error_title": messages.text("export_validation_title", lang=lang),
                    "error_message": messages.text("export_validation_list", lang=lang),
                }
            elif column.kind == "score":
                options = {
                    "validate": "integer",
                    "criteria": "between",
                    "minimum": 0,
                    "maximum": 4,
                    "error_title": messages.text("export_validation_title", lang=lang),
                    "error_message": messages.text("export_validation_score", lang=lang),
                }
            elif column.kind == "money":
                options = {
                    "validate": "decimal",
                    "criteria": ">=",
                    "value": 0,
                    "error_title": messages.text("export_validation_title", lang=lang),
                    "error_message": messages.text("export_validation_amount", lang=lang),
                }
            if options is not None:
                ws.data_validation(1, c, _MAX_ROWS - 1, c, options)

    def _write_lists(self, ws: Any, session: Any) -> None:
        lang = self.lang
        yes, no = messages.text("export_yes", lang=lang), messages.text("export_no", lang=lang)
        funders = [r[0] for r in q.funder_rows(session)]
        lists: list[tuple[str, str, list[str]]] = [
            (
                "status",
                PROJECTS.column("status").header(lang),
                list(messages.labels("ProjectStatus", lang).values()),
            ),
            (
                "instrument",
                FUNDING.column("instrument").header(lang),
                list(messages.labels("Instrument", lang).values()),
            ),
            (
                "role",
                PARTNERS.column("role").header(lang),
                list(messages.labels("PartnerRole", lang).values()),
            ),
            (
                "organisation_kind",
                f"{ORGANISATIONS.title(lang)} — {ORGANISATIONS.column('kind').header(lang)}",
                list(messages.labels("OrganisationKind", lang).values()),
            ),
            (
                "funder_kind",
                f"{FUNDERS.title(lang)} — {FUNDERS.column('kind').header(lang)}",
                list(messages.labels("FunderKind", lang).values()),
            ),
            ("bool", f"{yes} / {no}", [yes, no]),
            ("domains", DOMAINS.title(lang), [r[0] for r in q.domain_rows(session)]),
            ("funders", FUNDERS.title(lang), funders),
            ("calls", CALLS.title(lang), [r[0] for r in q.call_rows(session)]),
        ]
        title = LISTS_TITLE[lang]
        longest = max(len(items) for _, _, items in lists)
        for c, (key, _header, items) in enumerate(lists):
            ws.set_column(c, c, 30)
            if items:
                letter = _column_letter(c)
                self.list_ranges[key] = f"='{title}'!${letter}$2:${letter}${len(items) + 1}"
        write_text = self._text_writer(ws, title)
        for r in range(longest + 1):
            for c, (_key, header, items) in enumerate(lists):
                if r == 0:
                    write_text(0, c, header, self.header)
                elif r <= len(items) and items[r - 1]:
                    write_text(r, c, items[r - 1])

    # -- the Summary sheet ----------------------------------------------------------------------

    def _write_summary(self, ws: Any, figures: q.SummaryFigures, flt: ProjectFilter) -> None:
        lang = self.lang

        def t(code: str) -> str:
            return messages.text(code, lang=lang)

        money = self.formats["money"]
        title = SUMMARY_TITLE[lang]

        domains = [
            d
            for d in figures.domains
            if any(k[1] == d[0] and v for k, v in figures.year_domain_cp.items())
        ]
        unclassified = any(v for (y, d), v in figures.year_domain_cp.items() if d is None)
        columns: list[tuple[int | None, str, str]] = [(d[0], d[1], d[2]) for d in domains]
        if unclassified:
            columns.append((None, t("export_summary_unclassified"), "#A6A6A6"))
        years = sorted(y for y in figures.year_cents if y is not None)
        rows: list[int | None] = list(years)
        if figures.year_cents.get(None):
            rows.append(None)

        ws.set_column(0, 0, 34)
        ws.set_column(1, len(columns) + 1, 18)
        ws.write_string(0, 0, t("export_summary_heading"), self.title)
        scope = (
            t("export_summary_scope_all") if flt.is_empty else t("export_summary_scope_filtered")
        )
        ws.write_string(1, 0, t("export_summary_scope"))
        ws.write_string(1, 1, scope)
        ws.write_string(2, 0, t("export_summary_date"))
        ws.write_number(2, 1, excel_date(date.today()), self.formats["date"])
        ws.write_string(3, 0, t("export_summary_projects"))
        ws.write_number(3, 1, figures.projects)
        ws.write_string(4, 0, t("export_summary_granted"))
        ws.write_number(4, 1, excel_euros(sum(figures.year_cents.values())), money)

        # Funding by year × domain: each cell is Σ granted × percent, rounded once.
        top = 6
        ws.write_string(top, 0, t("export_summary_by_year_domain"), self.bold)
        header_row = top + 1
        ws.set_row(header_row, 62)
        ws.write_string(header_row, 0, t("export_summary_year"), self.header)
        write_text = self._text_writer(ws, title)
        for c, (_id, name, _colour) in enumerate(columns, start=1):
            write_text(header_row, c, name, self.header)
        ws.write_string(header_row, len(columns) + 1, t("export_summary_total"), self.header)
        r = header_row
        for year in rows:
            r += 1
            if year is None:
                ws.write_string(r, 0, t("export_summary_no_year"))
            else:
                ws.write_number(r, 0, year)
            for c, (domain_id, _name, _colour) in enumerate(columns, start=1):
                cp = figures.year_domain_cp.get((year, domain_id), 0)
                ws.write_number(r, c, excel_euros(_cp_to_cents(cp)), money)
            ws.write_number(
                r, len(columns) + 1, excel_euros(figures.year_cents.get(year, 0)), money
            )
        first_year_row, last_year_row = header_row + 1, header_row + len(years)
        r += 1
        ws.write_string(r, 0, t("export_summary_total"), self.total_label)
        for c, (domain_id, _name, _colour) in enumerate(columns, start=1):
            cp = sum(v for (_y, d), v in figures.year_domain_cp.items() if d == domain_id)
            ws.write_number(r, c, excel_euros(_cp_to_cents(cp)), self.total_money)
        ws.write_number(
            r, len(columns) + 1, excel_euros(sum(figures.year_cents.values())), self.total_money
        )

        # Funding by funder.
        r += 2
        ws.write_string(r, 0, t("export_summary_by_funder"), self.bold)
        r += 1
        for c, code in enumerate(
            (
                "export_summary_funder",
                "export_summary_funder_kind",
                "export_summary_lines",
                "export_summary_granted",
            )
        ):
            ws.write_string(r, c, t(code), self.header)
        first_funder_row = r + 1
        kinds = messages.labels("FunderKind", lang)
        for name, kind, lines, cents in figures.funders:
            r += 1
            write_text(r, 0, name)
            write_text(r, 1, kinds.get(kind, kind))
            ws.write_number(r, 2, lines)
            ws.write_number(r, 3, excel_euros(cents), money)
        last_funder_row = r
        r += 1
        ws.write_string(r, 0, t("export_summary_total"), self.total_label)
        ws.write_string(r, 1, "", self.total_label)
        ws.write_number(r, 2, sum(f[2] for f in figures.funders), self.total_label)
        ws.write_number(r, 3, excel_euros(sum(f[3] for f in figures.funders)), self.total_money)

        self._add_charts(
            ws,
            title,
            columns,
            header_row,
            (first_year_row, last_year_row),
            (first_funder_row, last_funder_row),
            max(figures.year_cents.values(), default=0),
        )

    def _add_charts(
        self,
        ws: Any,
        title: str,
        columns: list[tuple[int | None, str, str]],
        header_row: int,
        year_rows: tuple[int, int],
        funder_rows: tuple[int, int],
        largest_cents: int,
    ) -> None:
        lang = self.lang

        def t(code: str) -> str:
            return messages.text(code, lang=lang)

        axis = _axis_format(largest_cents, lang)
        first, last = year_rows
        chart_col = len(columns) + 3
        if last >= first and columns:  # (no domain column when no line grants anything yet)
            by_domain = self.book.add_chart({"type": "column", "subtype": "stacked"})
            for c, (_id, _name, colour) in enumerate(columns, start=1):
                by_domain.add_series(
                    {
                        "name": [title, header_row, c],
                        "categories": [title, first, 0, last, 0],
                        "values": [title, first, c, last, c],
                        "fill": {"color": colour},
                        "gap": 60,
                    }
                )
            by_domain.set_title({"name": t("export_chart_by_domain")})
            by_domain.set_y_axis({"num_format": axis, "major_gridlines": {"visible": True}})
            by_domain.set_legend({"position": "bottom"})
            by_domain.set_size({"width": 860, "height": 420})
            ws.insert_chart(header_row, chart_col, by_domain)
        if last >= first:
            total_col = len(columns) + 1
            over_time = self.book.add_chart({"type": "line"})
            over_time.add_series(
                {
                    "name": [title, header_row, total_col],
                    "categories": [title, first, 0, last, 0],
                    "values": [title, first, total_col, last, total_col],
                    "line": {"color": "#1F4E79", "width": 2.25},
                    "marker": {"type": "circle", "size": 5},
                }
            )
            over_time.set_title({"name": t("export_chart_over_time")})
            over_time.set_y_axis({"num_format": axis, "major_gridlines": {"visible": True}})
            over_time.set_legend({"none": True})
            over_time.set_size({"width": 860, "height": 320})
            ws.insert_chart(header_row + 23, chart_col, over_time)
        f_first, f_last = funder_rows
        if f_last >= f_first:
            f_last = min(f_last, f_first + 14)  # the fifteen largest funders
            by_funder = self.book.add_chart({"type": "bar"})
            by_funder.add_series(
                {
                    "name": t("export_summary_granted"),
                    "categories": [title, f_first, 0, f_last, 0],
                    "values": [title, f_first, 3, f_last, 3],
                    "fill": {"color": "#2E75B6"},
                }
            )
            by_funder.set_title({"name": t("export_chart_by_funder")})
            by_funder.set_x_axis({"num_format": axis, "major_gridlines": {"visible": True}})
            by_funder.set_y_axis({"reverse": True})
            by_funder.set_legend({"none": True})
            by_funder.set_size({"width": 860, "height": 420})
            ws.insert_chart(header_row + 41, chart_col, by_funder)


def _cp_to_cents(cent_percent: int) -> int:
    """Σ cents × percent → cents, rounded once, half-even (as `stats` rounds domain totals)."""
    return int((Decimal(cent_percent) / 100).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def _axis_format(largest_cents: int, lang: str) -> str:
    """Chart axes in M€ or k€ when amounts are large (Excel scales by 1,000 per trailing comma)."""
    if largest_cents >= 10_000_000 * 100:
        return '#,##0,, "M€"' if lang == "fr" else '"€"#,##0,,"m"'
    if largest_cents >= 10_000 * 100:
        return '#,##0, "k€"' if lang == "fr" else '"€"#,##0,"k"'
    return '#,##0 "€"' if lang == "fr" else '"€"#,##0'


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

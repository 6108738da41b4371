"""Excel export of the national demo (100,000 projects, ~290,000 funding lines, ~7.7 M cells).

Goal: the whole `portfolio-desktop export` command takes ≤ 1.2× a bare XlsxWriter
(constant_memory) write of the same cells, in the same run. The floor's cells are the ones the
export wrote, read back from its workbook with calamine before the clock starts (dates as date
cells, amounts with the euro format): the floor times XlsxWriter alone, no database, no
conversion, no validation, no chart. `export.openpyxl_write_only` times openpyxl's write-only mode
on the same cells, the alternative writer, against the same floor (measured once per run).
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from run import WORK, Benchmark, Context, Measurement, median_of, timed_process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

OUT = WORK / "export.xlsx"
EPOCH = date(1899, 12, 30).toordinal()

#: sheet → [(column kind, rows)]: what the floor writes, loaded once per run.
Cells = list[tuple[str, list[str], list[list[Any]]]]


def national_copy(context: Context) -> Path:
    """A private copy of the national demo: opening it may migrate it, the shared one stays as is."""
    source = context.national_db()
    copy = WORK / "export-national.sqlite"
    if not copy.exists() or copy.stat().st_mtime < source.stat().st_mtime:
        import sqlite3

        copy.unlink(missing_ok=True)
        with (
            sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src,
            sqlite3.connect(copy) as dst,
        ):
            src.backup(dst)
    return copy


def export_command(context: Context) -> list[str]:
    db = national_copy(context)
    return [context.python, "-m", "portfolio_desktop", "export", "--db", str(db), str(OUT)]


def load_cells(context: Context) -> Cells:
    """The exported workbook's cells, typed as the export wrote them (read once per run)."""
    if "export_cells" in context.extra:
        return context.extra["export_cells"]  # type: ignore[no-any-return]
    from python_calamine import CalamineWorkbook

    from portfolio_desktop.services.workbook_schema import SHEETS

    kinds = {s.fr: [c.kind for c in s.columns] for s in SHEETS}
    if not OUT.exists():
        timed_process(export_command(context))
    book = CalamineWorkbook.from_path(str(OUT))
    cells: Cells = []
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        width = max((len(r) for r in rows), default=0)
        sheet_kinds = kinds.get(name, ["money"] * width)
        typed = []
        for row in rows:
            out: list[Any] = []
            for value in row:
                if isinstance(value, datetime):
                    value = value.date()
                if isinstance(value, date):
                    value = ("date", value.toordinal() - EPOCH)
                out.append(value)
            typed.append(out)
        cells.append((name, sheet_kinds, typed))
    context.extra["export_cells"] = cells
    gc.collect()
    gc.freeze()  # millions of live cells: the floor's collections must not walk them
    return cells


def xlsxwriter_floor(cells: Cells, path: Path) -> float:
    """Bare XlsxWriter, constant_memory: the same cells with the same number formats."""
    import xlsxwriter

    gc.collect()
    start = time.perf_counter()
    book = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False, "use_zip64": True}
    )
    money = book.add_format({"num_format": '#,##0.00 "€"'})
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    for name, kinds, rows in cells:
        ws = book.add_worksheet(name)
        write_string, write_number = ws.write_string, ws.write_number
        formats = [money if k == "money" else None for k in kinds]
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value == "" or value is None:
                    continue
                if type(value) is str:
                    write_string(r, c, value)
                elif type(value) is tuple:
                    write_number(r, c, value[1], day)
                else:
                    write_number(r, c, value, formats[c] if c < len(formats) else None)
    book.close()
    return time.perf_counter() - start


def openpyxl_write_only(cells: Cells, path: Path) -> float:
    """openpyxl's write-only mode (lxml when installed): the same cells and formats."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    gc.collect()
    start = time.perf_counter()
    book = Workbook(write_only=True)
    for name, kinds, rows in cells:
        ws = book.create_sheet(name)
        money = [k == "money" for k in kinds]
        for row in rows:
            out: list[Any] = []
            for c, value in enumerate(row):
                if value == "" or value is None:
                    out.append(None)
                elif type(value) is tuple:
                    cell = WriteOnlyCell(ws, value=value[1])
                    cell.number_format = "dd/mm/yyyy"
                    out.append(cell)
                elif c < len(money) and money[c] and type(value) is not str:
                    cell = WriteOnlyCell(ws, value=value)
                    cell.number_format = '#,##0.00 "€"'
                    out.append(cell)
                else:
                    out.append(value)
            ws.append(out)
    book.save(str(path))
    return time.perf_counter() - start


def _median_floor(
    context: Context, writer: Callable[[Cells, Path], float], repeat: int
) -> tuple[float, list[float]]:
    cells = load_cells(context)
    path = WORK / "export-floor.xlsx"
    try:
        return median_of(lambda: writer(cells, path), repeat)
    finally:
        path.unlink(missing_ok=True)


def export_national(context: Context) -> Measurement:
    argv = export_command(context)
    first = timed_process(argv)  # also warms the page cache, as a user's second export would be
    repeat = max(1, min(context.repeat, 5))  # each run writes ~7.7 M cells: five at most
    peaks = [first["peak_rss_mb"]]

    def app() -> float:
        result = timed_process(argv)
        peaks.append(result["peak_rss_mb"])
        return result["seconds"]

    # App and floor runs alternate, so that a machine busy with other work weighs on both alike.
    cells_in_memory = load_cells(context)
    floor_path = WORK / "export-floor.xlsx"
    samples, floor_samples = [], []
    try:
        for _ in range(repeat):
            samples.append(app())
            floor_samples.append(xlsxwriter_floor(cells_in_memory, floor_path))
    finally:
        floor_path.unlink(missing_ok=True)
    value, floor = statistics.median(samples), statistics.median(floor_samples)
    cells = sum(
        1
        for _n, _k, rows in load_cells(context)
        for row in rows
        for v in row
        if v not in ("", None)
    )
    return Measurement(
        name="export.national",
        unit="s",
        value=value,
        floor=floor,
        floor_label="bare XlsxWriter constant_memory write of the same cells",
        goal="≤ 1.2× floor",
        ok=value <= 1.2 * floor,
        peak_rss_mb=max(peaks),
        samples=samples,
        floor_samples=floor_samples,
        notes=(
            f"whole command (start-up, database, conversion, lists, Summary with charts, fsync and "
            f"rename); {cells:,} cells, {OUT.stat().st_size / 2**20:.0f} MB workbook"
        ),
    )


def openpyxl_national(context: Context) -> Measurement:
    cells = load_cells(context)
    path = WORK / "export-openpyxl.xlsx"
    try:
        value = openpyxl_write_only(cells, path)
    finally:
        path.unlink(missing_ok=True)
    floor, floor_samples = _median_floor(context, xlsxwriter_floor, 1)
    return Measurement(
        name="export.openpyxl_write_only",
        unit="s",
        value=value,
        floor=floor,
        floor_label="bare XlsxWriter constant_memory write of the same cells",
        goal="reported (the writer choice: XlsxWriter when this ratio > 1)",
        samples=[value],
        floor_samples=floor_samples,
    )


BENCHMARKS = [
    Benchmark(
        "export.national", "`portfolio-desktop export` of the national demo", export_national
    ),
    Benchmark(
        "export.openpyxl_write_only",
        "openpyxl write-only on the same cells (the alternative writer)",
        openpyxl_national,
    ),
]

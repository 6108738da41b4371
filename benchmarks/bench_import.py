"""The Excel import: the national demo as a workbook (100,000 projects, 290,000 funding lines)
imported into an empty portfolio by `portfolio-desktop import`, against two floors measured in the
same run: the bare calamine parse of the same file (goal ≤ 2.0×) and pandas.read_excel (openpyxl)
+ to_sql of its two big sheets (goal: the import ≥ 4× faster).

Each measurement is a whole process (interpreter start-up included, the same for all), so peak
RSS is measured the same way too.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from run import WORK, Benchmark, Context, Measurement, median_of, timed_process

WORKBOOK = WORK / "import_national.xlsx"

CALAMINE = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
cells = 0
for name in book.sheet_names:
    rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    cells += sum(len(r) for r in rows)
print(cells)
"""

PANDAS = """
import sqlite3, sys
import pandas as pd
connection = sqlite3.connect(sys.argv[2])
for sheet in ("Projets", "Financements"):
    frame = pd.read_excel(sys.argv[1], sheet_name=sheet, engine="openpyxl")
    frame.to_sql(sheet.lower(), connection, if_exists="replace", index=False, chunksize=20000)
connection.commit()
"""

EMPTY = """
import sys
from portfolio_desktop.storage.schema import open_database
open_database(sys.argv[1]).dispose()
"""


def national_workbook(context: Context) -> Path:
    """The benchmark's workbook, written once from the national demo (and kept in .work)."""
    database = context.national_db()
    if WORKBOOK.exists() and WORKBOOK.stat().st_mtime > database.stat().st_mtime:
        return WORKBOOK
    from import_workbook import write_workbook

    started = time.perf_counter()
    counts = write_workbook(database, WORKBOOK)
    context.extra["import_workbook"] = {"seconds": time.perf_counter() - started, **counts}
    return WORKBOOK


def empty_database(context: Context, target: Path) -> Path:
    template = WORK / "import_empty.sqlite"
    if not template.exists():
        timed_process([context.python, "-c", EMPTY, str(template)])
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(template, target)
    return target


def import_national(context: Context) -> Measurement:
    workbook = national_workbook(context)
    target = WORK / "import_target.sqlite"
    peaks: list[float] = []

    def app() -> float:
        empty_database(context, target)
        argv = [
            context.python,
            "-m",
            "portfolio_desktop",
            "import",
            str(workbook),
            "--db",
            str(target),
        ]
        result = timed_process(argv)
        peaks.append(result["peak_rss_mb"])
        return result["seconds"]

    floor_peaks: list[float] = []

    def floor() -> float:
        result = timed_process([context.python, "-c", CALAMINE, str(workbook)])
        floor_peaks.append(result["peak_rss_mb"])
        return result["seconds"]

    repeat = max(1, min(context.repeat, 3))
    # Interleaved, so that a busy moment of the machine weighs on both alike.
    values, floors = [], []
    for _ in range(repeat):
        floors.append(floor())
        values.append(app())
    value = sorted(values)[len(values) // 2]
    floor_value = sorted(floors)[len(floors) // 2]

    pandas_seconds = None
    pandas_note = ""
    try:
        import pandas  # noqa: F401

        scratch = WORK / "import_pandas.sqlite"
        scratch.unlink(missing_ok=True)
        pandas_seconds = timed_process([context.python, "-c", PANDAS, str(workbook), str(scratch)])[
            "seconds"
        ]
        scratch.unlink(missing_ok=True)
        pandas_note = (
            f"pandas.read_excel (openpyxl) + to_sql of the two sheets: {pandas_seconds:.1f} s, "
            f"{pandas_seconds / value:.1f}× the import's time (goal ≥ 4×); "
        )
    except ImportError:
        pandas_note = "pandas not installed (pip install -e '.[dev]'): its floor was not measured; "
    ratio = value / floor_value
    ok = ratio <= 2.0 and (pandas_seconds is None or pandas_seconds >= 4 * value)
    made = context.extra.get("import_workbook", {})
    return Measurement(
        name="import.national_workbook",
        unit="s",
        value=value,
        floor=floor_value,
        floor_label="bare calamine parse of the same file (process)",
        goal="≤ 2.0× the calamine parse; ≥ 4× faster than pandas.read_excel + to_sql",
        ok=ok,
        peak_rss_mb=max(peaks),
        samples=values,
        floor_samples=floors,
        notes=pandas_note
        + f"calamine floor peak {max(floor_peaks):.0f} MB; workbook {workbook.stat().st_size / 2**20:.0f} MB"
        + (f", written in {made['seconds']:.0f} s" if made else ""),
    )


SMALL_FILE = WORK / "import_small.xlsx"


def small_workbook() -> Path:
    """300 grants in the national SCDL layout (camelCase headers, no reference, no status), the
    kind of file staff receive and import one at a time."""
    if SMALL_FILE.exists():
        return SMALL_FILE
    SMALL_FILE.parent.mkdir(parents=True, exist_ok=True)
    from datetime import date, timedelta

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Subventions"
    sheet.append(
        ["nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision",
         "nomBeneficiaire", "idBeneficiaire", "objet", "montant", "nature",
         "conditionsVersement", "datesPeriodeVersement", "pourcentageSubvention"]
    )  # fmt: skip
    for i in range(300):
        sheet.append(
            [f"Département {i % 3}", "22170001600738", date(2020, 1, 1) + timedelta(days=i),
             f"2020-{i // 10:03d}", f"ASSOCIATION {i % 120}", f"{56182048100019 + i}",
             f"Projet {i}", f"{1000 + 37 * i},{i % 100:02d}", "Numéraire", "Unique",
             "2020-01-01_2020-12-31", "1.0"]
        )  # fmt: skip
    book.save(SMALL_FILE)
    return SMALL_FILE


def import_small(context: Context) -> Measurement:
    """A 300-row file imported end to end, whole process, against `portfolio-desktop --version`
    in the same run (the interpreter and the package's start-up, which every command pays)."""
    workbook = small_workbook()
    target = WORK / "import_small.sqlite"

    def app() -> float:
        empty_database(context, target)
        argv = [context.python, "-m", "portfolio_desktop", "import", str(workbook), "--db",
                str(target), "--json"]  # fmt: skip
        return timed_process(argv)["seconds"]

    def floor() -> float:
        return timed_process([context.python, "-m", "portfolio_desktop", "--version"])["seconds"]

    repeat = max(3, min(context.repeat, 7))
    values, floors = [], []
    for _ in range(repeat):
        floors.append(floor())
        values.append(app())
    value = sorted(values)[len(values) // 2]
    floor_value = sorted(floors)[len(floors) // 2]
    return Measurement(
        name="import.small_file",
        unit="s",
        value=value,
        floor=floor_value,
        floor_label="`portfolio-desktop --version` (process)",
        goal="< 2 s end to end on an idle machine",
        ok=value < 2.0,
        samples=values,
        floor_samples=floors,
        notes="300 SCDL grants (.xlsx), generated references, status and instrument proposed",
    )


BENCHMARKS = [
    Benchmark(
        "import.national_workbook",
        "`portfolio-desktop import` of the national demo as a workbook, into an empty portfolio",
        import_national,
    ),
    Benchmark(
        "import.small_file",
        "`portfolio-desktop import` of a 300-row grant file, whole process, into an empty portfolio",
        import_small,
    ),
]

if __name__ == "__main__":
    sys.exit("run with: python benchmarks/run.py import.national_workbook --reuse")

_ = median_of

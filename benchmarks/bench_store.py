"""The portfolio store: national demo generation, and `stats` on the national database (goal ≤ 1 s)."""

from __future__ import annotations

import sqlite3
import statistics
import time
from pathlib import Path

from run import WORK, Benchmark, Context, Measurement, alternated, timed_process

#: The SQL a bare sqlite3 script needs for the same figures as `stats` (the floor).
FLOOR_QUERIES = (
    "SELECT status, count(*) FROM project GROUP BY status",
    "SELECT count(*) FROM organisation",
    "SELECT count(*) FROM participation",
    "SELECT count(*), sum(granted_cents) FROM funding_line",
    "SELECT sum(total_budget_cents) FROM project",
    "SELECT year, sum(granted_cents) FROM funding_line WHERE year IS NOT NULL GROUP BY year",
    "SELECT d.name, sum(f.granted_cents * pd.percent) FROM funding_line f "
    "JOIN project_domain pd ON pd.project_id = f.project_id JOIN domain d ON d.id = pd.domain_id GROUP BY d.name",
    "SELECT fu.name, sum(f.granted_cents) FROM funding_line f JOIN funder fu ON fu.id = f.funder_id GROUP BY fu.name",
)


def _tables_and_schema(
    conn: sqlite3.Connection,
) -> tuple[dict[str, int], list[tuple[str, list[tuple[object, ...]]]], list[str]]:
    """The ordinary tables' row counts and rows, and the statements that make the schema again.

    A full-text index is a virtual table whose `CREATE VIRTUAL TABLE` makes its own shadow
    tables (`<name>_data`, `_idx`, `_docsize`, `_config`, `_content`): those are neither
    created again nor copied."""
    entries = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY type = 'trigger', rowid"
    ).fetchall()
    virtual = [name for _t, name, sql in entries if sql.upper().startswith("CREATE VIRTUAL TABLE")]

    def shadow(name: str) -> bool:
        return any(name.startswith(f"{v}_") for v in virtual)

    schema = [sql for _t, name, sql in entries if not shadow(name)]
    tables = [
        name
        for kind, name, sql in entries
        if kind == "table"
        and name not in virtual
        and not shadow(name)
        and name != "alembic_version"
    ]
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    rows = [(t, conn.execute(f"SELECT * FROM {t}").fetchall()) for t in tables]
    return counts, rows, schema


def national_demo(context: Context) -> Measurement:
    context.reuse = False
    path = context.national_db()
    result = context.extra["national_demo"]
    with sqlite3.connect(path) as conn:
        counts, rows, schema = _tables_and_schema(conn)
    # Floor: the same rows written by bare sqlite3 executemany into an empty copy of the schema
    # (the full-text indexes are filled by the schema's own triggers, as the application's are).
    floor_path = WORK / "floor.sqlite"
    floor_path.unlink(missing_ok=True)
    with sqlite3.connect(floor_path) as target:
        for sql in schema:
            target.execute(sql)
    start = time.perf_counter()
    with sqlite3.connect(floor_path) as target:
        target.execute("PRAGMA journal_mode=WAL")
        for table, data in rows:
            if data:
                marks = ",".join("?" * len(data[0]))
                target.executemany(f"INSERT INTO {table} VALUES ({marks})", data)
    floor = time.perf_counter() - start
    for suffix in ("", "-wal", "-shm"):
        Path(f"{floor_path}{suffix}").unlink(missing_ok=True)
    total_rows = sum(counts.values())
    return Measurement(
        name="store.national_demo",
        unit="s",
        value=result["seconds"],
        floor=floor,
        floor_label="bare sqlite3 executemany of the same rows",
        goal="reported (no bound set)",
        peak_rss_mb=result["peak_rss_mb"],
        samples=[result["seconds"]],
        floor_samples=[floor],
        notes=f"{counts['project']} projects, {counts['funding_line']} funding lines, {total_rows} rows in all",
    )


def stats_national(context: Context) -> Measurement:
    path = context.national_db()
    argv = [context.python, "-m", "portfolio_desktop", "stats", "--json", "--db", str(path)]
    timed_process(argv)  # warm the page cache once, as a user's second run would be
    peaks: list[float] = []

    def app() -> float:
        result = timed_process(argv)
        peaks.append(result["peak_rss_mb"])
        return result["seconds"]

    floor_code = "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\n" + "".join(
        f"c.execute({q!r}).fetchall()\n" for q in FLOOR_QUERIES
    )

    def floor() -> float:
        return timed_process([context.python, "-c", floor_code, str(path)])["seconds"]

    samples, floor_samples = alternated(app, floor, context.repeat)
    value, floor_value = statistics.median(samples), statistics.median(floor_samples)
    return Measurement(
        name="store.stats_national",
        unit="s",
        value=value,
        floor=floor_value,
        floor_label="bare sqlite3 process running the same aggregates",
        goal="≤ 1 s (whole command)",
        ok=value <= 1.0,
        peak_rss_mb=max(peaks),
        samples=samples,
        floor_samples=floor_samples,
    )


BENCHMARKS = [
    Benchmark(
        "store.national_demo", "generate the national demo (100,000 projects)", national_demo
    ),
    Benchmark(
        "store.stats_national",
        "`portfolio-desktop stats --json` on the national demo",
        stats_national,
    ),
]

"""Shared fixtures: every test gets its own home folder and, when it asks, a freshly migrated database."""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# pytester: tests/test_fast_tier.py runs this conftest on a small suite of its own.
pytest_plugins = ("pytester",)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# -- The fast tier (./test.sh --fast) ---------------------------------------------------------------
#
# The edit–test loop needs the pure and single-database tests in under two minutes; the whole suite
# (what CI runs) takes far longer. `--fast` leaves out the tests carrying these markers, the tests
# that drive the whole desktop, and the modules and tests below. Those are marked `slow` here, so
# that `-m slow` (or `-m "not slow"`) selects them the same way. Each entry says why it is left to
# the full run; the figures are seconds measured on a busy two-core machine.

#: Markers whose tests only the full run takes.
FULL_RUN_MARKERS = ("slow", "postgres", "libreoffice")
#: Fixtures that start the whole desktop (main window, every view) on a copy of the demo.
FULL_RUN_FIXTURES = frozenset({"desktop", "empty_desktop", "opened_desktop"})
#: Test modules, or single tests, the fast tier leaves out, and why.
FULL_RUN_ONLY = {
    "tests/services/test_import_pole_identity.py::test_a_poles_export_joins_its_pole_with_its_own_organisations": (
        "three whole pole workbooks imported and two exported (25 s)"
    ),
    "tests/test_packaging.py": "builds the bundle with PyInstaller (minutes)",
    "tests/test_bootstrap.py": "runs the shell bootstrap, with its package-index timeouts",
    "tests/test_selftest.py": "starts the installed application in child processes",
    "tests/test_cli.py": "runs the commands in child processes on the demo (12 s for one)",
    "tests/test_cli_safety.py": "backs up, restores and locks through real processes",
    "tests/storage/test_crash.py": "kills writers in child processes",
    "tests/storage/test_locking.py": "holds locks from child processes and waits on them",
    "tests/services/test_import_crash.py": "kills a child process during a large import",
    "tests/services/test_import_hostile.py": "hostile workbooks, each read by a child process "
    "under a memory limit (5–10 s each)",
    "tests/services/test_lost_update.py": "two editor processes racing on one project",
    "tests/services/test_report.py": "renders PDF reports page by page (8–12 s each)",
    "tests/ui/test_dashboard.py": "draws every chart of the dashboard, again after each filter",
    "tests/ui/test_startup.py": "starts the whole desktop in a child process",
    "tests/services/test_export_roundtrip.py::test_random_portfolios_come_back_identical": (
        "hypothesis: many random portfolios exported and imported back (45 s)"
    ),
    "tests/services/test_import_workbook.py::test_cli_exit_codes_and_json": (
        "the import command in child processes (36 s)"
    ),
    "tests/services/test_import_files.py::test_the_widest_sheet_excel_allows_has_its_headers_matched_in_seconds": (
        "a 16,384-column sheet (10 s)"
    ),
    "tests/services/test_safety.py::test_backups_are_rotated_not_piled_up": (
        "a year of daily backups of the demo (22 s)"
    ),
    "tests/services/test_safety.py::test_a_large_import_is_preceded_by_a_backup": (
        "a large import after a backup (20 s)"
    ),
    "tests/services/test_output_files.py::test_charts_and_reports_get_the_usual_permissions_and_reach_the_disk": (
        "writes every chart and a report (10 s)"
    ),
    "tests/storage/test_backups.py::test_rotation_keeps_7_daily_4_weekly_12_monthly": (
        "two years of backups (12 s)"
    ),
    "tests/storage/test_summaries.py::test_an_imported_portfolio_has_the_summaries_a_refresh_computes": (
        "imports the demo twice over (15–19 s each)"
    ),
    "tests/services/test_demo.py::test_same_seed_same_portfolio": "builds the demo twice (8 s)",
    "tests/services/test_import_files.py::test_a_large_csv_is_read_in_a_fraction_of_the_memory": (
        "measures the memory of a child process reading a large file (6 s)"
    ),
    "tests/services/test_import_files.py::test_a_huge_cell_in_a_workbook_is_refused_before_calamine_reads_it": (
        "a workbook with a cell of many megabytes (5 s)"
    ),
    "tests/services/test_import_reader.py::test_hostile_files_are_refused_in_bounded_memory": (
        "hostile files read by child processes under a memory limit (6 s)"
    ),
    "tests/ui/test_export_dialog.py::test_threaded_export_with_progress_and_cancel": (
        "two whole exports on the real thread pool (5 s)"
    ),
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fast",
        action="store_true",
        help="the quick tier: leave out the slow, PostgreSQL, LibreOffice, multi-process and "
        "whole-desktop tests (tests/conftest.py says which and why)",
    )


def _full_run_only(item: pytest.Item) -> bool:
    node = f"tests/{Path(str(item.path)).relative_to(Path(__file__).parent).as_posix()}"
    name = getattr(item, "originalname", item.name)
    if node in FULL_RUN_ONLY or f"{node}::{name}" in FULL_RUN_ONLY:
        return True
    return not FULL_RUN_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _full_run_only(item):
            item.add_marker(pytest.mark.slow)
    if not config.getoption("--fast"):
        return
    kept, left = [], []
    for item in items:
        slow = any(item.get_closest_marker(name) for name in FULL_RUN_MARKERS)
        (left if slow else kept).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Data, logs, backups and settings of the application go to a throw-away folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PORTFOLIO_DESKTOP_HOME", str(home))
    monkeypatch.setenv("PORTFOLIO_DESKTOP_LANG", "fr")
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "portfolio.sqlite"


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The database server of `db` and `pole_db`: sqlite, or postgres (see pytest_generate_tests)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def db(backend: str, db_path: Path, request: pytest.FixtureRequest):
    """An empty portfolio database built by the real migrations (SQLite, or PostgreSQL for the
    storage and service tests' second run)."""
    from portfolio_desktop.storage.schema import open_database

    if backend == "postgres":
        yield from _postgres_copy(request, "pg_template")
        return
    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def pole_demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pole-scale demo (seed 1), built once per test session; copy it before writing."""
    from portfolio_desktop.services.demo import create_demo
    from portfolio_desktop.storage.schema import open_database

    path = tmp_path_factory.mktemp("demo") / "pole.sqlite"
    database = open_database(path)
    create_demo(database, "pole", 1)
    database.engine.dispose()
    with database.engine.connect() as conn:  # fold the WAL into the main file for clean copies
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture
def pole_db(backend: str, request: pytest.FixtureRequest, tmp_path: Path):
    """A private copy of the pole demo, open and migrated."""
    from portfolio_desktop.storage.schema import open_database

    if backend == "postgres":
        yield from _postgres_copy(request, "pg_pole_template")
        return
    pole_demo_file = request.getfixturevalue("pole_demo_file")
    copy = tmp_path / "pole.sqlite"
    shutil.copyfile(pole_demo_file, copy)
    database = open_database(copy)
    yield database
    database.dispose()


def corpus(*parts: str) -> Path:
    """A file of ../shared/corpus, or a skip with the reason when the corpus is absent."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus file missing: {path} (the shared corpus sits beside the project)")
    return path


# -- PostgreSQL (data safety and team mode, issue 7) ---------------------------------------------------
#
# The storage and service tests that use `db` or `pole_db` run twice: on SQLite and on a real
# PostgreSQL server that the session starts in a temporary folder (tests/pg_cluster.py). Without
# PostgreSQL installed they fail with a clear message, unless PORTFOLIO_DESKTOP_SKIP_POSTGRES=1
# says to skip them on purpose (never silently).

#: Folders (under tests/) whose tests run on both databases.
BOTH_BACKENDS = ("storage", "services")
#: Tests that check SQLite itself (its file, pragmas, FTS5 index, file locks), not the portfolio.
SQLITE_ONLY = {
    "tests/storage/test_schema.py::test_search_index_follows_every_write",
    "tests/storage/test_schema.py::test_sqlite_pragmas",
    "tests/storage/test_schema.py::test_newer_database_is_refused_and_untouched",
    "tests/storage/test_schema.py::test_writers_begin_immediate_and_queue",
    "tests/storage/test_summaries.py::test_renamed_partners_are_found_after_a_refresh",
    # These read the SQLite file itself (sqlite3 queries, file digests, the folder's files).
    "tests/services/test_export.py::test_filtered_export_holds_the_view",
    "tests/services/test_export.py::test_template_has_headers_and_lists_only",
    "tests/services/test_export_libreoffice.py::test_every_sheet_reads_back_in_libreoffice",
    "tests/services/test_import_crash.py::test_kill_during_a_large_import_leaves_the_database_as_it_was",
    "tests/services/test_import_workbook.py::test_a_funders_spreadsheet_maps_by_synonyms",
    "tests/services/test_import_workbook.py::test_anr_projects_import_through_their_profile",
    "tests/services/test_report.py::test_cancelling_leaves_nothing",
}
_pg_names = itertools.count(1)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    relative = Path(str(metafunc.definition.path)).relative_to(Path(__file__).parent)
    node = f"tests/{relative.as_posix()}::{metafunc.definition.originalname}"
    if relative.parts[0] not in BOTH_BACKENDS or node in SQLITE_ONLY:
        return
    metafunc.parametrize(
        "backend",
        ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
        indirect=True,
    )


@pytest.fixture(scope="session")
def postgres_server():
    """The throw-away PostgreSQL server of this test session."""
    from .pg_cluster import PgCluster, find_bindir

    if os.environ.get("PORTFOLIO_DESKTOP_SKIP_POSTGRES") == "1":
        pytest.skip("PostgreSQL tests switched off on purpose (PORTFOLIO_DESKTOP_SKIP_POSTGRES=1)")
    bindir = find_bindir()
    if bindir is None:
        pytest.fail(
            "PostgreSQL is not installed (no initdb): ./test.sh installs Debian's postgresql "
            "package; set PORTFOLIO_DESKTOP_SKIP_POSTGRES=1 to skip these tests on purpose.",
            pytrace=False,
        )
    cluster = PgCluster(bindir)
    try:
        cluster.start()
    except Exception as error:
        log = cluster.root / "server.log"
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        cluster.stop()
        pytest.fail(f"PostgreSQL did not start: {error}\n{getattr(error, 'stderr', '')}\n{detail}")
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_template(postgres_server) -> str:
    """An empty portfolio database migrated once; each test gets a copy (CREATE DATABASE … TEMPLATE)."""
    from portfolio_desktop.storage.schema import open_database

    postgres_server.sql("CREATE DATABASE portfolio_template")
    open_database(postgres_server.admin_url("portfolio_template")).dispose()
    return "portfolio_template"


@pytest.fixture(scope="session")
def pg_pole_template(postgres_server, pg_template: str) -> str:
    """The pole demo (seed 1) on PostgreSQL, built once."""
    from portfolio_desktop.services.demo import create_demo
    from portfolio_desktop.storage.schema import open_database

    postgres_server.sql(f"CREATE DATABASE pole_template TEMPLATE {pg_template}")
    database = open_database(postgres_server.admin_url("pole_template"))
    create_demo(database, "pole", 1)
    database.dispose()
    return "pole_template"


def _postgres_copy(request: pytest.FixtureRequest, template_fixture: str):
    from portfolio_desktop.storage.schema import open_database

    server = request.getfixturevalue("postgres_server")
    template = request.getfixturevalue(template_fixture)
    name = f"test_{next(_pg_names)}"
    server.sql(f"CREATE DATABASE {name} TEMPLATE {template}")
    database = open_database(server.admin_url(name))
    try:
        yield database
    finally:
        database.dispose()
        server.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

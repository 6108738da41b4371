"""Shared fixtures: every test gets its own home folder and, when it asks, a freshly migrated database."""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


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

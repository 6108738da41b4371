"""Shared fixtures: every test gets its own home folder and, when it asks, a freshly migrated database."""

from __future__ import annotations

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
def db(db_path: Path):
    """An empty portfolio database built by the real migrations."""
    from portfolio_desktop.storage.schema import open_database

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
def pole_db(pole_demo_file: Path, tmp_path: Path):
    """A private copy of the pole demo, open and migrated."""
    from portfolio_desktop.storage.schema import open_database

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

"""The bulk path of a large import into a smaller portfolio (SQLite): the big tables' secondary
indexes are set aside while the rows go in and made again once; the result is the incremental
path's, column for column, with the same schema afterwards."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.services.excel_export import export_workbook
from portfolio_desktop.services.excel_import import import_workbook, undo_import
from portfolio_desktop.storage import bulk
from portfolio_desktop.storage.apply import bulk_import
from portfolio_desktop.storage.schema import open_database


def schema(path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"
        ).fetchall()


def contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every column of every table but the moments things were written (`…_at`)."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with sqlite3.connect(path) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            columns = [
                row[1]
                for row in conn.execute(f'PRAGMA table_info("{table}")')
                if not (row[1] == "at" or row[1].endswith("_at"))
            ]
            quoted = ", ".join(f'"{c}"' for c in columns)
            found[table] = sorted(conn.execute(f'SELECT {quoted} FROM "{table}"'), key=repr)
    return found


def imported(workbook: Path, target: Path, bulk_from: int, monkeypatch: Any) -> Any:
    monkeypatch.setattr(bulk_import, "BULK_FROM", bulk_from)
    database = open_database(target)
    try:
        report = import_workbook(database, workbook)
        assert report.ok, report.to_json()["errors"][:3]
        return report
    finally:
        database.dispose()


@pytest.fixture
def workbook(pole_demo_file: Path, tmp_path: Path) -> Path:
    """The pole's projects since 2018 (several hundred, with their money sheets)."""
    database = open_database(pole_demo_file)
    path = tmp_path / "depuis_2018.xlsx"
    try:
        export_workbook(database, path, lang="fr", project_filter=ProjectFilter(year_from=2018))
    finally:
        database.dispose()
    return path


def test_the_bulk_path_writes_what_the_incremental_path_writes(
    workbook: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    suspended: list[int] = []
    real = bulk.suspend_indexes

    def counting(cursor: Any, *args: Any) -> list[tuple[str, str]]:
        indexes = real(cursor, *args)
        suspended.append(len(indexes))
        return indexes

    monkeypatch.setattr(bulk, "suspend_indexes", counting)
    incremental, at_once = tmp_path / "incremental.sqlite", tmp_path / "bulk.sqlite"
    imported(workbook, incremental, 10**9, monkeypatch)
    assert suspended == []
    report = imported(workbook, at_once, 1, monkeypatch)
    # The big tables' secondary indexes (project alone has a dozen) were set aside, once.
    assert len(suspended) == 1 and suspended[0] >= 20
    assert report.count("projects", "created") > 300
    assert schema(at_once) == schema(incremental)
    first, second = contents(incremental), contents(at_once)
    assert list(first) == list(second)
    for table in first:
        assert first[table] == second[table], table
    with sqlite3.connect(at_once) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_bulk_path_is_only_taken_for_more_projects_than_the_portfolio_holds(
    pole_demo_file: Path, workbook: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    suspended: list[int] = []
    real = bulk.suspend_indexes

    def counting(cursor: Any, *args: Any) -> list[tuple[str, str]]:
        suspended.append(1)
        return real(cursor, *args)

    monkeypatch.setattr(bulk, "suspend_indexes", counting)
    target = tmp_path / "target.sqlite"
    empty = schema(open_database(target).dispose() or target)
    imported(workbook, target, 1, monkeypatch)  # into an empty portfolio
    assert suspended == [1]
    # A few projects of one earlier year into the portfolio that now holds hundreds.
    source = open_database(pole_demo_file)
    few = tmp_path / "2012.xlsx"
    try:
        export_workbook(
            source, few, lang="fr", project_filter=ProjectFilter(year_from=2012, year_to=2012)
        )
    finally:
        source.dispose()
    report = imported(few, target, 1, monkeypatch)
    assert 0 < report.count("projects", "created") < 300
    assert suspended == [1]
    # Undoing both leaves the schema as it was made.
    database = open_database(target)
    try:
        for batch in (2, 1):
            assert undo_import(database, batch)["deleted"] > 0
    finally:
        database.dispose()
    assert schema(target) == empty

"""Summary columns and the full-text index follow the data, row by row or in bulk."""

from __future__ import annotations

import pytest

from portfolio_desktop.storage import search
from portfolio_desktop.storage.summaries import refresh_projects


def fts_ids(db, word: str) -> set[int]:
    with db.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT rowid FROM project_fts WHERE project_fts MATCH ?", (f'"{word}"',)
        )
        return {r[0] for r in rows}


@pytest.mark.parametrize("threshold", [10, 1_000_000], ids=["bulk-rebuild", "row-by-row"])
def test_renamed_partners_are_found_after_a_refresh(pole_db, monkeypatch, threshold: int) -> None:
    """SQLite only (conftest.SQLITE_ONLY): the FTS5 index is SQLite's; PostgreSQL scans search_text."""
    monkeypatch.setattr(search, "REBUILD_THRESHOLD", threshold)
    with pole_db.write() as session:
        conn = session.connection()
        org_id = conn.exec_driver_sql(
            "SELECT organisation_id FROM participation GROUP BY organisation_id ORDER BY count(*) DESC LIMIT 1"
        ).scalar()
        projects = {
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT project_id FROM participation WHERE organisation_id = ?", (org_id,)
            )
        }
        conn.exec_driver_sql(
            "UPDATE organisation SET name = 'Zorglubtronic SAS' WHERE id = ?", (org_id,)
        )
        refresh_projects(session, None)
    assert fts_ids(pole_db, "zorglubtronic") == projects
    # Unchanged rows are not rewritten, and the update trigger still works afterwards.
    with pole_db.write() as session:
        conn = session.connection()
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name = 'project_fts_au'"
            ).scalar()
            == 1
        )
        one = min(projects)
        conn.exec_driver_sql("UPDATE project SET title = 'Quasar' WHERE id = ?", (one,))
        refresh_projects(session, [one])
    assert fts_ids(pole_db, "quasar") == {one}
    with pole_db.read() as session:
        assert session.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"

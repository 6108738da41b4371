"""Summary columns and the full-text index follow the data, row by row or in bulk."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portfolio_desktop.domain.text import fold
from portfolio_desktop.storage import search, summaries
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


SUMMARY_SNAPSHOT = {
    "projects": (
        "SELECT id, granted_cents, requested_cents, lead_organisation_id, lead_name,"
        " domains_label, regions_label, search_text, reference_sort, acronym_sort, title_sort,"
        " lead_sort, domains_sort, regions_sort FROM project ORDER BY id"
    ),
    "line years": "SELECT id, year FROM funding_line ORDER BY id",
    "shares": (
        "SELECT funding_line_id, project_id, domain_id, year, funder_id, instrument, granted_cp,"
        " requested_cp FROM funding_share ORDER BY funding_line_id, domain_id, year, granted_cp"
    ),
}


def summary_snapshot(db) -> dict[str, list[tuple]]:
    with db.read() as session:
        conn = session.connection()
        return {
            name: [tuple(r) for r in conn.exec_driver_sql(sql)]
            for name, sql in SUMMARY_SNAPSHOT.items()
        }


@pytest.mark.parametrize("threshold", [10, 1_000_000], ids=["bulk-insert", "row-by-row"])
def test_an_imported_portfolio_has_the_summaries_a_refresh_computes(
    pole_db, db, backend, tmp_path, monkeypatch, threshold: int
) -> None:
    """An import computes its new projects' summaries, line years and funding shares as it
    inserts them (and suspends the full-text triggers for a large batch): they equal what
    `refresh_projects` computes from the database afterwards."""
    from portfolio_desktop.services.excel_export import export_workbook
    from portfolio_desktop.services.excel_import import import_workbook

    monkeypatch.setattr(search, "REBUILD_THRESHOLD", threshold)
    workbook = tmp_path / "pole.xlsx"
    export_workbook(pole_db, workbook)
    assert import_workbook(db, workbook).ok
    imported = summary_snapshot(db)
    assert len(imported["projects"]) > 1000 and imported["shares"]
    with db.write() as session:
        refresh_projects(session, None)
    assert summary_snapshot(db) == imported
    if backend != "sqlite":
        return
    # The full-text indexes hold exactly the rows' text (FTS5's own check), and find the same.
    with db.read() as session:
        conn = session.connection()
        for index in search.INDEXES:
            conn.exec_driver_sql(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
    assert fts_ids(db, "rennes") == fts_ids(pole_db, "rennes") != set()


@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=12), max_size=6))
def test_a_search_text_folded_part_by_part_equals_the_fold_of_the_whole(parts: list[str]) -> None:
    """The import folds a new project's reference, acronym, title and partner names one by one
    (each recurring name once); `refresh_projects` folds them joined. Both must agree."""
    assert summaries._search_text(parts) == fold(" ".join(parts))

"""Schema: migrations build what the tables declare; newer databases are refused untouched; older ones
are migrated after a verified backup; SQLite is set up for safety."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from portfolio_desktop.errors import DatabaseForeignError, DatabaseNewerError
from portfolio_desktop.storage import schema
from portfolio_desktop.storage.backup import integrity_ok
from portfolio_desktop.storage.database import make_database
from portfolio_desktop.storage.schema import SchemaState, open_database, prepare
from portfolio_desktop.storage.tables import Base


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _not_search_index(_object, name, type_, _reflected, _compare_to) -> bool:
    # project_fts* and project_words* are SQLite FTS5 tables (migrations 0005 and 0008), outside
    # the declared metadata.
    return not (type_ == "table" and name.startswith(("project_fts", "project_words")))


def test_migrations_build_exactly_the_declared_tables(db) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _not_search_index})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_search_index_follows_every_write(db) -> None:
    """The FTS5 triggers survive the migrations and keep the index in step with search_text."""
    with db.write() as session:
        conn = session.connection()
        conn.exec_driver_sql("INSERT INTO cluster (code, name, regions) VALUES ('IR', 'IR', '')")
        conn.exec_driver_sql(
            "INSERT INTO project (cluster_id, reference, acronym, title, summary, status, keywords, notes, "
            "responsible_digital, granted_cents, requested_cents, lead_name, domains_label, regions_label, "
            "search_text, version, created_at, updated_at) VALUES (1, 'IR-1', 'A', 'T', '', 'draft', '', '', 0, "
            "0, 0, '', '', '', 'quantum photonics', 1, '2024-01-01', '2024-01-01')"
        )

    def found(word: str) -> list[int]:
        with db.read() as session:
            rows = session.connection().exec_driver_sql(
                "SELECT rowid FROM project_fts WHERE project_fts MATCH ?", (f'"{word}"',)
            )
            return [r[0] for r in rows]

    assert found("photon") == [1]
    with db.write() as session:
        session.connection().exec_driver_sql(
            "UPDATE project SET search_text = 'cyber defense' WHERE id = 1"
        )
    assert found("photon") == []
    assert found("defen") == [1]
    with db.write() as session:
        session.connection().exec_driver_sql("DELETE FROM project WHERE id = 1")
    assert found("defen") == []


def test_revision_ids_are_file_names_in_alembic_order() -> None:
    scripts = ScriptDirectory.from_config(schema.alembic_config())
    alembic_order = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert alembic_order == schema.known_revisions()
    assert scripts.get_current_head() == schema.head_revision()


def test_new_database_has_the_six_domains(db) -> None:
    with db.read() as session:
        names = [
            r[0]
            for r in session.connection().exec_driver_sql(
                "SELECT name FROM domain ORDER BY position"
            )
        ]
    assert names == [
        "Données & Intelligence Artificielle",
        "Confiance numérique & Cybersécurité",
        "Réseaux & Infrastructures",
        "Photonique & Quantique",
        "Images, Immersivité & Jumeaux numériques",
        "IoT, Applications logicielles & Intégration de solutions",
    ]


def test_sqlite_pragmas(db) -> None:
    with db.read() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_newer_database_is_refused_and_untouched(db, db_path: Path) -> None:
    with db.write() as session:
        session.connection().exec_driver_sql(
            "UPDATE alembic_version SET version_num = '9999_from_the_future'"
        )
    db.dispose()
    before = digest(db_path)
    with pytest.raises(DatabaseNewerError) as caught:
        open_database(db_path)
    assert caught.value.params["revision"] == "9999_from_the_future"
    assert digest(db_path) == before


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    before = digest(path)
    with pytest.raises(DatabaseForeignError):
        open_database(path)
    assert digest(path) == before


def test_older_database_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    first = schema.known_revisions()[0]
    database = make_database(path)
    prepare(database, target=first)
    with database.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO cluster (code, name, regions) VALUES ('IR', 'Images & Réseaux', 'BRE')"
        )
    database.dispose()
    assert schema.inspect_state(make_database(path))[0] is SchemaState.OLDER

    backups = tmp_path / "backups"
    database = make_database(path)
    report = prepare(database, backups)
    database.dispose()
    assert report.state is SchemaState.OLDER
    assert report.revision_before == first
    assert report.revision_after == schema.head_revision()
    assert report.backup is not None and report.backup.parent == backups
    assert integrity_ok(report.backup)
    with sqlite3.connect(report.backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (first,)
        assert conn.execute("SELECT name FROM cluster").fetchall() == [("Images & Réseaux",)]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM cluster").fetchall() == [("Images & Réseaux",)]


def test_writers_begin_immediate_and_queue(db) -> None:
    """A second writer waits for the first to commit instead of failing half-way."""
    order: list[str] = []
    started = threading.Event()

    def first_writer() -> None:
        with db.write() as session:
            session.connection().exec_driver_sql(
                "INSERT INTO cluster (code, name, regions) VALUES ('A', 'A', '')"
            )
            started.set()
            time.sleep(0.3)
            order.append("first committed")

    thread = threading.Thread(target=first_writer)
    thread.start()
    started.wait(5)
    with db.write() as session:
        order.append("second began")
        session.connection().exec_driver_sql(
            "INSERT INTO cluster (code, name, regions) VALUES ('B', 'B', '')"
        )
    thread.join()
    assert order == ["first committed", "second began"]


def test_failed_unit_of_work_leaves_nothing(db) -> None:
    with pytest.raises(RuntimeError), db.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO cluster (code, name, regions) VALUES ('X', 'X', '')"
        )
        raise RuntimeError("boom")
    with db.read() as session:
        assert session.connection().exec_driver_sql("SELECT count(*) FROM cluster").scalar() == 0

"""Bringing a database to the current schema: create, migrate after a verified backup, or refuse.

A database written by a newer version of the application is refused and left untouched, and so
is one at a revision this version does not know and that is not newer (a development build's); an
older one is copied (online backup, integrity-checked) before Alembic upgrades it in one
transaction. An empty (0-byte) file beside backups of itself is a portfolio that lost its content,
not a new one: it is refused, never re-created. Every driver error on the way (a damaged,
read-only or locked file, a server that is down) is a KnownError, as in any unit of work.
"""

from __future__ import annotations

import enum
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, inspect, text

from ..errors import (
    DatabaseEmptiedError,
    DatabaseForeignError,
    DatabaseNewerError,
    DatabaseUnknownRevisionError,
)
from .database import WRITER_LOCK_TABLE, Database

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaState(enum.Enum):
    """Where a database stands against this version's schema."""

    EMPTY = "empty"
    CURRENT = "current"
    OLDER = "older"
    NEWER = "newer"
    #: A revision this version does not know, numbered at or below its own head.
    UNKNOWN = "unknown"
    FOREIGN = "foreign"


@dataclass(frozen=True, slots=True)
class SchemaReport:
    """What `prepare` found and did."""

    state: SchemaState
    revision_before: str | None
    revision_after: str | None
    backup: Path | None = None


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> list[str]:
    """Every revision this version knows, oldest first.

    A revision's id is its file's name (`0002_import_batches.py` is `0002_import_batches`), and
    names sort in order; a test holds Alembic's own graph to this. Reading the folder instead of
    Alembic's graph keeps Alembic out of start-up when the database is already current.
    """
    return sorted(p.stem for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))


def head_revision() -> str:
    return known_revisions()[-1]


_NUMBERED = re.compile(r"^(\d{4})_")


def _is_later(revision: str) -> bool:
    """Whether an unknown revision id is numbered after this version's head (ids are file names,
    `NNNN_name`, in order; an id of another shape is no later revision of ours)."""
    found, head = _NUMBERED.match(revision), _NUMBERED.match(head_revision())
    return bool(found and head and int(found[1]) > int(head[1]))


def inspect_state(db: Database) -> tuple[SchemaState, str | None]:
    """The database's schema state and its current revision, read without changing anything."""
    if db.path is not None and not db.read_only:
        if not db.path.exists() or db.path.stat().st_size == 0:
            return SchemaState.EMPTY, None
        probe = Database(db.path, read_only=True)
        try:
            return inspect_state(probe)
        finally:
            probe.dispose()
    with db.translate_errors(), db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        revision = None
        if "alembic_version" in tables:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        conn.rollback()
    if revision is None:
        tables -= {"alembic_version", WRITER_LOCK_TABLE}  # the lock table: server-setup's own
        return (SchemaState.EMPTY if not tables else SchemaState.FOREIGN), None
    if revision == head_revision():
        return SchemaState.CURRENT, revision
    if revision in known_revisions():
        return SchemaState.OLDER, revision
    if "project" in tables:
        return (SchemaState.NEWER if _is_later(revision) else SchemaState.UNKNOWN), revision
    return SchemaState.FOREIGN, revision


def _wide_version_table(conn: Connection) -> None:
    """Alembic's version column holds 32 characters; our revision ids are file names, longer.

    SQLite does not enforce the length; PostgreSQL does, so the table is made (or widened) first.
    """
    conn.exec_driver_sql(
        "CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(128) NOT NULL, "
        "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
    )
    conn.exec_driver_sql("ALTER TABLE alembic_version ALTER COLUMN version_num TYPE VARCHAR(128)")


def _upgrade(db: Database, target: str) -> None:
    with db.writer.connect() as conn:
        if db.is_sqlite:
            # Table rebuilds drop tables; with foreign keys on, SQLite would cascade-delete the
            # children. The pragma only works outside a transaction, hence the driver connection.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                from alembic import command

                if not db.is_sqlite:
                    _wide_version_table(conn)
                command.upgrade(alembic_config(conn), target)
                if db.is_sqlite:
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise RuntimeError(f"migration broke foreign keys: {problems[:5]}")
        finally:
            if db.is_sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def refuse_emptied(path: Path, backup_dir: Path) -> None:
    """A 0-byte file that has backups lost its content: `DatabaseEmptiedError`, never a new
    portfolio in its place (nothing is written)."""
    from . import backups

    if not path.exists() or path.stat().st_size != 0:
        return
    found = backups.list_backups(backup_dir)
    if found:
        raise DatabaseEmptiedError(
            path=str(path),
            backup=str(found[0].path),
            taken_at=backups.local_time(found[0].taken_at),
        )


def prepare(db: Database, backup_dir: Path | None = None, *, target: str = "head") -> SchemaReport:
    """Creates, migrates or refuses the database; returns what it did."""
    if not db.is_sqlite:
        db.check_reachable()  # a server that is down, refuses the login or fails TLS: in words
    if db.path is not None:
        refuse_emptied(db.path, backup_dir or db.path.parent)
    state, before = inspect_state(db)
    if state is SchemaState.NEWER:
        raise DatabaseNewerError(path=db.location, revision=before or "")
    if state is SchemaState.UNKNOWN:
        raise DatabaseUnknownRevisionError(path=db.location, revision=before or "")
    if state is SchemaState.FOREIGN:
        raise DatabaseForeignError(path=db.location)
    db.check_reachable()
    backup: Path | None = None
    if state is SchemaState.OLDER and db.path is not None:
        from . import backups

        folder = backup_dir or db.path.parent
        backup = backups.take(db.path, folder, "migration").path
        log.info("verified backup before migration: %s", backup)
    if state in (SchemaState.EMPTY, SchemaState.OLDER):
        log.info("migrating %s from %s to %s", db.location, before, target)
        with db.translate_errors(), db.writers_mutex():
            _upgrade(db, target)
            db.checkpoint_if_large()
        db.forget_layout()  # new tables: the sequences sweep and the lock are looked up again
    _, after = inspect_state(db)
    return SchemaReport(state=state, revision_before=before, revision_after=after, backup=backup)


def open_database(target: str | Path, backup_dir: Path | None = None, **kwargs: Any) -> Database:
    """Opens a database and brings it to the current schema (the usual way in)."""
    from .database import make_database

    db = make_database(target, **kwargs)
    try:
        prepare(db, backup_dir)
    except BaseException:
        db.dispose()
        raise
    return db

"""Engine and unit-of-work setup: SQLite tuned for safety, PostgreSQL for teams.

SQLite: WAL journal, foreign keys on, a busy timeout, and write units of work that begin
IMMEDIATE so that two writers queue instead of failing half-way. Read units begin DEFERRED.
Checkpoints are serialised with commits: SQLite's automatic checkpoint is off on every
connection, and a write unit of work checkpoints (PASSIVE, when the WAL has grown past
`CHECKPOINT_PAGES`) after its commit while it still holds the writers' mutex
(`locking.WritersMutex`), which every writer of this application takes before BEGIN IMMEDIATE:
the SQLite bundled here (3.40.1) has the WAL-reset bug, fixed in 3.51.3, which can corrupt a WAL
database when one connection checkpoints while another commits. (No binding that SQLAlchemy can
use in pysqlite's place carries a fixed SQLite today; see the README.)

PostgreSQL: write units of work first lock the one row of the writers' lock table that
`server-setup` creates (`SELECT … FOR UPDATE`, which needs the UPDATE right: the editor role has
it, the reader role has no right on that table at all, so an executive's login cannot hold the
writers back), so that writers queue exactly as they do on SQLite (the importer numbers new rows
up front). A writer waits at most the busy timeout, as on SQLite, then gives up with the
« occupé » message (`lock_timeout`). A database that `server-setup` did not prepare has no roles
and no readers; its writers queue on a transaction-scoped advisory lock, with the same timeout.
Rows inserted with explicit ids (imports, undo) move the id sequences past them. The password
never sits in the URL.

Every write unit of work carries who writes and from where (`source`: form, import:N, undo,
merge…) for the change history (`storage.history`), which the storage write functions record in
the same transaction.
"""

from __future__ import annotations

import getpass
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Insert, Integer, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import (
    DatabaseReadOnlyError,
    DatabaseUnreachableError,
    KnownError,
    ServerUnreachableError,
    classify_database_error,
)
from . import history

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
#: A write checkpoints the WAL after its commit once the WAL holds this many pages (SQLite's own
#: automatic threshold, which is switched off: see the module docstring).
CHECKPOINT_PAGES = 1000
#: The team server's writers' lock: one row, locked FOR UPDATE by each writer (`storage.server`
#: creates it and grants it to the editor role only).
WRITER_LOCK_TABLE = "portfolio_writer_lock"
#: The advisory lock writers take on a server database without the lock table (no roles set up).
WRITER_LOCK_KEY = 0x706F7274666F6C69 % (2**63)


def database_url(target: str | Path) -> URL:
    """A SQLAlchemy URL from a file path or from a URL given as such (`postgresql+psycopg://…`)."""
    text = str(target)
    if "://" in text:
        return make_url(text)
    return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().absolute()))


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    _setup_sqlite(dbapi_connection, read_only=False)


def _on_sqlite_connect_read_only(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    _setup_sqlite(dbapi_connection, read_only=True)


def _setup_sqlite(dbapi_connection: sqlite3.Connection, *, read_only: bool) -> None:
    # Take transaction control away from pysqlite so that SQLAlchemy's begin event decides.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if read_only:
            # Never change the file, not even its journal mode: it may belong to a newer version.
            cursor.execute("PRAGMA query_only = ON")
            return
        mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode and str(mode[0]).lower() != "wal":
            log.warning("SQLite refused WAL (journal mode %s)", mode[0])
        # Checkpoints only where a write unit of work runs them, under the writers' mutex.
        cursor.execute("PRAGMA wal_autocheckpoint = 0")
        # In WAL mode NORMAL is durable against application crashes and keeps writes fast.
        cursor.execute("PRAGMA synchronous = NORMAL")
        # A 48 MiB page cache per connection: the national projects table searched, sorted by
        # 7 columns and scrolled to its end filled 64 MiB (the desktop at 305 MB, over its
        # 300 MB goal); at 48 MiB it holds 265 MB, keystrokes and sorts as fast (benchmarks).
        cursor.execute("PRAGMA cache_size = -49152")
        cursor.execute("PRAGMA temp_store = MEMORY")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def _advance_sequence(
    conn: Connection,
    clauseelement: Any,
    _multiparams: Any,
    _params: Any,
    _execution_options: Any,
    result: Any,
) -> None:
    """PostgreSQL: after rows were inserted with explicit ids, the id sequence moves past them.

    SQLite takes max(id) + 1 by itself; a PostgreSQL sequence does not, and the next ordinary
    insert would collide with a row an import or an undo put back under its old id.
    """
    if not isinstance(clauseelement, Insert):
        return
    table = clauseelement.table
    column = getattr(table, "c", {}).get("id") if hasattr(table, "c") else None
    if column is None or not column.primary_key or not isinstance(column.type, Integer):
        return
    compiled = getattr(result.context, "compiled_parameters", None) or []
    if not compiled or compiled[0].get("id") is None:
        return
    name = table.name
    conn.exec_driver_sql(
        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), max(id)) FROM \"{name}\" "
        f"HAVING max(id) IS NOT NULL"
    )


def _sequences_sweep(existing: set[str]) -> str:
    """One statement that moves every id sequence past the largest id of its table (PostgreSQL).

    Rows inserted with explicit ids by code that talks to the driver directly (fast bulk paths)
    are invisible to `_advance_sequence`; this sweep, run before each write unit of work commits,
    catches them: one index lookup per table, a `setval` only where needed.
    """
    from .tables import Base

    rows = []
    for table in Base.metadata.sorted_tables:
        column = table.c.get("id")
        if column is None or not column.primary_key or not isinstance(column.type, Integer):
            continue
        if table.name not in existing:  # a database at an earlier revision
            continue
        rows.append(
            f"(pg_get_serial_sequence('\"{table.name}\"', 'id')::regclass, "
            f'(SELECT max(id) FROM "{table.name}"))'
        )
    if not rows:
        return "SELECT 1"
    return (
        "SELECT setval(s, m) FROM (VALUES " + ", ".join(rows) + ") AS t(s, m) "
        "WHERE s IS NOT NULL AND m IS NOT NULL AND m > coalesce(pg_sequence_last_value(s), 0)"
    )


def os_user() -> str:
    """The login name of whoever runs the application ("" when the system cannot tell)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class Database:
    """One portfolio database: its engine, and units of work to read from it or write to it."""

    def __init__(
        self,
        target: str | Path,
        *,
        read_only: bool = False,
        password: str | None = None,
        read_only_reason: str = "",
    ) -> None:
        self.url = database_url(target)
        self.read_only = read_only
        #: Why the database is open read-only (a message code), "" when it is writable.
        self.read_only_reason = read_only_reason
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        #: Who the history names for changes made here: the server login, else the OS login.
        self.user = (self.url.username if not self.is_sqlite else None) or os_user()
        self.path: Path | None = (
            Path(self.url.database) if self.is_sqlite and self.url.database else None
        )
        if self.is_sqlite:
            connect_args: dict[str, Any] = {
                "timeout": BUSY_TIMEOUT_MS / 1000,
                "check_same_thread": False,
            }
            url = self.url
            if read_only and self.path is not None:
                url = URL.create(
                    "sqlite+pysqlite",
                    database=f"file:{self.path}?mode=ro",
                    query={"uri": "true"},
                )
            # A small pool: a connection is used by one thread at a time (check-out), and keeps its
            # page cache warm between units of work.
            self.engine: Engine = create_engine(
                url, pool_size=4, max_overflow=4, connect_args=connect_args
            )
            event.listen(
                self.engine,
                "connect",
                _on_sqlite_connect_read_only if read_only else _on_sqlite_connect,
            )
            event.listen(self.engine, "begin", _on_sqlite_begin)
        else:
            # The password travels beside the URL, never inside it (logs, settings, messages).
            password = password or self.url.password
            server_args: dict[str, Any] = {"password": password} if password else {}
            self.engine = create_engine(
                self.url.set(password=None),
                pool_pre_ping=True,
                pool_size=4,
                connect_args=server_args,
            )
            if self.url.get_backend_name() == "postgresql":
                event.listen(self.engine, "after_execute", _advance_sequence)
        self._sweep: str | None = None
        self._writer_lock: str | None = None
        self.writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._read_sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(bind=self.writer, expire_on_commit=False)

    @property
    def location(self) -> str:
        """What to show the user: the file path, or the server URL without its password."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; it sees one consistent snapshot of the database."""
        with self.translate_errors(), self._read_sessions() as session, session.begin():
            yield session

    @contextmanager
    def write(self, *, source: str = "form", user: str | None = None) -> Iterator[Session]:
        """A write unit of work: all of it is committed, or none of it (exceptions roll back).

        On SQLite it takes the write lock at once (BEGIN IMMEDIATE), so that a second writer
        waits here, before reading anything it would base its writes on; on PostgreSQL an
        advisory lock does the same. `source` and `user` go to the change history.
        """
        if self.read_only:
            raise DatabaseReadOnlyError(path=self.location)
        with self.translate_errors(), self.writers_mutex():
            with self._write_sessions() as session, session.begin():
                connection = session.connection()
                if not self.is_sqlite:
                    self._lock_writers(connection)
                history.set_context(session, user if user is not None else self.user, source)
                yield session
                if not self.is_sqlite:
                    connection = session.connection()
                    if self._sweep is None:
                        existing = connection.exec_driver_sql(
                            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                        )
                        self._sweep = _sequences_sweep({row[0] for row in existing})
                    connection.exec_driver_sql(self._sweep)
            self.checkpoint_if_large()

    @contextmanager
    def writers_mutex(self) -> Iterator[None]:
        """SQLite file: the mutex every writer of this application holds through its commit and
        the checkpoint after it (`locking.WritersMutex`); nothing for a server or in memory."""
        if self.path is None or self.read_only:
            yield
            return
        from .locking import WritersMutex

        with WritersMutex(self.path, BUSY_TIMEOUT_MS):
            yield

    def checkpoint_if_large(self) -> None:
        """SQLite: folds the WAL into the file (PASSIVE: never waits for readers) once it holds
        `CHECKPOINT_PAGES` pages; called by writers after their commit, under the mutex."""
        if self.path is None or self.read_only:
            return
        try:
            size = self.path.with_name(self.path.name + "-wal").stat().st_size
        except OSError:
            return
        if size < CHECKPOINT_PAGES * 4096:
            return
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)")  # type: ignore[union-attr]
        finally:
            raw.close()

    def _lock_writers(self, connection: Connection) -> None:
        """PostgreSQL: waits for the writers' lock, at most the busy timeout (then `server_busy`)."""
        if self._writer_lock is None:
            found = connection.exec_driver_sql(
                "SELECT to_regclass(%(name)s) IS NOT NULL", {"name": WRITER_LOCK_TABLE}
            ).scalar()
            self._writer_lock = (
                f"SELECT id FROM {WRITER_LOCK_TABLE} WHERE id = 1 FOR UPDATE"
                if found
                else f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})"
            )
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(BUSY_TIMEOUT_MS)}ms'")
        connection.exec_driver_sql(self._writer_lock)
        connection.exec_driver_sql("SET LOCAL lock_timeout = DEFAULT")

    def forget_layout(self) -> None:
        """After a migration or a server set-up: the tables' list is read again when needed."""
        self._sweep = None
        self._writer_lock = None

    @contextmanager
    def translate_errors(self) -> Iterator[None]:
        """Driver errors the environment caused become KnownErrors (by code); others pass."""
        try:
            yield
        except KnownError:
            raise
        except (OperationalError, DBAPIError) as exc:
            known = classify_database_error(exc, self.location)
            if known is not None:
                raise known from exc
            raise

    def check_reachable(self) -> None:
        """Opens a connection once; a missing folder or unreachable server becomes a KnownError."""
        try:
            with self.engine.connect():
                pass
        except (OperationalError, DBAPIError) as exc:
            fallback: KnownError = (
                DatabaseUnreachableError(path=self.location)
                if self.is_sqlite
                else ServerUnreachableError(path=self.location)
            )
            raise classify_database_error(exc, self.location) or fallback from exc

    def dispose(self) -> None:
        self.engine.dispose()


def make_database(target: str | Path, **kwargs: Any) -> Database:
    """Creates the parent folder of a new SQLite file, then the Database (kwargs: see Database)."""
    url = database_url(target)
    if url.get_backend_name() == "sqlite" and url.database:
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    return Database(target, **kwargs)

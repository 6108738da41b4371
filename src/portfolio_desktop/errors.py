"""Errors from the environment (locked, read-only, full, corrupt, newer, unreadable).

They are not bugs: each carries a message code and parameters that `messages` turns into a clear
sentence in the user's language. Anything else is a bug and reaches the excepthook.
"""

from __future__ import annotations

import sqlite3


class KnownError(Exception):
    """An expected failure caused by the environment or the input, with a message code."""

    code = "error"

    def __init__(self, code: str | None = None, **params: object) -> None:
        self.code = code or type(self).code
        self.params = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class DatabaseNewerError(KnownError):
    code = "db_newer"


class DatabaseUnknownRevisionError(KnownError):
    """The schema is at a revision this version does not know and that is not a later one."""

    code = "db_unknown_revision"


class DatabaseEmptiedError(KnownError):
    """The file is empty (0 bytes) while backups of it exist: its content was lost."""

    code = "db_emptied"


class DatabaseForeignError(KnownError):
    code = "db_not_portfolio"


class DatabaseLockedError(KnownError):
    code = "db_locked"


class DatabaseReadOnlyError(KnownError):
    code = "db_read_only"


class DiskFullError(KnownError):
    code = "disk_full"


class DatabaseCorruptError(KnownError):
    code = "db_corrupt"


class DatabaseUnreachableError(KnownError):
    code = "db_unreachable"


class BackupFailedError(KnownError):
    code = "backup_failed"


class ServerUnreachableError(KnownError):
    """The team server cannot be reached (down, network gone, connection cut)."""

    code = "server_unreachable"


class ServerPermissionError(KnownError):
    """The server refused a change: the account has read-only access."""

    code = "server_read_only"


class ServerLoginError(KnownError):
    """The server refused the login (wrong user or password)."""

    code = "server_login_failed"


class ServerCertificateError(KnownError):
    """TLS could not be verified (unknown CA, wrong host name, no TLS on the server)."""

    code = "server_certificate"


class ServerBusyError(KnownError):
    """Another writer kept the server's write lock longer than the busy timeout."""

    code = "server_busy"


# SQLite's primary result codes (https://sqlite.org/rescode.html); the extended code a driver
# error carries (`sqlite_errorcode`) has the primary one in its low byte.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
#: Extended SQLITE_IOERR codes that mean "no space left" rather than a failing disk.
SQLITE_IOERR_NOSPACE = {SQLITE_IOERR | (13 << 8)}  # SQLITE_IOERR_SHORT_READ is not one

#: PostgreSQL SQLSTATE classes and codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
PG_PERMISSION = {"42501", "25006"}  # insufficient_privilege, read_only_sql_transaction
PG_LOGIN = {"28000", "28P01"}  # invalid_authorization_specification, invalid_password
PG_DISK_FULL = {"53100"}  # disk_full
PG_BUSY = {"55P03"}  # lock_not_available (lock_timeout ran out)
PG_GONE_CLASSES = ("08", "57")  # connection_exception, operator_intervention (shutdown, cancel)


def sqlite_code(exc: BaseException) -> int | None:
    """The SQLite result code a driver error carries (extended), None when it carries none."""
    driver_error = getattr(exc, "orig", None) or exc
    code = getattr(driver_error, "sqlite_errorcode", None)
    return code if isinstance(code, int) else None


def classify_database_error(exc: BaseException, location: str = "") -> KnownError | None:
    """Maps a driver error to a KnownError when the environment caused it; None for bugs.

    By code, never by the words of the message (they change between versions and languages):
    SQLite's `sqlite_errorcode`, PostgreSQL's SQLSTATE. A connection psycopg could not open at
    all (server down, TLS refused, login refused before any session) has no SQLSTATE; those are
    told apart by what libpq reports about the attempt (`_connection_failure`).
    """
    driver_error = getattr(exc, "orig", None) or exc
    if isinstance(driver_error, sqlite3.Error):
        return _classify_sqlite(driver_error, location)
    if "psycopg" in type(driver_error).__module__:
        return _classify_psycopg(driver_error, location)
    return None


def _classify_sqlite(error: sqlite3.Error, location: str) -> KnownError | None:
    extended = getattr(error, "sqlite_errorcode", None)
    if not isinstance(extended, int):
        # Raised by the binding itself, not by SQLite (which always gives a code): a stored
        # value it cannot convert, text that is not UTF-8 — bytes of the file were damaged.
        if type(error) is sqlite3.OperationalError:
            return DatabaseCorruptError(path=location)
        return None
    primary = extended & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseLockedError(path=location)
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return DatabaseReadOnlyError(path=location)
    if primary == SQLITE_FULL or extended in SQLITE_IOERR_NOSPACE:
        return DiskFullError(path=location)
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseCorruptError(path=location)
    if primary in (SQLITE_CANTOPEN, SQLITE_IOERR):
        if primary == SQLITE_CANTOPEN and _read_only_folder(location):
            # SQLite writes beside the file (its -wal and -shm): a read-only disk or folder
            # cannot hold a portfolio open, even only to read it.
            return DatabaseReadOnlyError("db_read_only_folder", path=location)
        return DatabaseUnreachableError(path=location)
    return None


def _read_only_folder(location: str) -> bool:
    """Whether an existing database file sits on a read-only file system or in a folder this
    process may not write to (what SQLite needs for a WAL database's side files)."""
    import os

    if not location or "://" in location or not os.path.exists(location):
        return False
    folder = os.path.dirname(os.path.abspath(location))
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (AttributeError, OSError):  # no statvfs (Windows): the access check says enough
        pass
    return not os.access(folder, os.W_OK)


def _classify_psycopg(error: BaseException, location: str) -> KnownError | None:
    state = getattr(error, "sqlstate", None)
    if state:
        if state in PG_PERMISSION:
            return ServerPermissionError(path=location)
        if state in PG_LOGIN:
            return ServerLoginError(path=location)
        if state in PG_DISK_FULL:
            return DiskFullError(path=location)
        if state in PG_BUSY:
            return ServerBusyError(path=location)
        if state.startswith(PG_GONE_CLASSES) and state != "57014":  # 57014: a cancelled query
            return ServerUnreachableError(path=location)
        return None
    return _connection_failure(error, location)


def _connection_failure(error: BaseException, location: str) -> KnownError | None:
    """A psycopg error without SQLSTATE: a connection that could not be made or was lost.

    libpq gives no SQLSTATE for a connection attempt (the server's refusal reaches it as text
    only), so this is the one place that reads its words: libpq's own, untranslated in the
    binary driver. A password asked for and not given is told by libpq's flag.
    """
    import psycopg

    if not isinstance(error, psycopg.OperationalError):
        return None
    text = str(error)
    reason = _first_line(text)
    pgconn = getattr(error, "pgconn", None)
    needs_password = bool(pgconn is not None and getattr(pgconn, "needs_password", False))
    if needs_password or "28P01" in text or "password authentication failed" in text:
        return ServerLoginError(path=location)
    if "SSL" in text or "certificate" in text or "server does not support" in text:
        return ServerCertificateError(path=location, reason=reason)
    return ServerUnreachableError(path=location)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:200] if text.strip() else ""

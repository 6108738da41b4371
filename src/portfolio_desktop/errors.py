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


def classify_database_error(exc: BaseException, location: str = "") -> KnownError | None:
    """Maps a driver error to a KnownError when the environment caused it; None for bugs."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    driver_error = getattr(exc, "orig", exc)
    if isinstance(driver_error, sqlite3.Error) or "sqlite" in type(driver_error).__module__:
        if "locked" in text or "busy" in text:
            return DatabaseLockedError(path=location)
        if "readonly" in text or "read-only" in text:
            return DatabaseReadOnlyError(path=location)
        if "disk is full" in text or "disk or database is full" in text or "full" in text:
            return DiskFullError(path=location)
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return DatabaseCorruptError(path=location)
        if "unable to open" in text or "disk i/o" in text:
            return DatabaseUnreachableError(path=location)
        return None
    if "psycopg" in type(driver_error).__module__:
        if "permission denied" in text or "read-only transaction" in text:
            return ServerPermissionError(path=location)
        if "password authentication failed" in text or "no password supplied" in text:
            return ServerLoginError(path=location)
        if "certificate" in text or "ssl" in text or "server does not support" in text:
            return ServerCertificateError(path=location, reason=_first_line(text))
        if "no space left" in text or "disk full" in text or "could not extend" in text:
            return DiskFullError(path=location)
        if (
            "connection" in text
            or "could not connect" in text
            or "terminating" in text
            or "server closed" in text
            or "timeout" in text
            or "could not translate host name" in text
        ):
            return ServerUnreachableError(path=location)
    return None


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:200] if text.strip() else ""

"""Team mode: the portfolio on a PostgreSQL server.

The connection is a URL without a password, which the settings and the recent files keep:

    postgresql+psycopg://alice@pg.example.org:5432/portfolio?sslmode=verify-full&sslrootcert=/etc/ca.pem

The password lives in the system keyring (service `portfolio-desktop`, account
`user@host:port/database`), or only in memory for this session when the user does not want it
kept, or when the system has no keyring. It never goes into the settings, the URL or a log line.

TLS: `sslmode=verify-full` (the default here for network hosts) with the organisation's CA file:
the server's certificate must be signed by that CA and name the host that was dialled.

Roles (`setup_server`, `roles_sql`): `portfolio_owner` owns the tables and runs migrations;
`portfolio_editor` reads and writes rows; `portfolio_reader` (executives) only reads: the server
itself refuses its writes (`permission denied`), whatever the application does.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from ..errors import KnownError, ServerPermissionError
from ..storage.database import Database, database_url
from ..storage.schema import prepare

log = logging.getLogger(__name__)

KEYRING_SERVICE = "portfolio-desktop"
#: Passwords given in this session, by account (used when the keyring cannot or may not keep them).
_session_passwords: dict[str, str] = {}


class ServerPasswordNeededError(KnownError):
    """No password known for this server account: the desktop asks for it."""

    code = "server_password_needed"


class KeyringUnavailableError(KnownError):
    code = "keyring_unavailable"


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """Where the team server is, and how to check it is the right one (no password here)."""

    host: str
    database: str
    user: str
    port: int = 5432
    #: verify-full (certificate signed by `ca_file` and naming `host`), or require/disable for
    #: a server on this machine.
    sslmode: str = "verify-full"
    ca_file: str = ""

    @property
    def account(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self) -> str:
        query: dict[str, str] = {}
        if self.sslmode:
            query["sslmode"] = self.sslmode
        if self.ca_file:
            query["sslrootcert"] = self.ca_file
        text = (
            f"postgresql+psycopg://{quote(self.user, safe='')}@{self.host}:{self.port}/"
            f"{quote(self.database, safe='')}"
        )
        return text + ("?" + urlencode(query) if query else "")

    @classmethod
    def from_url(cls, url: str) -> ServerSettings:
        parsed = database_url(url)
        query = dict(parse_qsl(str(parsed.render_as_string()).partition("?")[2]))
        host = parsed.host or str(query.get("host", ""))
        return cls(
            host=host,
            database=parsed.database or "",
            user=parsed.username or "",
            port=parsed.port or int(query.get("port", 5432)),
            sslmode=str(query.get("sslmode", "")),
            ca_file=str(query.get("sslrootcert", "")),
        )


def _keyring() -> Any:
    try:
        import keyring
    except ImportError:  # the `team` extra is not installed
        return None
    return keyring


def password_for(settings: ServerSettings) -> str | None:
    """This session's password for the account, else the keyring's, else None."""
    if settings.account in _session_passwords:
        return _session_passwords[settings.account]
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, settings.account)
    except Exception as error:  # a locked or broken keyring is no password, not a crash
        log.warning("keyring unavailable: %s", type(error).__name__)
        return None
    return str(found) if found else None


def remember_password(settings: ServerSettings, password: str, *, keep: bool) -> bool:
    """Keeps the password for this session, and in the system keyring when `keep`.

    Returns False when the keyring could not keep it (the password then lasts this session).
    """
    _session_passwords[settings.account] = password
    if not keep:
        return True
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, settings.account, password)
    except Exception as error:
        log.warning("keyring refused the password: %s", type(error).__name__)
        return False
    return True


def forget_password(settings: ServerSettings) -> None:
    _session_passwords.pop(settings.account, None)
    keyring = _keyring()
    if keyring is None:
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, settings.account)
    except Exception:  # nothing stored, or no keyring: nothing to forget
        log.debug("no keyring entry to delete for a server account")


def secure_url(url: str) -> str:
    """The URL with `sslmode=verify-full` added when it names none and the host is remote."""
    settings = ServerSettings.from_url(url)
    parsed = database_url(url)
    if settings.sslmode or not settings.host or settings.host.startswith("/"):
        return url
    if settings.host in ("localhost", "127.0.0.1", "::1"):
        return url
    return str(parsed.update_query_dict({"sslmode": "verify-full"}).render_as_string(False))


def open_server(url: str, *, password: str | None = None) -> Database:
    """Connects to the team server (password from this session or the keyring) and brings the
    schema up to date; `ServerPasswordNeededError` when no password is known and one is needed."""
    from ..errors import ServerLoginError

    settings = ServerSettings.from_url(url)
    secret = password or password_for(settings)
    db = Database(secure_url(url), password=secret)
    try:
        prepare(db)
    except ServerLoginError:
        db.dispose()
        if secret is None:
            raise ServerPasswordNeededError(path=db.location, account=settings.account) from None
        raise
    except BaseException:
        db.dispose()
        raise
    return db


# -- the server's roles ------------------------------------------------------------------------------


def setup_server(admin_url: str, *, password: str | None = None) -> str:
    """Creates the roles, hands the existing tables to the owner role, migrates the schema as the
    owner, and grants the editor and reader roles their rights. Run by an administrator (a
    superuser, or the database's owner with CREATEROLE). Idempotent. Returns the revision."""
    from ..storage import server
    from ..storage.schema import inspect_state

    admin = Database(admin_url, password=password)
    try:
        with _as_administrator(admin):
            server.create_roles(admin)
    finally:
        admin.dispose()
    owner = server.owner_database(admin_url, password=password)
    try:
        with _as_administrator(owner):
            prepare(owner)
            _state, revision = inspect_state(owner)
            server.grant_roles(owner)
    finally:
        owner.dispose()
    return revision or ""


class ServerAdminNeededError(KnownError):
    """`server-setup` or `server-user` run with a login that may not create roles or tables."""

    code = "server_admin_needed"


@contextmanager
def _as_administrator(db: Database) -> Iterator[None]:
    """The server's refusals in words: a login without the administrator's rights is told so
    (the server refused, in one transaction: nothing was changed)."""
    try:
        with db.translate_errors():
            yield
    except ServerPermissionError as error:
        raise ServerAdminNeededError(path=db.location, user=db.user or "?") from error


def add_login(
    admin_url: str, name: str, password: str, role: str, *, admin_password: str | None = None
) -> None:
    """Creates (or updates) a person's login: `role` is `editor` or `reader`."""
    from ..storage import server

    admin = Database(admin_url, password=admin_password)
    try:
        with _as_administrator(admin):
            server.add_login(admin, name, password, role)
    finally:
        admin.dispose()

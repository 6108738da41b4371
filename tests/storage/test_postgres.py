"""Team mode on a real PostgreSQL server: roles the server enforces (the reader's writes get
"permission denied"), TLS verified against the organisation's CA, the password in the keyring and
nowhere else, migrations from every revision, writers that queue, sequences after explicit ids."""

from __future__ import annotations

import copy
import logging
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from portfolio_desktop.domain.enums import Instrument, PartnerRole
from portfolio_desktop.domain.model import (
    FunderRecord,
    FundingLineRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)
from portfolio_desktop.errors import (
    ServerCertificateError,
    ServerLoginError,
    ServerPermissionError,
    ServerUnreachableError,
)
from portfolio_desktop.services import portfolio, reference, team
from portfolio_desktop.services.stats import portfolio_stats
from portfolio_desktop.storage import schema
from portfolio_desktop.storage.database import Database
from portfolio_desktop.storage.schema import SchemaState, prepare

pytestmark = pytest.mark.postgres

_names = iter(range(1, 10_000))


@pytest.fixture
def server(postgres_server: Any) -> Any:
    return postgres_server


@pytest.fixture
def team_db(server: Any) -> str:
    """A new database set up by an administrator: roles, schema, an editor and a reader."""
    name = f"team_{next(_names)}"
    server.sql(f"CREATE DATABASE {name}")
    admin = server.admin_url(name)
    assert team.setup_server(admin) == schema.head_revision()
    team.add_login(admin, f"chloe_{name}", "mot-de-passe-éditrice", "editor")
    team.add_login(admin, f"direction_{name}", "mot-de-passe-direction", "reader")
    return name


class MemoryKeyring:
    """A stand-in for the system keyring (the test machine has none)."""

    def __init__(self) -> None:
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, account: str) -> str | None:
        return self.saved.get((service, account))

    def set_password(self, service: str, account: str, password: str) -> None:
        self.saved[(service, account)] = password

    def delete_password(self, service: str, account: str) -> None:
        self.saved.pop((service, account), None)


@pytest.fixture
def keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    fake = MemoryKeyring()
    monkeypatch.setattr(team, "_keyring", lambda: fake)
    monkeypatch.setattr(team, "_session_passwords", {})
    return fake


def a_project(db: Database) -> ProjectRecord:
    cluster = reference.ensure_cluster(db, "Images & Réseaux", "IR")
    org = reference.save_organisation(db, OrganisationRecord("Kerlis SAS")).id
    funder = reference.save_funder(db, FunderRecord("Bpifrance"))
    return ProjectRecord(
        cluster_id=cluster,
        reference="IR-2025-0001",
        acronym="QUANTA",
        partners=[PartnerRecord(org, PartnerRole.LEAD, 100_000_00)],
        # Asked for, not decided: the rules refuse a granted amount before the label.
        funding_lines=[FundingLineRecord(funder, Instrument.GRANT, 50_000_00)],
        start_on=date(2025, 1, 1),
    )


def test_the_reader_role_reads_and_the_server_refuses_its_writes(
    server: Any, team_db: str, keyring: MemoryKeyring
) -> None:
    editor_url = server.tls_url(f"chloe_{team_db}", team_db)
    editor = team.open_server(editor_url, password="mot-de-passe-éditrice")
    try:
        saved = portfolio.create_project(editor, a_project(editor))
    finally:
        editor.dispose()

    reader_url = server.tls_url(f"direction_{team_db}", team_db)
    reader = team.open_server(reader_url, password="mot-de-passe-direction")
    try:
        assert portfolio_stats(reader)["projects"] == 1
        record = portfolio.load_project(reader, saved.id)
        record.acronym = "PIRATE"
        with pytest.raises(ServerPermissionError):
            portfolio.update_project(reader, record, expected_version=saved.version)
        # Even raw SQL, around the application: the database itself says no.
        for statement in (
            "UPDATE project SET acronym = 'PIRATE'",
            "SET default_transaction_read_only = off; UPDATE project SET acronym = 'PIRATE'",
            "DELETE FROM change_history",
        ):
            with reader.engine.connect() as conn:
                with pytest.raises(Exception, match=r"permission denied|read-only"):
                    conn.exec_driver_sql(statement)
                conn.rollback()
        with reader.engine.connect() as conn:
            # Without the read-only default, the grants still refuse the change.
            conn.exec_driver_sql("SET default_transaction_read_only = off")
            conn.commit()
            with pytest.raises(Exception, match="permission denied for table project"):
                conn.exec_driver_sql("UPDATE project SET acronym = 'PIRATE'")
    finally:
        reader.dispose()
    check = Database(server.admin_url(team_db))
    try:
        assert portfolio.load_project(check, saved.id).acronym == "QUANTA"
    finally:
        check.dispose()


def test_tls_is_verified_against_the_organisations_ca(
    server: Any, team_db: str, keyring: MemoryKeyring
) -> None:
    wrong = server.tls_url(f"chloe_{team_db}", team_db, ca_file=server.other_ca_file)
    with pytest.raises(ServerCertificateError):
        team.open_server(wrong, password="mot-de-passe-éditrice")
    url = server.tls_url(f"chloe_{team_db}", team_db)
    db = team.open_server(url, password="mot-de-passe-éditrice")
    try:
        with db.read() as session:
            used = (
                session.connection()
                .exec_driver_sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                .scalar()
            )
        assert used is True
    finally:
        db.dispose()
    # A remote host without sslmode gets verify-full by default.
    secured = team.secure_url("postgresql+psycopg://chloe@pg.example.org/portefeuille")
    assert "sslmode=verify-full" in secured


def test_the_password_lives_in_the_keyring_only(
    server: Any,
    team_db: str,
    keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    caplog.set_level(logging.DEBUG)
    url = server.tls_url(f"chloe_{team_db}", team_db)
    settings = team.ServerSettings.from_url(url)
    assert (settings.user, settings.database, settings.sslmode) == (
        f"chloe_{team_db}",
        team_db,
        "verify-full",
    )
    assert settings.ca_file == str(server.ca_file)
    with pytest.raises(team.ServerPasswordNeededError):
        team.open_server(url)
    with pytest.raises(ServerLoginError):
        team.open_server(url, password="pas le bon")
    assert team.remember_password(settings, "mot-de-passe-éditrice", keep=True)
    team._session_passwords.clear()  # a new session: only the keyring knows it
    db = team.open_server(url)
    try:
        assert "mot-de-passe" not in db.location
        assert "mot-de-passe" not in str(db.engine.url)
        assert db.user == f"chloe_{team_db}"
    finally:
        db.dispose()
    assert keyring.saved == {("portfolio-desktop", settings.account): "mot-de-passe-éditrice"}
    assert "mot-de-passe" not in settings.url()
    assert "mot-de-passe" not in caplog.text
    team.forget_password(settings)
    assert keyring.saved == {}


def test_a_server_that_is_gone_is_a_clear_error(server: Any) -> None:
    from tests.pg_cluster import free_port

    url = f"postgresql+psycopg://chloe@127.0.0.1:{free_port()}/portefeuille?sslmode=disable"
    with pytest.raises(ServerUnreachableError):
        team.open_server(url, password="x")


@pytest.mark.parametrize("revision", schema.known_revisions()[:-1])
def test_every_earlier_revision_migrates_on_postgres(server: Any, revision: str) -> None:
    name = f"mig_{next(_names)}"
    server.sql(f"CREATE DATABASE {name}")
    db = Database(server.admin_url(name))
    try:
        prepare(db, target=revision)
        with db.write() as session:
            session.connection().exec_driver_sql(
                "INSERT INTO organisation (name, name_key, kind, city, is_member, version) "
                "VALUES ('Kerlis', 'kerlis', 'sme', 'Rennes', false, 1)"
            )
        report = prepare(db)
        assert (report.state, report.revision_before) == (SchemaState.OLDER, revision)
        assert report.revision_after == schema.head_revision()
        with db.read() as session:
            names = session.connection().exec_driver_sql("SELECT name FROM organisation").all()
        assert names == [("Kerlis",)]
    finally:
        db.dispose()


def test_writers_queue_on_postgres(server: Any, team_db: str) -> None:
    """As BEGIN IMMEDIATE does on SQLite: a second writer waits for the first to commit."""
    db = Database(server.admin_url(team_db))
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
    with db.write():
        order.append("second began")
    thread.join()
    db.dispose()
    assert order == ["first committed", "second began"]


def test_rows_put_back_under_their_ids_move_the_sequences(db: Database) -> None:
    """Undo restores rows under their old ids; the next ordinary insert must not collide."""
    saved = portfolio.create_project(db, a_project(db))
    record = portfolio.load_project(db, saved.id)
    portfolio.delete_project(db, saved.id, expected_version=saved.version)
    with db.write() as session:
        session.connection().exec_driver_sql("DELETE FROM change_history")
    portfolio.restore_project(db, record)
    other = copy.deepcopy(record)
    other.id = None
    other.reference = "IR-2025-0002"
    for line in other.funding_lines:
        line.id = None
    again = portfolio.create_project(db, other)
    assert again.id != saved.id
    reloaded = portfolio.load_project(db, again.id)
    assert reloaded.funding_lines[0].id != record.funding_lines[0].id
    assert len(portfolio.load_project(db, saved.id).funding_lines) == 1


def test_rows_an_import_numbered_itself_move_the_sequences(db: Database, tmp_path: Path) -> None:
    """The importer gives new rows their ids up front (max + 1); a form's next insert, which
    takes its id from the sequence on PostgreSQL, must not collide with them."""
    from openpyxl import Workbook

    from portfolio_desktop.services.excel_import import import_workbook

    book = Workbook()
    sheet = book.active
    sheet.append(
        ["Référence", "Acronyme", "Statut", "Porteur", "Financeur", "Type d'aide", "Accordé"]
    )
    for n in range(3):
        sheet.append(
            [f"IMP-{n}", f"IMP{n}", "Brouillon", f"Société {n}", "ANR", "Subvention", 1000]
        )
    path = tmp_path / "import.xlsx"
    book.save(path)
    report = import_workbook(db, path)
    assert report.ok, report.to_json()
    assert report.count("projects", "created") == 3
    saved = portfolio.create_project(db, a_project(db))
    assert saved.id == 4
    assert len(portfolio.load_project(db, saved.id).funding_lines) == 1
    assert portfolio_stats(db)["projects"] == 4


# -- the writers' lock and the audit trail (issue 17) -------------------------------------------------


def _raw(server: Any, user: str, password: str, database: str) -> Any:
    """A psycopg connection of a person's login, around the application (autocommit off)."""
    import psycopg

    return psycopg.connect(
        host="localhost", port=server.port, user=user, dbname=database, password=password,
        sslmode="verify-full", sslrootcert=str(server.ca_file),
    )  # fmt: skip


def test_a_reader_cannot_take_the_writers_lock(server: Any, team_db: str) -> None:
    """The key of the old advisory lock is in the source: any login could hold it for ever. The
    lock is now a row only editors may lock; a reader trying gets `permission denied`, and what a
    reader can still hold (an advisory lock, a long read) does not hold an editor back."""
    from portfolio_desktop.storage.database import WRITER_LOCK_KEY, WRITER_LOCK_TABLE

    reader = _raw(server, f"direction_{team_db}", "mot-de-passe-direction", team_db)
    try:
        for statement in (
            f"SELECT id FROM {WRITER_LOCK_TABLE} FOR UPDATE",
            f"SELECT id FROM {WRITER_LOCK_TABLE} FOR NO KEY UPDATE",
            f"SELECT id FROM {WRITER_LOCK_TABLE} FOR SHARE",
            f"SELECT id FROM {WRITER_LOCK_TABLE} FOR KEY SHARE",
            f"LOCK TABLE {WRITER_LOCK_TABLE} IN ACCESS SHARE MODE",
            f"LOCK TABLE {WRITER_LOCK_TABLE} IN ACCESS EXCLUSIVE MODE",
            "SELECT id FROM project FOR KEY SHARE",
        ):
            reader.execute("SET default_transaction_read_only = off")
            reader.execute("BEGIN READ WRITE")
            with pytest.raises(Exception, match="permission denied"):
                reader.execute(statement)
            reader.rollback()
        # What a reader may hold: the old advisory key, and a long read of the projects.
        reader.execute(f"SELECT pg_advisory_lock({WRITER_LOCK_KEY})")
        reader.execute("SELECT count(*) FROM project").fetchall()  # its transaction stays open
        editor = team.open_server(
            server.tls_url(f"chloe_{team_db}", team_db), password="mot-de-passe-éditrice"
        )
        try:
            started = time.monotonic()
            saved = portfolio.create_project(editor, a_project(editor))
            assert saved.id is not None
            assert time.monotonic() - started < 5  # not held back
        finally:
            editor.dispose()
    finally:
        reader.close()


def test_a_writer_gives_up_after_the_busy_timeout(
    server: Any, team_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on SQLite: a second writer waits at most the busy timeout, then « occupé »."""
    from portfolio_desktop import messages
    from portfolio_desktop.errors import ServerBusyError
    from portfolio_desktop.storage import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 500)
    url = server.tls_url(f"chloe_{team_db}", team_db)
    first = team.open_server(url, password="mot-de-passe-éditrice")
    second = team.open_server(url, password="mot-de-passe-éditrice")
    holding, release = threading.Event(), threading.Event()

    def long_writer() -> None:
        with first.write() as session:
            session.connection().exec_driver_sql(
                "INSERT INTO cluster (code, name, regions) VALUES ('LONG', 'Long', '')"
            )
            holding.set()
            release.wait(30)

    thread = threading.Thread(target=long_writer)
    thread.start()
    try:
        assert holding.wait(10)
        started = time.monotonic()
        with pytest.raises(ServerBusyError) as busy, second.write() as session:
            session.connection().exec_driver_sql(
                "INSERT INTO cluster (code, name, regions) VALUES ('LATE', 'Late', '')"
            )
        waited = time.monotonic() - started
        assert 0.4 <= waited < 5, waited
        assert "occupé" in messages.text(busy.value.code, busy.value.params)
        # The lock timeout was for the lock only: the next write, once free, works.
        release.set()
        thread.join(30)
        with second.write() as session:
            session.connection().exec_driver_sql(
                "INSERT INTO cluster (code, name, regions) VALUES ('LATE', 'Late', '')"
            )
            timeout = session.connection().exec_driver_sql("SHOW lock_timeout").scalar()
        assert timeout == "0"
    finally:
        release.set()
        thread.join(30)
        first.dispose()
        second.dispose()


def test_the_history_is_append_only_for_editors(
    server: Any, team_db: str, keyring: MemoryKeyring
) -> None:
    url = server.tls_url(f"chloe_{team_db}", team_db)
    editor = team.open_server(url, password="mot-de-passe-éditrice")
    try:
        saved = portfolio.create_project(editor, a_project(editor))  # writes history: allowed
        record = portfolio.load_project(editor, saved.id)
        record.acronym = "QUANTA-2"
        portfolio.update_project(editor, record, expected_version=saved.version)
    finally:
        editor.dispose()
    raw = _raw(server, f"chloe_{team_db}", "mot-de-passe-éditrice", team_db)
    try:
        for statement in (
            "DELETE FROM change_history",
            "UPDATE change_history SET old_value = 'rien', \"user\" = 'personne'",
            "TRUNCATE change_history",
            "UPDATE alembic_version SET version_num = '9999_sabotage'",
            "DELETE FROM alembic_version",
        ):
            with pytest.raises(Exception, match="permission denied"):
                raw.execute(statement)
            raw.rollback()
    finally:
        raw.close()
    check = Database(server.admin_url(team_db))
    try:
        with check.read() as session:
            rows = (
                session.connection()
                .exec_driver_sql(
                    "SELECT count(*), count(*) FILTER (WHERE new_value LIKE '%%QUANTA-2%%') "
                    "FROM change_history"
                )
                .one()
            )
        assert rows[0] >= 2 and rows[1] == 1
        assert schema.inspect_state(check) == (SchemaState.CURRENT, schema.head_revision())
    finally:
        check.dispose()


def test_server_setup_by_someone_who_is_not_an_administrator(
    server: Any, team_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from portfolio_desktop.__main__ import main

    monkeypatch.setenv("PGPASSWORD", "mot-de-passe-éditrice")
    url = server.tls_url(f"chloe_{team_db}", team_db)
    assert main(["server-setup", "--db", url]) == 2
    _out, err = capsys.readouterr()
    assert "n'a pas les droits d'administrateur" in err and "Traceback" not in err
    monkeypatch.setattr("sys.stdin", io.StringIO("secret\n"))
    assert main(["--lang", "en", "server-user", "intrus", "--role", "editor", "--db", url]) == 2
    _out, err = capsys.readouterr()
    assert "does not have administrator rights" in err
    check = Database(server.admin_url(team_db))
    try:
        with check.read() as session:
            found = (
                session.connection()
                .exec_driver_sql("SELECT count(*) FROM pg_roles WHERE rolname = 'intrus'")
                .scalar()
            )
        assert found == 0
    finally:
        check.dispose()

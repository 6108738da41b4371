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
        funding_lines=[FundingLineRecord(funder, Instrument.GRANT, 50_000_00, 40_000_00)],
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

"""The money tables: the migration turns each paid amount into one payment received; a project's
tranches, payments, shares and spread are saved and read back; paid = Σ payments whoever writes;
a spread counts its years in the figures' fact table."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from portfolio_desktop.domain.enums import Instrument, OrganisationKind, PartnerRole, ProjectStatus
from portfolio_desktop.domain.financing import (
    CofinancingRecord,
    LineMoney,
    PaymentRecord,
    TrancheKind,
    TrancheRecord,
    YearAmount,
    fui_rules,
)
from portfolio_desktop.domain.model import (
    FunderRecord,
    FundingLineRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)
from portfolio_desktop.services import portfolio, reference
from portfolio_desktop.storage import money, schema
from portfolio_desktop.storage.database import Database, make_database
from portfolio_desktop.storage.schema import prepare

_names = itertools.count(1)


def _old_database_with_paid_lines(db: Database) -> None:
    """A database at 0009 with two lines: one paid 12 345,67 €, one with nothing paid."""
    prepare(db, target="0009_sort_keys")
    with db.write() as session:
        conn = session.connection()
        for sql in (
            "INSERT INTO cluster (id, code, name, regions) VALUES (1, 'IR', 'IR', '')",
            "INSERT INTO funder (id, name, kind) VALUES (1, 'Bpifrance', 'state_agency')",
            "INSERT INTO project (id, cluster_id, reference, acronym, title, summary, status, "
            "keywords, notes, responsible_digital, granted_cents, requested_cents, lead_name, "
            "domains_label, regions_label, search_text, version, created_at, updated_at) VALUES "
            "(1, 1, 'IR-1', 'A', 'T', '', 'funded', '', '', false, 0, 0, '', '', '', '', 1, "
            "'2024-01-01', '2024-01-01')",
            "INSERT INTO funding_line (id, project_id, funder_id, instrument, granted_cents, "
            "paid_cents, granted_override) VALUES (1, 1, 1, 'grant', 2000000, 1234567, false)",
            "INSERT INTO funding_line (id, project_id, funder_id, instrument, granted_cents, "
            "paid_cents, granted_override) VALUES (2, 1, 1, 'grant', 500000, 0, false)",
        ):
            conn.exec_driver_sql(sql)


def _payments(db: Database) -> list[tuple[Any, ...]]:
    with db.read() as session:
        return [
            tuple(r)
            for r in session.connection().exec_driver_sql(
                "SELECT funding_line_id, tranche_id, received_on, amount_cents FROM payment"
            )
        ]


def test_the_migration_turns_each_paid_amount_into_one_payment(tmp_path: Path) -> None:
    db = make_database(tmp_path / "old.sqlite")
    _old_database_with_paid_lines(db)
    report = prepare(db, tmp_path / "backups")
    assert report.revision_after == schema.head_revision()
    assert report.backup is not None  # the verified backup comes first
    assert _payments(db) == [(1, None, None, 1234567)]
    db.dispose()


@pytest.mark.postgres
def test_the_migration_turns_each_paid_amount_into_one_payment_on_postgres(
    postgres_server: Any,
) -> None:
    name = f"money_{next(_names)}"
    postgres_server.sql(f"CREATE DATABASE {name}")
    db = Database(postgres_server.admin_url(name))
    try:
        _old_database_with_paid_lines(db)
        prepare(db)
        assert _payments(db) == [(1, None, None, 1234567)]
    finally:
        db.dispose()


def test_downgrade_to_0009_and_up_again(tmp_path: Path) -> None:
    from alembic import command

    db = make_database(tmp_path / "p.sqlite")
    _old_database_with_paid_lines(db)
    prepare(db)
    with db.writer.connect() as conn, conn.begin():
        command.downgrade(schema.alembic_config(conn), "0009_sort_keys")
    with db.read() as session:
        tables = {
            r[0]
            for r in session.connection().exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        }
    assert "payment" not in tables and "aid_rate_rule" not in tables
    db.dispose()


def a_project(db: Database) -> tuple[ProjectRecord, int, int]:
    cluster = reference.ensure_cluster(db, "Images & Réseaux", "IR")
    sme = reference.save_organisation(db, OrganisationRecord("Kerlis SAS")).id
    lab = reference.save_organisation(
        db, OrganisationRecord("IRISA", kind=OrganisationKind.RESEARCH)
    ).id
    funder = reference.save_funder(db, FunderRecord("Bpifrance"))
    record = ProjectRecord(
        cluster_id=cluster,
        reference="IR-2021-0001",
        acronym="QUANTA",
        partners=[
            PartnerRecord(sme, PartnerRole.LEAD, 400_000_00),
            PartnerRecord(lab, PartnerRole.PARTNER, 300_000_00),
        ],
        funding_lines=[
            FundingLineRecord(funder, Instrument.GRANT, 300_000_00, 250_000_00, 100_000_00)
        ],
        start_on=date(2021, 1, 1),
        # Granted and paid money belongs to a funded project, with the dates of its steps.
        status=ProjectStatus.FUNDED,
        submitted_on=date(2020, 3, 1),
        evaluated_on=date(2020, 5, 1),
        labelling_decided_on=date(2020, 6, 1),
        funding_decided_on=date(2020, 11, 1),
    )
    return record, sme, lab


SCHEDULE = LineMoney(
    tranches=[
        TrancheRecord(TrancheKind.ADVANCE, 75_000_00, date(2021, 3, 1)),
        TrancheRecord(TrancheKind.INTERIM, 125_000_00, date(2022, 6, 30)),
        TrancheRecord(TrancheKind.BALANCE, 50_000_00, date(2023, 12, 31), released=True),
    ],
    payments=[
        PaymentRecord(75_000_00, date(2021, 3, 20), 0),
        PaymentRecord(25_000_00, date(2022, 9, 1), 1, "rapport intermédiaire"),
    ],
    spread=[YearAmount(2021, 100_000_00), YearAmount(2022, 150_000_00)],
)


def test_a_projects_money_is_saved_and_read_back(db: Database) -> None:
    record, sme, lab = a_project(db)
    line_money = LineMoney(
        tranches=list(SCHEDULE.tranches),
        payments=list(SCHEDULE.payments),
        shares=[CofinancingRecord(sme, 150_000_00), CofinancingRecord(lab, 100_000_00)],
        spread=list(SCHEDULE.spread),
    )
    record.funding_lines[0].money = line_money
    saved = portfolio.create_project(db, record)
    loaded = portfolio.load_project(db, saved.id)
    assert loaded is not None
    assert loaded.funding_lines[0].money == line_money
    assert loaded.funding_lines[0].paid_cents == 100_000_00  # = Σ payments


def test_a_paid_amount_typed_over_the_payments_is_matched_by_an_undated_payment(
    db: Database,
) -> None:
    record, _, _ = a_project(db)
    record.funding_lines[0].money = LineMoney(payments=[PaymentRecord(60_000_00, date(2021, 5, 1))])
    record.funding_lines[0].paid_cents = 100_000_00
    saved = portfolio.create_project(db, record)
    loaded = portfolio.load_project(db, saved.id)
    assert loaded is not None and loaded.funding_lines[0].money is not None
    payments = loaded.funding_lines[0].money.payments
    assert [(p.amount_cents, p.received_on) for p in payments] == [
        (60_000_00, date(2021, 5, 1)),
        (40_000_00, None),
    ]
    # Typed lower again: the undated part shrinks; below the dated payments, those stand.
    loaded.funding_lines[0].paid_cents = 70_000_00
    portfolio.update_project(db, loaded, expected_version=loaded.version)
    again = portfolio.load_project(db, saved.id)
    assert again is not None and again.funding_lines[0].money is not None
    assert [p.amount_cents for p in again.funding_lines[0].money.payments] == [60_000_00, 10_000_00]
    again.funding_lines[0].paid_cents = 1_00
    portfolio.update_project(db, again, expected_version=again.version)
    last = portfolio.load_project(db, saved.id)
    assert last is not None and last.funding_lines[0].money is not None
    assert [p.amount_cents for p in last.funding_lines[0].money.payments] == [60_000_00]
    assert last.funding_lines[0].paid_cents == 60_000_00


def test_a_writer_that_ignores_payments_still_gets_paid_equal_to_their_sum(db: Database) -> None:
    record, _, _ = a_project(db)  # money None: a writer that knows nothing of payments
    saved = portfolio.create_project(db, record)
    with db.read() as session:
        line_id = session.connection().exec_driver_sql("SELECT id FROM funding_line").scalar()
        assert money.load_money(session, [line_id])[line_id].payments == [
            PaymentRecord(100_000_00, None, None, "")
        ]
    assert saved.id


def test_a_spread_counts_each_year_in_the_fact_table(db: Database) -> None:
    record, _, _ = a_project(db)
    record.funding_lines[0].decision_on = date(2020, 12, 15)
    record.funding_lines[0].money = LineMoney(spread=[YearAmount(2021, 100_000_00)])
    portfolio.create_project(db, record)
    with db.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT year, sum(granted_cp) / 100, sum(requested_cp) / 100 FROM funding_share "
            "GROUP BY year ORDER BY year"
        )
        # 100 k€ in 2021 by the spread; the 150 k€ the spread leaves, and the request, in 2020.
        assert [tuple(r) for r in rows] == [(2020, 150_000_00, 300_000_00), (2021, 100_000_00, 0)]


def test_expected_and_received_per_year_and_rules(db: Database) -> None:
    record, _, _ = a_project(db)
    record.funding_lines[0].money = SCHEDULE
    portfolio.create_project(db, record)
    with db.write() as session:
        money.add_rules(session, fui_rules(funder_id=1))
    with db.read() as session:
        assert money.received_by_year(session) == {2021: 75_000_00, 2022: 25_000_00}
        assert money.received_undated(session) == 0
        # The released balance is no longer expected.
        assert money.expected_by_year(session) == {2021: 75_000_00, 2022: 125_000_00}
        assert [r.max_rate_bp for r in money.load_rules(session)] == [2500, 3000, 10000, 4500]
        (line,) = money.schedules(session).values()
        assert line[1] == SCHEDULE.tranches

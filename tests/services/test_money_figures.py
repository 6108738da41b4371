"""The figures use the money: a spread grant counts in its years in `stats --json` and in the
funding-over-time chart's data; payments received per year; the funding gap of funded projects."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

from portfolio_desktop.domain.enums import ProjectStatus
from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.domain.financing import LineMoney, PaymentRecord, YearAmount
from portfolio_desktop.services import portfolio
from portfolio_desktop.services.analytics import Analytics
from portfolio_desktop.services.stats import portfolio_stats
from portfolio_desktop.storage.database import Database
from tests.storage.test_money import a_project


def a_spread_project(db: Database) -> int:
    """Granted 250 k€ decided in 2020, committed 100 k€ in 2021 and 150 k€ in 2022; 80 k€ arrived
    in 2021, 20 k€ at a date not known; budget 700 k€, a second request of 50 k€ not decided."""
    record, _, _ = a_project(db)
    line = record.funding_lines[0]
    line.decision_on = date(2020, 12, 15)
    line.money = LineMoney(
        payments=[PaymentRecord(80_000_00, date(2021, 2, 1)), PaymentRecord(20_000_00)],
        spread=[YearAmount(2021, 100_000_00), YearAmount(2022, 150_000_00)],
    )
    record.total_budget_cents = 700_000_00
    record.funding_lines.append(
        type(line)(line.funder_id, line.instrument, requested_cents=50_000_00)
    )
    saved = portfolio.create_project(db, record)  # funded (a_project's status)
    return saved.id


def test_stats_count_a_spread_in_its_years_and_what_arrived(db: Database) -> None:
    a_spread_project(db)
    stats = portfolio_stats(db)
    # The decision year keeps the request and nothing granted: the spread took all of it.
    assert stats["funding_by_year"] == {"2020": "0.00", "2021": "100000.00", "2022": "150000.00"}
    assert stats["funding_total"] == "250000.00"
    assert stats["received_by_year"] == {"2021": "80000.00"}
    assert stats["received_undated"] == "20000.00"
    # Budget 700 k€ − 250 k€ granted; the 50 k€ asked are pending, not covered.
    assert stats["funding_gap"] == "450000.00"
    assert stats["funding_pending"] == "50000.00"


def test_a_project_not_funded_has_no_gap_in_the_portfolios(db: Database) -> None:
    record, _, _ = a_project(db)
    record.total_budget_cents = 1_000_000_00
    # Submitted, nothing decided yet: no money granted or paid (the invariants allow none).
    record.status = ProjectStatus.SUBMITTED
    record.evaluated_on = record.labelling_decided_on = record.funding_decided_on = None
    record.funding_lines[0].granted_cents = record.funding_lines[0].paid_cents = None
    portfolio.create_project(db, record)
    assert Decimal(portfolio_stats(db)["funding_gap"]) == 0


def test_the_funding_over_time_chart_uses_the_spread(db: Database) -> None:
    a_spread_project(db)
    data = Analytics(db).funding_over_time(ProjectFilter(), "funder")
    granted = {y: c for y, c in zip(data.years, data.totals, strict=True) if c}
    assert granted == {2021: 100_000_00, 2022: 150_000_00}


def test_without_a_spread_the_decision_year_counts(db: Database) -> None:
    record, _, _ = a_project(db)
    record.funding_lines[0].decision_on = date(2020, 12, 15)
    portfolio.create_project(db, record)
    assert portfolio_stats(db)["funding_by_year"] == {"2020": "250000.00"}
    data = Analytics(db).funding_over_time(ProjectFilter(), "funder")
    assert dict(zip(data.years, data.totals, strict=True)) == {2020: 250_000_00}


def test_payments_figures_expected_received_and_overdue(db: Database) -> None:
    from portfolio_desktop.domain.financing import TrancheKind, TrancheRecord
    from portfolio_desktop.services.money import payments_figures

    record, _, _ = a_project(db)
    line = record.funding_lines[0]
    line.money = LineMoney(
        tranches=[
            TrancheRecord(TrancheKind.ADVANCE, 75_000_00, date(2021, 3, 1)),
            TrancheRecord(TrancheKind.INTERIM, 125_000_00, date(2022, 6, 30)),
            TrancheRecord(TrancheKind.BALANCE, 50_000_00, date(2023, 12, 31), released=True),
        ],
        payments=[PaymentRecord(75_000_00, date(2021, 3, 20), 0)],
    )
    line.paid_cents = 75_000_00
    portfolio.create_project(db, record)
    figures = payments_figures(db, today=date(2024, 1, 1))
    assert figures.years == (2021, 2022)
    assert figures.expected == (75_000_00, 125_000_00)  # the released balance is not expected
    assert figures.received == (75_000_00, 0)
    (late,) = figures.overdue
    assert (late.reference, late.kind, late.due_on, late.missing_cents) == (
        "IR-2021-0001",
        "interim",
        date(2022, 6, 30),
        125_000_00,
    )
    assert figures.overdue_cents == 125_000_00
    assert payments_figures(db, today=date(2022, 6, 30)).overdue == ()


def test_the_funding_gap_by_call_domain_and_pole_adds_up_to_the_portfolios(
    pole_db: Database,
) -> None:
    from portfolio_desktop.services.money import gap_figures

    figures = gap_figures(pole_db)
    total = figures.total
    assert Decimal(total.uncovered_cents) / 100 == Decimal(portfolio_stats(pole_db)["funding_gap"])
    assert total.projects > 100
    # A project is in one call and one pole: the groups add up to the portfolio, cent for cent.
    for rows in (figures.by_call, figures.by_cluster):
        assert sum(r.projects for r in rows) == total.projects
        assert sum(r.uncovered_cents for r in rows) == total.uncovered_cents
        assert sum(r.gap.budget_cents for r in rows) == total.gap.budget_cents
        assert sum(r.gap.granted_cents for r in rows) == total.gap.granted_cents
    # Over its domains, a project's amounts are shared by their percentages, in whole cents.
    domains = figures.by_domain
    assert sum(r.gap.budget_cents for r in domains) == total.gap.budget_cents
    assert sum(r.gap.granted_cents for r in domains) == total.gap.granted_cents
    assert sum(r.gap.pending_cents for r in domains) == total.gap.pending_cents
    assert sum(r.projects for r in domains) >= total.projects
    assert [r.uncovered_cents for r in domains] == sorted(
        (r.uncovered_cents for r in domains), reverse=True
    )


def test_a_project_in_two_domains_counts_in_each_by_its_percentage(db: Database) -> None:
    from portfolio_desktop.domain.model import DomainShare
    from portfolio_desktop.services import reference
    from portfolio_desktop.services.money import gap_figures

    record, _, _ = a_project(db)  # granted 250 k€
    record.total_budget_cents = 700_000_01  # a cent that 2/3 and 1/3 cannot share evenly
    record.domains = [
        DomainShare(reference.save_domain(db, None, "Santé", "#aa0000"), 34),
        DomainShare(reference.save_domain(db, None, "Numérique", "#0000aa"), 66),
    ]
    portfolio.create_project(db, record)
    figures = gap_figures(db)
    by_name = {row.key: row for row in figures.by_domain}
    assert set(by_name) == {"Santé", "Numérique"}
    digital, health = by_name["Numérique"], by_name["Santé"]
    assert (digital.gap.budget_cents, health.gap.budget_cents) == (462_000_01, 238_000_00)
    assert (digital.gap.granted_cents, health.gap.granted_cents) == (165_000_00, 85_000_00)
    assert digital.projects == health.projects == 1
    # Largest uncovered first; the parts add up to the project's gap.
    assert figures.by_domain == (digital, health)
    assert digital.uncovered_cents + health.uncovered_cents == 450_000_01
    assert figures.total.uncovered_cents == 450_000_01
    assert figures.by_call[0].key is None and figures.by_call[0].projects == 1


def test_partners_above_their_rule_are_listed_for_the_whole_portfolio(db: Database) -> None:
    from portfolio_desktop.domain.financing import CofinancingRecord, fui_rules
    from portfolio_desktop.services.money import rule_figures
    from portfolio_desktop.storage import money

    record, sme, lab = a_project(db)  # budgets: the SME 400 k€, the lab 300 k€; 250 k€ granted
    unsplit = copy.deepcopy(record)
    unsplit.reference = "IR-2021-0002"
    line = record.funding_lines[0]
    # Half of the SME's budget: above the FUI's 45 %; the lab's 1/6 is well within its 100 %.
    line.money = LineMoney(
        shares=[CofinancingRecord(sme, 200_000_00), CofinancingRecord(lab, 50_000_00)]
    )
    saved = portfolio.create_project(db, record)
    portfolio.create_project(db, unsplit)  # its aid is not split: nothing to check
    assert rule_figures(db).outside == ()  # no rule yet
    with db.write() as session:
        money.add_rules(session, fui_rules(funder_id=line.funder_id))
    figures = rule_figures(db)
    assert figures.checked_projects == 1
    (above,) = figures.outside
    assert (above.project_id, above.reference, above.partner, above.kind) == (
        saved.id, "IR-2021-0001", "Kerlis SAS", "sme",
    )  # fmt: skip
    assert (above.aid_cents, above.budget_cents) == (200_000_00, 400_000_00)
    assert above.rate == Decimal("0.5") and above.rule.max_rate == Decimal("0.45")
    assert figures.projects_outside == 1
    # Within the rule once the SME gets 150 k€ (37.5 %).
    project = portfolio.load_project(db, saved.id)
    assert project is not None
    project.funding_lines[0].money.shares = [
        CofinancingRecord(sme, 150_000_00),
        CofinancingRecord(lab, 100_000_00),
    ]
    portfolio.update_project(db, project, expected_version=project.version)
    assert rule_figures(db).outside == ()


def test_the_overdue_list_reads_only_late_lines_and_misses_none(pole_db: Database) -> None:
    """The lines the database finds late are exactly those where the domain's sharing out of
    payments leaves a tranche due before today short (every schedule checked in Python)."""
    from portfolio_desktop.domain.financing import overdue_tranches
    from portfolio_desktop.storage import money

    today = date(2024, 6, 30)
    with pole_db.read() as session:
        every = money.schedules(session)
        late = money.schedules(session, late_on=today)
    expected = {
        line: found
        for line, (_project, tranches, payments) in every.items()
        if (found := overdue_tranches(tranches, payments, today))
    }
    assert len(expected) > 20
    assert set(late) == set(expected)
    for line, (_project, tranches, payments) in late.items():
        assert overdue_tranches(tranches, payments, today) == expected[line]
        assert (tranches, payments) == every[line][1:]

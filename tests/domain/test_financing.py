"""Money as pôles follow it: paid = Σ payments, overdue tranches, spread per year, the partner ×
funder matrix and its rule checks per partner kind, the funding gap."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from portfolio_desktop.domain.financing import (
    AidRateRule,
    CofinancingRecord,
    CostBase,
    MatrixLine,
    MatrixPartner,
    PaymentRecord,
    TrancheKind,
    TrancheRecord,
    YearAmount,
    applicable_rule,
    expected_by_year,
    financing_matrix,
    fui_rules,
    funding_gap,
    overdue_tranches,
    paid,
    received_by_year,
    received_per_tranche,
    spread_issues,
    spread_per_year,
    sum_gaps,
    total_uncovered,
)

ADVANCE = TrancheRecord(TrancheKind.ADVANCE, 30_000_00, date(2021, 3, 1))
INTERIM = TrancheRecord(TrancheKind.INTERIM, 50_000_00, date(2022, 6, 30))
BALANCE = TrancheRecord(TrancheKind.BALANCE, 20_000_00, date(2023, 12, 31))
SCHEDULE = [ADVANCE, INTERIM, BALANCE]


def test_paid_is_the_sum_of_the_payments() -> None:
    payments = [PaymentRecord(30_000_00, date(2021, 3, 10), 0), PaymentRecord(12_345, None)]
    assert paid(payments) == 30_000_00 + 12_345
    assert paid([]) == 0


@given(st.lists(st.integers(0, 10**12), max_size=20))
def test_paid_is_exact_for_any_payments(amounts: list[int]) -> None:
    assert paid([PaymentRecord(a) for a in amounts]) == sum(amounts)


def test_loose_payments_fill_the_earliest_tranches() -> None:
    payments = [PaymentRecord(40_000_00, date(2021, 4, 1))]  # tied to no tranche
    assert received_per_tranche(SCHEDULE, payments) == [30_000_00, 10_000_00, 0]


def test_overdue_tranches_are_the_due_ones_not_fully_received() -> None:
    payments = [PaymentRecord(30_000_00, date(2021, 3, 10), 0), PaymentRecord(20_000_00, None, 1)]
    overdue = overdue_tranches(SCHEDULE, payments, today=date(2023, 1, 1))
    assert [(o.index, o.kind, o.missing_cents) for o in overdue] == [
        (1, TrancheKind.INTERIM, 30_000_00)
    ]
    # On its due date a tranche is not late yet; the day after, it is.
    assert [o.index for o in overdue_tranches(SCHEDULE, payments, date(2023, 12, 31))] == [1]
    assert [o.index for o in overdue_tranches(SCHEDULE, payments, date(2024, 1, 1))] == [1, 2]


def test_a_released_balance_is_neither_overdue_nor_expected() -> None:
    released = TrancheRecord(TrancheKind.BALANCE, 20_000_00, date(2023, 12, 31), released=True)
    schedule = [ADVANCE, released]
    payments = [PaymentRecord(30_000_00, date(2021, 3, 10), 0)]
    assert overdue_tranches(schedule, payments, date(2025, 1, 1)) == []
    assert expected_by_year(schedule) == {2021: 30_000_00}


def test_expected_and_received_per_year() -> None:
    assert expected_by_year(SCHEDULE) == {2021: 30_000_00, 2022: 50_000_00, 2023: 20_000_00}
    payments = [
        PaymentRecord(30_000_00, date(2021, 3, 10)),
        PaymentRecord(25_000_00, date(2022, 9, 1)),
        PaymentRecord(25_000_00, date(2022, 12, 1)),
        PaymentRecord(7_00, None),
    ]
    assert received_by_year(payments) == ({2021: 30_000_00, 2022: 50_000_00}, 7_00)


def test_spread_per_year_falls_back_to_the_decision_year() -> None:
    assert spread_per_year(100_000_00, 2021, []) == {2021: 100_000_00}
    spread = [YearAmount(2021, 40_000_00), YearAmount(2022, 60_000_00)]
    assert spread_per_year(100_000_00, 2021, spread) == {2021: 40_000_00, 2022: 60_000_00}
    # A partial spread: what it does not cover stays in the decision year.
    assert spread_per_year(100_000_00, 2020, spread[:1]) == {2021: 40_000_00, 2020: 60_000_00}
    assert spread_per_year(None, 2020, []) == {}


@given(
    st.integers(0, 10**11),
    st.lists(st.tuples(st.integers(2005, 2030), st.integers(0, 10**10)), max_size=6),
)
def test_spread_per_year_always_sums_to_the_grant(
    granted: int, parts: list[tuple[int, int]]
) -> None:
    spread = [YearAmount(year, cents) for year, cents in parts]
    assert sum(spread_per_year(granted, 2019, spread).values()) == granted


def test_spread_issues() -> None:
    assert spread_issues(100, [YearAmount(2021, 60), YearAmount(2022, 40)]) == []
    assert spread_issues(100, [YearAmount(2021, 60)]) == ["spread_total_not_granted"]
    assert spread_issues(100, [YearAmount(2021, 50), YearAmount(2021, 50)]) == ["spread_year_twice"]
    assert spread_issues(100, []) == []


FUI_CALL = 7
RULES = fui_rules(call_id=FUI_CALL)


def rule_for(kind: str) -> AidRateRule | None:
    return applicable_rule(RULES, kind, call_id=FUI_CALL)


def test_fui_rules_per_partner_kind() -> None:
    assert rule_for("sme").max_rate == Decimal("0.45")  # type: ignore[union-attr]
    assert rule_for("midcap").max_rate == Decimal("0.30")  # type: ignore[union-attr]
    assert rule_for("large_company").max_rate == Decimal("0.25")  # type: ignore[union-attr]
    research = rule_for("research")
    assert research is not None and research.max_rate == 1
    assert research.base is CostBase.MARGINAL_COSTS
    # Start-ups count as SMEs, universities as research bodies; an association has no FUI rule.
    assert rule_for("startup") == rule_for("sme")
    assert rule_for("higher_education") == research
    assert rule_for("association") is None
    # Another call's rules do not apply.
    assert applicable_rule(RULES, "sme", call_id=8) is None


def test_a_calls_rule_comes_before_a_funders() -> None:
    funder_rule = AidRateRule("sme", 6000, funder_id=3, instrument="grant")
    any_instrument = AidRateRule("sme", 5000, funder_id=3)
    rules = [any_instrument, funder_rule, *RULES]
    assert applicable_rule(rules, "sme", call_id=FUI_CALL, funder_ids=[3]).max_rate_bp == 4500  # type: ignore[union-attr]
    assert applicable_rule(rules, "sme", call_id=None, funder_ids=[3], instruments=["grant"]) == (
        funder_rule
    )
    assert applicable_rule(rules, "sme", call_id=None, funder_ids=[3], instruments=["loan"]) == (
        any_instrument
    )
    assert applicable_rule(rules, "sme", call_id=None, funder_ids=[4]) is None


def consortium() -> list[MatrixPartner]:
    return [
        MatrixPartner(1, "Kerlis", "sme", 400_000_00),
        MatrixPartner(2, "Orange", "large_company", 1_000_000_00),
        MatrixPartner(3, "IRISA", "research", 300_000_00),
    ]


def test_matrix_sums_rows_and_columns_and_rates() -> None:
    lines = [
        MatrixLine(
            10, "Bpifrance", "grant", 600_000_00,
            (
                CofinancingRecord(1, 180_000_00),
                CofinancingRecord(2, 200_000_00),
                CofinancingRecord(3, 150_000_00),
            ),
        ),
        MatrixLine(
            11, "Région Bretagne", "grant", 150_000_00,
            (CofinancingRecord(1, 40_000_00), CofinancingRecord(3, 100_000_00)),
        ),
    ]  # fmt: skip
    matrix = financing_matrix(consortium(), lines, RULES, call_id=FUI_CALL)
    assert matrix.funders == ((10, "Bpifrance"), (11, "Région Bretagne"))
    assert [row.cells for row in matrix.rows] == [
        (180_000_00, 40_000_00),
        (200_000_00, 0),
        (150_000_00, 100_000_00),
    ]
    assert [row.aid_cents for row in matrix.rows] == [220_000_00, 200_000_00, 250_000_00]
    assert matrix.column_totals == (530_000_00, 140_000_00)
    assert matrix.unassigned == (70_000_00, 10_000_00)
    assert matrix.aid_total == 670_000_00
    assert matrix.budget_total == 1_700_000_00
    assert matrix.granted_total == 750_000_00
    assert [row.check.rate for row in matrix.rows] == [
        Decimal("0.55"),
        Decimal("0.2"),
        Decimal(250) / Decimal(300),
    ]
    # The SME at 55 % is above the FUI's 45 %; the large company at 20 % and the lab within.
    assert [row.check.above for row in matrix.rows] == [True, False, False]
    assert [row.partner.name for row in matrix.outside_rules] == ["Kerlis"]
    assert matrix.rate == Decimal(750) / Decimal(1700)


def test_a_rate_exactly_at_the_rule_is_within_it() -> None:
    lines = [MatrixLine(10, "Bpifrance", "grant", 180_000_00, (CofinancingRecord(1, 180_000_00),))]
    matrix = financing_matrix(consortium()[:1], lines, RULES, call_id=FUI_CALL)
    assert matrix.rows[0].check.rate == Decimal("0.45")
    assert not matrix.rows[0].check.above


def test_a_share_to_an_organisation_outside_the_consortium_keeps_its_euros() -> None:
    lines = [MatrixLine(10, "Bpifrance", "grant", 100, (CofinancingRecord(99, 60),))]
    matrix = financing_matrix(consortium()[:1], lines)
    assert [row.partner.organisation_id for row in matrix.rows] == [1, 99]
    assert matrix.column_totals == (60,)
    assert matrix.unassigned == (40,)
    assert matrix.rows[1].check.rate is None and not matrix.rows[1].check.above


def test_no_budget_no_rate() -> None:
    partners = [MatrixPartner(1, "Kerlis", "sme", None)]
    lines = [MatrixLine(10, "Bpifrance", "grant", 100, (CofinancingRecord(1, 100),))]
    row = financing_matrix(partners, lines, RULES, call_id=FUI_CALL).rows[0]
    assert row.check.rate is None and not row.check.above


def test_funding_gap_of_a_project() -> None:
    # Budget 1 M€; 400 k€ granted; a regional request of 150 k€ not decided yet.
    gap = funding_gap(1_000_000_00, [(500_000_00, 400_000_00), (150_000_00, None)])
    assert (gap.budget_cents, gap.granted_cents, gap.pending_cents) == (
        1_000_000_00,
        400_000_00,
        150_000_00,
    )
    assert gap.uncovered_cents == 600_000_00
    assert gap.uncovered_after_pending_cents == 450_000_00
    # Funded above its budget: nothing uncovered, never negative.
    assert funding_gap(100, [(200, 200)]).uncovered_cents == 0
    assert funding_gap(None, []).uncovered_cents == 0


def test_portfolio_gap_adds_each_projects_uncovered_part() -> None:
    gaps = [funding_gap(100, [(None, 150)]), funding_gap(100, [(None, 30)])]
    assert total_uncovered(gaps) == 70  # the first project's surplus covers no other project
    total = sum_gaps(gaps)
    assert (total.budget_cents, total.granted_cents) == (200, 180)


def test_cents_are_split_by_weights_and_always_add_up() -> None:
    from portfolio_desktop.domain.financing import split_cents

    assert split_cents(100, [50, 50]) == [50, 50]
    assert split_cents(100, [1, 1, 1]) == [34, 33, 33]
    assert split_cents(1, [34, 66]) == [0, 1]
    assert split_cents(70_000_001, [34, 66]) == [23_800_000, 46_200_001]
    assert split_cents(10, [0, 0]) == [5, 5]
    assert split_cents(10, []) == []
    for cents in (0, 1, 7, 999_999, 123_456_789):
        for weights in ([1], [3, 7], [10, 20, 30, 40], [33, 33, 34], [1, 0, 99]):
            parts = split_cents(cents, weights)
            assert sum(parts) == cents
            assert all(
                abs(part * sum(weights) - cents * w) < sum(weights)
                for part, w in zip(parts, weights, strict=True)
            )

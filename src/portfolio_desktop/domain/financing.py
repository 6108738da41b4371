"""Money as pôles follow it: payment schedules, payments received, cofinancing per partner,
multi-year amounts, aid-rate rules and the funding gap. Pure functions over integer cents.

A funding line's *granted* amount is a commitment; what has *arrived* is the sum of the payments
received (`paid`). Tranches are what the convention plans (an advance at signature, interim
payments on reports, a balance at the end); a tranche given up (the balance of an abandoned project)
is `released`: no longer expected, never overdue. Rates are `Decimal` fractions; rules store their
maximum in basis points (4 500 = 45 %).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from .enums import OrganisationKind


class TrancheKind(StrEnum):
    """What a planned payment is in the convention's schedule."""

    ADVANCE = "advance"  # avance (à la signature)
    INTERIM = "interim"  # versement intermédiaire (sur rapport)
    BALANCE = "balance"  # solde (sur rapport final)


class CostBase(StrEnum):
    """What a maximum rate is a rate of (research bodies are funded on their own base)."""

    ELIGIBLE_COSTS = "eligible_costs"
    MARGINAL_COSTS = "marginal_costs"
    FULL_COSTS = "full_costs"


@dataclass(slots=True)
class TrancheRecord:
    """A planned payment of a funding line."""

    kind: TrancheKind
    amount_cents: int
    due_on: date | None = None
    released: bool = False


@dataclass(slots=True)
class PaymentRecord:
    """Money received; `tranche` is the index of the tranche it pays in the line's schedule."""

    amount_cents: int
    received_on: date | None = None
    tranche: int | None = None
    note: str = ""


@dataclass(slots=True)
class CofinancingRecord:
    """The part of a funding line one partner (an organisation of the consortium) receives."""

    organisation_id: int
    amount_cents: int


@dataclass(slots=True)
class YearAmount:
    """The part of a line's granted amount committed in one year."""

    year: int
    amount_cents: int


@dataclass(slots=True)
class LineMoney:
    """A funding line's schedule, payments, split over the consortium and spread over years."""

    tranches: list[TrancheRecord] = field(default_factory=list)
    payments: list[PaymentRecord] = field(default_factory=list)
    shares: list[CofinancingRecord] = field(default_factory=list)
    spread: list[YearAmount] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class AidRateRule:
    """A maximum aid rate for a kind of partner, set by a call or by a funder (for an instrument,
    or every instrument when `instrument` is None)."""

    partner_kind: str
    max_rate_bp: int
    base: CostBase = CostBase.ELIGIBLE_COSTS
    source: str = ""
    call_id: int | None = None
    funder_id: int | None = None
    instrument: str | None = None

    @property
    def max_rate(self) -> Decimal:
        return Decimal(self.max_rate_bp) / 10_000


#: The FUI's historic maximum rates (reference data the demo installs on its FUI calls; a pôle
#: enters each call's own): SMEs 45 %, mid-caps 30 %, large companies 25 % of eligible costs,
#: research bodies 100 % of their marginal costs.
FUI_SOURCE = "FUI — taux d'aide historiques (cahier des charges des appels à projets FUI)"
FUI_RATES: tuple[tuple[OrganisationKind, int, CostBase], ...] = (
    (OrganisationKind.SME, 4500, CostBase.ELIGIBLE_COSTS),
    (OrganisationKind.MIDCAP, 3000, CostBase.ELIGIBLE_COSTS),
    (OrganisationKind.LARGE_COMPANY, 2500, CostBase.ELIGIBLE_COSTS),
    (OrganisationKind.RESEARCH, 10000, CostBase.MARGINAL_COSTS),
)


def fui_rules(*, call_id: int | None = None, funder_id: int | None = None) -> list[AidRateRule]:
    """The FUI's historic rates as rules of one call (or one funder)."""
    return [
        AidRateRule(kind.value, bp, base, FUI_SOURCE, call_id=call_id, funder_id=funder_id)
        for kind, bp, base in FUI_RATES
    ]


#: A kind no rule names falls under the rule of the kind it is counted with: start-ups are SMEs,
#: universities and schools are research bodies.
RULE_KIND_FALLBACK = {
    OrganisationKind.STARTUP.value: OrganisationKind.SME.value,
    OrganisationKind.HIGHER_EDUCATION.value: OrganisationKind.RESEARCH.value,
}


# --- payments -------------------------------------------------------------------------------


def paid(payments: Iterable[PaymentRecord]) -> int:
    """What has arrived on a line: the sum of its payments received."""
    return sum(p.amount_cents for p in payments)


def received_per_tranche(
    tranches: Sequence[TrancheRecord], payments: Iterable[PaymentRecord]
) -> list[int]:
    """What each tranche has received: its own payments first, then the payments tied to no
    tranche, which fill the tranches in the order they are due (earliest first)."""
    received = [0] * len(tranches)
    loose = 0
    for payment in payments:
        if payment.tranche is not None and 0 <= payment.tranche < len(tranches):
            received[payment.tranche] += payment.amount_cents
        else:
            loose += payment.amount_cents
    order = sorted(range(len(tranches)), key=lambda i: (tranches[i].due_on or date.max, i))
    for index in order:
        if loose <= 0:
            break
        if tranches[index].released:
            continue
        take = min(loose, max(tranches[index].amount_cents - received[index], 0))
        received[index] += take
        loose -= take
    return received


@dataclass(frozen=True, slots=True)
class Overdue:
    """A tranche past its due date and not (fully) received: how much is still owed."""

    index: int
    due_on: date
    kind: TrancheKind
    missing_cents: int


def overdue_tranches(
    tranches: Sequence[TrancheRecord], payments: Iterable[PaymentRecord], today: date
) -> list[Overdue]:
    """The tranches due before `today` that have not received their amount (released ones are
    not expected any more)."""
    received = received_per_tranche(tranches, payments)
    out = []
    for index, tranche in enumerate(tranches):
        if tranche.released or tranche.due_on is None or tranche.due_on >= today:
            continue
        missing = tranche.amount_cents - received[index]
        if missing > 0:
            out.append(Overdue(index, tranche.due_on, tranche.kind, missing))
    return out


def expected_by_year(tranches: Iterable[TrancheRecord]) -> dict[int, int]:
    """The tranches still expected (not released), summed per year they are due (undated ones
    are left out: they have no year)."""
    out: dict[int, int] = defaultdict(int)
    for tranche in tranches:
        if not tranche.released and tranche.due_on is not None:
            out[tranche.due_on.year] += tranche.amount_cents
    return dict(out)


def received_by_year(payments: Iterable[PaymentRecord]) -> tuple[dict[int, int], int]:
    """Payments received per year, and the sum of those whose date is not known."""
    out: dict[int, int] = defaultdict(int)
    undated = 0
    for payment in payments:
        if payment.received_on is None:
            undated += payment.amount_cents
        else:
            out[payment.received_on.year] += payment.amount_cents
    return dict(out), undated


def released_cents(tranches: Iterable[TrancheRecord]) -> int:
    """What the funder will not pay any more (released tranches)."""
    return sum(t.amount_cents for t in tranches if t.released)


# --- amounts per year -----------------------------------------------------------------------


def spread_per_year(
    granted_cents: int | None, decision_year: int | None, spread: Iterable[YearAmount]
) -> dict[int | None, int]:
    """A line's granted amount per year: its spread where it has one, and the part the spread
    does not cover in its decision year (all of it when there is no spread). The years always sum
    to the granted amount; years with nothing are left out."""
    granted = granted_cents or 0
    out: dict[int | None, int] = defaultdict(int)
    for part in spread:
        out[part.year] += part.amount_cents
    rest = granted - sum(out.values())
    if rest:
        out[decision_year] += rest
    return {year: cents for year, cents in out.items() if cents}


def spread_issues(granted_cents: int | None, spread: Sequence[YearAmount]) -> list[str]:
    """Codes of what is wrong with a spread: years twice, or a total other than the grant."""
    issues = []
    years = [part.year for part in spread]
    if len(set(years)) != len(years):
        issues.append("spread_year_twice")
    if spread and sum(p.amount_cents for p in spread) != (granted_cents or 0):
        issues.append("spread_total_not_granted")
    return issues


# --- cofinancing matrix and rules -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MatrixPartner:
    """A row of the matrix: an organisation of the consortium, its kind and its budget."""

    organisation_id: int
    name: str
    kind: str
    budget_cents: int | None


@dataclass(frozen=True, slots=True)
class MatrixLine:
    """A funding line as the matrix sees it: its funder, instrument, grant and split."""

    funder_id: int
    funder_name: str
    instrument: str
    granted_cents: int | None
    shares: tuple[CofinancingRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class RateCheck:
    """A partner's aid rate against the rule that applies to it (None when no rule does)."""

    rate: Decimal | None
    rule: AidRateRule | None

    @property
    def above(self) -> bool:
        return self.rate is not None and self.rule is not None and self.rate > self.rule.max_rate


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One partner: budget, aid from each funder (the matrix's columns), total aid, rate, check."""

    partner: MatrixPartner
    cells: tuple[int, ...]
    aid_cents: int
    check: RateCheck


@dataclass(frozen=True, slots=True)
class FinancingMatrix:
    """Partner × funder: rows per partner, columns per funder, totals of both, and the part of
    each funder's grant not split over partners (`unassigned`)."""

    funders: tuple[tuple[int, str], ...]
    rows: tuple[MatrixRow, ...]
    column_totals: tuple[int, ...]
    unassigned: tuple[int, ...]
    budget_total: int
    aid_total: int

    @property
    def rate(self) -> Decimal | None:
        return rate_of(self.granted_total, self.budget_total)

    @property
    def granted_total(self) -> int:
        """Every funder's grant, split or not."""
        return sum(self.column_totals) + sum(self.unassigned)

    @property
    def outside_rules(self) -> tuple[MatrixRow, ...]:
        return tuple(row for row in self.rows if row.check.above)


def rate_of(aid_cents: int, budget_cents: int | None) -> Decimal | None:
    """aid / budget as a fraction (None without a positive budget)."""
    if not budget_cents or budget_cents <= 0:
        return None
    return Decimal(aid_cents) / Decimal(budget_cents)


def applicable_rule(
    rules: Iterable[AidRateRule],
    partner_kind: str,
    *,
    call_id: int | None,
    funder_ids: Iterable[int] = (),
    instruments: Iterable[str] = (),
) -> AidRateRule | None:
    """The rule for a kind of partner: the call's own first, else a funder's for one of the
    instruments (an instrument-specific rule before an all-instrument one). A kind no rule names
    takes the rule of the kind it is counted with (`RULE_KIND_FALLBACK`)."""
    rules = list(rules)
    kinds = [partner_kind]
    if partner_kind in RULE_KIND_FALLBACK:
        kinds.append(RULE_KIND_FALLBACK[partner_kind])
    funders, used = set(funder_ids), set(instruments)
    for kind in kinds:
        if call_id is not None:
            for rule in rules:
                if rule.call_id == call_id and rule.partner_kind == kind:
                    return rule
        for specific in (True, False):
            for rule in rules:
                if rule.call_id is not None or rule.funder_id not in funders:
                    continue
                if rule.partner_kind != kind:
                    continue
                if specific and rule.instrument in used:
                    return rule
                if not specific and rule.instrument is None:
                    return rule
    return None


def financing_matrix(
    partners: Sequence[MatrixPartner],
    lines: Sequence[MatrixLine],
    rules: Iterable[AidRateRule] = (),
    *,
    call_id: int | None = None,
) -> FinancingMatrix:
    """The partner × funder matrix of a project, with each partner's rate checked against the
    rule for its kind. A share to an organisation that is not a partner gets a row of its own
    (kind unknown, no budget) so that no euro is left out of the totals."""
    rules = list(rules)
    funders: dict[int, str] = {}
    for line in lines:
        funders.setdefault(line.funder_id, line.funder_name)
    columns = {funder_id: i for i, funder_id in enumerate(funders)}
    cells: dict[int, list[int]] = {p.organisation_id: [0] * len(columns) for p in partners}
    extra: list[MatrixPartner] = []
    unassigned = [0] * len(columns)
    for line in lines:
        column = columns[line.funder_id]
        split = 0
        for share in line.shares:
            if share.organisation_id not in cells:
                cells[share.organisation_id] = [0] * len(columns)
                extra.append(MatrixPartner(share.organisation_id, "", "", None))
            cells[share.organisation_id][column] += share.amount_cents
            split += share.amount_cents
        unassigned[column] += (line.granted_cents or 0) - split
    instruments = {line.instrument for line in lines}
    rows = []
    for partner in [*partners, *extra]:
        values = tuple(cells[partner.organisation_id])
        aid = sum(values)
        rule = applicable_rule(
            rules, partner.kind, call_id=call_id, funder_ids=funders, instruments=instruments
        )
        rows.append(
            MatrixRow(partner, values, aid, RateCheck(rate_of(aid, partner.budget_cents), rule))
        )
    column_totals = tuple(sum(row.cells[i] for row in rows) for i in range(len(columns)))
    return FinancingMatrix(
        funders=tuple(funders.items()),
        rows=tuple(rows),
        column_totals=column_totals,
        unassigned=tuple(unassigned),
        budget_total=sum(p.budget_cents or 0 for p in partners),
        aid_total=sum(row.aid_cents for row in rows),
    )


# --- funding gap ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FundingGap:
    """A project's budget against what is secured (granted), what is asked and not yet decided,
    and what no funder covers (`uncovered` = budget − granted, never below zero)."""

    budget_cents: int
    granted_cents: int
    pending_cents: int

    @property
    def uncovered_cents(self) -> int:
        return max(self.budget_cents - self.granted_cents, 0)

    @property
    def uncovered_after_pending_cents(self) -> int:
        """What would still be uncovered if every pending request were granted in full."""
        return max(self.budget_cents - self.granted_cents - self.pending_cents, 0)


def funding_gap(
    budget_cents: int | None, lines: Iterable[tuple[int | None, int | None]]
) -> FundingGap:
    """The gap of one project from its budget and its lines' (requested, granted): a line with no
    granted amount yet is pending for what it requests."""
    granted = pending = 0
    for requested, line_granted in lines:
        if line_granted is None:
            pending += requested or 0
        else:
            granted += line_granted
    return FundingGap(budget_cents or 0, granted, pending)


def sum_gaps(gaps: Iterable[FundingGap]) -> FundingGap:
    """The portfolio's gap: budgets, grants and pending requests summed; `uncovered_cents` of the
    sum is not the sum of the projects' (a project funded above its budget covers no other), so
    portfolio totals use `total_uncovered`."""
    budget = granted = pending = 0
    for gap in gaps:
        budget += gap.budget_cents
        granted += gap.granted_cents
        pending += gap.pending_cents
    return FundingGap(budget, granted, pending)


def total_uncovered(gaps: Iterable[FundingGap]) -> int:
    """The budget no grant covers, project by project, summed."""
    return sum(gap.uncovered_cents for gap in gaps)


def gaps_by(
    gaps: Iterable[tuple[str | None, FundingGap]],
) -> Mapping[str | None, tuple[FundingGap, int]]:
    """Gaps grouped by a key (call, domain, pole; None for the projects without one): the summed
    gap and the summed uncovered part."""
    grouped: dict[str | None, list[FundingGap]] = defaultdict(list)
    for key, gap in gaps:
        grouped[key].append(gap)
    return {key: (sum_gaps(items), total_uncovered(items)) for key, items in grouped.items()}


def split_cents(cents: int, weights: Sequence[int]) -> list[int]:
    """`cents` shared in proportion to `weights` in whole cents; the cents rounding leaves go to
    the parts whose exact share lost most, so the parts always add up to `cents` (equal parts
    when the weights add up to nothing)."""
    if not weights:
        return []
    total = sum(weights)
    if total <= 0:
        weights, total = [1] * len(weights), len(weights)
    parts = [cents * w // total for w in weights]
    left = cents - sum(parts)
    by_loss = sorted(range(len(weights)), key=lambda i: (-(cents * weights[i] % total), i))
    for i in by_loss[:left]:
        parts[i] += 1
    return parts


def split_gap(gap: FundingGap, weights: Sequence[int]) -> list[FundingGap]:
    """A project's gap shared over its domains by their percentages (budget, granted and pending
    each split with `split_cents`)."""
    return [
        FundingGap(budget, granted, pending)
        for budget, granted, pending in zip(
            split_cents(gap.budget_cents, weights),
            split_cents(gap.granted_cents, weights),
            split_cents(gap.pending_cents, weights),
            strict=True,
        )
    ]

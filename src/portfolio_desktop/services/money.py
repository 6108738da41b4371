"""Money use cases for the desktop and the dashboard: what the project editor's financing views
need, expected vs received per year, the overdue tranches of the portfolio, the funding gap by
call, domain and pole."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..domain.financing import (
    AidRateRule,
    FundingGap,
    financing_matrix,
    gaps_by,
    overdue_tranches,
    split_gap,
    sum_gaps,
    total_uncovered,
)
from ..storage import money
from ..storage.database import Database


@dataclass(frozen=True, slots=True)
class EditorMoney:
    """The aid-rate rules and every organisation's kind (for the partner × funder matrix)."""

    rules: tuple[AidRateRule, ...]
    kinds: dict[int, str]


def editor_money(db: Database) -> EditorMoney:
    with db.read() as session:
        return EditorMoney(tuple(money.load_rules(session)), money.organisation_kinds(session))


@dataclass(frozen=True, slots=True)
class OverdueTranche:
    """A tranche past due and not fully received, with its project and funder for the list."""

    project_id: int
    reference: str
    acronym: str
    funder: str
    kind: str
    due_on: date
    missing_cents: int


@dataclass(frozen=True, slots=True)
class PaymentsFigures:
    """Expected (tranches still planned) vs received (payments) per year, and what is late."""

    years: tuple[int, ...]
    expected: tuple[int, ...]
    received: tuple[int, ...]
    received_undated: int
    overdue: tuple[OverdueTranche, ...]

    @property
    def overdue_cents(self) -> int:
        return sum(o.missing_cents for o in self.overdue)


def payments_figures(db: Database, today: date | None = None) -> PaymentsFigures:
    """The portfolio's payments per year and its overdue tranches, oldest first."""
    today = today or date.today()
    with db.read() as session:
        expected = money.expected_by_year(session)
        received = money.received_by_year(session)
        undated = money.received_undated(session)
        late = [
            (line_id, item)
            for line_id, (_project, tranches, payments) in money.schedules(
                session, late_on=today
            ).items()
            for item in overdue_tranches(tranches, payments, today)
        ]
        names = money.line_labels(session, [line_id for line_id, _ in late])
    years = tuple(sorted(set(expected) | set(received)))
    overdue = sorted(
        (
            OverdueTranche(*names[line_id], item.kind.value, item.due_on, item.missing_cents)
            for line_id, item in late
        ),
        key=lambda o: (o.due_on, o.reference),
    )
    return PaymentsFigures(
        years=years,
        expected=tuple(expected.get(y, 0) for y in years),
        received=tuple(received.get(y, 0) for y in years),
        received_undated=undated,
        overdue=tuple(overdue),
    )


@dataclass(frozen=True, slots=True)
class GapRow:
    """The funding gap of the funded projects of one call, domain or pole (`key`; None: the
    projects without a call, or without a domain)."""

    key: str | None
    projects: int
    gap: FundingGap
    #: The budget no grant covers, project by project, summed (`total_uncovered`).
    uncovered_cents: int


@dataclass(frozen=True, slots=True)
class GapFigures:
    """The portfolio's funding gap, in all and grouped three ways, largest uncovered first."""

    total: GapRow
    by_call: tuple[GapRow, ...]
    by_domain: tuple[GapRow, ...]
    by_cluster: tuple[GapRow, ...]


def _grouped(pairs: list[tuple[str | None, int, FundingGap]]) -> tuple[GapRow, ...]:
    """(key, project, gap) summed by key (`gaps_by`), with the projects each key holds."""
    members: dict[str | None, set[int]] = defaultdict(set)
    for key, project, _gap in pairs:
        members[key].add(project)
    rows = [
        GapRow(key, len(members[key]), summed, uncovered)
        for key, (summed, uncovered) in gaps_by((key, gap) for key, _p, gap in pairs).items()
    ]
    return tuple(sorted(rows, key=lambda r: (-r.uncovered_cents, r.key is None, r.key or "")))


def gap_figures(db: Database) -> GapFigures:
    """Budget, granted, pending and not covered of the funded projects, by call, by domain
    (a project's amounts shared over its domains by their percentages) and by pole."""
    with db.read() as session:
        gaps = money.funding_gaps(session)
        keys = money.gap_keys(session, gaps)
    by_domain: list[tuple[str | None, int, FundingGap]] = []
    for pid, gap in gaps.items():
        domains = keys.domains.get(pid)
        if not domains:
            by_domain.append((None, pid, gap))
            continue
        parts = split_gap(gap, [percent for _name, percent in domains])
        by_domain += [(name, pid, part) for (name, _p), part in zip(domains, parts, strict=True)]
    everything = list(gaps.values())
    return GapFigures(
        total=GapRow(None, len(gaps), sum_gaps(everything), total_uncovered(everything)),
        by_call=_grouped([(keys.call.get(pid), pid, gap) for pid, gap in gaps.items()]),
        by_domain=_grouped(by_domain),
        by_cluster=_grouped([(keys.cluster.get(pid), pid, gap) for pid, gap in gaps.items()]),
    )


@dataclass(frozen=True, slots=True)
class OutsideRule:
    """A partner whose aid rate is above the rule for its kind (the call's, or a funder's)."""

    project_id: int
    reference: str
    acronym: str
    partner: str
    kind: str
    aid_cents: int
    budget_cents: int
    rate: Decimal
    rule: AidRateRule


@dataclass(frozen=True, slots=True)
class RuleFigures:
    """The partners above their rule, by project reference, and how many projects were checked
    (those whose aid is split over their partners)."""

    outside: tuple[OutsideRule, ...]
    checked_projects: int

    @property
    def projects_outside(self) -> int:
        return len({o.project_id for o in self.outside})


def rule_figures(db: Database) -> RuleFigures:
    """Every partner × funder matrix of the portfolio checked against the aid-rate rules, as the
    project editor checks one."""
    with db.read() as session:
        rules = money.load_rules(session)
        projects = money.split_projects(session)
    outside = []
    for project in projects:
        matrix = financing_matrix(project.partners, project.lines, rules, call_id=project.call_id)
        for row in matrix.outside_rules:
            assert row.check.rate is not None and row.check.rule is not None
            outside.append(
                OutsideRule(
                    project.project_id, project.reference, project.acronym, row.partner.name,
                    row.partner.kind, row.aid_cents, row.partner.budget_cents or 0,
                    row.check.rate, row.check.rule,
                )
            )  # fmt: skip
    return RuleFigures(tuple(outside), len(projects))

"""Money use cases for the desktop and the dashboard: what the project editor's financing views
need, expected vs received per year, the overdue tranches of the portfolio."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.financing import AidRateRule, overdue_tranches
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
            for line_id, (_project, tranches, payments) in money.schedules(session).items()
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

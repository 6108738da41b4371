"""Reads and writes the money of funding lines: tranches, payments, cofinancing shares, yearly
spread, and the aid-rate rules. The one module that writes those tables.

`funding_line.paid_cents` is kept equal to the sum of a line's payments here: writing payments
sets it, and a paid amount written the old way (a form's or a workbook's « versé » column) is
matched by `match_payments_to_paid`, which records the difference as a payment of unknown date.

Writers (each in the caller's unit of work):
- `write_line_money`: payment_tranche, payment, cofinancing_share, line_year_amount of one line,
  and funding_line.paid_cents;
- `match_payments_to_paid`: payment (and funding_line.paid_cents when dated payments exceed it);
- `add_rules`: aid_rate_rule (the demo; the rules screen and the rules sheet write through
  `apply.aid_rates`);
- `insert_rows`: all five tables from prepared rows (the demo).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import and_, bindparam, case, delete, func, literal, null, select
from sqlalchemy.orm import Session

from ..domain.financing import (
    AidRateRule,
    CofinancingRecord,
    CostBase,
    FundingGap,
    LineMoney,
    MatrixLine,
    MatrixPartner,
    PaymentRecord,
    TrancheKind,
    TrancheRecord,
    YearAmount,
    funding_gap,
)
from .tables import (
    AidRateRule as RuleRow,
)
from .tables import (
    Call,
    Cluster,
    CofinancingShare,
    Domain,
    FundingLine,
    LineYearAmount,
    Payment,
    PaymentTranche,
    Project,
    ProjectDomain,
    table_of,
)

_CHUNK = 900
T = TypeVar("T")
_KINDS = {kind.value: kind for kind in TrancheKind}


def _chunks(ids: Sequence[T]) -> Iterable[Sequence[T]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


# --- reading --------------------------------------------------------------------------------


def _schedules_of(session: Session, batch: Sequence[int], out: dict[int, LineMoney]) -> None:
    """Appends the tranches and payments of the lines of `batch` (keys of `out`) to their
    LineMoney, in schedule order, each payment tied to its tranche by index. Plain rows, not ORM
    objects: the dashboard reads the schedules of the late lines of the portfolio."""
    index_of: dict[int, int] = {}
    for tranche_id, line_id, kind, amount, due_on, released in session.execute(
        select(PaymentTranche.id, PaymentTranche.funding_line_id, PaymentTranche.kind,
               PaymentTranche.amount_cents, PaymentTranche.due_on, PaymentTranche.released)
        .where(PaymentTranche.funding_line_id.in_(batch))
        .order_by(PaymentTranche.funding_line_id, PaymentTranche.position, PaymentTranche.id)
    ):  # fmt: skip
        tranches = out[line_id].tranches
        index_of[tranche_id] = len(tranches)
        tranches.append(TrancheRecord(_KINDS[kind], amount, due_on, bool(released)))
    for line_id, tied_to, received_on, amount, note in session.execute(
        select(Payment.funding_line_id, Payment.tranche_id, Payment.received_on,
               Payment.amount_cents, Payment.note)
        .where(Payment.funding_line_id.in_(batch))
        .order_by(Payment.funding_line_id, Payment.received_on.is_(None), Payment.received_on,
                  Payment.id)
    ):  # fmt: skip
        tranche = index_of.get(tied_to) if tied_to is not None else None
        out[line_id].payments.append(PaymentRecord(amount, received_on, tranche, note))


def load_money(session: Session, line_ids: Iterable[int]) -> dict[int, LineMoney]:
    """Each line's money (every line asked gets one, empty when it has none)."""
    ids = sorted(set(line_ids))
    out = {line_id: LineMoney() for line_id in ids}
    for batch in _chunks(ids):
        _schedules_of(session, batch, out)
        for line_id, org_id, amount in session.execute(
            select(
                CofinancingShare.funding_line_id,
                CofinancingShare.organisation_id,
                CofinancingShare.amount_cents,
            )
            .where(CofinancingShare.funding_line_id.in_(batch))
            .order_by(CofinancingShare.funding_line_id, CofinancingShare.id)
        ):
            out[line_id].shares.append(CofinancingRecord(org_id, amount))
        for line_id, year, amount in session.execute(
            select(LineYearAmount.funding_line_id, LineYearAmount.year, LineYearAmount.amount_cents)
            .where(LineYearAmount.funding_line_id.in_(batch))
            .order_by(LineYearAmount.funding_line_id, LineYearAmount.year)
        ):
            out[line_id].spread.append(YearAmount(year, amount))
    return out


def load_rules(session: Session) -> list[AidRateRule]:
    """Every aid-rate rule, by call then funder then partner kind."""
    return [
        _rule(row)
        for row in session.execute(
            select(RuleRow).order_by(
                RuleRow.call_id, RuleRow.funder_id, RuleRow.instrument, RuleRow.partner_kind
            )
        ).scalars()
    ]


@dataclass(frozen=True, slots=True)
class RuleLine:
    """An aid-rate rule as the rules table shows it: its id, the rule, and the names of its call
    (and that call's funder) or of its funder."""

    id: int
    rule: AidRateRule
    call: str = ""
    funder: str = ""
    #: the funder of the rule's call (a call's rules show under its funder too)
    call_funder_id: int | None = None


def rule_lines(session: Session) -> list[RuleLine]:
    """Every aid-rate rule with the names of its scope, by call, funder, instrument and kind."""
    from .tables import Funder

    query = (
        select(RuleRow, Call.name, Call.funder_id, Funder.name)
        .outerjoin(Call, Call.id == RuleRow.call_id)
        .outerjoin(Funder, Funder.id == RuleRow.funder_id)
        .order_by(Call.name, Funder.name, RuleRow.instrument, RuleRow.partner_kind, RuleRow.id)
    )
    return [
        RuleLine(row.id, _rule(row), call or "", funder or "", call_funder)
        for row, call, call_funder, funder in session.execute(query)
    ]


def load_rule(session: Session, rule_id: int) -> AidRateRule | None:
    row = session.get(RuleRow, rule_id)
    return _rule(row) if row is not None else None


def rules_like(session: Session, rule: AidRateRule) -> list[int]:
    """The ids of the rules with the scope and partner kind of `rule` (its call, funder and
    instrument): at most one may exist."""
    return list(
        session.scalars(
            select(RuleRow.id).where(
                _same(RuleRow.call_id, rule.call_id),
                _same(RuleRow.funder_id, rule.funder_id),
                _same(RuleRow.instrument, rule.instrument),
                RuleRow.partner_kind == rule.partner_kind,
            )
        )
    )


def rules_of(session: Session, table: str, row_id: int) -> list[int]:
    """The ids of a call's (`table` "call") or a funder's ("funder") aid-rate rules."""
    column = RuleRow.call_id if table == "call" else RuleRow.funder_id
    return list(session.scalars(select(RuleRow.id).where(column == row_id).order_by(RuleRow.id)))


def rule_values(rule: AidRateRule) -> dict[str, Any]:
    """The columns of a rule's row."""
    return {
        "call_id": rule.call_id,
        "funder_id": rule.funder_id,
        "instrument": rule.instrument,
        "partner_kind": rule.partner_kind,
        "max_rate_bp": rule.max_rate_bp,
        "base": CostBase(rule.base).value,
        "source": rule.source,
    }


def _rule(row: RuleRow) -> AidRateRule:
    return AidRateRule(
        partner_kind=row.partner_kind,
        max_rate_bp=row.max_rate_bp,
        base=CostBase(row.base),
        source=row.source,
        call_id=row.call_id,
        funder_id=row.funder_id,
        instrument=row.instrument,
    )


# --- writing --------------------------------------------------------------------------------


def write_line_money(
    session: Session, line_id: int, money: LineMoney, *, paid_from_payments: bool = True
) -> None:
    """Replaces a line's tranches, payments, shares and spread with `money`.

    With `paid_from_payments` the line's paid amount becomes the sum of its payments (when it has
    none, its paid amount stays and is matched); without, the paid amount the caller wrote stands and `match_payments_to_paid`
    is the caller's next step (a form where « versé » was typed over the schedule)."""
    replace_lines_money(session, {line_id: money}, paid_from_payments=paid_from_payments)


#: The parts of a line's money the history records, as fields of the funding line.
MONEY_FIELDS = ("schedule", "payments", "shares", "spread")


def money_texts(money: LineMoney) -> dict[str, str | None]:
    """A line's money as the history stores it: per part, JSON rows (None when empty) —
    schedule [kind, cents, due on, released], payments [cents, received on, tranche, note],
    shares [organisation id, cents], spread [year, cents]."""

    def day(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    parts: dict[str, list[list[Any]]] = {
        "schedule": [
            [t.kind.value, t.amount_cents, day(t.due_on), t.released] for t in money.tranches
        ],
        "payments": [
            [p.amount_cents, day(p.received_on), p.tranche, p.note] for p in money.payments
        ],
        "shares": [[s.organisation_id, s.amount_cents] for s in money.shares],
        "spread": [[y.year, y.amount_cents] for y in money.spread],
    }
    return {
        name: json.dumps(rows, ensure_ascii=False) if rows else None for name, rows in parts.items()
    }


def money_from_texts(texts: dict[str, str | None]) -> LineMoney:
    """The LineMoney `money_texts` wrote (an import's undo puts it back)."""

    def rows(name: str) -> list[list[Any]]:
        text = texts.get(name)
        return json.loads(text) if text else []

    def day(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    return LineMoney(
        tranches=[
            TrancheRecord(_KINDS[kind], cents, day(due_on), bool(released))
            for kind, cents, due_on, released in rows("schedule")
        ],
        payments=[
            PaymentRecord(cents, day(received_on), tranche, note)
            for cents, received_on, tranche, note in rows("payments")
        ],
        shares=[CofinancingRecord(org, cents) for org, cents in rows("shares")],
        spread=[YearAmount(year, cents) for year, cents in rows("spread")],
    )


def _record_money(
    session: Session, moneys: dict[int, LineMoney], quiet: Collection[int]
) -> dict[int, LineMoney]:
    """The history of what changes in these lines' money (the lines in `quiet` excepted: lines
    an import creates, part of their project's creation), before it is replaced; returns the
    money those lines had."""
    from . import history

    recorded = [line_id for line_id in moneys if line_id not in quiet]
    if not recorded:
        return {}
    before = load_money(session, recorded)
    projects = projects_of_lines(session, recorded)
    changes = []
    for line_id in sorted(recorded):
        old, new = money_texts(before[line_id]), money_texts(moneys[line_id])
        for name in MONEY_FIELDS:
            if old[name] != new[name]:
                changes.append((line_id, projects.get(line_id), name, old[name], new[name]))
    history.record_fields(session, "funding_line", changes)
    return before


def replace_lines_money(
    session: Session,
    moneys: dict[int, LineMoney],
    *,
    paid_from_payments: bool = True,
    quiet: Collection[int] = (),
) -> dict[int, LineMoney]:
    """`write_line_money` for many lines at once (an import): a few statements per 900 lines.
    Each part that changes is recorded in the history, except on the lines in `quiet`; returns
    the money the other lines had (what an import's undo puts back)."""
    from . import bulk

    before = _record_money(session, moneys, set(quiet))
    ids = sorted(moneys)
    for batch in _chunks(ids):
        for model in (Payment, PaymentTranche, CofinancingShare, LineYearAmount):
            session.execute(delete(model).where(model.funding_line_id.in_(batch)))
    next_tranche = bulk.next_id(session, "payment_tranche")
    tranches: list[dict[str, Any]] = []
    payments: list[dict[str, Any]] = []
    shares: list[dict[str, Any]] = []
    spread: list[dict[str, Any]] = []
    paid_rows: list[dict[str, Any]] = []
    for line_id in ids:
        money = moneys[line_id]
        tranche_ids = []
        for position, tranche in enumerate(money.tranches):
            tranche_ids.append(next_tranche)
            tranches.append(
                {"id": next_tranche, "funding_line_id": line_id, "kind": tranche.kind.value,
                 "due_on": tranche.due_on, "amount_cents": tranche.amount_cents,
                 "released": tranche.released, "position": position}
            )  # fmt: skip
            next_tranche += 1
        for p in money.payments:
            tied = p.tranche is not None and 0 <= p.tranche < len(tranche_ids)
            payments.append(
                {"funding_line_id": line_id,
                 "tranche_id": tranche_ids[p.tranche] if tied and p.tranche is not None else None,
                 "received_on": p.received_on, "amount_cents": p.amount_cents, "note": p.note}
            )  # fmt: skip
        shares += [
            {"funding_line_id": line_id, "organisation_id": s.organisation_id,
             "amount_cents": s.amount_cents}
            for s in money.shares
        ]  # fmt: skip
        spread += [
            {"funding_line_id": line_id, "year": part.year, "amount_cents": part.amount_cents}
            for part in money.spread
        ]
        if paid_from_payments and money.payments:
            paid_rows.append({"line": line_id, "paid": sum(p.amount_cents for p in money.payments)})
    for model, rows in (
        (PaymentTranche, tranches),
        (Payment, payments),
        (CofinancingShare, shares),
        (LineYearAmount, spread),
    ):
        if rows:
            session.execute(table_of(model).insert(), rows)
    _set_paid(session, paid_rows)
    return before


def _set_paid(session: Session, rows: list[dict[str, Any]]) -> None:
    """funding_line.paid_cents = `paid` for each {"line", "paid"} row."""
    if rows:
        line = table_of(FundingLine)
        session.execute(
            line.update()
            .where(line.c.id == bindparam("line"))
            .values(paid_cents=bindparam("paid")),
            rows,
        )


def match_payments_to_paid(session: Session, line_ids: Iterable[int] | None = None) -> int:
    """Makes each line's payments sum to its paid amount where a writer set that amount directly.

    The difference goes to the line's payments of unknown date tied to no tranche (one is added
    when there are none); when the dated payments alone exceed the paid amount, they stand (they
    are facts) and the paid amount is set to their sum. Returns the number of lines changed.
    """
    ids = sorted(set(line_ids)) if line_ids is not None else None
    batches: Iterable[Sequence[int] | None] = _chunks(ids) if ids is not None else [None]
    return sum(
        _match(session, FundingLine.id.in_(batch) if batch is not None else True)
        for batch in batches
    )


def match_payments_of_projects(session: Session, project_ids: Iterable[int]) -> int:
    """`match_payments_to_paid` for every line of some projects (an import, its undo)."""
    ids = sorted(set(project_ids))
    return sum(_match(session, FundingLine.project_id.in_(batch)) for batch in _chunks(ids))


def pay_new_lines(session: Session, first_project: int, last_project: int) -> int:
    """`match_payments_of_projects` for projects created a moment ago (ids `first_project` to
    `last_project`, all new): their lines have no payment yet, so each line paid something gets
    one payment of that amount, of unknown date and tied to no tranche, in one INSERT … SELECT
    (the general matching read 100,000 projects' lines back in 112 rounds: 9 s of an import).
    Returns the number of lines paid."""
    line = table_of(FundingLine)
    paid = select(line.c.id, null(), null(), line.c.paid_cents, literal("")).where(
        line.c.project_id.between(first_project, last_project), line.c.paid_cents > 0
    )
    result = session.connection().execute(
        table_of(Payment)
        .insert()
        .from_select(["funding_line_id", "tranche_id", "received_on", "amount_cents", "note"], paid)
    )
    return int(result.rowcount or 0)


def _match(session: Session, condition: Any) -> int:
    total = (
        select(func.coalesce(func.sum(Payment.amount_cents), 0))
        .where(Payment.funding_line_id == FundingLine.id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(FundingLine.id, FundingLine.paid_cents, total)
        .where(condition)
        .where(func.coalesce(FundingLine.paid_cents, 0) != total)
    ).all()
    for batch in _chunks(rows):
        loose: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for payment_id, line_id, amount in session.execute(
            select(Payment.id, Payment.funding_line_id, Payment.amount_cents)
            .where(Payment.funding_line_id.in_([r[0] for r in batch]))
            .where(Payment.received_on.is_(None), Payment.tranche_id.is_(None))
            .order_by(Payment.id)
        ):
            loose[line_id].append((payment_id, amount))
        dropped: list[int] = []
        added: list[dict[str, Any]] = []
        raised: list[dict[str, Any]] = []
        for line_id, paid, line_total in batch:
            mine = loose.get(line_id, [])
            dropped.extend(payment_id for payment_id, _ in mine)
            # What the dated or tranche-tied payments already account for: those are facts.
            fixed = int(line_total) - sum(amount for _, amount in mine)
            target = paid or 0
            if target > fixed:
                added.append(
                    {"funding_line_id": line_id, "tranche_id": None, "received_on": None,
                     "amount_cents": target - fixed, "note": ""}
                )  # fmt: skip
            elif target < fixed:
                raised.append({"line": line_id, "paid": fixed})
        if dropped:
            session.execute(delete(Payment).where(Payment.id.in_(dropped)))
        if added:
            session.execute(table_of(Payment).insert(), added)
        _set_paid(session, raised)
    return len(rows)


#: The money tables in the order their rows can be inserted (tranches before their payments).
DEMO_TABLES = (
    "aid_rate_rule",
    "payment_tranche",
    "payment",
    "cofinancing_share",
    "line_year_amount",
)


def insert_rows(session: Session, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Inserts prepared rows of the money tables (the demo's), tranches before payments."""
    from . import bulk

    for table in DEMO_TABLES:
        bulk.insert_rows(session, table, rows.get(table, []))


def add_rules(session: Session, rules: Iterable[AidRateRule]) -> None:
    """Adds aid-rate rules (reference data: a call's rates, the demo's FUI rates)."""
    rows = [
        {
            "call_id": r.call_id,
            "funder_id": r.funder_id,
            "instrument": r.instrument,
            "partner_kind": r.partner_kind,
            "max_rate_bp": r.max_rate_bp,
            "base": r.base.value,
            "source": r.source,
        }
        for r in rules
    ]
    if rows:
        session.execute(table_of(RuleRow).insert(), rows)


# --- portfolio reads for the figures --------------------------------------------------------


def received_by_year(session: Session, project_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Payments received per year (dated ones; `received_undated` sums the others)."""
    year = func.cast(func.extract("year", Payment.received_on), Payment.amount_cents.type)
    query = (
        select(year, func.sum(Payment.amount_cents))
        .where(Payment.received_on.is_not(None))
        .group_by(year)
        .order_by(year)
    )
    query = _of_projects(query, project_ids)
    return {int(y): int(total) for y, total in session.execute(query)}


def received_undated(session: Session, project_ids: Sequence[int] | None = None) -> int:
    query = select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
        Payment.received_on.is_(None)
    )
    return int(session.execute(_of_projects(query, project_ids)).scalar_one())


def expected_by_year(session: Session, project_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Tranches still expected (not released) per year they are due."""
    year = func.cast(func.extract("year", PaymentTranche.due_on), PaymentTranche.amount_cents.type)
    query = (
        select(year, func.sum(PaymentTranche.amount_cents))
        .where(PaymentTranche.due_on.is_not(None), PaymentTranche.released.is_(False))
        .group_by(year)
        .order_by(year)
    )
    query = _of_projects(query, project_ids, PaymentTranche.funding_line_id)
    return {int(y): int(total) for y, total in session.execute(query)}


def _late_lines(day: date) -> Any:
    """The lines with a tranche due before `day` that has not received its amount, as
    `domain.financing.received_per_tranche` shares payments out: a tranche has its own payments,
    and the payments tied to no tranche fill the tranches still expected earliest first — so
    all those due before `day` before any later one. A line is late exactly when what those
    tranches lack beyond their own payments is more than its untied payments."""
    tied = (
        select(func.coalesce(func.sum(Payment.amount_cents), 0))
        .where(Payment.tranche_id == PaymentTranche.id)
        .scalar_subquery()
    )
    lacking = PaymentTranche.amount_cents - tied
    untied = (
        select(func.coalesce(func.sum(Payment.amount_cents), 0))
        .where(
            Payment.funding_line_id == PaymentTranche.funding_line_id,
            Payment.tranche_id.is_(None),
        )
        .correlate(PaymentTranche)
        .scalar_subquery()
    )
    return (
        select(PaymentTranche.funding_line_id)
        .where(PaymentTranche.released.is_(False), PaymentTranche.due_on < day)
        .group_by(PaymentTranche.funding_line_id)
        .having(func.sum(case((lacking > 0, lacking), else_=0)) > func.max(untied))
    )


def schedules(
    session: Session, project_ids: Sequence[int] | None = None, *, late_on: date | None = None
) -> dict[int, tuple[int, list[TrancheRecord], list[PaymentRecord]]]:
    """Every line that has tranches (with `late_on`, only those with a tranche still expected
    and due before that day): its project, its tranches and its payments (for the overdue list:
    which tranches are late needs the payments tied to each).

    Only these columns, in line order (reading every line's whole money took 12 s at national
    scale; the late lines alone, 3 s)."""
    lines = _late_lines(late_on) if late_on is not None else select(PaymentTranche.funding_line_id)
    lines = _of_projects(lines, project_ids, PaymentTranche.funding_line_id)
    # The lines found once, then read by chunks of ids (the late lines' query is the dear part).
    line_ids = sorted(set(session.scalars(lines)))
    money = {line_id: LineMoney() for line_id in line_ids}
    for chunk in _chunks(line_ids):
        _schedules_of(session, chunk, money)
    projects = projects_of_lines(session, line_ids)
    return {
        line_id: (projects[line_id], money[line_id].tranches, money[line_id].payments)
        for line_id in line_ids
    }


def projects_of_lines(session: Session, line_ids: Sequence[int]) -> dict[int, int]:
    """Each line's project."""
    out: dict[int, int] = {}
    for batch in _chunks(list(line_ids)):
        for line_id, project_id in session.execute(
            select(FundingLine.id, FundingLine.project_id).where(FundingLine.id.in_(batch))
        ):
            out[line_id] = project_id
    return out


def _of_projects(query: Any, project_ids: Sequence[int] | None, line_column: Any = None) -> Any:
    """Restricts a query on payments (or tranches) to the lines of some projects."""
    column = line_column if line_column is not None else Payment.funding_line_id
    if project_ids is None:
        return query
    lines = select(FundingLine.id).where(FundingLine.project_id.in_(project_ids))
    return query.where(column.in_(lines))


@dataclass(frozen=True, slots=True)
class GapKeys:
    """What the funding gaps are summed by: each project's call and pole (cluster) names, and
    its domains with their percentages (largest first)."""

    call: dict[int, str]
    cluster: dict[int, str]
    domains: dict[int, list[tuple[str, int]]]


def gap_keys(session: Session, project_ids: Iterable[int]) -> GapKeys:
    """The call, pole and domains of these projects (a project without a call or a domain is
    not in that mapping)."""
    wanted = set(project_ids)
    call: dict[int, str] = {}
    cluster: dict[int, str] = {}
    for pid, call_name, cluster_name in session.execute(
        select(Project.id, Call.name, Cluster.name)
        .join(Cluster, Cluster.id == Project.cluster_id)
        .outerjoin(Call, Call.id == Project.call_id)
    ):
        if pid in wanted:
            cluster[pid] = cluster_name
            if call_name is not None:
                call[pid] = call_name
    domains: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for pid, name, percent in session.execute(
        select(ProjectDomain.project_id, Domain.name, ProjectDomain.percent)
        .join(Domain, Domain.id == ProjectDomain.domain_id)
        .order_by(ProjectDomain.project_id, ProjectDomain.percent.desc(), Domain.position)
    ):
        if pid in wanted:
            domains[pid].append((name, percent))
    return GapKeys(call, cluster, dict(domains))


#: The projects whose funding gap the portfolio's figures sum: the funded ones.
FUNDED_STATUSES = ("funded", "running", "closed")


def funding_gaps(
    session: Session, statuses: Sequence[str] | None = FUNDED_STATUSES
) -> dict[int, FundingGap]:
    """Each project's funding gap (`domain.financing.funding_gap`): its budget against its lines'
    granted amounts (every instrument: a loan covers a budget too) and pending requests."""
    query = select(Project.id, Project.total_budget_cents)
    if statuses is not None:
        query = query.where(Project.status.in_(list(statuses)))
    budgets: dict[int, int | None] = {}
    for pid, budget in session.execute(query):
        budgets[pid] = budget
    lines: dict[int, list[tuple[int | None, int | None]]] = defaultdict(list)
    line_query = select(
        FundingLine.project_id, FundingLine.requested_cents, FundingLine.granted_cents
    )
    if statuses is not None:
        line_query = line_query.join(Project, Project.id == FundingLine.project_id).where(
            Project.status.in_(list(statuses))
        )
    for pid, requested, granted in session.execute(line_query):
        lines[pid].append((requested, granted))
    return {pid: funding_gap(budget, lines.get(pid, [])) for pid, budget in budgets.items()}


def funding_gap_totals(
    session: Session, statuses: Sequence[str] = FUNDED_STATUSES
) -> tuple[int, int]:
    """The portfolio's `total_uncovered` of `funding_gaps` and the sum of its pending requests,
    in one aggregate (`stats` reads 100,000 projects' gaps without bringing them into Python)."""
    granted = func.coalesce(func.sum(FundingLine.granted_cents), 0)
    pending = func.coalesce(
        func.sum(
            case(
                (
                    and_(FundingLine.id.is_not(None), FundingLine.granted_cents.is_(None)),
                    func.coalesce(FundingLine.requested_cents, 0),
                ),
                else_=0,
            )
        ),
        0,
    )
    per_project = (
        select(
            func.coalesce(Project.total_budget_cents, 0).label("budget"),
            granted.label("granted"),
            pending.label("pending"),
        )
        .outerjoin(FundingLine, FundingLine.project_id == Project.id)
        .where(Project.status.in_(list(statuses)))
        .group_by(Project.id, Project.total_budget_cents)
        .subquery()
    )
    short = per_project.c.budget - per_project.c.granted
    uncovered, waiting = session.execute(
        select(
            func.coalesce(func.sum(case((short > 0, short), else_=0)), 0),
            func.coalesce(func.sum(per_project.c.pending), 0),
        )
    ).one()
    return int(uncovered), int(waiting)


def granted_by_year(session: Session, instruments: Sequence[str]) -> dict[int, int]:
    """Granted amounts of the lines of `instruments` per year (`granted_by_year_where`)."""
    return granted_by_year_where(session, FundingLine.instrument.in_(list(instruments)))


def granted_by_year_where(session: Session, *conditions: Any) -> dict[int, int]:
    """Granted amounts per year of the lines `conditions` select: a line's spread where it has
    one, the rest (all of it without a spread) in the line's year (its decision's, else its
    project's start year); lines with no year and no spread are left out. A year with lines and
    nothing granted is there with 0 (a fully spread line leaves its own year at 0)."""
    spread = (
        select(func.coalesce(func.sum(LineYearAmount.amount_cents), 0))
        .where(LineYearAmount.funding_line_id == FundingLine.id)
        .scalar_subquery()
    )
    out: dict[int, int] = defaultdict(int)
    for year, total in session.execute(
        select(FundingLine.year, func.sum(func.coalesce(FundingLine.granted_cents, 0) - spread))
        .where(FundingLine.year.is_not(None), *conditions)
        .group_by(FundingLine.year)
    ):
        out[int(year or 0)] += int(total or 0)
    for year, total in session.execute(
        select(LineYearAmount.year, func.sum(LineYearAmount.amount_cents))
        .join(FundingLine, FundingLine.id == LineYearAmount.funding_line_id)
        .where(*conditions)
        .group_by(LineYearAmount.year)
    ):
        out[int(year)] += int(total or 0)
    return {year: out[year] for year in sorted(out)}


def received_by_year_of(session: Session, instruments: Sequence[str]) -> tuple[dict[int, int], int]:
    """Payments received on the lines of `instruments`, per year, and those of unknown date."""
    year = func.cast(func.extract("year", Payment.received_on), Payment.amount_cents.type)
    chosen = FundingLine.instrument.in_(list(instruments))
    by_year = {
        int(y): int(total)
        for y, total in session.execute(
            select(year, func.sum(Payment.amount_cents))
            .join(FundingLine, FundingLine.id == Payment.funding_line_id)
            .where(Payment.received_on.is_not(None), chosen)
            .group_by(year)
            .order_by(year)
        )
    }
    undated = session.scalar(
        select(func.coalesce(func.sum(Payment.amount_cents), 0))
        .join(FundingLine, FundingLine.id == Payment.funding_line_id)
        .where(Payment.received_on.is_(None), chosen)
    )
    return by_year, int(undated or 0)


def organisation_kinds(session: Session) -> dict[int, str]:
    """Every organisation's kind (the matrix checks each partner's rate against its kind's rule)."""
    from .tables import Organisation

    out: dict[int, str] = {}
    for org_id, kind in session.execute(select(Organisation.id, Organisation.kind)):
        out[org_id] = kind
    return out


def line_labels(session: Session, line_ids: Sequence[int]) -> dict[int, tuple[int, str, str, str]]:
    """Each line's project id, reference and acronym, and its funder's name (for lists)."""
    from .tables import Funder

    out: dict[int, tuple[int, str, str, str]] = {}
    for batch in _chunks(sorted(set(line_ids))):
        for line_id, project_id, reference, acronym, funder in session.execute(
            select(FundingLine.id, Project.id, Project.reference, Project.acronym, Funder.name)
            .join(Project, Project.id == FundingLine.project_id)
            .join(Funder, Funder.id == FundingLine.funder_id)
            .where(FundingLine.id.in_(batch))
        ):
            out[line_id] = (project_id, reference, acronym, funder)
    return out


# --- the workbook's money sheets (rows in `services.workbook_schema` column order) ----------


def _line_head(
    line_id: int, project_id: int, funder_id: int, refs: Any
) -> tuple[int, str, str, str]:
    cluster, reference = refs.projects[project_id]
    return (line_id, cluster, reference, refs.funders[funder_id])


def _lines_of(condition: Any) -> Any:
    return select(FundingLine.id).where(condition)


def tranche_rows(session: Session, condition: Any, refs: Any) -> list[tuple[Any, ...]]:
    """The tranches of the lines of the projects `condition` selects (on a project id)."""
    rows = []
    for line_id, project_id, funder_id, position, kind, due_on, amount, released in (
        session.execute(
            select(FundingLine.id, FundingLine.project_id, FundingLine.funder_id,
                   PaymentTranche.position, PaymentTranche.kind, PaymentTranche.due_on,
                   PaymentTranche.amount_cents, PaymentTranche.released)
            .join(PaymentTranche, PaymentTranche.funding_line_id == FundingLine.id)
            .where(condition(FundingLine.project_id))
            .order_by(FundingLine.project_id, FundingLine.id, PaymentTranche.position,
                      PaymentTranche.id)
        )
    ):  # fmt: skip
        rows.append((*_line_head(line_id, project_id, funder_id, refs), position + 1, kind,
                     due_on, amount, bool(released)))  # fmt: skip
    return rows


def payment_rows(session: Session, condition: Any, refs: Any) -> list[tuple[Any, ...]]:
    """The payments received on those lines, with the number of the tranche each pays."""
    rows = []
    for line_id, project_id, funder_id, received_on, amount, position, note in session.execute(
        select(FundingLine.id, FundingLine.project_id, FundingLine.funder_id,
               Payment.received_on, Payment.amount_cents, PaymentTranche.position, Payment.note)
        .join(Payment, Payment.funding_line_id == FundingLine.id)
        .outerjoin(PaymentTranche, PaymentTranche.id == Payment.tranche_id)
        .where(condition(FundingLine.project_id))
        .order_by(FundingLine.project_id, FundingLine.id, Payment.id)
    ):  # fmt: skip
        rows.append((*_line_head(line_id, project_id, funder_id, refs), received_on, amount,
                     None if position is None else position + 1, note))  # fmt: skip
    return rows


def cofinancing_rows(session: Session, condition: Any, refs: Any) -> list[tuple[Any, ...]]:
    rows = []
    for line_id, project_id, funder_id, org_id, amount in session.execute(
        select(FundingLine.id, FundingLine.project_id, FundingLine.funder_id,
               CofinancingShare.organisation_id, CofinancingShare.amount_cents)
        .join(CofinancingShare, CofinancingShare.funding_line_id == FundingLine.id)
        .where(condition(FundingLine.project_id))
        .order_by(FundingLine.project_id, FundingLine.id, CofinancingShare.id)
    ):  # fmt: skip
        name = refs.organisations[org_id][0]
        rows.append((*_line_head(line_id, project_id, funder_id, refs), name, amount))
    return rows


def spread_rows(session: Session, condition: Any, refs: Any) -> list[tuple[Any, ...]]:
    rows = []
    for line_id, project_id, funder_id, year, amount in session.execute(
        select(FundingLine.id, FundingLine.project_id, FundingLine.funder_id,
               LineYearAmount.year, LineYearAmount.amount_cents)
        .join(LineYearAmount, LineYearAmount.funding_line_id == FundingLine.id)
        .where(condition(FundingLine.project_id))
        .order_by(FundingLine.project_id, FundingLine.id, LineYearAmount.year)
    ):  # fmt: skip
        rows.append((*_line_head(line_id, project_id, funder_id, refs), year, amount))
    return rows


def rule_rows(session: Session) -> list[tuple[Any, ...]]:
    """Every aid-rate rule: call and funder by name, the rate in percent (a Decimal)."""
    from decimal import Decimal

    from .tables import Call, Funder

    return [
        (call, funder, instrument, kind, Decimal(bp) / 100, base, source)
        for call, funder, instrument, kind, bp, base, source in session.execute(
            select(Call.name, Funder.name, RuleRow.instrument, RuleRow.partner_kind,
                   RuleRow.max_rate_bp, RuleRow.base, RuleRow.source)
            .outerjoin(Call, Call.id == RuleRow.call_id)
            .outerjoin(Funder, Funder.id == RuleRow.funder_id)
            .order_by(Call.name, Funder.name, RuleRow.partner_kind, RuleRow.id)
        )
    ]  # fmt: skip


def _same(column: Any, value: Any) -> Any:
    return column.is_(None) if value is None else column == value


def organisation_keys(session: Session) -> dict[str, int]:
    """Organisations by folded name (`domain.text.fold`), as the importer matches them."""
    from ..domain.text import fold
    from .tables import Organisation

    out: dict[str, int] = {}
    for org_id, name in session.execute(select(Organisation.id, Organisation.name)):
        out.setdefault(fold(name), org_id)
    return out


def call_and_funder_keys(session: Session) -> tuple[dict[str, int], dict[str, int]]:
    """Calls and funders by folded name and by exact name (the exact name wins, as the importer
    matches them: two funders the portfolio keeps apart stay apart)."""
    from ..domain.text import key
    from .tables import Call, Funder

    out: list[dict[str, int]] = []
    for model in (Call, Funder):
        rows = list(session.execute(select(model.id, model.name)))
        names = {key(name): i for i, name in rows}
        names.update({name: i for i, name in rows})
        out.append(names)
    return out[0], out[1]


def existing_line_ids(session: Session, numbers: Iterable[int]) -> set[int]:
    """Which of these funding line ids exist."""
    found: set[int] = set()
    for batch in _chunks(sorted(set(numbers))):
        found.update(session.scalars(select(FundingLine.id).where(FundingLine.id.in_(batch))))
    return found


@dataclass(frozen=True, slots=True)
class ProjectMatrixInputs:
    """What a project's partner × funder matrix is made of (`domain.financing.financing_matrix`)."""

    project_id: int
    reference: str
    acronym: str
    call_id: int | None
    partners: tuple[MatrixPartner, ...]
    lines: tuple[MatrixLine, ...]


def split_projects(session: Session) -> list[ProjectMatrixInputs]:
    """The matrix inputs of every project whose aid is split over its partners (a line with
    cofinancing shares), by reference: the projects whose partners' rates can be checked."""
    from .tables import Funder, Organisation, Participation

    shares: dict[int, list[CofinancingRecord]] = defaultdict(list)
    for line_id, org_id, amount in session.execute(
        select(
            CofinancingShare.funding_line_id,
            CofinancingShare.organisation_id,
            CofinancingShare.amount_cents,
        ).order_by(CofinancingShare.funding_line_id, CofinancingShare.id)
    ):
        shares[line_id].append(CofinancingRecord(org_id, amount))
    lines: dict[int, list[MatrixLine]] = defaultdict(list)
    for line_id, pid, funder_id, funder, instrument, granted in session.execute(
        select(
            FundingLine.id, FundingLine.project_id, FundingLine.funder_id, Funder.name,
            FundingLine.instrument, FundingLine.granted_cents,
        )
        .join(Funder, Funder.id == FundingLine.funder_id)
        .where(FundingLine.id.in_(select(CofinancingShare.funding_line_id)))
        .order_by(FundingLine.project_id, FundingLine.id)
    ):  # fmt: skip
        lines[pid].append(
            MatrixLine(funder_id, funder, instrument, granted, tuple(shares[line_id]))
        )
    split = select(FundingLine.project_id).where(
        FundingLine.id.in_(select(CofinancingShare.funding_line_id))
    )
    heads: dict[int, tuple[str, str, int | None]] = {
        pid: (reference, acronym, call_id)
        for pid, reference, acronym, call_id in session.execute(
            select(Project.id, Project.reference, Project.acronym, Project.call_id).where(
                Project.id.in_(split)
            )
        )
    }
    partners: dict[int, list[MatrixPartner]] = defaultdict(list)
    for pid, org_id, name, kind, budget in session.execute(
        select(
            Participation.project_id, Participation.organisation_id, Organisation.name,
            Organisation.kind, Participation.budget_cents,
        )
        .join(Organisation, Organisation.id == Participation.organisation_id)
        .where(Participation.project_id.in_(split))
        .order_by(Participation.project_id, Participation.id)
    ):  # fmt: skip
        partners[pid].append(MatrixPartner(org_id, name, kind, budget))
    found = [
        ProjectMatrixInputs(pid, *heads[pid], tuple(partners.get(pid, ())), tuple(project_lines))
        for pid, project_lines in lines.items()
    ]
    return sorted(found, key=lambda p: p.reference)


def replace_money_of_import(
    session: Session,
    moneys: dict[int, LineMoney],
    batch_id: int | None,
    *,
    paid_from_payments: bool,
    created: Collection[int],
) -> None:
    """An import's money sheets: `replace_lines_money`, and under the batch what its undo puts
    back on the lines that existed (their money and paid amount, and their project's version as
    the import leaves it: an edit since refuses the undo). The lines it `created` go with their
    project."""
    from . import imports

    paid = paid_amounts(session, [line for line in moneys if line not in created])
    before = replace_lines_money(
        session, moneys, paid_from_payments=paid_from_payments, quiet=created
    )
    if batch_id is None or not before:
        return
    projects = projects_of_lines(session, list(before))
    versions = imports.versions(session, "project", sorted(set(projects.values())))
    imports.record_changes(
        session, batch_id, "line_money", "updated",
        [(line, {"money": money_texts(m), "paid_cents": paid.get(line),
                 "project_version": versions.get(projects.get(line, 0))})
         for line, m in sorted(before.items())],
    )  # fmt: skip


def paid_amounts(session: Session, line_ids: Iterable[int]) -> dict[int, int | None]:
    """Each line's paid amount as it stands."""
    out: dict[int, int | None] = {}
    for batch in _chunks(sorted(set(line_ids))):
        for line_id, paid in session.execute(
            select(FundingLine.id, FundingLine.paid_cents).where(FundingLine.id.in_(batch))
        ):
            out[line_id] = paid
    return out


def restore_lines_money(session: Session, before: dict[int, tuple[LineMoney, int | None]]) -> None:
    """Puts back lines' money and paid amounts as an import found them (its undo)."""
    replace_lines_money(
        session, {line_id: money for line_id, (money, _paid) in before.items()},
        paid_from_payments=False,
    )  # fmt: skip
    _set_paid(
        session, [{"line": line_id, "paid": paid} for line_id, (_money, paid) in before.items()]
    )

"""The demo's money as pôles see it: payment schedules and payments received, each line split over
the consortium, multi-year grants, and the FUI's historic aid-rate rules on the FUI calls.

Works on the demo generator's rows (plain dicts, before they are written): partners' budgets on
FUI projects are set so that most partners' aid rates fall within the rule for their kind and a
few do not; closed lines are mostly, not always, fully paid; an abandoned project's unpaid
tranches are released.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from ..domain.enums import ProjectStatus
from ..domain.financing import RULE_KIND_FALLBACK, AidRateRule, TrancheKind, fui_rules

Rows = dict[str, list[dict[str, Any]]]
S = ProjectStatus
#: Share of FUI partners whose rate goes above the rule (a reviewer would flag them).
ABOVE_RULE = 0.05
#: Share of closed projects' lines whose balance has not arrived (late final report).
CLOSED_UNPAID = 0.12


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, 28))


def generate(
    rows: Rows, rng: random.Random, today: date, first: dict[str, int] | None = None
) -> Rows:
    """Adds the money tables' rows and adjusts budgets and paid amounts in `rows` in place;
    returns the new tables (payment_tranche, payment, cofinancing_share, line_year_amount,
    aid_rate_rule)."""
    first = first or {}
    out: Rows = defaultdict(list)
    kinds = {org["id"]: org["kind"] for org in rows.get("organisation", [])}
    fui_calls = {c["id"] for c in rows.get("call", []) if str(c["name"]).startswith("AAP FUI")}
    rules = []
    for call_id in sorted(fui_calls):
        rules.extend(fui_rules(call_id=call_id))
    rule_id = first.get("aid_rate_rule", 1)
    for rule in rules:
        out["aid_rate_rule"].append(
            {
                "id": rule_id,
                "call_id": rule.call_id,
                "funder_id": None,
                "instrument": None,
                "partner_kind": rule.partner_kind,
                "max_rate_bp": rule.max_rate_bp,
                "base": rule.base.value,
                "source": rule.source,
            }
        )
        rule_id += 1
    by_call_kind = {(r.call_id, r.partner_kind): r for r in rules}

    lines_of: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for line in rows.get("funding_line", []):
        lines_of[line["project_id"]].append(line)
    parts_of: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for part in rows.get("participation", []):
        parts_of[part["project_id"]].append(part)

    ids = {
        "tranche": first.get("payment_tranche", 1),
        "payment": first.get("payment", 1),
        "share": first.get("cofinancing_share", 1),
    }
    for project in rows.get("project", []):
        lines = [line for line in lines_of.get(project["id"], []) if line["granted_cents"]]
        if not lines:
            continue
        parts = parts_of.get(project["id"], [])
        aid = _cofinancing(project, lines, parts, out, ids)
        if project.get("call_id") in fui_calls and parts:
            _budgets_by_rule(project, parts, aid, kinds, by_call_kind, rng)
        for line in lines:
            _spread(project, line, out, rng)
            _schedule(project, line, out, ids, rng, today)
    return dict(out)


def _cofinancing(
    project: dict[str, Any],
    lines: list[dict[str, Any]],
    parts: list[dict[str, Any]],
    out: Rows,
    ids: dict[str, int],
) -> dict[int, int]:
    """Each line to its beneficiary; a line for the whole consortium (FEDER) split by budgets.
    Returns each partner's aid."""
    members = [p["organisation_id"] for p in parts]
    budgets = [max(p["budget_cents"] or 0, 0) for p in parts]
    aid: dict[int, int] = defaultdict(int)
    for line in lines:
        granted = line["granted_cents"]
        split: list[tuple[int, int]]
        if line["beneficiary_id"] is not None:
            split = [(line["beneficiary_id"], granted)]
        elif members and sum(budgets):
            total = sum(budgets)
            split, given = [], 0
            for index, member in enumerate(members):
                amount = (
                    granted - given
                    if index == len(members) - 1
                    else granted * budgets[index] // total // 100 * 100
                )
                given += amount
                split.append((member, amount))
        else:
            continue
        merged: dict[int, int] = defaultdict(int)
        for org, amount in split:
            merged[org] += amount
        for org, amount in merged.items():
            out["cofinancing_share"].append(
                {
                    "id": ids["share"],
                    "funding_line_id": line["id"],
                    "organisation_id": org,
                    "amount_cents": amount,
                }
            )
            ids["share"] += 1
            aid[org] += amount
    return aid


def _budgets_by_rule(
    project: dict[str, Any],
    parts: list[dict[str, Any]],
    aid: dict[int, int],
    kinds: dict[int, str],
    rules: dict[tuple[int | None, str], AidRateRule],
    rng: random.Random,
) -> None:
    """A FUI project's partners' budgets: aid / a rate under the rule for their kind (a few above
    it); the project's budget and eligible costs follow."""
    for part in parts:
        org = part["organisation_id"]
        if not aid.get(org):
            continue
        kind = kinds.get(org, "")
        rule = rules.get((project["call_id"], kind)) or rules.get(
            (project["call_id"], RULE_KIND_FALLBACK.get(kind, ""))
        )
        if rule is None:
            continue
        limit = rule.max_rate_bp / 10_000
        if limit < 1 and rng.random() < ABOVE_RULE:  # never above a full funding of the costs
            rate = limit * rng.uniform(1.05, 1.3)
        else:
            rate = limit * rng.uniform(0.6 if limit < 1 else 0.35, 0.98 if limit < 1 else 0.8)
        part["budget_cents"] = int(aid[org] / rate) // 100_000 * 100_000 + 100_000
    total = sum(p["budget_cents"] or 0 for p in parts)
    project["total_budget_cents"] = total or None
    # Eligible costs: most of the budget, never below the aid granted on them.
    aid_total = sum(aid.values())
    eligible = max(int(total * rng.uniform(0.85, 1.0)) // 100 * 100, min(aid_total, total))
    project["eligible_costs_cents"] = eligible or None


def _spread(project: dict[str, Any], line: dict[str, Any], out: Rows, rng: random.Random) -> None:
    """Some multi-year projects' grants committed over their years (40 / 35 / 25 %…)."""
    start, end = project.get("start_on"), project.get("end_on")
    if start is None or end is None or end.year <= start.year or rng.random() > 0.35:
        return
    years = list(range(start.year, min(end.year, start.year + 3) + 1))
    weights = [rng.uniform(0.6, 1.4) for _ in years]
    granted, given = line["granted_cents"], 0
    for index, year in enumerate(years):
        amount = (
            granted - given
            if index == len(years) - 1
            else int(granted * weights[index] / sum(weights)) // 100 * 100
        )
        given += amount
        out["line_year_amount"].append(
            {"funding_line_id": line["id"], "year": year, "amount_cents": amount}
        )


def _schedule(
    project: dict[str, Any],
    line: dict[str, Any],
    out: Rows,
    ids: dict[str, int],
    rng: random.Random,
    today: date,
) -> None:
    """An advance at signature, an interim payment on the mid-term report, a balance after the
    final report; paid as the project's status says, the line's paid amount their sum."""
    granted = line["granted_cents"]
    signed = line.get("decision_on") or project.get("start_on") or project.get("funding_decided_on")
    if signed is None:
        return
    end = project.get("end_on") or _add_months(signed, 36)
    advance = granted * rng.choice((20, 25, 30)) // 100 // 100 * 100
    balance = granted * rng.choice((10, 20, 30)) // 100 // 100 * 100
    interim = granted - advance - balance
    middle = signed + (end - signed) / 2 if end > signed else _add_months(signed, 18)
    plan = [
        (TrancheKind.ADVANCE, advance, _add_months(signed, 2)),
        (TrancheKind.INTERIM, interim, middle),
        (TrancheKind.BALANCE, balance, _add_months(end, 6)),
    ]
    status = project["status"]
    closed_unpaid = status == S.CLOSED.value and rng.random() < CLOSED_UNPAID
    paid = 0
    for position, (kind, amount, due) in enumerate(plan):
        tranche_id = ids["tranche"]
        ids["tranche"] += 1
        received: int = 0
        if due <= today:
            if status == S.CLOSED.value:
                received = amount if not (closed_unpaid and kind is TrancheKind.BALANCE) else 0
            elif status in (S.ABANDONED.value, S.FUNDED.value):
                received = amount if kind is TrancheKind.ADVANCE else 0
            elif status == S.RUNNING.value:
                # Most running projects are paid on time; some interim payments are late.
                received = amount if kind is TrancheKind.ADVANCE or rng.random() < 0.8 else 0
        released = status == S.ABANDONED.value and received < amount
        out["payment_tranche"].append(
            {
                "id": tranche_id,
                "funding_line_id": line["id"],
                "kind": kind.value,
                "due_on": due,
                "amount_cents": amount,
                "released": released,
                "position": position,
            }
        )
        if received:
            on = min(due + timedelta(days=rng.randint(5, 75)), today)
            out["payment"].append(
                {
                    "id": ids["payment"],
                    "funding_line_id": line["id"],
                    "tranche_id": tranche_id,
                    "received_on": on,
                    "amount_cents": received,
                    "note": "",
                }
            )
            ids["payment"] += 1
            paid += received
    line["paid_cents"] = paid or None

"""The workbook's money sheets: payment schedule, payments, cofinancing, amounts per year and
aid-rate rules (`workbook_schema.MONEY_SHEETS`), written by the export and read back by the import.

Lines are named by the Financements sheet's line number. The import reads these sheets before it
writes (every bad cell is a problem with its sheet, row and column, and nothing is written), then,
once the lines have their ids, replaces the money of every line the workbook's funding sheet
holds with what the money sheets say (a line with no row in a sheet present has none of it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from ..domain.filters import ProjectFilter
from ..domain.financing import (
    AidRateRule,
    CofinancingRecord,
    CostBase,
    LineMoney,
    PaymentRecord,
    TrancheKind,
    TrancheRecord,
    YearAmount,
)
from ..domain.text import fold, key
from ..messages import label
from ..storage import export_queries, money
from .excel_import.values import (
    CellProblem,
    is_blank,
    match_choice,
    parse_amount,
    parse_bool,
    parse_date,
    parse_int,
    parse_text,
)
from .workbook_schema import (
    COFINANCING,
    MONEY_SHEETS,
    PAYMENTS,
    RULES,
    SPREAD,
    TRANCHES,
    Sheet,
)

# -- export ---------------------------------------------------------------------------------------


def export_rows(
    session: Any, flt: ProjectFilter, refs: export_queries.Lookups
) -> dict[str, list[tuple[Any, ...]]]:
    """The money sheets' rows for the filter's projects (the rules: all of them)."""

    def condition(column: Any) -> Any:
        return export_queries._project_condition(flt, column)

    return {
        TRANCHES.key: money.tranche_rows(session, condition, refs),
        PAYMENTS.key: money.payment_rows(session, condition, refs),
        COFINANCING.key: money.cofinancing_rows(session, condition, refs),
        SPREAD.key: money.spread_rows(session, condition, refs),
        RULES.key: money.rule_rows(session),
    }


# -- import: reading ------------------------------------------------------------------------------


@dataclass(slots=True)
class MoneyRows:
    """What the money sheets say, checked, with lines still named by their workbook number."""

    present: set[str] = field(default_factory=set)
    tranches: dict[int, list[tuple[int, TrancheRecord]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    payments: dict[int, list[tuple[PaymentRecord, int | None]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    shares: dict[int, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    spread: dict[int, list[YearAmount]] = field(default_factory=lambda: defaultdict(list))
    #: (call name, funder name, rule) of the rules sheet.
    rules: list[tuple[str, str, AidRateRule]] = field(default_factory=list)
    #: (sheet, row, column header, code, params) of every cell that could not be read.
    problems: list[tuple[str, int, str, str, dict[str, Any]]] = field(default_factory=list)
    rows: int = 0

    @property
    def lines(self) -> set[int]:
        return set(self.tranches) | set(self.payments) | set(self.shares) | set(self.spread)


def money_sheet_of(name: str, rows: Sequence[Sequence[Any]]) -> Sheet | None:
    """The money sheet a workbook sheet is: its title and first row are the schema's (French or
    English)."""
    if not rows:
        return None
    for sheet in MONEY_SHEETS:
        for lang in ("fr", "en"):
            if key(name) != key(sheet.title(lang)):
                continue
            headers = [key(parse_text(c)) for c in rows[0]]
            if headers[: len(sheet.columns)] == [key(c.header(lang)) for c in sheet.columns]:
                return sheet
    return None


def read_money_sheets(
    sheets: Iterable[tuple[str, Sequence[Sequence[Any]]]], date1904: bool
) -> MoneyRows:
    """Reads the money sheets of a workbook (others are left alone)."""
    out = MoneyRows()
    for name, rows in sheets:
        sheet = money_sheet_of(name, rows)
        if sheet is None:
            continue
        out.present.add(sheet.key)
        for number, row in enumerate(rows[1:], start=2):
            if all(is_blank(v) for v in row):
                continue
            out.rows += 1
            values = _read_row(out, name, number, sheet, row, date1904)
            if values is not None:
                _add(out, sheet, values)
    return out


def _read_row(
    out: MoneyRows, name: str, number: int, sheet: Sheet, row: Sequence[Any], date1904: bool
) -> dict[str, Any] | None:
    values: dict[str, Any] = {}
    ok = True
    for index, column in enumerate(sheet.columns):
        raw = row[index] if index < len(row) else None
        header = column.header("fr") if key(name) == key(sheet.fr) else column.header("en")
        try:
            value = _cell(column.kind, raw, date1904)
        except CellProblem as problem:
            out.problems.append((name, number, header, problem.code, dict(problem.params)))
            ok = False
            continue
        if value is None and column.required:
            out.problems.append((name, number, header, "import_money_required", {}))
            ok = False
        values[column.key] = value
    return values if ok else None


def _own_list(name: str, codes: Iterable[str]) -> dict[str, str]:
    """A closed list of this module: its codes and their French and English labels, folded."""
    out: dict[str, str] = {}
    for code in codes:
        for word in (
            code,
            code.replace("_", " "),
            label(name, code, "fr"),
            label(name, code, "en"),
        ):
            out[key(word)] = code
    return out


_OWN_LISTS = {
    "TrancheKind": _own_list("TrancheKind", [k.value for k in TrancheKind]),
    "CostBase": _own_list("CostBase", [b.value for b in CostBase]),
}


def _cell(kind: str, raw: Any, date1904: bool) -> Any:
    if is_blank(raw):
        return None
    if kind == "money":
        cents = parse_amount(raw)
        if cents is not None and cents < 0:
            raise CellProblem("import_money_negative", value=parse_text(raw))
        return cents
    if kind == "int":
        return parse_int(raw)
    if kind == "date":
        return parse_date(raw, date1904=date1904)
    if kind == "bool":
        return parse_bool(raw)
    if kind == "percent":
        try:
            rate = Decimal(str(raw).replace(",", ".").replace("%", "").strip())
        except InvalidOperation as error:
            raise CellProblem("import_money_rate", value=parse_text(raw)) from error
        if not 0 <= rate <= 100:
            raise CellProblem("import_money_rate", value=parse_text(raw))
        return int((rate * 100).to_integral_value())
    if kind.startswith("enum:"):
        name = kind[5:]
        if name in _OWN_LISTS:
            found = _OWN_LISTS[name].get(key(parse_text(raw)))
            if found is None:
                raise CellProblem("import_money_value", value=parse_text(raw))
            return found
        return match_choice(name, raw)
    return parse_text(raw)


def _add(out: MoneyRows, sheet: Sheet, v: dict[str, Any]) -> None:
    if sheet is RULES:
        rule = AidRateRule(
            partner_kind=v["partner_kind"],
            max_rate_bp=v["max_rate"],
            base=CostBase(v["base"] or CostBase.ELIGIBLE_COSTS.value),
            source=v["source"] or "",
            instrument=v["instrument"],
        )
        out.rules.append((v["call"] or "", v["funder"] or "", rule))
        return
    line = v["line_id"]
    if sheet is TRANCHES:
        record = TrancheRecord(
            TrancheKind(v["kind"]), v["amount"], v["due_on"], bool(v["released"])
        )
        out.tranches[line].append((v["tranche_no"], record))
    elif sheet is PAYMENTS:
        payment = PaymentRecord(v["amount"], v["received_on"], None, v["note"] or "")
        out.payments[line].append((payment, v["tranche_no"]))
    elif sheet is COFINANCING:
        out.shares[line].append((v["organisation"], v["amount"]))
    elif sheet is SPREAD:
        out.spread[line].append(YearAmount(v["year"], v["amount"]))


# -- import: writing ------------------------------------------------------------------------------


def line_money(
    rows: MoneyRows, number: int, organisations: dict[str, int]
) -> tuple[LineMoney, list[str]]:
    """One line's money from the sheets (tranches in their numbers' order, payments tied to the
    tranche of their number); the names of partners the database does not know."""
    ordered = sorted(rows.tranches.get(number, []), key=lambda item: item[0])
    position = {tranche_no: index for index, (tranche_no, _t) in enumerate(ordered)}
    unknown = []
    shares = []
    for name, amount in rows.shares.get(number, []):
        org = organisations.get(fold(name))
        if org is None:
            unknown.append(name)
        else:
            shares.append(CofinancingRecord(org, amount))
    return (
        LineMoney(
            tranches=[t for _n, t in ordered],
            payments=[
                PaymentRecord(p.amount_cents, p.received_on, position.get(n) if n else None, p.note)
                for p, n in rows.payments.get(number, [])
            ],
            shares=shares,
            spread=sorted(rows.spread.get(number, []), key=lambda y: y.year),
        ),
        unknown,
    )


def money_changes(
    session: Any, rows: MoneyRows, lines: dict[int, int], workbook_lines: Iterable[int]
) -> dict[int, LineMoney]:
    """The lines whose money the sheets change (line id → its new money): `lines` maps workbook
    line numbers to line ids; every line of the workbook's funding sheet (`workbook_lines`) takes
    what each money sheet present says about it (nothing, when it has no row there)."""
    if not rows.present:
        return {}
    organisations = money.organisation_keys(session)
    targets = {
        number: lines[number]
        for number in sorted(set(workbook_lines) | rows.lines)
        if number in lines
    }
    current = money.load_money(session, targets.values())
    changed: dict[int, LineMoney] = {}
    for number, line_id in targets.items():
        new, _unknown = line_money(rows, number, organisations)
        before = current.get(line_id, LineMoney())
        kept = LineMoney(
            tranches=new.tranches if TRANCHES.key in rows.present else before.tranches,
            payments=new.payments if PAYMENTS.key in rows.present else before.payments,
            shares=new.shares if COFINANCING.key in rows.present else before.shares,
            spread=new.spread if SPREAD.key in rows.present else before.spread,
        )
        if TRANCHES.key in rows.present and PAYMENTS.key not in rows.present:
            # New tranches: the payments stay, tied to none of them.
            kept.payments = [
                PaymentRecord(p.amount_cents, p.received_on, None, p.note) for p in kept.payments
            ]
        if kept != before:
            changed[line_id] = kept
    return changed


def rules_change(session: Any, rows: MoneyRows) -> bool:
    """Whether the rules sheet says anything the portfolio's rules do not."""
    if not rows.rules:
        return False
    have = set(money.rule_rows(session))
    return any(
        (call or None, funder or None, r.instrument, r.partner_kind, Decimal(r.max_rate_bp) / 100,
         r.base.value, r.source) not in have
        for call, funder, r in rows.rules
    )  # fmt: skip


def write_money(
    session: Any,
    rows: MoneyRows,
    lines: dict[int, int],
    workbook_lines: Iterable[int],
    created: Collection[int] = (),
    batch_id: int | None = None,
) -> int:
    """Writes what the money sheets change (`money_changes`) and the rules sheet; returns how
    many lines got new money. What changes on lines that existed is recorded in the history
    and, under the import's `batch_id`, for its undo; the lines the import `created` are part
    of their creation."""
    changed = money_changes(session, rows, lines, workbook_lines)
    money.replace_money_of_import(
        session, changed, batch_id,
        paid_from_payments=PAYMENTS.key in rows.present, created=created,
    )  # fmt: skip
    written = len(changed)
    if SPREAD.key in rows.present and changed:
        # A spread moves granted amounts between years: the figures' fact table follows.
        from ..storage.summaries import refresh_projects

        refresh_projects(session, set(money.projects_of_lines(session, list(changed)).values()))
    if rows.rules:
        calls, funders = money.call_and_funder_keys(session)

        def find(names: dict[str, int], name: str) -> int | None:
            return (names.get(name) or names.get(key(name))) if name else None

        rules = [
            AidRateRule(
                r.partner_kind, r.max_rate_bp, r.base, r.source,
                find(calls, call), find(funders, funder), r.instrument,
            )
            for call, funder, r in rows.rules
            if find(calls, call) is not None or find(funders, funder) is not None
        ]  # fmt: skip
        _write_rules(session, rules, batch_id)
    return written


def _write_rules(session: Any, rules: Iterable[AidRateRule], batch_id: int | None) -> None:
    """Each rule of the sheet replaces the rule of its scope and partner kind, or is added,
    through the one write path (the rules screen's checks, and the history)."""
    from ..storage import apply as write
    from ..storage.changes import Action, ChangeSet, RuleChange, Source

    changes = []
    replaced: list[tuple[int, Any]] = []
    for rule in rules:
        same = money.rules_like(session, rule)
        if not same:
            changes.append(RuleChange(Action.CREATE, None, rule))
            continue
        before = money.load_rule(session, same[0])
        if before is not None and before != rule:
            changes.append(RuleChange(Action.UPDATE, same[0], rule))
            replaced.append((same[0], {"values": money.rule_values(before)}))
    if not changes:
        return
    label = f"import:{batch_id}" if batch_id is not None else ""
    applied = write.apply(session, ChangeSet(Source.IMPORT, tuple(changes), label=label))
    if batch_id is not None:
        from ..storage import imports

        imports.record_rules_of_batch(
            session, batch_id, replaced, applied.created.get("aid_rate_rule", [])
        )


def rule_problems(rows: MoneyRows) -> list[tuple[str, int, str, str, dict[str, Any]]]:
    """The rules sheet's rules the rules screen would refuse (a rate above 100 %, a call and a
    funder both named, an instrument for a call…), before anything is written."""
    from ..domain.rules import check_aid_rate_rule
    from ..messages import text

    problems: list[tuple[str, int, str, str, dict[str, Any]]] = []
    for call, funder, rule in rows.rules:
        # The scope as named (ids are only looked up when writing; 1 stands for "named").
        named = AidRateRule(
            rule.partner_kind, rule.max_rate_bp, rule.base, rule.source,
            1 if call else None, 1 if funder else None, rule.instrument,
        )  # fmt: skip
        for issue in check_aid_rate_rule(named):
            problems.append(
                (RULES.fr, 0, "Appel à projets" if issue.field == "scope" else "",
                 "import_money_rule_invalid",
                 {"name": call or funder or "—", "reason": text(issue.code, issue.params)})
            )  # fmt: skip
    return problems


def unknown_references(
    rows: MoneyRows,
    known_lines: set[int],
    organisations: set[str],
    calls: set[str],
    funders: set[str],
) -> list[tuple[str, int, str, str, dict[str, Any]]]:
    """Problems for lines, partners, calls and funders the money sheets name and neither the
    workbook nor the database has (`organisations` folded with `fold`, calls and funders with
    `key`, as the importer matches them)."""
    problems: list[tuple[str, int, str, str, dict[str, Any]]] = []
    for number in sorted(rows.lines - known_lines):
        problems.append((TRANCHES.fr, 0, "N° de ligne", "import_money_line_unknown",
                         {"line": number}))  # fmt: skip
    for number, shares in rows.shares.items():
        for name, _amount in shares:
            if fold(name) not in organisations:
                problems.append((COFINANCING.fr, 0, "Partenaire", "import_money_partner_unknown",
                                 {"name": name, "line": number}))  # fmt: skip
    for call, funder, _rule in rows.rules:
        if not ((call and key(call) in calls) or (funder and key(funder) in funders)):
            problems.append((RULES.fr, 0, "Appel à projets", "import_money_rule_unknown",
                             {"name": call or funder or "—"}))  # fmt: skip
    return problems

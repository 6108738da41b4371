"""Writer of the aid-rate rules (reference data: the maximum rate a call or a funder grants a kind
of partner, with the text it comes from).

Whoever writes a rule — the rules screen, an undo — the same checks hold here: the rule on its own
(`domain.rules.check_aid_rate_rule`), its call or funder still there, and no second rule for the
same scope and partner kind. Each write is recorded in the change history and returns its inverse.
"""

from __future__ import annotations

from sqlalchemy import delete, update

from ...domain import rules
from ...domain.financing import AidRateRule
from ...domain.rules import Issue
from .. import history, money
from .. import tables as t
from ..changes import Action, RuleChange
from .core import Run, register

TABLE = "aid_rate_rule"


def _scope_issues(run: Run, rule: AidRateRule, rule_id: int | None) -> list[Issue]:
    """The checks that need the portfolio: the scope exists, and no other rule covers it."""
    session = run.session
    if rule.call_id is not None and session.get(t.Call, rule.call_id) is None:
        return [Issue("rule_scope_missing", "scope")]
    if rule.funder_id is not None and session.get(t.Funder, rule.funder_id) is None:
        return [Issue("rule_scope_missing", "scope")]
    if any(other != rule_id for other in money.rules_like(session, rule)):
        return [Issue("rule_duplicate", "partner_kind")]
    return []


@register(RuleChange)
def write_rule(run: Run, change: RuleChange) -> None:
    session = run.session
    model = t.AidRateRule
    row_id = change.rule_id
    stored = money.load_rule(session, row_id) if row_id is not None and row_id > 0 else None
    if change.action is Action.DELETE:
        if stored is None or row_id is None:
            run.refuse(TABLE, row_id, [Issue("rule_missing")])
            return
        history.record_deleted(session, TABLE, [row_id])
        session.execute(delete(model).where(model.id == row_id))
        run.deleted(TABLE, row_id)
        run.undo_with(RuleChange(Action.CREATE, row_id, stored))
        return
    rule = change.rule
    assert rule is not None, "a created or updated rule carries its values"
    if change.action is Action.UPDATE and stored is None:
        run.refuse(TABLE, row_id, [Issue("rule_missing")])
        return
    existing = row_id if stored is not None else None
    issues = rules.check_aid_rate_rule(rule)
    if run.refuse(TABLE, row_id, issues) or run.refuse(
        TABLE, row_id, _scope_issues(run, rule, existing)
    ):
        return
    values = money.rule_values(rule)
    if stored is not None and row_id is not None:
        if change.action is Action.CREATE:
            run.refuse(TABLE, row_id, [Issue("rule_duplicate", "partner_kind")])
            return
        history.record_update_rows(session, TABLE, [{"id": row_id, **values}])
        session.execute(update(model).where(model.id == row_id).values(**values))
        run.wrote(TABLE, row_id)
        run.undo_with(RuleChange(Action.UPDATE, row_id, stored, rule))
        return
    restoring = row_id is not None and row_id > 0
    if restoring:
        values["id"] = row_id
    new_id = t.insert_id(session, model, values)
    history.diff_rows(session, TABLE, {}, {new_id: values}, restored=restoring)
    if row_id is not None and row_id < 0:
        run.applied.ids[(TABLE, row_id)] = new_id
    run.created(TABLE, new_id)
    run.undo_with(RuleChange(Action.DELETE, new_id, before=rule))

"""Aid-rate rules entered as reference data (issue 14): created, edited and deleted through the one
write path, checked whoever writes (rate, scope, partner kind, no duplicate), recorded in the
history and undone by their inverse (the matrix that uses them: tests/ui/test_aid_rate_rules.py)."""

from __future__ import annotations

import pytest

from portfolio_desktop import messages
from portfolio_desktop.domain.enums import FunderKind, Instrument
from portfolio_desktop.domain.financing import AidRateRule, CostBase
from portfolio_desktop.domain.model import CallRecord, FunderRecord
from portfolio_desktop.domain.rules import RuleViolation
from portfolio_desktop.services import portfolio, reference
from portfolio_desktop.services.history import row_history
from portfolio_desktop.storage.changes import Source

SOURCE = "cahier des charges"


@pytest.fixture
def scope(db):
    """An empty portfolio with a funder (Bpifrance) and one of its calls (AAP FUI 16)."""
    funder = reference.save_funder(db, FunderRecord("Bpifrance", FunderKind.STATE_AGENCY))
    call = reference.save_call(db, CallRecord("AAP FUI 16", funder, "FUI", 2013))
    return db, funder, call


def fui16(call: int, bp: int = 4500, kind: str = "sme") -> AidRateRule:
    return AidRateRule(kind, bp, CostBase.ELIGIBLE_COSTS, SOURCE, call_id=call)


def test_add_edit_delete_with_history_and_undo(scope) -> None:
    db, _funder, call = scope
    saved = reference.save_rule(db, None, fui16(call))
    [line] = reference.aid_rate_rules(db)
    assert (line.id, line.call, line.rule) == (saved.id, "AAP FUI 16", fui16(call))

    edited = reference.save_rule(db, saved.id, fui16(call, 4000))
    assert edited.id == saved.id
    assert [r.rule.max_rate_bp for r in reference.aid_rate_rules(db)] == [4000]
    history = row_history(db, "aid_rate_rule", saved.id)
    assert {(c.action, c.field) for c in history} >= {("created", ""), ("updated", "max_rate_bp")}
    updated = next(c for c in history if c.field == "max_rate_bp")
    assert (updated.old, updated.new) == (4500, 4000)

    # Undo of the edit puts 45 % back; its inverse (the redo) 40 % again.
    undone = portfolio.apply_changes(db, edited.applied.inverse(Source.UNDO))
    assert [r.rule.max_rate_bp for r in reference.aid_rate_rules(db)] == [4500]
    portfolio.apply_changes(db, undone.inverse(Source.FORM))
    assert [r.rule.max_rate_bp for r in reference.aid_rate_rules(db)] == [4000]

    removed = reference.remove_rule(db, saved.id)
    assert reference.aid_rate_rules(db) == []
    portfolio.apply_changes(db, removed.inverse(Source.UNDO))
    [back] = reference.aid_rate_rules(db)
    assert (back.id, back.rule.max_rate_bp, back.rule.source) == (saved.id, 4000, SOURCE)
    assert "deleted" in {c.action for c in row_history(db, "aid_rate_rule", saved.id)}


def test_a_funders_rule_for_one_instrument_or_every_instrument(scope) -> None:
    db, funder, _call = scope
    every = AidRateRule("midcap", 3000, funder_id=funder)
    grants = AidRateRule("midcap", 2500, funder_id=funder, instrument=Instrument.GRANT.value)
    reference.save_rule(db, None, every)
    reference.save_rule(db, None, grants)  # another scope: not a duplicate
    lines = reference.aid_rate_rules(db)
    assert {(r.funder, r.rule.instrument) for r in lines} == {
        ("Bpifrance", None),
        ("Bpifrance", "grant"),
    }


@pytest.mark.parametrize(
    ("rule", "code", "field"),
    [
        (AidRateRule("sme", 10_001, call_id=1), "rule_rate_range", "rate"),
        (AidRateRule("sme", -1, call_id=1), "rule_rate_range", "rate"),
        (AidRateRule("sme", 4500), "rule_scope_required", "scope"),
        (AidRateRule("sme", 4500, call_id=1, funder_id=1), "rule_scope_both", "scope"),
        (AidRateRule("sme", 4500, call_id=1, instrument="grant"), "rule_instrument_call", "scope"),
        (AidRateRule("pme", 4500, call_id=1), "rule_kind_unknown", "partner_kind"),
        (AidRateRule("sme", 4500, call_id=999), "rule_scope_missing", "scope"),
    ],
)
def test_invalid_rules_are_refused_with_a_french_message(scope, rule, code, field) -> None:
    db, _funder, _call = scope
    with pytest.raises(RuleViolation) as refused:
        reference.save_rule(db, None, rule)
    [issue] = refused.value.issues
    assert (issue.code, issue.field) == (code, field)
    assert messages.text(code, issue.params, "fr") != code  # worded, in French
    assert reference.aid_rate_rules(db) == []  # nothing written


def test_a_second_rule_for_the_same_scope_and_kind_is_refused(scope) -> None:
    db, _funder, call = scope
    first = reference.save_rule(db, None, fui16(call))
    other = reference.save_rule(db, None, fui16(call, 3000, "midcap"))
    with pytest.raises(RuleViolation) as refused:
        reference.save_rule(db, None, fui16(call, 5000))
    assert [i.code for i in refused.value.issues] == ["rule_duplicate"]
    assert "a déjà une règle" in messages.text("rule_duplicate", {}, "fr")
    # Turning the mid-cap rule into a second SME rule is refused too; editing a rule in place is not.
    with pytest.raises(RuleViolation):
        reference.save_rule(db, other.id, fui16(call, 3000, "sme"))
    reference.save_rule(db, first.id, fui16(call, 4000))
    assert sorted(r.rule.max_rate_bp for r in reference.aid_rate_rules(db)) == [3000, 4000]
    # The form's live check says the same from the rules it read.
    lines = reference.aid_rate_rules(db)
    assert [i.code for i in reference.rule_issues(fui16(call), lines)] == ["rule_duplicate"]
    assert reference.rule_issues(fui16(call), lines, first.id) == []


def test_deleting_a_rule_that_is_gone_is_refused(scope) -> None:
    db, _funder, call = scope
    saved = reference.save_rule(db, None, fui16(call))
    reference.remove_rule(db, saved.id)
    with pytest.raises(RuleViolation) as refused:
        reference.remove_rule(db, saved.id)
    assert [i.code for i in refused.value.issues] == ["rule_missing"]


def test_deleting_a_call_deletes_its_rules_in_the_history_and_its_undo_brings_them_back(
    scope,
) -> None:
    db, _funder, call = scope
    saved = reference.save_rule(db, None, fui16(call))
    other = reference.save_rule(db, None, fui16(call, 3000, "midcap"))
    snapshot = reference.remove_reference(db, "call", call)
    assert reference.aid_rate_rules(db) == []
    for rule in (saved, other):
        assert "deleted" in {c.action for c in row_history(db, "aid_rate_rule", rule.id)}
    # The undo of the delete puts back the call and both rules, under their ids.
    reference.restore_reference(db, snapshot)
    back = {line.id: line.rule for line in reference.aid_rate_rules(db)}
    assert back == {saved.id: fui16(call), other.id: fui16(call, 3000, "midcap")}
    # Undoing an edit of the call (its snapshot holds the rules, still there) is not refused.
    edited = reference.snapshot_reference(db, "call", call)
    reference.restore_reference(db, edited)
    assert len(reference.aid_rate_rules(db)) == 2

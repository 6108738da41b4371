"""The portfolio's invariants, one at a time: pure functions over plain records (domain/rules.py)."""

from __future__ import annotations

from datetime import date

import pytest

from portfolio_desktop import messages
from portfolio_desktop.domain import rules
from portfolio_desktop.domain.enums import Instrument, PartnerRole
from portfolio_desktop.domain.enums import ProjectStatus as S
from portfolio_desktop.domain.model import (
    Assessment,
    EvaluationRecord,
    FundingLineRecord,
    PartnerRecord,
    ProjectRecord,
)
from portfolio_desktop.domain.responsible import AssessmentState, assessment_state, maturity_level
from portfolio_desktop.domain.rules import ProjectContext, Severity

TODAY = date(2026, 6, 30)
#: The step dates of a project that went all the way (each one stamped by its step).
FULL = {
    "submitted_on": date(2024, 1, 10),
    "evaluated_on": date(2024, 2, 20),
    "labelling_decided_on": date(2024, 3, 5),
    "funding_decided_on": date(2024, 9, 1),
    "start_on": date(2024, 10, 1),
    "end_on": date(2027, 10, 1),
}


def project(status: S = S.DRAFT, lines: list[FundingLineRecord] | None = None, **kwargs: object):
    record = ProjectRecord(
        cluster_id=1, reference="IR-2024-0042", acronym="DATAGRID", status=status
    )
    record.funding_lines = lines or []
    for key, value in kwargs.items():
        setattr(record, key, value)
    return record


def grant(granted: int | None, paid: int | None = None, **kwargs: object) -> FundingLineRecord:
    line = FundingLineRecord(funder_id=1, requested_cents=granted, granted_cents=granted)
    line.paid_cents = paid
    for key, value in kwargs.items():
        setattr(line, key, value)
    return line


def found(issues: list[rules.Issue]) -> set[tuple[str, Severity]]:
    return {(i.code, i.severity) for i in issues}


# -- Issue and severity ----------------------------------------------------------------------------


def test_issues_are_errors_unless_said_otherwise() -> None:
    issue = rules.Issue("required", "reference")  # the positional form every caller uses
    assert issue.severity is Severity.ERROR and issue.is_error
    warning = rules.Issue("granted_exceeds_budget", "", {}, Severity.WARNING)
    assert rules.errors([issue, warning]) == [issue]
    assert rules.warnings([issue, warning]) == [warning]


# -- amounts by status -----------------------------------------------------------------------------


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.EVALUATED])
def test_granted_before_the_label_is_an_error(status: S) -> None:
    issues = rules.check_amounts_by_status(project(status, [grant(None), grant(1000)]))
    assert [(i.code, i.field, i.severity) for i in issues] == [
        ("granted_before_labelling", "funding_lines[1].granted_cents", Severity.ERROR)
    ]


@pytest.mark.parametrize("status", [S.NOT_LABELLED, S.NOT_FUNDED])
def test_granted_on_a_refused_project_is_an_error(status: S) -> None:
    issues = rules.check_amounts_by_status(project(status, [grant(1000)]))
    assert found(issues) == {("granted_on_refused_project", Severity.ERROR)}


@pytest.mark.parametrize("status", [S.LABELLED, S.FUNDED, S.RUNNING, S.CLOSED])
def test_granted_from_the_label_on_is_fine(status: S) -> None:
    line = grant(1000, paid=500, decision_on=date(2024, 9, 1))
    assert rules.check_amounts_by_status(project(status, [line])) == []


def test_an_abandoned_project_keeps_its_money_only_when_a_decision_is_on_file() -> None:
    assert found(rules.check_amounts_by_status(project(S.ABANDONED, [grant(1000)]))) == {
        ("granted_before_labelling", Severity.ERROR)
    }
    funded_then_abandoned = project(
        S.ABANDONED, [grant(1000, paid=300)], funding_decided_on=date(2024, 9, 1)
    )
    assert rules.check_amounts_by_status(funded_then_abandoned) == []
    # CORDIS's terminated projects carry the signature date on the line only.
    signed = project(S.ABANDONED, [grant(1000, decision_on=date(2023, 5, 1))])
    assert rules.check_amounts_by_status(signed) == []


def test_paid_before_the_funding_decision_is_a_warning() -> None:
    labelled = project(S.LABELLED, [grant(1000, paid=200)])
    assert found(rules.check_amounts_by_status(labelled)) == {
        ("paid_before_funding_decision", Severity.WARNING)
    }
    labelled.funding_decided_on = date(2024, 9, 1)
    assert rules.check_amounts_by_status(labelled) == []


def test_paid_above_granted_stays_an_error_of_the_line() -> None:
    issues = rules.check_project(project(S.FUNDED, [grant(1000, paid=1500)]))
    assert found(issues) == {("paid_exceeds_granted", Severity.ERROR)}


# -- money against the costs -----------------------------------------------------------------------


def test_eligible_costs_above_the_budget_is_an_error() -> None:
    record = project(S.FUNDED, total_budget_cents=1000, eligible_costs_cents=1200)
    assert found(rules.check_project(record)) == {("eligible_exceeds_budget", Severity.ERROR)}


def test_aid_above_the_budget_is_a_warning() -> None:
    # The issue's example: 836,973 € granted on a 100 € budget.
    record = project(S.FUNDED, [grant(83_697_300)], total_budget_cents=10_000)
    issues = rules.check_money_against_costs(record)
    assert [(i.code, i.severity, i.params) for i in issues] == [
        (
            "granted_exceeds_budget",
            Severity.WARNING,
            {"granted": 83_697_300, "total_cents": 10_000},
        )
    ]
    assert messages.text(issues[0].code, issues[0].params, "fr") == (
        "L'aide accordée (836\u202f973,00\u00a0€) dépasse le budget total (100,00\u00a0€)."
    )


def test_repayable_advances_count_as_aid_but_loans_and_equity_do_not() -> None:
    lines = [
        grant(600, instrument=Instrument.REPAYABLE_ADVANCE),
        grant(500, instrument=Instrument.GRANT),
    ]
    assert found(rules.check_money_against_costs(project(S.FUNDED, lines, total_budget_cents=1000)))
    lines = [grant(5000, instrument=Instrument.EQUITY), grant(5000, instrument=Instrument.LOAN)]
    assert rules.check_money_against_costs(project(S.FUNDED, lines, total_budget_cents=1000)) == []


def test_grants_above_eligible_costs_is_a_warning_and_advances_are_not_compared() -> None:
    record = project(S.FUNDED, [grant(900)], total_budget_cents=2000, eligible_costs_cents=800)
    assert found(rules.check_money_against_costs(record)) == {
        ("granted_exceeds_eligible", Severity.WARNING)
    }
    record.funding_lines = [grant(700), grant(300, instrument=Instrument.REPAYABLE_ADVANCE)]
    assert rules.check_money_against_costs(record) == []


def test_missing_or_zero_budgets_are_not_compared() -> None:
    for budget in (None, 0):
        record = project(S.FUNDED, [grant(7_500_000)], total_budget_cents=budget)
        assert rules.check_money_against_costs(record) == []


# -- dates -----------------------------------------------------------------------------------------


def test_decision_dates_may_not_lie_in_the_future() -> None:
    record = project(
        S.FUNDED,
        [grant(100, decision_on=date(2099, 1, 1))],
        **{**FULL, "funding_decided_on": date(2099, 1, 1)},
    )
    issues = rules.check_dates_not_in_future(record, TODAY)
    assert [(i.field, i.severity) for i in issues] == [
        ("funding_decided_on", Severity.ERROR),
        ("funding_lines[0].decision_on", Severity.ERROR),
    ]
    assert messages.text(issues[0].code, issues[0].params, "fr") == (
        "La date de décision de financement (01/01/2099) est dans le futur."
    )
    # Today is not the future, and a planned start or end is not a decision.
    record.funding_decided_on, record.funding_lines = TODAY, []
    record.start_on, record.end_on = date(2099, 1, 1), date(2100, 1, 1)
    assert rules.check_dates_not_in_future(record, TODAY) == []


def test_a_step_date_beyond_the_status_is_a_warning() -> None:
    record = project(
        S.SUBMITTED, submitted_on=date(2024, 1, 1), funding_decided_on=date(2024, 9, 1)
    )
    issues = rules.check_step_dates_beyond_status(record)
    assert [(i.code, i.field, i.severity) for i in issues] == [
        ("step_date_beyond_status", "funding_decided_on", Severity.WARNING)
    ]
    assert rules.check_step_dates_beyond_status(project(S.RUNNING, **FULL)) == []
    refused = project(S.NOT_LABELLED, **{k: FULL[k] for k in list(FULL)[:3]})
    assert rules.check_step_dates_beyond_status(refused) == []


# -- status transitions ----------------------------------------------------------------------------


def test_a_new_project_at_a_historic_status_is_told_which_step_dates_are_missing() -> None:
    record = project(S.FUNDED, funding_decided_on=date(2024, 9, 1))
    issues = rules.check_entry_step_dates(None, record)
    assert [(i.code, i.field, i.severity) for i in issues] == [
        ("step_date_missing", "submitted_on", Severity.WARNING),
        ("step_date_missing", "evaluated_on", Severity.WARNING),
        ("step_date_missing", "labelling_decided_on", Severity.WARNING),
    ]
    assert messages.text(issues[0].code, issues[0].params, "en") == (
        "The project is 'Funded' but has no submission date."
    )
    complete = project(S.FUNDED, **{k: v for k, v in FULL.items() if k != "start_on"})
    assert rules.check_entry_step_dates(None, complete) == []
    assert rules.check_entry_step_dates(None, project(S.DRAFT)) == []


def test_dates_out_of_order_at_entry_are_errors() -> None:
    record = project(S.FUNDED, **{**FULL, "evaluated_on": date(2023, 1, 1)})
    issues = rules.check_project_change(None, record, today=TODAY)
    assert found(issues) == {("date_before", Severity.ERROR)}


def test_an_abandoned_project_enters_along_the_path_its_dates_show() -> None:
    dates = {**FULL, "abandoned_on": date(2025, 3, 1)}
    from portfolio_desktop.domain.workflow import entry_path

    assert entry_path(S.ABANDONED, dates) == (
        S.SUBMITTED, S.EVALUATED, S.LABELLED, S.FUNDED, S.RUNNING, S.ABANDONED
    )  # fmt: skip
    assert entry_path(S.ABANDONED, {"abandoned_on": date(2025, 3, 1)}) == (
        S.SUBMITTED,
        S.ABANDONED,
    )
    record = project(S.ABANDONED, **dates)
    assert rules.check_entry_step_dates(None, record) == []


def test_a_move_the_pipeline_allows_raises_nothing() -> None:
    before = project(S.LABELLED, **{k: FULL[k] for k in list(FULL)[:3]})
    after = project(S.FUNDED, **{k: FULL[k] for k in list(FULL)[:4]})
    assert rules.check_project_change(before, after, today=TODAY) == []


def test_a_non_adjacent_move_is_a_warning_naming_the_steps_skipped() -> None:
    before = project(S.SUBMITTED, submitted_on=FULL["submitted_on"])
    after = project(S.FUNDED, **{k: FULL[k] for k in list(FULL)[:4]})
    issues = rules.check_project_change(before, after, today=TODAY)
    assert [(i.code, i.severity, i.params) for i in issues] == [
        (
            "status_skips_steps",
            Severity.WARNING,
            {"from": "submitted", "to": "funded", "steps": ["evaluated", "labelled"]},
        )
    ]
    assert messages.text(issues[0].code, issues[0].params, "fr") == (
        "Le statut passe de « Déposé » à « Financé » sans les étapes « Expertisé », « Labellisé »."
    )


def test_moves_backwards_or_across_branches_are_warnings() -> None:
    for old, new in ((S.CLOSED, S.DRAFT), (S.NOT_LABELLED, S.FUNDED), (S.CLOSED, S.ABANDONED)):
        assert found(rules.check_status_move(old, new)) == {("status_off_path", Severity.WARNING)}
    assert rules.check_status_move(S.RUNNING, S.ABANDONED) == []


def test_a_move_checks_only_the_dates_of_the_steps_it_passes() -> None:
    # An imported project (no submission date on file) moved forward by the pipeline buttons.
    before = project(S.FUNDED, funding_decided_on=date(2024, 9, 1))
    after = project(S.RUNNING, funding_decided_on=date(2024, 9, 1))
    issues = rules.check_project_change(before, after, today=TODAY)
    assert [(i.code, i.field) for i in issues] == [("step_date_missing", "start_on")]


# -- evaluations -----------------------------------------------------------------------------------


def evaluation(expert_id: int, name: str = "") -> EvaluationRecord:
    return EvaluationRecord(expert_id=expert_id, expert_name=name)


def test_a_conflict_of_interest_is_found_from_the_partners_side_too() -> None:
    ties = {7: {30}, 8: {40}}
    evaluations = [evaluation(7, "Anne Le Gall"), evaluation(8)]
    assert rules.check_evaluations(evaluations, ties, [10, 20]) == []
    # The expert's own organisation joins the project after the evaluation was saved.
    issues = rules.check_evaluations(evaluations, ties, [10, 20, 30], {30: "Orange"})
    assert [(i.code, i.field, i.severity) for i in issues] == [
        ("conflict_of_interest_expert", "evaluations[0].expert_id", Severity.ERROR)
    ]
    assert messages.text(issues[0].code, issues[0].params, "fr") == (
        "L'expert Anne Le Gall est lié à Orange, partenaire du projet (conflit d'intérêts)."
    )


def test_one_evaluation_per_expert_and_project() -> None:
    issues = rules.check_evaluations([evaluation(7), evaluation(8), evaluation(7)], {}, [])
    assert [(i.code, i.field) for i in issues] == [
        ("evaluation_expert_twice", "evaluations[2].expert_id")
    ]


def test_the_entry_point_checks_evaluations_when_they_are_given() -> None:
    record = project(
        S.EVALUATED, submitted_on=FULL["submitted_on"], evaluated_on=FULL["evaluated_on"]
    )
    record.partners = [PartnerRecord(30, PartnerRole.LEAD, organisation_name="Orange")]
    context = ProjectContext(evaluations=[evaluation(7)], expert_ties={7: {30}})
    assert rules.check_project_change(record, record, today=TODAY) == []  # not given: not checked
    issues = rules.check_project_change(record, record, today=TODAY, context=context)
    assert found(issues) == {("conflict_of_interest_expert", Severity.ERROR)}


# -- maturity --------------------------------------------------------------------------------------


def test_maturity_only_from_a_complete_assessment() -> None:
    one_of_five = Assessment(carbon=4)
    assert maturity_level(one_of_five) is None  # not « Exemplaire »
    assert assessment_state(one_of_five) is AssessmentState.PARTIAL
    assert assessment_state(Assessment()) is AssessmentState.NOT_ASSESSED
    assert maturity_level(Assessment(4, 4, 4, 4, 4)) == 5
    assert assessment_state(Assessment(0, 0, 0, 0, 0)) is AssessmentState.COMPLETE
    assert maturity_level(Assessment(4, 4, 4, 4, None)) is None


# -- the entry point -------------------------------------------------------------------------------


def test_the_entry_point_gathers_errors_and_warnings() -> None:
    record = project(
        S.SUBMITTED,
        [grant(83_697_300, decision_on=date(2099, 1, 1))],
        submitted_on=date(2024, 1, 1),
        total_budget_cents=10_000,
    )
    issues = rules.check_project_change(None, record, today=TODAY)
    assert found(issues) == {
        ("granted_before_labelling", Severity.ERROR),
        ("date_in_future", Severity.ERROR),
        ("granted_exceeds_budget", Severity.WARNING),
    }
    assert rules.check_project_state(record, today=TODAY) == issues


def test_stored_unknown_statuses_are_named() -> None:
    assert rules.check_status_code("funded") == []
    assert [i.params for i in rules.check_status_code("peut-être")] == [{"value": "peut-être"}]

"""The project's status from its submissions: an open submission counts before a refusal, a
funded one before everything; running, closed, evaluated and abandoned projects keep theirs."""

from __future__ import annotations

from datetime import date

from portfolio_desktop.domain.enums import ProjectStatus as S
from portfolio_desktop.domain.submissions import (
    Conversion,
    FunderDecision,
    LabelDecision,
    Outcome,
    SubmissionFacts,
    initial_submission,
    outcome,
    project_status,
)


def sub(on: date, label=None, funder=None, withdrawn=None) -> SubmissionFacts:  # type: ignore[no-untyped-def]
    return SubmissionFacts(
        on, label, on if label else None, funder, on if funder else None, withdrawn
    )


FUI = sub(date(2023, 1, 10), LabelDecision.REFUSED)
ANR_OPEN = sub(date(2024, 1, 10), LabelDecision.SUPPORT_LETTER)
ANR_FUNDED = sub(date(2024, 1, 10), LabelDecision.LABELLED, FunderDecision.FUNDED)
PSPC_LOST = sub(date(2022, 5, 1), LabelDecision.LABELLED, FunderDecision.NOT_FUNDED)


def test_outcomes() -> None:
    assert outcome(FUI) is Outcome.LABEL_REFUSED
    assert outcome(ANR_OPEN) is Outcome.AWAITING_FUNDER
    assert outcome(ANR_FUNDED) is Outcome.FUNDED
    assert outcome(PSPC_LOST) is Outcome.NOT_FUNDED
    assert outcome(sub(date(2024, 1, 1))) is Outcome.AWAITING_LABEL
    assert outcome(sub(date(2024, 1, 1), withdrawn=date(2024, 2, 1))) is Outcome.WITHDRAWN


def test_the_open_or_funded_submission_leads() -> None:
    steps = project_status(S.NOT_LABELLED, [FUI, ANR_OPEN])
    assert (steps.status, steps.leading, steps.labelling_decided_on) == (
        S.LABELLED, 1, date(2024, 1, 10),
    )  # fmt: skip
    assert project_status(S.LABELLED, [PSPC_LOST, ANR_FUNDED, FUI]).status is S.FUNDED
    # Two refusals: the not-funded one is further along than a refused label.
    assert project_status(S.NOT_LABELLED, [FUI, PSPC_LOST]).status is S.NOT_FUNDED
    assert project_status(S.DRAFT, []).status is S.DRAFT  # no submission: unchanged


def test_statuses_the_submissions_do_not_move() -> None:
    assert project_status(S.RUNNING, [ANR_FUNDED]).status is S.RUNNING
    assert project_status(S.CLOSED, [ANR_FUNDED]).status is S.CLOSED
    assert project_status(S.EVALUATED, [sub(date(2024, 1, 1))]).status is S.EVALUATED
    assert project_status(S.ABANDONED, [ANR_FUNDED]).status is S.ABANDONED


def test_the_one_submission_of_an_existing_project() -> None:
    on = date(2022, 3, 1)
    assert initial_submission(S.RUNNING, on, on, None) == (
        LabelDecision.LABELLED, FunderDecision.FUNDED, None,
    )  # fmt: skip
    assert initial_submission(S.NOT_LABELLED, on, None, None) == (LabelDecision.REFUSED, None, None)
    assert initial_submission(S.ABANDONED, None, None, on) == (None, None, on)
    assert initial_submission(S.ABANDONED, on, on, date(2023, 1, 1))[:2] == (
        LabelDecision.LABELLED, FunderDecision.FUNDED,
    )  # fmt: skip
    assert initial_submission(S.SUBMITTED, None, None, None) == (None, None, None)


def test_conversion_rates() -> None:
    assert Conversion(10, 8, 4).label_rate == 0.8 and Conversion(10, 8, 4).funding_rate == 0.5
    assert Conversion(0, 0, 0).label_rate is None and Conversion(3, 0, 0).funding_rate is None

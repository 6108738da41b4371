"""Submissions: a project sent to one funding call, with the cluster's label and the funder's answer.

A project may be submitted several times (refused by the FUI, resubmitted to the ANR…); each
submission keeps its own label decision and funder decision. The project's status is kept
consistent with them by `project_status`: an open submission (waiting for its label or for its
funder) counts before a refused one, a funded one before everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .enums import ProjectStatus as S


class LabelDecision(StrEnum):
    """The cluster's decision on one submission."""

    LABELLED = "labelled"
    LABELLED_WITH_RESERVATIONS = "labelled_with_reservations"
    SUPPORT_LETTER = "support_letter"
    REFUSED = "refused"

    @property
    def endorses(self) -> bool:
        """True when the cluster backs the submission (a label, with or without reservations,
        or a letter of support): the funder's answer is then awaited."""
        return self is not LabelDecision.REFUSED


class FunderDecision(StrEnum):
    """The funder's answer to one submission."""

    FUNDED = "funded"
    NOT_FUNDED = "not_funded"


class Outcome(StrEnum):
    """Where a submission stands, read from its decisions."""

    AWAITING_LABEL = "awaiting_label"
    LABEL_REFUSED = "label_refused"
    AWAITING_FUNDER = "awaiting_funder"
    FUNDED = "funded"
    NOT_FUNDED = "not_funded"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class SubmissionFacts:
    """What the status rule reads of a submission."""

    submitted_on: date | None
    label_decision: LabelDecision | None
    label_decided_on: date | None
    funder_decision: FunderDecision | None
    funder_decided_on: date | None
    withdrawn_on: date | None = None


def outcome(facts: SubmissionFacts) -> Outcome:
    """Where the submission stands; a funder's answer counts even after a withdrawal."""
    if facts.funder_decision is FunderDecision.FUNDED:
        return Outcome.FUNDED
    if facts.funder_decision is FunderDecision.NOT_FUNDED:
        return Outcome.NOT_FUNDED
    if facts.label_decision is LabelDecision.REFUSED:
        return Outcome.LABEL_REFUSED
    if facts.withdrawn_on is not None:
        return Outcome.WITHDRAWN
    if facts.label_decision is not None:
        return Outcome.AWAITING_FUNDER
    return Outcome.AWAITING_LABEL


#: The project status each outcome implies, and how strongly it counts when several disagree:
#: funded first, then an open submission (awaiting funder, then label), then a closed refusal.
_IMPLIED: dict[Outcome, tuple[int, S]] = {
    Outcome.FUNDED: (6, S.FUNDED),
    Outcome.AWAITING_FUNDER: (5, S.LABELLED),
    Outcome.AWAITING_LABEL: (4, S.SUBMITTED),
    Outcome.NOT_FUNDED: (3, S.NOT_FUNDED),
    Outcome.LABEL_REFUSED: (2, S.NOT_LABELLED),
    Outcome.WITHDRAWN: (1, S.ABANDONED),
}

#: Statuses the submissions never move a project out of: what comes after the funding decision
#: (running, closed) is recorded on the project itself.
_AFTER_FUNDING = frozenset({S.RUNNING, S.CLOSED})


@dataclass(frozen=True, slots=True)
class ProjectSteps:
    """The project's status and step dates as its submissions imply them."""

    status: S
    submitted_on: date | None
    labelling_decided_on: date | None
    funding_decided_on: date | None
    #: The submission whose status the project takes (its call becomes the project's call).
    leading: int | None


def project_status(current: S, submissions: Iterable[SubmissionFacts]) -> ProjectSteps:
    """The status a project with these submissions is at, given its `current` one.

    With no submission the project keeps its status. A project already running or closed stays
    so while one submission is funded; an evaluated project waiting for its label stays evaluated
    (the evaluation is the project's, not the submission's); an abandoned project stays abandoned
    (abandoning is the project's decision, funded or not). Step dates are the leading
    submission's.
    """
    listed = list(submissions)
    if not listed:
        return ProjectSteps(current, None, None, None, None)
    ranked = sorted(
        range(len(listed)),
        key=lambda i: (_IMPLIED[outcome(listed[i])][0], listed[i].submitted_on or date.min, i),
    )
    leading = ranked[-1]
    facts = listed[leading]
    status = _IMPLIED[outcome(facts)][1]
    keeps = (
        (status is S.FUNDED and current in _AFTER_FUNDING)
        or (status is S.SUBMITTED and current is S.EVALUATED)
        or current is S.ABANDONED
    )
    if keeps:
        status = current
    return ProjectSteps(
        status,
        facts.submitted_on,
        facts.label_decided_on,
        facts.funder_decided_on,
        leading,
    )


def initial_submission(
    status: S,
    labelling_decided_on: date | None,
    funding_decided_on: date | None,
    abandoned_on: date | None,
) -> tuple[LabelDecision | None, FunderDecision | None, date | None]:
    """The label decision, funder decision and withdrawal date of the one submission made from
    a project that had no submissions yet (its status and step dates say how far it went)."""
    label: LabelDecision | None = None
    funder: FunderDecision | None = None
    withdrawn: date | None = None
    if status in (S.LABELLED, S.FUNDED, S.NOT_FUNDED, S.RUNNING, S.CLOSED):
        label = LabelDecision.LABELLED
    elif status is S.NOT_LABELLED:
        label = LabelDecision.REFUSED
    elif status is S.ABANDONED and (labelling_decided_on or funding_decided_on):
        label = LabelDecision.LABELLED
    if status in (S.FUNDED, S.RUNNING, S.CLOSED) or (
        status is S.ABANDONED and funding_decided_on is not None
    ):
        funder = FunderDecision.FUNDED
    elif status is S.NOT_FUNDED:
        funder = FunderDecision.NOT_FUNDED
    if status is S.ABANDONED and funder is None:
        withdrawn = abandoned_on
    return label, funder, withdrawn


@dataclass(frozen=True, slots=True)
class Conversion:
    """One funder's or call's submissions along the funnel: submitted → labelled → funded."""

    submitted: int
    labelled: int
    funded: int

    @property
    def label_rate(self) -> float | None:
        """Labelled per submitted (None when nothing was submitted)."""
        return self.labelled / self.submitted if self.submitted else None

    @property
    def funding_rate(self) -> float | None:
        """Funded per labelled, « labellisés → financés » (None when nothing was labelled)."""
        return self.funded / self.labelled if self.labelled else None

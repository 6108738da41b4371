"""The responsible-digital (numérique responsable) assessment and its maturity level.

A maturity level is given only to a complete assessment (every criterion scored): one criterion of
five scored 4 says nothing about the other four, and must not read « Exemplaire ». An assessment
begun but not finished is *partial*: shown as such, counted apart, never given a level.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from .model import Assessment

CRITERIA: tuple[str, ...] = ("carbon", "resources", "recyclability", "energy", "ethics")
SCORE_MIN, SCORE_MAX = 0, 4

#: Maturity levels, 1 (initial) to 5 (exemplary); codes for `messages`.
MATURITY_LEVELS: tuple[str, ...] = ("initial", "aware", "engaged", "advanced", "exemplary")


class AssessmentState(StrEnum):
    """How far a project's assessment went: not begun, partial (some criteria), complete."""

    NOT_ASSESSED = "not_assessed"
    PARTIAL = "partial"
    COMPLETE = "complete"


def scored(assessment: Assessment) -> int:
    """How many criteria have a score."""
    return sum(1 for s in assessment.scores().values() if s is not None)


def assessment_state(assessment: Assessment) -> AssessmentState:
    count = scored(assessment)
    if count == 0:
        return AssessmentState.NOT_ASSESSED
    if count < len(CRITERIA):
        return AssessmentState.PARTIAL
    return AssessmentState.COMPLETE


def average_score(assessment: Assessment) -> Decimal | None:
    """Mean of the criteria scored so far, to one decimal; None when nothing is scored."""
    scores = [s for s in assessment.scores().values() if s is not None]
    if not scores:
        return None
    return (Decimal(sum(scores)) / len(scores)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def maturity_level(assessment: Assessment) -> int | None:
    """1–5 from the mean score (0–0.9 → 1 … 4 → 5) of a complete assessment; None otherwise
    (not assessed, or partial: see `assessment_state`)."""
    if assessment_state(assessment) is not AssessmentState.COMPLETE:
        return None
    mean = average_score(assessment)
    assert mean is not None
    return min(int(mean) + 1, len(MATURITY_LEVELS))

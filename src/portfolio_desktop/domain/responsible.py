"""The responsible-digital (numérique responsable) assessment and its maturity level."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .model import Assessment

CRITERIA: tuple[str, ...] = ("carbon", "resources", "recyclability", "energy", "ethics")
SCORE_MIN, SCORE_MAX = 0, 4

#: Maturity levels, 1 (initial) to 5 (exemplary); codes for `messages`.
MATURITY_LEVELS: tuple[str, ...] = ("initial", "aware", "engaged", "advanced", "exemplary")


def average_score(assessment: Assessment) -> Decimal | None:
    """Mean of the criteria scored so far, to one decimal; None when nothing is scored."""
    scores = [s for s in assessment.scores().values() if s is not None]
    if not scores:
        return None
    return (Decimal(sum(scores)) / len(scores)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def maturity_level(assessment: Assessment) -> int | None:
    """1–5 from the mean score (0–0.9 → 1 … 4 → 5); None when the project is not assessed."""
    mean = average_score(assessment)
    if mean is None:
        return None
    return min(int(mean) + 1, len(MATURITY_LEVELS))

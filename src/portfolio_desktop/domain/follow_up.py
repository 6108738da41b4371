"""Follow-up of funded projects: milestones, deliverables and the reports owed to funders.

Each item is due on a date and done (or received) on another; `standing` says whether it is
done, overdue or due within a window, as the `due` command and the dashboard list them.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class FollowUpKind(StrEnum):
    """What a follow-up item is."""

    MILESTONE = "milestone"
    DELIVERABLE = "deliverable"
    INTERIM_REPORT = "interim_report"
    FINAL_REPORT = "final_report"

    @property
    def is_report(self) -> bool:
        """Reports are owed to a funder and received, not done."""
        return self in (FollowUpKind.INTERIM_REPORT, FollowUpKind.FINAL_REPORT)


class Standing(StrEnum):
    """Where a follow-up item stands on a given day."""

    DONE = "done"
    OVERDUE = "overdue"
    DUE = "due"
    LATER = "later"


def standing(due_on: date, done_on: date | None, today: date, days: int) -> Standing:
    """Done once done; overdue once its due day has passed; due when it falls within `days`
    days from `today` (today included)."""
    if done_on is not None:
        return Standing.DONE
    if due_on < today:
        return Standing.OVERDUE
    if (due_on - today).days <= days:
        return Standing.DUE
    return Standing.LATER

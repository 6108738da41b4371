"""What is due: milestones, deliverables and reports owed, overdue or due within a window.

`due_report` is what `portfolio-desktop due` prints and the dashboard lists; `digest` is the
short sentence shown when the application opens (« 3 rapports en retard, 5 jalons dans les 30
prochains jours »).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .. import messages
from ..domain.follow_up import FollowUpKind, Standing, standing
from ..storage.database import Database

DEFAULT_DAYS = 30


@dataclass(frozen=True, slots=True)
class DueItem:
    """One item not done, overdue or due soon."""

    project_id: int
    reference: str
    acronym: str
    kind: FollowUpKind
    title: str
    funder: str
    due_on: date
    standing: Standing
    #: Days from today to the due date (negative: days late).
    days: int


@dataclass(frozen=True, slots=True)
class DueReport:
    """The items overdue and those due within `days` days of `today`."""

    today: date
    days: int
    overdue: list[DueItem]
    due: list[DueItem]

    def count(self, which: Standing, reports: bool) -> int:
        items = self.overdue if which is Standing.OVERDUE else self.due
        return sum(1 for item in items if item.kind.is_report == reports)


def due_report(db: Database, today: date | None = None, days: int = DEFAULT_DAYS) -> DueReport:
    """What is overdue on `today` (default: today) and what falls due in the next `days` days."""
    # The queries are imported here: the screens that import this module load it lazily.
    from ..storage.follow_up_queries import open_items

    today = today or date.today()
    with db.read() as session:
        rows = open_items(session, today + timedelta(days=days))
    overdue: list[DueItem] = []
    due: list[DueItem] = []
    for project_id, reference, acronym, kind, title, funder, due_on in rows:
        where = standing(due_on, None, today, days)
        item = DueItem(
            project_id, reference, acronym or "", FollowUpKind(kind), title or "", funder or "",
            due_on, where, (due_on - today).days,
        )  # fmt: skip
        (overdue if where is Standing.OVERDUE else due).append(item)
    return DueReport(today, days, overdue, due)


def conversion_by(db: Database, by: str) -> dict[str, Any]:
    """Submissions, labelled and funded ones per funder or per call (`by`), with their rates."""
    from ..storage.submissions import conversion

    with db.read() as session:
        return conversion(session, by)


def due_json(report: DueReport) -> dict[str, Any]:
    """The `due --json` object: the day, the window, then both lists (codes and ISO dates)."""

    def item(i: DueItem) -> dict[str, Any]:
        return {
            "reference": i.reference,
            "acronym": i.acronym,
            "kind": i.kind.value,
            "title": i.title,
            "funder": i.funder or None,
            "due_on": i.due_on.isoformat(),
            "days": i.days,
        }

    return {
        "today": report.today.isoformat(),
        "days": report.days,
        "overdue": [item(i) for i in report.overdue],
        "due": [item(i) for i in report.due],
    }


def digest(report: DueReport, lang: str | None = None) -> str:
    """« 3 rapports en retard, 2 jalons ou livrables en retard, 5 échéances dans les 30 prochains
    jours » (the parts that count nothing are left out; "" when nothing is due)."""
    parts = []
    late_reports = report.count(Standing.OVERDUE, reports=True)
    late_other = report.count(Standing.OVERDUE, reports=False)
    soon_reports = report.count(Standing.DUE, reports=True)
    soon_other = report.count(Standing.DUE, reports=False)
    if late_reports:
        parts.append(messages.text("due_reports_late", {"count": late_reports}, lang))
    if late_other:
        parts.append(messages.text("due_milestones_late", {"count": late_other}, lang))
    if soon_reports:
        parts.append(
            messages.text("due_reports_soon", {"count": soon_reports, "days": report.days}, lang)
        )
    if soon_other:
        parts.append(
            messages.text("due_milestones_soon", {"count": soon_other, "days": report.days}, lang)
        )
    return ", ".join(parts)


# -- the timeline ----------------------------------------------------------------------------------

#: The timeline's choices: which projects it draws.
TIMELINE_SCOPES: dict[str, tuple[str, ...]] = {
    "running": ("running",),
    "funded": ("funded", "running"),
    "all": ("funded", "running", "closed", "abandoned"),
}


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One project on the timeline: its span and its dated items."""

    project_id: int
    reference: str
    acronym: str
    start_on: date
    end_on: date
    status: str
    #: (due on, done on, kind code), by due date.
    items: list[tuple[date, date | None, str]]


def timeline(db: Database, scope: str = "running") -> list[TimelineRow]:
    """The projects of a scope (`TIMELINE_SCOPES`) from start to end, with their milestones."""
    from ..storage.follow_up_queries import timeline_rows

    with db.read() as session:
        projects, items = timeline_rows(session, TIMELINE_SCOPES[scope])
    return [
        TimelineRow(pid, reference, acronym or "", start, end, status, list(items.get(pid, [])))
        for pid, reference, acronym, start, end, status in projects
    ]

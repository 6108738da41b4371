"""Submissions of projects to calls, and the project's status kept consistent with them.

The write functions (the ones to route through the one write path):
- `add_submission`, `update_submission`, `delete_submission` write `submission` and then
  `reconcile_project`, which writes `project` (status, call, step dates, version) and
  `status_change` when the status moves;
- `add_committee` writes `committee`.
Each records its changes in `change_history` (`storage.history`) in the same transaction.
Everything else here reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ..domain.enums import ProjectStatus
from ..domain.submissions import (
    Conversion,
    FunderDecision,
    LabelDecision,
    Outcome,
    SubmissionFacts,
    outcome,
    project_status,
)
from ..errors import KnownError
from . import history
from . import tables as t
from .repository import utcnow

#: The columns a caller may set on a submission.
FIELDS = (
    "call_id",
    "submitted_on",
    "requested_cents",
    "label_decision",
    "label_decided_on",
    "committee_id",
    "label_override",
    "funder_decision",
    "funder_decided_on",
    "withdrawn_on",
    "notes",
)


class LabelWithoutEvaluationError(KnownError):
    """A project with no evaluation is labelled without a recorded reason (an override)."""

    code = "label_without_evaluation"


@dataclass(frozen=True, slots=True)
class SubmissionRow:
    """One submission as screens and exports read it."""

    id: int
    project_id: int
    call_id: int | None
    call_name: str
    funder_name: str
    submitted_on: date | None
    requested_cents: int | None
    label_decision: LabelDecision | None
    label_decided_on: date | None
    committee_id: int | None
    committee_name: str
    label_override: str
    funder_decision: FunderDecision | None
    funder_decided_on: date | None
    withdrawn_on: date | None
    notes: str

    @property
    def facts(self) -> SubmissionFacts:
        return SubmissionFacts(
            self.submitted_on,
            self.label_decision,
            self.label_decided_on,
            self.funder_decision,
            self.funder_decided_on,
            self.withdrawn_on,
        )

    @property
    def outcome(self) -> Outcome:
        return outcome(self.facts)


def _row(r: Any) -> SubmissionRow:
    return SubmissionRow(
        id=r.id,
        project_id=r.project_id,
        call_id=r.call_id,
        call_name=r.call_name or "",
        funder_name=r.funder_name or "",
        submitted_on=r.submitted_on,
        requested_cents=r.requested_cents,
        label_decision=LabelDecision(r.label_decision) if r.label_decision else None,
        label_decided_on=r.label_decided_on,
        committee_id=r.committee_id,
        committee_name=r.committee_name or "",
        label_override=r.label_override or "",
        funder_decision=FunderDecision(r.funder_decision) if r.funder_decision else None,
        funder_decided_on=r.funder_decided_on,
        withdrawn_on=r.withdrawn_on,
        notes=r.notes or "",
    )


def _select() -> Any:
    s = t.Submission
    return (
        select(
            s.id,
            s.project_id,
            s.call_id,
            t.Call.name.label("call_name"),
            t.Funder.name.label("funder_name"),
            s.submitted_on,
            s.requested_cents,
            s.label_decision,
            s.label_decided_on,
            s.committee_id,
            t.Committee.name.label("committee_name"),
            s.label_override,
            s.funder_decision,
            s.funder_decided_on,
            s.withdrawn_on,
            s.notes,
        )
        .outerjoin(t.Call, t.Call.id == s.call_id)
        .outerjoin(t.Funder, t.Funder.id == t.Call.funder_id)
        .outerjoin(t.Committee, t.Committee.id == s.committee_id)
    )


def project_submissions(session: Session, project_id: int) -> list[SubmissionRow]:
    """A project's submissions, oldest first."""
    rows = session.execute(
        _select()
        .where(t.Submission.project_id == project_id)
        .order_by(t.Submission.submitted_on.is_(None), t.Submission.submitted_on, t.Submission.id)
    )
    return [_row(r) for r in rows]


def all_submissions(session: Session) -> list[SubmissionRow]:
    """Every submission, by project then date (the export's sheet)."""
    rows = session.execute(
        _select().order_by(
            t.Submission.project_id,
            t.Submission.submitted_on.is_(None),
            t.Submission.submitted_on,
            t.Submission.id,
        )
    )
    return [_row(r) for r in rows]


def _has_evaluation(session: Session, project_id: int) -> bool:
    return (
        session.scalar(
            select(t.Evaluation.id).where(t.Evaluation.project_id == project_id).limit(1)
        )
        is not None
    )


def _check(session: Session, project_id: int, values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"not submission fields: {sorted(unknown)}")
    clean = dict(values)
    for key, kind in (("label_decision", LabelDecision), ("funder_decision", FunderDecision)):
        if clean.get(key) is not None:
            clean[key] = kind(clean[key]).value
    label = clean.get("label_decision")
    if (
        label is not None
        and LabelDecision(label).endorses
        and not (clean.get("label_override") or "").strip()
        and not _has_evaluation(session, project_id)
    ):
        reference = session.scalar(select(t.Project.reference).where(t.Project.id == project_id))
        raise LabelWithoutEvaluationError(reference=reference or str(project_id))
    return clean


def add_submission(
    session: Session, project_id: int, values: Mapping[str, Any], *, reconcile: bool = True
) -> int:
    """Writes `submission` (and through `reconcile_project`, `project` and `status_change`).

    An endorsing label decision on a project no expert evaluated needs `label_override`, the
    recorded reason (`LabelWithoutEvaluationError` otherwise)."""
    clean = _check(session, project_id, values)
    row = {
        "project_id": project_id,
        "label_override": "",
        "notes": "",
        **clean,
    }
    new_id = t.insert_id(session, t.Submission, row)
    history.record_created(session, "submission", [{"id": new_id, **row}])
    if reconcile:
        reconcile_project(session, project_id)
    return new_id


def update_submission(session: Session, submission_id: int, values: Mapping[str, Any]) -> None:
    """Writes `submission` (then `project` and `status_change` through `reconcile_project`)."""
    project_id = session.scalar(
        select(t.Submission.project_id).where(t.Submission.id == submission_id)
    )
    if project_id is None:
        raise LookupError(submission_id)
    current = session.execute(
        select(t.Submission.label_decision, t.Submission.label_override).where(
            t.Submission.id == submission_id
        )
    ).one()
    merged = {"label_decision": current[0], "label_override": current[1], **values}
    checked = _check(session, project_id, merged)
    clean = {k: checked[k] for k in values}
    history.record_update_rows(session, "submission", [{"id": submission_id, **clean}])
    session.execute(
        update(t.table_of(t.Submission))
        .where(t.table_of(t.Submission).c.id == submission_id)
        .values(**clean)
    )
    reconcile_project(session, project_id)


def delete_submission(session: Session, submission_id: int) -> None:
    """Deletes from `submission` (then `project` and `status_change` through `reconcile_project`)."""
    project_id = session.scalar(
        select(t.Submission.project_id).where(t.Submission.id == submission_id)
    )
    if project_id is None:
        raise LookupError(submission_id)
    history.record_deleted(session, "submission", [submission_id])
    session.execute(
        delete(t.table_of(t.Submission)).where(t.table_of(t.Submission).c.id == submission_id)
    )
    reconcile_project(session, project_id)


def reconcile_project(session: Session, project_id: int) -> bool:
    """Brings the project's status, call and step dates in line with its submissions
    (`domain.submissions.project_status`); writes `project` (version + 1) and a `status_change`
    row when the status moves. Returns whether anything changed."""
    project = session.execute(
        select(
            t.Project.status,
            t.Project.call_id,
            t.Project.submitted_on,
            t.Project.labelling_decided_on,
            t.Project.funding_decided_on,
            t.Project.version,
        ).where(t.Project.id == project_id)
    ).one()
    submissions = project_submissions(session, project_id)
    current = ProjectStatus(project.status)
    steps = project_status(current, [s.facts for s in submissions])
    if steps.leading is None:
        return False
    leading = submissions[steps.leading]
    wanted: dict[str, Any] = {
        "status": steps.status.value,
        "call_id": leading.call_id,
        "submitted_on": steps.submitted_on or project.submitted_on,
    }
    if steps.labelling_decided_on is not None or leading.label_decision is None:
        wanted["labelling_decided_on"] = steps.labelling_decided_on
    if steps.funding_decided_on is not None or leading.funder_decision is None:
        wanted["funding_decided_on"] = steps.funding_decided_on
    # A project running or closed keeps the funding date that got it there.
    if (
        current in (ProjectStatus.RUNNING, ProjectStatus.CLOSED)
        and wanted.get("funding_decided_on") is None
    ):
        wanted.pop("funding_decided_on", None)
    changed = {k: v for k, v in wanted.items() if getattr(project, k) != v}
    if not changed:
        return False
    values = {**changed, "version": project.version + 1, "updated_at": utcnow()}
    history.record_update_rows(session, "project", [{"id": project_id, **changed}])
    session.execute(
        update(t.table_of(t.Project))
        .where(t.table_of(t.Project).c.id == project_id)
        .values(**values)
    )
    if "status" in changed:
        ctx = history.context(session)
        on = {
            ProjectStatus.SUBMITTED: steps.submitted_on,
            ProjectStatus.LABELLED: steps.labelling_decided_on,
            ProjectStatus.NOT_LABELLED: steps.labelling_decided_on,
            ProjectStatus.FUNDED: steps.funding_decided_on,
            ProjectStatus.NOT_FUNDED: steps.funding_decided_on,
            ProjectStatus.ABANDONED: leading.withdrawn_on,
        }.get(steps.status)
        session.add(
            t.StatusChange(
                project_id=project_id,
                from_status=project.status,
                to_status=steps.status.value,
                step_on=on,
                changed_at=utcnow(),
                changed_by=ctx.user,
                source=ctx.source,
            )
        )
        session.flush()
    return True


def add_committee(
    session: Session, name: str, held_on: date | None, members: str = "", notes: str = ""
) -> int:
    """Writes `committee`."""
    row = {"name": name, "held_on": held_on, "members": members, "notes": notes}
    new_id = t.insert_id(session, t.Committee, row)
    history.record_created(session, "committee", [{"id": new_id, **row}])
    return new_id


# -- conversion per funder and per call ------------------------------------------------------------


def conversion(session: Session, by: str) -> dict[str, Conversion]:
    """Submissions, labelled ones (any endorsing decision) and funded ones, per funder
    (`by="funder"`) or per call (`by="call"`), by name; submissions with no call (or a call
    with no funder) are counted under "". Ordered by submissions, most first."""
    s = t.Submission
    key = t.Funder.name if by == "funder" else t.Call.name
    endorsing = [d.value for d in LabelDecision if d.endorses]
    statement = (
        select(
            key,
            func.count(s.id),
            func.count(s.id).filter(s.label_decision.in_(endorsing)),
            func.count(s.id).filter(s.funder_decision == FunderDecision.FUNDED.value),
        )
        .select_from(s)
        .outerjoin(t.Call, t.Call.id == s.call_id)
        .outerjoin(t.Funder, t.Funder.id == t.Call.funder_id)
        .group_by(key)
    )
    counts: dict[str, list[int]] = {}
    for name, *values in session.execute(statement):
        total = counts.setdefault(name or "", [0, 0, 0])
        for index, value in enumerate(values):
            total[index] += int(value)
    ordered = sorted(counts.items(), key=lambda item: (-item[1][0], item[0]))
    return {name: Conversion(*values) for name, values in ordered}

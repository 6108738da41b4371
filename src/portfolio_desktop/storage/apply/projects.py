"""Writers of projects with their partners, funding lines, domain split and regions; pipeline
moves; evaluations.

A project's change is checked as a whole: the stored record (`repository.load_project`) is
`before`, the record the change leads to is `after`, and `Run.check_project` runs the domain's
invariants over the pair (with the project's evaluations, for conflicts of interest) before a row
is written. Versions implement optimistic concurrency: a write names the version its form showed.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ...domain import rules
from ...domain.model import DomainShare, EvaluationRecord, ProjectRecord
from ...domain.workflow import STEP_DATE_FIELD
from .. import history, money, repository
from .. import tables as t
from ..changes import (
    Action,
    EvaluationChange,
    LineChange,
    PartnerChange,
    ProjectChange,
    SplitChange,
    StatusMove,
)
from ..repository import PROJECT_FIELDS, StaleError, utcnow
from .core import Run, next_version, register

#: The step dates a pipeline move (or its undo) may set.
STEP_DATES = tuple(sorted(set(STEP_DATE_FIELD.values())))


def bump(
    session: Session, model: type[t.Base], row_id: int, expected: int, values: dict[str, Any]
) -> int:
    """Updates a versioned row at the version its writer read; returns the new version."""
    table = t.table_of(model)
    version = next_version(expected)
    result = session.execute(
        update(table)
        .where(table.c.id == row_id, table.c.version == expected)
        .values(version=version, **values)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        current = session.scalar(select(table.c.version).where(table.c.id == row_id))
        raise StaleError(model.__tablename__, row_id, current)
    return version


def _stored(session: Session, project_id: int, expected: int | None) -> ProjectRecord:
    record = repository.load_project(session, project_id)
    if record is None:
        raise StaleError("project", project_id, None)
    if expected is not None and record.version != expected:
        raise StaleError("project", project_id, record.version)
    return record


def _values(record: ProjectRecord) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(record, name) for name in PROJECT_FIELDS}
    values.update(
        rd_carbon=record.assessment.carbon,
        rd_resources=record.assessment.resources,
        rd_recyclability=record.assessment.recyclability,
        rd_energy=record.assessment.energy,
        rd_ethics=record.assessment.ethics,
        updated_at=utcnow(),
    )
    return values


def add_status_change(
    run: Run, project_id: int, before: str | None, after: str, on: date | None, user: str = ""
) -> None:
    run.session.execute(
        t.table_of(t.StatusChange)
        .insert()
        .values(
            project_id=project_id,
            from_status=before,
            to_status=after,
            step_on=on,
            changed_at=utcnow(),
            changed_by=user or run.user,
            source=run.source,
        )
    )
    run.wrote("status_change", project_id)


@register(ProjectChange)
def write_project(run: Run, change: ProjectChange) -> None:
    session = run.session
    record = copy.deepcopy(change.project)
    record.reference = record.reference.strip()
    if change.action is Action.DELETE:
        assert record.id is not None and change.expected_version is not None
        before = change.before or _stored(session, record.id, change.expected_version)
        _delete_project(run, record.id, change.expected_version)
        run.undo_with(ProjectChange(Action.CREATE, before))
        return
    if repository.reference_taken(session, record.cluster_id, record.reference, record.id):
        run.refuse(
            "project",
            record.id,
            [rules.Issue("reference_taken", "reference", {"reference": record.reference})],
        )
        return
    if change.action is Action.CREATE:
        restoring = record.id is not None
        errors, warnings = run.check_project(None, record, evaluations=[])
        if run.refuse("project", record.id, errors):
            return
        values = _values(record)
        values.update(status=record.status.value, created_at=values["updated_at"], version=1)
        if restoring:
            values["id"] = record.id
        project_id = t.insert_id(session, t.Project, values)
        _replace_children(session, project_id, record)
        history.diff_projects(
            session, {}, history.project_states(session, [project_id]), restored=restoring
        )
        if not restoring:
            add_status_change(run, project_id, None, record.status.value, record.submitted_on)
        run.created("project", project_id)
        run.wrote("project", project_id, version=1)
        run.accept("project", project_id, warnings)
        run.touch([project_id])
        saved = copy.deepcopy(record)
        saved.id, saved.version = project_id, 1
        run.undo_with(ProjectChange(Action.DELETE, saved, expected_version=1))
        return
    assert record.id is not None and change.expected_version is not None
    before = _stored(session, record.id, change.expected_version)
    # The form's save leaves the status as stored: a pipeline move is a StatusMove.
    record.status = before.status
    _update_project(run, before, record, change.expected_version)


def _update_project(
    run: Run, before: ProjectRecord, record: ProjectRecord, expected: int
) -> int | None:
    assert record.id is not None
    errors, warnings = run.check_project(before, record)
    if run.refuse("project", record.id, errors):
        return None
    session = run.session
    old_state = history.project_states(session, [record.id])
    values = _values(record)
    values["status"] = record.status.value
    version = bump(session, t.Project, record.id, expected, values)
    _replace_children(session, record.id, record)
    history.diff_projects(session, old_state, history.project_states(session, [record.id]))
    run.wrote("project", record.id, version=version)
    run.accept("project", record.id, warnings)
    run.touch([record.id])
    run.undo_with(ProjectChange(Action.UPDATE, before, expected_version=version))
    return version


def _delete_project(run: Run, project_id: int, expected: int) -> None:
    session = run.session
    before = history.project_states(session, [project_id])
    table = t.table_of(t.Project)
    result = session.execute(
        delete(table).where(table.c.id == project_id, table.c.version == expected)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise StaleError("project", project_id, repository.project_version(session, project_id))
    history.diff_projects(session, before, {})
    run.deleted("project", project_id)
    run.touch([project_id], refresh=False)


def _replace_children(session: Session, project_id: int, record: ProjectRecord) -> None:
    session.execute(delete(t.ProjectRegion).where(t.ProjectRegion.project_id == project_id))
    for region in dict.fromkeys(record.regions):
        session.add(t.ProjectRegion(project_id=project_id, region=region))
    session.execute(delete(t.ProjectDomain).where(t.ProjectDomain.project_id == project_id))
    for share in record.domains:
        session.add(
            t.ProjectDomain(project_id=project_id, domain_id=share.domain_id, percent=share.percent)
        )

    # Partners keep their ids when their organisation stays (history and funding refer to them).
    existing = {
        org_id: pid
        for pid, org_id in session.execute(
            select(t.Participation.id, t.Participation.organisation_id).where(
                t.Participation.project_id == project_id
            )
        )
    }
    kept = {p.organisation_id for p in record.partners}
    removed = [pid for org_id, pid in existing.items() if org_id not in kept]
    if removed:
        session.execute(delete(t.Participation).where(t.Participation.id.in_(removed)))
    for partner in record.partners:
        if partner.organisation_id in existing:
            session.execute(
                update(t.Participation)
                .where(t.Participation.id == existing[partner.organisation_id])
                .values(role=partner.role.value, budget_cents=partner.budget_cents)
            )
        else:
            session.add(
                t.Participation(
                    project_id=project_id,
                    organisation_id=partner.organisation_id,
                    role=partner.role.value,
                    budget_cents=partner.budget_cents,
                )
            )

    line_ids = {line.id for line in record.funding_lines if line.id is not None}
    stale = delete(t.FundingLine).where(t.FundingLine.project_id == project_id)
    if line_ids:
        stale = stale.where(t.FundingLine.id.not_in(line_ids))
    session.execute(stale)
    present = set(
        session.scalars(select(t.FundingLine.id).where(t.FundingLine.project_id == project_id))
    )
    written: list[int] = []
    for line in record.funding_lines:
        values = {
            "funder_id": line.funder_id,
            "instrument": line.instrument.value,
            "beneficiary_id": line.beneficiary_id,
            "requested_cents": line.requested_cents,
            "granted_cents": line.granted_cents,
            "paid_cents": line.paid_cents,
            "decision_on": line.decision_on,
            "granted_override": line.granted_override,
        }
        if line.id is not None and line.id in present:
            session.execute(
                update(t.FundingLine).where(t.FundingLine.id == line.id).values(**values)
            )
            written.append(line.id)
        else:
            if line.id is not None:
                values["id"] = line.id  # restoring a deleted line (undo) under its old id
            written.append(
                t.insert_id(session, t.FundingLine, {"project_id": project_id, **values})
            )
    # The lines' tranches, payments, shares and spread (storage.money writes them); the paid
    # amount written above stands, and the payments are matched to it.
    for line_id, line in zip(written, record.funding_lines, strict=True):
        if line.money is not None:
            money.write_line_money(session, line_id, line.money, paid_from_payments=False)
    money.match_payments_to_paid(session, written)
    session.flush()


# -- one child at a time: a line, a partner, a split ----------------------------------------------


def _child_edit(run: Run, project_id: int) -> tuple[ProjectRecord, ProjectRecord]:
    before = _stored(run.session, project_id, None)
    return before, copy.deepcopy(before)


@register(LineChange)
def write_line(run: Run, change: LineChange) -> None:
    before, after = _child_edit(run, change.project_id)
    line = copy.copy(change.line)
    if change.action is Action.CREATE:
        after.funding_lines.append(line)
    else:
        index = next((i for i, old in enumerate(after.funding_lines) if old.id == line.id), None)
        if index is None:
            raise StaleError("funding_line", line.id or 0, None)
        if change.action is Action.DELETE:
            del after.funding_lines[index]
        else:
            after.funding_lines[index] = line
    _update_project(run, before, after, before.version)


@register(PartnerChange)
def write_partner(run: Run, change: PartnerChange) -> None:
    before, after = _child_edit(run, change.project_id)
    partner = copy.copy(change.partner)
    others = [p for p in after.partners if p.organisation_id != partner.organisation_id]
    if change.before is not None and change.before.organisation_id != partner.organisation_id:
        others = [p for p in others if p.organisation_id != change.before.organisation_id]
    after.partners = others if change.action is Action.DELETE else [*others, partner]
    _update_project(run, before, after, before.version)


@register(SplitChange)
def write_split(run: Run, change: SplitChange) -> None:
    before, after = _child_edit(run, change.project_id)
    after.domains = [DomainShare(s.domain_id, s.percent) for s in change.shares]
    _update_project(run, before, after, before.version)


# -- pipeline moves -------------------------------------------------------------------------------


@register(StatusMove)
def write_status(run: Run, change: StatusMove) -> None:
    before = _stored(run.session, change.project_id, change.expected_version)
    after = copy.deepcopy(before)
    after.status = change.status
    for name, value in change.dates.items():
        setattr(after, name, value)
    errors, warnings = run.check_project(before, after)
    if run.refuse("project", change.project_id, errors):
        return
    values: dict[str, Any] = {"status": change.status.value, "updated_at": utcnow()}
    values.update(change.dates)
    tracked = [c for c in values if c in history.TRACKED["project"]]
    old = history.snapshot(run.session, "project", [change.project_id], tracked)
    version = bump(run.session, t.Project, change.project_id, change.expected_version, values)
    history.diff_rows(
        run.session,
        "project",
        old,
        {pid: {**row, **{c: values[c] for c in tracked}} for pid, row in old.items()},
    )
    add_status_change(
        run,
        change.project_id,
        before.status.value,
        change.status.value,
        change.step_on,
        change.user,
    )
    run.wrote("project", change.project_id, version=version)
    run.accept("project", change.project_id, warnings)
    run.touch([change.project_id])
    run.undo_with(
        StatusMove(
            change.project_id,
            version,
            before.status,
            {name: getattr(before, name) for name in STEP_DATES},
        )
    )


# -- evaluations ----------------------------------------------------------------------------------


def _evaluation_values(record: EvaluationRecord) -> dict[str, Any]:
    return {
        "expert_id": record.expert_id,
        "evaluated_on": record.evaluated_on,
        "score_innovation": record.score_innovation,
        "score_consortium": record.score_consortium,
        "score_impact": record.score_impact,
        "score_feasibility": record.score_feasibility,
        "opinion": record.opinion,
        "recommendation": record.recommendation.value if record.recommendation else None,
    }


def _scores(record: EvaluationRecord) -> Sequence[int | None]:
    return [
        record.score_innovation,
        record.score_consortium,
        record.score_impact,
        record.score_feasibility,
    ]


@register(EvaluationChange)
def write_evaluation(run: Run, change: EvaluationChange) -> None:
    session = run.session
    record = change.evaluation
    stored = repository.load_evaluations(session, change.project_id)
    previous = next((e for e in stored if record.id is not None and e.id == record.id), None)
    if change.action is Action.DELETE:
        if previous is None:
            return
        history.record_deleted(session, "evaluation", [previous.id or 0])
        session.execute(delete(t.Evaluation).where(t.Evaluation.id == previous.id))
        run.deleted("evaluation", previous.id or 0)
        run.touch([change.project_id], refresh=False)
        run.undo_with(EvaluationChange(Action.CREATE, change.project_id, previous))
        return
    after = [e for e in stored if previous is None or e.id != previous.id] + [record]
    project = _stored(session, change.project_id, None)
    context_ties = {e.expert_id: repository.expert_ties(session, e.expert_id) for e in after}
    issues = rules.check_evaluation_scores(_scores(record))
    issues += rules.check_evaluations(
        after,
        context_ties,
        [p.organisation_id for p in project.partners],
        {p.organisation_id: p.organisation_name for p in project.partners},
    )
    if run.refuse("evaluation", record.id, issues):
        return
    values = _evaluation_values(record)
    if previous is not None:
        assert record.id is not None
        history.record_update_rows(session, "evaluation", [{"id": record.id, **values}])
        session.execute(update(t.Evaluation).where(t.Evaluation.id == record.id).values(**values))
        run.wrote("evaluation", record.id)
        run.undo_with(EvaluationChange(Action.UPDATE, change.project_id, previous, record))
        run.touch([change.project_id], refresh=False)
        return
    restored = record.id is not None
    if restored:
        values["id"] = record.id
    new_id = t.insert_id(session, t.Evaluation, {"project_id": change.project_id, **values})
    history.diff_rows(
        session,
        "evaluation",
        {},
        {new_id: {"project_id": change.project_id, **values}},
        restored=restored,
    )
    run.created("evaluation", new_id)
    run.touch([change.project_id], refresh=False)
    saved = copy.copy(record)
    saved.id = new_id
    run.undo_with(EvaluationChange(Action.DELETE, change.project_id, saved))

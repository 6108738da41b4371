"""Editing the portfolio: projects with their partners, funding and domains; the pipeline; evaluations.

Every use case checks the form's rules (`domain.rules`) first, then builds a change set that
`storage.apply` writes in one unit of work, with the portfolio's invariants, the history and the
summaries. A rule broken raises `RuleViolation` (`ChangeRefused` for an invariant, with every
issue found); a record changed elsewhere raises `StaleRecordError`.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..domain import rules
from ..domain.enums import ProjectStatus
from ..domain.model import EvaluationRecord, ProjectRecord
from ..domain.rules import Issue, RuleViolation
from ..domain.workflow import STEP_DATE_FIELD
from ..errors import KnownError
from ..storage import apply as write
from ..storage import repository
from ..storage.apply import Applied as Applied  # what the desktop's undo commands hold
from ..storage.changes import (
    Action,
    Change,
    ChangeSet,
    EvaluationChange,
    ProjectChange,
    StatusMove,
)
from ..storage.changes import Source as Source  # the desktop's undo names the redo's source
from ..storage.database import Database
from ..storage.repository import StaleError


class StaleRecordError(KnownError):
    """Someone else saved this record since the form was opened; nothing was overwritten."""

    code = "stale_record"


class NotFoundError(KnownError):
    code = "not_found"


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


@dataclass(frozen=True, slots=True)
class Saved:
    """Where a save left the record: its id and its new version, and what the save changed
    (`applied.inverse()` undoes it)."""

    id: int
    version: int
    applied: Applied | None = None


def _stale(error: StaleError) -> StaleRecordError:
    if error.current_version is None:
        return StaleRecordError("not_found", table=error.table, id=error.row_id)
    return StaleRecordError(
        table=error.table, id=error.row_id, current_version=error.current_version
    )


def validate_project(db: Database, record: ProjectRecord) -> list[Issue]:
    """The rules of the editor's form, including those that need the database (a reference
    already taken). The invariants of the whole change are checked again when it is applied."""
    issues = rules.check_project(record)
    with db.read() as session:
        if record.reference.strip() and repository.reference_taken(
            session, record.cluster_id, record.reference.strip(), record.id
        ):
            issues.append(Issue("reference_taken", "reference", {"reference": record.reference}))
    return issues


def load_project(db: Database, project_id: int) -> ProjectRecord:
    with db.read() as session:
        record = repository.load_project(session, project_id)
    if record is None:
        raise NotFoundError(id=project_id)
    return record


def apply_changes(db: Database, changes: ChangeSet, *, today: date | None = None) -> Applied:
    """Applies a change set in one unit of work (an undo's inverse, a form's save)."""
    try:
        with db.write(source=changes.label or changes.source.value, user=changes.user) as session:
            return write.apply(session, changes, today=today)
    except StaleError as error:
        raise _stale(error) from error


def _changes(source: str, *changes: Change, user: str | None = None) -> ChangeSet:
    """A change set from a source named by the caller (form, undo…; any other name is kept as
    the history's source, as a script's would be)."""
    if source in Source._value2member_map_:
        return ChangeSet(Source(source), changes, user)
    return ChangeSet(Source.FORM, changes, user, label=source)


def _saved(applied: Applied, project_id: int) -> Saved:
    return Saved(project_id, applied.version_of("project", project_id) or 0, applied)


def create_project(
    db: Database, record: ProjectRecord, *, user: str | None = None, source: str = "form"
) -> Saved:
    """Creates a project (status as given: draft from the form, any from an import)."""
    record.reference = record.reference.strip()
    issues = validate_project(db, record)
    if issues:
        raise RuleViolation(issues)
    applied = apply_changes(
        db,
        _changes(
            source,
            ProjectChange(Action.CREATE, record),
            user=user if user is not None else current_user(),
        ),
    )
    return _saved(applied, applied.first_created("project"))


def update_project(
    db: Database, record: ProjectRecord, *, expected_version: int, source: str = "form"
) -> Saved:
    """Saves the form's fields, partners, funding lines and domains; the status is not changed here
    (the pipeline buttons call `transition`). `source` names the change in the history (form,
    undo…)."""
    assert record.id is not None
    record.reference = record.reference.strip()
    issues = validate_project(db, record)
    if issues:
        raise RuleViolation(issues)
    applied = apply_changes(
        db,
        _changes(source, ProjectChange(Action.UPDATE, record, expected_version=expected_version)),
    )
    return _saved(applied, record.id)


def restore_project(db: Database, record: ProjectRecord) -> Saved:
    """Puts back a deleted project under its old id and status (undo of a deletion)."""
    assert record.id is not None
    applied = apply_changes(db, ChangeSet.of(Source.UNDO, ProjectChange(Action.CREATE, record)))
    return _saved(applied, record.id)


def delete_project(
    db: Database, project_id: int, *, expected_version: int, source: str = "form"
) -> Applied:
    with db.read() as session:
        record = repository.load_project(session, project_id)
    if record is None:
        raise StaleRecordError("not_found", table="project", id=project_id)
    return apply_changes(
        db,
        _changes(source, ProjectChange(Action.DELETE, record, expected_version=expected_version)),
    )


def transition(
    db: Database,
    project_id: int,
    target: ProjectStatus,
    *,
    on: date | None = None,
    expected_version: int,
    user: str | None = None,
    source: str = "form",
) -> Saved:
    """Moves a project one step along the pipeline and stamps that step's date."""
    on = on or date.today()
    record = load_project(db, project_id)
    issues = rules.check_transition(record.status, target)
    field = STEP_DATE_FIELD.get(target)
    if not issues and field is not None:
        setattr(record, field, on)
        issues = [
            i
            for i in rules.check_dates(record)
            if i.field == field or i.params.get("other") == field
        ]
    if issues:
        raise RuleViolation(issues)
    move = StatusMove(
        project_id,
        expected_version,
        target,
        {field: on} if field is not None else {},
        on,
        user if user is not None else current_user(),
    )
    applied = apply_changes(db, _changes(source, move, user=user))
    return _saved(applied, project_id)


def revert_transition(
    db: Database,
    project_id: int,
    previous: ProjectRecord,
    *,
    expected_version: int,
    user: str | None = None,
) -> Saved:
    """Undo of a pipeline step: puts back the previous status and step dates, and records it."""
    dates = {name: getattr(previous, name) for name in sorted(set(STEP_DATE_FIELD.values()))}
    move = StatusMove(
        project_id,
        expected_version,
        previous.status,
        dates,
        None,
        user if user is not None else current_user(),
    )
    applied = apply_changes(db, ChangeSet.of(Source.UNDO, move, user=user))
    return _saved(applied, project_id)


def status_history(db: Database, project_id: int) -> list[dict[str, Any]]:
    with db.read() as session:
        return repository.status_history(session, project_id)


def evaluations(db: Database, project_id: int) -> list[EvaluationRecord]:
    with db.read() as session:
        return repository.load_evaluations(session, project_id)


def save_evaluation(db: Database, project_id: int, record: EvaluationRecord) -> int:
    """Adds or updates an evaluation; refuses scores out of range, a second evaluation by the
    same expert and conflicts of interest."""
    action = Action.UPDATE if record.id is not None else Action.CREATE
    applied = apply_changes(
        db, ChangeSet.of(Source.FORM, EvaluationChange(action, project_id, record))
    )
    created = applied.created.get("evaluation")
    return created[0] if created else int(record.id or 0)


def delete_evaluation(db: Database, evaluation_id: int) -> None:
    with db.read() as session:
        project_id = repository.evaluation_project(session, evaluation_id)
    if project_id is None:
        return
    apply_changes(
        db,
        ChangeSet.of(
            Source.FORM,
            EvaluationChange(
                Action.DELETE, project_id, EvaluationRecord(expert_id=0, id=evaluation_id)
            ),
        ),
    )

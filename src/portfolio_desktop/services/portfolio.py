"""Editing the portfolio: projects with their partners, funding and domains; the pipeline; evaluations.

Every use case validates with `domain.rules` first and writes in one unit of work, then refreshes
the project's summary columns in that same unit of work. A rule broken raises `RuleViolation`
(with every issue found); a record changed elsewhere raises `StaleRecordError`.
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
from ..storage import repository
from ..storage.database import Database
from ..storage.repository import StaleError
from ..storage.summaries import refresh_projects


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
    """Where a save left the record: its id and its new version."""

    id: int
    version: int


def _stale(error: StaleError) -> StaleRecordError:
    if error.current_version is None:
        return StaleRecordError("not_found", table=error.table, id=error.row_id)
    return StaleRecordError(
        table=error.table, id=error.row_id, current_version=error.current_version
    )


def validate_project(db: Database, record: ProjectRecord) -> list[Issue]:
    """All rule issues, including those that need the database (a reference already taken)."""
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


def create_project(
    db: Database, record: ProjectRecord, *, user: str | None = None, source: str = "form"
) -> Saved:
    """Creates a project (status as given: draft from the form, any from an import)."""
    record.reference = record.reference.strip()
    issues = validate_project(db, record)
    if issues:
        raise RuleViolation(issues)
    with db.write(source=source, user=user) as session:
        project_id, version = repository.write_project(session, record, expected_version=None)
        repository.add_status_change(
            session,
            project_id,
            None,
            record.status.value,
            record.submitted_on,
            user if user is not None else current_user(),
            source,
        )
        refresh_projects(session, [project_id])
    return Saved(project_id, version)


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
    try:
        with db.write(source=source) as session:
            project_id, version = repository.write_project(
                session, record, expected_version=expected_version
            )
            refresh_projects(session, [project_id])
    except StaleError as error:
        raise _stale(error) from error
    return Saved(project_id, version)


def restore_project(db: Database, record: ProjectRecord) -> Saved:
    """Puts back a deleted project under its old id and status (undo of a deletion)."""
    assert record.id is not None
    with db.write(source="undo") as session:
        project_id, version = repository.write_project(
            session, record, expected_version=None, status=record.status
        )
        refresh_projects(session, [project_id])
    return Saved(project_id, version)


def delete_project(
    db: Database, project_id: int, *, expected_version: int, source: str = "form"
) -> None:
    try:
        with db.write(source=source) as session:
            repository.delete_project(session, project_id, expected_version)
    except StaleError as error:
        raise _stale(error) from error


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
    try:
        with db.write(source=source, user=user) as session:
            version = repository.set_status(
                session, project_id, expected_version, target, field, on
            )
            repository.add_status_change(
                session,
                project_id,
                record.status.value,
                target.value,
                on,
                user if user is not None else current_user(),
                source,
            )
    except StaleError as error:
        raise _stale(error) from error
    return Saved(project_id, version)


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
    try:
        with db.write(source="undo", user=user) as session:
            current = repository.project_version(session, project_id)
            record = repository.load_project(session, project_id)
            if current is None or record is None:
                raise StaleError("project", project_id, None)
            version = repository.set_status(
                session, project_id, expected_version, previous.status, None, None, dates=dates
            )
            repository.add_status_change(
                session,
                project_id,
                record.status.value,
                previous.status.value,
                None,
                user if user is not None else current_user(),
                "undo",
            )
    except StaleError as error:
        raise _stale(error) from error
    return Saved(project_id, version)


def status_history(db: Database, project_id: int) -> list[dict[str, Any]]:
    with db.read() as session:
        return repository.status_history(session, project_id)


def evaluations(db: Database, project_id: int) -> list[EvaluationRecord]:
    with db.read() as session:
        return repository.load_evaluations(session, project_id)


def save_evaluation(db: Database, project_id: int, record: EvaluationRecord) -> int:
    """Adds or updates an evaluation; refuses scores out of range and conflicts of interest."""
    issues = rules.check_evaluation_scores(
        [
            record.score_innovation,
            record.score_consortium,
            record.score_impact,
            record.score_feasibility,
        ]
    )
    with db.write() as session:
        issues += rules.check_conflict_of_interest(
            repository.expert_ties(session, record.expert_id),
            repository.project_organisations(session, project_id),
        )
        if issues:
            raise RuleViolation(issues)
        return repository.write_evaluation(session, project_id, record)


def delete_evaluation(db: Database, evaluation_id: int) -> None:
    with db.write() as session:
        repository.delete_evaluation(session, evaluation_id)

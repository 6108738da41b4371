"""The apply loop: a change set in, one writer per kind of change, `Applied` out.

Writers are registered per change type (`register`); each checks its change against the domain's
invariants, writes its rows (real ids, versions bumped, change history, status history), and says
what it changed and how to undo it on the `Run`. Errors refuse the whole change set: `apply`
raises `ChangeRefused` and the caller's unit of work rolls back, so nothing is written. Warnings
are returned in `Applied` and recorded in the change history as accepted.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session

from ...domain import rules
from ...domain.model import EvaluationRecord, ProjectRecord
from ...domain.rules import Issue, RuleViolation
from .. import history, reference, repository
from ..changes import Change, ChangeSet, Source
from ..summaries import refresh_projects


class ProgressLike(Protocol):
    """What `services.progress.Progress` offers (storage does not import services)."""

    def report(self, fraction: float, message: str = "") -> None: ...

    def check(self) -> None: ...


class ChangeRefused(RuleViolation):
    """A change set broke an invariant (errors); nothing of it was written.

    `issues` are the errors (`Issue.code` a message code); `where` names the row of each."""

    def __init__(self, issues: Sequence[Issue], where: Sequence[tuple[str, int | None]]) -> None:
        super().__init__(issues)
        self.where = list(where)


@dataclass(slots=True)
class Applied:
    """What a change set did: what screens read to redraw, and how to undo it.

    `ids` maps (table, provisional id) to the real id given; `versions` the version each
    versioned row has now; `projects` the projects whose data changed (their summaries were
    refreshed); `warnings` the accepted warnings, (table, row id, issue)."""

    source: Source
    ids: dict[tuple[str, int], int] = field(default_factory=dict)
    versions: dict[tuple[str, int], int] = field(default_factory=dict)
    projects: set[int] = field(default_factory=set)
    tables: set[str] = field(default_factory=set)
    created: dict[str, list[int]] = field(default_factory=dict)
    deleted: dict[str, list[int]] = field(default_factory=dict)
    warnings: list[tuple[str, int, Issue]] = field(default_factory=list)
    #: what the writers returned that is not a row (an import's batch id, a merge's snapshot)
    results: list[Any] = field(default_factory=list)
    undo: list[Change] = field(default_factory=list)

    def inverse(self, source: Source = Source.UNDO) -> ChangeSet:
        """The change set that puts back what this one changed (an undo; the inverse of an
        undo's `Applied` is the redo, from the source of the change it redoes)."""
        return ChangeSet(source, tuple(reversed(self.undo)))

    def id_of(self, table: str, provisional: int) -> int:
        return self.ids.get((table, provisional), provisional)

    def version_of(self, table: str, row_id: int) -> int | None:
        return self.versions.get((table, row_id))

    def first_created(self, table: str) -> int:
        return self.created[table][0]


@dataclass(slots=True)
class Run:
    """One `apply`: the unit of work's session and what the writers found so far."""

    session: Session
    changes: ChangeSet
    today: date
    progress: ProgressLike | None
    applied: Applied
    errors: list[tuple[str, int | None, Issue]] = field(default_factory=list)
    #: projects whose summaries are recomputed once, at the end
    refresh: set[int] = field(default_factory=set)

    @property
    def user(self) -> str:
        return history.context(self.session).user

    @property
    def source(self) -> str:
        return self.changes.source.value

    def wrote(self, table: str, row_id: int, *, version: int | None = None) -> None:
        self.applied.tables.add(table)
        if version is not None:
            self.applied.versions[(table, row_id)] = version

    def created(self, table: str, row_id: int) -> None:
        self.applied.created.setdefault(table, []).append(row_id)
        self.applied.tables.add(table)

    def deleted(self, table: str, row_id: int) -> None:
        self.applied.deleted.setdefault(table, []).append(row_id)
        self.applied.tables.add(table)

    def touch(self, project_ids: Iterable[int], *, refresh: bool = True) -> None:
        ids = set(project_ids)
        self.applied.projects |= ids
        if refresh:
            self.refresh |= ids

    def undo_with(self, change: Change) -> None:
        self.applied.undo.append(change)

    def refuse(self, table: str, row_id: int | None, issues: Iterable[Issue]) -> bool:
        """Keeps the errors among `issues`; True when there were some (the writer stops)."""
        found = [(table, row_id, i) for i in issues if i.is_error]
        self.errors += found
        return bool(found)

    def accept(self, table: str, row_id: int, issues: Iterable[Issue]) -> None:
        """Warnings the change carries: returned, and recorded in the history as accepted."""
        found = [i for i in issues if not i.is_error]
        if not found:
            return
        self.applied.warnings += [(table, row_id, i) for i in found]
        history.record_accepted(self.session, table, row_id, found)

    def check_project(
        self,
        before: ProjectRecord | None,
        after: ProjectRecord,
        *,
        evaluations: Sequence[EvaluationRecord] | None = None,
    ) -> tuple[list[Issue], list[Issue]]:
        """The invariants over a project's change: (errors that refuse it, warnings).

        An error the project already had before the change does not refuse it (editing the title
        of a project imported with a broken rule stays possible; `check` lists it): a change may
        not *introduce* a violation. Its evaluations and their experts' ties are read here when
        not given, so that conflicts of interest are checked whenever the partners change."""
        if evaluations is None:
            evaluations = (
                repository.load_evaluations(self.session, after.id)
                if after.id is not None and after.id > 0
                else []
            )
        context = rules.ProjectContext(
            evaluations=evaluations,
            expert_ties={
                e.expert_id: repository.expert_ties(self.session, e.expert_id) for e in evaluations
            },
            domain_poles=reference.domain_poles(self.session),
        )
        return rules.split_change(before, after, today=self.today, context=context)


def next_version(version: int) -> int:
    """The version a row written at `version` gets (the one place versions are bumped)."""
    return version + 1


ChangeT = TypeVar("ChangeT")
Writer = Callable[[Run, Any], None]

#: change type → the function that writes it (see `register`).
WRITERS: dict[type, Writer] = {}


def register(kind: type[ChangeT]) -> Callable[[Callable[[Run, ChangeT], None]], Writer]:
    """Declares the writer of a kind of change: `@register(MyChange) def write(run, change)`."""

    def decorate(writer: Callable[[Run, ChangeT], None]) -> Writer:
        WRITERS[kind] = writer
        return writer

    return decorate


def apply(
    session: Session,
    changes: ChangeSet,
    *,
    today: date | None = None,
    progress: ProgressLike | None = None,
) -> Applied:
    """Writes a change set in the caller's unit of work, all of it or (on `ChangeRefused`, or any
    exception) none of it once the unit of work rolls back."""
    if changes.label or changes.source is not Source.FORM:
        history.set_source(session, changes.label or changes.source.value, changes.user)
    elif changes.user is not None:
        history.set_source(session, history.context(session).source, changes.user)
    run = Run(session, changes, today or date.today(), progress, Applied(changes.source))
    for change in changes.changes:
        writer = WRITERS.get(type(change))
        if writer is None:
            raise TypeError(f"no writer for {type(change).__name__}")
        writer(run, copy.copy(change))
        if run.errors:
            break
    if run.errors:
        raise ChangeRefused([i for _t, _r, i in run.errors], [(t, r) for t, r, _i in run.errors])
    if run.refresh:
        refresh_projects(session, sorted(run.refresh))
    session.flush()
    return run.applied

"""Undo and redo for every edit of a session (QUndoStack).

Each command holds two plain functions, forward and backward, run by the context's writer (one
at a time, in order, off the GUI thread). The functions keep what the next one needs (a new id, the
version just written) in the command's `state`, inside the worker, so that a quick undo after a
save still sees the version that save wrote.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from ..domain.enums import ProjectStatus
from ..domain.financing import AidRateRule
from ..domain.model import OrganisationRecord, ProjectRecord
from ..services import clusters, portfolio, reference
from ..services.portfolio import Applied, Source
from .context import AppContext, Scope

Step = Callable[[dict[str, Any]], Any]


class WriteCommand(QUndoCommand):
    """A reversible edit. `applied=True` when the first forward step already ran (a form save)."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        forward: Step,
        backward: Step,
        *,
        scope: Scope,
        state: dict[str, Any] | None = None,
        applied: bool = False,
    ) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.forward = forward
        self.backward = backward
        self.scope = scope
        self.state: dict[str, Any] = state if state is not None else {}
        self._skip = applied

    def _ids(self) -> list[int]:
        return [self.state["id"]] if "id" in self.state else []

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        db = self.ctx.db
        self.ctx.write(self.forward, self.state, scope=self.scope, ids=self._ids()) if db else None

    def undo(self) -> None:
        if self.ctx.db is not None:
            self.ctx.write(self.backward, self.state, scope=self.scope, ids=self._ids())


# -- projects -------------------------------------------------------------------------------------
#
# A project command keeps the `Applied` of its last step in `state["applied"]`: undo applies its
# inverse, and the inverse of that undo is the redo (storage.apply checks both like any write).


def _flip(db: Any, state: dict[str, Any], source: Source) -> None:
    """Applies the inverse of the last step; keeps what it did for the next flip."""
    applied = portfolio.apply_changes(db, state["applied"].inverse(source))
    state["applied"] = applied
    version = applied.version_of("project", state["id"]) if "id" in state else None
    if version is not None:
        state["version"] = version


def _applied_command(
    ctx: AppContext,
    text: str,
    first: Step,
    *,
    scope: Scope,
    state: dict[str, Any] | None = None,
    applied: bool = False,
) -> WriteCommand:
    """A command whose first step (`first`) leaves its `Applied` in the state: undo applies its
    inverse, redo the inverse of that undo, and so on (`_flip`)."""
    db = ctx.db
    assert db is not None

    def forward(state: dict[str, Any]) -> None:
        if "applied" in state:
            _flip(db, state, Source.FORM)
        else:
            first(state)

    return WriteCommand(
        ctx,
        text,
        forward,
        lambda s: _flip(db, s, Source.UNDO),
        scope=scope,
        state=state,
        applied=applied,
    )


def create_project(ctx: AppContext, record: ProjectRecord, text: str) -> WriteCommand:
    """Creating a project: undo deletes it, redo puts it back under the same id."""
    db = ctx.db
    assert db is not None

    def first(state: dict[str, Any]) -> None:
        saved = portfolio.create_project(db, copy.deepcopy(record))
        state.update(id=saved.id, version=saved.version, applied=saved.applied)

    return _applied_command(ctx, text, first, scope=Scope.PROJECTS)


def update_project(
    ctx: AppContext,
    before: ProjectRecord,
    after: ProjectRecord,
    text: str,
    *,
    saved_version: int | None = None,
    applied: Applied | None = None,
) -> WriteCommand:
    """Saving the editor: undo applies the save's inverse (the fields as they were, at the
    version saved). `applied` is the save's, when the editor already wrote it."""
    db = ctx.db
    assert db is not None and before.id is not None

    def first(state: dict[str, Any]) -> None:
        target = copy.deepcopy(after)
        target.id = state["id"]
        target.funding_lines = [copy.copy(line) for line in target.funding_lines]
        saved = portfolio.update_project(db, target, expected_version=state["version"])
        state.update(version=saved.version, applied=saved.applied)

    state: dict[str, Any] = {
        "id": before.id,
        "version": before.version if saved_version is None else saved_version,
    }
    if applied is not None:
        state["applied"] = applied
    return _applied_command(
        ctx, text, first, scope=Scope.PROJECTS, state=state, applied=saved_version is not None
    )


def delete_project(ctx: AppContext, project_id: int, version: int, text: str) -> WriteCommand:
    db = ctx.db
    assert db is not None

    def first(state: dict[str, Any]) -> None:
        state["applied"] = portfolio.delete_project(
            db, state["id"], expected_version=state["version"]
        )

    return _applied_command(
        ctx, text, first, scope=Scope.PROJECTS, state={"id": project_id, "version": version}
    )


def transition(
    ctx: AppContext, project_id: int, version: int, target: ProjectStatus, on: Any, text: str
) -> WriteCommand:
    """A pipeline step: undo puts back the previous status and step dates."""
    db = ctx.db
    assert db is not None

    def first(state: dict[str, Any]) -> None:
        saved = portfolio.transition(
            db, state["id"], target, on=on, expected_version=state["version"]
        )
        state.update(version=saved.version, applied=saved.applied)

    return _applied_command(
        ctx, text, first, scope=Scope.PROJECTS, state={"id": project_id, "version": version}
    )


# -- organisations and reference data ---------------------------------------------------------------


def save_organisation(
    ctx: AppContext, before: OrganisationRecord | None, after: OrganisationRecord, text: str
) -> WriteCommand:
    """Creating (before None) or editing an organisation."""
    db = ctx.db
    assert db is not None

    def forward(state: dict[str, Any]) -> None:
        record = copy.deepcopy(after)
        if "id" in state:
            record.id = state["id"]
        saved = reference.save_organisation(db, record, expected_version=state.get("version"))
        state.update(id=saved.id, version=saved.version)

    def backward(state: dict[str, Any]) -> None:
        if before is None:
            reference.delete_organisation(db, state["id"])
            state.pop("version", None)
            return
        saved = reference.save_organisation(
            db, copy.deepcopy(before), expected_version=state["version"]
        )
        state["version"] = saved.version

    state: dict[str, Any] = {}
    if before is not None:
        state = {"id": before.id, "version": before.version}
    return WriteCommand(ctx, text, forward, backward, scope=Scope.ORGANISATIONS, state=state)


def merge_organisations(
    ctx: AppContext, keep_id: int, merged_ids: list[int], text: str
) -> WriteCommand:
    """Merging duplicates; undo restores the merged organisations and every link they had."""
    db = ctx.db
    assert db is not None

    def forward(state: dict[str, Any]) -> None:
        state["snapshot"] = reference.merge_organisations(db, keep_id, merged_ids)

    def backward(state: dict[str, Any]) -> None:
        reference.unmerge_organisations(db, state["snapshot"])

    return WriteCommand(ctx, text, forward, backward, scope=Scope.ORGANISATIONS)


def save_reference(
    ctx: AppContext,
    table: str,
    save: Callable[[int | None], int],
    restore: Callable[[int], Any] | None,
    row_id: int | None,
    text: str,
) -> WriteCommand:
    """Funders, calls, domains, experts: `save(row_id)` writes the new values and returns the id;
    `restore(row_id)` writes the old ones back (None when the row was new: undo deletes it)."""
    db = ctx.db
    assert db is not None

    def forward(state: dict[str, Any]) -> None:
        state["id"] = save(state.get("id"))

    def backward(state: dict[str, Any]) -> None:
        if restore is None:
            reference.delete_reference(db, table, state["id"])
        else:
            restore(state["id"])

    state: dict[str, Any] = {"id": row_id} if row_id is not None else {}
    return WriteCommand(ctx, text, forward, backward, scope=Scope.of_table(table), state=state)


# -- reference data -- (issue 3: the organisations, funders & calls, domains and experts screens)


def push_when_written(
    ctx: AppContext,
    command: WriteCommand,
    *,
    on_done: Callable[[dict[str, Any]], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Runs a new command's first step in the writer; it goes on the undo stack only once written.

    A refused edit (a rule, a record in use, a locked database) thus leaves no undo entry behind.
    """

    def first(state: dict[str, Any]) -> dict[str, Any]:
        command.forward(state)
        return state

    def done(state: dict[str, Any]) -> None:
        command._skip = True
        ctx.undo_stack.push(command)
        if on_done is not None:
            on_done(state)

    ctx.write(
        first,
        command.state,
        scope=command.scope,
        ids=command._ids(),
        on_done=done,
        on_error=on_error,
    )


def remove_organisations(ctx: AppContext, ids: list[int], text: str) -> WriteCommand:
    """Deleting unused organisations, all or none; undo restores them with their expert ties."""
    db = ctx.db
    assert db is not None

    def forward(state: dict[str, Any]) -> None:
        state["removed"] = reference.remove_organisations(db, ids)

    def backward(state: dict[str, Any]) -> None:
        reference.restore_organisations(db, state["removed"])

    return WriteCommand(ctx, text, forward, backward, scope=Scope.ORGANISATIONS)


def remove_reference(ctx: AppContext, table: str, row_id: int, text: str) -> WriteCommand:
    """Deleting an unused funder, call, domain or expert; undo restores it, links included."""
    db = ctx.db
    assert db is not None

    def forward(state: dict[str, Any]) -> None:
        state["snapshot"] = reference.remove_reference(db, table, state["id"])

    def backward(state: dict[str, Any]) -> None:
        reference.restore_reference(db, state["snapshot"])

    return WriteCommand(
        ctx, text, forward, backward, scope=Scope.of_table(table), state={"id": row_id}
    )


def reorder_domains(
    ctx: AppContext, before: list[int], after: list[int], text: str
) -> WriteCommand:
    """Moving a domain up or down the list; undo puts the previous order back."""
    db = ctx.db
    assert db is not None
    return WriteCommand(
        ctx,
        text,
        lambda _state: reference.reorder_domains(db, after),
        lambda _state: reference.reorder_domains(db, before),
        scope=Scope.DOMAINS,
    )


# -- poles (the national view) ---------------------------------------------------------------------
#
# A pole command keeps the `Applied` of its last step, like a project's: undo applies its inverse
# (storage.apply checks it: a code taken meanwhile is refused in words), redo the inverse of that.


def save_cluster(
    ctx: AppContext,
    cluster_id: int | None,
    code: str,
    name: str,
    regions: str,
    text: str,
) -> WriteCommand:
    """Creating (`cluster_id` None) or editing a pole; undo deletes the new pole (refused once
    projects joined it) or puts back its code, name and regions."""
    db = ctx.db
    assert db is not None

    def first(state: dict[str, Any]) -> None:
        edit = clusters.save_cluster(db, state.get("id"), code, name, regions)
        state.update(id=edit.id, applied=edit.applied)

    state: dict[str, Any] = {"id": cluster_id} if cluster_id is not None else {}
    return _applied_command(ctx, text, first, scope=Scope.CLUSTERS, state=state)


def merge_clusters(ctx: AppContext, keep_id: int, merged_id: int, text: str) -> WriteCommand:
    """Merging a pole into another; undo brings the merged pole back under its id, with its code,
    name and regions, and moves its projects back to it.

    Redo merges again, checked again (a project given a clashing reference meanwhile refuses
    it), rather than replaying the first merge's moves."""
    db = ctx.db
    assert db is not None

    def forward(state: dict[str, Any]) -> None:
        edit = clusters.merge(db, keep_id, merged_id)
        state.update(id=keep_id, applied=edit.applied, moved=edit.moved)

    return WriteCommand(
        ctx, text, forward, lambda s: _flip(db, s, Source.UNDO), scope=Scope.CLUSTERS
    )


def remove_cluster(ctx: AppContext, cluster_id: int, text: str) -> WriteCommand:
    """Deleting a pole that holds no project; undo puts it back under its id."""
    db = ctx.db
    assert db is not None

    def first(state: dict[str, Any]) -> None:
        state["applied"] = clusters.delete_cluster(db, state["id"]).applied

    return _applied_command(ctx, text, first, scope=Scope.CLUSTERS, state={"id": cluster_id})


# -- aid-rate rules -- (issue 14: entered on the Funders & calls screen)
#
# Like a project command, a rule command keeps the `Applied` of its last step: undo applies its
# inverse, redo the inverse of that undo (storage.apply checks both like any write).


def save_rule(ctx: AppContext, rule_id: int | None, rule: AidRateRule, text: str) -> WriteCommand:
    """Creating (`rule_id` None) or editing an aid-rate rule; undo deletes the new rule or puts
    the old values back."""
    db = ctx.db
    assert db is not None

    def first(state: dict[str, Any]) -> None:
        saved = reference.save_rule(db, state.get("id"), rule)
        state.update(id=saved.id, applied=saved.applied)

    state: dict[str, Any] = {"id": rule_id} if rule_id is not None else {}
    return _applied_command(ctx, text, first, scope=Scope.RULES, state=state)


def remove_rule(ctx: AppContext, rule_id: int, text: str) -> WriteCommand:
    """Deleting an aid-rate rule; undo puts it back under its id."""
    db = ctx.db
    assert db is not None

    def first(state: dict[str, Any]) -> None:
        state["applied"] = reference.remove_rule(db, rule_id)

    return _applied_command(ctx, text, first, scope=Scope.RULES, state={"id": rule_id})

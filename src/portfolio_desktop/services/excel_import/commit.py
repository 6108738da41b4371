"""Carrying out an import plan, and undoing a whole batch, through the one write path.

The plan becomes one `ImportBatch` change (with the warnings the preview showed and the user
accepted by committing); `storage.apply` writes it in bulk under an `import_batch`, in the
caller's unit of work. Undoing a batch is an `UndoImport` change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...storage import apply as write
from ...storage.apply import UndoRefusedError
from ...storage.apply.follow_up import write_follow_up
from ...storage.changes import ChangeSet, ImportBatch, Source, UndoImport
from ...storage.database import Database
from ..progress import Progress
from .plan import ImportPlan

__all__ = ["UndoRefusedError", "undo_import", "write_plan"]


def write_plan(
    session: Any,
    plan: ImportPlan,
    *,
    user: str,
    file_name: str,
    progress: Progress | None = None,
) -> int:
    """Writes what the plan creates and updates; returns the batch id."""

    # The experts, evaluations, committees, submissions and follow-up sheets are written in the
    # same transaction, once the projects they name have their ids.
    def follow_up(session: Any, batch_id: int, real: Callable[[str, Any], Any]) -> None:
        write_follow_up(session, plan.follow_up, batch_id, real)

    change = ImportBatch(plan, file_name, user, tuple(plan.warnings), (follow_up,))
    applied = write.apply(
        session, ChangeSet(Source.IMPORT, (change,), user or None), progress=progress
    )
    return int(applied.results[0])


def undo_import(db: Database, batch_id: int, *, progress: Progress | None = None) -> dict[str, int]:
    """Undoes a whole import batch: rows it created are deleted (reference rows only when nothing
    else uses them), rows it updated get their previous values back. Refused when a later batch
    touched the same rows or a record was edited since."""
    with db.write(source=f"undo-import:{batch_id}") as session:
        applied = write.apply(
            session,
            ChangeSet(Source.UNDO_IMPORT, (UndoImport(batch_id),), label=f"undo-import:{batch_id}"),
            progress=progress,
        )
    counts: dict[str, int] = applied.results[0]
    return counts

"""The one write path: `apply(session, changeset) -> Applied`.

Every writer of the portfolio — the forms, the import, the demo, undo, merges — builds a
`storage.changes.ChangeSet` and applies it here, in its unit of work. This package alone writes
the portfolio's tables (a test scans the sources for it): it gives real ids, bumps versions,
checks the domain's invariants (`domain.rules.check_project_change`; errors refuse the whole
change set with `ChangeRefused`, warnings are returned and recorded as accepted), writes the
change history and the status history, and keeps the summaries and full-text indexes right.
`Applied` says what changed and `Applied.inverse()` is the change set that undoes it.

A new table joins in three steps (say a `payment` table):
1. its change in `storage/changes.py`: a frozen dataclass (`PaymentChange(action, project_id,
   payment, before=None)`), added to the `Change` union;
2. its writer in a module of this package, imported below: `@register(PaymentChange) def
   write_payment(run, change)`, which checks (`run.check_project(before, after)` for a project's
   child, or its own rule; `run.refuse(...)` stops the set), writes (`bump` for a versioned row,
   `history.diff_rows` for the history), and tells the run what it did (`run.created`,
   `run.wrote`, `run.touch(project_ids)` for summaries, `run.undo_with(inverse change)`);
3. the table in the source scan's portfolio (tests/storage/test_write_path.py needs nothing:
   only this package may write it).
"""

from __future__ import annotations

from . import aid_rates, bulk_import, clusters, demo, organisations, projects
from .bulk_import import UndoRefusedError, undo_batch, write_plan
from .core import WRITERS, Applied, ChangeRefused, ProgressLike, Run, apply, register

__all__ = [
    "WRITERS",
    "Applied",
    "ChangeRefused",
    "ProgressLike",
    "Run",
    "UndoRefusedError",
    "aid_rates",
    "apply",
    "bulk_import",
    "clusters",
    "demo",
    "organisations",
    "projects",
    "register",
    "undo_batch",
    "write_plan",
]

"""The one write path: `apply(session, changeset) -> Applied`.

Every writer of the portfolio — the forms, the import, the demo, undo, merges — builds a
`storage.changes.ChangeSet` and applies it here, in its unit of work. This package alone writes
the portfolio's tables (a test scans the sources for it): it gives real ids, bumps versions,
checks the domain's invariants (`domain.rules.check_project_change`; errors refuse the whole
change set with `ChangeRefused`, warnings are returned and recorded as accepted), writes the
change history and the status history, and keeps the summaries and full-text indexes right.
`Applied` says what changed and `Applied.inverse()` is the change set that undoes it.

A new kind of change (a new table) joins by declaring its change dataclass in `changes` and its
writer with `@register(TheChange)` in a module of this package imported below.
"""

from __future__ import annotations

from . import bulk_import, demo, organisations, projects
from .bulk_import import UndoRefusedError, undo_batch, write_plan
from .core import WRITERS, Applied, ChangeRefused, ProgressLike, Run, apply, register

__all__ = [
    "WRITERS",
    "Applied",
    "ChangeRefused",
    "ProgressLike",
    "Run",
    "UndoRefusedError",
    "apply",
    "bulk_import",
    "demo",
    "organisations",
    "projects",
    "register",
    "undo_batch",
    "write_plan",
]

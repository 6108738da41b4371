"""Searching projects by text: FTS5 trigram index on SQLite, a LIKE scan elsewhere.

`SearchTerm(word)` is a SQL condition on `project` that compiles per dialect. On SQLite a word of
three characters or more goes through `project_fts` (migration 0005); shorter words, and other
databases, scan the folded `project.search_text`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ColumnElement, bindparam
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal

from .tables import Project

FTS_MIN_LENGTH = 3


class SearchTerm(ColumnElement[bool]):
    """True for projects whose search text contains `word` (already folded)."""

    inherit_cache = True
    type = Boolean()
    # The word is part of the statement's cache key (one compiled form per word).
    _traverse_internals = [("word", InternalTraversal.dp_string)]  # noqa: RUF012 - SQLAlchemy's protocol

    def __init__(self, word: str) -> None:
        self.word = word


def _like(element: SearchTerm, compiler: Any, **kw: Any) -> str:
    condition: ColumnElement[bool] = Project.search_text.contains(element.word, autoescape=True)
    return str(compiler.process(condition, **kw))


@compiles(SearchTerm)
def _compile_default(element: SearchTerm, compiler: Any, **kw: Any) -> str:
    return _like(element, compiler, **kw)


@compiles(SearchTerm, "sqlite")
def _compile_sqlite(element: SearchTerm, compiler: Any, **kw: Any) -> str:
    if len(element.word) < FTS_MIN_LENGTH:
        return _like(element, compiler, **kw)
    phrase = '"' + element.word.replace('"', '""') + '"'
    param = compiler.process(bindparam(None, phrase, unique=True), **kw)
    project = compiler.process(Project.id, **kw)
    return f"{project} IN (SELECT rowid FROM project_fts WHERE project_fts MATCH {param})"


# -- keeping the index in step with large writes -----------------------------------------------------

#: The trigger of migration 0007 (kept here to suspend it around bulk updates; same SQL).
UPDATE_TRIGGER = (
    "CREATE TRIGGER project_fts_au AFTER UPDATE OF search_text ON project "
    "WHEN old.search_text IS NOT new.search_text BEGIN "
    "INSERT INTO project_fts(project_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO project_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
)

#: Above this many changed search texts, rebuilding the whole index (3 s for 100,000 projects)
#: costs less than reindexing row by row through the trigger (15 s for 100,000).
REBUILD_THRESHOLD = 20_000


def suspend_update_trigger(cursor: Any) -> None:
    """Inside a transaction: stop reindexing each updated search text (rebuild afterwards)."""
    cursor.execute("DROP TRIGGER IF EXISTS project_fts_au")


def rebuild_and_resume(cursor: Any) -> None:
    """Rebuilds the full-text index from `project.search_text` and restores the update trigger."""
    cursor.execute("INSERT INTO project_fts(project_fts) VALUES ('rebuild')")
    cursor.execute(UPDATE_TRIGGER)

"""Searching projects by text: FTS5 indexes on SQLite, a scan of the folded text elsewhere.

`SearchTerm(word)` is a SQL condition on `project` that compiles per dialect:

- a word of three letters or more matches anywhere in the search text (reference, acronym, title,
  partners): on SQLite through the trigram index `project_fts` (migration 0005);
- a word of one or two letters matches the beginning of a word ("re" finds Rennes and réseaux,
  not every project with an "r" and an "e" in a row): on SQLite through `project_words` (0008).
"""

from __future__ import annotations

import re
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
    # A condition in its own right: without this, SQLite's compiler writes `… IN (…) = 1`, which
    # the query planner cannot use as an index lookup (20 ms instead of 1.4 ms for "rennes").
    _is_implicitly_boolean = True
    # The word is part of the statement's cache key (one compiled form per word).
    _traverse_internals = [("word", InternalTraversal.dp_string)]  # noqa: RUF012 - SQLAlchemy's protocol

    def __init__(self, word: str) -> None:
        self.word = word


def _scan(element: SearchTerm, compiler: Any, **kw: Any) -> str:
    """Without an index: substring, or word prefix for one or two letters."""
    if len(element.word) >= FTS_MIN_LENGTH:
        condition: ColumnElement[bool] = Project.search_text.contains(element.word, autoescape=True)
    else:
        # A word starts at the beginning or after a character that is not a letter or a digit.
        pattern = r"(^|[^[:alnum:]])" + re.escape(element.word)
        condition = Project.search_text.regexp_match(pattern)
    return str(compiler.process(condition, **kw))


@compiles(SearchTerm)
def _compile_default(element: SearchTerm, compiler: Any, **kw: Any) -> str:
    return _scan(element, compiler, **kw)


@compiles(SearchTerm, "sqlite")
def _compile_sqlite(element: SearchTerm, compiler: Any, **kw: Any) -> str:
    phrase = '"' + element.word.replace('"', '""') + '"'
    table = "project_fts"
    if len(element.word) < FTS_MIN_LENGTH:
        phrase, table = phrase + " *", "project_words"
    param = compiler.process(bindparam(None, phrase, unique=True), **kw)
    project = compiler.process(Project.id, **kw)
    return f"{project} IN (SELECT rowid FROM {table} WHERE {table} MATCH {param})"


# -- keeping the index in step with large writes -----------------------------------------------------

#: The update triggers of migrations 0007 and 0008 (kept here to suspend them around bulk
#: updates; same SQL), by index.
UPDATE_TRIGGERS = {
    index: (
        f"CREATE TRIGGER {index}_au AFTER UPDATE OF search_text ON project "
        f"WHEN old.search_text IS NOT new.search_text BEGIN "
        f"INSERT INTO {index}({index}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
        f"INSERT INTO {index}(rowid, search_text) VALUES (new.id, new.search_text); END"
    )
    for index in ("project_fts", "project_words")
}

#: Above this many changed search texts, rebuilding the whole index (3 s for 100,000 projects)
#: costs less than reindexing row by row through the trigger (15 s for 100,000).
REBUILD_THRESHOLD = 20_000


def suspend_update_triggers(cursor: Any) -> None:
    """Inside a transaction: stop reindexing each updated search text (rebuild afterwards)."""
    for index in UPDATE_TRIGGERS:
        cursor.execute(f"DROP TRIGGER IF EXISTS {index}_au")


def rebuild_and_resume(cursor: Any) -> None:
    """Rebuilds the full-text indexes from `project.search_text` and restores the update triggers."""
    for index, trigger in UPDATE_TRIGGERS.items():
        cursor.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
        cursor.execute(trigger)

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

#: The full-text indexes of migrations 0007 and 0008; each has insert, delete and update
#: triggers on project (`<index>_ai`, `_ad`, `_au`), suspended around bulk writes.
INDEXES = ("project_fts", "project_words")

#: Above this many changed search texts, rebuilding the whole index (3 s for 100,000 projects)
#: costs less than reindexing row by row through the trigger (15 s for 100,000).
REBUILD_THRESHOLD = 20_000


def suspend_triggers(cursor: Any, kind: str) -> list[tuple[str, str]]:
    """Inside a transaction: drops the indexes' insert ("ai"), delete ("ad") or update ("au")
    triggers on project (as the database holds them); returns their (name, SQL) to create them
    again."""
    names = [f"{index}_{kind}" for index in INDEXES]
    marks = ", ".join("?" * len(names))
    triggers: list[tuple[str, str]] = cursor.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})", names
    ).fetchall()
    for name, _sql in triggers:
        cursor.execute(f"DROP TRIGGER {name}")
    return triggers


def rebuild_and_restore(cursor: Any, triggers: list[tuple[str, str]]) -> None:
    """Rebuilds the indexes whose triggers `suspend_triggers` dropped, and restores those."""
    for name, sql in triggers:
        index = name.rsplit("_", 1)[0]
        cursor.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
        cursor.execute(sql)

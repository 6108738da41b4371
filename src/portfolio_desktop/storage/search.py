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

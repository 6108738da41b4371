"""word-prefix search for one- and two-letter terms (FTS5 unicode61 with prefix indexes, SQLite)

Revision ID: 0008_word_prefix_search
Revises: 0007_search_trigger_when_changed
Create Date: 2026-11-26

The trigram index of 0005 finds any substring of three letters or more. A term of one or two
letters now matches the beginning of a word ("re" finds "Rennes", "réseaux"), through this second
external-content index over `project.search_text`, kept in step by its own triggers.
"""

from __future__ import annotations

from alembic import op

revision = "0008_word_prefix_search"
down_revision = "0007_search_trigger_when_changed"
branch_labels = None
depends_on = None

TRIGGERS = (
    "CREATE TRIGGER project_words_ai AFTER INSERT ON project BEGIN "
    "INSERT INTO project_words(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER project_words_ad AFTER DELETE ON project BEGIN "
    "INSERT INTO project_words(project_words, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER project_words_au AFTER UPDATE OF search_text ON project "
    "WHEN old.search_text IS NOT new.search_text BEGIN "
    "INSERT INTO project_words(project_words, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO project_words(rowid, search_text) VALUES (new.id, new.search_text); END",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE project_words USING fts5(search_text, content='project', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2')"
    )
    op.execute("INSERT INTO project_words(project_words) VALUES ('rebuild')")
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("project_words_ai", "project_words_ad", "project_words_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS project_words")

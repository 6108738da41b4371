"""project search (FTS5 trigram on SQLite) and indexes for every sortable column

Revision ID: 0005_project_search
Revises: 0004_import_profiles
Create Date: 2026-11-26

On SQLite, `project_fts` is an external-content FTS5 table over `project.search_text` with the
trigram tokenizer (any substring of three characters or more is found through the index), kept in
step by triggers. A later migration that rebuilds the `project` table (batch mode copies and drops
it) drops these triggers with it and must create them again: use `create_search_triggers()`.
"""

from __future__ import annotations

from alembic import op

revision = "0005_project_search"
down_revision = "0004_import_profiles"
branch_labels = None
depends_on = None

SORT_INDEXES = {
    "ix_project_title": "title",
    "ix_project_domains_label": "domains_label",
    "ix_project_regions_label": "regions_label",
    "ix_project_total_budget_cents": "total_budget_cents",
    "ix_project_end_on": "end_on",
    "ix_project_responsible_digital": "responsible_digital",
}
OTHER_INDEXES = {"ix_organisation_kind": ("organisation", "kind")}

TRIGGERS = (
    "CREATE TRIGGER project_fts_ai AFTER INSERT ON project BEGIN "
    "INSERT INTO project_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER project_fts_ad AFTER DELETE ON project BEGIN "
    "INSERT INTO project_fts(project_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER project_fts_au AFTER UPDATE OF search_text ON project BEGIN "
    "INSERT INTO project_fts(project_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO project_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
)


def create_search_triggers() -> None:
    for statement in TRIGGERS:
        op.execute(statement)


def upgrade() -> None:
    for name, column in SORT_INDEXES.items():
        op.create_index(name, "project", [column])
    for name, (table, column) in OTHER_INDEXES.items():
        op.create_index(name, table, [column])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE project_fts USING fts5(search_text, content='project', "
            "content_rowid='id', tokenize='trigram')"
        )
        op.execute("INSERT INTO project_fts(project_fts) VALUES ('rebuild')")
        create_search_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("project_fts_ai", "project_fts_ad", "project_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS project_fts")
    for name in SORT_INDEXES:
        op.drop_index(name, "project")
    for name, (table, _column) in OTHER_INDEXES.items():
        op.drop_index(name, table)

"""the full-text index is touched only when a project's search text really changes

Revision ID: 0007_search_trigger_when_changed
Revises: 0006_change_history
Create Date: 2026-11-26

Re-importing a workbook or recomputing summaries sets `search_text` to the value it already had;
reindexing its trigrams then cost most of the time of a large import.
"""

from __future__ import annotations

from alembic import op

revision = "0007_search_trigger_when_changed"
down_revision = "0006_change_history"
branch_labels = None
depends_on = None

UPDATE_TRIGGER = (
    "CREATE TRIGGER project_fts_au AFTER UPDATE OF search_text ON project "
    "WHEN old.search_text IS NOT new.search_text BEGIN "
    "INSERT INTO project_fts(project_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO project_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
)
PREVIOUS_TRIGGER = (
    "CREATE TRIGGER project_fts_au AFTER UPDATE OF search_text ON project BEGIN "
    "INSERT INTO project_fts(project_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO project_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS project_fts_au")
        op.execute(UPDATE_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS project_fts_au")
        op.execute(PREVIOUS_TRIGGER)

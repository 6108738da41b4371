"""change history

Revision ID: 0006_change_history
Revises: 0005_project_search
Create Date: 2026-11-27

Every change to the portfolio (form edit, import, delete, undo, merge) as one row per field:
who, when, from where (`source`: form, import:N, undo, merge…), which row, old → new. Not a
foreign key to the rows it describes: the history of a deleted project stays readable.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_change_history"
down_revision = "0005_project_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_history")),
    )
    op.create_index("ix_change_history_project", "change_history", ["project_id", "id"])
    op.create_index("ix_change_history_row", "change_history", ["table_name", "row_id", "id"])
    op.create_index("ix_change_history_source", "change_history", ["source"])


def downgrade() -> None:
    op.drop_index("ix_change_history_source", "change_history")
    op.drop_index("ix_change_history_row", "change_history")
    op.drop_index("ix_change_history_project", "change_history")
    op.drop_table("change_history")

"""snapshots: named, frozen figures of the portfolio as it stood at a day

Revision ID: 0012_snapshots
Revises: 0011_submissions
Create Date: 2026-12-02

A snapshot (« Rapport annuel 2025 », at 31/12/2025) keeps its figures as JSON — per pole,
domain, funder, status and year, in integer cents — computed once when it is taken, so that later
edits of the portfolio never change what was reported.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_snapshots"
down_revision = "0011_submissions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("taken_by", sa.String(100), nullable=False, server_default=""),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_snapshot")),
        sa.UniqueConstraint("name", name=op.f("uq_snapshot_name")),
    )


def downgrade() -> None:
    op.drop_table("snapshot")

"""saved import mapping profiles

Revision ID: 0004_import_profiles
Revises: 0003_import_batches_funding_shares
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_import_profiles"
down_revision = "0003_import_batches_funding_shares"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_profile")),
        sa.UniqueConstraint("name", name=op.f("uq_import_profile_name")),
    )


def downgrade() -> None:
    op.drop_table("import_profile")

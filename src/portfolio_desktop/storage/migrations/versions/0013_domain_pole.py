"""domain pole: a domain of one pole's roadmap, or (NULL) shared by every pole

Revision ID: 0013_domain_pole
Revises: 0012_snapshots
Create Date: 2026-12-02

Poles of a national base differ in their roadmaps' domains. Every existing domain stays shared
(NULL): nothing a pole's projects are tagged with becomes another pole's.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_domain_pole"
down_revision = "0012_snapshots"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("domain", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cluster_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_domain_cluster_id_cluster"),
            "cluster",
            ["cluster_id"],
            ["id"],
            ondelete="RESTRICT",
        )


def downgrade() -> None:
    with op.batch_alter_table("domain", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_domain_cluster_id_cluster"), type_="foreignkey")
        batch_op.drop_column("cluster_id")

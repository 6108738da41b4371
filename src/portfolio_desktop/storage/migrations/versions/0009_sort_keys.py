"""sort keys: the projects table sorts text as French readers expect (case and accents second)

Revision ID: 0009_sort_keys
Revises: 0008_word_prefix_search
Create Date: 2026-12-01

Text columns sorted by their bytes put lower-case and accented initials after Z (« rémunération »,
« iVASC » after « ZAC »). Each sortable text column of `project` gets a stored sort key
(`domain.text.sort_key`: folded text, then the exact text) with its index, so that a sort of
100,000 projects still walks an index; they replace the indexes on the raw acronym, title, lead
partner, domains and regions (the reference keeps its own: it is looked up). Columns are added, not
rebuilt: the full-text triggers of 0005/0008 stay as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from portfolio_desktop.domain.text import sort_key

revision = "0009_sort_keys"
down_revision = "0008_word_prefix_search"
branch_labels = None
depends_on = None

#: Source column → its sort key column.
SORT_COLUMNS = {
    "reference": "reference_sort",
    "acronym": "acronym_sort",
    "title": "title_sort",
    "lead_name": "lead_sort",
    "domains_label": "domains_sort",
    "regions_label": "regions_sort",
}
REPLACED_INDEXES = {
    "ix_project_acronym": "acronym",
    "ix_project_title": "title",
    "ix_project_lead_name": "lead_name",
    "ix_project_domains_label": "domains_label",
    "ix_project_regions_label": "regions_label",
}
SortKey = sa.String(512).with_variant(sa.String(512, collation="C"), "postgresql")
_CHUNK = 5000


def upgrade() -> None:
    for name in SORT_COLUMNS.values():
        op.add_column("project", sa.Column(name, SortKey, nullable=False, server_default=""))
    bind = op.get_bind()
    sources = ", ".join(SORT_COLUMNS)
    assignments = ", ".join(f"{key} = :{key}" for key in SORT_COLUMNS.values())
    update = sa.text(f"UPDATE project SET {assignments} WHERE id = :id")
    last = 0
    while True:
        rows = bind.execute(
            sa.text(f"SELECT id, {sources} FROM project WHERE id > :last ORDER BY id LIMIT {_CHUNK}"),
            {"last": last},
        ).all()
        if not rows:
            break
        bind.execute(
            update,
            [
                {
                    "id": row[0],
                    **{
                        key: sort_key(value or "")
                        for key, value in zip(SORT_COLUMNS.values(), row[1:], strict=True)
                    },
                }
                for row in rows
            ],
        )
        last = rows[-1][0]
    for index in REPLACED_INDEXES:
        op.drop_index(index, table_name="project")
    for name in SORT_COLUMNS.values():
        op.create_index(f"ix_project_{name}", "project", [name])


def downgrade() -> None:
    for name in SORT_COLUMNS.values():
        op.drop_index(f"ix_project_{name}", table_name="project")
    for index, column in REPLACED_INDEXES.items():
        op.create_index(index, "project", [column])
    for name in SORT_COLUMNS.values():
        op.drop_column("project", name)

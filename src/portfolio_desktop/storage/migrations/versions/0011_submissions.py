"""submissions, committees and follow-up

Revision ID: 0011_submissions
Revises: 0010_money
Create Date: 2026-12-02

A project's label is given per submission to a call: `submission` holds each (call, date,
amount requested, label decision with its date and committee, funder decision and date), so a
second submission no longer overwrites the first. Every existing project that went past draft
gets the one submission its call, step dates and status describe
(`domain.submissions.initial_submission`). `committee` is a labelling committee session;
`follow_up` the milestones, deliverables and reports owed, each with a due date.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from portfolio_desktop.domain.enums import ProjectStatus
from portfolio_desktop.domain.submissions import initial_submission

revision = "0011_submissions"
down_revision = "0010_money"
branch_labels = None
depends_on = None

_CHUNK = 5000


def upgrade() -> None:
    op.create_table(
        "committee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("members", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee")),
    )
    op.create_index("ix_committee_held_on", "committee", ["held_on"])
    op.create_table(
        "submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("requested_cents", sa.BigInteger(), nullable=True),
        sa.Column("label_decision", sa.String(length=32), nullable=True),
        sa.Column("label_decided_on", sa.Date(), nullable=True),
        sa.Column("committee_id", sa.Integer(), nullable=True),
        sa.Column("label_override", sa.Text(), nullable=False),
        sa.Column("funder_decision", sa.String(length=20), nullable=True),
        sa.Column("funder_decided_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_submission_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["call_id"], ["call.id"], name=op.f("fk_submission_call_id_call"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["committee_id"],
            ["committee.id"],
            name=op.f("fk_submission_committee_id_committee"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission")),
    )
    op.create_index("ix_submission_project", "submission", ["project_id"])
    op.create_index("ix_submission_call", "submission", ["call_id"])
    op.create_index("ix_submission_committee", "submission", ["committee_id"])
    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("funder_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_follow_up_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["funder_id"],
            ["funder.id"],
            name=op.f("fk_follow_up_funder_id_funder"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    op.create_index("ix_follow_up_project", "follow_up", ["project_id"])
    op.create_index("ix_follow_up_due", "follow_up", ["due_on", "done_on"])
    _one_submission_per_project()


def _one_submission_per_project() -> None:
    bind = op.get_bind()
    submission = sa.table(
        "submission",
        *(
            sa.column(name)
            for name in (
                "project_id",
                "call_id",
                "submitted_on",
                "requested_cents",
                "label_decision",
                "label_decided_on",
                "label_override",
                "funder_decision",
                "funder_decided_on",
                "withdrawn_on",
                "notes",
            )
        ),
    )
    select = sa.text(
        "SELECT id, status, call_id, submitted_on, requested_cents, labelling_decided_on, "
        "funding_decided_on, abandoned_on FROM project "
        f"WHERE id > :last AND status != 'draft' ORDER BY id LIMIT {_CHUNK}"
    ).columns(
        sa.column("id", sa.Integer),
        sa.column("status", sa.String),
        sa.column("call_id", sa.Integer),
        sa.column("submitted_on", sa.Date),
        sa.column("requested_cents", sa.BigInteger),
        sa.column("labelling_decided_on", sa.Date),
        sa.column("funding_decided_on", sa.Date),
        sa.column("abandoned_on", sa.Date),
    )
    last = 0
    while True:
        rows = bind.execute(select, {"last": last}).all()
        if not rows:
            break
        values = []
        for row in rows:
            try:
                status = ProjectStatus(row.status)
            except ValueError:
                status = ProjectStatus.SUBMITTED  # an unknown code: submitted, nothing decided
            label, funder, withdrawn = initial_submission(
                status, row.labelling_decided_on, row.funding_decided_on, row.abandoned_on
            )
            values.append(
                {
                    "project_id": row.id,
                    "call_id": row.call_id,
                    "submitted_on": row.submitted_on,
                    "requested_cents": row.requested_cents or None,
                    "label_decision": label.value if label else None,
                    "label_decided_on": row.labelling_decided_on if label else None,
                    "label_override": "",
                    "funder_decision": funder.value if funder else None,
                    "funder_decided_on": row.funding_decided_on if funder else None,
                    "withdrawn_on": withdrawn,
                    "notes": "",
                }
            )
        bind.execute(submission.insert(), values)
        last = rows[-1].id


def downgrade() -> None:
    op.drop_index("ix_follow_up_due", "follow_up")
    op.drop_index("ix_follow_up_project", "follow_up")
    op.drop_table("follow_up")
    op.drop_index("ix_submission_committee", "submission")
    op.drop_index("ix_submission_call", "submission")
    op.drop_index("ix_submission_project", "submission")
    op.drop_table("submission")
    op.drop_index("ix_committee_held_on", "committee")
    op.drop_table("committee")

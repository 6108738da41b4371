"""money: payment tranches, payments received, cofinancing per partner, yearly spread, aid-rate rules

Revision ID: 0010_money
Revises: 0009_sort_keys
Create Date: 2026-12-02

A funding line had one paid amount; what arrives comes in tranches (avance, versement
intermédiaire, solde) and is received on dates. Each existing line's paid amount becomes one payment
received, undated (no payment date was kept before), so that paid = the sum of the payments from
here on. `funding_line.paid_cents` stays, kept equal to that sum by `storage.money`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_money"
down_revision = "0009_sort_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "payment_tranche",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("funding_line_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("released", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "amount_cents >= 0", name=op.f("ck_payment_tranche_amount_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["funding_line_id"],
            ["funding_line.id"],
            name=op.f("fk_payment_tranche_funding_line_id_funding_line"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_tranche")),
    )
    op.create_index("ix_payment_tranche_line", "payment_tranche", ["funding_line_id", "position"])
    op.create_index("ix_payment_tranche_due_on", "payment_tranche", ["due_on"])

    op.create_table(
        "payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("funding_line_id", sa.Integer(), nullable=False),
        sa.Column("tranche_id", sa.Integer(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.CheckConstraint("amount_cents >= 0", name=op.f("ck_payment_amount_not_negative")),
        sa.ForeignKeyConstraint(
            ["funding_line_id"],
            ["funding_line.id"],
            name=op.f("fk_payment_funding_line_id_funding_line"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tranche_id"],
            ["payment_tranche.id"],
            name=op.f("fk_payment_tranche_id_payment_tranche"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment")),
    )
    op.create_index("ix_payment_line", "payment", ["funding_line_id"])
    op.create_index("ix_payment_tranche", "payment", ["tranche_id"])
    op.create_index("ix_payment_received_on", "payment", ["received_on"])

    op.create_table(
        "cofinancing_share",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("funding_line_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            "amount_cents >= 0", name=op.f("ck_cofinancing_share_amount_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["funding_line_id"],
            ["funding_line.id"],
            name=op.f("fk_cofinancing_share_funding_line_id_funding_line"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_cofinancing_share_organisation_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cofinancing_share")),
        sa.UniqueConstraint(
            "funding_line_id", "organisation_id", name="uq_cofinancing_share_line_org"
        ),
    )
    op.create_index("ix_cofinancing_share_organisation", "cofinancing_share", ["organisation_id"])

    op.create_table(
        "line_year_amount",
        sa.Column("funding_line_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            "amount_cents >= 0", name=op.f("ck_line_year_amount_amount_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["funding_line_id"],
            ["funding_line.id"],
            name=op.f("fk_line_year_amount_funding_line_id_funding_line"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("funding_line_id", "year", name=op.f("pk_line_year_amount")),
    )

    op.create_table(
        "aid_rate_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=True),
        sa.Column("funder_id", sa.Integer(), nullable=True),
        sa.Column("instrument", sa.String(length=32), nullable=True),
        sa.Column("partner_kind", sa.String(length=32), nullable=False),
        sa.Column("max_rate_bp", sa.Integer(), nullable=False),
        sa.Column("base", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "max_rate_bp BETWEEN 0 AND 10000", name=op.f("ck_aid_rate_rule_rate_range")
        ),
        sa.CheckConstraint(
            "call_id IS NOT NULL OR funder_id IS NOT NULL",
            name=op.f("ck_aid_rate_rule_call_or_funder"),
        ),
        sa.ForeignKeyConstraint(
            ["call_id"], ["call.id"], name=op.f("fk_aid_rate_rule_call_id_call"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["funder_id"],
            ["funder.id"],
            name=op.f("fk_aid_rate_rule_funder_id_funder"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aid_rate_rule")),
    )
    op.create_index("ix_aid_rate_rule_call", "aid_rate_rule", ["call_id"])
    op.create_index("ix_aid_rate_rule_funder", "aid_rate_rule", ["funder_id"])

    # What was paid becomes one payment received; its date was never recorded.
    op.execute(
        "INSERT INTO payment (funding_line_id, tranche_id, received_on, amount_cents, note) "
        "SELECT id, NULL, NULL, paid_cents, '' FROM funding_line WHERE paid_cents > 0"
    )


def downgrade() -> None:
    op.drop_index("ix_aid_rate_rule_funder", "aid_rate_rule")
    op.drop_index("ix_aid_rate_rule_call", "aid_rate_rule")
    op.drop_table("aid_rate_rule")
    op.drop_table("line_year_amount")
    op.drop_index("ix_cofinancing_share_organisation", "cofinancing_share")
    op.drop_table("cofinancing_share")
    op.drop_index("ix_payment_received_on", "payment")
    op.drop_index("ix_payment_tranche", "payment")
    op.drop_index("ix_payment_line", "payment")
    op.drop_table("payment")
    op.drop_index("ix_payment_tranche_due_on", "payment_tranche")
    op.drop_index("ix_payment_tranche_line", "payment_tranche")
    op.drop_table("payment_tranche")

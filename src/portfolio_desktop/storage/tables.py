"""The portfolio's tables (SQLAlchemy 2.x declarative). Money is integer cents, dates are dates.

Some columns are kept in step by the services for speed at national scale (100,000 projects):
`project.granted_cents`, `project.requested_cents`, `project.lead_name`, `project.search_text`
and `funding_line.year`. `storage.summaries` is the one place that recomputes them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with constraint names Alembic can rely on across SQLite and PostgreSQL."""

    metadata = MetaData(naming_convention=NAMING)


class Cluster(Base):
    """A competitiveness cluster (pôle); a national consolidation holds 57."""

    __tablename__ = "cluster"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    regions: Mapped[str] = mapped_column(String(200), default="")


class Organisation(Base):
    """A company, lab, school, public body or association."""

    __tablename__ = "organisation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    #: Lower-case, accent-free name for matching imports and finding duplicates.
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    siren: Mapped[str | None] = mapped_column(String(9), index=True)
    siret: Mapped[str | None] = mapped_column(String(14))
    region: Mapped[str | None] = mapped_column(String(8))
    city: Mapped[str] = mapped_column(String(200), default="")
    is_member: Mapped[bool] = mapped_column(Boolean, default=False)
    member_since: Mapped[date | None] = mapped_column(Date)
    member_until: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (Index("ix_organisation_name", "name"), Index("ix_organisation_kind", "kind"))


class Domain(Base):
    """A technology domain (reference data the user edits).

    `cluster_id` is the pole whose roadmap the domain is (only its projects may be tagged with
    it); None, the common case, is a domain every pole shares. Names stay unique across the base,
    so that a workbook's « Domaines » cell means one domain whoever reads it."""

    __tablename__ = "domain"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    colour: Mapped[str] = mapped_column(String(7))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("cluster.id", ondelete="RESTRICT"), default=None
    )


class Funder(Base):
    """A funder: State, State agency, region, local authority, EU, private."""

    __tablename__ = "funder"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(32))


class Call(Base):
    """A call for proposals (AAP)."""

    __tablename__ = "call"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    funder_id: Mapped[int | None] = mapped_column(ForeignKey("funder.id", ondelete="SET NULL"))
    programme: Mapped[str] = mapped_column(String(200), default="")
    year: Mapped[int | None] = mapped_column(Integer)


#: A sort key (`domain.text.sort_key`) compares byte by byte: PostgreSQL's "C" collation (its
#: default follows the locale, which skips the separator); SQLite's BINARY already does.
SortKey = String(512).with_variant(String(512, collation="C"), "postgresql")
#: Text columns of the projects table → the column holding their sort key.
SORT_COLUMNS = {
    "reference": "reference_sort",
    "acronym": "acronym_sort",
    "title": "title_sort",
    "lead_name": "lead_sort",
    "domains_label": "domains_sort",
    "regions_label": "regions_sort",
}


class Project(Base):
    """A collaborative R&D project and its pipeline."""

    __tablename__ = "project"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("cluster.id", ondelete="RESTRICT"))
    reference: Mapped[str] = mapped_column(String(64))
    acronym: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str] = mapped_column(String(500), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    call_id: Mapped[int | None] = mapped_column(ForeignKey("call.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20))
    submitted_on: Mapped[date | None] = mapped_column(Date)
    evaluated_on: Mapped[date | None] = mapped_column(Date)
    labelling_decided_on: Mapped[date | None] = mapped_column(Date)
    funding_decided_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    abandoned_on: Mapped[date | None] = mapped_column(Date)
    start_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    total_budget_cents: Mapped[int | None] = mapped_column(BigInteger)
    eligible_costs_cents: Mapped[int | None] = mapped_column(BigInteger)
    lead_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    keywords: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    responsible_digital: Mapped[bool] = mapped_column(Boolean, default=False)
    rd_carbon: Mapped[int | None] = mapped_column(SmallInteger)
    rd_resources: Mapped[int | None] = mapped_column(SmallInteger)
    rd_recyclability: Mapped[int | None] = mapped_column(SmallInteger)
    rd_energy: Mapped[int | None] = mapped_column(SmallInteger)
    rd_ethics: Mapped[int | None] = mapped_column(SmallInteger)
    # Summaries kept by storage.summaries (see the module docstring).
    granted_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    requested_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    lead_name: Mapped[str] = mapped_column(String(300), default="")
    domains_label: Mapped[str] = mapped_column(String(500), default="")
    regions_label: Mapped[str] = mapped_column(String(200), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    # 0009: what the projects table sorts its text columns by (`domain.text.sort_key`: case and
    # accents second, as French readers expect), kept by storage.summaries with the others.
    reference_sort: Mapped[str] = mapped_column(SortKey, default="", server_default="")
    acronym_sort: Mapped[str] = mapped_column(SortKey, default="", server_default="")
    title_sort: Mapped[str] = mapped_column(SortKey, default="", server_default="")
    lead_sort: Mapped[str] = mapped_column(SortKey, default="", server_default="")
    domains_sort: Mapped[str] = mapped_column(SortKey, default="", server_default="")
    regions_sort: Mapped[str] = mapped_column(SortKey, default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (
        UniqueConstraint("cluster_id", "reference", name="uq_project_cluster_reference"),
        Index("ix_project_reference", "reference"),
        Index("ix_project_status", "status"),
        Index("ix_project_submitted_on", "submitted_on"),
        Index("ix_project_start_on", "start_on"),
        Index("ix_project_granted_cents", "granted_cents"),
        Index("ix_project_call_id", "call_id"),
        Index("ix_project_lead_organisation_id", "lead_organisation_id"),
        # 0005: every sortable column of the projects table has its index.
        Index("ix_project_total_budget_cents", "total_budget_cents"),
        Index("ix_project_end_on", "end_on"),
        Index("ix_project_responsible_digital", "responsible_digital"),
        # 0009: the text columns sort by their sort keys (these replace the indexes on acronym,
        # title, lead_name, domains_label and regions_label).
        *(Index(f"ix_project_{name}", name) for name in SORT_COLUMNS.values()),
    )


class ProjectRegion(Base):
    """A region a project belongs to (most have one, some span two)."""

    __tablename__ = "project_region"
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), primary_key=True
    )
    region: Mapped[str] = mapped_column(String(8), primary_key=True)
    __table_args__ = (Index("ix_project_region_region", "region", "project_id"),)


class ProjectDomain(Base):
    """A project's share of a technology domain, in whole percent."""

    __tablename__ = "project_domain"
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), primary_key=True
    )
    domain_id: Mapped[int] = mapped_column(
        ForeignKey("domain.id", ondelete="RESTRICT"), primary_key=True
    )
    percent: Mapped[int] = mapped_column(SmallInteger)
    __table_args__ = (
        CheckConstraint("percent BETWEEN 1 AND 100", name="percent_range"),
        Index("ix_project_domain_domain", "domain_id", "project_id", "percent"),
    )


class Participation(Base):
    """An organisation in a project, with its role and budget share."""

    __tablename__ = "participation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(20))
    budget_cents: Mapped[int | None] = mapped_column(BigInteger)
    __table_args__ = (
        UniqueConstraint("project_id", "organisation_id", name="uq_participation_project_org"),
        Index("ix_participation_organisation", "organisation_id", "project_id"),
    )


class FundingLine(Base):
    """One funder, one instrument, amounts requested/granted/paid, one decision date."""

    __tablename__ = "funding_line"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    funder_id: Mapped[int] = mapped_column(ForeignKey("funder.id", ondelete="RESTRICT"))
    instrument: Mapped[str] = mapped_column(String(32))
    beneficiary_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    requested_cents: Mapped[int | None] = mapped_column(BigInteger)
    granted_cents: Mapped[int | None] = mapped_column(BigInteger)
    paid_cents: Mapped[int | None] = mapped_column(BigInteger)
    decision_on: Mapped[date | None] = mapped_column(Date)
    granted_override: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The year the line counts in: its decision's year, else the project's start year.
    year: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (
        Index("ix_funding_line_project", "project_id"),
        Index("ix_funding_line_funder", "funder_id", "project_id"),
        Index("ix_funding_line_year", "year", "granted_cents"),
        Index("ix_funding_line_beneficiary", "beneficiary_id"),
    )


class Expert(Base):
    """An independent expert who evaluates projects."""

    __tablename__ = "expert"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(200), default="")
    affiliation: Mapped[str] = mapped_column(String(300), default="")


class ExpertDomain(Base):
    """A domain an expert covers."""

    __tablename__ = "expert_domain"
    expert_id: Mapped[int] = mapped_column(
        ForeignKey("expert.id", ondelete="CASCADE"), primary_key=True
    )
    domain_id: Mapped[int] = mapped_column(
        ForeignKey("domain.id", ondelete="CASCADE"), primary_key=True
    )


class ExpertTie(Base):
    """An organisation an expert is tied to (employer, board seat, ...): conflict of interest."""

    __tablename__ = "expert_tie"
    expert_id: Mapped[int] = mapped_column(
        ForeignKey("expert.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True
    )


class Evaluation(Base):
    """An expert's evaluation of a project."""

    __tablename__ = "evaluation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    expert_id: Mapped[int] = mapped_column(ForeignKey("expert.id", ondelete="RESTRICT"), index=True)
    evaluated_on: Mapped[date | None] = mapped_column(Date)
    score_innovation: Mapped[int | None] = mapped_column(SmallInteger)
    score_consortium: Mapped[int | None] = mapped_column(SmallInteger)
    score_impact: Mapped[int | None] = mapped_column(SmallInteger)
    score_feasibility: Mapped[int | None] = mapped_column(SmallInteger)
    opinion: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str | None] = mapped_column(String(32))


class StatusChange(Base):
    """Who moved a project from which step to which, when, and from where (form, import, demo)."""

    __tablename__ = "status_change"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    step_on: Mapped[date | None] = mapped_column(Date)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(100), default="form")


class SavedView(Base):
    """A named set of filters, columns and sort order of the projects table (shared by the team)."""

    __tablename__ = "saved_view"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: The view as JSON: filters, search text, visible columns in order, sort column and order.
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


def table_of(model: type[Base]) -> Table:
    """The Core table of a mapped class (typed, for insert/update/delete statements)."""
    return cast(Table, model.__table__)


def insert_id(session: Any, model: type[Base], values: dict[str, Any]) -> int:
    """Inserts one row with Core and returns its primary key."""
    result = session.execute(table_of(model).insert().values(**values))
    return int(result.inserted_primary_key[0])


class ImportBatch(Base):
    """One workbook import: what was read, by whom, what it did; undone as a whole if asked."""

    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    profile: Mapped[str] = mapped_column(String(100), default="")
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(100), default="")
    #: JSON: created/updated/unchanged per record type, skipped and rejected rows.
    counts: Mapped[str] = mapped_column(Text, default="{}")
    #: committed, or undone (with undone_at).
    state: Mapped[str] = mapped_column(String(20), default="committed")
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class ImportChange(Base):
    """A row an import created or updated, with its state before (JSON), so the batch can be undone."""

    __tablename__ = "import_change"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(Integer)
    #: created or updated
    action: Mapped[str] = mapped_column(String(10))
    before: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_import_change_batch", "batch_id", "table_name"),)


class FundingShare(Base):
    """A funding line apportioned to one of its project's domains (one row with no domain when the
    project is not classified): the denormalised fact table behind charts and key figures.

    `granted_cp` and `requested_cp` are cents × percent, so sums stay exact; divide by 100 once.
    Kept in step by `storage.summaries.refresh_projects`.
    """

    __tablename__ = "funding_share"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    funding_line_id: Mapped[int] = mapped_column(ForeignKey("funding_line.id", ondelete="CASCADE"))
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    domain_id: Mapped[int | None] = mapped_column(ForeignKey("domain.id", ondelete="CASCADE"))
    year: Mapped[int | None] = mapped_column(Integer)
    funder_id: Mapped[int] = mapped_column(ForeignKey("funder.id", ondelete="CASCADE"))
    instrument: Mapped[str] = mapped_column(String(32))
    granted_cp: Mapped[int] = mapped_column(BigInteger, default=0)
    requested_cp: Mapped[int] = mapped_column(BigInteger, default=0)
    __table_args__ = (
        Index("ix_funding_share_project", "project_id"),
        Index("ix_funding_share_line", "funding_line_id"),
        Index("ix_funding_share_year_domain", "year", "domain_id", "granted_cp"),
        Index("ix_funding_share_year_funder", "year", "funder_id", "granted_cp"),
    )


class ImportProfile(Base):
    """A saved column mapping for workbooks of one layout (proposed again for similar files)."""

    __tablename__ = "import_profile"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    #: JSON: the mapping (columns → fields, value mappings) and the header signature it matches.
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ChangeHistory(Base):
    """One field of one row changed (or a row created or deleted): who, when, from where, old → new.

    Written by `storage.history` in the same transaction as the change. `source` is where the
    change came from: form, import:N, undo, undo-import:N, merge, restore. `project_id` ties
    partners, funding lines and domain splits to their project, so a project's history is one
    query; it is not a foreign key, so the history of a deleted project survives it.
    """

    __tablename__ = "change_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(100), default="form")
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(Integer)
    project_id: Mapped[int | None] = mapped_column(Integer)
    #: created, updated or deleted
    action: Mapped[str] = mapped_column(String(10))
    #: the column (or `domains`, `regions` for a project's split), "" for a whole row
    field: Mapped[str] = mapped_column(String(60), default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (
        Index("ix_change_history_project", "project_id", "id"),
        Index("ix_change_history_row", "table_name", "row_id", "id"),
        Index("ix_change_history_source", "source"),
    )


# --- 0010: money as pôles follow it (payment schedules, cofinancing, multi-year amounts, rules).
# Amounts are integer cents; `funding_line.paid_cents` is kept equal to the sum of the line's
# payments by `storage.money`, the one module that writes these tables.


class PaymentTranche(Base):
    """A planned payment of a funding line: an advance, an interim payment or the balance.

    `released` marks a tranche that will not be paid (the balance of an abandoned project, given
    back to the funder): it is no longer expected and never overdue.
    """

    __tablename__ = "payment_tranche"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    funding_line_id: Mapped[int] = mapped_column(ForeignKey("funding_line.id", ondelete="CASCADE"))
    #: advance, interim or balance (`domain.money_plan.TrancheKind`)
    kind: Mapped[str] = mapped_column(String(16))
    due_on: Mapped[date | None] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    released: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (
        CheckConstraint("amount_cents >= 0", name="amount_not_negative"),
        Index("ix_payment_tranche_line", "funding_line_id", "position"),
        Index("ix_payment_tranche_due_on", "due_on"),
    )


class Payment(Base):
    """Money received on a funding line (against a tranche or not), with its date when known."""

    __tablename__ = "payment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    funding_line_id: Mapped[int] = mapped_column(ForeignKey("funding_line.id", ondelete="CASCADE"))
    tranche_id: Mapped[int | None] = mapped_column(
        ForeignKey("payment_tranche.id", ondelete="SET NULL")
    )
    received_on: Mapped[date | None] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str] = mapped_column(String(300), default="")
    __table_args__ = (
        CheckConstraint("amount_cents >= 0", name="amount_not_negative"),
        Index("ix_payment_line", "funding_line_id"),
        Index("ix_payment_tranche", "tranche_id"),
        Index("ix_payment_received_on", "received_on"),
    )


class CofinancingShare(Base):
    """The part of a funding line one partner of the consortium receives."""

    __tablename__ = "cofinancing_share"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    funding_line_id: Mapped[int] = mapped_column(ForeignKey("funding_line.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (
        UniqueConstraint(
            "funding_line_id", "organisation_id", name="uq_cofinancing_share_line_org"
        ),
        CheckConstraint("amount_cents >= 0", name="amount_not_negative"),
        Index("ix_cofinancing_share_organisation", "organisation_id"),
    )


class LineYearAmount(Base):
    """The part of a funding line's granted amount committed in one year (multi-year grants)."""

    __tablename__ = "line_year_amount"
    funding_line_id: Mapped[int] = mapped_column(
        ForeignKey("funding_line.id", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (CheckConstraint("amount_cents >= 0", name="amount_not_negative"),)


class AidRateRule(Base):
    """A maximum aid rate for one kind of partner, set by a call or by a funder for an instrument.

    `max_rate_bp` is in basis points (4 500 = 45 %) of the cost `base` (eligible costs, marginal
    costs, full costs); `source` says where the rule comes from (a call's rules, a regulation).
    """

    __tablename__ = "aid_rate_rule"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[int | None] = mapped_column(ForeignKey("call.id", ondelete="CASCADE"))
    funder_id: Mapped[int | None] = mapped_column(ForeignKey("funder.id", ondelete="CASCADE"))
    #: The instrument a funder's rule covers; None for every instrument.
    instrument: Mapped[str | None] = mapped_column(String(32))
    partner_kind: Mapped[str] = mapped_column(String(32))
    max_rate_bp: Mapped[int] = mapped_column(Integer)
    base: Mapped[str] = mapped_column(String(32), default="eligible_costs")
    source: Mapped[str] = mapped_column(String(500), default="")
    __table_args__ = (
        CheckConstraint("max_rate_bp BETWEEN 0 AND 10000", name="rate_range"),
        CheckConstraint("call_id IS NOT NULL OR funder_id IS NOT NULL", name="call_or_funder"),
        Index("ix_aid_rate_rule_call", "call_id"),
        Index("ix_aid_rate_rule_funder", "funder_id"),
    )


# -- 0011: submissions, committees, follow-up ------------------------------------------------------


class Committee(Base):
    """A labelling committee session: its date, members and the submissions on its agenda."""

    __tablename__ = "committee"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date | None] = mapped_column(Date)
    #: The members present, one per line.
    members: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_committee_held_on", "held_on"),)


class Submission(Base):
    """A project sent to one call: the cluster's label decision and the funder's answer.

    A project has one or more; its status is kept consistent with them by
    `domain.submissions.project_status` (see `storage.submissions`).
    """

    __tablename__ = "submission"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    call_id: Mapped[int | None] = mapped_column(ForeignKey("call.id", ondelete="SET NULL"))
    submitted_on: Mapped[date | None] = mapped_column(Date)
    requested_cents: Mapped[int | None] = mapped_column(BigInteger)
    #: `domain.submissions.LabelDecision`, None while undecided.
    label_decision: Mapped[str | None] = mapped_column(String(32))
    label_decided_on: Mapped[date | None] = mapped_column(Date)
    committee_id: Mapped[int | None] = mapped_column(
        ForeignKey("committee.id", ondelete="SET NULL")
    )
    #: Why the project was labelled without any evaluation ("" when it was evaluated).
    label_override: Mapped[str] = mapped_column(Text, default="")
    #: `domain.submissions.FunderDecision`, None while awaited.
    funder_decision: Mapped[str | None] = mapped_column(String(20))
    funder_decided_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        Index("ix_submission_project", "project_id"),
        Index("ix_submission_call", "call_id"),
        Index("ix_submission_committee", "committee_id"),
    )


class FollowUp(Base):
    """A dated obligation of a funded project: a milestone, a deliverable, a report owed to a
    funder (`domain.follow_up.FollowUpKind`), due on a date, done or received on another."""

    __tablename__ = "follow_up"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300), default="")
    #: The funder a report is owed to.
    funder_id: Mapped[int | None] = mapped_column(ForeignKey("funder.id", ondelete="SET NULL"))
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        Index("ix_follow_up_project", "project_id"),
        Index("ix_follow_up_due", "due_on", "done_on"),
    )


class Snapshot(Base):
    """Named, frozen figures of the portfolio as it stood at a day (0012): later edits never
    change them. `figures` is JSON (`services.snapshots.SnapshotFigures`), amounts in cents."""

    __tablename__ = "snapshot"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    as_of: Mapped[date] = mapped_column(Date)
    taken_at: Mapped[datetime] = mapped_column(DateTime)
    taken_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    figures: Mapped[str] = mapped_column(Text)

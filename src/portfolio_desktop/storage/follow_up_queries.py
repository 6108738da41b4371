"""Rows of the export's experts, evaluations, committees, submissions and follow-up sheets, in
`services.workbook_schema` column order (codes, integer cents, dates; words come later).

Evaluations, submissions and follow-up items are those of the filter's projects; every expert
and committee is exported (a re-import needs the experts its evaluations name).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.filters import ProjectFilter
from . import tables as t
from .export_queries import Lookups, _project_condition, _stream

Row = tuple[Any, ...]
SEPARATOR = "; "


def expert_rows(session: Session) -> list[Row]:
    domains: dict[int, list[str]] = {}
    for expert_id, name in session.execute(
        select(t.ExpertDomain.expert_id, t.Domain.name)
        .join(t.Domain, t.Domain.id == t.ExpertDomain.domain_id)
        .order_by(t.Domain.position, t.Domain.name)
    ):
        domains.setdefault(expert_id, []).append(name)
    ties: dict[int, list[str]] = {}
    for expert_id, name in session.execute(
        select(t.ExpertTie.expert_id, t.Organisation.name)
        .join(t.Organisation, t.Organisation.id == t.ExpertTie.organisation_id)
        .order_by(t.Organisation.name)
    ):
        ties.setdefault(expert_id, []).append(name)
    return [
        (
            name,
            email,
            affiliation,
            SEPARATOR.join(domains.get(i, [])),
            SEPARATOR.join(ties.get(i, [])),
        )
        for i, name, email, affiliation in session.execute(
            select(t.Expert.id, t.Expert.name, t.Expert.email, t.Expert.affiliation).order_by(
                t.Expert.name, t.Expert.id
            )
        )
    ]


def evaluation_rows(session: Session, flt: ProjectFilter, refs: Lookups) -> Iterator[Row]:
    e = t.Evaluation
    experts = {
        i: (name, email)
        for i, name, email in session.execute(select(t.Expert.id, t.Expert.name, t.Expert.email))
    }
    query = (
        select(
            e.project_id,
            e.expert_id,
            e.evaluated_on,
            e.score_innovation,
            e.score_consortium,
            e.score_impact,
            e.score_feasibility,
            e.recommendation,
            e.opinion,
        )
        .where(_project_condition(flt, e.project_id))
        .order_by(e.project_id, e.id)
    )
    for project_id, expert_id, *rest in _stream(session, query):
        cluster, reference = refs.projects[project_id]
        yield (cluster, reference, *experts[expert_id], *rest)


def committee_rows(session: Session) -> list[Row]:
    c = t.Committee
    return [
        (name, held_on, (members or "").replace("\n", SEPARATOR), notes)
        for name, held_on, members, notes in session.execute(
            select(c.name, c.held_on, c.members, c.notes).order_by(c.held_on, c.id)
        )
    ]


def submission_rows(session: Session, flt: ProjectFilter, refs: Lookups) -> Iterator[Row]:
    s = t.Submission
    calls = dict(session.execute(select(t.Call.id, t.Call.name)).all())
    committees = dict(session.execute(select(t.Committee.id, t.Committee.name)).all())
    query = (
        select(
            s.project_id,
            s.call_id,
            s.submitted_on,
            s.requested_cents,
            s.label_decision,
            s.label_decided_on,
            s.committee_id,
            s.label_override,
            s.funder_decision,
            s.funder_decided_on,
            s.withdrawn_on,
            s.notes,
        )
        .where(_project_condition(flt, s.project_id))
        .order_by(s.project_id, s.submitted_on, s.id)
    )
    for project_id, call_id, submitted, requested, label, label_on, committee_id, *rest in _stream(
        session, query
    ):
        cluster, reference = refs.projects[project_id]
        yield (
            cluster,
            reference,
            calls.get(call_id) if call_id is not None else None,
            submitted,
            requested,
            label,
            label_on,
            committees.get(committee_id) if committee_id is not None else None,
            *rest,
        )


def follow_up_rows(session: Session, flt: ProjectFilter, refs: Lookups) -> Iterator[Row]:
    f = t.FollowUp
    query = (
        select(f.project_id, f.kind, f.title, f.funder_id, f.due_on, f.done_on, f.notes)
        .where(_project_condition(flt, f.project_id))
        .order_by(f.project_id, f.due_on, f.id)
    )
    for project_id, kind, title, funder_id, *rest in _stream(session, query):
        cluster, reference = refs.projects[project_id]
        funder = refs.funders.get(funder_id) if funder_id is not None else None
        yield (cluster, reference, kind, title, funder, *rest)


# -- what is due -----------------------------------------------------------------------------------


def open_items(session: Session, until: date) -> list[Row]:
    """Follow-up items not done and due on or before `until` (overdue ones included), soonest
    first: (project id, reference, acronym, kind, title, funder name, due on)."""
    f = t.FollowUp
    query = (
        select(
            f.project_id,
            t.Project.reference,
            t.Project.acronym,
            f.kind,
            f.title,
            t.Funder.name,
            f.due_on,
        )
        .join(t.Project, t.Project.id == f.project_id)
        .outerjoin(t.Funder, t.Funder.id == f.funder_id)
        .where(f.done_on.is_(None), f.due_on <= until)
        .order_by(f.due_on, t.Project.reference, f.id)
    )
    return [tuple(row) for row in session.execute(query)]


# -- a project's sheet -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProjectSheetData:
    """Everything the one-page project sheet shows, as plain values (codes, cents, dates)."""

    reference: str
    acronym: str
    title: str
    status: str
    cluster: str
    call: str
    dates: dict[str, date | None]
    total_budget_cents: int | None
    granted_cents: int
    requested_cents: int
    domains: str
    regions: str
    #: (organisation, kind code, role code, budget cents), the lead first.
    partners: list[Row]
    #: (funder, instrument code, requested, granted, paid cents, decision date).
    funding: list[Row]
    #: (call, submitted on, label decision code, label date, committee, funder decision, date).
    submissions: list[Row]
    #: (expert, evaluated on, four scores, recommendation code).
    evaluations: list[Row]
    #: (kind code, title, funder, due on, done on).
    follow_up: list[Row]


def find_projects(session: Session, reference: str) -> list[int]:
    """The ids of the projects with this reference (one per cluster at most)."""
    return list(session.scalars(select(t.Project.id).where(t.Project.reference == reference)))


def project_sheet_data(session: Session, project_id: int) -> ProjectSheetData:
    p = session.get(t.Project, project_id)
    assert p is not None
    cluster = session.scalar(select(t.Cluster.code).where(t.Cluster.id == p.cluster_id)) or ""
    call = session.scalar(select(t.Call.name).where(t.Call.id == p.call_id)) if p.call_id else None
    partners = [
        tuple(r)
        for r in session.execute(
            select(
                t.Organisation.name,
                t.Organisation.kind,
                t.Participation.role,
                t.Participation.budget_cents,
            )
            .join(t.Organisation, t.Organisation.id == t.Participation.organisation_id)
            .where(t.Participation.project_id == project_id)
            .order_by(t.Participation.role != "lead", t.Participation.budget_cents.desc())
        )
    ]
    funding = [
        tuple(r)
        for r in session.execute(
            select(
                t.Funder.name,
                t.FundingLine.instrument,
                t.FundingLine.requested_cents,
                t.FundingLine.granted_cents,
                t.FundingLine.paid_cents,
                t.FundingLine.decision_on,
            )
            .join(t.Funder, t.Funder.id == t.FundingLine.funder_id)
            .where(t.FundingLine.project_id == project_id)
            .order_by(t.FundingLine.granted_cents.desc().nulls_last(), t.FundingLine.id)
        )
    ]
    s = t.Submission
    submissions = [
        tuple(r)
        for r in session.execute(
            select(
                t.Call.name,
                s.submitted_on,
                s.label_decision,
                s.label_decided_on,
                t.Committee.name,
                s.funder_decision,
                s.funder_decided_on,
            )
            .outerjoin(t.Call, t.Call.id == s.call_id)
            .outerjoin(t.Committee, t.Committee.id == s.committee_id)
            .where(s.project_id == project_id)
            .order_by(s.submitted_on, s.id)
        )
    ]
    e = t.Evaluation
    evaluations = [
        tuple(r)
        for r in session.execute(
            select(
                t.Expert.name,
                e.evaluated_on,
                e.score_innovation,
                e.score_consortium,
                e.score_impact,
                e.score_feasibility,
                e.recommendation,
            )
            .join(t.Expert, t.Expert.id == e.expert_id)
            .where(e.project_id == project_id)
            .order_by(e.evaluated_on, e.id)
        )
    ]
    f = t.FollowUp
    follow_up = [
        tuple(r)
        for r in session.execute(
            select(f.kind, f.title, t.Funder.name, f.due_on, f.done_on)
            .outerjoin(t.Funder, t.Funder.id == f.funder_id)
            .where(f.project_id == project_id)
            .order_by(f.due_on, f.id)
        )
    ]
    return ProjectSheetData(
        reference=p.reference,
        acronym=p.acronym,
        title=p.title,
        status=p.status,
        cluster=cluster,
        call=call or "",
        dates={
            name: getattr(p, name)
            for name in (
                "submitted_on",
                "evaluated_on",
                "labelling_decided_on",
                "funding_decided_on",
                "start_on",
                "end_on",
                "closed_on",
                "abandoned_on",
            )
        },
        total_budget_cents=p.total_budget_cents,
        granted_cents=p.granted_cents,
        requested_cents=p.requested_cents,
        domains=p.domains_label,
        regions=p.regions_label,
        partners=partners,
        funding=funding,
        submissions=submissions,
        evaluations=evaluations,
        follow_up=follow_up,
    )


# -- what the importer of these sheets matches against ---------------------------------------------


def named_rows(session: Session, table: str) -> list[dict[str, Any]]:
    """Every expert (id, name, email, affiliation) or committee (id, name, held_on, members,
    notes), as dicts."""
    tab = t.Base.metadata.tables[table]
    columns = {
        "expert": ("id", "name", "email", "affiliation"),
        "committee": ("id", "name", "held_on", "members", "notes"),
    }[table]
    return [dict(row) for row in session.execute(select(*(tab.c[c] for c in columns))).mappings()]


def project_keys(session: Session) -> dict[tuple[int, str], int]:
    """(cluster id, reference) → project id, for every project."""
    query = select(t.Project.id, t.Project.cluster_id, t.Project.reference)
    return {(c, r): i for i, c, r in session.execute(query)}


def rows_by_project(session: Session, table: str) -> dict[int, list[dict[str, Any]]]:
    """Every row of `evaluation`, `submission` or `follow_up`, by project."""
    tab = t.Base.metadata.tables[table]
    found: dict[int, list[dict[str, Any]]] = {}
    for row in session.execute(select(tab)).mappings():
        found.setdefault(row["project_id"], []).append(dict(row))
    return found


# -- the timeline ----------------------------------------------------------------------------------


def timeline_rows(
    session: Session, statuses: tuple[str, ...]
) -> tuple[list[Row], dict[int, list[Row]]]:
    """Projects at these statuses with a start and an end date, by start (id, reference, acronym,
    start, end, status), and their follow-up items by project (due on, done on, kind)."""
    p = t.Project
    projects = [
        tuple(row)
        for row in session.execute(
            select(p.id, p.reference, p.acronym, p.start_on, p.end_on, p.status)
            .where(p.status.in_(statuses), p.start_on.is_not(None), p.end_on.is_not(None))
            .order_by(p.start_on, p.reference)
        )
    ]
    f = t.FollowUp
    items: dict[int, list[Row]] = {}
    wanted = select(p.id).where(
        p.status.in_(statuses), p.start_on.is_not(None), p.end_on.is_not(None)
    )
    for project_id, due, done, kind in session.execute(
        select(f.project_id, f.due_on, f.done_on, f.kind)
        .where(f.project_id.in_(wanted))
        .order_by(f.due_on)
    ):
        items.setdefault(project_id, []).append((due, done, kind))
    return projects, items

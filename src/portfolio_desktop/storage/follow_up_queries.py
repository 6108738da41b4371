"""Rows of the export's experts, evaluations, committees, submissions and follow-up sheets, in
`services.workbook_schema` column order (codes, integer cents, dates; words come later).

Evaluations, submissions and follow-up items are those of the filter's projects; every expert
and committee is exported (a re-import needs the experts its evaluations name).
"""

from __future__ import annotations

from collections.abc import Iterator
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

"""Every stored project as the domain's plain records, read in batches, for `check` to run the rules.

The rules are the domain's own (`domain.rules.check_project_state`): nothing here decides what is
wrong, so that `check` and the editor say the same thing in the same words. This module only
reads: projects by id range (`BATCH` at a time) with their partners, funding lines, domain split
and evaluations, each read with one query per batch and table, straight from the DB-API cursor
(no ORM objects, no type processing: a stored value the domain's lists do not know is kept aside
as an unknown code, a date that does not parse is left out — `storage.integrity` reports those).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from ..domain.enums import Instrument, OrganisationKind, PartnerRole, ProjectStatus, Recommendation
from ..domain.model import (
    Assessment,
    DomainShare,
    EvaluationRecord,
    FundingLineRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)

#: Projects read per batch: a few thousand rows of each table, a few megabytes of records.
BATCH = 5000


@dataclass(slots=True)
class StoredProject:
    """A project as stored: its record, its evaluations, and the codes no list of the domain holds.

    `status_code` is the stored status (the record carries `draft` when it is unknown);
    `unknown` lists (field, column, value) for codes read that are not in their closed list.
    """

    record: ProjectRecord
    status_code: str
    evaluations: list[EvaluationRecord] = field(default_factory=list)
    unknown: list[tuple[str, str, str]] = field(default_factory=list)


_FROM_ISO = date.fromisoformat


def _date(value: Any) -> date | None:
    """A stored date: a date (PostgreSQL), an ISO string (SQLite), or None when it does not parse."""
    if value is None:
        return None
    if type(value) is str:
        try:
            return _FROM_ISO(value)
        except ValueError:
            try:
                return _FROM_ISO(value[:10])
            except ValueError:
                return None
    return value if isinstance(value, date) else None


def _int(value: Any) -> int | None:
    """A stored integer (a value stored as text by hand is read if it is one, else None)."""
    if value is None or type(value) is int:
        return value
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _rows(session: Session, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    """Plain tuples from the DB-API cursor (no row objects, no result processing).

    On SQLite, text that is not valid UTF-8 fails the read: the batch is read again with
    replacement characters instead (`storage.integrity` names the damaged values), so that the
    usual case keeps SQLite's own fast decoding.
    """
    try:
        return _fetch(session, sql, params)
    except (OperationalError, sqlite3.OperationalError) as error:
        if "decode" not in str(error).lower():
            raise
    with _tolerant_text(session):
        return _fetch(session, sql, params)


def _fetch(session: Session, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    cursor = session.connection().execute(text(sql), params).cursor
    assert cursor is not None
    return list(cursor.fetchall())


@contextmanager
def _tolerant_text(session: Session) -> Iterator[None]:
    connection = session.connection()
    raw = connection.connection.dbapi_connection
    if connection.dialect.name != "sqlite" or raw is None:
        yield
        return
    previous = raw.text_factory
    raw.text_factory = lambda data: data.decode("utf-8", errors="replace")
    try:
        yield
    finally:
        raw.text_factory = previous


def expert_ties(session: Session) -> dict[int, frozenset[int]]:
    """Each expert's organisations (employer, board seat…): the conflicts of interest."""
    ties: dict[int, set[int]] = {}
    for expert_id, organisation_id in _rows(
        session, "SELECT expert_id, organisation_id FROM expert_tie"
    ):
        ties.setdefault(int(expert_id), set()).add(int(organisation_id))
    return {expert: frozenset(orgs) for expert, orgs in ties.items()}


_PROJECT_SQL = (
    "SELECT id, cluster_id, reference, acronym, title, status, submitted_on, evaluated_on, "
    "labelling_decided_on, funding_decided_on, closed_on, abandoned_on, start_on, end_on, "
    "total_budget_cents, eligible_costs_cents, rd_carbon, rd_resources, rd_recyclability, "
    "rd_energy, rd_ethics, version FROM project WHERE id > :after ORDER BY id LIMIT :size"
)
_PARTNER_SQL = (
    "SELECT p.project_id, p.id, p.organisation_id, p.role, p.budget_cents, o.name "
    "FROM participation p LEFT JOIN organisation o ON o.id = p.organisation_id "
    "WHERE p.project_id BETWEEN :low AND :high ORDER BY p.project_id, p.id"
)
_LINE_SQL = (
    "SELECT project_id, id, funder_id, instrument, requested_cents, granted_cents, paid_cents, "
    "decision_on, beneficiary_id, granted_override FROM funding_line "
    "WHERE project_id BETWEEN :low AND :high ORDER BY project_id, id"
)
_DOMAIN_SQL = (
    "SELECT project_id, domain_id, percent FROM project_domain "
    "WHERE project_id BETWEEN :low AND :high ORDER BY project_id, domain_id"
)
_EVALUATION_SQL = (
    "SELECT e.project_id, e.id, e.expert_id, e.evaluated_on, e.score_innovation, "
    "e.score_consortium, e.score_impact, e.score_feasibility, e.recommendation, x.name "
    "FROM evaluation e LEFT JOIN expert x ON x.id = e.expert_id "
    "WHERE e.project_id BETWEEN :low AND :high ORDER BY e.project_id, e.id"
)

_STATUSES = ProjectStatus._value2member_map_
_INSTRUMENTS = Instrument._value2member_map_
_ROLES = PartnerRole._value2member_map_
_RECOMMENDATIONS = Recommendation._value2member_map_


def _project(row: tuple[Any, ...]) -> StoredProject:
    (pid, cluster_id, reference, acronym, title, status, submitted, evaluated, labelled, funded,
     closed, abandoned, start, end, budget, eligible, *scores, version) = row  # fmt: skip
    code = str(status or "")
    record = ProjectRecord(
        cluster_id=int(cluster_id),
        reference=str(reference or ""),
        acronym=str(acronym or ""),
        title=str(title or ""),
        status=_STATUSES.get(code, ProjectStatus.DRAFT),  # type: ignore[arg-type]
        submitted_on=_date(submitted),
        evaluated_on=_date(evaluated),
        labelling_decided_on=_date(labelled),
        funding_decided_on=_date(funded),
        closed_on=_date(closed),
        abandoned_on=_date(abandoned),
        start_on=_date(start),
        end_on=_date(end),
        total_budget_cents=_int(budget),
        eligible_costs_cents=_int(eligible),
        assessment=Assessment(*(_int(s) for s in scores)),
        id=int(pid),
        version=int(version or 0),
    )
    return StoredProject(record, code)


def project_batches(session: Session, *, size: int = BATCH) -> Iterator[list[StoredProject]]:
    """Every project with its partners, funding lines, domain split and evaluations, `size` at a
    time in id order, on a read unit of work."""
    after = 0
    while True:
        batch = [_project(row) for row in _rows(session, _PROJECT_SQL, after=after, size=size)]
        if not batch:
            return
        by_id = {p.record.id: p for p in batch}
        low, high = int(batch[0].record.id or 0), int(batch[-1].record.id or 0)
        for pid, _id, org_id, role, budget, name in _rows(
            session, _PARTNER_SQL, low=low, high=high
        ):
            project = by_id.get(pid)
            if project is None:
                continue
            index = len(project.record.partners)
            if role not in _ROLES:
                project.unknown.append((f"partners[{index}].role", "role", str(role)))
            project.record.partners.append(
                PartnerRecord(
                    int(org_id),
                    _ROLES.get(role, PartnerRole.PARTNER),  # type: ignore[arg-type]
                    _int(budget),
                    organisation_name=str(name or ""),
                )
            )
        for (pid, line_id, funder_id, instrument, requested, granted, paid, decision,
             beneficiary, override) in _rows(session, _LINE_SQL, low=low, high=high):  # fmt: skip
            project = by_id.get(pid)
            if project is None:
                continue
            index = len(project.record.funding_lines)
            if instrument not in _INSTRUMENTS:
                project.unknown.append(
                    (f"funding_lines[{index}].instrument", "instrument", str(instrument))
                )
            project.record.funding_lines.append(
                FundingLineRecord(
                    funder_id=int(funder_id),
                    instrument=_INSTRUMENTS.get(instrument, Instrument.GRANT),  # type: ignore[arg-type]
                    requested_cents=_int(requested),
                    granted_cents=_int(granted),
                    paid_cents=_int(paid),
                    decision_on=_date(decision),
                    beneficiary_id=_int(beneficiary),
                    granted_override=bool(override),
                    id=int(line_id),
                )
            )
        for pid, domain_id, percent in _rows(session, _DOMAIN_SQL, low=low, high=high):
            project = by_id.get(pid)
            if project is not None:
                project.record.domains.append(DomainShare(int(domain_id), int(percent or 0)))
        for (pid, evaluation_id, expert_id, evaluated, *scores, recommendation,
             expert_name) in _rows(session, _EVALUATION_SQL, low=low, high=high):  # fmt: skip
            project = by_id.get(pid)
            if project is None:
                continue
            if recommendation is not None and recommendation not in _RECOMMENDATIONS:
                index = len(project.evaluations)
                project.unknown.append(
                    (f"evaluations[{index}].recommendation", "recommendation", str(recommendation))
                )
            project.evaluations.append(
                EvaluationRecord(
                    expert_id=int(expert_id),
                    evaluated_on=_date(evaluated),
                    score_innovation=_int(scores[0]),
                    score_consortium=_int(scores[1]),
                    score_impact=_int(scores[2]),
                    score_feasibility=_int(scores[3]),
                    recommendation=_RECOMMENDATIONS.get(recommendation),  # type: ignore[arg-type]
                    id=int(evaluation_id),
                    expert_name=str(expert_name or ""),
                )
            )
        yield batch
        after = high


_ORGANISATION_SQL = (
    "SELECT id, name, kind, siren, siret, member_since, member_until FROM organisation "
    "WHERE id > :after ORDER BY id LIMIT :size"
)
_KINDS = OrganisationKind._value2member_map_
#: The organisation kind codes the domain knows.
ORGANISATION_KINDS = frozenset(_KINDS)


def count_projects(session: Session) -> int:
    return int(_rows(session, "SELECT count(*) FROM project")[0][0])


def organisation_batches(
    session: Session, *, size: int = BATCH
) -> Iterator[list[tuple[OrganisationRecord, str]]]:
    """Every organisation as (record, stored kind code), `size` at a time in id order."""
    after = 0
    while True:
        rows = _rows(session, _ORGANISATION_SQL, after=after, size=size)
        if not rows:
            return
        batch = []
        for org_id, name, kind, siren, siret, since, until in rows:
            code = str(kind or "")
            record = OrganisationRecord(
                name=str(name or ""),
                kind=OrganisationKind(code) if code in ORGANISATION_KINDS else OrganisationKind.SME,
                siren=siren or None,
                siret=siret or None,
                member_since=_date(since),
                member_until=_date(until),
                id=int(org_id),
            )
            batch.append((record, code))
        yield batch
        after = int(rows[-1][0])

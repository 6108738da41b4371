"""Writers of organisations (edits, deletions, merges of duplicates) and of reference rows
(funders, calls, domains, experts).

An organisation's name shows in its projects' lead and search columns: every change here
refreshes those projects' summaries once, at the end of `apply`.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ...domain import rules
from ...domain.enums import PartnerRole
from ...domain.rules import Issue
from ...domain.text import fold
from .. import clusters, history, money, reference, repository
from .. import tables as t
from ..changes import (
    Action,
    DomainExperts,
    ExpertLinks,
    MergeOrganisations,
    OrganisationChange,
    RefChange,
    RuleChange,
    UnmergeOrganisations,
)
from ..repository import MergeSnapshot, StaleError
from .aid_rates import write_rule
from .core import Run, register
from .projects import bump


def _organisation_values(record: Any) -> dict[str, Any]:
    return {
        "name": record.name.strip(),
        "name_key": fold(record.name),
        "kind": record.kind.value,
        "siren": record.siren or None,
        "siret": record.siret or None,
        "region": record.region or None,
        "city": record.city,
        "is_member": record.is_member,
        "member_since": record.member_since,
        "member_until": record.member_until,
    }


def _tie_experts(session: Session, organisation_id: int) -> tuple[int, ...]:
    return tuple(
        session.scalars(
            select(t.ExpertTie.expert_id)
            .where(t.ExpertTie.organisation_id == organisation_id)
            .order_by(t.ExpertTie.expert_id)
        )
    )


@register(OrganisationChange)
def write_organisation(run: Run, change: OrganisationChange) -> None:
    session = run.session
    record = copy.deepcopy(change.organisation)
    if change.action is Action.DELETE:
        assert record.id is not None
        before = repository.load_organisation(session, record.id)
        if before is None:
            raise StaleError("organisation", record.id, None)
        used = repository.organisation_usage(session, record.id)
        if run.refuse(
            "organisation",
            record.id,
            [Issue("in_use", "", {"count": used, "name": before.name})] if used else [],
        ):
            return
        ties = _tie_experts(session, record.id)
        history.record_deleted(session, "organisation", [record.id])
        session.execute(delete(t.ExpertTie).where(t.ExpertTie.organisation_id == record.id))
        session.execute(delete(t.Organisation).where(t.Organisation.id == record.id))
        run.deleted("organisation", record.id)
        run.undo_with(OrganisationChange(Action.CREATE, before, tied_experts=ties))
        return
    if run.refuse("organisation", record.id, rules.check_organisation(record)):
        return
    values = _organisation_values(record)
    if change.action is Action.CREATE:
        restoring = record.id is not None
        version = record.version if restoring and record.version > 0 else 1
        if restoring:
            values["id"] = record.id
        new_id = t.insert_id(session, t.Organisation, {"version": version, **values})
        history.diff_rows(session, "organisation", {}, {new_id: values}, restored=restoring)
        known = set(
            session.scalars(select(t.Expert.id).where(t.Expert.id.in_(change.tied_experts)))
        )
        for expert_id in dict.fromkeys(change.tied_experts):
            if expert_id in known:
                session.add(t.ExpertTie(expert_id=expert_id, organisation_id=new_id))
        session.flush()
        run.created("organisation", new_id)
        run.wrote("organisation", new_id, version=version)
        saved = copy.deepcopy(record)
        saved.id, saved.version = new_id, version
        run.undo_with(OrganisationChange(Action.DELETE, saved))
        return
    assert record.id is not None and change.expected_version is not None
    before = repository.load_organisation(session, record.id)
    if before is None:
        raise StaleError("organisation", record.id, None)
    old = history.snapshot(session, "organisation", [record.id])
    version = bump(session, t.Organisation, record.id, change.expected_version, values)
    history.diff_rows(
        session, "organisation", old, {i: {**row, **values} for i, row in old.items()}
    )
    run.wrote("organisation", record.id, version=version)
    # Its name appears in the projects' lead and search columns.
    run.touch(repository.projects_of_organisation(session, record.id))
    run.undo_with(OrganisationChange(Action.UPDATE, before, expected_version=version))


# -- merging duplicates ---------------------------------------------------------------------------


@register(MergeOrganisations)
def write_merge(run: Run, change: MergeOrganisations) -> None:
    """Moves every link of the merged organisations onto the one kept, then deletes them.

    A project where both took part keeps one participation (the kept one's, taking the lead role
    and adding the budgets). The undo is an `UnmergeOrganisations` of what changed."""
    session = run.session
    keep_id = change.keep_id
    snapshot = MergeSnapshot(keep_id)
    touched: set[int] = set()
    watched = _merge_watch(session, [keep_id, *change.merged_ids])
    concerned = sorted(
        set(
            session.scalars(
                select(t.Participation.project_id).where(
                    t.Participation.organisation_id.in_([keep_id, *change.merged_ids])
                )
            )
        )
    )
    conflicts = _conflicts(run, concerned)
    for merged in change.merged_ids:
        if merged == keep_id:
            continue
        record = repository.load_organisation(session, merged)
        if record is None:
            continue
        snapshot.organisations.append(record)
        for part in session.scalars(
            select(t.Participation).where(t.Participation.organisation_id == merged)
        ).all():
            touched.add(part.project_id)
            clash = session.scalar(
                select(t.Participation).where(
                    t.Participation.project_id == part.project_id,
                    t.Participation.organisation_id == keep_id,
                )
            )
            if clash is None:
                snapshot.moved.append((part.id, merged))
                part.organisation_id = keep_id
                continue
            snapshot.kept_before.append(
                {"id": clash.id, "role": clash.role, "budget_cents": clash.budget_cents}
            )
            snapshot.deleted.append(
                {
                    "id": part.id,
                    "project_id": part.project_id,
                    "organisation_id": merged,
                    "role": part.role,
                    "budget_cents": part.budget_cents,
                }
            )
            if part.role == PartnerRole.LEAD.value:
                clash.role = PartnerRole.LEAD.value
            if clash.budget_cents is not None or part.budget_cents is not None:
                clash.budget_cents = (clash.budget_cents or 0) + (part.budget_cents or 0)
            session.delete(part)
        session.flush()
        for line_id, project_id in session.execute(
            select(t.FundingLine.id, t.FundingLine.project_id).where(
                t.FundingLine.beneficiary_id == merged
            )
        ).all():
            snapshot.beneficiaries.append((line_id, merged))
            touched.add(project_id)
        session.execute(
            update(t.FundingLine)
            .where(t.FundingLine.beneficiary_id == merged)
            .values(beneficiary_id=keep_id)
        )
        for (expert_id,) in session.execute(
            select(t.ExpertTie.expert_id).where(t.ExpertTie.organisation_id == merged)
        ).all():
            snapshot.ties.append((expert_id, merged))
            if session.get(t.ExpertTie, (expert_id, keep_id)) is None:
                session.add(t.ExpertTie(expert_id=expert_id, organisation_id=keep_id))
                snapshot.ties_added.append(expert_id)
        session.execute(delete(t.ExpertTie).where(t.ExpertTie.organisation_id == merged))
        session.execute(delete(t.Organisation).where(t.Organisation.id == merged))
        session.flush()
        run.deleted("organisation", merged)
    snapshot.projects = sorted(touched)
    _merge_record(session, watched)
    _recheck_conflicts(run, snapshot.projects, conflicts)
    run.touch(snapshot.projects)
    run.wrote("participation", keep_id)
    run.applied.results.append(snapshot)
    run.undo_with(UnmergeOrganisations(snapshot))


def _conflicts(run: Run, project_ids: Sequence[int]) -> dict[tuple[int, str], Issue]:
    """The conflicts of interest on these projects as they stand, by (project, expert)."""
    found: dict[tuple[int, str], Issue] = {}
    for project_id in project_ids:
        evaluations = repository.load_evaluations(run.session, project_id)
        if not evaluations:
            continue
        record = repository.load_project(run.session, project_id)
        if record is None:
            continue
        ties = {e.expert_id: repository.expert_ties(run.session, e.expert_id) for e in evaluations}
        for issue in rules.check_evaluations(
            evaluations,
            ties,
            [p.organisation_id for p in record.partners],
            {p.organisation_id: p.organisation_name for p in record.partners},
        ):
            if issue.code == "conflict_of_interest_expert":
                found[(project_id, str(issue.params.get("expert")))] = issue
    return found


def _recheck_conflicts(
    run: Run, project_ids: Sequence[int], before: dict[tuple[int, str], Issue]
) -> None:
    """Partners moved, or an expert's ties changed: a conflict of interest the change brings
    (an expert now tied to a partner of a project the expert evaluated) refuses it."""
    for key, issue in _conflicts(run, project_ids).items():
        if key not in before:
            run.refuse("project", key[0], [issue])


def _merge_watch(session: Session, organisation_ids: list[int]) -> dict[str, dict[int, Any]]:
    """What a merge (or its undo) may change: the organisations, their partners and lines."""
    part_ids = session.scalars(
        select(t.Participation.id).where(t.Participation.organisation_id.in_(organisation_ids))
    ).all()
    line_ids = session.scalars(
        select(t.FundingLine.id).where(t.FundingLine.beneficiary_id.in_(organisation_ids))
    ).all()
    return {
        "organisation": history.snapshot(session, "organisation", organisation_ids),
        "participation": history.snapshot(session, "participation", part_ids),
        "funding_line": history.snapshot(session, "funding_line", line_ids),
    }


def _merge_record(session: Session, before: dict[str, dict[int, Any]]) -> None:
    """Records what became of the rows `_merge_watch` saw (moved, deleted, updated)."""
    for table, rows in before.items():
        history.diff_rows(session, table, rows, history.snapshot(session, table, rows))


@register(UnmergeOrganisations)
def write_unmerge(run: Run, change: UnmergeOrganisations) -> None:
    """Undoes a merge: the organisations and every link come back as they were."""
    session = run.session
    snapshot: MergeSnapshot = change.snapshot
    watched = _merge_watch(session, [snapshot.keep_id])
    conflicts = _conflicts(run, snapshot.projects)
    for record in snapshot.organisations:
        values = _organisation_values(record)
        t.insert_id(session, t.Organisation, {"id": record.id, "version": record.version, **values})
        history.diff_rows(session, "organisation", {}, {record.id or 0: values}, restored=True)
        run.created("organisation", record.id or 0)
    for part_id, former in snapshot.moved:
        session.execute(
            update(t.Participation)
            .where(t.Participation.id == part_id)
            .values(organisation_id=former)
        )
    for row in snapshot.kept_before:
        session.execute(
            update(t.Participation)
            .where(t.Participation.id == row["id"])
            .values(role=row["role"], budget_cents=row["budget_cents"])
        )
    for row in snapshot.deleted:
        session.execute(t.table_of(t.Participation).insert().values(**row))
    for line_id, former in snapshot.beneficiaries:
        session.execute(
            update(t.FundingLine).where(t.FundingLine.id == line_id).values(beneficiary_id=former)
        )
    for expert_id in snapshot.ties_added:
        session.execute(
            delete(t.ExpertTie).where(
                t.ExpertTie.expert_id == expert_id, t.ExpertTie.organisation_id == snapshot.keep_id
            )
        )
    for expert_id, org_id in snapshot.ties:
        session.add(t.ExpertTie(expert_id=expert_id, organisation_id=org_id))
    session.flush()
    _merge_record(session, watched)
    history.diff_rows(
        session,
        "participation",
        {},
        history.snapshot(session, "participation", [row["id"] for row in snapshot.deleted]),
        restored=True,
    )
    _recheck_conflicts(run, snapshot.projects, conflicts)
    run.touch(snapshot.projects)
    run.wrote("participation", snapshot.keep_id)


# -- reference rows -------------------------------------------------------------------------------

_MODELS: dict[str, Any] = {
    "funder": t.Funder,
    "call": t.Call,
    "domain": t.Domain,
    "expert": t.Expert,
    "cluster": t.Cluster,
}


@register(RefChange)
def write_reference(run: Run, change: RefChange) -> None:
    """Inserts (a new row, or a deleted row under its id for undo), updates or deletes a
    funder, call, domain, expert or cluster row."""
    session = run.session
    model = _MODELS[change.table]
    table = change.table
    row_id = change.row_id
    stored = (
        session.execute(select(t.table_of(model)).where(model.id == row_id)).mappings().first()
        if row_id is not None and row_id > 0
        else None
    )
    old = {k: v for k, v in stored.items() if k != "id"} if stored is not None else None
    if table == "cluster" and _refuse_cluster(run, change, old):
        return
    if table == "domain" and _refuse_domain_pole(run, change, old):
        return
    if change.action is Action.DELETE:
        if stored is None or row_id is None:
            return
        if table in ("call", "funder"):
            # Its aid-rate rules go first, through their own writer (recorded in the history,
            # put back by the undo after the call or funder is), not by the database's cascade.
            for rule_id in money.rules_of(session, table, row_id):
                write_rule(run, RuleChange(Action.DELETE, rule_id))
        history.record_deleted(session, table, [row_id])
        session.execute(delete(model).where(model.id == row_id))
        run.deleted(table, row_id)
        run.undo_with(RefChange(Action.CREATE, table, row_id, old or {}))
        return
    values = dict(change.values)
    if stored is not None and row_id is not None:
        history.record_update_rows(session, table, [{"id": row_id, **values}])
        session.execute(update(model).where(model.id == row_id).values(**values))
        run.wrote(table, row_id)
        run.undo_with(
            RefChange(Action.UPDATE, table, row_id, {k: (old or {}).get(k) for k in values}, values)
        )
        if table in ("domain", "funder", "call", "cluster"):
            run.touch(_projects_using(session, table, row_id))
        return
    restoring = row_id is not None and row_id > 0
    if restoring:
        values["id"] = row_id
    new_id = t.insert_id(session, model, values)
    history.diff_rows(session, table, {}, {new_id: values}, restored=restoring)
    if row_id is not None and row_id < 0:
        run.applied.ids[(table, row_id)] = new_id
    run.created(table, new_id)
    run.undo_with(RefChange(Action.DELETE, table, new_id))


def _refuse_cluster(run: Run, change: RefChange, old: dict[str, Any] | None) -> bool:
    """A pole keeps its projects (deleting one that holds some is refused: merge it instead)
    and its code and name are its own (checked here too, so that an undo or a redo that would
    give two poles one code is refused in words, not by the database's unique index)."""
    session, row_id = run.session, change.row_id
    if change.action is Action.DELETE:
        if old is None or row_id is None:
            return False
        count = session.scalar(
            select(func.count()).select_from(t.Project).where(t.Project.cluster_id == row_id)
        )
        domains = session.scalar(
            select(func.count()).select_from(t.Domain).where(t.Domain.cluster_id == row_id)
        )
        issues = (
            [Issue("cluster_in_use", "", {"name": old["name"], "count": int(count)})]
            if count
            else [Issue("cluster_has_domains", "", {"name": old["name"], "count": int(domains)})]
            if domains
            else []
        )
        return run.refuse("cluster", row_id, issues)
    merged = {**(old or {}), **change.values}
    clusters.refuse_taken(
        session,
        str(merged.get("code", "")),
        str(merged.get("name", "")),
        row_id if row_id is not None and row_id > 0 else None,
    )
    return False


def _refuse_domain_pole(run: Run, change: RefChange, old: dict[str, Any] | None) -> bool:
    """A domain given to one pole's roadmap keeps no project of another pole (the rule
    `domain_other_pole` would refuse their next save; the domain's move is refused instead)."""
    cluster_id = change.values.get("cluster_id")
    if change.action is Action.DELETE or cluster_id is None or change.row_id is None:
        return False
    if old is not None and old.get("cluster_id") == cluster_id:
        return False
    others = reference.projects_outside_pole(run.session, change.row_id, cluster_id)
    if not others:
        return False
    pole = run.session.get(t.Cluster, cluster_id)
    name = change.values.get("name") or (old or {}).get("name", "")
    issue = Issue(
        "domain_pole_in_use",
        "cluster_id",
        {"domain": name, "pole": pole.name if pole else str(cluster_id), "count": int(others)},
    )
    return run.refuse("domain", change.row_id, [issue])


def _projects_using(session: Session, table: str, row_id: int) -> list[int]:
    """The projects whose summary columns show this row's name."""
    if table == "domain":
        return list(
            session.scalars(
                select(t.ProjectDomain.project_id).where(t.ProjectDomain.domain_id == row_id)
            )
        )
    if table == "funder":
        return list(
            session.scalars(
                select(t.FundingLine.project_id).where(t.FundingLine.funder_id == row_id)
            )
        )
    return []


@register(ExpertLinks)
def write_expert_links(run: Run, change: ExpertLinks) -> None:
    session = run.session
    expert_id = change.expert_id
    old_domains = tuple(
        session.scalars(
            select(t.ExpertDomain.domain_id).where(t.ExpertDomain.expert_id == expert_id)
        )
    )
    old_ties = tuple(
        session.scalars(
            select(t.ExpertTie.organisation_id).where(t.ExpertTie.expert_id == expert_id)
        )
    )
    evaluated = sorted(
        set(
            session.scalars(
                select(t.Evaluation.project_id).where(t.Evaluation.expert_id == expert_id)
            )
        )
    )
    conflicts = _conflicts(run, evaluated)
    session.execute(delete(t.ExpertDomain).where(t.ExpertDomain.expert_id == expert_id))
    session.execute(delete(t.ExpertTie).where(t.ExpertTie.expert_id == expert_id))
    domains = set(session.scalars(select(t.Domain.id).where(t.Domain.id.in_(change.domain_ids))))
    organisations = set(
        session.scalars(select(t.Organisation.id).where(t.Organisation.id.in_(change.tie_ids)))
    )
    for domain_id in dict.fromkeys(change.domain_ids):
        if domain_id in domains:
            session.add(t.ExpertDomain(expert_id=expert_id, domain_id=domain_id))
    for org_id in dict.fromkeys(change.tie_ids):
        if org_id in organisations:
            session.add(t.ExpertTie(expert_id=expert_id, organisation_id=org_id))
    session.flush()
    run.wrote("expert_tie", expert_id)
    # A new tie to a partner of a project the expert evaluated is a conflict of interest.
    _recheck_conflicts(run, evaluated, conflicts)
    run.undo_with(ExpertLinks(expert_id, old_domains, old_ties))


@register(DomainExperts)
def write_domain_experts(run: Run, change: DomainExperts) -> None:
    session = run.session
    old = tuple(
        session.scalars(
            select(t.ExpertDomain.expert_id).where(t.ExpertDomain.domain_id == change.domain_id)
        )
    )
    session.execute(delete(t.ExpertDomain).where(t.ExpertDomain.domain_id == change.domain_id))
    experts = set(session.scalars(select(t.Expert.id).where(t.Expert.id.in_(change.expert_ids))))
    for expert_id in dict.fromkeys(change.expert_ids):
        if expert_id in experts:
            session.add(t.ExpertDomain(expert_id=expert_id, domain_id=change.domain_id))
    session.flush()
    run.wrote("expert_domain", change.domain_id)
    run.undo_with(DomainExperts(change.domain_id, old))

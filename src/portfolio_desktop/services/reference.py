"""Reference data use cases: organisations (SIREN check, merge), funders, calls, domains, experts.

Renaming a domain or a funder keeps every link (links are by id); deleting one still in use is
refused with the number of records that use it; merging organisations moves their links first.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import EllipsisType
from typing import Any

from ..domain import rules
from ..domain.enums import FunderKind
from ..domain.financing import AidRateRule
from ..domain.identifiers import normalise_identifier
from ..domain.model import CallRecord, FunderRecord, OrganisationRecord
from ..domain.rules import Issue, RuleViolation
from ..storage import apply as write
from ..storage import money, reference, repository
from ..storage.apply import Applied
from ..storage.changes import (
    Action,
    Change,
    ChangeSet,
    DomainExperts,
    ExpertLinks,
    MergeOrganisations,
    OrganisationChange,
    RefChange,
    RuleChange,
    Source,
    UnmergeOrganisations,
)
from ..storage.database import Database

# The rows the screens show are storage's plain dataclasses, handed on from here so that ui/
# never imports storage.
from ..storage.money import RuleLine as RuleLine
from ..storage.reference import NamedRow as NamedRow
from ..storage.reference import OrganisationRow as OrganisationRow
from ..storage.reference import RowSnapshot as RowSnapshot
from ..storage.repository import MergeSnapshot, StaleError
from .portfolio import NotFoundError, Saved, StaleRecordError

DEFAULT_CLUSTER_CODE = "POLE"


# -- clusters ---------------------------------------------------------------------------------------


def clusters(db: Database) -> list[NamedRow]:
    with db.read() as session:
        return reference.clusters(session)


def ensure_cluster(db: Database, name: str = "Mon pôle", code: str = DEFAULT_CLUSTER_CODE) -> int:
    """The only cluster's id, creating a first one in a new portfolio."""
    with db.write() as session:
        existing = reference.clusters(session)
        if existing:
            return existing[0].id
        return add_cluster(session, code, name)


def add_cluster(session: Any, code: str, name: str, regions: str = "") -> int:
    """Adds a cluster in the caller's unit of work; returns its id."""
    change = RefChange(
        Action.CREATE, "cluster", -1, {"code": code, "name": name, "regions": regions}
    )
    return write.apply(session, ChangeSet.of(Source.FORM, change)).id_of("cluster", -1)


def _apply(db: Database, *changes: Change, source: Source = Source.FORM) -> Applied:
    try:
        with db.write(source=source.value) as session:
            return write.apply(session, ChangeSet(source, changes))
    except StaleError as error:
        raise StaleRecordError(table=error.table, id=error.row_id) from error


# -- organisations ----------------------------------------------------------------------------------


def organisations(db: Database, search: str = "") -> list[OrganisationRow]:
    with db.read() as session:
        return reference.organisations(session, search)


def organisation_names(db: Database) -> list[NamedRow]:
    """Every organisation's id and name (the partner picker's completion list)."""
    with db.read() as session:
        return reference.organisation_names(session)


def load_organisation(db: Database, organisation_id: int) -> OrganisationRecord:
    with db.read() as session:
        record = repository.load_organisation(session, organisation_id)
    if record is None:
        raise NotFoundError(id=organisation_id)
    return record


def _clean_organisation(record: OrganisationRecord) -> OrganisationRecord:
    record.name = record.name.strip()
    record.siren = normalise_identifier(record.siren) if record.siren else None
    record.siret = normalise_identifier(record.siret) if record.siret else None
    if record.siret and not record.siren and len(record.siret) == 14:
        record.siren = record.siret[:9]
    return record


def save_organisation(
    db: Database, record: OrganisationRecord, *, expected_version: int | None = None
) -> Saved:
    """Creates (expected_version None) or updates an organisation; the SIREN/SIRET are checked."""
    record = _clean_organisation(record)
    issues = rules.check_organisation(record)
    if issues:
        raise RuleViolation(issues)
    action = Action.CREATE if expected_version is None else Action.UPDATE
    applied = _apply(db, OrganisationChange(action, record, expected_version))
    org_id = applied.created["organisation"][0] if action is Action.CREATE else record.id
    assert org_id is not None
    return Saved(org_id, applied.version_of("organisation", org_id) or 1, applied)


def merge_organisations(db: Database, keep_id: int, merged_ids: list[int]) -> MergeSnapshot:
    """Merges duplicates into `keep_id` (links moved, duplicates deleted); returns what changed."""
    applied = _apply(db, MergeOrganisations(keep_id, tuple(merged_ids)), source=Source.MERGE)
    snapshot: MergeSnapshot = applied.results[0]
    return snapshot


def unmerge_organisations(db: Database, snapshot: MergeSnapshot) -> None:
    """Undo of a merge: the merged organisations and their links come back."""
    _apply(db, UnmergeOrganisations(snapshot), source=Source.UNDO)


def delete_organisation(db: Database, organisation_id: int) -> None:
    record = OrganisationRecord(name="", id=organisation_id)
    _apply(db, OrganisationChange(Action.DELETE, record))


# -- funders, calls, domains, experts -------------------------------------------------------------


def funders(db: Database) -> list[NamedRow]:
    with db.read() as session:
        return reference.funders(session)


def calls(db: Database) -> list[NamedRow]:
    with db.read() as session:
        return reference.calls(session)


def domains(db: Database, *, active_only: bool = False) -> list[NamedRow]:
    with db.read() as session:
        return reference.domains(session, active_only=active_only)


def experts(db: Database) -> list[NamedRow]:
    with db.read() as session:
        return reference.experts(session)


def _check_name(session: object, table: str, name: str, row_id: int | None) -> list[Issue]:
    if not name.strip():
        return [Issue("required", "name")]
    if reference.name_taken(session, table, name, row_id):  # type: ignore[arg-type]
        return [Issue("name_taken", "name")]
    return []


def _upsert(session: Any, table: str, row_id: int | None, values: dict[str, Any]) -> int:
    """Inserts (row_id None, or a deleted row's id for undo) or updates a reference row."""
    action = Action.CREATE if row_id is None else Action.UPDATE
    if row_id is not None and reference.snapshot_row(session, table, row_id) is None:
        action = Action.CREATE
    applied = write.apply(
        session,
        ChangeSet.of(
            Source.FORM, RefChange(action, table, row_id if row_id is not None else -1, values)
        ),
    )
    if action is Action.CREATE and (row_id is None or row_id < 0):
        return applied.id_of(table, -1)
    return int(row_id or applied.created[table][0])


def save_funder(db: Database, record: FunderRecord) -> int:
    with db.write() as session:
        issues = _check_name(session, "funder", record.name, record.id)
        if issues:
            raise RuleViolation(issues)
        return _upsert(
            session,
            "funder",
            record.id,
            {"name": record.name.strip(), "kind": FunderKind(record.kind).value},
        )


def save_call(db: Database, record: CallRecord) -> int:
    with db.write() as session:
        issues = _check_name(session, "call", record.name, record.id)
        if issues:
            raise RuleViolation(issues)
        return _upsert(
            session,
            "call",
            record.id,
            {
                "name": record.name.strip(),
                "funder_id": record.funder_id,
                "programme": record.programme,
                "year": record.year,
            },
        )


def save_domain(
    db: Database,
    domain_id: int | None,
    name: str,
    colour: str,
    active: bool = True,
    position: int | None = None,
    *,
    pole: int | EllipsisType | None = ...,
) -> int:
    """Creates or edits a domain; a rename keeps every project's split (links are by id).
    `pole` is the pole whose roadmap it is (None: every pole shares it; left out: as it was, or
    shared for a new domain); giving it to a pole while other poles' projects use it is
    refused (`domain_pole_in_use`)."""
    with db.write() as session:
        issues = _check_name(session, "domain", name, domain_id) + rules.check_colour(colour)
        if issues:
            raise RuleViolation(issues)
        if position is None:
            position = (
                len(reference.domains(session))
                if domain_id is None
                else next((d.extra[2] for d in reference.domains(session) if d.id == domain_id), 0)
            )
        values: dict[str, Any] = {
            "name": name.strip(),
            "colour": colour.upper(),
            "active": active,
            "position": position,
        }
        if not isinstance(pole, EllipsisType):
            values["cluster_id"] = pole
        return _upsert(session, "domain", domain_id, values)


def save_expert(
    db: Database,
    expert_id: int | None,
    name: str,
    email: str = "",
    affiliation: str = "",
    domain_ids: list[int] | None = None,
    tie_ids: list[int] | None = None,
) -> int:
    issues = expert_issues(name, email)  # name required, e-mail well formed
    if issues:
        raise RuleViolation(issues)
    with db.write() as session:
        saved = _upsert(
            session,
            "expert",
            expert_id,
            {"name": name.strip(), "email": email.strip(), "affiliation": affiliation.strip()},
        )
        write.apply(
            session,
            ChangeSet.of(
                Source.FORM, ExpertLinks(saved, tuple(domain_ids or ()), tuple(tie_ids or ()))
            ),
        )
        return saved


def delete_reference(db: Database, table: str, row_id: int) -> None:
    """Deletes a funder, call, domain or expert that nothing uses any more."""
    with db.write() as session:
        used = reference.usage(session, table, row_id)
        if used:
            raise RuleViolation([Issue("in_use", "", {"count": used})])
        write.apply(session, ChangeSet.of(Source.FORM, RefChange(Action.DELETE, table, row_id)))


# -- reference data -- (issue 3: the reference-data screens of the desktop) ----------------------

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def organisation_ids(
    db: Database,
    search: str = "",
    *,
    kinds: tuple[str, ...] = (),
    members_only: bool = False,
    sort_key: str = "name",
    descending: bool = False,
    limit: int | None = None,
) -> list[int]:
    """The organisations table's ids, searched (name, city, SIREN/SIRET), filtered and sorted."""
    with db.read() as session:
        return reference.organisation_ids(
            session,
            search,
            kinds=kinds,
            members_only=members_only,
            sort_key=sort_key,
            descending=descending,
            limit=limit,
        )


def organisation_rows(db: Database, ids: Sequence[int]) -> list[OrganisationRow]:
    """The rows of these ids, in the order given (missing ones left out)."""
    with db.read() as session:
        found = {r.id: r for r in reference.organisation_rows(session, ids)}
    return [found[i] for i in ids if i in found]


def find_organisations(db: Database, search: str, limit: int = 200) -> list[OrganisationRow]:
    """The first organisations matching a search (the organisation pickers)."""
    with db.read() as session:
        ids = reference.organisation_ids(session, search, limit=limit)
        found = {r.id: r for r in reference.organisation_rows(session, ids)}
    return [found[i] for i in ids if i in found]


def organisation_names_by_id(db: Database, ids: Sequence[int]) -> dict[int, str]:
    with db.read() as session:
        return reference.organisation_names_by_id(session, ids)


def organisations_with_siren(
    db: Database, siren: str, except_id: int | None = None
) -> list[NamedRow]:
    """Other organisations with this SIREN (a duplicate the user may rather merge)."""
    siren = normalise_identifier(siren)
    if not siren:
        return []
    with db.read() as session:
        return reference.organisations_with_siren(session, siren, except_id)


@dataclass(slots=True)
class RemovedOrganisation:
    """An organisation deleted by the user, with the expert ties the deletion dropped (for undo)."""

    record: OrganisationRecord
    tied_experts: list[int] = field(default_factory=list)


def remove_organisations(db: Database, ids: Sequence[int]) -> list[RemovedOrganisation]:
    """Deletes organisations no project uses, all or none (refused with the count otherwise)."""
    removed: list[RemovedOrganisation] = []
    with db.write() as session:
        for organisation_id in ids:
            record = repository.load_organisation(session, organisation_id)
            if record is None:
                raise NotFoundError(id=organisation_id)
            used = repository.organisation_usage(session, organisation_id)
            if used:
                raise RuleViolation([Issue("in_use", "", {"count": used, "name": record.name})])
            removed.append(
                RemovedOrganisation(
                    record, reference.organisation_tie_experts(session, organisation_id)
                )
            )
            write.apply(
                session, ChangeSet.of(Source.FORM, OrganisationChange(Action.DELETE, record))
            )
    return removed


def restore_organisations(db: Database, removed: Sequence[RemovedOrganisation]) -> None:
    """Undo of `remove_organisations`: same ids, same versions, same expert ties."""
    _apply(
        db,
        *(
            OrganisationChange(
                Action.CREATE, copy.deepcopy(item.record), tied_experts=tuple(item.tied_experts)
            )
            for item in removed
        ),
        source=Source.UNDO,
    )


def reorder_domains(db: Database, ordered_ids: Sequence[int]) -> None:
    """Sets the domains' order (lists, legends, charts) to the order given."""
    _apply(
        db,
        *(
            RefChange(Action.UPDATE, "domain", domain_id, {"position": position})
            for position, domain_id in enumerate(ordered_ids)
        ),
    )


def snapshot_reference(db: Database, table: str, row_id: int) -> RowSnapshot:
    """A funder, call, domain or expert as stored, links included (what an editor starts from)."""
    with db.read() as session:
        snapshot = reference.snapshot_row(session, table, row_id)
    if snapshot is None:
        raise NotFoundError(id=row_id)
    return snapshot


def restore_reference(db: Database, snapshot: RowSnapshot) -> None:
    """Writes a snapshot back (undo of an edit or of a delete); projects see a domain's name again."""
    with db.write() as session:
        _upsert(session, snapshot.table, snapshot.id, dict(snapshot.values))
        links: list[Change] = []
        if snapshot.table == "domain":
            links.append(DomainExperts(snapshot.id, snapshot.links.get("experts", ())))
        if snapshot.table == "expert":
            links.append(
                ExpertLinks(
                    snapshot.id,
                    snapshot.links.get("domains", ()),
                    snapshot.links.get("organisations", ()),
                )
            )
        # A deleted call's or funder's rules come back with it, under their ids (the undo of an
        # edit finds them still there).
        links += [
            RuleChange(Action.CREATE, rule_id, rule)
            for rule_id, rule in snapshot.rules
            if money.load_rule(session, rule_id) is None
        ]
        if links:
            write.apply(session, ChangeSet(Source.UNDO, tuple(links)))


def remove_reference(db: Database, table: str, row_id: int) -> RowSnapshot:
    """Deletes an unused funder, call, domain or expert; returns what undo needs to restore it."""
    with db.write() as session:
        snapshot = reference.snapshot_row(session, table, row_id)
        if snapshot is None:
            raise NotFoundError(id=row_id)
        used = reference.usage(session, table, row_id)
        if used:
            raise RuleViolation([Issue("in_use", "", {"count": used})])
        write.apply(session, ChangeSet.of(Source.FORM, RefChange(Action.DELETE, table, row_id)))
    return snapshot


def expert_issues(name: str, email: str) -> list[Issue]:
    """What the expert form checks as the user types (and the service before saving)."""
    issues: list[Issue] = []
    if not name.strip():
        issues.append(Issue("required", "name"))
    if email.strip() and not EMAIL_PATTERN.match(email.strip()):
        issues.append(Issue("email_invalid", "email"))
    return issues


# -- aid-rate rules -- (issue 14: entered on the Funders & calls screen, with their source) ------


def aid_rate_rules(db: Database) -> list[RuleLine]:
    """Every aid-rate rule with the names of its call or funder (the rules table)."""
    with db.read() as session:
        return money.rule_lines(session)


def rule_issues(
    rule: AidRateRule, others: Sequence[RuleLine], rule_id: int | None = None
) -> list[Issue]:
    """What the rule form checks as the user types: the rule on its own, and no other rule of
    `others` (the rules as last read) for the same scope and partner kind. The writer checks
    both again against the stored rules."""
    issues = rules.check_aid_rate_rule(rule)
    if any(line.id != rule_id and rules.same_rule_scope(line.rule, rule) for line in others):
        issues.append(Issue("rule_duplicate", "partner_kind"))
    return issues


def save_rule(db: Database, rule_id: int | None, rule: AidRateRule) -> Saved:
    """Creates (`rule_id` None) or replaces an aid-rate rule, checked by the write path (refused
    with `ChangeRefused`, a `RuleViolation`); `Saved.applied.inverse()` undoes it. Rules are not
    versioned (`Saved.version` 0): the last edit wins, as for the other reference rows."""
    if rule_id is None:
        applied = _apply(db, RuleChange(Action.CREATE, -1, rule))
        return Saved(applied.id_of("aid_rate_rule", -1), 0, applied)
    return Saved(rule_id, 0, _apply(db, RuleChange(Action.UPDATE, rule_id, rule)))


def remove_rule(db: Database, rule_id: int) -> Applied:
    """Deletes an aid-rate rule; `Applied.inverse()` puts it back under its id."""
    return _apply(db, RuleChange(Action.DELETE, rule_id))

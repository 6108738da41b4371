"""Validation rules. Each check returns `Issue`s (a code, the field, parameters), never words.

`messages` turns codes into French or English; forms show them inline, the importer per cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date

from . import workflow
from .enums import PartnerRole, ProjectStatus
from .identifiers import siren_valid, siret_valid
from .model import (
    Assessment,
    DomainShare,
    FundingLineRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)
from .money import MAX_CENTS
from .responsible import CRITERIA, SCORE_MAX, SCORE_MIN

REFERENCE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$")
COLOUR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")
EVALUATION_SCORE_MAX = 5


@dataclass(frozen=True, slots=True)
class Issue:
    """One broken rule: `code` names it, `field` points at the input, `params` fill the message."""

    code: str
    field: str = ""
    params: dict[str, object] = dataclass_field(default_factory=dict)


class RuleViolation(Exception):
    """Raised by services when a record breaks the rules; carries every issue found."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        super().__init__(", ".join(i.code for i in issues))
        self.issues = list(issues)


def check_transition(current: ProjectStatus, target: ProjectStatus) -> list[Issue]:
    if workflow.can_transition(current, target):
        return []
    return [Issue("transition_not_allowed", "status", {"from": current.value, "to": target.value})]


def check_amount(value: int | None, field_name: str) -> list[Issue]:
    if value is None:
        return []
    if value < 0:
        return [Issue("amount_negative", field_name)]
    if value > MAX_CENTS:
        return [Issue("amount_too_large", field_name)]
    return []


def check_funding_line(line: FundingLineRecord, prefix: str = "") -> list[Issue]:
    """Amounts non-negative; granted ≤ requested unless overridden; paid ≤ granted."""
    issues: list[Issue] = []
    for name in ("requested_cents", "granted_cents", "paid_cents"):
        issues += check_amount(getattr(line, name), prefix + name)
    if issues:
        return issues
    requested, granted, paid = line.requested_cents, line.granted_cents, line.paid_cents
    if (
        granted is not None
        and requested is not None
        and granted > requested
        and not line.granted_override
    ):
        issues.append(
            Issue(
                "granted_exceeds_requested",
                prefix + "granted_cents",
                {"granted": granted, "requested": requested},
            )
        )
    if paid is not None and paid > (granted or 0):
        issues.append(
            Issue(
                "paid_exceeds_granted",
                prefix + "paid_cents",
                {"paid": paid, "granted": granted or 0},
            )
        )
    return issues


def check_domain_split(shares: Sequence[DomainShare]) -> list[Issue]:
    """Empty (not yet classified) or whole percentages 1–100 that sum to exactly 100."""
    if not shares:
        return []
    issues: list[Issue] = []
    seen: set[int] = set()
    for share in shares:
        if share.domain_id in seen:
            issues.append(Issue("domain_duplicate", "domains", {"domain_id": share.domain_id}))
        seen.add(share.domain_id)
        if not 1 <= share.percent <= 100:
            issues.append(Issue("domain_percent_range", "domains", {"percent": share.percent}))
    total = sum(s.percent for s in shares)
    if total != 100:
        issues.append(Issue("domain_split_sum", "domains", {"total": total}))
    return issues


def check_assessment(assessment: Assessment) -> list[Issue]:
    issues = []
    for name in CRITERIA:
        score = getattr(assessment, name)
        if score is not None and not SCORE_MIN <= score <= SCORE_MAX:
            issues.append(Issue("score_range", "rd_" + name, {"min": SCORE_MIN, "max": SCORE_MAX}))
    return issues


def check_dates(project: ProjectRecord) -> list[Issue]:
    """Pipeline dates in order; start before end; nothing closed before it started."""
    issues: list[Issue] = []
    previous: tuple[str, date] | None = None
    for name in workflow.ORDERED_STEP_FIELDS:
        value: date | None = getattr(project, name)
        if value is None:
            continue
        if previous is not None and value < previous[1]:
            issues.append(Issue("date_before", name, {"other": previous[0]}))
        previous = (name, value)
    if project.start_on and project.end_on and project.end_on < project.start_on:
        issues.append(Issue("date_before", "end_on", {"other": "start_on"}))
    if project.start_on and project.closed_on and project.closed_on < project.start_on:
        issues.append(Issue("date_before", "closed_on", {"other": "start_on"}))
    return issues


def check_partners(partners: Sequence[PartnerRecord], total_budget: int | None) -> list[Issue]:
    issues: list[Issue] = []
    orgs = [p.organisation_id for p in partners]
    if len(set(orgs)) != len(orgs):
        issues.append(Issue("partner_duplicate", "partners"))
    if sum(1 for p in partners if p.role is PartnerRole.LEAD) > 1:
        issues.append(Issue("lead_partner_several", "partners"))
    for p in partners:
        issues += check_amount(p.budget_cents, "partners")
    shares = sum(p.budget_cents or 0 for p in partners)
    if total_budget is not None and shares > total_budget:
        issues.append(
            Issue(
                "partner_budgets_exceed_total",
                "partners",
                {"shares": shares, "total_cents": total_budget},
            )
        )
    return issues


def check_project(project: ProjectRecord) -> list[Issue]:
    """Every rule that a project and its partners, funding lines and domains must satisfy."""
    issues: list[Issue] = []
    if not project.reference.strip():
        issues.append(Issue("required", "reference"))
    elif not REFERENCE_PATTERN.match(project.reference):
        issues.append(Issue("reference_format", "reference"))
    if not project.acronym.strip() and not project.title.strip():
        issues.append(Issue("acronym_or_title_required", "acronym"))
    issues += check_amount(project.total_budget_cents, "total_budget_cents")
    issues += check_amount(project.eligible_costs_cents, "eligible_costs_cents")
    if (
        project.total_budget_cents is not None
        and project.eligible_costs_cents is not None
        and project.eligible_costs_cents > project.total_budget_cents
    ):
        issues.append(Issue("eligible_exceeds_budget", "eligible_costs_cents"))
    issues += check_dates(project)
    issues += check_domain_split(project.domains)
    issues += check_assessment(project.assessment)
    issues += check_partners(project.partners, project.total_budget_cents)
    partner_orgs = {p.organisation_id for p in project.partners}
    for index, line in enumerate(project.funding_lines):
        issues += check_funding_line(line, prefix=f"funding_lines[{index}].")
        if line.beneficiary_id is not None and line.beneficiary_id not in partner_orgs:
            issues.append(
                Issue("beneficiary_not_partner", f"funding_lines[{index}].beneficiary_id")
            )
    return issues


def check_organisation(org: OrganisationRecord) -> list[Issue]:
    issues: list[Issue] = []
    if not org.name.strip():
        issues.append(Issue("required", "name"))
    if org.siren and not siren_valid(org.siren):
        issues.append(Issue("siren_invalid", "siren"))
    if org.siret:
        if not siret_valid(org.siret):
            issues.append(Issue("siret_invalid", "siret"))
        elif org.siren and not org.siret.startswith(org.siren):
            issues.append(Issue("siret_siren_mismatch", "siret"))
    if org.member_since and org.member_until and org.member_until < org.member_since:
        issues.append(Issue("date_before", "member_until", {"other": "member_since"}))
    return issues


def check_colour(colour: str) -> list[Issue]:
    return [] if COLOUR_PATTERN.match(colour) else [Issue("colour_format", "colour")]


def check_evaluation_scores(scores: Iterable[int | None]) -> list[Issue]:
    if any(s is not None and not 0 <= s <= EVALUATION_SCORE_MAX for s in scores):
        return [Issue("score_range", "scores", {"min": 0, "max": EVALUATION_SCORE_MAX})]
    return []


def check_conflict_of_interest(
    expert_ties: Iterable[int], project_organisations: Iterable[int]
) -> list[Issue]:
    """An expert tied to an organisation of the project cannot evaluate it."""
    tied = set(expert_ties) & set(project_organisations)
    if tied:
        return [Issue("conflict_of_interest", "expert_id", {"organisation_ids": sorted(tied)})]
    return []

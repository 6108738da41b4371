"""Validation rules. Each check returns `Issue`s (a code, the field, parameters), never words.

`messages` turns codes into French or English; forms show them inline, the importer per cell.
An issue is an *error* (no source may save it) or a *warning* (the user sees it, may accept it, and
the history records that it was accepted). `check_project` holds the record-level errors every form
and import already applies; the portfolio's invariants (amounts by status, money against budgets,
dates not in the future, step dates, status moves, conflicts of interest, one evaluation per
expert) come on top, and `check_project_change` is the one entry point that applies them all to a
change; `check_project_state` applies the same rules to a project as it stands (`check`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from enum import StrEnum

from . import workflow
from .enums import Instrument, OrganisationKind, PartnerRole, ProjectStatus
from .financing import AidRateRule, CostBase
from .identifiers import siren_valid, siret_valid
from .model import (
    Assessment,
    DomainShare,
    EvaluationRecord,
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


class Severity(StrEnum):
    """An error is refused from every source; a warning is shown, accepted and recorded."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One broken rule: `code` names it, `field` points at the input, `params` fill the message,
    `severity` says whether it blocks (error, the default) or asks to be accepted (warning)."""

    code: str
    field: str = ""
    params: dict[str, object] = dataclass_field(default_factory=dict)
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def errors(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity is Severity.ERROR]


def warnings(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity is Severity.WARNING]


def _warning(code: str, field: str = "", **params: object) -> Issue:
    return Issue(code, field, dict(params), Severity.WARNING)


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


#: The longest source text a rule keeps (the column's width).
RULE_SOURCE_MAX = 500


def check_aid_rate_rule(rule: AidRateRule) -> list[Issue]:
    """An aid-rate rule on its own: a rate between 0 and 100 %, one scope (a call, or a funder
    with at most one instrument), a known partner kind, cost base and instrument. Whether another
    rule already covers the same scope is the writer's check (it needs the stored rules)."""
    issues: list[Issue] = []
    if not 0 <= rule.max_rate_bp <= 10_000:
        issues.append(Issue("rule_rate_range", "rate"))
    if rule.call_id is None and rule.funder_id is None:
        issues.append(Issue("rule_scope_required", "scope"))
    elif rule.call_id is not None and rule.funder_id is not None:
        issues.append(Issue("rule_scope_both", "scope"))
    elif rule.call_id is not None and rule.instrument is not None:
        issues.append(Issue("rule_instrument_call", "scope"))
    if rule.instrument is not None and rule.instrument not in set(Instrument):
        issues.append(Issue("rule_value_unknown", "scope", {"value": rule.instrument}))
    if rule.partner_kind not in set(OrganisationKind):
        issues.append(Issue("rule_kind_unknown", "partner_kind", {"value": rule.partner_kind}))
    if rule.base not in set(CostBase):
        issues.append(Issue("rule_value_unknown", "base", {"value": str(rule.base)}))
    if len(rule.source) > RULE_SOURCE_MAX:
        issues.append(Issue("rule_source_long", "source", {"max": RULE_SOURCE_MAX}))
    return issues


def same_rule_scope(a: AidRateRule, b: AidRateRule) -> bool:
    """Whether two rules would answer for the same partners: same call, funder, instrument and
    partner kind (a portfolio keeps one rule per scope and kind)."""
    return (a.call_id, a.funder_id, a.instrument, a.partner_kind) == (
        b.call_id,
        b.funder_id,
        b.instrument,
        b.partner_kind,
    )


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


# -- the portfolio's invariants ---------------------------------------------------------------------

#: The steps at which a project may hold granted amounts: a funder decides after the label.
GRANTED_FROM: frozenset[ProjectStatus] = frozenset(
    {ProjectStatus.LABELLED, ProjectStatus.FUNDED, ProjectStatus.RUNNING, ProjectStatus.CLOSED}
)
#: Final steps that say "no funding".
REFUSED: frozenset[ProjectStatus] = frozenset(
    {ProjectStatus.NOT_LABELLED, ProjectStatus.NOT_FUNDED}
)
#: Instruments that are aid towards the project's costs (compared with its budget). Loans and
#: equity finance the company, not the project's costs, and may exceed them.
AID_INSTRUMENTS: frozenset[Instrument] = frozenset({Instrument.GRANT, Instrument.REPAYABLE_ADVANCE})
#: Dates that record what happened (a step, a decision): none may lie in the future. Start and end
#: dates are left out: a funded project's start and every project's end are planned ahead.
EVENT_DATES: tuple[str, ...] = (
    "submitted_on",
    "evaluated_on",
    "labelling_decided_on",
    "funding_decided_on",
    "closed_on",
    "abandoned_on",
)


@dataclass(frozen=True, slots=True)
class DomainPole:
    """A domain of one pole's roadmap: only that pole's projects may be tagged with it."""

    cluster_id: int
    domain: str
    pole: str


@dataclass(frozen=True, slots=True)
class ProjectContext:
    """What the rules need beyond the project record.

    `evaluations` are the project's evaluations after the change (None: not checked — pass them
    whenever the partners or the evaluations change, so that conflicts of interest are checked
    both ways); `expert_ties` maps each of their experts to the organisations the expert is tied to.
    `domain_poles` maps each domain of one pole's roadmap to that pole (domains every pole
    shares are not in it).
    """

    evaluations: Sequence[EvaluationRecord] | None = None
    expert_ties: Mapping[int, Collection[int]] = dataclass_field(default_factory=dict)
    domain_poles: Mapping[int, DomainPole] = dataclass_field(default_factory=dict)


def check_domain_poles(
    project: ProjectRecord, domain_poles: Mapping[int, DomainPole]
) -> list[Issue]:
    """Error: a project tagged with a domain of another pole's roadmap. A pole's roadmap domains
    are what its own figures are broken down by; a project of another pole counted in them would
    show in that pole's dashboard as work it does not follow."""
    issues = []
    for share in project.domains:
        owner = domain_poles.get(share.domain_id)
        if owner is not None and owner.cluster_id != project.cluster_id:
            issues.append(
                Issue(
                    "domain_other_pole",
                    "domains",
                    {"domain": owner.domain, "pole": owner.pole},
                )
            )
    return issues


def check_amounts_by_status(project: ProjectRecord) -> list[Issue]:
    """Granted money only from the label on; paid money only once the funding is decided.

    Errors: granted amounts on a draft, submitted or evaluated project (no funder decides before
    the cluster's label: either the status or the amount is wrong, and the figures would count
    money for a project the funnel does not count as labelled), on a not labelled or not funded
    one (the status says there is no funding), and on an abandoned project with no labelling or
    funding decision on file (neither on the project nor on the line).
    Warning: money paid on a labelled project, or an abandoned one, with no funding decision
    recorded — payments follow the agreement, so the status or the decision date is probably late.
    """
    issues: list[Issue] = []
    status = project.status
    decided = project.labelling_decided_on is not None or project.funding_decided_on is not None
    for index, line in enumerate(project.funding_lines):
        prefix = f"funding_lines[{index}]."
        if line.granted_cents:
            if status in REFUSED:
                issues.append(
                    Issue(
                        "granted_on_refused_project",
                        prefix + "granted_cents",
                        {"status": status.value},
                    )
                )
            elif status not in GRANTED_FROM and not (
                status is ProjectStatus.ABANDONED and (decided or line.decision_on is not None)
            ):
                issues.append(
                    Issue(
                        "granted_before_labelling",
                        prefix + "granted_cents",
                        {"status": status.value},
                    )
                )
        if (
            line.paid_cents
            and line.granted_cents
            and status in (ProjectStatus.LABELLED, ProjectStatus.ABANDONED)
            and project.funding_decided_on is None
            and line.decision_on is None
        ):
            issues.append(
                _warning("paid_before_funding_decision", prefix + "paid_cents", status=status.value)
            )
    return issues


def check_money_against_costs(project: ProjectRecord) -> list[Issue]:
    """Granted ≤ eligible costs ≤ budget, where the figures are known.

    Error (in `check_project`): eligible costs above the total budget — both are the project's own
    figures, and the eligible costs are a part of the budget by definition.
    Warnings: aid (grants and repayable advances) above the total budget, and grants above the
    eligible costs. Budgets are often missing or placeholders in the files people send (CORDIS
    writes 0 for lump-sum grants), and the funder's decision is the authoritative figure; each
    funder applies its rate to its own base (research bodies at 100 % of marginal costs), so grants
    above the eligible costs on file deserve a look, not a refusal. A budget or eligible cost of 0
    counts as not given. Loans and equity finance the company and are not compared.
    """
    budget, eligible = project.total_budget_cents, project.eligible_costs_cents
    if not budget and not eligible:
        return []
    issues: list[Issue] = []
    aid = grants = 0
    for line in project.funding_lines:
        if line.granted_cents and line.instrument in AID_INSTRUMENTS:
            aid += line.granted_cents
            if line.instrument is Instrument.GRANT:
                grants += line.granted_cents
    if budget and aid > budget:
        issues.append(
            _warning(
                "granted_exceeds_budget", "total_budget_cents", granted=aid, total_cents=budget
            )
        )
    if eligible and grants > eligible:
        issues.append(
            _warning(
                "granted_exceeds_eligible",
                "eligible_costs_cents",
                granted=grants,
                eligible_cents=eligible,
            )
        )
    return issues


def check_dates_not_in_future(project: ProjectRecord, today: date) -> list[Issue]:
    """Steps and decisions are recorded when they happen: a date after `today` is a typo (2099).

    An error: the funnel and the funding by year would count a decision not taken yet.
    """
    issues = [
        Issue("date_in_future", name, {"other": name, "day": value})
        for name in EVENT_DATES
        if (value := getattr(project, name)) is not None and value > today
    ]
    for index, line in enumerate(project.funding_lines):
        if line.decision_on is not None and line.decision_on > today:
            issues.append(
                Issue(
                    "date_in_future",
                    f"funding_lines[{index}].decision_on",
                    {"other": "decision_on", "day": line.decision_on},
                )
            )
    return issues


def check_step_dates_beyond_status(project: ProjectRecord) -> list[Issue]:
    """A step's date on a project that has not reached that step (a funding decision date on a
    submitted project): a warning, the status is probably late. Start and end dates are planned
    ahead and left out; a not labelled project's labelling date is the refusal's."""
    if project.status is ProjectStatus.ABANDONED:
        due = frozenset(workflow.step_dates(workflow.entry_path(project.status, _dates(project))))
    else:
        due = _DUE_DATES[project.status]
    return [
        _warning("step_date_beyond_status", name, other=name, status=project.status.value)
        for name in EVENT_DATES
        if getattr(project, name) is not None and name not in due
    ]


#: The step dates each status's path stamps (abandoned: read from the project's dates).
_DUE_DATES: dict[ProjectStatus, frozenset[str]] = {
    status: frozenset(workflow.step_dates(workflow.path_to(status)))
    for status in ProjectStatus
    if status is not ProjectStatus.ABANDONED
}


def check_entry_step_dates(before: ProjectStatus | None, project: ProjectRecord) -> list[Issue]:
    """The step dates a project entering its status (new, or moved) should carry.

    For a new project (`before` None) every step of its path; for a move, the steps passed since
    `before`. Missing dates are warnings: the files funders publish rarely hold submission or
    evaluation dates, and a portfolio may start from them; the history records the moves anyway.
    """
    if before is project.status:
        return []
    if project.status is ProjectStatus.ABANDONED:
        names = workflow.step_dates(workflow.steps_between(before, project.status, _dates(project)))
    else:
        # Other statuses' paths do not depend on the dates: worked out once per move (an
        # import checks every project it creates).
        key = (before, project.status)
        names = _ENTRY_DATES.get(key) or _ENTRY_DATES.setdefault(
            key, workflow.step_dates(workflow.steps_between(before, project.status))
        )
    return [
        _warning("step_date_missing", name, other=name, status=project.status.value)
        for name in names
        if getattr(project, name) is None
    ]


_ENTRY_DATES: dict[tuple[ProjectStatus | None, ProjectStatus], tuple[str, ...]] = {}


def check_status_move(before: ProjectStatus, after: ProjectStatus) -> list[Issue]:
    """A move the pipeline's buttons would not make: a warning the user accepts, recorded in the
    history (an import correcting a status, a workbook edited by hand). Forward jumps name the
    steps skipped; moves backwards or across branches (not labelled → funded) say so."""
    if before is after or workflow.can_transition(before, after):
        return []
    path = workflow.path_to(after) if after is not ProjectStatus.ABANDONED else ()
    if before is ProjectStatus.DRAFT or before in path:
        skipped = path[path.index(before) + 1 : -1] if before in path else path[:-1]
        return [
            _warning(
                "status_skips_steps",
                "status",
                **{"from": before.value, "to": after.value, "steps": [s.value for s in skipped]},
            )
        ]
    return [_warning("status_off_path", "status", **{"from": before.value, "to": after.value})]


def check_evaluations(
    evaluations: Sequence[EvaluationRecord],
    expert_ties: Mapping[int, Collection[int]],
    project_organisations: Collection[int],
    names: Mapping[int, str] = {},
) -> list[Issue]:
    """Conflicts of interest and one evaluation per expert, over the project as it stands.

    Run whenever the partners *or* the evaluations change: an expert's own organisation added as a
    partner after the evaluation is the same conflict as an evaluation by a tied expert. Both are
    errors: an evaluation by a tied expert, or a second one by the same expert, cannot stand before
    a labelling committee. `names` gives the organisations' names for the message, when known.
    """
    issues: list[Issue] = []
    organisations = set(project_organisations)
    seen: set[int] = set()
    for index, evaluation in enumerate(evaluations):
        field_name = f"evaluations[{index}].expert_id"
        expert = evaluation.expert_name or f"#{evaluation.expert_id}"
        if evaluation.expert_id in seen:
            issues.append(Issue("evaluation_expert_twice", field_name, {"expert": expert}))
        seen.add(evaluation.expert_id)
        tied = sorted(set(expert_ties.get(evaluation.expert_id, ())) & organisations)
        if tied:
            issues.append(
                Issue(
                    "conflict_of_interest_expert",
                    field_name,
                    {
                        "expert": expert,
                        "organisation_ids": tied,
                        "organisations": ", ".join(names.get(i) or f"#{i}" for i in tied),
                    },
                )
            )
    return issues


def check_project_state(
    project: ProjectRecord, *, today: date, context: ProjectContext = ProjectContext()
) -> list[Issue]:
    """Every rule on a project as it stands: `check_project` (errors) and the invariants
    (errors and warnings). `check` runs it over every stored project."""
    issues = check_project(project)
    issues += check_amounts_by_status(project)
    issues += check_money_against_costs(project)
    issues += check_dates_not_in_future(project, today)
    issues += check_step_dates_beyond_status(project)
    if context.domain_poles:
        issues += check_domain_poles(project, context.domain_poles)
    if context.evaluations is not None:
        issues += check_evaluations(
            context.evaluations,
            context.expert_ties,
            [p.organisation_id for p in project.partners],
            {p.organisation_id: p.organisation_name for p in project.partners},
        )
    return issues


def check_project_change(
    before: ProjectRecord | None,
    after: ProjectRecord,
    *,
    today: date,
    context: ProjectContext = ProjectContext(),
) -> list[Issue]:
    """The one entry point of the write model: every issue of changing `before` into `after`.

    `before` is the project as stored (None for a new project); `after` is the project as it will
    be, partners, funding lines and domains included; `today` is the date decisions may not pass;
    `context` carries the evaluations and the experts' ties (see `ProjectContext`).

    Returns the issues of `check_project_state(after)` plus those of the move: the step dates a
    project entering its status should carry (new project, or a status change), and a status
    moved to a step that does not follow (`check_status_move`). Errors refuse the change, from
    every source; warnings are shown (an import's preview, the editor), accepted by the user, and
    recorded with the change. Nothing here reads a clock or a database.
    """
    issues = check_project_state(after, today=today, context=context)
    if before is None:
        issues += check_entry_step_dates(None, after)
    elif before.status is not after.status:
        issues += check_status_move(before.status, after.status)
        issues += check_entry_step_dates(before.status, after)
    return issues


def check_status_code(code: str) -> list[Issue]:
    """A stored status that is not one of the pipeline's (a database written by hand)."""
    if code in ProjectStatus._value2member_map_:
        return []
    return [Issue("status_unknown", "status", {"value": code})]


def _dates(project: ProjectRecord) -> dict[str, date | None]:
    return {name: getattr(project, name) for name in (*EVENT_DATES, "start_on", "end_on")}


def split_change(
    before: ProjectRecord | None,
    after: ProjectRecord,
    *,
    today: date,
    context: ProjectContext = ProjectContext(),
) -> tuple[list[Issue], list[Issue]]:
    """`check_project_change` sorted for a writer: (errors that refuse the change, warnings).

    An error the project already had before the change does not refuse it: a change may not
    *introduce* a violation, but editing the title of a project imported before a rule existed
    stays possible (`check` lists what it still breaks). The same split for the editor's live
    checks, the import's plan and `storage.apply`."""
    issues = check_project_change(before, after, today=today, context=context)
    known: set[tuple[str, str]] = set()
    if before is not None:
        known = {
            (i.code, i.field)
            for i in check_project_state(before, today=today, context=context)
            if i.is_error
        }
    blocking = [i for i in issues if i.is_error and (i.code, i.field) not in known]
    return blocking, [i for i in issues if not i.is_error]

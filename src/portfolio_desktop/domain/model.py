"""Plain records that cross the layers: what a form edits, what a service returns, what rules check.

They carry codes and integer cents, never ORM objects or Qt types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .enums import (
    FunderKind,
    Instrument,
    OrganisationKind,
    PartnerRole,
    ProjectStatus,
    Recommendation,
)
from .financing import LineMoney


@dataclass(slots=True)
class Assessment:
    """The responsible-digital assessment: a 0–4 score per criterion, None when not assessed."""

    carbon: int | None = None
    resources: int | None = None
    recyclability: int | None = None
    energy: int | None = None
    ethics: int | None = None

    def scores(self) -> dict[str, int | None]:
        return {
            "carbon": self.carbon,
            "resources": self.resources,
            "recyclability": self.recyclability,
            "energy": self.energy,
            "ethics": self.ethics,
        }


@dataclass(slots=True)
class DomainShare:
    """A technology domain's percentage of a project."""

    domain_id: int
    percent: int


@dataclass(slots=True)
class PartnerRecord:
    """An organisation's participation in a project."""

    organisation_id: int
    role: PartnerRole = PartnerRole.PARTNER
    budget_cents: int | None = None
    id: int | None = None
    organisation_name: str = ""


@dataclass(slots=True)
class FundingLineRecord:
    """One funder, one instrument, one set of amounts, one decision date."""

    funder_id: int
    instrument: Instrument = Instrument.GRANT
    requested_cents: int | None = None
    granted_cents: int | None = None
    paid_cents: int | None = None
    decision_on: date | None = None
    beneficiary_id: int | None = None
    granted_override: bool = False
    id: int | None = None
    funder_name: str = ""
    beneficiary_name: str = ""
    #: Tranches, payments, split over partners and spread over years; None when the writer does
    #: not handle them (they are left as they are, and the paid amount is matched by a payment).
    money: LineMoney | None = None


@dataclass(slots=True)
class ProjectRecord:
    """Everything a project editor shows and saves (partners, funding and domains included)."""

    cluster_id: int
    reference: str
    acronym: str = ""
    title: str = ""
    summary: str = ""
    call_id: int | None = None
    status: ProjectStatus = ProjectStatus.DRAFT
    submitted_on: date | None = None
    evaluated_on: date | None = None
    labelling_decided_on: date | None = None
    funding_decided_on: date | None = None
    closed_on: date | None = None
    abandoned_on: date | None = None
    start_on: date | None = None
    end_on: date | None = None
    total_budget_cents: int | None = None
    eligible_costs_cents: int | None = None
    regions: list[str] = field(default_factory=list)
    keywords: str = ""
    notes: str = ""
    responsible_digital: bool = False
    assessment: Assessment = field(default_factory=Assessment)
    partners: list[PartnerRecord] = field(default_factory=list)
    funding_lines: list[FundingLineRecord] = field(default_factory=list)
    domains: list[DomainShare] = field(default_factory=list)
    id: int | None = None
    version: int = 0


@dataclass(slots=True)
class OrganisationRecord:
    """A company, lab, school, public body or association."""

    name: str
    kind: OrganisationKind = OrganisationKind.SME
    siren: str | None = None
    siret: str | None = None
    region: str | None = None
    city: str = ""
    is_member: bool = False
    member_since: date | None = None
    member_until: date | None = None
    id: int | None = None
    version: int = 0


@dataclass(slots=True)
class FunderRecord:
    """A funder: the State, an agency, a region, a local authority, the EU or a private investor."""

    name: str
    kind: FunderKind = FunderKind.STATE
    id: int | None = None


@dataclass(slots=True)
class CallRecord:
    """A call for proposals."""

    name: str
    funder_id: int | None = None
    programme: str = ""
    year: int | None = None
    id: int | None = None


@dataclass(slots=True)
class EvaluationRecord:
    """An expert's evaluation of a project: scores 0–5, an opinion and a recommendation."""

    expert_id: int
    evaluated_on: date | None = None
    score_innovation: int | None = None
    score_consortium: int | None = None
    score_impact: int | None = None
    score_feasibility: int | None = None
    opinion: str = ""
    recommendation: Recommendation | None = None
    id: int | None = None
    expert_name: str = ""

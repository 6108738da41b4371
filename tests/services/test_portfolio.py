"""Editing projects and reference data through the services, on a freshly migrated database."""

from __future__ import annotations

from datetime import date

import pytest

from portfolio_desktop.domain.enums import Instrument, PartnerRole, ProjectStatus
from portfolio_desktop.domain.model import (
    DomainShare,
    EvaluationRecord,
    FunderRecord,
    FundingLineRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)
from portfolio_desktop.domain.rules import RuleViolation
from portfolio_desktop.services import portfolio, reference
from portfolio_desktop.services.portfolio import StaleRecordError
from portfolio_desktop.services.stats import portfolio_stats


@pytest.fixture
def setup(db):
    cluster = reference.ensure_cluster(db, "Images & Réseaux", "IR")
    lead = reference.save_organisation(db, OrganisationRecord("Kerlis SAS", siren="732829320")).id
    lab = reference.save_organisation(db, OrganisationRecord("IRISA")).id
    funder = reference.save_funder(db, FunderRecord("Région Bretagne"))
    domains = [d.id for d in reference.domains(db)]
    return db, cluster, lead, lab, funder, domains


def new_project(
    cluster: int, lead: int, lab: int, funder: int, domains: list[int]
) -> ProjectRecord:
    """A funded project, with the step dates of its path (money is granted only from the label
    on: a draft carrying a grant is refused)."""
    return ProjectRecord(
        cluster_id=cluster,
        reference="IR-2024-0042",
        acronym="DATAGRID",
        title="Grille de données",
        status=ProjectStatus.FUNDED,
        submitted_on=date(2024, 1, 10),
        evaluated_on=date(2024, 2, 1),
        labelling_decided_on=date(2024, 3, 1),
        funding_decided_on=date(2024, 6, 1),
        total_budget_cents=200_000_000,
        start_on=date(2024, 9, 1),
        partners=[
            PartnerRecord(lead, PartnerRole.LEAD, 120_000_000),
            PartnerRecord(lab, PartnerRole.PARTNER, 80_000_000),
        ],
        funding_lines=[
            FundingLineRecord(
                funder, Instrument.GRANT, 50_000_000, 45_000_000, None, date(2024, 7, 1), lead
            )
        ],
        domains=[DomainShare(domains[0], 70), DomainShare(domains[1], 30)],
        regions=["BRE"],
    )


def test_create_load_update(setup) -> None:
    db, cluster, lead, lab, funder, domains = setup
    saved = portfolio.create_project(
        db, new_project(cluster, lead, lab, funder, domains), user="tester"
    )
    record = portfolio.load_project(db, saved.id)
    assert record.acronym == "DATAGRID"
    assert [p.organisation_name for p in record.partners] == ["Kerlis SAS", "IRISA"]
    assert record.funding_lines[0].granted_cents == 45_000_000
    stats = portfolio_stats(db)
    assert stats["funding_total"] == "450000.00"
    assert stats["funding_by_year"] == {"2024": "450000.00"}
    assert stats["funding_by_domain"]["Données & Intelligence Artificielle"] == "315000.00"

    record.title = "Grille de données souveraine"
    record.funding_lines[0].granted_cents = 50_000_000
    updated = portfolio.update_project(db, record, expected_version=saved.version)
    assert updated.version == saved.version + 1
    assert portfolio.load_project(db, saved.id).funding_lines[0].id == record.funding_lines[0].id
    assert portfolio_stats(db)["funding_total"] == "500000.00"

    history = portfolio.status_history(db, saved.id)
    assert [(h["to_status"], h["changed_by"]) for h in history] == [("funded", "tester")]


def test_invalid_project_is_not_saved(setup) -> None:
    db, cluster, lead, lab, funder, domains = setup
    record = new_project(cluster, lead, lab, funder, domains)
    record.domains = [DomainShare(domains[0], 70)]
    record.funding_lines[0].granted_cents = 60_000_000
    with pytest.raises(RuleViolation) as caught:
        portfolio.create_project(db, record)
    assert {i.code for i in caught.value.issues} == {
        "domain_split_sum",
        "granted_exceeds_requested",
    }
    assert portfolio_stats(db)["projects"] == 0


def test_reference_unique_per_cluster(setup) -> None:
    db, cluster, lead, lab, funder, domains = setup
    portfolio.create_project(db, new_project(cluster, lead, lab, funder, domains))
    with pytest.raises(RuleViolation) as caught:
        portfolio.create_project(db, new_project(cluster, lead, lab, funder, domains))
    assert [i.code for i in caught.value.issues] == ["reference_taken"]


def test_stale_update_is_refused(setup) -> None:
    db, cluster, lead, lab, funder, domains = setup
    saved = portfolio.create_project(db, new_project(cluster, lead, lab, funder, domains))
    mine = portfolio.load_project(db, saved.id)
    theirs = portfolio.load_project(db, saved.id)
    theirs.title = "Their title"
    portfolio.update_project(db, theirs, expected_version=saved.version)
    mine.title = "My title"
    with pytest.raises(StaleRecordError):
        portfolio.update_project(db, mine, expected_version=saved.version)
    assert portfolio.load_project(db, saved.id).title == "Their title"


def draft_project(
    cluster: int, lead: int, lab: int, funder: int, domains: list[int]
) -> ProjectRecord:
    """A draft as the form creates it: requested money only, no step date."""
    record = new_project(cluster, lead, lab, funder, domains)
    record.status = ProjectStatus.DRAFT
    for name in ("submitted_on", "evaluated_on", "labelling_decided_on", "funding_decided_on"):
        setattr(record, name, None)
    record.funding_lines[0].granted_cents = None
    record.funding_lines[0].decision_on = None
    return record


def test_pipeline_transitions_stamp_dates_and_history(setup) -> None:
    db, cluster, lead, lab, funder, domains = setup
    saved = portfolio.create_project(db, draft_project(cluster, lead, lab, funder, domains))
    version = saved.version
    with pytest.raises(RuleViolation):
        portfolio.transition(db, saved.id, ProjectStatus.FUNDED, expected_version=version)
    version = portfolio.transition(
        db,
        saved.id,
        ProjectStatus.SUBMITTED,
        on=date(2024, 1, 10),
        expected_version=version,
        user="u",
    ).version
    before = portfolio.load_project(db, saved.id)
    with pytest.raises(RuleViolation) as caught:  # evaluated before submitted
        portfolio.transition(
            db, saved.id, ProjectStatus.EVALUATED, on=date(2024, 1, 1), expected_version=version
        )
    assert caught.value.issues[0].code == "date_before"
    version = portfolio.transition(
        db,
        saved.id,
        ProjectStatus.EVALUATED,
        on=date(2024, 2, 1),
        expected_version=version,
        user="u",
    ).version
    record = portfolio.load_project(db, saved.id)
    assert record.status is ProjectStatus.EVALUATED
    assert record.evaluated_on == date(2024, 2, 1)
    reverted = portfolio.revert_transition(db, saved.id, before, expected_version=version, user="u")
    record = portfolio.load_project(db, saved.id)
    assert record.status is ProjectStatus.SUBMITTED and record.evaluated_on is None
    assert reverted.version == version + 1
    steps = [(h["from_status"], h["to_status"]) for h in portfolio.status_history(db, saved.id)]
    assert steps == [
        (None, "draft"),
        ("draft", "submitted"),
        ("submitted", "evaluated"),
        ("evaluated", "submitted"),
    ]


def test_delete_and_restore(setup) -> None:
    db, cluster, lead, lab, funder, domains = setup
    saved = portfolio.create_project(db, new_project(cluster, lead, lab, funder, domains))
    record = portfolio.load_project(db, saved.id)
    portfolio.delete_project(db, saved.id, expected_version=saved.version)
    assert portfolio_stats(db)["projects"] == 0
    portfolio.restore_project(db, record)
    again = portfolio.load_project(db, saved.id)
    assert again.reference == record.reference
    assert [line.id for line in again.funding_lines] == [line.id for line in record.funding_lines]


def test_evaluation_conflict_of_interest(setup) -> None:
    db, cluster, lead, lab, funder, domains = setup
    saved = portfolio.create_project(db, new_project(cluster, lead, lab, funder, domains))
    tied = reference.save_expert(db, None, "Anne Le Gall", tie_ids=[lab])
    free = reference.save_expert(db, None, "Yann Morvan")
    with pytest.raises(RuleViolation) as caught:
        portfolio.save_evaluation(
            db, saved.id, EvaluationRecord(expert_id=tied, score_innovation=4)
        )
    assert caught.value.issues[0].code == "conflict_of_interest_expert"
    portfolio.save_evaluation(db, saved.id, EvaluationRecord(expert_id=free, score_innovation=4))
    assert [e.expert_name for e in portfolio.evaluations(db, saved.id)] == ["Yann Morvan"]


def test_merge_organisations_moves_links(setup) -> None:
    db, cluster, lead, lab, funder, domains = setup
    saved = portfolio.create_project(db, new_project(cluster, lead, lab, funder, domains))
    duplicate = reference.save_organisation(db, OrganisationRecord("KERLIS S.A.S.")).id
    record = portfolio.load_project(db, saved.id)
    record.partners = [PartnerRecord(duplicate, PartnerRole.LEAD, 120_000_000), record.partners[1]]
    record.funding_lines[0].beneficiary_id = duplicate
    portfolio.update_project(db, record, expected_version=saved.version)
    before = portfolio.load_project(db, saved.id)
    snapshot = reference.merge_organisations(db, lead, [duplicate])
    assert snapshot.projects == [saved.id]
    after = portfolio.load_project(db, saved.id)
    assert {(p.organisation_id, p.role) for p in after.partners} == {
        (lead, PartnerRole.LEAD),
        (lab, PartnerRole.PARTNER),
    }
    assert after.funding_lines[0].beneficiary_id == lead
    assert [o.name for o in reference.organisations(db, "kerlis")] == ["Kerlis SAS"]
    reference.unmerge_organisations(db, snapshot)
    restored = portfolio.load_project(db, saved.id)
    assert {(p.organisation_id, p.role) for p in restored.partners} == {
        (p.organisation_id, p.role) for p in before.partners
    }
    assert restored.funding_lines[0].beneficiary_id == duplicate
    assert sorted(o.name for o in reference.organisations(db, "kerlis")) == [
        "KERLIS S.A.S.",
        "Kerlis SAS",
    ]


def test_invalid_siren_refused_and_in_use_not_deleted(setup) -> None:
    db, cluster, lead, lab, funder, domains = setup
    with pytest.raises(RuleViolation):
        reference.save_organisation(db, OrganisationRecord("Bad", siren="123456789"))
    portfolio.create_project(db, new_project(cluster, lead, lab, funder, domains))
    with pytest.raises(RuleViolation) as caught:
        reference.delete_reference(db, "funder", funder)
    assert caught.value.issues[0].params == {"count": 1}


def test_domain_rename_keeps_links(setup) -> None:
    db, cluster, lead, lab, funder, domains = setup
    portfolio.create_project(db, new_project(cluster, lead, lab, funder, domains))
    reference.save_domain(db, domains[0], "Data & IA", "#0072B2")
    stats = portfolio_stats(db)
    assert stats["funding_by_domain"]["Data & IA"] == "315000.00"

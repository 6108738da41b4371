"""The queries and use cases behind the reference-data screens (organisations, funders, calls,
domains, experts): SQL search and sort, exact undo of deletes, domain order, expert checks."""

from __future__ import annotations

import pytest

from portfolio_desktop.domain.enums import OrganisationKind
from portfolio_desktop.domain.model import (
    CallRecord,
    FunderRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)
from portfolio_desktop.domain.rules import RuleViolation
from portfolio_desktop.services import portfolio, reference
from portfolio_desktop.services.portfolio import NotFoundError


@pytest.fixture
def orgs(db):
    cluster = reference.ensure_cluster(db, "Images & Réseaux", "IR")
    names = {
        "kerlis": OrganisationRecord(
            "Kerlis SAS", OrganisationKind.SME, siren="732829320", city="Rennes", is_member=True
        ),
        "irisa": OrganisationRecord("IRISA", OrganisationKind.RESEARCH, city="Rennes"),
        "telecom": OrganisationRecord("Télécom Atlantique", OrganisationKind.HIGHER_EDUCATION),
        "orange": OrganisationRecord("Orange", OrganisationKind.LARGE_COMPANY, city="Lannion"),
    }
    ids = {key: reference.save_organisation(db, record).id for key, record in names.items()}
    for number, partners in enumerate([["kerlis", "irisa"], ["kerlis"], ["kerlis", "orange"]]):
        portfolio.create_project(
            db,
            ProjectRecord(
                cluster_id=cluster,
                reference=f"IR-{number}",
                acronym=f"P{number}",
                partners=[PartnerRecord(ids[p]) for p in partners],
            ),
        )
    return db, ids


def test_search_matches_folded_name_city_and_siren(orgs) -> None:
    db, ids = orgs
    assert reference.organisation_ids(db, "telecom") == [ids["telecom"]]
    assert reference.organisation_ids(db, "TÉLÉCOM atl") == [ids["telecom"]]
    assert reference.organisation_ids(db, "lannion") == [ids["orange"]]
    assert reference.organisation_ids(db, "732 829") == [ids["kerlis"]]
    assert reference.organisation_ids(db, "100%") == []  # LIKE wildcards are escaped


def test_sort_and_filters_run_in_sql(orgs) -> None:
    db, ids = orgs
    by_projects = reference.organisation_ids(db, sort_key="projects", descending=True)
    assert by_projects[:3] == [ids["kerlis"], ids["irisa"], ids["orange"]]
    assert reference.organisation_ids(db, members_only=True) == [ids["kerlis"]]
    assert reference.organisation_ids(db, kinds=("research", "large_company")) == [
        ids["irisa"],
        ids["orange"],
    ]
    rows = reference.organisation_rows(db, [ids["orange"], ids["kerlis"], 999_999])
    assert [(r.name, r.projects, r.is_member) for r in rows] == [
        ("Orange", 1, False),
        ("Kerlis SAS", 3, True),
    ]


def test_siren_already_used_is_found(orgs) -> None:
    db, ids = orgs
    assert [r.name for r in reference.organisations_with_siren(db, "732 829 320")] == ["Kerlis SAS"]
    assert reference.organisations_with_siren(db, "732829320", except_id=ids["kerlis"]) == []


def test_removing_an_organisation_is_refused_while_used_and_undone_with_its_ties(orgs) -> None:
    db, ids = orgs
    expert = reference.save_expert(db, None, "Anne Le Gall", tie_ids=[ids["telecom"]])
    with pytest.raises(RuleViolation) as caught:  # all or nothing: the unused one stays too
        reference.remove_organisations(db, [ids["telecom"], ids["kerlis"]])
    assert caught.value.issues[0].params == {"count": 3, "name": "Kerlis SAS"}
    assert reference.organisation_ids(db, "telecom") == [ids["telecom"]]
    before = reference.load_organisation(db, ids["telecom"])
    removed = reference.remove_organisations(db, [ids["telecom"]])
    assert reference.organisation_ids(db, "telecom") == []
    assert reference.experts(db)[0].extra[3] == ()
    reference.restore_organisations(db, removed)
    assert reference.load_organisation(db, ids["telecom"]) == before
    assert [(e.id, e.extra[3]) for e in reference.experts(db)] == [(expert, (ids["telecom"],))]


def test_reference_delete_and_restore_are_exact(db) -> None:
    funder = reference.save_funder(db, FunderRecord("Région Bretagne"))
    call = reference.save_call(db, CallRecord("AAP Région 2024", funder, "Innovation", 2024))
    domain = reference.save_domain(db, None, "Cybersécurité", "#D55E00")
    expert = reference.save_expert(
        db, None, "Yann Morvan", "yann@example.fr", "IMT", domain_ids=[domain]
    )
    with pytest.raises(RuleViolation) as caught:
        reference.remove_reference(db, "funder", funder)  # its call still points at it
    assert caught.value.issues[0].params == {"count": 1}

    snapshot = reference.remove_reference(db, "domain", domain)
    assert snapshot.links == {"experts": (expert,)}
    assert domain not in [d.id for d in reference.domains(db)]
    reference.restore_reference(db, snapshot)
    assert reference.snapshot_reference(db, "domain", domain) == snapshot

    call_snapshot = reference.remove_reference(db, "call", call)
    reference.restore_reference(db, call_snapshot)
    assert [(c.id, c.name, c.extra[:3]) for c in reference.calls(db)] == [
        (call, "AAP Région 2024", (funder, "Innovation", 2024))
    ]
    with pytest.raises(NotFoundError):
        reference.snapshot_reference(db, "expert", 999)


def test_domains_reorder(db) -> None:
    ids = [d.id for d in reference.domains(db)]
    reference.reorder_domains(db, list(reversed(ids)))
    assert [d.id for d in reference.domains(db)] == list(reversed(ids))


def test_expert_email_is_checked(db) -> None:
    assert [i.code for i in reference.expert_issues("", "anne@")] == ["required", "email_invalid"]
    assert reference.expert_issues("Anne", "anne.le-gall@imt-atlantique.fr") == []
    with pytest.raises(RuleViolation):
        reference.save_expert(db, None, "Anne", "anne at imt")
    assert reference.experts(db) == []

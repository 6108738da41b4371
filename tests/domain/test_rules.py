"""The domain's rules on projects, funding lines, splits, organisations, experts."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from portfolio_desktop.domain import rules
from portfolio_desktop.domain.enums import PartnerRole
from portfolio_desktop.domain.model import (
    Assessment,
    DomainShare,
    FundingLineRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)
from portfolio_desktop.domain.responsible import maturity_level


def codes(issues: list[rules.Issue]) -> set[str]:
    return {i.code for i in issues}


def project(**kwargs: object) -> ProjectRecord:
    base = ProjectRecord(
        cluster_id=1, reference="IR-2024-0042", acronym="DATAGRID", title="Réseaux de données"
    )
    for key, value in kwargs.items():
        setattr(base, key, value)
    return base


def test_a_valid_project_has_no_issue() -> None:
    assert rules.check_project(project()) == []


def test_reference_and_names() -> None:
    assert codes(rules.check_project(project(reference=""))) == {"required"}
    assert codes(rules.check_project(project(reference="IR 2024"))) == {"reference_format"}
    assert codes(rules.check_project(project(acronym="", title=" "))) == {
        "acronym_or_title_required"
    }


def test_granted_not_above_requested_unless_overridden() -> None:
    line = FundingLineRecord(funder_id=1, requested_cents=100, granted_cents=150)
    assert codes(rules.check_funding_line(line)) == {"granted_exceeds_requested"}
    line.granted_override = True
    assert rules.check_funding_line(line) == []
    line.paid_cents = 200
    assert codes(rules.check_funding_line(line)) == {"paid_exceeds_granted"}
    assert codes(rules.check_funding_line(FundingLineRecord(funder_id=1, granted_cents=-1))) == {
        "amount_negative"
    }


@given(st.lists(st.integers(min_value=1, max_value=100), min_size=1, max_size=6))
def test_split_valid_iff_sums_to_100(percents: list[int]) -> None:
    shares = [DomainShare(index + 1, p) for index, p in enumerate(percents)]
    issues = rules.check_domain_split(shares)
    assert (issues == []) == (sum(percents) == 100)


def test_split_duplicates_and_empty() -> None:
    assert rules.check_domain_split([]) == []
    assert "domain_duplicate" in codes(
        rules.check_domain_split([DomainShare(1, 50), DomainShare(1, 50)])
    )


def test_dates_in_order() -> None:
    bad = project(submitted_on=date(2024, 3, 1), evaluated_on=date(2024, 2, 1))
    assert codes(rules.check_dates(bad)) == {"date_before"}
    assert (
        rules.check_dates(
            project(submitted_on=date(2024, 3, 1), funding_decided_on=date(2024, 9, 1))
        )
        == []
    )
    ends_early = project(start_on=date(2024, 3, 1), end_on=date(2023, 3, 1))
    assert rules.check_dates(ends_early)[0].field == "end_on"


def test_partners() -> None:
    partners = [PartnerRecord(1, PartnerRole.LEAD, 600), PartnerRecord(2, PartnerRole.LEAD, 600)]
    found = codes(rules.check_project(project(partners=partners, total_budget_cents=1000)))
    assert found == {"lead_partner_several", "partner_budgets_exceed_total"}
    lines = [FundingLineRecord(funder_id=1, beneficiary_id=99)]
    assert "beneficiary_not_partner" in codes(
        rules.check_project(project(partners=partners[:1], funding_lines=lines))
    )


def test_organisation_identifiers() -> None:
    assert (
        rules.check_organisation(
            OrganisationRecord("Acme", siren="732829320", siret="73282932000074")
        )
        == []
    )
    assert codes(rules.check_organisation(OrganisationRecord("Acme", siren="732829321"))) == {
        "siren_invalid"
    }
    assert codes(
        rules.check_organisation(
            OrganisationRecord("Acme", siren="552100554", siret="73282932000074")
        )
    ) == {"siret_siren_mismatch"}


def test_conflict_of_interest() -> None:
    assert codes(rules.check_conflict_of_interest([3, 4], [1, 2, 3])) == {"conflict_of_interest"}
    assert rules.check_conflict_of_interest([5], [1, 2, 3]) == []


def test_assessment_scores_and_maturity() -> None:
    assert codes(rules.check_assessment(Assessment(carbon=5))) == {"score_range"}
    assert maturity_level(Assessment()) is None
    assert maturity_level(Assessment(0, 0, 0, 0, 0)) == 1
    assert maturity_level(Assessment(2, 3, 2, 3, 2)) == 3
    assert maturity_level(Assessment(4, 4, 4, 4, 4)) == 5


def test_fold_matches_the_character_by_character_definition() -> None:
    import unicodedata

    from hypothesis import given as given_
    from hypothesis import strategies as st_

    from portfolio_desktop.domain.text import fold

    def slow(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
        return " ".join(stripped.casefold().split())

    assert fold("  Télécom  Bretagne ") == "telecom bretagne"
    assert fold("ŒUVRE Éçàù ß") == slow("ŒUVRE Éçàù ß")

    @given_(st_.text(max_size=40))
    def check(text: str) -> None:
        assert fold(text) == " ".join(fold(text).split())
        if not any(c.isspace() and c not in " \\t\\n\\r\\x0b\\x0c" for c in text):
            assert fold(text) == slow(text)

    check()

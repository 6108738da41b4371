"""Headers as people write them: matched by their words, never pointing the wrong way; the header
row found below titles and banners, never on a data row."""

from __future__ import annotations

from datetime import date

import pytest

from portfolio_desktop.services.excel_import.headers import (
    detect_mapping,
    generated_reference,
    match_header_how,
)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        # SCDL field names, camelCase
        ("nomBeneficiaire", "beneficiary"),
        ("dateConvention", "decision_on"),
        ("montant", "line_granted"),
        ("objet", "title"),
        ("nomAttribuant", "funder"),
        ("referenceDecision", "decision_reference"),
        ("nature", "instrument"),
        # the common French variants
        ("Montant octroyé", "line_granted"),
        ("Montant décidé", "line_granted"),
        ("Montant décidé ligne", "line_granted"),
        ("Montant UE programmé", "line_granted"),
        ("MONTANT  UE\nprogrammé (€)", "line_granted"),
        ("Coût total", "total_budget"),
        ("Total dépenses éligibles", "eligible_costs"),
        ("Date convention", "decision_on"),
        ("Bénéficiaire", "beneficiary"),
        ("Attributaire", "beneficiary"),
        ("Nom attributaire", "beneficiary"),
        ("Objet de la subvention", "title"),
        ("Objet convention", "title"),
        ("Autorité administrative", "funder"),
        ("Nature subvention", "instrument"),
        ("Référence délibération\n", "decision_reference"),
        # units, case, accents, punctuation, bilingual halves
        ("Montant HT", "line_granted"),
        ("montant (€)", "line_granted"),
        ("COUT TOTAL (EUR)", "total_budget"),
        ("Intitulé du projet  - operation name", "title"),
        ("Bénéficiaire / Beneficiary", "beneficiary"),
        ("Date de début de l'opération", "start_on"),
        ("Operation end date", "end_on"),
    ],
)
def test_a_header_names_its_field_in_a_projects_sheet(header: str, field: str) -> None:
    assert match_header_how("projects", header)[0] == field


@pytest.mark.parametrize(
    "header",
    [
        "idBeneficiaire",  # an identifier, not the beneficiary
        "SIRET autorité administrative",  # the funder's SIRET, not the funder
        "N° SIRET attributaire",
        "pourcentageSubvention",  # a rate, not an amount
        "Taux de subvention",
        "conditionsVersement",
        "datesPeriodeVersement",
        "Date premier mandat ligne",
        "Date solde ligne",
        "Code postal",  # not a reference
        "notificationUE",
        "idRAE",
    ],
)
def test_a_header_that_names_no_field_is_left_unmapped(header: str) -> None:
    assert match_header_how("projects", header) == (None, "")


def test_a_synonym_never_points_the_wrong_way() -> None:
    # SCDL's `nature` is the aid's nature, not an organisation's kind
    assert match_header_how("partners", "nature")[0] is None
    assert match_header_how("partners", "Nature juridique")[0] == "org_kind"
    # a bare « projet » is not a reference
    assert match_header_how("funding", "Projet")[0] != "reference"
    assert match_header_how("partners", "projet")[0] != "reference"
    # a decision's number is shared by several grants: no project reference
    assert match_header_how("projects", "Référence de la décision")[0] == "decision_reference"


def test_how_a_field_was_decided_is_said() -> None:
    assert match_header_how("projects", "Référence") == ("reference", "exact")
    assert match_header_how("projects", "nomAttribuant") == ("funder", "synonym")
    assert match_header_how("projects", "Montant décidé ligne") == ("line_granted", "words")


SCDL = [
    "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire",
    "idBeneficiaire", "objet", "montant", "nature", "pourcentageSubvention",
]  # fmt: skip
GRANT = [
    "Département X", "22170001600738", "2016-01-22", "2015-10-75", "LE FOYER",
    "56182048100019", "Logements", 164000.0, "Numéraire", 1.0,
]  # fmt: skip


def test_a_title_and_a_banner_above_the_header_are_passed_over() -> None:
    rows = [
        ["Subventions versées en 2017", "", "", ""],
        ["", "", "", ""],
        ["Conventions de subvention", "Conventions de subvention", "", ""],  # a merged banner
        SCDL,
        GRANT,
        GRANT,
    ]
    mapping = detect_mapping("Feuille 1", rows)
    assert mapping.kind == "projects" and mapping.header_row == 4
    assert mapping.columns[4] == "lead"  # one row per grant: the beneficiary leads the project


def test_a_data_row_is_never_the_header_row() -> None:
    # Data rows whose texts look like headers (« Subvention », « Aide en numéraire ») above
    # the real header, as a sheet pasted under another has them.
    data = ["Subvention 2017", "Aide en numéraire", 2400.0, date(2017, 4, 13), "Objet"]
    rows = [data, data, ["Objet", "Montant", "Nature", "Date convention", "Bénéficiaire"], data]
    mapping = detect_mapping("Feuille 1", rows)
    assert mapping.header_row == 3


def test_the_users_header_row_is_taken_as_given() -> None:
    rows = [SCDL, GRANT, ["Objet", "Montant", "Bénéficiaire", "Attribuant"], GRANT[:4]]
    assert detect_mapping("F", rows).header_row == 1
    chosen = detect_mapping("F", rows, header_row=3)
    assert chosen.header_row == 3 and chosen.columns[:2] == ["title", "line_granted"]
    assert detect_mapping("F", rows, header_row=9).kind is None


def test_a_generated_reference_is_stable_and_follows_what_the_user_sees() -> None:
    row = ["Département X", "2015-10-75", "LE FOYER", "Logements"]
    same = ["DÉPARTEMENT  x", "2015-10-75", "Le Foyer", "logements"]
    other = ["Département X", "2015-10-75", "LE FOYER", "Logements sociaux"]
    columns = [0, 1, 2, 3]
    reference = generated_reference(row, columns)
    assert reference.startswith("G-") and len(reference) == 12
    assert generated_reference(same, columns) == reference
    assert generated_reference(other, columns) != reference

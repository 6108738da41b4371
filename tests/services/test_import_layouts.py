"""The kinds of files people send, as their publishers lay them out: a grant list under a title
and a merged banner with a totals row, a bilingual cohesion-fund operation list, a competition's
laureates; values given for the whole file, mappings given on the command line and saved."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from portfolio_desktop.errors import KnownError
from portfolio_desktop.services.excel_import import ImportChoices, import_workbook
from portfolio_desktop.services.excel_import.choices import choices_from_arguments


def book(path: Path, rows: list[list[Any]], merge: str | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Export"
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    workbook.save(path)
    return path


def scalar(db: Any, sql: str) -> Any:
    with db.read() as session:
        return session.connection().exec_driver_sql(sql).scalar()


GRANTS = [
    ["Conseil départemental — subventions attribuées en 2019", None, None, None, None],
    [None, None, None, None, None],
    ["Subventions", None, None, None, None],  # a banner merged over the five columns
    ["Nom du bénéficiaire", "Objet de la subvention", "Montant octroyé\n(€)", "Date convention",
     "Taux de subvention"],
    ["ASSOCIATION A", "Festival d'été", "12 500,50 €", date(2019, 3, 1), "50 %"],
    ["COMMUNE B", "Salle polyvalente", 30000, date(2019, 4, 2), "20 %"],
    [None, None, None, None, None],
    ["ASSOCIATION C", "Ateliers", "4 000", "15/05/2019", "80 %"],
    ["Total", None, 46500.5, None, None],
]  # fmt: skip


def test_a_grant_list_under_a_title_and_a_banner_with_a_totals_row(db: Any, tmp_path: Path) -> None:
    path = book(tmp_path / "subventions.xlsx", GRANTS, merge="A3:E3")
    choices = ImportChoices(
        fixed={"status": "funded", "Financeur": "Département X", "instrument": "Subvention"}
    )
    report = import_workbook(db, path, choices=choices)
    payload = report.to_json()
    assert report.ok, payload["errors"]
    assert payload["rows"] == {
        "Export": {"read": 5, "imported": 3, "merged": 0, "skipped": 2, "invalid": 0}
    }
    reasons = {s["row"]: s["reason"] for s in payload["skipped_rows"]}
    assert set(reasons) == {7, 9} and "totaux" in reasons[9]
    (mapping,) = payload["mapping"]
    assert mapping["header_row"] == 4
    assert "Taux de subvention" in mapping["unmapped"]
    # The totals row is not summed in: three grants, to the cent.
    assert scalar(db, "SELECT sum(granted_cents) FROM funding_line") == 4_650_050
    assert scalar(db, "SELECT count(DISTINCT funder_id) FROM funding_line") == 1
    assert scalar(db, "SELECT name FROM funder") == "Département X"
    # Generated references: a second import changes nothing.
    again = import_workbook(db, path, choices=choices)
    assert again.counts["projects"] == {"created": 0, "updated": 0, "unchanged": 3}


FEDER = [
    ["Programme opérationnel FEDER-FSE 2014-2020 — liste des opérations"],
    ["Nom du bénéficiaire / Beneficiary name", "Intitulé de l'opération / Operation name",
     "Code postal / Postcode", "Date de début / Start date", "Date de fin / End date",
     "Total dépenses éligibles / Total eligible expenditure",
     "Montant UE programmé / Union co-financing", "Fonds / Fund"],
    ["LAB X", "Capteurs photoniques", "35000", date(2018, 1, 1), date(2020, 12, 31),
     "1 000 000,00", "500 000,00", "FEDER"],
    ["PME Y", "Jumeau numérique", "29200", date(2019, 6, 1), date(2021, 5, 31),
     200000, 80000.25, "FEDER"],
    ["PME Y", "Jumeau numérique", "29200", date(2019, 6, 1), date(2021, 5, 31),
     200000, 19999.75, "FEDER"],
]  # fmt: skip


def test_a_bilingual_cohesion_fund_list_with_two_funds_for_one_operation(
    db: Any, tmp_path: Path
) -> None:
    path = book(tmp_path / "operations.xlsx", FEDER)
    choices = ImportChoices(fixed={"status": "funded", "instrument": "grant"})
    report = import_workbook(db, path, choices=choices)
    payload = report.to_json()
    assert report.ok, payload["errors"]
    (mapping,) = payload["mapping"]
    fields = {c["header"]: c["field"] for c in mapping["columns"]}
    assert fields["Nom du bénéficiaire / Beneficiary name"] == "lead"
    assert fields["Intitulé de l'opération / Operation name"] == "title"
    assert fields["Total dépenses éligibles / Total eligible expenditure"] == "eligible_costs"
    assert fields["Montant UE programmé / Union co-financing"] == "line_granted"
    assert fields["Fonds / Fund"] == "funder"
    assert "Code postal / Postcode" in mapping["unmapped"]
    # The same operation on two rows (two programmings): one project, two lines, one merged.
    assert payload["rows"]["Export"] == {
        "read": 3, "imported": 2, "merged": 1, "skipped": 0, "invalid": 0,
    }  # fmt: skip
    assert scalar(db, "SELECT count(*) FROM project") == 2
    assert scalar(db, "SELECT sum(granted_cents) FROM funding_line") == 60_000_000
    assert scalar(
        db, "SELECT eligible_costs_cents FROM project WHERE title = 'Jumeau numérique'"
    ) == (20_000_000)


LAUREATES = [
    ["Année", "Nom du projet", "Entreprise lauréate", "SIREN", "Domaine", "Code région"],
    [2021, "Vision", "START A", "123456782", "Intelligence artificielle", "R53"],
    [2021, "Quanta", "START B", "732829320", "Quantique", "52"],
    [2022, "Vision 2", "START A", "123456782", "Intelligence artificielle", "Picardie"],
]  # fmt: skip


def test_laureates_without_amounts_and_their_unknown_domains(db: Any, tmp_path: Path) -> None:
    path = book(tmp_path / "laureats.xlsx", LAUREATES)
    plain = import_workbook(
        db, path, dry_run=True, choices=ImportChoices(fixed={"status": "labelled"})
    )
    assert not plain.ok
    assert {p.code for p in plain.problems} <= {
        "import_unknown_domain", "import_unknown_domain_suggest",
    }  # fmt: skip
    assert plain.to_json()["rows"]["Export"]["invalid"] == 3
    choices = ImportChoices(fixed={"status": "labelled"}, create_missing=True)
    report = import_workbook(db, path, choices=choices)
    assert report.ok, report.to_json()["errors"]
    assert report.counts["domains"]["created"] == 2
    assert scalar(db, "SELECT count(DISTINCT region) FROM project_region") == 3  # R53, 52, Picardie
    assert scalar(db, "SELECT count(*) FROM project WHERE status = 'labelled'") == 3


def test_map_and_save_profile_then_the_layout_is_recognised(db: Any, tmp_path: Path) -> None:
    rows = [
        ["Bénéf.", "Projet soutenu", "Somme", "Instance"],
        ["ORG A", "Projet 1", 1000, "Région Z"],
        ["ORG B", "Projet 2", 2500.5, "Région Z"],
    ]
    path = book(tmp_path / "maison.xlsx", rows)
    mapping_file = tmp_path / "mapping.json"
    mapping_file.write_text(
        json.dumps(
            {
                "columns": {"Bénéf.": "Porteur", "Somme": "line_granted", "Instance": "funder"},
                "set": {"status": "funded", "instrument": "grant"},
            }
        ),
        encoding="utf-8",
    )
    choices = choices_from_arguments(mapping_file=str(mapping_file), maps=["Projet soutenu=title"])
    report = import_workbook(db, path, choices=choices, save_as="maison")
    payload = report.to_json()
    assert report.ok, payload["errors"]
    hows = {c["header"]: (c["field"], c["how"]) for c in payload["mapping"][0]["columns"]}
    assert hows["Somme"] == ("line_granted", "user") and hows["Bénéf."] == ("lead", "user")
    assert scalar(db, "SELECT sum(granted_cents) FROM funding_line") == 350_050
    # Next time, no option at all: the saved profile recognises the layout.
    rows.append(["ORG C", "Projet 3", 10, "Région Z"])
    again = import_workbook(db, book(tmp_path / "maison2.xlsx", rows))
    payload = again.to_json()
    assert again.ok, payload["errors"]
    assert {c["how"] for c in payload["mapping"][0]["columns"]} == {"profile"}
    assert again.counts["projects"] == {"created": 1, "updated": 0, "unchanged": 2}


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"sets": ["status"]}, "import_option_pair"),
        ({"maps": ["=title"]}, "import_option_pair"),
        ({"header_row": 0}, "import_header_row_invalid"),
        ({"mapping_file": "/nonexistent/mapping.json"}, "import_mapping_file_unreadable"),
    ],
)
def test_wrong_choices_are_refused_with_their_reason(kwargs: dict[str, Any], code: str) -> None:
    with pytest.raises(KnownError) as raised:
        choices_from_arguments(**kwargs)
    assert raised.value.code == code


def test_a_fixed_value_a_field_cannot_take_is_an_error_of_the_sheet(
    db: Any, tmp_path: Path
) -> None:
    path = book(tmp_path / "subventions.xlsx", GRANTS)
    choices = ImportChoices(fixed={"status": "peut-être", "funder": "X", "instrument": "grant"})
    report = import_workbook(db, path, choices=choices)
    assert not report.ok and report.batch_id is None
    assert any(p.code == "import_unknown_status" and p.row == 0 for p in report.problems)
    assert scalar(db, "SELECT count(*) FROM project") == 0


def test_references_with_spaces_are_written_the_portfolios_way(db: Any, tmp_path: Path) -> None:
    rows = [
        [
            "N° dossier",
            "Intitulé",
            "Statut",
            "Financeur",
            "Type d'aide",
            "Montant",
            "Montant versé",
        ],
        ["Q 00 03 151", "Éclairage", "Financé", "Région Z", "Subvention", "97 000euros", None],
        ["DELIB 06FIN du 13-04-2017", "Voirie", "Financé", "Région Z", "Subvention", 10, None],
    ]
    path = book(tmp_path / "dossiers.xlsx", rows)
    report = import_workbook(db, path)
    assert report.ok, report.to_json()["errors"]
    with db.read() as session:
        found = session.connection().exec_driver_sql("SELECT reference FROM project").fetchall()
    assert sorted(r[0] for r in found) == ["DELIB-06FIN-du-13-04-2017", "Q-00-03-151"]
    assert scalar(db, "SELECT sum(granted_cents) FROM funding_line") == 9_701_000
    again = import_workbook(db, path)
    assert again.counts["projects"] == {"created": 0, "updated": 0, "unchanged": 2}


def test_a_utf8_bom_over_windows_1252_bytes_is_read_as_windows_1252(tmp_path: Path) -> None:
    import codecs

    from portfolio_desktop.services.excel_import.reader import read_workbook

    path = tmp_path / "bom.csv"
    path.write_bytes(
        codecs.BOM_UTF8 + "Référence;Intitulé\nR-1;Éclairage public\n".encode("cp1252")
    )
    rows = read_workbook(path).sheets[0].rows
    assert rows == [["Référence", "Intitulé"], ["R-1", "Éclairage public"]]
    assert not any("\ufffd" in cell for row in rows for cell in row)


def test_valid_only_never_leaves_a_new_project_funded_with_nothing(db: Any, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    projects = workbook.active
    projects.title = "Projets"
    for row in (["Référence", "Intitulé", "Statut"], ["P-1", "Un", "Financé"],
                ["P-2", "Deux", "Financé"]):  # fmt: skip
        projects.append(row)
    lines = workbook.create_sheet("Financements")
    for row in (["Référence projet", "Financeur", "Type d'aide", "Montant accordé (€)"],
                ["P-1", "Région", "Subvention", "abc"], ["P-2", "Région", "Subvention", "100"]):  # fmt: skip
        lines.append(row)
    path = tmp_path / "suivi.xlsx"
    workbook.save(path)
    report = import_workbook(db, path, valid_only=True)
    payload = report.to_json()
    assert payload["rows"]["Projets"] == {
        "read": 2, "imported": 1, "merged": 0, "skipped": 0, "invalid": 1,
    }  # fmt: skip
    assert any("P-1" in e["message"] and e["row"] == 2 for e in payload["errors"])
    with db.read() as session:
        found = session.connection().exec_driver_sql("SELECT reference FROM project").fetchall()
    assert found == [("P-2",)]


def test_an_older_grant_layout_with_amounts_not_communicated_and_long_objects(
    db: Any, tmp_path: Path
) -> None:
    long_object = "Soutien au festival. " * 40  # 840 characters
    path = tmp_path / "subventions.csv"
    path.write_text(
        "COLL_NOM,COLL_SIRET,ACTE_DATE,ACTE_REF,ATTRIB_NOM,ATTRIB_SIRET,SUB_OBJ,SUB_MONTANT,"
        "SUB_NATURE\n"
        "Département N,225800010,2016-01-01,,AGORA,,Subvention,17 833,\n"
        "Département N,225800010,2016-01-01,,PREVENTION ROUTIERE,,Subvention,NC,\n"
        "Département N,225800010,2016-01-01,,BATIFRANC,,Subvention,SEM,\n"
        f'Département N,225800010,2016-02-01,2016-12,FESTIVAL,,"{long_object}",1 500,\n',
        encoding="utf-8",
    )
    report = import_workbook(db, path)
    payload = report.to_json()
    assert report.ok, payload["errors"]
    fields = {c["header"]: c["field"] for c in payload["mapping"][0]["columns"]}
    assert fields == {
        "COLL_NOM": "funder", "ACTE_DATE": "decision_on", "ACTE_REF": "decision_reference",
        "ATTRIB_NOM": "lead", "SUB_OBJ": "title", "SUB_MONTANT": "line_granted",
        "SUB_NATURE": "instrument",
    }  # fmt: skip
    assert payload["mapping"][0]["set"] == {"status": "funded"}
    assert payload["rows"]["subventions"]["imported"] == 4
    warned = {(w["row"], w["column"]) for w in payload["cell_warnings"]}
    assert warned == {(3, "SUB_MONTANT"), (4, "SUB_MONTANT"), (5, "SUB_OBJ")}
    assert scalar(db, "SELECT sum(granted_cents) FROM funding_line") == 1_933_300
    assert scalar(db, "SELECT length(summary) FROM project WHERE summary <> ''") == len(
        long_object.strip()
    )
    assert scalar(db, "SELECT max(length(title)) FROM project") == 500
    again = import_workbook(db, path)
    assert again.counts["projects"] == {"created": 0, "updated": 0, "unchanged": 4}


def test_amounts_below_the_cent_are_rounded_with_a_word_each(db: Any, tmp_path: Path) -> None:
    rows = [
        ["Nom du bénéficiaire", "Objet de la subvention", "Montant octroyé (€)", "Date convention"],
        ["ASSOCIATION A", "Festival", "0,005 €", date(2019, 3, 1)],
        ["COMMUNE B", "Salle", 1234.5678, date(2019, 4, 2)],
        ["ASSOCIATION C", "Ateliers", "4 000,25", date(2019, 5, 15)],
    ]
    path = book(tmp_path / "centimes.xlsx", rows)
    choices = ImportChoices(fixed={"Financeur": "Département X"})
    report = import_workbook(db, path, choices=choices)
    payload = report.to_json()
    assert report.ok, payload["errors"]
    # Rounded half to even, as every amount the import reads: 0,005 € → 0 €, 1 234,5678 → ,57.
    assert scalar(db, "SELECT sum(granted_cents) FROM funding_line") == 0 + 123457 + 400025
    warned = [w for w in payload["cell_warnings"] if "centime" in w["message"]]
    assert [w["row"] for w in warned] == [2, 3], payload["cell_warnings"]
    assert "0,005 €" in warned[0]["message"] and "0,00\xa0€" in warned[0]["message"]
    assert "1\u202f234,57\xa0€" in warned[1]["message"]


def test_placeholder_and_far_dates_are_imported_and_warned_about(db: Any, tmp_path: Path) -> None:
    rows = [
        ["Nom du bénéficiaire", "Objet de la subvention", "Montant octroyé (€)", "Date convention"],
        ["ASSOCIATION A", "Festival", 1000, date(1900, 1, 2)],
        ["COMMUNE B", "Salle", 2000, date(1975, 4, 2)],
        ["ASSOCIATION C", "Ateliers", 3000, date(2019, 5, 15)],
    ]
    path = book(tmp_path / "dates.xlsx", rows)
    report = import_workbook(db, path, choices=ImportChoices(fixed={"Financeur": "Département X"}))
    payload = report.to_json()
    assert report.ok, payload["errors"]
    assert payload["rows"]["Export"]["imported"] == 3
    warned = {w["row"]: w["message"] for w in payload["cell_warnings"] if "Date " in w["message"]}
    assert set(warned) == {2, 3}, payload["cell_warnings"]
    assert "02/01/1900" in warned[2] and "absente" in warned[2]
    assert "02/04/1975" in warned[3] and "loin" in warned[3]


def test_overseas_collectivities_are_a_region_and_interreg_is_no_region(
    db: Any, tmp_path: Path
) -> None:
    rows = [
        ["Nom du bénéficiaire", "Objet de la subvention", "Montant octroyé (€)", "Région"],
        ["ASSOCIATION A", "Festival", 1000, "Nouvelle-Calédonie"],
        ["COMMUNE B", "Salle", 2000, "Interreg France-Wallonie-Vlaanderen"],
        ["ASSOCIATION C", "Ateliers", 3000, "R53"],
    ]
    path = book(tmp_path / "regions.xlsx", rows)
    report = import_workbook(db, path, choices=ImportChoices(fixed={"Financeur": "Département X"}))
    payload = report.to_json()
    assert report.ok, payload["errors"]
    assert payload["rows"]["Export"]["imported"] == 3
    regions = dict(rows_of(db, "SELECT title, regions_label FROM project"))
    assert regions == {"Festival": "Collectivités d'outre-mer", "Salle": "", "Ateliers": "Bretagne"}
    [warning] = [w for w in payload["cell_warnings"] if w["column"] == "Région"]
    assert warning["row"] == 3 and "plusieurs régions" in warning["message"]


def rows_of(db: Any, sql: str) -> list[tuple[Any, ...]]:
    with db.read() as session:
        return [tuple(r) for r in session.connection().exec_driver_sql(sql)]

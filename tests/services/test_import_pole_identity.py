"""A pole's export imported into a national base keeps that pole's identity: its projects join
its pole (not the first one, not a homonym's), its lead partners are the organisations its own
organisations sheet lists — even where the national base already holds other organisations of
the same names — and the national base's export of that pole gives back the pole's workbook, naming no other pole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.services import clusters
from portfolio_desktop.services.excel_export import export_workbook
from portfolio_desktop.services.excel_import import import_workbook

#: The sheets that say what the pole's projects are, and the columns that are the base's own row
#: numbers (a funding line's number is its id in the base that exported it).
COMPARED = {"Projets": (), "Partenaires": (), "Financements": (0,), "Dépôts": (), "Pôles": ()}


def rows_of(db: Any, sql: str) -> list[tuple[Any, ...]]:
    with db.read() as session:
        return [tuple(r) for r in session.connection().exec_driver_sql(sql)]


def sheets(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return {
            name: [
                tuple(v for i, v in enumerate(row) if i not in ids)
                for row in workbook[name].iter_rows(values_only=True)
            ]
            for name, ids in COMPARED.items()
        }
    finally:
        workbook.close()


def book(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def national(db: Any, pole_db: Any, tmp_path: Path) -> Any:
    """A national base whose one pole, NORD, holds projects under the same references as the pole
    demo's and organisations of the same names with other SIRENs: another pole's homonyms."""
    seed = tmp_path / "seed.xlsx"
    export_workbook(pole_db, seed, lang="fr")
    report = import_workbook(db, seed)
    assert report.ok, report.to_json()["errors"][:3]
    (cluster,) = clusters.list_clusters(db)
    clusters.rename_cluster(db, cluster.id, "NORD", "Pôle Nord")
    with db.write() as session:
        connection = session.connection()
        connection.exec_driver_sql(
            "UPDATE organisation SET siren = '9' || substr(siren, 2), "
            "siret = '9' || substr(siret, 2) WHERE siren IS NOT NULL"
        )
    return db


def test_a_poles_export_joins_its_pole_with_its_own_organisations(
    national: Any, pole_db: Any, tmp_path: Path
) -> None:
    before = rows_of(
        national,
        "SELECT p.reference, o.name, o.siren FROM project p "
        "JOIN organisation o ON o.id = p.lead_organisation_id ORDER BY p.reference",
    )
    exported = tmp_path / "pole.xlsx"
    export_workbook(pole_db, exported, lang="fr")

    report = import_workbook(national, exported)

    assert report.ok, report.to_json()["errors"][:3]
    assert [(c.code, c.projects) for c in clusters.list_clusters(national)] == [
        ("IR", 1300),
        ("NORD", 1300),
    ]
    # The pole's leads are the organisations of its own sheet (their SIRENs), not NORD's homonyms.
    leads = rows_of(
        national,
        "SELECT p.reference, o.name, o.siren FROM project p JOIN cluster c ON c.id = p.cluster_id "
        "JOIN organisation o ON o.id = p.lead_organisation_id WHERE c.code = 'IR' ORDER BY p.reference",
    )
    assert leads == rows_of(
        pole_db,
        "SELECT p.reference, o.name, o.siren FROM project p "
        "JOIN organisation o ON o.id = p.lead_organisation_id ORDER BY p.reference",
    )
    # NORD's projects did not move and still have their own leads.
    assert before == rows_of(
        national,
        "SELECT p.reference, o.name, o.siren FROM project p JOIN cluster c ON c.id = p.cluster_id "
        "JOIN organisation o ON o.id = p.lead_organisation_id WHERE c.code = 'NORD' ORDER BY p.reference",
    )
    # The national base's export of the pole is the pole's own workbook, and reading it again
    # changes nothing.
    (ir,) = [c.id for c in clusters.list_clusters(national) if c.code == "IR"]
    again = tmp_path / "again.xlsx"
    export_workbook(national, again, project_filter=ProjectFilter(cluster_ids=(ir,)), lang="fr")
    assert sheets(again) == sheets(exported)
    second = import_workbook(national, exported, dry_run=True)
    assert second.ok
    assert (second.count("projects", "created"), second.count("projects", "updated")) == (0, 0)
    assert second.count("projects", "unchanged") == 1300


def test_a_name_the_workbook_lists_once_means_that_organisation(db: Any, tmp_path: Path) -> None:
    """Two organisations of the base are called « Ecoium SAS »; a workbook whose organisations
    sheet lists one of them (by its SIREN) and names it as a project's lead means that one. The
    same project sheet without the organisations sheet is refused: the name alone is ambiguous."""
    seed = book(
        tmp_path / "seed.xlsx",
        {
            "Organisations": [
                ["Nom", "Type", "SIREN"],
                ["Ecoium SAS", "PME", "732829320"],
                ["Ecoium SAS", "PME", "552100554"],
            ]
        },
    )
    assert import_workbook(db, seed).ok
    projects = ["Référence", "Titre", "Pôle", "Porteur", "Statut"]
    project = ["P-1", "Capteurs", "IR", "Ecoium SAS", "Brouillon"]
    poles = [["Code", "Nom"], ["IR", "Images & Réseaux"]]

    alone = import_workbook(
        db, book(tmp_path / "alone.xlsx", {"Projets": [projects, project], "Pôles": poles})
    )
    assert not alone.ok
    assert "précisez le SIREN" in alone.to_json()["errors"][0]["message"]

    listed = book(
        tmp_path / "listed.xlsx",
        {
            "Projets": [projects, project],
            "Organisations": [["Nom", "Type", "SIREN"], ["Ecoium SAS", "PME", "552100554"]],
            "Pôles": poles,
        },
    )
    report = import_workbook(db, listed)
    assert report.ok, report.to_json()["errors"]
    assert rows_of(
        db,
        "SELECT o.siren FROM project p JOIN organisation o ON o.id = p.lead_organisation_id "
        "WHERE p.reference = 'P-1'",
    ) == [("552100554",)]

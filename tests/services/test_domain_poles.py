"""Per-pole reference data: a domain may be one pole's roadmap domain (only that pole's projects
are classified in it) or shared by every pole. The rule holds for the form, the import and
`check`; a domain is not given to a pole while other poles' projects use it; a merge hands the
merged pole's domains to the kept pole (and its undo gives them back); the workbook carries the
pole of each domain both ways."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import text

from portfolio_desktop.domain import rules
from portfolio_desktop.domain.model import DomainShare, ProjectRecord
from portfolio_desktop.domain.rules import RuleViolation
from portfolio_desktop.services import check, clusters, portfolio, reference
from portfolio_desktop.services.excel_export import export_workbook
from portfolio_desktop.services.excel_import import import_workbook
from portfolio_desktop.storage.database import Database


def test_the_rule_refuses_another_poles_domain_only() -> None:
    poles = {7: rules.DomainPole(2, "Photonique", "Pôle Nord")}
    ours = ProjectRecord(cluster_id=2, reference="A", domains=[DomainShare(7, 100)])
    theirs = ProjectRecord(cluster_id=1, reference="B", domains=[DomainShare(7, 60)])
    shared = ProjectRecord(cluster_id=1, reference="C", domains=[DomainShare(8, 100)])
    assert rules.check_domain_poles(ours, poles) == []
    assert rules.check_domain_poles(shared, poles) == []
    (issue,) = rules.check_domain_poles(theirs, poles)
    assert (issue.code, issue.field, issue.params) == (
        "domain_other_pole", "domains", {"domain": "Photonique", "pole": "Pôle Nord"},
    )  # fmt: skip


@pytest.fixture
def two_poles(pole_db: Database) -> tuple[Database, int, int, list[int]]:
    """The pole demo plus a pole « Pôle Nord » holding three of its projects (whose domains are
    cleared, so that no project of Nord uses a domain of the first pole's roadmap)."""
    (first,) = clusters.list_clusters(pole_db)
    nord = clusters.create_cluster(pole_db, "NORD", "Pôle Nord")
    with pole_db.write() as session:
        ids = [r[0] for r in session.execute(text("SELECT id FROM project ORDER BY id LIMIT 3"))]
        listed = ",".join(map(str, ids))
        session.execute(
            text(f"UPDATE project SET cluster_id = :c WHERE id IN ({listed})"), {"c": nord}
        )
        session.execute(text(f"DELETE FROM project_domain WHERE project_id IN ({listed})"))
    return pole_db, first.id, nord, ids


def _project_ids(db: Database, domain_id: int) -> list[int]:
    with db.read() as session:
        return [
            r[0]
            for r in session.execute(
                text("SELECT project_id FROM project_domain WHERE domain_id = :d"), {"d": domain_id}
            )
        ]


def test_a_form_save_with_another_poles_domain_is_refused(two_poles: Any) -> None:
    db, first, nord, nord_projects = two_poles
    photonics = reference.save_domain(db, None, "Photonique du Nord", "#0072B2", pole=nord)
    ours = portfolio.load_project(db, nord_projects[0])
    ours.domains = [DomainShare(photonics, 100)]
    saved = portfolio.update_project(db, ours, expected_version=ours.version)
    assert _project_ids(db, photonics) == [nord_projects[0]]

    with db.read() as session:
        other_id = session.execute(
            text("SELECT min(id) FROM project WHERE cluster_id = :c"), {"c": first}
        ).scalar_one()
    other = portfolio.load_project(db, other_id)
    other.domains = [DomainShare(photonics, 100)]
    with pytest.raises(RuleViolation) as refused:
        portfolio.update_project(db, other, expected_version=other.version)
    assert [i.code for i in refused.value.issues] == ["domain_other_pole"]
    assert _project_ids(db, photonics) == [nord_projects[0]]  # nothing written
    assert saved.id == nord_projects[0]


def test_a_domain_other_poles_use_is_not_given_to_one_pole(two_poles: Any) -> None:
    db, _first, nord, _ids = two_poles
    (domain, *_rest) = [d for d in reference.domains(db) if d.extra[3] > 10]
    with pytest.raises(RuleViolation) as refused:
        reference.save_domain(db, domain.id, domain.name, domain.extra[0], pole=nord)
    (issue,) = refused.value.issues
    assert issue.code == "domain_pole_in_use"
    assert issue.params["count"] == domain.extra[3]
    assert next(d for d in reference.domains(db) if d.id == domain.id).extra[4] is None


def test_check_finds_a_project_in_another_poles_domain(two_poles: Any) -> None:
    db, first, nord, _ids = two_poles
    photonics = reference.save_domain(db, None, "Photonique du Nord", "#0072B2", pole=nord)
    with db.write() as session:  # written by hand, past the rules
        project = session.execute(
            text("SELECT min(id) FROM project WHERE cluster_id = :c"), {"c": first}
        ).scalar_one()
        session.execute(text("DELETE FROM project_domain WHERE project_id = :p"), {"p": project})
        session.execute(
            text(
                "INSERT INTO project_domain (project_id, domain_id, percent) VALUES (:p, :d, 100)"
            ),
            {"p": project, "d": photonics},
        )
    findings = [
        f
        for f in check.invariant_findings(db, today=date(2026, 12, 2))
        if f.code == "domain_other_pole"
    ]
    assert [f.project for f in findings] == [portfolio.load_project(db, project).reference]
    assert "Photonique du Nord" in check.finding_message(findings[0], "fr")


def test_a_merge_hands_the_domains_over_and_its_undo_gives_them_back(two_poles: Any) -> None:
    db, first, nord, nord_projects = two_poles
    photonics = reference.save_domain(db, None, "Photonique du Nord", "#0072B2", pole=nord)
    ours = portfolio.load_project(db, nord_projects[0])
    ours.domains = [DomainShare(photonics, 100)]
    portfolio.update_project(db, ours, expected_version=ours.version)

    with pytest.raises(RuleViolation) as refused:
        clusters.delete_cluster(db, nord)
    assert [i.code for i in refused.value.issues] == ["cluster_in_use"]

    merged = clusters.merge(db, first, nord)
    assert next(d for d in reference.domains(db) if d.id == photonics).extra[4] == first
    portfolio.apply_changes(db, merged.applied.inverse())
    assert next(d for d in reference.domains(db) if d.id == photonics).extra[4] == nord
    assert {r.id: r.projects for r in clusters.list_clusters(db)}[nord] == 3


def test_a_pole_with_roadmap_domains_and_no_projects_is_not_deleted(pole_db: Database) -> None:
    empty = clusters.create_cluster(pole_db, "VIDE", "Pôle vide")
    reference.save_domain(pole_db, None, "Domaine du pôle vide", "#0072B2", pole=empty)
    with pytest.raises(RuleViolation) as refused:
        clusters.delete_cluster(pole_db, empty)
    assert [i.code for i in refused.value.issues] == ["cluster_has_domains"]


def _book(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_the_workbook_carries_each_domains_pole(db: Database, tmp_path: Path) -> None:
    poles = [["Code", "Nom"], ["IR", "Images & Réseaux"], ["NORD", "Pôle Nord"]]
    domains = [["Nom", "Pôle"], ["Cybersécurité", ""], ["Photonique du Nord", "NORD"]]
    projects = [["Référence", "Titre", "Pôle", "Domaines", "Statut"],
                ["N-1", "Lasers", "NORD", "Photonique du Nord", "Brouillon"],
                ["I-1", "Réseaux", "IR", "Cybersécurité", "Brouillon"]]  # fmt: skip
    report = import_workbook(
        db,
        _book(tmp_path / "in.xlsx", {"Pôles": poles, "Domaines": domains, "Projets": projects}),
    )
    assert report.ok, report.to_json()["errors"]
    by_name = {d.name: d.extra[4] for d in reference.domains(db)}
    codes = {c.id: c.code for c in clusters.list_clusters(db)}
    assert (codes.get(by_name["Cybersécurité"]), codes.get(by_name["Photonique du Nord"])) == (
        None,
        "NORD",
    )

    # A project of IR in Nord's domain is an error of its row; nothing is written.
    wrong = [projects[0], ["I-2", "Fibres", "IR", "Photonique du Nord", "Brouillon"]]
    refused = import_workbook(db, _book(tmp_path / "wrong.xlsx", {"Projets": wrong}))
    assert not refused.ok
    (error,) = refused.to_json()["errors"]
    assert (error["row"], "Photonique du Nord" in error["message"]) == (2, True)

    out = tmp_path / "out.xlsx"
    export_workbook(db, out, lang="fr")
    sheet = openpyxl.load_workbook(out, read_only=True)["Domaines"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == "Pôle"
    poles_of = {r[0]: r[-1] for r in rows[1:]}
    assert (poles_of["Cybersécurité"], poles_of["Photonique du Nord"]) == (None, "NORD")

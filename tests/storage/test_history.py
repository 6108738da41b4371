"""The change history: every change (form edit, pipeline step, delete, undo, merge, import, undo of
an import) is recorded with who, when, where from, and old → new, in the same transaction."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from portfolio_desktop.domain.enums import Instrument, PartnerRole, ProjectStatus
from portfolio_desktop.domain.model import (
    DomainShare,
    FunderRecord,
    FundingLineRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)
from portfolio_desktop.services import history, portfolio, reference
from portfolio_desktop.services.excel_import import import_workbook, undo_import


@pytest.fixture
def setup(db):
    cluster = reference.ensure_cluster(db, "Images & Réseaux", "IR")
    lead = reference.save_organisation(db, OrganisationRecord("Kerlis SAS")).id
    lab = reference.save_organisation(db, OrganisationRecord("IRISA")).id
    funder = reference.save_funder(db, FunderRecord("Région Bretagne"))
    domains = [d.id for d in reference.domains(db)]
    record = ProjectRecord(
        cluster_id=cluster,
        reference="IR-2024-0042",
        acronym="DATAGRID",
        title="Grille de données",
        total_budget_cents=200_000_000,
        partners=[
            PartnerRecord(lead, PartnerRole.LEAD, 120_000_000),
            PartnerRecord(lab, PartnerRole.PARTNER, 80_000_000),
        ],
        # A draft: money requested, none granted yet (granted only from the label on).
        funding_lines=[FundingLineRecord(funder, Instrument.GRANT, 50_000_000)],
        domains=[DomainShare(domains[0], 70), DomainShare(domains[1], 30)],
        regions=["BRE"],
    )
    saved = portfolio.create_project(db, record, user="alice")
    return db, saved, {"lead": lead, "lab": lab, "funder": funder, "domains": domains}


def fields(changes: list[history.Change]) -> dict[tuple[str, str], tuple[object, object]]:
    return {(c.table, c.field): (c.old, c.new) for c in changes if c.action == "updated"}


def test_creation_is_recorded_with_who_and_where_from(setup) -> None:
    db, saved, _ids = setup
    changes = history.project_history(db, saved.id)
    assert len(changes) == 1
    created = changes[0]
    assert (created.action, created.table, created.user, created.source) == (
        "created",
        "project",
        "alice",
        "form",
    )
    assert created.record["reference"] == "IR-2024-0042"
    assert [p["organisation_id"] for p in created.record["partners"]] == ["Kerlis SAS", "IRISA"]
    assert created.record["funding_lines"][0]["requested_cents"] == 50_000_000


def test_a_form_edit_records_each_field_old_to_new(setup) -> None:
    db, saved, ids = setup
    record = portfolio.load_project(db, saved.id)
    record.acronym = "DATAGRID-2"
    record.total_budget_cents = 210_000_000
    record.funding_lines[0].requested_cents = 60_000_000
    record.partners = record.partners[:1]
    record.domains = [DomainShare(ids["domains"][2], 100)]
    record.funding_lines.append(FundingLineRecord(ids["funder"], Instrument.LOAN, 10_000_000))
    portfolio.update_project(db, record, expected_version=saved.version)

    changes = history.project_history(db, saved.id)
    assert all(c.source == "form" for c in changes)
    found = fields(changes)
    assert found[("project", "acronym")] == ("DATAGRID", "DATAGRID-2")
    assert found[("project", "total_budget_cents")] == (200_000_000, 210_000_000)
    assert found[("funding_line", "requested_cents")] == (50_000_000, 60_000_000)
    assert found[("project", "domains")] == (
        [("Données & Intelligence Artificielle", 70), ("Confiance numérique & Cybersécurité", 30)],
        [("Réseaux & Infrastructures", 100)],
    )
    removed = [c for c in changes if c.action == "deleted"]
    assert [(c.table, c.subject) for c in removed] == [("participation", "IRISA")]
    added = [c for c in changes if c.action == "created" and c.table == "funding_line"]
    assert [(c.subject, c.record["instrument"]) for c in added] == [("Région Bretagne", "loan")]
    # Unchanged fields are not recorded.
    assert ("project", "title") not in found


def test_pipeline_steps_delete_and_undo_are_recorded(setup) -> None:
    db, saved, _ids = setup
    moved = portfolio.transition(
        db, saved.id, ProjectStatus.SUBMITTED, on=date(2024, 3, 1), expected_version=saved.version
    )
    before = portfolio.load_project(db, saved.id)
    assert fields(history.project_history(db, saved.id))[("project", "status")] == (
        "draft",
        "submitted",
    )
    assert fields(history.project_history(db, saved.id))[("project", "submitted_on")] == (
        None,
        date(2024, 3, 1),
    )
    portfolio.delete_project(db, saved.id, expected_version=moved.version)
    deleted = history.project_history(db, saved.id)[0]
    assert deleted.action == "deleted"
    assert deleted.record["acronym"] == "DATAGRID"
    assert len(deleted.record["funding_lines"]) == 1
    portfolio.restore_project(db, copy.deepcopy(before))
    restored = history.project_history(db, saved.id)[0]
    assert (restored.action, restored.source) == ("restored", "undo")


def test_a_rolled_back_change_leaves_no_history(setup) -> None:
    db, saved, _ids = setup
    record = portfolio.load_project(db, saved.id)
    record.acronym = "NEVER"
    with pytest.raises(RuntimeError), db.write() as session:
        from portfolio_desktop.storage.apply import apply
        from portfolio_desktop.storage.changes import Action, ChangeSet, ProjectChange, Source

        change = ProjectChange(Action.UPDATE, record, expected_version=saved.version)
        apply(session, ChangeSet.of(Source.FORM, change))
        raise RuntimeError("crash before commit")
    assert len(history.project_history(db, saved.id)) == 1


def test_merge_and_its_undo_are_recorded(setup) -> None:
    db, saved, ids = setup
    dup = reference.save_organisation(db, OrganisationRecord("KERLIS")).id
    record = portfolio.load_project(db, saved.id)
    record.partners[1] = PartnerRecord(dup, PartnerRole.PARTNER, 80_000_000)
    portfolio.update_project(db, record, expected_version=saved.version)
    snapshot = reference.merge_organisations(db, ids["lab"], [dup])
    merge = [c for c in history.project_history(db, saved.id) if c.source == "merge"]
    assert [(c.field, c.old, c.new) for c in merge] == [("organisation_id", "KERLIS", "IRISA")]
    gone = history.row_history(db, "organisation", dup)
    assert (gone[0].action, gone[0].source) == ("deleted", "merge")
    reference.unmerge_organisations(db, snapshot)
    undo = [c for c in history.project_history(db, saved.id) if c.source == "undo"]
    assert [(c.field, c.old, c.new) for c in undo] == [("organisation_id", "IRISA", "KERLIS")]
    assert history.row_history(db, "organisation", dup)[0].action == "restored"


def test_reference_edits_are_recorded(setup) -> None:
    db, _saved, ids = setup
    reference.save_funder(db, FunderRecord("Région Bretagne (AAP)", id=ids["funder"]))
    changes = history.row_history(db, "funder", ids["funder"])
    assert [(c.field, c.old, c.new) for c in changes if c.action == "updated"] == [
        ("name", "Région Bretagne", "Région Bretagne (AAP)")
    ]


def test_import_update_and_undo_are_recorded_with_their_batch(pole_db, tmp_path) -> None:
    from openpyxl import Workbook

    with pole_db.read() as session:
        reference_, acronym, pid = (
            session.connection()
            .exec_driver_sql("SELECT reference, acronym, id FROM project ORDER BY id LIMIT 1")
            .one()
        )
    book = Workbook()
    sheet = book.active
    sheet.append(["Référence", "Acronyme", "Intitulé"])
    sheet.append([reference_, acronym + "-X", "Titre importé"])
    path = tmp_path / "update.xlsx"
    book.save(path)
    report = import_workbook(pole_db, path)
    assert report.ok, report.to_json()
    assert report.batch_id is not None
    changes = history.project_history(pole_db, pid)
    imported = [c for c in changes if c.source == "import"]
    assert {c.batch for c in imported} == {report.batch_id}
    assert fields(imported)[("project", "acronym")] == (acronym, acronym + "-X")
    undo_import(pole_db, report.batch_id)
    undone = [c for c in history.project_history(pole_db, pid) if c.source == "undo-import"]
    assert fields(undone)[("project", "acronym")] == (acronym + "-X", acronym)
    assert {c.batch for c in undone} == {report.batch_id}
    batches = history.import_batches(pole_db)
    assert (batches[0].id, batches[0].state) == (report.batch_id, "undone")


def test_a_lines_money_changes_are_recorded_part_by_part(db) -> None:
    from portfolio_desktop.domain.financing import CofinancingRecord, LineMoney, PaymentRecord
    from tests.storage.test_money import SCHEDULE, a_project

    record, sme, lab = a_project(db)
    record.funding_lines[0].money = LineMoney(
        tranches=list(SCHEDULE.tranches),
        payments=list(SCHEDULE.payments),
        shares=[CofinancingRecord(sme, 150_000_00), CofinancingRecord(lab, 100_000_00)],
    )
    saved = portfolio.create_project(db, record)
    # A new line's money is recorded with it, from nothing.
    created = fields(history.project_history(db, saved.id))
    assert created[("funding_line", "shares")] == (
        None,
        [("Kerlis SAS", 150_000_00), ("IRISA", 100_000_00)],
    )
    assert created[("funding_line", "schedule")][1][0] == (
        "advance",
        75_000_00,
        "2021-03-01",
        False,
    )
    recorded = len(history.project_history(db, saved.id))
    project = portfolio.load_project(db, saved.id)
    money = project.funding_lines[0].money
    money.shares = [CofinancingRecord(sme, 120_000_00), CofinancingRecord(lab, 130_000_00)]
    money.payments.append(PaymentRecord(10_000_00, date(2023, 1, 5), None, "solde partiel"))
    portfolio.update_project(db, project, expected_version=project.version)

    changes = history.project_history(db, saved.id)  # newest first
    found = fields(changes[: len(changes) - recorded])
    assert found[("funding_line", "shares")] == (
        [("Kerlis SAS", 150_000_00), ("IRISA", 100_000_00)],
        [("Kerlis SAS", 120_000_00), ("IRISA", 130_000_00)],
    )
    old, new = found[("funding_line", "payments")]
    assert old == [
        (75_000_00, "2021-03-20", 0, ""),
        (25_000_00, "2022-09-01", 1, "rapport intermédiaire"),
    ]
    assert new == [*old, (10_000_00, "2023-01-05", None, "solde partiel")]
    # Parts that did not change are not recorded; nor is anything when nothing changes.
    assert ("funding_line", "schedule") not in found
    assert ("funding_line", "spread") not in found
    count = len(history.project_history(db, saved.id))
    again = portfolio.load_project(db, saved.id)
    portfolio.update_project(db, again, expected_version=again.version)
    assert len(history.project_history(db, saved.id)) == count

"""The portfolio's invariants hold whoever writes: the form, an import, the demo, an undo, a merge.

Each test writes through a real source (the services the desktop and the command line call) and
checks what a user relies on: a change that breaks a rule is refused whole, nothing of it
written; a warning is accepted, returned, and recorded in the change history.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
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
from portfolio_desktop.services.excel_import import import_workbook
from portfolio_desktop.storage import apply as write
from portfolio_desktop.storage.apply import ChangeRefused
from portfolio_desktop.storage.changes import (
    Action,
    ChangeSet,
    DemoRows,
    PartnerChange,
    ProjectChange,
    Source,
)


def rows_of(db: Any, sql: str) -> list[tuple[Any, ...]]:
    with db.read() as session:
        return [tuple(r) for r in session.connection().exec_driver_sql(sql)]


def write_book(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Projets"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def world(db: Any) -> dict[str, Any]:
    cluster = reference.ensure_cluster(db, "Images & Réseaux", "IR")
    lead = reference.save_organisation(db, OrganisationRecord("Kerlis SAS")).id
    lab = reference.save_organisation(db, OrganisationRecord("IRISA")).id
    funder = reference.save_funder(db, FunderRecord("Région Bretagne"))
    domains = [d.id for d in reference.domains(db)]
    return {"db": db, "cluster": cluster, "lead": lead, "lab": lab, "funder": funder, "d": domains}


def project(w: dict[str, Any], **changes: Any) -> ProjectRecord:
    """A labelled project with a grant, every step date of its path on file."""
    record = ProjectRecord(
        cluster_id=w["cluster"],
        reference="IR-2024-0042",
        acronym="DATAGRID",
        status=ProjectStatus.LABELLED,
        submitted_on=date(2024, 1, 10),
        evaluated_on=date(2024, 2, 1),
        labelling_decided_on=date(2024, 3, 1),
        total_budget_cents=200_000_000,
        eligible_costs_cents=150_000_000,
        partners=[PartnerRecord(w["lead"], PartnerRole.LEAD, 120_000_000)],
        funding_lines=[FundingLineRecord(w["funder"], Instrument.GRANT, 50_000_000, 45_000_000)],
        domains=[DomainShare(w["d"][0], 100)],
    )
    for name, value in changes.items():
        setattr(record, name, value)
    return record


def codes(error: pytest.ExceptionInfo[RuleViolation]) -> set[str]:
    return {i.code for i in error.value.issues}


def accepted(db: Any, project_id: int) -> list[tuple[str, str]]:
    """The warnings the history records as accepted on a project: (field, code)."""
    import json

    return [
        (field, json.loads(value)["code"])
        for field, value in rows_of(
            db,
            "SELECT field, new_value FROM change_history "
            f"WHERE action = 'accepted' AND project_id = {project_id} ORDER BY id",
        )
    ]


# -- granted only from the label on; paid ≤ granted; granted ≤ eligible ≤ budget -----------------


def test_form_refuses_a_grant_on_a_draft_and_writes_nothing(world: dict[str, Any]) -> None:
    db = world["db"]
    with pytest.raises(ChangeRefused) as caught:
        portfolio.create_project(db, project(world, status=ProjectStatus.DRAFT))
    assert "granted_before_labelling" in codes(caught)
    assert rows_of(db, "SELECT count(*) FROM project") == [(0,)]
    assert rows_of(db, "SELECT count(*) FROM status_change") == [(0,)]


def test_form_refuses_paid_above_granted_and_eligible_above_budget(world: dict[str, Any]) -> None:
    db = world["db"]
    saved = portfolio.create_project(db, project(world))
    record = portfolio.load_project(db, saved.id)
    record.funding_lines[0].paid_cents = 46_000_000
    with pytest.raises(RuleViolation) as caught:
        portfolio.update_project(db, record, expected_version=saved.version)
    assert "paid_exceeds_granted" in codes(caught)
    record = portfolio.load_project(db, saved.id)
    record.eligible_costs_cents = 250_000_000
    with pytest.raises(RuleViolation) as caught:
        portfolio.update_project(db, record, expected_version=saved.version)
    assert "eligible_exceeds_budget" in codes(caught)
    assert portfolio.load_project(db, saved.id).version == saved.version


def test_form_accepts_a_grant_above_the_eligible_costs_as_a_recorded_warning(
    world: dict[str, Any],
) -> None:
    db = world["db"]
    saved = portfolio.create_project(db, project(world))
    record = portfolio.load_project(db, saved.id)
    record.eligible_costs_cents = 40_000_000
    updated = portfolio.update_project(db, record, expected_version=saved.version)
    assert updated.applied is not None
    assert [i.code for _t, _r, i in updated.applied.warnings] == ["granted_exceeds_eligible"]
    assert accepted(db, saved.id) == [("eligible_costs_cents", "granted_exceeds_eligible")]
    assert portfolio.load_project(db, saved.id).eligible_costs_cents == 40_000_000


def test_import_refuses_a_grant_on_a_submitted_project(db: Any, tmp_path: Path) -> None:
    path = write_book(
        tmp_path / "p.xlsx",
        [
            ["Référence", "Acronyme", "Statut", "Financeur", "Type d'aide", "Montant accordé"],
            ["P-1", "A", "Déposé", "Bpifrance", "Subvention", 10_000],
        ],
    )
    report = import_workbook(db, path)
    assert not report.ok
    assert any("labellisation" in e["message"] for e in report.to_json()["errors"])
    assert rows_of(db, "SELECT count(*) FROM project") == [(0,)]


def test_import_refuses_eligible_costs_above_the_budget(db: Any, tmp_path: Path) -> None:
    path = write_book(
        tmp_path / "p.xlsx",
        [
            ["Référence", "Acronyme", "Statut", "Budget total (€)", "Dépenses éligibles (€)"],
            ["P-1", "A", "Brouillon", 100, 200],
        ],
    )
    report = import_workbook(db, path)
    assert not report.ok
    assert rows_of(db, "SELECT count(*) FROM project") == [(0,)]


def test_demo_rows_breaking_an_invariant_are_refused_whole(world: dict[str, Any]) -> None:
    db = world["db"]
    today = date.today()
    rows = {
        "project": [
            {
                "id": 900, "cluster_id": world["cluster"], "reference": "DEMO-1",
                "acronym": "D", "title": "", "summary": "", "status": "draft", "keywords": "",
                "notes": "", "responsible_digital": False, "version": 1,
                "created_at": today, "updated_at": today,
            }
        ],
        "funding_line": [
            {
                "id": 900, "project_id": 900, "funder_id": world["funder"],
                "instrument": "grant", "requested_cents": 100, "granted_cents": 100,
                "granted_override": False,
            }
        ],
    }  # fmt: skip
    with pytest.raises(ChangeRefused) as caught, db.write() as session:
        write.apply(session, ChangeSet.of(Source.DEMO, DemoRows(rows, ("project", "funding_line"))))
    assert codes(caught) == {"granted_before_labelling"}
    assert caught.value.where == [("project", 900)]
    assert rows_of(db, "SELECT count(*) FROM project") == [(0,)]


def test_undo_of_a_pipeline_step_refuses_to_leave_a_grant_before_the_label(
    world: dict[str, Any],
) -> None:
    db = world["db"]
    saved = portfolio.create_project(
        db,
        project(
            world,
            status=ProjectStatus.EVALUATED,
            labelling_decided_on=None,
            funding_lines=[FundingLineRecord(world["funder"], Instrument.GRANT, 50_000_000)],
        ),
    )
    before = portfolio.load_project(db, saved.id)
    step = portfolio.transition(
        db, saved.id, ProjectStatus.LABELLED, on=date(2024, 3, 1), expected_version=saved.version
    )
    record = portfolio.load_project(db, saved.id)
    record.funding_lines[0].granted_cents = 45_000_000  # the grant, entered after the label
    edited = portfolio.update_project(db, record, expected_version=step.version)
    with pytest.raises(ChangeRefused) as caught:
        portfolio.revert_transition(db, saved.id, before, expected_version=edited.version)
    assert codes(caught) == {"granted_before_labelling"}
    assert portfolio.load_project(db, saved.id).status is ProjectStatus.LABELLED


# -- decision dates not in the future --------------------------------------------------------------


def test_form_refuses_a_decision_date_in_the_future(world: dict[str, Any]) -> None:
    db = world["db"]
    later = date.today() + timedelta(days=30)
    with pytest.raises(ChangeRefused) as caught:
        portfolio.create_project(db, project(world, labelling_decided_on=later))
    assert "date_in_future" in codes(caught)


def test_import_refuses_a_decision_date_in_2099(db: Any, tmp_path: Path) -> None:
    path = write_book(
        tmp_path / "p.xlsx",
        [
            ["Référence", "Acronyme", "Statut", "Date de dépôt"],
            ["P-1", "A", "Déposé", date(2099, 1, 1)],
            ["P-2", "B", "Déposé", date(2024, 1, 1)],
        ],
    )
    report = import_workbook(db, path)
    assert not report.ok
    [error] = report.to_json()["errors"]
    assert error["row"] == 2 and "2099" in error["message"]
    assert rows_of(db, "SELECT count(*) FROM project") == [(0,)]


# -- status moves ---------------------------------------------------------------------------------


def test_import_of_a_historic_status_records_its_entry_and_the_missing_step_dates(
    db: Any, tmp_path: Path
) -> None:
    path = write_book(
        tmp_path / "p.xlsx",
        [
            ["Référence", "Acronyme", "Statut", "Date de dépôt", "Date de labellisation"],
            ["P-1", "A", "Labellisé", date(2024, 1, 10), date(2024, 3, 1)],
        ],
    )
    report = import_workbook(db, path)
    assert report.ok, report.to_json()["errors"]
    # Entered at its step with the step's date; the evaluation date the file lacks is a warning
    # the import accepted (counted in its batch).
    [(before, after, step_on)] = rows_of(
        db, "SELECT from_status, to_status, step_on FROM status_change"
    )
    assert (before, after, str(step_on)) == (None, "labelled", "2024-03-01")
    import json

    [(counts,)] = rows_of(db, "SELECT counts FROM import_batch")
    assert json.loads(counts)["accepted_warnings"] == {"step_date_missing": 1}


def test_import_moving_a_status_past_steps_is_a_warning_shown_and_recorded(
    world: dict[str, Any], tmp_path: Path
) -> None:
    db = world["db"]
    saved = portfolio.create_project(
        db,
        project(
            world,
            status=ProjectStatus.SUBMITTED,
            evaluated_on=None,
            labelling_decided_on=None,
            funding_lines=[],
        ),
    )
    path = write_book(
        tmp_path / "p.xlsx",
        [["Référence", "Acronyme", "Statut"], ["IR-2024-0042", "DATAGRID", "Financé"]],
    )
    from portfolio_desktop.services.excel_import import open_workbook, preview

    shown = preview(db, open_workbook(db, path))
    assert shown.plan is not None
    [(_project, warnings)] = shown.plan.warnings
    assert {w.code for w in warnings} >= {"status_skips_steps", "step_date_missing"}
    shown_json = shown.to_json(lang="fr")["warnings"]
    assert any(
        w["reference"] == "IR-2024-0042" and "sans les étapes" in w["message"] for w in shown_json
    )
    report = import_workbook(db, path)
    assert report.ok, report.to_json()["errors"]
    assert portfolio.load_project(db, saved.id).status is ProjectStatus.FUNDED
    assert ("status", "status_skips_steps") in accepted(db, saved.id)
    assert rows_of(
        db, f"SELECT from_status, to_status FROM status_change WHERE project_id = {saved.id}"
    )[-1] == ("submitted", "funded")


# -- conflicts of interest, one evaluation per expert ----------------------------------------------


def _evaluated(world: dict[str, Any]) -> tuple[int, int, portfolio.Saved]:
    """A project evaluated by an expert tied to IRISA (not a partner of it)."""
    db = world["db"]
    saved = portfolio.create_project(db, project(world))
    expert = reference.save_expert(db, None, "Anne Le Gall", tie_ids=[world["lab"]])
    portfolio.save_evaluation(db, saved.id, EvaluationRecord(expert_id=expert, score_impact=3))
    return saved.id, expert, saved


def test_form_refuses_adding_the_experts_own_organisation_as_a_partner(
    world: dict[str, Any],
) -> None:
    db = world["db"]
    project_id, _expert, saved = _evaluated(world)
    record = portfolio.load_project(db, project_id)
    record.partners.append(PartnerRecord(world["lab"], PartnerRole.PARTNER, 10_000_000))
    with pytest.raises(ChangeRefused) as caught:
        portfolio.update_project(db, record, expected_version=saved.version)
    assert codes(caught) == {"conflict_of_interest_expert"}
    assert [p.organisation_id for p in portfolio.load_project(db, project_id).partners] == [
        world["lead"]
    ]
    # The same through a partner change alone.
    with pytest.raises(ChangeRefused), db.write() as session:
        change = PartnerChange(Action.CREATE, project_id, PartnerRecord(world["lab"]))
        write.apply(session, ChangeSet.of(Source.FORM, change))


def test_import_refuses_adding_the_experts_own_organisation_as_a_partner(
    world: dict[str, Any], tmp_path: Path
) -> None:
    db = world["db"]
    project_id, _expert, _saved = _evaluated(world)
    path = tmp_path / "p.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Partenaires"
    book.active.append(["Référence projet", "Organisation", "Rôle"])
    book.active.append(["IR-2024-0042", "IRISA", "Partenaire"])
    book.save(path)
    report = import_workbook(db, path)
    assert not report.ok
    assert any("conflit" in e["message"] for e in report.to_json()["errors"])
    assert len(portfolio.load_project(db, project_id).partners) == 1


def test_tying_an_expert_to_a_partner_of_a_project_they_evaluated_is_refused(
    world: dict[str, Any],
) -> None:
    db = world["db"]
    _project_id, expert, _saved = _evaluated(world)
    with pytest.raises(ChangeRefused) as caught:
        reference.save_expert(db, expert, "Anne Le Gall", tie_ids=[world["lab"], world["lead"]])
    assert codes(caught) == {"conflict_of_interest_expert"}
    assert rows_of(db, f"SELECT count(*) FROM expert_tie WHERE expert_id = {expert}") == [(1,)]


def test_a_merge_that_makes_an_expert_judge_their_own_organisation_is_refused(
    world: dict[str, Any],
) -> None:
    db = world["db"]
    project_id, _expert, saved = _evaluated(world)
    duplicate = reference.save_organisation(db, OrganisationRecord("I.R.I.S.A.")).id
    record = portfolio.load_project(db, project_id)
    record.partners.append(PartnerRecord(duplicate, PartnerRole.PARTNER, 10_000_000))
    portfolio.update_project(db, record, expected_version=saved.version)
    with pytest.raises(ChangeRefused) as caught:
        reference.merge_organisations(db, world["lab"], [duplicate])
    assert codes(caught) == {"conflict_of_interest_expert"}
    assert rows_of(db, f"SELECT count(*) FROM organisation WHERE id = {duplicate}") == [(1,)]


def test_undo_of_an_edit_refuses_to_bring_back_a_conflicting_partner(
    world: dict[str, Any],
) -> None:
    db = world["db"]
    saved = portfolio.create_project(
        db,
        project(
            world,
            partners=[
                PartnerRecord(world["lead"], PartnerRole.LEAD, 120_000_000),
                PartnerRecord(world["lab"], PartnerRole.PARTNER, 10_000_000),
            ],
        ),
    )
    record = portfolio.load_project(db, saved.id)
    record.partners = record.partners[:1]  # IRISA leaves the consortium
    edit = portfolio.update_project(db, record, expected_version=saved.version)
    expert = reference.save_expert(db, None, "Anne Le Gall", tie_ids=[world["lab"]])
    portfolio.save_evaluation(db, saved.id, EvaluationRecord(expert_id=expert, score_impact=3))
    assert edit.applied is not None
    with pytest.raises(ChangeRefused) as caught:
        portfolio.apply_changes(db, edit.applied.inverse())
    assert codes(caught) == {"conflict_of_interest_expert"}
    assert len(portfolio.load_project(db, saved.id).partners) == 1


def test_one_evaluation_per_expert_and_project(world: dict[str, Any]) -> None:
    db = world["db"]
    saved = portfolio.create_project(db, project(world))
    expert = reference.save_expert(db, None, "Yann Morvan")
    portfolio.save_evaluation(db, saved.id, EvaluationRecord(expert_id=expert, score_impact=3))
    with pytest.raises(ChangeRefused) as caught:
        portfolio.save_evaluation(db, saved.id, EvaluationRecord(expert_id=expert, score_impact=4))
    assert codes(caught) == {"evaluation_expert_twice"}
    assert len(portfolio.evaluations(db, saved.id)) == 1


# -- undo through the inverse ---------------------------------------------------------------------


def test_the_inverse_of_a_form_save_puts_every_field_back(world: dict[str, Any]) -> None:
    db = world["db"]
    saved = portfolio.create_project(db, project(world))
    before = portfolio.load_project(db, saved.id)
    record = portfolio.load_project(db, saved.id)
    record.acronym = "OTHER"
    record.partners.append(PartnerRecord(world["lab"], PartnerRole.PARTNER, 5_000_000))
    record.domains = [DomainShare(world["d"][1], 100)]
    edit = portfolio.update_project(db, record, expected_version=saved.version)
    assert edit.applied is not None and edit.applied.projects == {saved.id}
    undone = portfolio.apply_changes(db, edit.applied.inverse())
    after = portfolio.load_project(db, saved.id)
    assert (after.acronym, after.domains) == (before.acronym, before.domains)
    assert [p.organisation_id for p in after.partners] == [world["lead"]]
    assert after.version == undone.version_of("project", saved.id) == edit.version + 1
    sources = rows_of(
        db, f"SELECT DISTINCT source FROM change_history WHERE project_id = {saved.id}"
    )
    assert ("undo",) in sources


def test_the_inverse_of_a_creation_deletes_and_its_inverse_restores(
    world: dict[str, Any],
) -> None:
    db = world["db"]
    created = portfolio.create_project(db, project(world))
    assert created.applied is not None
    deleted = portfolio.apply_changes(db, created.applied.inverse())
    assert deleted.deleted == {"project": [created.id]}
    assert rows_of(db, "SELECT count(*) FROM project") == [(0,)]
    portfolio.apply_changes(db, deleted.inverse())
    assert portfolio.load_project(db, created.id).funding_lines[0].granted_cents == 45_000_000


def test_a_change_set_of_a_kind_nobody_writes_is_a_bug(world: dict[str, Any]) -> None:
    with pytest.raises(TypeError), world["db"].write() as session:
        write.apply(session, ChangeSet(Source.FORM, (object(),)))  # type: ignore[arg-type]


def test_project_change_refuses_a_taken_reference(world: dict[str, Any]) -> None:
    db = world["db"]
    portfolio.create_project(db, project(world))
    with pytest.raises(ChangeRefused) as caught, db.write() as session:
        write.apply(
            session, ChangeSet.of(Source.FORM, ProjectChange(Action.CREATE, project(world)))
        )
    assert codes(caught) == {"reference_taken"}

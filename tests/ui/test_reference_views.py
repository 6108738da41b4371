"""The reference-data screens driven through their real widgets (qtbot): organisations, funders
and calls, domains, experts. Every edit goes through the undo stack; refused deletes are explained;
nothing invalid is saved."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QSpinBox,
)

from portfolio_desktop import messages
from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.services import portfolio, reference
from portfolio_desktop.ui.dialogs.organisation_editor import OrganisationDialog
from portfolio_desktop.ui.dialogs.organisation_merge import OrganisationMergeDialog
from portfolio_desktop.ui.dialogs.organisation_picker import OrganisationPickerDialog
from portfolio_desktop.ui.dialogs.reference_editors import (
    CallDialog,
    DomainDialog,
    ExpertDialog,
    FunderDialog,
)
from portfolio_desktop.ui.views.domains_view import DomainsView
from portfolio_desktop.ui.views.experts_view import ExpertsView
from portfolio_desktop.ui.views.funders_view import FundersView
from portfolio_desktop.ui.views.organisations_view import OrganisationsView

VALID_SIREN = "732829320"
LEFT = Qt.MouseButton.LeftButton


# -- helpers ---------------------------------------------------------------------------------------


@pytest.fixture
def answers(monkeypatch) -> list[str]:
    """Answers Yes to confirmations; records warnings (their text) instead of showing them."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text)
    )
    return shown


def make_view(qtbot, cls: type, ctx: Any) -> Any:
    view = cls(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    return view


def open_dialog(cls: type) -> Any:
    """The visible dialog of this class that a button just opened."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
    assert len(found) == 1, f"expected one open {cls.__name__}, found {len(found)}"
    return found[0]


def type_into(qtbot, dialog: QDialog, name: str, text: str) -> None:
    field = dialog.findChild(QLineEdit, name)
    assert field is not None, name
    field.clear()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # QTest aborts on characters outside Latin-1 keys; the signal is the same
        field.setText(text)


def save_button(dialog: Any) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def note(dialog: QDialog, field: str) -> str:
    label = dialog.findChild(QLabel, f"note_{field}")
    return label.text() if label is not None and label.isVisibleTo(dialog) else ""


def select_rows(table: Any, rows: list[int]) -> None:
    selection = table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            table.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def search(qtbot, view: OrganisationsView, text: str) -> None:
    view.search.clear()
    qtbot.keyClicks(view.search, text)  # ASCII: the search folds accents anyway
    qtbot.waitUntil(lambda: not view._timer.isActive())


# -- organisations ---------------------------------------------------------------------------------


@pytest.fixture
def organisations(qtbot, ctx) -> OrganisationsView:
    return make_view(qtbot, OrganisationsView, ctx)


def test_organisations_table_is_lazy_sql_sorted_and_passes_the_model_tester(
    qtbot, qtmodeltester, organisations
) -> None:
    view = organisations
    assert view.model.rowCount() == 778
    assert "778" in view.count.text()
    qtmodeltester.check(view.model)
    header = view.table.horizontalHeader()
    projects_column = QPoint(header.sectionViewportPosition(6) + 5, 5)
    for _click in range(2):  # a second click reverses the order
        qtbot.mouseClick(header.viewport(), LEFT, pos=projects_column)
        projects = [view.model.record(r).projects for r in range(30)]
        assert view.model.sort_key == "projects"
        assert projects == sorted(projects, reverse=view.model.descending)
    assert view.model.descending == (header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)


def test_search_as_you_type_and_filters(qtbot, organisations) -> None:
    view = organisations
    search(qtbot, view, "aero")
    names = [view.model.record(r).name for r in range(view.model.rowCount())]
    assert names and all("aero" in n.lower().replace("é", "e") for n in names)
    search(qtbot, view, "561 7759")  # the first digits of a SIREN
    assert [view.model.record(0).siren] == ["561775933"]
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 778)
    view.members_only.setChecked(True)
    assert 0 < view.model.rowCount() < 778
    assert all(view.model.record(r).is_member for r in range(view.model.rowCount()))


def test_create_with_an_invalid_siren_then_a_valid_one_undo_redo(qtbot, ctx, organisations) -> None:
    view = organisations
    qtbot.mouseClick(view.new_button, LEFT)
    dialog = open_dialog(OrganisationDialog)
    type_into(qtbot, dialog, "organisationName", "Kerlis Photonique SAS")
    type_into(qtbot, dialog, "organisationSiren", "7328")
    assert "4" in note(dialog, "siren") and "9" in note(dialog, "siren")  # counting, not an error
    type_into(qtbot, dialog, "organisationSiren", "732 829 321")
    assert note(dialog, "siren") == messages.text("siren_invalid")
    assert not save_button(dialog).isEnabled()
    type_into(qtbot, dialog, "organisationSiren", "732 829 320")
    assert "✓" in note(dialog, "siren")
    assert save_button(dialog).isEnabled()
    dialog.findChild(QComboBox, "organisationRegion").setCurrentIndex(3)
    qtbot.mouseClick(save_button(dialog), LEFT)
    assert not dialog.isVisible()

    ids = reference.organisation_ids(ctx.db, "kerlis photonique")
    assert len(ids) == 1
    assert reference.load_organisation(ctx.db, ids[0]).siren == VALID_SIREN
    assert view.model.rowCount() == 779
    assert view.selected_ids() == ids  # the new row is selected
    ctx.undo_stack.undo()
    assert reference.organisation_ids(ctx.db, "kerlis photonique") == []
    assert view.model.rowCount() == 778
    ctx.undo_stack.redo()
    assert reference.organisation_ids(ctx.db, "kerlis photonique") == ids


def test_edit_checks_siret_and_warns_about_a_duplicate_siren(qtbot, ctx, organisations) -> None:
    view = organisations
    search(qtbot, view, "aerodata sas")
    select_rows(view.table, [0])
    before = reference.load_organisation(ctx.db, view.selected_ids()[0])
    qtbot.mouseClick(view.edit_button, LEFT)
    dialog = open_dialog(OrganisationDialog)
    assert dialog.findChild(QLineEdit, "organisationName").text() == "Aérodata SAS"
    type_into(qtbot, dialog, "organisationSiret", "12345678901234")
    assert note(dialog, "siret") == messages.text("siret_invalid")
    assert not save_button(dialog).isEnabled()
    type_into(qtbot, dialog, "organisationSiret", "")
    type_into(qtbot, dialog, "organisationSiren", "561 775 933")  # Aéronautique Méridionale's
    assert "Aéronautique Méridionale" in dialog.duplicate.text() and dialog.duplicate.isVisibleTo(
        dialog
    )
    type_into(qtbot, dialog, "organisationCity", "Lorient")
    qtbot.mouseClick(save_button(dialog), LEFT)
    after = reference.load_organisation(ctx.db, before.id)
    assert (after.city, after.siren, after.version) == ("Lorient", "561775933", before.version + 1)
    ctx.undo_stack.undo()
    restored = reference.load_organisation(ctx.db, before.id)
    assert (restored.city, restored.siren) == (before.city, before.siren)


def test_merge_two_organisations_then_undo(qtbot, ctx, organisations) -> None:
    view = organisations
    search(qtbot, view, "aeroon")
    rows = [view.model.record(r) for r in range(view.model.rowCount())]
    assert len(rows) >= 2
    select_rows(view.table, [0, 1])
    assert view.merge_button.isEnabled()
    keep, other = rows[1], rows[0]
    other_projects = portfolio_ids(ctx, other.id)
    qtbot.mouseClick(view.merge_button, LEFT)
    dialog = open_dialog(OrganisationMergeDialog)
    dialog.findChild(QRadioButton, f"keep_{keep.id}").click()
    assert dialog.keep_id() == keep.id
    assert str(other.projects) in dialog.summary.text()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)

    assert reference.organisation_rows(ctx.db, [other.id]) == []
    merged = reference.organisation_rows(ctx.db, [keep.id])[0]
    assert merged.projects == len(set(portfolio_ids(ctx, keep.id)))
    assert set(other_projects) <= set(portfolio_ids(ctx, keep.id))
    assert view.selected_ids() == [keep.id]

    ctx.undo_stack.undo()
    assert [r.projects for r in reference.organisation_rows(ctx.db, [other.id, keep.id])] == [
        other.projects,
        keep.projects,
    ]
    assert sorted(portfolio_ids(ctx, other.id)) == sorted(other_projects)


def portfolio_ids(ctx: Any, organisation_id: int) -> list[int]:
    from portfolio_desktop.services import project_list

    return list(project_list.select(ctx.db, ProjectFilter(organisation_ids=(organisation_id,))).ids)


def test_delete_refused_while_projects_use_it_and_undoable_otherwise(
    qtbot, ctx, organisations, answers
) -> None:
    view = organisations
    used = reference.organisation_ids(ctx.db, sort_key="projects", descending=True)[0]
    unused = reference.organisation_ids(ctx.db, sort_key="projects")[0]
    used_row = reference.organisation_rows(ctx.db, [used])[0]
    view.select_ids([used])
    qtbot.mouseClick(view.delete_button, LEFT)
    assert (
        len(answers) == 1 and used_row.name in answers[0] and str(used_row.projects) in answers[0]
    )
    assert ctx.undo_stack.count() == 0
    assert reference.organisation_rows(ctx.db, [used])

    expert = reference.save_expert(ctx.db, None, "Anne Le Gall", tie_ids=[unused])
    view.select_ids([unused])
    qtbot.mouseClick(view.delete_button, LEFT)
    assert reference.organisation_rows(ctx.db, [unused]) == []
    assert view.model.row_of(unused) == -1
    ctx.undo_stack.undo()
    assert reference.organisation_rows(ctx.db, [unused])
    assert next(e for e in reference.experts(ctx.db) if e.id == expert).extra[3] == (unused,)


def test_show_projects_carries_the_filter(qtbot, organisations) -> None:
    view = organisations
    select_rows(view.table, [0])
    with qtbot.waitSignal(view.show_projects) as signal:
        qtbot.mouseClick(view.projects_button, LEFT)
    assert signal.args == [ProjectFilter(organisation_ids=(view.model.organisation_id(0),))]


# -- funders and calls -----------------------------------------------------------------------------


@pytest.fixture
def funders(qtbot, ctx) -> FundersView:
    return make_view(qtbot, FundersView, ctx)


def test_funders_and_calls_models(qtmodeltester, funders) -> None:
    assert funders.funders.rowCount() == 24 and funders.calls.rowCount() == 152
    qtmodeltester.check(funders.funders)
    qtmodeltester.check(funders.calls)


def test_create_funder_name_checked_then_undo(qtbot, ctx, funders) -> None:
    view = funders
    qtbot.mouseClick(view.new_funder_button, LEFT)
    dialog = open_dialog(FunderDialog)
    assert not save_button(dialog).isEnabled()  # a name is required
    type_into(qtbot, dialog, "funderName", "bpifrance")
    assert note(dialog, "name") == messages.text("name_taken")
    type_into(qtbot, dialog, "funderName", "Région Normandie")
    kind = dialog.findChild(QComboBox, "funderKind")
    kind.setCurrentIndex(kind.findData("region"))
    qtbot.mouseClick(save_button(dialog), LEFT)
    assert view.funders.rowCount() == 25
    assert view.current_funder().name == "Région Normandie"
    assert view.current_funder().kind == "region"
    ctx.undo_stack.undo()
    assert view.funders.rowCount() == 24


def test_call_edit_and_delete(qtbot, ctx, funders, answers) -> None:
    view = funders
    row = view.calls.row_of(next(c.id for c in view.calls.rows() if c.projects == 0))
    view.calls_table.selectRow(row)
    call = view.current_call()
    qtbot.mouseClick(view.edit_call_button, LEFT)
    dialog = open_dialog(CallDialog)
    dialog.findChild(QSpinBox, "callYear").setValue(2019)
    type_into(qtbot, dialog, "callProgramme", "PSPC Régions")
    qtbot.mouseClick(save_button(dialog), LEFT)
    edited = view.current_call()
    assert (edited.id, edited.year, edited.programme) == (call.id, 2019, "PSPC Régions")
    qtbot.mouseClick(view.delete_call_button, LEFT)
    assert view.calls.row_of(call.id) == -1
    ctx.undo_stack.undo()  # the delete
    ctx.undo_stack.undo()  # the edit
    restored = next(c for c in view.calls.rows() if c.id == call.id)
    assert (restored.year, restored.programme) == (call.year, call.programme)

    used = next(c for c in view.calls.rows() if c.projects)
    view.select_call(used.id)
    qtbot.mouseClick(view.delete_call_button, LEFT)
    assert answers and used.name in answers[-1] and str(used.projects) in answers[-1]


def test_funder_in_use_is_not_deleted(qtbot, ctx, funders, answers) -> None:
    view = funders
    used = max(view.funders.rows(), key=lambda f: f.lines)
    view.select_funder(used.id)
    qtbot.mouseClick(view.delete_funder_button, LEFT)
    assert len(answers) == 1 and str(used.lines) in answers[0]
    assert ctx.undo_stack.count() == 0 and view.funders.row_of(used.id) >= 0
    view.only_funder.setChecked(True)
    assert {c.funder_id for c in view.calls.rows()} == {used.id}


# -- domains ---------------------------------------------------------------------------------------


@pytest.fixture
def domains(qtbot, ctx) -> DomainsView:
    return make_view(qtbot, DomainsView, ctx)


def test_rename_a_domain_keeps_the_projects_split(qtbot, qtmodeltester, ctx, domains) -> None:
    view = domains
    qtmodeltester.check(view.model)
    first = view.model.row(0)
    project = portfolio_ids_of_domain(ctx, first.id)[0]
    split = portfolio.load_project(ctx.db, project).domains
    view.table.selectRow(0)
    qtbot.mouseClick(view.edit_button, LEFT)
    dialog = open_dialog(DomainDialog)
    type_into(qtbot, dialog, "domainName", "Data & IA")
    type_into(qtbot, dialog, "domainColour", "#12345")
    assert note(dialog, "colour") == messages.text("colour_format")
    qtbot.mouseClick(dialog.colour_button, LEFT)
    picker = open_dialog(QColorDialog)
    picker.setCurrentColor(QColor("#123456"))
    picker.accept()
    assert dialog.findChild(QLineEdit, "domainColour").text() == "#123456"
    assert note(dialog, "colour") == ""
    qtbot.mouseClick(save_button(dialog), LEFT)
    assert view.model.row(0).name == "Data & IA" and view.model.row(0).projects == first.projects
    assert view.model.row(0).colour == "#123456"
    assert portfolio.load_project(ctx.db, project).domains == split
    assert "Data & IA" in project_row(ctx, project).domains
    ctx.undo_stack.undo()
    assert view.model.row(0).name == first.name
    assert first.name in project_row(ctx, project).domains


def portfolio_ids_of_domain(ctx: Any, domain_id: int) -> list[int]:
    from portfolio_desktop.services import project_list

    return list(project_list.select(ctx.db, ProjectFilter(domain_ids=(domain_id,))).ids)


def project_row(ctx: Any, project_id: int) -> Any:
    from portfolio_desktop.services import project_list

    return project_list.rows(ctx.db, [project_id])[0]


def test_deactivated_domain_is_not_offered_for_new_splits(qtbot, ctx, domains) -> None:
    from portfolio_desktop.ui.dialogs.project_editor import load_choices

    view = domains
    view.table.selectRow(2)
    domain = view.current()
    qtbot.mouseClick(view.edit_button, LEFT)
    dialog = open_dialog(DomainDialog)
    dialog.findChild(QCheckBox, "domainActive").setChecked(False)
    qtbot.mouseClick(save_button(dialog), LEFT)
    assert not view.model.row(2).active
    choices, _ = load_choices(ctx.db, None)
    assert domain.id not in [d for _n, d in choices.domains]
    project = portfolio_ids_of_domain(ctx, domain.id)[0]
    choices, _ = load_choices(ctx.db, project)  # a project that uses it still shows it
    assert domain.id in [d for _n, d in choices.domains]


def test_domain_create_move_delete_and_refusal(qtbot, ctx, domains, answers) -> None:
    view = domains
    view.table.selectRow(0)
    qtbot.mouseClick(view.delete_button, LEFT)
    assert answers and view.model.row(0).name in answers[0]
    assert ctx.undo_stack.count() == 0

    qtbot.mouseClick(view.new_button, LEFT)
    dialog = open_dialog(DomainDialog)
    type_into(qtbot, dialog, "domainName", "Numérique responsable")
    assert dialog.findChild(QLineEdit, "domainColour").text() not in {
        r.colour for r in view.model.rows()
    }
    qtbot.mouseClick(save_button(dialog), LEFT)
    assert view.model.rowCount() == 7 and view.current().name == "Numérique responsable"
    qtbot.mouseClick(view.up_button, LEFT)
    assert view.model.row(5).name == "Numérique responsable" and view.current().position == 5
    qtbot.mouseClick(view.delete_button, LEFT)
    assert view.model.rowCount() == 6
    ctx.undo_stack.undo()  # delete
    assert view.model.row(5).name == "Numérique responsable"
    ctx.undo_stack.undo()  # move
    ctx.undo_stack.undo()  # create
    assert [r.name for r in view.model.rows()] == [d.name for d in reference.domains(ctx.db)]
    assert view.model.rowCount() == 6


# -- experts ---------------------------------------------------------------------------------------


@pytest.fixture
def experts(qtbot, ctx) -> ExpertsView:
    return make_view(qtbot, ExpertsView, ctx)


def test_create_expert_with_domains_and_ties_picked_by_search(qtbot, ctx, experts) -> None:
    view = experts
    assert view.model.rowCount() == 70
    qtbot.mouseClick(view.new_button, LEFT)
    dialog = open_dialog(ExpertDialog)
    type_into(qtbot, dialog, "expertName", "Anne Le Gall")
    type_into(qtbot, dialog, "expertEmail", "anne.le-gall@imt")
    assert note(dialog, "email") == messages.text("email_invalid")
    assert not save_button(dialog).isEnabled()
    type_into(qtbot, dialog, "expertEmail", "anne.le-gall@imt-atlantique.fr")
    assert save_button(dialog).isEnabled()
    domain_ids = [d.id for d in reference.domains(ctx.db)][:2]
    dialog.domains.set_checked(domain_ids)
    qtbot.mouseClick(dialog.add_tie_button, LEFT)
    picker = open_dialog(OrganisationPickerDialog)
    qtbot.keyClicks(picker.search, "aeronautique mer")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1)
    qtbot.mouseClick(picker.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    assert [c.name for c in dialog.ties.rows()] == ["Aéronautique Méridionale"]
    qtbot.mouseClick(save_button(dialog), LEFT)

    row = view.current()
    assert row.name == "Anne Le Gall" and row.ties == "Aéronautique Méridionale"
    assert row.domain_ids == tuple(domain_ids) and row.evaluations == 0
    ctx.undo_stack.undo()
    assert view.model.rowCount() == 70


def test_expert_edit_undo_restores_links_and_delete_refused(
    qtbot, qtmodeltester, ctx, experts, answers
) -> None:
    view = experts
    qtmodeltester.check(view.model)
    view.table.selectRow(0)
    expert = view.current()
    assert expert.evaluations > 0 and expert.tie_ids
    qtbot.mouseClick(view.edit_button, LEFT)
    dialog = open_dialog(ExpertDialog)
    dialog.ties_view.selectAll()
    qtbot.mouseClick(dialog.remove_tie_button, LEFT)
    dialog.domains.set_checked([])
    qtbot.mouseClick(save_button(dialog), LEFT)
    assert view.current().tie_ids == () and view.current().domains == ""
    ctx.undo_stack.undo()
    assert sorted(view.current().tie_ids) == sorted(expert.tie_ids)
    assert view.current().domain_ids == expert.domain_ids

    qtbot.mouseClick(view.delete_button, LEFT)
    assert answers and expert.name in answers[0] and str(expert.evaluations) in answers[0]
    view.search.setText(expert.ties.split(",")[0])  # experts are found by their ties too
    assert expert.id in [r.id for r in view.model.rows()] and view.model.rowCount() < 70


# -- the whole desktop -----------------------------------------------------------------------------


def test_pages_in_the_main_window_and_the_edit_menu_undo(qtbot, desktop) -> None:
    from portfolio_desktop.ui.main_window import MainWindow

    window: MainWindow = desktop.window
    window.show_page("domains")
    page = window.page("domains")
    assert isinstance(page, DomainsView) and page.model.rowCount() == 6
    window.show_page("organisations")
    organisations = window.page("organisations")
    assert isinstance(organisations, OrganisationsView) and organisations.model.rowCount() == 778
    qtbot.mouseClick(organisations.new_button, LEFT)
    dialog = open_dialog(OrganisationDialog)
    type_into(qtbot, dialog, "organisationName", "Ouest Quantique SAS")
    qtbot.mouseClick(save_button(dialog), LEFT)
    assert organisations.model.rowCount() == 779
    undo = window.findChild(type(window.menuBar().actions()[0]), "undoAction")
    assert "Ouest Quantique SAS" in undo.text()
    undo.trigger()
    assert organisations.model.rowCount() == 778
    assert page.model.rowCount() == 6  # a hidden page reloads only when shown again


def test_a_domain_of_one_poles_roadmap(qtbot, ctx, domains) -> None:
    """In a base of several poles the screen shows each domain's pole; a new domain is given to
    one pole; the editor of a project of another pole does not offer it; a domain other poles'
    projects use is not given to one pole (the form says why, nothing is written)."""
    from portfolio_desktop.services import clusters
    from portfolio_desktop.ui.context import Scope
    from portfolio_desktop.ui.dialogs.project_editor import ProjectEditor, load_choices

    view = domains
    assert view.table.isColumnHidden(5)  # one pole: nothing to say
    nord = clusters.create_cluster(ctx.db, "NORD", "Pôle Nord")
    ctx.data_changed.emit(Scope.CLUSTERS, ())
    assert not view.table.isColumnHidden(5)
    assert view.model.data(view.model.index(0, 5)) == "Tous les pôles"

    qtbot.mouseClick(view.new_button, LEFT)
    dialog = open_dialog(DomainDialog)
    type_into(qtbot, dialog, "domainName", "Photonique du Nord")
    pole = dialog.findChild(QComboBox, "domainPole")
    pole.setCurrentIndex(pole.findData(nord))
    qtbot.mouseClick(save_button(dialog), LEFT)
    created = next(r for r in view.model.rows() if r.name == "Photonique du Nord")
    assert (created.cluster_id, created.pole) == (nord, "Pôle Nord")

    project = portfolio_ids_of_domain(ctx, view.model.row(0).id)[0]  # of the first pole
    editor = ProjectEditor(ctx, *load_choices(ctx.db, project))
    qtbot.addWidget(editor)
    offered = [d for _n, d in editor._domain_choices()]
    assert created.id not in offered and view.model.row(0).id in offered
    editor.cluster.setCurrentIndex(editor.cluster.findData(nord))
    assert created.id in [d for _n, d in editor._domain_choices()]
    editor.close()

    view.table.selectRow(0)
    used = view.current()
    qtbot.mouseClick(view.edit_button, LEFT)
    dialog = open_dialog(DomainDialog)
    pole = dialog.findChild(QComboBox, "domainPole")
    pole.setCurrentIndex(pole.findData(nord))
    qtbot.mouseClick(save_button(dialog), LEFT)
    assert dialog.isVisible()
    assert "ne peut pas devenir un domaine du seul pôle « Pôle Nord »" in note(dialog, "cluster_id")
    dialog.reject()
    assert next(d for d in reference.domains(ctx.db) if d.id == used.id).extra[4] is None

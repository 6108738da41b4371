"""The desktop's projects screen and project editor, driven through the real widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox, QPushButton

from portfolio_desktop.domain.enums import ProjectStatus
from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.domain.text import fold, sort_key
from portfolio_desktop.services import portfolio, project_list
from portfolio_desktop.services.stats import portfolio_stats
from portfolio_desktop.ui.models.project_table import IdRole, ProjectTableModel, SortRole
from portfolio_desktop.ui.models.record_table import Field, RecordTableModel


def rows(window) -> int:
    return window.projects.model.rowCount()


def expected_ids(
    db, flt: ProjectFilter, sort: str = "reference", descending: bool = False
) -> list[int]:
    return project_list.select(db, flt, sort, descending).ids


def test_models_pass_the_model_tester(qtmodeltester, pole_db) -> None:
    model = ProjectTableModel(lambda ids: project_list.rows(pole_db, ids))
    model.set_ids(expected_ids(pole_db, ProjectFilter())[:500])
    qtmodeltester.check(model)
    from portfolio_desktop.domain.model import DomainShare

    shares = RecordTableModel(
        [
            Field("domain_id", "Domain", "choice", lambda: [("A", 1), ("B", 2)]),
            Field("percent", "Share", "int"),
        ]
    )
    shares.set_records([DomainShare(1, 60), DomainShare(2, 40)])
    qtmodeltester.check(shares)


def test_table_shows_every_project_lazily(desktop) -> None:
    window = desktop.window
    assert rows(window) == 1300
    model = window.projects.model
    first = model.index(0, model.column_of("reference"))
    assert first.data() == "IR-2005-0001"
    assert len(model._pages) == 1  # only the first page was read
    assert "1 300 projets" in window.totals_label.text().replace("\u202f", " ")


def test_search_as_you_type(desktop, qtbot, pole_db) -> None:
    window = desktop.window
    qtbot.keyClicks(window.projects.search, "reseaux")  # QTest types ASCII; accents fold anyway
    wanted = expected_ids(pole_db, ProjectFilter(search="Réseaux"))
    qtbot.waitUntil(lambda: rows(window) == len(wanted), timeout=3000)
    assert 0 < len(wanted) < 1300
    model = window.projects.model
    assert [model.index(r, 0).data(IdRole) for r in range(rows(window))] == wanted
    for row in range(min(rows(window), 30)):
        project = portfolio.load_project(pole_db, model.project_id(row))
        names = " ".join(p.organisation_name for p in project.partners)
        assert "reseaux" in fold(f"{project.reference} {project.acronym} {project.title} {names}")


def test_filters_and_status_bar(desktop, qtbot, pole_db) -> None:
    window = desktop.window
    window.projects.panel.set_filter(ProjectFilter(statuses=("running",), regions=("BRE",)))
    wanted = expected_ids(pole_db, ProjectFilter(statuses=("running",), regions=("BRE",)))
    qtbot.waitUntil(lambda: rows(window) == len(wanted))
    model = window.projects.model
    status_column = model.column_of("status")
    assert {model.index(r, status_column).data(SortRole) for r in range(rows(window))} == {
        "running"
    }
    assert model.index(0, status_column).data() == "En cours"
    assert window.totals_label.text().startswith(f"{len(wanted)} projets")
    window.projects.panel.clear_button.click()
    qtbot.waitUntil(lambda: rows(window) == 1300)


def test_projects_to_review_and_a_funnel_step_keep_their_criteria(desktop, qtbot, pole_db) -> None:
    """Tools → Projects to review lists the projects `check` finds a problem in; criteria the
    panel has no widget for (the list, a funnel step) stay while other filters change."""
    from sqlalchemy import text

    window = desktop.window
    with pole_db.write() as session:
        ids = [
            r[0]
            for r in session.execute(
                text("SELECT id FROM project WHERE status = 'submitted' ORDER BY id LIMIT 3")
            )
        ]
        session.execute(
            text("UPDATE project SET funding_decided_on = submitted_on WHERE id IN (:a, :b, :c)"),
            dict(zip("abc", ids, strict=True)),
        )
    action = next(a for a in window.findChildren(QAction) if a.text() == "Projets à &revoir")
    action.trigger()
    qtbot.waitUntil(lambda: rows(window) == 3)
    assert sorted(window.projects.model.project_id(r) for r in range(3)) == ids
    window.projects.panel.clear_button.click()
    qtbot.waitUntil(lambda: rows(window) == 1300)
    funded = ProjectFilter(reached="funded")
    window.show_projects_filtered(funded)
    wanted = expected_ids(pole_db, funded)
    qtbot.waitUntil(lambda: rows(window) == len(wanted))
    panel = window.projects.panel
    panel.statuses.set_checked(("abandoned",))  # the user ticks a status
    panel.statuses.selection_changed.emit(["abandoned"])
    both = expected_ids(pole_db, ProjectFilter(reached="funded", statuses=("abandoned",)))
    assert 0 < len(both) < len(wanted)  # funded, then abandoned: still among the funded
    qtbot.waitUntil(lambda: rows(window) == len(both))
    # The kept criterion is said in words under the widgets, and can be dropped alone.
    assert panel.beyond_label.isVisibleTo(panel)
    assert "Projets parvenus à l'étape « Financé »" in panel.beyond_label.text()
    panel.beyond_clear.click()
    abandoned = expected_ids(pole_db, ProjectFilter(statuses=("abandoned",)))
    qtbot.waitUntil(lambda: rows(window) == len(abandoned))
    assert not panel.beyond_label.isVisibleTo(panel)
    assert panel.current() == ProjectFilter(statuses=("abandoned",))
    # Every criterion without a widget is kept, whatever it is (the projects left to complete).
    incomplete = ProjectFilter(incomplete=("lead",), instruments=("loan",))
    window.show_projects_filtered(incomplete)
    assert panel.current() == incomplete
    assert "Projets sans porteur" in panel.beyond_label.text()


def test_sort_by_any_column(desktop, qtbot, pole_db) -> None:
    window = desktop.window
    model = window.projects.model
    column = model.column_of("granted")
    window.projects.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    wanted = expected_ids(pole_db, ProjectFilter(), "granted", True)
    qtbot.waitUntil(lambda: model.project_id(0) == wanted[0])
    amounts = [model.index(r, column).data(SortRole) for r in range(50)]
    assert amounts == sorted(amounts, reverse=True)
    assert model.index(0, column).data().endswith("€")


def open_editor(window, qtbot, project_id=None):
    window.open_project(project_id)
    editor = window._editor
    qtbot.waitUntil(editor.isVisible)
    return editor


def save_button(editor) -> QPushButton:
    return editor.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_create_validate_save_undo_redo_a_project(desktop, qtbot, pole_db) -> None:
    window = desktop.window
    before = portfolio_stats(pole_db)
    editor = open_editor(window, qtbot)
    assert not save_button(editor).isEnabled()  # nothing typed yet: a reference is required
    qtbot.keyClicks(editor.reference, "IR-2026-9001")
    qtbot.keyClicks(editor.acronym, "QUANTIBREIZH")
    qtbot.keyClicks(editor.title_edit, "Capteurs quantiques pour la surveillance du littoral")
    editor.total_budget.setText("2 000 000")
    editor.total_budget.textEdited.emit("2 000 000")
    # Partners, by name, with the completion list of known organisations.
    names = sorted(editor.choices.organisations)[:2]
    for name in names:
        editor.partner_name.setText(name)
        qtbot.mouseClick(editor.findChild(QPushButton, "addPartner"), Qt.MouseButton.LeftButton)
    assert [p.organisation_name for p in editor.partners.records] == names
    # A funding line that grants more than requested: the form says so and refuses to save.
    qtbot.mouseClick(editor.findChild(QPushButton, "addFundingLine"), Qt.MouseButton.LeftButton)
    lines = editor.lines
    lines.setData(lines.index(0, 3), 40_000_000)
    lines.setData(lines.index(0, 4), 50_000_000)
    assert not save_button(editor).isEnabled()
    assert "dépasse l'aide demandée" in editor.issues.text()
    lines.setData(lines.index(0, 4), 35_000_000)
    # Granted money on a draft breaks the portfolio's rules: money is granted from the label on.
    assert "labellisation" in editor.issues.text()
    lines.setData(lines.index(0, 4), 0)
    # A domain split that does not sum to 100 is refused too.
    qtbot.mouseClick(editor.findChild(QPushButton, "addDomain"), Qt.MouseButton.LeftButton)
    editor.shares.setData(editor.shares.index(0, 1), 70)
    assert "70 %" in editor.issues.text() and not save_button(editor).isEnabled()
    qtbot.mouseClick(editor.findChild(QPushButton, "addDomain"), Qt.MouseButton.LeftButton)
    assert editor.shares.records[1].percent == 30
    assert save_button(editor).isEnabled(), editor.issues.text()
    qtbot.mouseClick(save_button(editor), Qt.MouseButton.LeftButton)

    after = portfolio_stats(pole_db)
    assert after["projects"] == before["projects"] + 1
    created = expected_ids(pole_db, ProjectFilter(search="IR-2026-9001"))
    assert len(created) == 1
    record = portfolio.load_project(pole_db, created[0])
    assert record.acronym == "QUANTIBREIZH" and record.total_budget_cents == 200_000_000
    assert record.funding_lines[0].requested_cents == 40_000_000
    assert sum(s.percent for s in record.domains) == 100

    window.findChild(QAction, "undoAction").trigger()
    assert portfolio_stats(pole_db)["projects"] == before["projects"]
    window.findChild(QAction, "redoAction").trigger()
    assert portfolio_stats(pole_db)["projects"] == before["projects"] + 1
    again = portfolio.load_project(pole_db, created[0])
    assert again.title == record.title and again.funding_lines[0].requested_cents == 40_000_000


def test_edit_then_undo(desktop, qtbot, pole_db) -> None:
    window = desktop.window
    project_id = window.projects.model.project_id(0)
    original = portfolio.load_project(pole_db, project_id)
    editor = open_editor(window, qtbot, project_id)
    editor.title_edit.clear()
    editor.title_edit.insert("Un nouvel intitulé")
    qtbot.mouseClick(save_button(editor), Qt.MouseButton.LeftButton)
    assert portfolio.load_project(pole_db, project_id).title == "Un nouvel intitulé"
    title_column = window.projects.model.column_of("title")
    qtbot.waitUntil(
        lambda: window.projects.model.index(0, title_column).data() == "Un nouvel intitulé"
    )
    desktop.ctx.undo_stack.undo()
    assert portfolio.load_project(pole_db, project_id).title == original.title
    desktop.ctx.undo_stack.redo()
    assert portfolio.load_project(pole_db, project_id).title == "Un nouvel intitulé"


def test_pipeline_buttons_enforce_the_workflow(desktop, qtbot, pole_db) -> None:
    window = desktop.window
    submitted = expected_ids(pole_db, ProjectFilter(statuses=("submitted",)))[0]
    editor = open_editor(window, qtbot, submitted)
    assert editor.findChild(QPushButton, "transition_labelled") is None  # not from submitted
    editor.transition_on.set_value(date(2026, 7, 1))
    qtbot.mouseClick(
        editor.findChild(QPushButton, "transition_evaluated"), Qt.MouseButton.LeftButton
    )
    record = portfolio.load_project(pole_db, submitted)
    assert record.status is ProjectStatus.EVALUATED and record.evaluated_on == date(2026, 7, 1)
    assert editor.status_label.text() == "Expertisé"
    assert editor.findChild(QPushButton, "transition_labelled") is not None
    desktop.ctx.undo_stack.undo()
    record = portfolio.load_project(pole_db, submitted)
    assert record.status is ProjectStatus.SUBMITTED and record.evaluated_on is None


def test_delete_with_confirmation_and_undo(desktop, qtbot, pole_db, monkeypatch) -> None:
    window = desktop.window
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    table = window.projects.table
    table.selectRow(0)
    project_id = window.projects.model.project_id(0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: rows(window) == 1299)
    with pytest.raises(Exception, match="not_found"):
        portfolio.load_project(pole_db, project_id)
    desktop.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: rows(window) == 1300)
    assert portfolio.load_project(pole_db, project_id).id == project_id


def test_saved_views_keep_filter_columns_and_sort(desktop, qtbot, pole_db, monkeypatch) -> None:
    window = desktop.window
    projects = window.projects
    projects.set_filter(ProjectFilter(statuses=("closed",), search="photon"))
    projects.table.sortByColumn(projects.model.column_of("granted"), Qt.SortOrder.DescendingOrder)
    wanted = expected_ids(
        pole_db, ProjectFilter(statuses=("closed",), search="photon"), "granted", True
    )
    qtbot.waitUntil(lambda: projects.model.ids() == wanted)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Photonique close", True))
    projects.save_view_button.click()
    assert projects.views.findText("Photonique close") > 0
    projects.set_filter(ProjectFilter())
    projects.table.sortByColumn(projects.model.column_of("reference"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: rows(window) == 1300)
    projects.views.setCurrentIndex(projects.views.findText("Photonique close"))
    projects.views.activated.emit(projects.views.currentIndex())
    qtbot.waitUntil(lambda: projects.model.ids() == wanted)
    assert projects.search.text() == "photon"


def test_welcome_page_then_demo(empty_desktop, qtbot) -> None:
    window = empty_desktop.window
    assert window.stack.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.findChild(QPushButton, "demoButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rows(window) == 1300, timeout=20_000)
    assert window.stack.currentWidget() is window.projects
    # The progress dialog said each step in words, the last one being that the demo is ready.
    from PySide6.QtWidgets import QProgressDialog

    from portfolio_desktop import messages

    progress = window.findChildren(QProgressDialog)[-1]
    assert progress.labelText().endswith(messages.text("demo_done"))


def test_a_new_form_says_what_to_fill_in_then_a_save_is_confirmed_and_shown(
    desktop, qtbot, pole_db
) -> None:
    """A new project's form names the fields it needs, in grey (no red before the first edit);
    after the save the status bar says so and the table selects the new project."""
    window = desktop.window
    editor = open_editor(window, qtbot)
    text = editor.issues.text()
    assert text.startswith("Pour enregistrer ce projet :")
    assert "• Référence : ce champ est obligatoire." in text
    assert "b3261e" not in editor.issues.styleSheet() + editor.reference.styleSheet()
    editor.reference.insert("IR-2026-9002")
    editor.reference.clear()
    assert "b3261e" in editor.reference.styleSheet()  # touched and still empty: now red
    editor.reference.insert("IR-2026-9002")
    editor.acronym.insert("LITTORAL")
    qtbot.mouseClick(save_button(editor), Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "Projet IR-2026-9002 — LITTORAL enregistré."
    created = expected_ids(pole_db, ProjectFilter(search="IR-2026-9002"))
    qtbot.waitUntil(lambda: window.projects.selected_ids() == created)


def test_window_shortcuts_work_from_the_search_box(desktop, qtbot, monkeypatch) -> None:
    """Ctrl+E exports even while the search box has the focus (a line edit takes Ctrl+E for
    "end of line")."""
    window = desktop.window
    asked: list[str] = []
    monkeypatch.setattr(window, "export_workbook", lambda: asked.append("export"))
    for action in window.findChildren(QAction, "exportAction"):
        action.triggered.disconnect()
        action.triggered.connect(lambda _c=False: window.export_workbook())
    from PySide6.QtCore import QEvent, QObject

    class Spy(QObject):
        """What the field is asked: may it take the key for itself (ShortcutOverride)?"""

        def __init__(self) -> None:
            super().__init__()
            self.asked: list[str] = []

        def eventFilter(self, _watched, event) -> bool:  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.ShortcutOverride:
                self.asked.append(event.keyCombination().key().name)
            return False

    spy = Spy()
    search = window.projects.search
    search.installEventFilter(spy)
    window.activateWindow()
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClick(search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["export"]
    # The field never got the chance to take it (on X11 a line edit takes Ctrl+E as "end of
    # line", and the export did not start); plain typing still reaches it.
    assert "Key_E" not in spy.asked
    qtbot.keyClick(search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert "Key_A" in spy.asked


def test_the_application_opens_on_a_chosen_view_and_page(
    desktop, qtbot, pole_db, monkeypatch
) -> None:
    """An executive saves a view, marks it as the one to open on, chooses the dashboard in the
    preferences: the next window opens on the dashboard with that view's filter."""
    from portfolio_desktop.app import Desktop
    from portfolio_desktop.ui.settings import Settings

    projects = desktop.window.projects
    chosen = ProjectFilter(statuses=("funded", "running", "closed"))
    projects.set_filter(chosen)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Financés", True))
    projects.save_view_button.click()
    projects.views.setCurrentIndex(projects.views.findText("Financés"))
    projects.views.activated.emit(projects.views.currentIndex())
    assert projects.startup_button.isEnabled()
    projects.startup_button.click()
    desktop.settings.set("startup/page", "dashboard")

    again = Desktop(Settings(), synchronous=True)
    qtbot.addWidget(again.window)
    again.window.show()
    again.ctx.set_database(pole_db)
    try:
        window = again.window
        qtbot.waitUntil(lambda: window.page("dashboard") is not None)
        assert window.stack.currentWidget() is window.page("dashboard")
        assert window.projects.views.currentText() == "Financés"
        assert window.projects.current_filter() == chosen
        assert window.page("dashboard").current_filter == chosen
        assert window.projects.startup_button.isChecked()
    finally:
        again.ctx.db = None
        again.window.close()


def test_optional_columns_show_funders_dates_and_maturity(desktop, qtbot, pole_db) -> None:
    """Funders, submission and status dates and the responsible-digital maturity are columns
    the user can show (hidden at first); the status dates sort like the others."""
    from portfolio_desktop.domain.responsible import maturity_level
    from portfolio_desktop.ui.models.project_table import OPTIONAL_COLUMNS

    window = desktop.window
    model, table = window.projects.model, window.projects.table
    assert all(table.isColumnHidden(model.column_of(key)) for key in OPTIONAL_COLUMNS)
    for key in OPTIONAL_COLUMNS:
        table.setColumnHidden(model.column_of(key), False)
    project_id = model.project_id(0)
    record = portfolio.load_project(pole_db, project_id)

    def cell(key: str):  # type: ignore[no-untyped-def]
        return model.index(0, model.column_of(key)).data(SortRole)

    funders = {window.projects.model.index(0, model.column_of("funders")).data()}
    expected = {
        # In French order, as the table sorts text (« État » before « Région »).
        ", ".join(sorted({line.funder_name for line in record.funding_lines}, key=sort_key))
    }
    assert funders == expected
    assert cell("submitted_on") == record.submitted_on
    assert cell("funding_decided_on") == record.funding_decided_on
    assert cell("maturity") == maturity_level(record.assessment)
    table.sortByColumn(model.column_of("submitted_on"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.sort_key == "submitted_on")
    wanted = expected_ids(pole_db, ProjectFilter(), "submitted_on")
    qtbot.waitUntil(lambda: model.ids() == wanted)


def test_evaluations_are_saved_off_the_gui_thread_and_refusals_shown(
    desktop, qtbot, pole_db, monkeypatch
) -> None:
    """Changing an evaluation writes it (and the table shows what was written); a score out of
    range is refused with its words over the editor, and nothing is written."""
    import dataclasses
    import sqlite3

    from portfolio_desktop import messages
    from portfolio_desktop.ui.dialogs.project_editor import EvaluationDialog

    with sqlite3.connect(pole_db.path) as conn:
        project_id = conn.execute("SELECT min(project_id) FROM evaluation").fetchone()[0]
    editor = open_editor(desktop.window, qtbot, project_id)
    first = editor.evaluations.records[0]
    changed = dataclasses.replace(first, opinion="Consortium solide, marché à préciser.")
    monkeypatch.setattr(
        EvaluationDialog, "exec", lambda _self: EvaluationDialog.DialogCode.Accepted
    )
    monkeypatch.setattr(EvaluationDialog, "record", lambda _self: changed)
    editor.edit_evaluation(0)
    qtbot.waitUntil(lambda: not editor.evaluation_writes.running)
    stored = {e.id: e for e in portfolio.evaluations(pole_db, project_id)}
    assert stored[first.id].opinion == changed.opinion
    assert any(e.opinion == changed.opinion for e in editor.evaluations.records)

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    out_of_range = dataclasses.replace(first, opinion="Hors barème", score_impact=9)
    monkeypatch.setattr(EvaluationDialog, "record", lambda _self: out_of_range)
    editor.edit_evaluation(0)
    qtbot.waitUntil(lambda: bool(shown))
    assert messages.text("score_range", {"min": 0, "max": 5}) in shown[0]
    assert all(e.opinion != "Hors barème" for e in portfolio.evaluations(pole_db, project_id))
    assert not editor.evaluation_writes.running

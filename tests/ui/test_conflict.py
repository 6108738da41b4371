"""A stale save in the project editor: the conflict dialog shows yours and theirs field by field;
keep theirs and reload, overwrite with mine at their version, or go back — never a silent loss.
And the editor shows the project's full change history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from portfolio_desktop.services import history, portfolio


@pytest.fixture(autouse=True)
def _language_put_back(qapp):
    """These tests install French; the next module finds the translators as they were."""
    from PySide6.QtCore import QLocale

    from portfolio_desktop.ui.i18n import install_language

    before = QLocale()
    yield
    install_language("en")
    QLocale.setDefault(before)


def open_editor(window, qtbot, project_id):
    window.open_project(project_id)
    editor = window._editor
    qtbot.waitUntil(editor.isVisible)
    return editor


def save(editor, qtbot) -> None:
    qtbot.mouseClick(
        editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def someone_else_edits(db, project_id: int) -> None:
    """Another user (another desktop, the server) saves the project meanwhile."""
    record = portfolio.load_project(db, project_id)
    record.title = "Leur intitulé"
    record.total_budget_cents = (record.total_budget_cents or 0) + 100_000_00
    portfolio.update_project(db, record, expected_version=record.version)


@pytest.fixture
def conflict(desktop, qtbot, pole_db):
    """The editor open on a project, edited here and, meanwhile, saved elsewhere; Save clicked."""
    window = desktop.window
    project_id = window.projects.model.project_id(0)
    editor = open_editor(window, qtbot, project_id)
    editor.acronym.setText("MIEN")
    editor.title_edit.setText("Mon intitulé")
    someone_else_edits(pole_db, project_id)
    save(editor, qtbot)
    qtbot.waitUntil(lambda: getattr(editor, "conflict", None) is not None)
    dialog = editor.conflict
    qtbot.waitUntil(dialog.isVisible)
    return editor, dialog, project_id


def rows_of(dialog) -> dict[str, tuple[str, str]]:
    model = dialog.model
    return {
        model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 2).data())
        for r in range(model.rowCount())
    }


def test_the_dialog_shows_both_values_field_by_field(conflict, pole_db) -> None:
    _editor, dialog, project_id = conflict
    rows = rows_of(dialog)
    assert rows["Intitulé"] == ("Mon intitulé", "Leur intitulé")
    assert rows["Acronyme"][0] == "MIEN"
    assert "Budget total" in rows
    assert "Dernière modification" in dialog.who.text()
    # Nothing was written by the refused save.
    saved = portfolio.load_project(pole_db, project_id)
    assert (saved.title, saved.acronym) != ("Mon intitulé", "MIEN")
    assert saved.title == "Leur intitulé"


def test_keep_theirs_reloads_the_form(conflict, qtbot, pole_db) -> None:
    editor, dialog, project_id = conflict
    qtbot.mouseClick(dialog.findChild(QPushButton, "keepTheirs"), Qt.MouseButton.LeftButton)
    assert editor.title_edit.text() == "Leur intitulé"
    assert editor.acronym.text() != "MIEN"
    saved = portfolio.load_project(pole_db, project_id)
    assert editor.original.version == saved.version
    # A save now goes through (it is based on their version).
    editor.keywords.setText("après relecture")
    save(editor, qtbot)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert portfolio.load_project(pole_db, project_id).keywords == "après relecture"


def test_overwrite_with_mine_saves_at_their_version(conflict, qtbot, pole_db, desktop) -> None:
    editor, dialog, project_id = conflict
    before = portfolio.load_project(pole_db, project_id)
    qtbot.mouseClick(dialog.findChild(QPushButton, "overwriteMine"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.isVisible())
    saved = portfolio.load_project(pole_db, project_id)
    assert (saved.title, saved.acronym, saved.version) == (
        "Mon intitulé",
        "MIEN",
        before.version + 1,
    )
    # Both saves are in the history: theirs, then mine over it.
    titles = [
        (c.old, c.new) for c in history.project_history(pole_db, project_id) if c.field == "title"
    ]
    assert titles[0] == ("Leur intitulé", "Mon intitulé")
    # And undo puts theirs back.
    desktop.ctx.undo_stack.undo()
    assert portfolio.load_project(pole_db, project_id).title == "Leur intitulé"


def test_back_to_the_form_writes_nothing(conflict, qtbot, pole_db) -> None:
    editor, dialog, project_id = conflict
    before = portfolio.load_project(pole_db, project_id)
    qtbot.mouseClick(dialog.findChild(QPushButton, "cancelConflict"), Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert editor.title_edit.text() == "Mon intitulé"
    assert portfolio.load_project(pole_db, project_id) == before
    # Saving again meets the same conflict: still no silent overwrite.
    save(editor, qtbot)
    qtbot.waitUntil(lambda: editor.conflict is not dialog and editor.conflict.isVisible())
    assert portfolio.load_project(pole_db, project_id) == before


def test_the_editor_shows_the_full_change_history(desktop, qtbot, pole_db) -> None:
    window = desktop.window
    project_id = window.projects.model.project_id(0)
    record = portfolio.load_project(pole_db, project_id)
    previous = record.acronym
    record.acronym = "HISTO"
    record.keywords = "historique"
    portfolio.update_project(pole_db, record, expected_version=record.version)
    editor = open_editor(window, qtbot, project_id)
    model = editor.changes_view.history
    shown = {
        model.index(r, 4).data(): (model.index(r, 5).data(), model.index(r, 6).data())
        for r in range(model.rowCount())
    }
    assert shown["Acronyme"] == (previous, "HISTO")
    assert shown["Mots-clés"][1] == "historique"
    assert model.index(0, 2).data() == "Formulaire"
    assert model.index(0, 1).data() == pole_db.user

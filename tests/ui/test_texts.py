"""What users read: no "&" lost to a mnemonic, shortcuts listed by their readable names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QPushButton

from portfolio_desktop.ui.main_window import without_mnemonic


def test_mnemonics_are_read_as_users_see_them() -> None:
    assert without_mnemonic("&File") == "File"
    assert without_mnemonic("Funders && calls") == "Funders & calls"
    assert without_mnemonic("Save a &copy…") == "Save a copy…"


def test_an_ampersand_in_a_title_is_shown(empty_desktop) -> None:
    """« Images & Réseaux » on the welcome page, « Funders & calls » in the View menu and in
    the F1 list (the & was taken for a mnemonic: « Images _Réseaux », « Funders  calls »)."""
    window = empty_desktop.window
    demo = window.welcome.findChild(QPushButton, "demoButton")
    assert "Images && Réseaux" in demo.text()  # shown as one "&"
    assert "Images & Réseaux" in demo.accessibleName() + demo.accessibleDescription()
    views = [a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+3"]
    assert [without_mnemonic(a.text()) for a in views] == [window.page_titles()["funders"]]


def test_the_shortcut_list_pairs_keys_and_commands(desktop, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    desktop.window.show_shortcuts()
    (text,) = shown
    assert "<td style='padding-right:18px'>Ctrl+E</td><td>Exporter…</td>" in text
    assert "<td>Financeurs et appels</td>" in text


def test_no_header_is_clipped(desktop, qtbot) -> None:
    """Every column is at least as wide as its header's text (« Lignes de financement »,
    « Recommandation » were cut in French), and a reference as long as an ANR one fits."""
    window = desktop.window

    def unclipped(view) -> None:  # type: ignore[no-untyped-def]
        header = view.horizontalHeader()
        for column in range(header.count()):
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
                continue  # takes the width the window leaves it
            text = view.model().headerData(column, Qt.Orientation.Horizontal)
            assert view.columnWidth(column) >= header.sectionSizeHint(column), text

    window.show_page("funders")
    funders = window.page("funders")
    unclipped(funders.funders_table)
    unclipped(funders.calls_table)
    window.show_page("organisations")
    unclipped(window.page("organisations").table)
    window.show_page("projects")
    projects = window.projects
    unclipped(projects.table)
    reference = projects.model.column_of("reference")
    width = projects.table.fontMetrics().horizontalAdvance("ANR-22-PETQ-0010")
    assert projects.table.columnWidth(reference) > width


def test_undo_names_what_it_undoes_in_quotes(desktop, qtbot) -> None:
    """« Annuler « Modification du projet … » », not « Annuler Modification du projet … »."""
    from PySide6.QtGui import QUndoCommand

    window = desktop.window
    undo = window.findChild(QAction, "undoAction")
    redo = window.findChild(QAction, "redoAction")
    assert undo.text() == "&Annuler" and not undo.isEnabled()
    stack = desktop.ctx.undo_stack
    stack.push(QUndoCommand("Modification du projet IR-2021-0025"))
    assert undo.text() == "&Annuler « Modification du projet IR-2021-0025 »"
    assert undo.isEnabled()
    stack.undo()
    assert redo.text() == "&Rétablir « Modification du projet IR-2021-0025 »"
    assert undo.text() == "&Annuler"


def test_screen_readers_can_name_the_table_and_the_form_fields(desktop, qtbot) -> None:
    """The projects table, its search box, the filters and every field of the project editor
    have an accessible name (a screen reader reads « Référence », not « zone de texte »)."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

    window = desktop.window
    assert window.projects.table.accessibleName() == "Projets"
    assert window.projects.search.accessibleName() == "Rechercher des projets"
    panel = window.projects.panel
    unnamed = [
        w.objectName() or type(w).__name__
        for kind in (QComboBox, QAbstractSpinBox)
        for w in panel.findChildren(kind)
        if w.isVisibleTo(panel) and not w.accessibleName() and not w.parent().accessibleName()
    ]
    assert unnamed == []
    window.open_project(window.projects.model.project_id(0))
    editor = window._editor
    assert editor.reference.accessibleName() == "Référence"
    general = editor.tabs.widget(0)
    fields = [
        w
        for kind in (QLineEdit, QComboBox, QPlainTextEdit, QTextEdit)
        for w in general.findChildren(kind)
    ]
    unnamed = [
        type(w).__name__
        for w in fields
        if not w.accessibleName()
        and not (w.parent() and w.parent().accessibleName())
        and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))  # an editor's inner line
    ]
    assert unnamed == []
    editor.reject()

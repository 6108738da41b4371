"""The Clusters screen driven through its real widgets (qtbot), in French: the poles with their
counts, create, edit, merge and delete through the dialogs, refusals in words with nothing
written, every edit undone from the undo stack, and the screen kept up to date."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QMessageBox

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.domain.model import ProjectRecord
from portfolio_desktop.services import clusters, portfolio, project_list
from portfolio_desktop.storage.changes import ChangeSet, MoveToCluster, Source
from portfolio_desktop.ui.context import Scope
from portfolio_desktop.ui.dialogs.cluster_editors import (
    ClusterDialog,
    ClusterMergeDialog,
    region_names,
)
from portfolio_desktop.ui.models.reference_table import SortRole
from portfolio_desktop.ui.views.clusters_view import ClustersView

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    """Answers Yes to confirmations; records warnings (their text) instead of showing them."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text)
    )
    return shown


@pytest.fixture
def view(qtbot, ctx) -> ClustersView:
    widget = ClustersView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def open_dialog(cls: type) -> Any:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
    assert len(found) == 1, f"expected one open {cls.__name__}, found {len(found)}"
    return found[0]


def type_into(qtbot, dialog: Any, name: str, text: str) -> None:
    field = dialog.findChild(QLineEdit, name)
    assert field is not None, name
    field.clear()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # QTest aborts on characters outside Latin-1 keys; the signal is the same
        field.setText(text)


def note(dialog: Any, field: str) -> str:
    label = dialog.findChild(QLabel, f"note_{field}")
    return label.text() if label is not None and label.isVisibleTo(dialog) else ""


def shown(view: ClustersView) -> list[tuple[str, str, str, str]]:
    """The table as the user reads it: code, name, regions, projects."""
    model = view.model
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def select(view: ClustersView, cluster_id: int) -> None:
    view.select(cluster_id)
    assert view.current() is not None and view.current().id == cluster_id


def rows_by_code(ctx: Any) -> dict[str, clusters.ClusterRow]:
    return {r.code: r for r in clusters.list_clusters(ctx.db)}


def second_pole(ctx: Any, projects: int = 0, code: str = "AV", name: str = "Aerospace Valley"):
    """A second pole holding the first `projects` projects of the demo (moved by the write path)."""
    new = clusters.create_cluster(ctx.db, code, name, "OCC,NAQ")
    ids = tuple(project_list.select(ctx.db, ProjectFilter()).ids[:projects])
    if ids:
        portfolio.apply_changes(ctx.db, ChangeSet.of(Source.FORM, MoveToCluster(ids, new)))
    return new, ids


def test_the_poles_are_listed_with_their_counts_sorted_by_name_and_searchable(
    qtbot, qtmodeltester, ctx, view
) -> None:
    second_pole(ctx, projects=5)
    ctx.data_changed.emit(Scope.CLUSTERS, [])
    ir = rows_by_code(ctx)["IR"]
    assert [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Code", "Pôle", "Régions", "Projets",
    ]  # fmt: skip
    # Sorted by name: « Aerospace Valley » before « Images & Réseaux »; counts in French digits.
    assert shown(view) == [
        ("AV", "Aerospace Valley", "Nouvelle-Aquitaine, Occitanie", "5"),
        ("IR", "Images & Réseaux", "Bretagne, Pays de la Loire", "1\u202f295"),
    ]  # fmt: skip
    assert view.model.index(1, 3).data(SortRole) == ir.projects == 1300 - 5
    assert view.count.text() == "2 pôles"
    qtmodeltester.check(view.model)

    qtbot.keyClicks(view.search, "occitanie")  # a region's name finds its pole
    assert [r[0] for r in shown(view)] == ["AV"]
    assert view.count.text() == "1 sur 2 pôles"
    view.search.clear()
    qtbot.keyClicks(view.search, "reseaux")  # without its accent
    assert [r[0] for r in shown(view)] == ["IR"]


def test_create_a_pole_through_the_dialog_then_undo_and_redo(qtbot, ctx, view) -> None:
    qtbot.mouseClick(view.new_button, LEFT)
    dialog = open_dialog(ClusterDialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled() and note(dialog, "name") == "Ce champ est obligatoire."
    type_into(qtbot, dialog, "clusterCode", "ir")
    assert dialog.code.text() == "IR"  # typed upper case
    assert note(dialog, "code") == "Un pôle a déjà le code « IR »."
    type_into(qtbot, dialog, "clusterCode", "nord")
    type_into(qtbot, dialog, "clusterName", "Pôle Nord")
    dialog.regions.set_checked(["HDF"])
    assert note(dialog, "code") == "" and save.isEnabled()
    qtbot.mouseClick(save, LEFT)

    created = rows_by_code(ctx)["NORD"]
    assert (created.name, created.regions, created.projects) == ("Pôle Nord", "HDF", 0)
    assert ("NORD", "Pôle Nord", "Hauts-de-France", "0") in shown(view)
    assert view.current() is not None and view.current().id == created.id
    assert ctx.undo_stack.undoText() == "Créer le pôle Pôle Nord"

    ctx.undo_stack.undo()
    assert "NORD" not in rows_by_code(ctx)
    assert [r[0] for r in shown(view)] == ["IR"]
    ctx.undo_stack.redo()
    assert rows_by_code(ctx)["NORD"].id == created.id  # back under its id


def test_a_code_taken_meanwhile_is_said_under_the_field_and_nothing_is_written(
    qtbot, ctx, view
) -> None:
    qtbot.mouseClick(view.new_button, LEFT)
    dialog = open_dialog(ClusterDialog)
    type_into(qtbot, dialog, "clusterCode", "NORD")
    type_into(qtbot, dialog, "clusterName", "Pôle Nord")
    clusters.create_cluster(ctx.db, "NORD", "Autre pôle")  # another user, meanwhile
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
    assert dialog.isVisible()
    assert note(dialog, "code") == "Un pôle a déjà le code « NORD »."
    assert rows_by_code(ctx)["NORD"].name == "Autre pôle"
    assert ctx.undo_stack.count() == 0
    dialog.reject()


def test_edit_code_name_and_regions_then_undo(qtbot, ctx, view) -> None:
    (ir,) = clusters.list_clusters(ctx.db)
    select(view, ir.id)
    qtbot.mouseClick(view.edit_button, LEFT)
    dialog = open_dialog(ClusterDialog)
    assert (dialog.code.text(), dialog.name.text()) == ("IR", "Images & Réseaux")
    assert dialog.regions.checked_values() == ["BRE", "PDL"]
    type_into(qtbot, dialog, "clusterCode", "IRES")
    type_into(qtbot, dialog, "clusterName", "Images et Réseaux")
    dialog.regions.set_checked(["BRE", "PDL", "NOR"])
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)

    (after,) = clusters.list_clusters(ctx.db)
    assert (after.code, after.name, after.regions, after.projects) == (
        "IRES", "Images et Réseaux", "BRE,NOR,PDL", ir.projects,
    )  # fmt: skip
    assert shown(view)[0][:3] == (
        "IRES",
        "Images et Réseaux",
        "Bretagne, Normandie, Pays de la Loire",
    )
    assert ctx.undo_stack.undoText() == "Renommer le pôle Images & Réseaux en Images et Réseaux"
    ctx.undo_stack.undo()
    (back,) = clusters.list_clusters(ctx.db)
    assert (back.code, back.name, back.regions) == ("IR", "Images & Réseaux", "BRE,PDL")
    assert shown(view)[0][:2] == ("IR", "Images & Réseaux")


def test_merge_a_pole_into_another_through_the_dialog_then_undo_and_redo(qtbot, ctx, view) -> None:
    new, moved = second_pole(ctx, projects=12)
    ctx.data_changed.emit(Scope.CLUSTERS, [])
    ir = rows_by_code(ctx)["IR"]
    select(view, new)
    assert view.merge_button.isEnabled() and view.merge_button.text() == "Fusionner dans…"
    qtbot.mouseClick(view.merge_button, LEFT)
    dialog = open_dialog(ClusterMergeDialog)
    assert dialog.keep_id() == ir.id  # the only other pole
    assert dialog.summary.text().splitlines()[0] == (
        "Les 12 projets de « Aerospace Valley » passeront dans « Images & Réseaux », "
        "et « Aerospace Valley » sera supprimé."
    )
    assert "1\u202f300 projets" in dialog.summary.text()  # what the kept pole will hold
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)

    assert list(rows_by_code(ctx)) == ["IR"]
    assert rows_by_code(ctx)["IR"].projects == 1300
    assert [r[0] for r in shown(view)] == ["IR"] and view.current().id == ir.id
    assert ctx.undo_stack.undoText() == "Fusionner le pôle Aerospace Valley dans Images & Réseaux"

    ctx.undo_stack.undo()
    back = rows_by_code(ctx)
    assert (back["AV"].id, back["AV"].name, back["AV"].regions, back["AV"].projects) == (
        new, "Aerospace Valley", "OCC,NAQ", 12,
    )  # fmt: skip
    assert set(project_list.select(ctx.db, ProjectFilter(cluster_ids=(new,))).ids) == set(moved)
    assert [r[0] for r in shown(view)] == ["AV", "IR"]
    ctx.undo_stack.redo()
    assert list(rows_by_code(ctx)) == ["IR"] and rows_by_code(ctx)["IR"].projects == 1300


def test_with_several_poles_the_pole_kept_is_chosen_not_guessed(qtbot, ctx, view) -> None:
    new, _ids = second_pole(ctx, projects=2)
    clusters.create_cluster(ctx.db, "NORD", "Pôle Nord")
    ctx.data_changed.emit(Scope.CLUSTERS, [])
    select(view, new)
    qtbot.mouseClick(view.merge_button, LEFT)
    dialog = open_dialog(ClusterMergeDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.keep_id() is None and not ok.isEnabled()
    assert (
        dialog.summary.text()
        == "Choisissez le pôle qui garde les 2 projets de « Aerospace Valley »."
    )
    assert [dialog.target.itemText(i) for i in range(dialog.target.count())] == [
        "Images & Réseaux — IR — 1\u202f298 projets", "Pôle Nord — NORD — 0 projet",
    ]  # fmt: skip
    dialog.target.setCurrentIndex(1)
    assert ok.isEnabled() and dialog.summary.text().startswith(
        "Les 2 projets de « Aerospace Valley » passeront dans « Pôle Nord »"
    )
    qtbot.mouseClick(ok, LEFT)
    assert rows_by_code(ctx)["NORD"].projects == 2 and "AV" not in rows_by_code(ctx)


def test_a_merge_refused_for_a_shared_reference_names_it_and_writes_nothing(
    qtbot, ctx, view, warnings
) -> None:
    new, _ids = second_pole(ctx, projects=3)
    (first_id,) = project_list.select(ctx.db, ProjectFilter(cluster_ids=(new,))).ids[:1]
    reference = portfolio.load_project(ctx.db, first_id).reference
    ir = rows_by_code(ctx)["IR"]
    # Another project of Images & Réseaux under the same reference (one per pole is allowed).
    portfolio.create_project(
        ctx.db, ProjectRecord(cluster_id=ir.id, reference=reference, acronym="DOUBLON")
    )
    ctx.data_changed.emit(Scope.PROJECTS, [])
    before = {c: (r.id, r.projects) for c, r in rows_by_code(ctx).items()}
    select(view, new)
    qtbot.mouseClick(view.merge_button, LEFT)
    dialog = open_dialog(ClusterMergeDialog)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)

    assert len(warnings) == 1
    assert warnings[0].startswith("Fusion refusée : les deux pôles ont des projets de même")
    assert reference in warnings[0]
    assert {c: (r.id, r.projects) for c, r in rows_by_code(ctx).items()} == before
    assert ctx.undo_stack.count() == 0
    assert [r[0] for r in shown(view)] == ["AV", "IR"]


def test_delete_refused_while_the_pole_holds_projects_and_undoable_otherwise(
    qtbot, ctx, view, warnings
) -> None:
    ir = rows_by_code(ctx)["IR"]
    select(view, ir.id)
    qtbot.mouseClick(view.delete_button, LEFT)
    assert warnings == [
        "« Images & Réseaux » ne peut pas être supprimé : 1\u202f300 projets y sont rattachés. "
        "Fusionnez-le plutôt dans un autre pôle."
    ]
    empty, _ids = second_pole(ctx, projects=0)
    ctx.data_changed.emit(Scope.CLUSTERS, [])
    select(view, empty)
    qtbot.mouseClick(view.delete_button, LEFT)
    assert list(rows_by_code(ctx)) == ["IR"]
    assert ctx.undo_stack.undoText() == "Supprimer le pôle Aerospace Valley"
    ctx.undo_stack.undo()
    assert rows_by_code(ctx)["AV"].id == empty
    assert [r[0] for r in shown(view)] == ["AV", "IR"]


def test_the_screen_follows_changes_made_elsewhere(qtbot, ctx, view) -> None:
    """An import, another screen's edit, an undo of the history: the counts follow."""
    ir = rows_by_code(ctx)["IR"]
    portfolio.create_project(
        ctx.db, ProjectRecord(reference="CL-2026-001", cluster_id=ir.id, acronym="NOUVEAU")
    )
    assert shown(view)[0][3] == "1\u202f300"  # nothing announced yet
    ctx.data_changed.emit(Scope.PROJECTS, [])
    assert shown(view)[0][3] == "1\u202f301"
    view.hide()  # hidden: marked stale, reloaded when shown again
    clusters.create_cluster(ctx.db, "NORD", "Pôle Nord")
    ctx.data_changed.emit(Scope.ALL, [])
    assert [r[0] for r in shown(view)] == ["IR"]
    view.show()
    assert [r[0] for r in shown(view)] == ["IR", "NORD"]


def test_the_projects_filters_and_the_page_follow_a_new_pole(qtbot, desktop) -> None:
    window = desktop.window
    window.show_page("clusters")
    page = window.page("clusters")
    assert isinstance(page, ClustersView)
    assert window.navigation.currentItem().text() == "Pôles"
    panel = window.projects.panel
    assert not panel.clusters.isEnabled()  # one pole: nothing to filter by
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = open_dialog(ClusterDialog)
    type_into(qtbot, dialog, "clusterCode", "NORD")
    type_into(qtbot, dialog, "clusterName", "Pôle Nord")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
    labels = [panel.clusters.itemText(i) for i in range(panel.clusters.count())]
    assert "NORD — Pôle Nord" in labels and panel.clusters.isEnabled()


def test_region_names() -> None:
    assert region_names("BRE,PDL") == "Bretagne, Pays de la Loire"
    assert region_names(" XYZ ; pdl,BRE ") == "Bretagne, Pays de la Loire, XYZ"
    assert region_names("") == ""


def test_a_pole_that_still_has_roadmap_domains_is_not_deleted(qtbot, ctx, view, warnings) -> None:
    """Its domains would be left to nobody: the refusal says so, and the pole stays."""
    from portfolio_desktop.services import reference

    empty, _ids = second_pole(ctx, projects=0)
    reference.save_domain(ctx.db, None, "Aéronautique du Sud-Ouest", "#0072B2", pole=empty)
    ctx.data_changed.emit(Scope.CLUSTERS, [])
    select(view, empty)
    qtbot.mouseClick(view.delete_button, LEFT)
    qtbot.waitUntil(lambda: bool(warnings))
    assert warnings == [
        "« Aerospace Valley » ne peut pas être supprimé : 1 domaine de sa feuille de route lui "
        "appartient. Rattachez-le à tous les pôles ou à un autre pôle d'abord."
    ]
    assert "AV" in rows_by_code(ctx)

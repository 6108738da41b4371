"""The Snapshots screen: the snapshots listed with their figures, one taken through the form (off
the GUI thread, a name taken refused under the form, nothing written), one deleted after a
question, and two compared: the differences are those of `services.snapshots.compare`, in words."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from portfolio_desktop.services import portfolio, snapshots
from portfolio_desktop.ui.context import Scope
from portfolio_desktop.ui.views.snapshots_view import SnapshotsView, TakeSnapshotDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def view(qtbot, ctx) -> SnapshotsView:
    widget = SnapshotsView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return widget


def cells(model: Any) -> list[list[str]]:
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def open_dialog() -> TakeSnapshotDialog:
    found = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, TakeSnapshotDialog) and w.isVisible()
    ]
    assert len(found) == 1
    return found[0]


def test_take_refuse_compare_and_delete(qtbot, ctx, view, monkeypatch) -> None:
    assert view.model.rowCount() == 0 and view.empty.isVisible()

    qtbot.mouseClick(view.take_button, LEFT)
    dialog = open_dialog()
    assert dialog.name.text() == f"Rapport annuel {date.today().year - 1}"
    assert dialog.day.date() == QDate(date.today().year - 1, 12, 31)
    dialog.name.setText("Fin 2015")
    dialog.day.setDate(QDate(2015, 12, 31))
    qtbot.mouseClick(dialog.ok, LEFT)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    first = snapshots.find(ctx.db, "Fin 2015")
    assert first.as_of == date(2015, 12, 31)
    assert cells(view.model)[0][:2] == ["Fin 2015", "31/12/2015"]

    # A name already taken: said under the form, the form stays open, nothing written.
    snapshots.take(ctx.db, f"Rapport annuel {date.today().year - 1}")
    ctx.data_changed.emit(Scope.SNAPSHOTS, ())
    qtbot.mouseClick(view.take_button, LEFT)
    dialog = open_dialog()  # the annual report taken: today's figures are proposed
    assert dialog.name.text() == f"Instantané du {date.today():%d/%m/%Y}"
    snapshots.delete(ctx.db, f"Rapport annuel {date.today().year - 1}")
    ctx.data_changed.emit(Scope.SNAPSHOTS, ())
    dialog.name.setText("Fin 2015")
    qtbot.mouseClick(dialog.ok, LEFT)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "Fin 2015" in dialog.error.text() and dialog.isVisible()
    assert len(snapshots.list_snapshots(ctx.db)) == 1
    dialog.name.setText("Aujourd'hui")
    dialog.day.setDate(QDate.currentDate())
    qtbot.mouseClick(dialog.ok, LEFT)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    second = snapshots.find(ctx.db, "Aujourd'hui")

    # The comparison: the older first, then the newer; the differences are the service's.
    assert (view.first.currentData(), view.second.currentData()) == (first.id, second.id)
    moved = snapshots.compare(first.figures, second.figures)
    shown = cells(view.movements)
    assert len(shown) == len(moved)
    assert shown[0][:3] == ["Tout le portefeuille", "", "Aide accordée"]
    assert shown[1][2] == "Projets"
    assert shown[1][5] == f"+{moved[1].delta:,}".replace(",", "\u202f")
    assert any(line[0] == "Statut" and line[1] == "Financé" for line in shown)
    assert view.movements.headerData(3, Qt.Orientation.Horizontal) == "Fin 2015"

    # A later edit does not change what was kept.
    project = portfolio.load_project(ctx.db, 1)
    project.title = "Un autre intitulé"
    portfolio.update_project(ctx.db, project, expected_version=project.version)
    assert snapshots.find(ctx.db, "Fin 2015").figures == first.figures

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.table.selectRow(0)
    qtbot.mouseClick(view.delete_button, LEFT)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert [r.name for r in snapshots.list_snapshots(ctx.db)] == ["Aujourd'hui"]


def test_the_screen_follows_a_snapshot_taken_elsewhere(qtbot, ctx, view) -> None:
    snapshots.take(ctx.db, "Rapport annuel 2020", date(2020, 12, 31))
    assert view.model.rowCount() == 0
    ctx.data_changed.emit(Scope.SNAPSHOTS, ())
    assert cells(view.model)[0][0] == "Rapport annuel 2020"

"""The Clusters screen of the national view: every pole with its code, regions and number of
projects, searchable; create, edit, merge one into another, delete an empty one — each undoable."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from ...domain.filters import ProjectFilter
from ...domain.text import fold
from ...services import clusters
from ...services.clusters import ClusterRow
from .. import commands
from ..context import AppContext, Scope
from ..dialogs.cluster_editors import (
    HINT_STYLE,
    ClusterDialog,
    ClusterMergeDialog,
    region_names,
)
from ..models.reference_table import Column, ReferenceTableModel
from ..widgets.tables import fit_headers
from .reference_base import ReferenceView, selected_rows


@dataclass(frozen=True, slots=True)
class ClusterLine:
    """A line of the poles table: the service's row, its regions named, and what search reads."""

    id: int
    row: ClusterRow
    regions: str
    search_key: str


def load_clusters(db: Any) -> list[ClusterLine]:
    """The poles (sorted by name by the service), their regions in words (in the reader)."""
    lines = []
    for row in clusters.list_clusters(db):
        regions = region_names(row.regions)
        lines.append(
            ClusterLine(row.id, row, regions, fold(" ".join([row.code, row.name, regions])))
        )
    return lines


class ClustersView(ReferenceView):
    """The poles table and its actions."""

    SCOPES = (Scope.CLUSTERS, Scope.PROJECTS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("clustersView")
        self._lines: list[ClusterLine] = []
        self._dialog: Any = None
        self._pending: int | None = None

        self.search = QLineEdit()
        self.search.setObjectName("clusterSearch")
        self.search.setPlaceholderText(self.tr("Search a code, a name, a region…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._show())
        self.count = QLabel()
        self.count.setObjectName("clusterCount")
        self.model = ReferenceTableModel(
            [
                Column("code", self.tr("Code"), lambda r: r.row.code),
                Column("name", self.tr("Cluster"), lambda r: r.row.name),
                Column("regions", self.tr("Regions"), lambda r: r.regions),
                Column("projects", self.tr("Projects"), lambda r: r.row.projects, "int"),
            ],
            self,
        )
        self.table = self.make_table(self.model, "clustersTable", stretch=2)
        for column, width in enumerate((110, 360, 300, 100)):
            self.table.setColumnWidth(column, width)
        fit_headers(self.table)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.add_actions(
            self.table,
            self.edit_selected,
            self.delete_selected,
            [
                (self.tr("Edit…"), self.edit_selected),
                (self.tr("Merge into…"), self.merge_selected),
                (self.tr("Show projects"), self.show_selected_projects),
                (self.tr("Delete"), self.delete_selected),
            ],
        )
        self.new_button = self.make_button(self.tr("New cluster…"), self.new_cluster, "newCluster")
        self.edit_button = self.make_button(self.tr("Edit…"), self.edit_selected, "editCluster")
        self.merge_button = self.make_button(
            self.tr("Merge into…"), self.merge_selected, "mergeCluster"
        )
        self.merge_button.setToolTip(
            self.tr(
                "Moves every project of the selected cluster into another one, then deletes it."
            )
        )
        self.delete_button = self.make_button(
            self.tr("Delete"), self.delete_selected, "deleteCluster"
        )
        self.projects_button = self.make_button(
            self.tr("Show projects"), self.show_selected_projects, "clusterProjects"
        )
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        actions = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.merge_button,
            self.delete_button,
            self.projects_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        hint = QLabel(
            self.tr(
                "Each project belongs to one cluster; workbooks name it by its code. Merging a "
                "cluster into another moves all its projects there. Only a cluster without "
                "projects can be deleted."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()
        if ctx.db is not None:
            self.reload()

    # -- loading -----------------------------------------------------------------------------------

    def reload(self) -> None:
        db = self.ctx.db
        if db is None:
            self._lines = []
            self._show()
            return
        latest = self.next_generation()

        def done(lines: list[ClusterLine]) -> None:
            if latest():
                self._lines = lines
                self._show()

        self.ctx.read(load_clusters, db, on_done=done, on_error=self.failed)

    def _show(self) -> None:
        """Filters in memory (57 poles nationally) and keeps the selection."""
        current = self.current()
        text = fold(self.search.text())
        lines = [r for r in self._lines if text in r.search_key] if text else self._lines
        self.model.set_rows(lines)
        pending, self._pending = self._pending, None
        wanted = pending if pending is not None else (current.id if current is not None else None)
        row = self.model.row_of(wanted) if wanted is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        if text:
            self.count.setText(
                self.tr("%1 of %Ln cluster(s)", "", len(self._lines)).replace("%1", str(len(lines)))
            )
        else:
            self.count.setText(self.tr("%Ln cluster(s)", "", len(lines)))
        self._update_buttons()

    # -- selection ---------------------------------------------------------------------------------

    def rows(self) -> list[ClusterRow]:
        """Every pole (not only those the search shows)."""
        return [line.row for line in self._lines]

    def current(self) -> ClusterRow | None:
        rows = selected_rows(self.table)
        return self.model.row(rows[0]).row if len(rows) == 1 else None

    def select(self, cluster_id: int) -> None:
        row = self.model.row_of(cluster_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        one = self.current() is not None
        self.edit_button.setEnabled(one)
        self.delete_button.setEnabled(one)
        self.projects_button.setEnabled(one)
        self.merge_button.setEnabled(one and len(self._lines) > 1)

    # -- actions -----------------------------------------------------------------------------------

    def new_cluster(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        row = self.current()
        if row is not None:
            self._open(row)

    def _open(self, row: ClusterRow | None) -> None:
        if self.ctx.db is None:
            return
        dialog = ClusterDialog(self.ctx, row, self.rows(), self)
        self.open_editor(dialog, lambda row_id: setattr(self, "_pending", row_id))

    def merge_selected(self) -> None:
        merged = self.current()
        if merged is None or self.ctx.db is None or len(self._lines) < 2:
            return
        dialog = ClusterMergeDialog(merged, self.rows(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._merge(merged, dialog.kept()))
        self._dialog = dialog
        dialog.open()

    def _merge(self, merged: ClusterRow, kept: ClusterRow | None) -> None:
        if kept is None:
            return
        text = self.tr("Merge cluster %1 into %2").replace("%1", merged.name)
        self.run(
            commands.merge_clusters(self.ctx, kept.id, merged.id, text.replace("%2", kept.name)),
            on_done=lambda _state: setattr(self, "_pending", kept.id),
            title=self.tr("Cannot merge"),
        )

    def delete_selected(self) -> None:
        row = self.current()
        if row is None or self.ctx.db is None:
            return
        if row.projects:
            self.refuse_delete(
                self.tr(
                    "“%1” cannot be deleted: %Ln project(s) belong to it. Merge it into another "
                    "cluster instead.",
                    "",
                    row.projects,
                ).replace("%1", row.name)
            )
            return
        if len(self._lines) < 2:
            self.refuse_delete(
                self.tr("“%1” is the only cluster: the portfolio needs one.").replace(
                    "%1", row.name
                )
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Delete the cluster “%1”? You can undo this.").replace("%1", row.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.run(
                commands.remove_cluster(
                    self.ctx, row.id, self.tr("Delete cluster %1").replace("%1", row.name)
                ),
                title=self.tr("Cannot delete"),
            )

    def show_selected_projects(self) -> None:
        row = self.current()
        if row is not None:
            self.show_projects.emit(ProjectFilter(cluster_ids=(row.id,)))

"""The Organisations screen: search as you type, kind and membership filters, the table of every
organisation (38,000 in the national demo: ids sorted in SQL, rows read by page), create, edit,
delete, merge duplicates, and a way to see an organisation's projects."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import OrganisationKind
from ...domain.filters import ProjectFilter
from ...domain.model import OrganisationRecord
from ...services import reference
from ...services.reference import OrganisationRow
from .. import commands, formatting
from ..context import AppContext, Scope
from ..dialogs.organisation_editor import OrganisationDialog
from ..dialogs.organisation_merge import OrganisationMergeDialog
from ..models.reference_organisations import OrganisationTableModel
from ..widgets.checkable_combo import CheckableComboBox
from ..widgets.tables import fit_headers
from .reference_base import ReferenceView, selected_rows

SEARCH_DELAY_MS = 120


class OrganisationsView(ReferenceView):
    """Organisations: the searchable table and its actions."""

    SCOPES = (Scope.ORGANISATIONS, Scope.PROJECTS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("organisationsView")
        self._dialog: Any = None
        #: Rows to select once the reload that a write triggers has answered.
        self._pending: list[int] = []

        self.search = QLineEdit()
        self.search.setObjectName("organisationSearch")
        self.search.setPlaceholderText(self.tr("Search a name, a city or a SIREN…"))
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.kinds = CheckableComboBox(self.tr("All kinds"))
        self.kinds.setObjectName("organisationKinds")
        self.kinds.setMinimumWidth(180)
        self.kinds.set_items(
            [(formatting.label("OrganisationKind", k.value), k.value) for k in OrganisationKind]
        )
        self.kinds.selection_changed.connect(lambda _v: self.reload())
        self.members_only = QCheckBox(self.tr("Members only"))
        self.members_only.setObjectName("organisationMembersOnly")
        self.members_only.toggled.connect(lambda _on: self.reload())
        self.count = QLabel()
        self.count.setObjectName("organisationCount")

        self.new_button = self.make_button(
            self.tr("New…"), self.new_organisation, "newOrganisation"
        )
        self.edit_button = self.make_button(
            self.tr("Edit…"), self.edit_selected, "editOrganisation"
        )
        self.delete_button = self.make_button(
            self.tr("Delete"), self.delete_selected, "deleteOrganisation"
        )
        self.merge_button = self.make_button(
            self.tr("Merge…"), self.merge_selected, "mergeOrganisations"
        )
        self.merge_button.setToolTip(
            self.tr("Select two or more rows that are the same organisation, then merge them.")
        )
        self.projects_button = self.make_button(
            self.tr("Show projects"), self.show_selected_projects, "organisationProjects"
        )

        self.model = OrganisationTableModel(self._fetch_rows, self)
        self.table = self.make_table(self.model, "organisationsTable", stretch=0)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.model.sort_requested.connect(lambda _k, _d: self.reload())
        for column, width in enumerate((320, 170, 100, 190, 150, 70, 80)):
            self.table.setColumnWidth(column, width)
        fit_headers(self.table)
        self.add_actions(
            self.table,
            self.edit_selected,
            self.delete_selected,
            [
                (self.tr("Edit…"), self.edit_selected),
                (self.tr("Show projects"), self.show_selected_projects),
                (self.tr("Merge…"), self.merge_selected),
                (self.tr("Delete"), self.delete_selected),
            ],
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.kinds)
        bar.addWidget(self.members_only)
        actions = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.merge_button,
            self.projects_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        self._update_buttons()
        if ctx.db is not None:
            self.reload()

    # -- loading -----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Runs the searched, filtered, sorted query off the GUI thread; stale answers are dropped."""
        self._timer.stop()
        db = self.ctx.db
        if db is None:
            self.model.set_ids([])
            return
        current = self.selected_ids()
        latest = self.next_generation()

        def done(ids: list[int]) -> None:
            if not latest():
                return
            self.model.set_ids(ids)
            self.count.setText(self.tr("%Ln organisation(s)", "", len(ids)))
            pending, self._pending = self._pending, []
            self._reselect(pending or current)

        self.ctx.read(
            reference.organisation_ids,
            db,
            self.search.text(),
            kinds=tuple(self.kinds.checked_values()),
            members_only=self.members_only.isChecked(),
            sort_key=self.model.sort_key,
            descending=self.model.descending,
            on_done=done,
            on_error=self.failed,
        )

    def _fetch_rows(self, ids: Any) -> list[OrganisationRow]:
        if self.ctx.db is None:
            return []
        return reference.organisation_rows(self.ctx.db, ids)

    def _reselect(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        for organisation_id in ids:
            row = self.model.row_of(organisation_id)
            if row >= 0:
                index = self.model.index(row, 0)
                selection.select(
                    index,
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)

    # -- selection ---------------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return [self.model.organisation_id(r) for r in selected_rows(self.table)]

    def selected_records(self) -> list[OrganisationRow]:
        rows = [self.model.record(r) for r in selected_rows(self.table)]
        return [r for r in rows if r is not None]

    def select_ids(self, ids: list[int]) -> None:
        self.table.clearSelection()
        self._reselect(ids)

    def _update_buttons(self) -> None:
        count = len(selected_rows(self.table))
        self.edit_button.setEnabled(count == 1)
        self.projects_button.setEnabled(count >= 1)
        self.delete_button.setEnabled(count >= 1)
        self.merge_button.setEnabled(count >= 2)

    # -- actions -----------------------------------------------------------------------------------

    def new_organisation(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1 or self.ctx.db is None:
            return
        self.ctx.read(
            reference.load_organisation,
            self.ctx.db,
            ids[0],
            on_done=self._open_dialog,
            on_error=self.failed,
        )

    def _open_dialog(self, record: OrganisationRecord | None) -> None:
        dialog = OrganisationDialog(self.ctx, record, self)
        self.open_editor(dialog, lambda org_id: setattr(self, "_pending", [org_id]))

    def delete_selected(self) -> None:
        rows = self.selected_records()
        if not rows or self.ctx.db is None:
            return
        used = [r for r in rows if r.projects]
        if used:
            lines = [
                self.tr("%1: %Ln project(s)", "", r.projects).replace("%1", r.name)
                for r in used[:10]
            ]
            QMessageBox.warning(
                self,
                self.tr("Cannot delete"),
                self.tr(
                    "These organisations take part in projects and cannot be deleted. Remove them "
                    "from the projects first, or merge them into another organisation."
                )
                + "\n\n"
                + "\n".join(lines),
            )
            return
        question = (
            self.tr("Delete “%1”? You can undo this.").replace("%1", rows[0].name)
            if len(rows) == 1
            else self.tr("Delete %Ln organisation(s)? You can undo this.", "", len(rows))
        )
        answer = QMessageBox.question(self, self.tr("Delete organisations"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        text = (
            self.tr("Delete organisation %1").replace("%1", rows[0].name)
            if len(rows) == 1
            else self.tr("Delete %Ln organisation(s)", "", len(rows))
        )
        self.run(
            commands.remove_organisations(self.ctx, [r.id for r in rows], text),
            title=self.tr("Cannot delete"),
        )

    def merge_selected(self) -> None:
        rows = self.selected_records()
        if len(rows) < 2 or self.ctx.db is None:
            return
        dialog = OrganisationMergeDialog(rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._merge(rows, dialog.keep_id(), dialog.merged_ids()))
        self._dialog = dialog
        dialog.open()

    def _merge(self, rows: list[OrganisationRow], keep: int, merged: list[int]) -> None:
        kept_name = next(r.name for r in rows if r.id == keep)
        text = self.tr("Merge %Ln organisation(s) into %1", "", len(merged))
        self.run(
            commands.merge_organisations(self.ctx, keep, merged, text.replace("%1", kept_name)),
            on_done=lambda _state: setattr(self, "_pending", [keep]),
            title=self.tr("Cannot merge"),
        )

    def show_selected_projects(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.show_projects.emit(ProjectFilter(organisation_ids=tuple(ids)))

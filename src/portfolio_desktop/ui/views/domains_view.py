"""The Domains screen: the technology domains of the roadmap, their colour, whether new splits may
use them, their order (lists, legends, charts), how many projects use them and, in a base of
several poles, the pole whose roadmap a domain is (or every pole)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.filters import ProjectFilter
from ...domain.text import fold
from ...services import reference
from ...services.reference import RowSnapshot
from .. import commands
from ..context import AppContext, Scope
from ..dialogs.reference_editors import DomainDialog
from ..models.reference_table import Column, ReferenceTableModel
from .reference_base import ReferenceView, selected_rows

#: Colours offered to a new domain, in turn (Okabe–Ito: readable by colour-blind readers).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")


@dataclass(frozen=True, slots=True)
class DomainRow:
    """A line of the domains table."""

    id: int
    name: str
    colour: str
    active: bool
    position: int
    projects: int
    # The pole whose roadmap the domain is (None: every pole shares it), and its name.
    cluster_id: int | None = None
    pole: str = ""


@dataclass(frozen=True, slots=True)
class DomainsData:
    rows: list[DomainRow]
    # Every pole, (name, id) by name: what the form offers a domain to.
    poles: list[tuple[str, int]]


def load_domains(db: Any) -> DomainsData:
    poles = {c.id: c.name for c in reference.clusters(db)}
    rows = [
        DomainRow(
            d.id,
            d.name,
            d.extra[0],
            bool(d.extra[1]),
            d.extra[2],
            d.extra[3],
            d.extra[4],
            poles.get(d.extra[4], "") if d.extra[4] is not None else "",
        )
        for d in reference.domains(db)
    ]
    return DomainsData(rows, sorted(((n, i) for i, n in poles.items()), key=lambda p: fold(p[0])))


class DomainsView(ReferenceView):
    """The domains, in their order; not sortable by header (the order is the data)."""

    SCOPES = (Scope.DOMAINS, Scope.PROJECTS, Scope.CLUSTERS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("domainsView")
        self._dialog: Any = None
        self._pending: int | None = None

        self.model = ReferenceTableModel(
            [
                Column("position", "#", lambda r: r.position + 1, "int"),
                Column("name", self.tr("Domain"), lambda r: r.name),
                Column("colour", self.tr("Colour"), lambda r: r.colour, "colour"),
                Column("active", self.tr("Active"), lambda r: r.active, "bool"),
                Column("projects", self.tr("Projects"), lambda r: r.projects, "int"),
                Column("pole", self.tr("Cluster"), lambda r: r.pole or self.tr("Every cluster")),
            ],
            self,
        )
        self.poles: list[tuple[str, int]] = []
        self.table = self.make_table(self.model, "domainsTable", sorting=False, stretch=1)
        for column, width in ((0, 40), (2, 110), (3, 70), (4, 90), (5, 200)):
            self.table.setColumnWidth(column, width)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.add_actions(
            self.table,
            self.edit_selected,
            self.delete_selected,
            [
                (self.tr("Edit…"), self.edit_selected),
                (self.tr("Show projects"), self.show_selected_projects),
                (self.tr("Move up"), lambda: self.move_selected(-1)),
                (self.tr("Move down"), lambda: self.move_selected(1)),
                (self.tr("Delete"), self.delete_selected),
            ],
        )
        self.new_button = self.make_button(self.tr("New…"), self.new_domain, "newDomain")
        self.edit_button = self.make_button(self.tr("Edit…"), self.edit_selected, "editDomain")
        self.delete_button = self.make_button(
            self.tr("Delete"), self.delete_selected, "deleteDomain"
        )
        self.up_button = self.make_button(
            self.tr("Move up"), lambda: self.move_selected(-1), "domainUp"
        )
        self.down_button = self.make_button(
            self.tr("Move down"), lambda: self.move_selected(1), "domainDown"
        )
        self.projects_button = self.make_button(
            self.tr("Show projects"), self.show_selected_projects, "domainProjects"
        )
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.projects_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "The order here is the order of the domains in lists, legends and charts. "
                "Inactive domains stay on the projects that use them but are not offered for "
                "new splits."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()
        if ctx.db is not None:
            self.reload()

    def reload(self) -> None:
        db = self.ctx.db
        if db is None:
            self.model.set_rows([])
            return
        latest = self.next_generation()
        current = self.current()
        keep = current.id if current is not None else None

        def done(data: DomainsData) -> None:
            if not latest():
                return
            self.poles = data.poles
            # The pole column says something only in a base of several poles (or once a domain
            # belongs to one).
            self.table.setColumnHidden(
                5, len(data.poles) < 2 and all(r.cluster_id is None for r in data.rows)
            )
            self.model.set_rows(data.rows)
            pending, self._pending = self._pending, None
            self.select(pending if pending is not None else keep)

        self.ctx.read(load_domains, db, on_done=done, on_error=self.failed)

    def current(self) -> DomainRow | None:
        rows = selected_rows(self.table)
        return self.model.row(rows[0]) if rows else None

    def select(self, domain_id: int | None) -> None:
        row = self.model.row_of(domain_id) if domain_id is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        rows = selected_rows(self.table)
        one = len(rows) == 1
        for button in (self.edit_button, self.delete_button, self.projects_button):
            button.setEnabled(one)
        self.up_button.setEnabled(one and rows[0] > 0)
        self.down_button.setEnabled(one and rows[0] < self.model.rowCount() - 1)

    # -- actions -----------------------------------------------------------------------------------

    def new_domain(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        domain = self.current()
        if domain is not None:
            self.edit_row("domain", domain.id, self._open)

    def _open(self, snapshot: RowSnapshot | None) -> None:
        used = {r.colour.upper() for r in self.model.rows()}
        colour = next((c for c in PALETTE if c not in used), PALETTE[len(used) % len(PALETTE)])
        dialog = DomainDialog(
            self.ctx,
            snapshot,
            [r.name for r in self.model.rows()],
            self,
            colour=colour,
            poles=self.poles,
        )
        self.open_editor(dialog, lambda row_id: setattr(self, "_pending", row_id))

    def delete_selected(self) -> None:
        domain = self.current()
        if domain is None:
            return
        if domain.projects:
            self.refuse_delete(
                self.tr(
                    "“%1” cannot be deleted: %Ln project(s) are classified in it. Make it "
                    "inactive instead: it will no longer be offered for new splits.",
                    "",
                    domain.projects,
                ).replace("%1", domain.name)
            )
            return
        self.delete_row(
            "domain",
            domain.id,
            self.tr("Delete the domain “%1”? You can undo this.").replace("%1", domain.name),
            self.tr("Delete domain %1").replace("%1", domain.name),
        )

    def move_selected(self, step: int) -> None:
        domain = self.current()
        if domain is None:
            return
        before = [r.id for r in self.model.rows()]
        index = before.index(domain.id)
        target = index + step
        if not 0 <= target < len(before):
            return
        after = list(before)
        after[index], after[target] = after[target], after[index]
        text = (
            self.tr("Move domain %1 up") if step < 0 else self.tr("Move domain %1 down")
        ).replace("%1", domain.name)
        self._pending = domain.id
        self.run(commands.reorder_domains(self.ctx, before, after, text))

    def show_selected_projects(self) -> None:
        domain = self.current()
        if domain is not None:
            self.show_projects.emit(ProjectFilter(domain_ids=(domain.id,)))

"""The Experts screen: who evaluates projects, which domains they cover, which organisations they
are tied to (an expert never evaluates a project of an organisation they are tied to), and how
many evaluations they wrote."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...domain.text import fold
from ...services import reference
from ...services.reference import RowSnapshot
from ..context import AppContext, Scope
from ..dialogs.reference_editors import ExpertChoices, ExpertDialog
from ..models.reference_table import Column, ReferenceTableModel
from .reference_base import ReferenceView, selected_rows


@dataclass(frozen=True, slots=True)
class ExpertRow:
    """A line of the experts table (names resolved, for display and search)."""

    id: int
    name: str
    email: str
    affiliation: str
    domain_ids: tuple[int, ...]
    domains: str
    tie_ids: tuple[int, ...]
    ties: str
    evaluations: int
    search_key: str


@dataclass(slots=True)
class ExpertsData:
    rows: list[ExpertRow] = field(default_factory=list)
    choices: ExpertChoices = field(default_factory=ExpertChoices)


def load_experts(db: Any) -> ExpertsData:
    """The experts, every domain, and the names of the organisations they are tied to."""
    experts = reference.experts(db)
    domains = reference.domains(db)
    domain_names = {d.id: d.name for d in domains}
    tie_ids = sorted({i for e in experts for i in e.extra[3]})
    organisations = reference.organisation_names_by_id(db, tie_ids)
    rows = []
    for e in experts:
        email, affiliation, d_ids, t_ids, evaluations = e.extra
        domains_text = ", ".join(domain_names[i] for i in d_ids if i in domain_names)
        ties_text = ", ".join(sorted((organisations.get(i, "") for i in t_ids), key=fold))
        rows.append(
            ExpertRow(
                e.id,
                e.name,
                email or "",
                affiliation or "",
                tuple(d_ids),
                domains_text,
                tuple(t_ids),
                ties_text,
                evaluations,
                fold(" ".join([e.name, email or "", affiliation or "", domains_text, ties_text])),
            )
        )
    return ExpertsData(
        rows,
        ExpertChoices([(d.name, d.id, bool(d.extra[1])) for d in domains], organisations),
    )


class ExpertsView(ReferenceView):
    """The experts table, searchable; create, edit, delete (refused while they have evaluations)."""

    SCOPES = (Scope.EXPERTS, Scope.DOMAINS, Scope.ORGANISATIONS, Scope.PROJECTS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("expertsView")
        self._data = ExpertsData()
        self._dialog: Any = None
        self._pending: int | None = None

        self.search = QLineEdit()
        self.search.setObjectName("expertSearch")
        self.search.setPlaceholderText(
            self.tr("Search a name, an e-mail, a domain, an organisation…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._show())
        self.count = QLabel()
        self.model = ReferenceTableModel(
            [
                Column("name", self.tr("Name"), lambda r: r.name),
                Column("email", self.tr("E-mail"), lambda r: r.email),
                Column("affiliation", self.tr("Affiliation"), lambda r: r.affiliation),
                Column("domains", self.tr("Domains"), lambda r: r.domains),
                Column("ties", self.tr("Tied to"), lambda r: r.ties, tooltip=lambda r: r.ties),
                Column("evaluations", self.tr("Evaluations"), lambda r: r.evaluations, "int"),
            ],
            self,
        )
        self.table = self.make_table(self.model, "expertsTable", stretch=3)
        for column, width in enumerate((170, 240, 170, 260, 230, 90)):
            self.table.setColumnWidth(column, width)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.add_actions(
            self.table,
            self.edit_selected,
            self.delete_selected,
            [(self.tr("Edit…"), self.edit_selected), (self.tr("Delete"), self.delete_selected)],
        )
        self.new_button = self.make_button(self.tr("New…"), self.new_expert, "newExpert")
        self.edit_button = self.make_button(self.tr("Edit…"), self.edit_selected, "editExpert")
        self.delete_button = self.make_button(
            self.tr("Delete"), self.delete_selected, "deleteExpert"
        )
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()
        if ctx.db is not None:
            self.reload()

    def reload(self) -> None:
        db = self.ctx.db
        if db is None:
            self._data = ExpertsData()
            self._show()
            return
        latest = self.next_generation()

        def done(data: ExpertsData) -> None:
            if latest():
                self._data = data
                self._show()

        self.ctx.read(load_experts, db, on_done=done, on_error=self.failed)

    def _show(self) -> None:
        """Filters in memory (a few thousand experts at most) and keeps the selection."""
        current = self.current()
        text = fold(self.search.text())
        rows = [r for r in self._data.rows if text in r.search_key] if text else self._data.rows
        self.model.set_rows(rows)
        pending, self._pending = self._pending, None
        wanted = pending if pending is not None else (current.id if current is not None else None)
        row = self.model.row_of(wanted) if wanted is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        self.count.setText(self.tr("%Ln expert(s)", "", len(rows)))

    def current(self) -> ExpertRow | None:
        rows = selected_rows(self.table)
        return self.model.row(rows[0]) if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        one = self.current() is not None
        self.edit_button.setEnabled(one)
        self.delete_button.setEnabled(one)

    # -- actions -----------------------------------------------------------------------------------

    def new_expert(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        expert = self.current()
        if expert is not None:
            self.edit_row("expert", expert.id, self._open)

    def _open(self, snapshot: RowSnapshot | None) -> None:
        evaluations = next(
            (r.evaluations for r in self._data.rows if snapshot and r.id == snapshot.id), 0
        )
        dialog = ExpertDialog(self.ctx, self._data.choices, snapshot, evaluations, self)
        self.open_editor(dialog, lambda row_id: setattr(self, "_pending", row_id))

    def delete_selected(self) -> None:
        expert = self.current()
        if expert is None:
            return
        if expert.evaluations:
            self.refuse_delete(
                self.tr(
                    "“%1” cannot be deleted: %Ln evaluation(s) written by this expert are kept "
                    "with the projects.",
                    "",
                    expert.evaluations,
                ).replace("%1", expert.name)
            )
            return
        self.delete_row(
            "expert",
            expert.id,
            self.tr("Delete the expert “%1”? You can undo this.").replace("%1", expert.name),
            self.tr("Delete expert %1").replace("%1", expert.name),
        )

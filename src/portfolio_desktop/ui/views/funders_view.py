"""The Funders & calls screen: funders (name, kind, how much uses them) beside the calls for
proposals (name, funder, programme, year, projects); create, edit, delete (refused while used).
Under them, the aid-rate rules (issue 14): those of the selected call or funder, or all of them;
create, edit, delete."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.filters import ProjectFilter
from ...domain.text import fold
from ...services import reference
from ...services.reference import NamedRow, RowSnapshot, RuleLine
from .. import commands, formatting
from ..context import AppContext, Scope
from ..dialogs.aid_rate_rule_dialog import AidRateRuleDialog
from ..dialogs.history_view import capitalised
from ..dialogs.reference_editors import CallDialog, Choice, FunderDialog
from ..models.reference_table import Column, ReferenceTableModel
from ..widgets.tables import fit_headers
from .reference_base import ReferenceView, selected_rows


@dataclass(frozen=True, slots=True)
class FunderRow:
    """A line of the funders table."""

    id: int
    name: str
    kind: str
    calls: int
    lines: int


@dataclass(frozen=True, slots=True)
class CallRow:
    """A line of the calls table."""

    id: int
    name: str
    funder_id: int | None
    funder: str
    programme: str
    year: int | None
    projects: int


@dataclass(slots=True)
class FundersData:
    funders: list[FunderRow] = field(default_factory=list)
    calls: list[CallRow] = field(default_factory=list)
    rules: list[RuleLine] = field(default_factory=list)


def load_funders(db: Any) -> FundersData:
    """Both tables in one worker call; the counts come from SQL."""
    funder_rows: list[NamedRow] = reference.funders(db)
    call_rows: list[NamedRow] = reference.calls(db)
    names = {f.id: f.name for f in funder_rows}
    calls_per_funder = Counter(c.extra[0] for c in call_rows)
    return FundersData(
        [
            FunderRow(f.id, f.name, f.extra[0], calls_per_funder[f.id], f.extra[1])
            for f in funder_rows
        ],
        [
            CallRow(
                c.id,
                c.name,
                c.extra[0],
                names.get(c.extra[0], ""),
                c.extra[1] or "",
                c.extra[2],
                c.extra[3],
            )
            for c in call_rows
        ],
        reference.aid_rate_rules(db),
    )


class FundersView(ReferenceView):
    """Funders on the left, calls for proposals on the right."""

    SCOPES = (Scope.FUNDERS, Scope.CALLS, Scope.PROJECTS, Scope.RULES)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("fundersView")
        self._all_calls: list[CallRow] = []
        self._dialog: Any = None
        #: A row to select once the reload a write triggers has answered: (table, id).
        self._pending: tuple[str, int] | None = None
        self._all_rules: list[RuleLine] = []
        #: Which table the user selected in last ("call" or "funder"): whose rules are shown.
        self._focus = ""

        self.funders = ReferenceTableModel(
            [
                Column("name", self.tr("Funder"), lambda r: r.name),
                Column("kind", self.tr("Kind"), lambda r: r.kind, "label:FunderKind"),
                Column("calls", self.tr("Calls"), lambda r: r.calls, "int"),
                Column("lines", self.tr("Funding lines"), lambda r: r.lines, "int"),
            ],
            self,
        )
        self.funders_table = self.make_table(self.funders, "fundersTable", stretch=0)
        for column, width in ((1, 140), (2, 60), (3, 100)):
            self.funders_table.setColumnWidth(column, width)
        fit_headers(self.funders_table)
        self.funders_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.add_actions(
            self.funders_table,
            self.edit_funder,
            self.delete_funder,
            [
                (self.tr("Edit…"), self.edit_funder),
                (self.tr("Show projects"), self.show_funder_projects),
                (self.tr("Delete"), self.delete_funder),
            ],
        )
        self.new_funder_button = self.make_button(
            self.tr("New funder…"), self.new_funder, "newFunder"
        )
        self.edit_funder_button = self.make_button(self.tr("Edit…"), self.edit_funder, "editFunder")
        self.delete_funder_button = self.make_button(
            self.tr("Delete"), self.delete_funder, "deleteFunder"
        )
        self.funder_projects_button = self.make_button(
            self.tr("Show projects"), self.show_funder_projects, "funderProjects"
        )

        self.calls = ReferenceTableModel(
            [
                Column("name", self.tr("Call for proposals"), lambda r: r.name),
                Column("funder", self.tr("Funder"), lambda r: r.funder),
                Column("programme", self.tr("Programme"), lambda r: r.programme),
                Column("year", self.tr("Year"), lambda r: r.year, "year"),
                Column("projects", self.tr("Projects"), lambda r: r.projects, "int"),
            ],
            self,
        )
        self.calls_table = self.make_table(self.calls, "callsTable", stretch=0)
        for column, width in ((1, 190), (2, 190), (3, 60), (4, 70)):
            self.calls_table.setColumnWidth(column, width)
        fit_headers(self.calls_table)
        self.calls_table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.add_actions(
            self.calls_table,
            self.edit_call,
            self.delete_call,
            [
                (self.tr("Edit…"), self.edit_call),
                (self.tr("Show projects"), self.show_call_projects),
                (self.tr("Delete"), self.delete_call),
            ],
        )
        self.call_search = QLineEdit()
        self.call_search.setObjectName("callSearch")
        self.call_search.setPlaceholderText(self.tr("Search calls…"))
        self.call_search.setClearButtonEnabled(True)
        self.call_search.textChanged.connect(lambda _t: self._show_calls())
        self.only_funder = QCheckBox(self.tr("Only the selected funder's calls"))
        self.only_funder.setObjectName("onlyFunderCalls")
        self.only_funder.toggled.connect(lambda _on: self._show_calls())
        self.new_call_button = self.make_button(self.tr("New call…"), self.new_call, "newCall")
        self.edit_call_button = self.make_button(self.tr("Edit…"), self.edit_call, "editCall")
        self.delete_call_button = self.make_button(
            self.tr("Delete"), self.delete_call, "deleteCall"
        )
        self.call_projects_button = self.make_button(
            self.tr("Show projects"), self.show_call_projects, "callProjects"
        )
        self.call_count = QLabel()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_buttons = QHBoxLayout()
        for button in (
            self.new_funder_button,
            self.edit_funder_button,
            self.delete_funder_button,
            self.funder_projects_button,
        ):
            left_buttons.addWidget(button)
        left_buttons.addStretch(1)
        left_layout.addWidget(QLabel("<b>" + self.tr("Funders") + "</b>"))
        left_layout.addLayout(left_buttons)
        left_layout.addWidget(self.funders_table, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.call_search, 1)
        filters.addWidget(self.only_funder)
        right_buttons = QHBoxLayout()
        for button in (
            self.new_call_button,
            self.edit_call_button,
            self.delete_call_button,
            self.call_projects_button,
        ):
            right_buttons.addWidget(button)
        right_buttons.addStretch(1)
        right_buttons.addWidget(self.call_count)
        right_layout.addWidget(QLabel("<b>" + self.tr("Calls for proposals") + "</b>"))
        right_layout.addLayout(filters)
        right_layout.addLayout(right_buttons)
        right_layout.addWidget(self.calls_table, 1)

        self.splitter = QSplitter()
        self.splitter.setObjectName("fundersSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 780])

        self._build_rules()
        self.rules_splitter = QSplitter(Qt.Orientation.Vertical)
        self.rules_splitter.setObjectName("rulesSplitter")
        self.rules_splitter.addWidget(self.splitter)
        self.rules_splitter.addWidget(self.rules_box)
        self.rules_splitter.setStretchFactor(0, 3)
        self.rules_splitter.setStretchFactor(1, 2)
        self.rules_splitter.setSizes([420, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.rules_splitter)

        self.funders_table.selectionModel().selectionChanged.connect(self._funder_selected)
        self.calls_table.selectionModel().selectionChanged.connect(self._call_selected)
        self.rules_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self._update_buttons()
        if ctx.db is not None:
            self.reload()

    # -- loading -----------------------------------------------------------------------------------

    def reload(self) -> None:
        db = self.ctx.db
        if db is None:
            self.funders.set_rows([])
            self._all_calls = []
            self._all_rules = []
            self._show_calls()
            return
        latest = self.next_generation()
        funder_ids = self._selected_ids(self.funders_table, self.funders)
        call_ids = self._selected_ids(self.calls_table, self.calls)
        rule_ids = self._selected_ids(self.rules_table, self.rules)

        def done(data: FundersData) -> None:
            if not latest():
                return
            self.funders.set_rows(data.funders)
            self._all_calls = data.calls
            self._select(self.funders_table, self.funders, funder_ids)
            self._show_calls()
            self._select(self.calls_table, self.calls, call_ids)
            self._all_rules = data.rules
            self._show_rules()
            self._select(self.rules_table, self.rules, rule_ids)
            pending, self._pending = self._pending, None
            if pending is not None:
                select = {"funder": self.select_funder, "call": self.select_call}
                select.get(pending[0], self.select_rule)(pending[1])

        self.ctx.read(load_funders, db, on_done=done, on_error=self.failed)

    def _show_calls(self) -> None:
        calls = self._all_calls
        funder = self.current_funder()
        if self.only_funder.isChecked() and funder is not None:
            calls = [c for c in calls if c.funder_id == funder.id]
        text = fold(self.call_search.text())
        if text:
            calls = [
                c
                for c in calls
                if text in fold(f"{c.name} {c.funder} {c.programme} {c.year or ''}")
            ]
        selected = self._selected_ids(self.calls_table, self.calls)
        self.calls.set_rows(calls)
        self._select(self.calls_table, self.calls, selected)
        self.call_count.setText(self.tr("%Ln call(s)", "", len(calls)))
        self._update_buttons()

    # -- selection ---------------------------------------------------------------------------------

    @staticmethod
    def _selected_ids(table: Any, model: ReferenceTableModel) -> list[int]:
        return [model.row(r).id for r in selected_rows(table)]

    @staticmethod
    def _select(table: Any, model: ReferenceTableModel, ids: list[int]) -> None:
        selection = table.selectionModel()
        for row_id in ids:
            row = model.row_of(row_id)
            if row >= 0:
                selection.select(
                    model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def current_funder(self) -> FunderRow | None:
        rows = selected_rows(self.funders_table)
        return self.funders.row(rows[0]) if len(rows) == 1 else None

    def current_call(self) -> CallRow | None:
        rows = selected_rows(self.calls_table)
        return self.calls.row(rows[0]) if len(rows) == 1 else None

    def select_funder(self, funder_id: int) -> None:
        self.funders_table.clearSelection()
        self._select(self.funders_table, self.funders, [funder_id])

    def select_call(self, call_id: int) -> None:
        self.calls_table.clearSelection()
        self._select(self.calls_table, self.calls, [call_id])

    def _funder_selected(self, *_args: Any) -> None:
        if self.current_funder() is not None:
            self._focus = "funder"
        if self.only_funder.isChecked():
            self._show_calls()
        self._show_rules()
        self._update_buttons()

    def _call_selected(self, *_args: Any) -> None:
        if self.current_call() is not None:
            self._focus = "call"
        self._show_rules()
        self._update_buttons()

    def _update_buttons(self) -> None:
        funder = self.current_funder() is not None
        call = self.current_call() is not None
        for button in (
            self.edit_funder_button,
            self.delete_funder_button,
            self.funder_projects_button,
        ):
            button.setEnabled(funder)
        for button in (self.edit_call_button, self.delete_call_button, self.call_projects_button):
            button.setEnabled(call)
        rule = self.current_rule() is not None
        self.edit_rule_button.setEnabled(rule)
        self.delete_rule_button.setEnabled(rule)

    # -- funders -----------------------------------------------------------------------------------

    def new_funder(self) -> None:
        self._open_funder(None)

    def edit_funder(self) -> None:
        funder = self.current_funder()
        if funder is not None:
            self.edit_row("funder", funder.id, self._open_funder)

    def _open_funder(self, snapshot: RowSnapshot | None) -> None:
        dialog = FunderDialog(self.ctx, snapshot, [f.name for f in self.funders.rows()], self)
        self.open_editor(dialog, lambda row_id: setattr(self, "_pending", ("funder", row_id)))

    def delete_funder(self) -> None:
        funder = self.current_funder()
        if funder is None:
            return
        if funder.lines or funder.calls:
            self.refuse_delete(
                self.tr(
                    "“%1” cannot be deleted: %2 funding line(s) and %3 call(s) for proposals "
                    "still refer to it."
                )
                .replace("%1", funder.name)
                .replace("%2", str(funder.lines))
                .replace("%3", str(funder.calls))
            )
            return
        self.delete_row(
            "funder",
            funder.id,
            self.tr("Delete the funder “%1”? You can undo this.").replace("%1", funder.name),
            self.tr("Delete funder %1").replace("%1", funder.name),
        )

    def show_funder_projects(self) -> None:
        funder = self.current_funder()
        if funder is not None:
            self.show_projects.emit(ProjectFilter(funder_ids=(funder.id,)))

    # -- calls -------------------------------------------------------------------------------------

    def new_call(self) -> None:
        self._open_call(None)

    def edit_call(self) -> None:
        call = self.current_call()
        if call is not None:
            self.edit_row("call", call.id, self._open_call)

    def _open_call(self, snapshot: RowSnapshot | None) -> None:
        funder = self.current_funder()
        dialog = CallDialog(
            self.ctx,
            [Choice(f.id, f.name) for f in sorted(self.funders.rows(), key=lambda f: fold(f.name))],
            snapshot,
            [c.name for c in self._all_calls],
            self,
            funder_id=funder.id if funder is not None else None,
        )
        self.open_editor(dialog, lambda row_id: setattr(self, "_pending", ("call", row_id)))

    def delete_call(self) -> None:
        call = self.current_call()
        if call is None:
            return
        if call.projects:
            self.refuse_delete(
                self.tr(
                    "“%1” cannot be deleted: %Ln project(s) answered this call.", "", call.projects
                ).replace("%1", call.name)
            )
            return
        self.delete_row(
            "call",
            call.id,
            self.tr("Delete the call “%1”? You can undo this.").replace("%1", call.name),
            self.tr("Delete call %1").replace("%1", call.name),
        )

    def show_call_projects(self) -> None:
        call = self.current_call()
        if call is not None:
            self.show_projects.emit(ProjectFilter(call_ids=(call.id,)))

    # -- aid-rate rules ----------------------------------------------------------------------------

    def _build_rules(self) -> None:
        self.rules = ReferenceTableModel(
            [
                Column("scope", self.tr("Applies to"), self.scope_text),
                Column(
                    "kind",
                    self.tr("Kind of partner"),
                    lambda r: r.rule.partner_kind,
                    "label:OrganisationKind",
                ),
                Column("rate", self.tr("Maximum rate"), lambda r: r.rule.max_rate_bp, "rate_bp"),
                Column(
                    "base",
                    self.tr("Cost base"),
                    lambda r: capitalised(formatting.label("CostBase", r.rule.base)),
                ),
                Column("source", self.tr("Source"), lambda r: r.rule.source),
            ],
            self,
        )
        self.rules_table = self.make_table(self.rules, "rulesTable", stretch=4)
        for column, width in ((0, 300), (1, 190), (2, 110), (3, 160)):
            self.rules_table.setColumnWidth(column, width)
        self.rules_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Interactive
        )
        fit_headers(self.rules_table)
        self.rules_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.add_actions(
            self.rules_table,
            self.edit_rule,
            self.delete_rule,
            [(self.tr("Edit…"), self.edit_rule), (self.tr("Delete"), self.delete_rule)],
        )
        self.new_rule_button = self.make_button(self.tr("New rule…"), self.new_rule, "newRule")
        self.edit_rule_button = self.make_button(self.tr("Edit…"), self.edit_rule, "editRule")
        self.delete_rule_button = self.make_button(
            self.tr("Delete"), self.delete_rule, "deleteRule"
        )
        self.only_selection = QCheckBox(self.tr("Only the selected call's or funder's rules"))
        self.only_selection.setObjectName("onlySelectedRules")
        self.only_selection.setChecked(True)
        self.only_selection.toggled.connect(lambda _on: self._show_rules())
        self.rules_title = QLabel()
        self.rules_title.setObjectName("rulesTitle")
        self.rule_count = QLabel()
        self.rules_hint = QLabel()
        self.rules_hint.setObjectName("rulesHint")
        self.rules_hint.setWordWrap(True)
        self.rules_hint.setStyleSheet("color: #5f6368;")

        self.rules_box = QWidget()
        self.rules_box.setObjectName("rulesBox")
        box = QVBoxLayout(self.rules_box)
        box.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.rules_title, 1)
        top.addWidget(self.only_selection)
        buttons = QHBoxLayout()
        for button in (self.new_rule_button, self.edit_rule_button, self.delete_rule_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.rule_count)
        box.addLayout(top)
        box.addLayout(buttons)
        box.addWidget(self.rules_table, 1)
        box.addWidget(self.rules_hint)

    def scope_text(self, line: RuleLine) -> str:
        """What a rule applies to: its call, or its funder and instrument (or every one)."""
        if line.rule.call_id is not None:
            return line.call
        instrument = (
            formatting.label("Instrument", line.rule.instrument)
            if line.rule.instrument
            else self.tr("all instruments")
        )
        return f"{line.funder} · {instrument}"  # funders' names hold dashes already

    def selected_subject(self) -> tuple[str, Any] | None:
        """The call or funder selected last (a call over its funder when both are)."""
        call, funder = self.current_call(), self.current_funder()
        if call is not None and (self._focus == "call" or funder is None):
            return ("call", call)
        if funder is not None:
            return ("funder", funder)
        return None

    def rules_subject(self) -> tuple[str, Any] | None:
        """The call or funder whose rules the table shows (None: every rule)."""
        return self.selected_subject() if self.only_selection.isChecked() else None

    def _show_rules(self) -> None:
        subject = self.rules_subject()
        rules = self._all_rules
        title = "<b>" + self.tr("Aid-rate rules") + "</b>"
        hint = ""
        if subject is None:
            title += " — " + self.tr("every call and funder")
        elif subject[0] == "call":
            call = subject[1]
            rules = [r for r in rules if r.rule.call_id == call.id]
            title += " — " + self.tr("call %1").replace("%1", call.name)
            if not rules:
                hint = self.tr(
                    "No rule of its own: its projects' partners are checked against their "
                    "funders' rules, if any. « New rule… » enters the call's rates."
                )
        else:
            funder = subject[1]
            rules = [r for r in rules if funder.id in (r.rule.funder_id, r.call_funder_id)]
            title += " — " + self.tr("%1 and its calls").replace("%1", funder.name)
        self.rules_title.setText(title)
        self.rules_hint.setText(hint)
        self.rules_hint.setVisible(bool(hint))
        selected = self._selected_ids(self.rules_table, self.rules)
        self.rules.set_rows(rules)
        self._select(self.rules_table, self.rules, selected)
        self.rule_count.setText(self.tr("%Ln rule(s)", "", len(rules)))
        self._update_buttons()

    def current_rule(self) -> RuleLine | None:
        rows = selected_rows(self.rules_table)
        return self.rules.row(rows[0]) if len(rows) == 1 else None

    def select_rule(self, rule_id: int) -> None:
        if self.rules.row_of(rule_id) < 0 and self.only_selection.isChecked():
            self.only_selection.setChecked(False)  # saved outside the selection: show it
        self.rules_table.clearSelection()
        self._select(self.rules_table, self.rules, [rule_id])

    def _open_rule(self, line: RuleLine | None) -> None:
        # A new rule starts on the selected call or funder.
        kind, row = self.selected_subject() or ("", None)
        start = row.id if row is not None else None
        dialog = AidRateRuleDialog(
            self.ctx,
            [Choice(c.id, c.name) for c in sorted(self._all_calls, key=lambda c: fold(c.name))],
            [Choice(f.id, f.name) for f in sorted(self.funders.rows(), key=lambda f: fold(f.name))],
            self._all_rules,
            line,
            self,
            call_id=start if kind == "call" else None,
            funder_id=start if kind == "funder" else None,
        )
        self.open_editor(dialog, lambda row_id: setattr(self, "_pending", ("rule", row_id)))

    def new_rule(self) -> None:
        self._open_rule(None)

    def edit_rule(self) -> None:
        line = self.current_rule()
        if line is not None:
            self._open_rule(line)

    def delete_rule(self) -> None:
        line = self.current_rule()
        if line is None:
            return
        what = " · ".join(
            (
                self.scope_text(line),
                formatting.label("OrganisationKind", line.rule.partner_kind),
                formatting.rate_bp(line.rule.max_rate_bp),
            )
        )
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Delete the aid-rate rule “%1”? You can undo this.").replace("%1", what),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.run(
                commands.remove_rule(
                    self.ctx, line.id, self.tr("Delete aid-rate rule %1").replace("%1", what)
                ),
                title=self.tr("Cannot delete"),
            )

"""The project editor: every field of a project, its partners, funding lines, domain split, pipeline,
evaluations, responsible-digital assessment, history and notes.

Rules are checked as the user types (`domain.rules`, pure and fast) and shown next to the form;
nothing invalid is saved. Saving runs in the writer and becomes one undoable command.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ... import messages
from ...domain import rules
from ...domain.enums import (
    REGION_NAMES,
    Instrument,
    OrganisationKind,
    PartnerRole,
    ProjectStatus,
    Recommendation,
)
from ...domain.financing import LineMoney
from ...domain.model import (
    Assessment,
    DomainShare,
    EvaluationRecord,
    FundingLineRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)
from ...domain.responsible import (
    CRITERIA,
    MATURITY_LEVELS,
    AssessmentState,
    assessment_state,
    maturity_level,
)
from ...domain.rules import Issue, RuleViolation
from ...domain.workflow import allowed_transitions
from ...services import history, portfolio, reference
from ...services.money import EditorMoney, editor_money
from ...services.portfolio import NotFoundError, StaleRecordError
from .. import commands, formatting
from ..context import AppContext, Scope
from ..errors import show_error
from ..models.record_table import Field, FieldDelegate, RecordTableModel
from ..operations import Operation
from ..widgets.accessibility import name_fields
from ..widgets.checkable_combo import CheckableComboBox
from ..widgets.fields import MoneyEdit, OptionalDateEdit
from ..widgets.submissions_tab import SubmissionsTab
from ..widgets.tables import fit_headers
from .conflict_dialog import ConflictDialog, names_of, warn_deleted_elsewhere
from .financing_views import LineMoneyPanel, MatrixPage, build_matrix
from .history_view import HistoryPanel


@dataclass(slots=True)
class EditorChoices:
    """Reference lists the editor offers, loaded off the GUI thread before it opens."""

    clusters: list[tuple[str, int]] = field(default_factory=list)
    calls: list[tuple[str, int]] = field(default_factory=list)
    domains: list[tuple[str, int]] = field(default_factory=list)
    #: domain id → the pole whose roadmap it is (domains every pole shares are not in it).
    domain_poles: dict[int, int] = field(default_factory=dict)
    funders: list[tuple[str, int]] = field(default_factory=list)
    organisations: dict[str, int] = field(default_factory=dict)
    experts: list[tuple[str, int]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    evaluations: list[EvaluationRecord] = field(default_factory=list)
    #: The project's full change history (issue 7), newest first.
    changes: list[Any] = field(default_factory=list)
    #: Aid-rate rules and organisations' kinds, for the partner × funder matrix.
    money: EditorMoney = field(default_factory=lambda: EditorMoney((), {}))


def load_choices(db: Any, project_id: int | None) -> tuple[EditorChoices, ProjectRecord | None]:
    """Everything the editor needs, in one worker call."""
    domains = reference.domains(db)
    choices = EditorChoices(
        clusters=[(r.name, r.id) for r in reference.clusters(db)],
        calls=[(r.name, r.id) for r in reference.calls(db)],
        domains=[(r.name, r.id) for r in domains if r.extra[1]],
        domain_poles={r.id: r.extra[4] for r in domains if r.extra[4] is not None},
        funders=[(r.name, r.id) for r in reference.funders(db)],
        organisations={r.name: r.id for r in reference.organisation_names(db)},
        experts=[(r.name, r.id) for r in reference.experts(db)],
        money=editor_money(db),
    )
    record = None
    if project_id is not None:
        record = portfolio.load_project(db, project_id)
        choices.history = portfolio.status_history(db, project_id)
        choices.changes = history.project_history(db, project_id, limit=HISTORY_ROWS)
        choices.evaluations = portfolio.evaluations(db, project_id)
        # Inactive domains still used by this project stay selectable.
        known = {d for _n, d in choices.domains}
        for row in domains:
            if row.id not in known and any(s.domain_id == row.id for s in record.domains):
                choices.domains.append((row.name, row.id))
    return choices, record


#: How many of a project's latest changes the editor shows.
HISTORY_ROWS = 1000

#: Which tab shows the widget of a rule's field (for pointing at the issue).
FIELD_TABS = {"partners": 1, "funding_lines": 2, "domains": 4, "rd_": 6}


class ProjectEditor(QDialog):
    """Creates or edits one project. `saved(project_id)` when the save has been written."""

    saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        choices: EditorChoices,
        record: ProjectRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choices = choices
        self.original = copy.deepcopy(record) if record is not None else None
        self.record = (
            copy.deepcopy(record)
            if record is not None
            else ProjectRecord(
                cluster_id=choices.clusters[0][1] if choices.clusters else 0, reference=""
            )
        )
        self.setObjectName("projectEditor")
        self.setWindowTitle(self._title())
        # Wider where the screen allows: the partner × funder matrix has a column per funder.
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        self.resize(min(1200, screen.width() - 80) if screen else 980, 720)
        self._loading = False
        self._field_widgets: dict[str, QWidget] = {}

        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.tabs.addTab(self._partners_tab(), self.tr("Partners"))
        self.tabs.addTab(self._funding_tab(), self.tr("Funding"))
        self.matrix = MatrixPage()
        self.tabs.addTab(self.matrix, self.tr("Partners × funders"))
        self.tabs.addTab(self._domains_tab(), self.tr("Domains"))
        self.tabs.addTab(self._pipeline_tab(), self.tr("Pipeline"))
        self.tabs.addTab(self._responsible_tab(), self.tr("Responsible digital"))
        self.tabs.addTab(self._evaluations_tab(), self.tr("Evaluations"))
        self.submissions = SubmissionsTab(ctx, self.record.id, choices.calls)
        self.tabs.addTab(self.submissions, self.tr("Submissions"))
        self.tabs.addTab(self._notes_tab(), self.tr("Notes"))

        self.issues = QLabel()
        self.issues.setObjectName("editorIssues")
        self.issues.setWordWrap(True)
        self.issues.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.issues)
        layout.addWidget(self.buttons)
        name_fields(self)
        self._load(self.record)
        # A new, untouched form names what it needs, in grey; red comes with the first edit.
        self._touched = self.original is not None
        self.validate()
        self._touched = True

    def _title(self) -> str:
        if self.original is None:
            return self.tr("New project")
        return self.tr("Project %1").replace(
            "%1", f"{self.original.reference} — {self.original.acronym}"
        )

    # -- tabs -------------------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        self.cluster = QComboBox()
        for name, cid in self.choices.clusters:
            self.cluster.addItem(name, cid)
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.acronym = QLineEdit()
        self.acronym.setObjectName("acronym")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.call = QComboBox()
        self.call.addItem("—", None)
        for name, cid in self.choices.calls:
            self.call.addItem(name, cid)
        self.regions = CheckableComboBox("—")
        self.regions.set_items([(name, code.value) for code, name in REGION_NAMES.items()])
        self.start_on = OptionalDateEdit()
        self.end_on = OptionalDateEdit()
        self.total_budget = MoneyEdit()
        self.total_budget.setObjectName("totalBudget")
        self.eligible_costs = MoneyEdit()
        self.keywords = QLineEdit()
        self.summary = QPlainTextEdit()
        form = QFormLayout()
        form.addRow(self.tr("Cluster"), self.cluster)
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow(self.tr("Acronym"), self.acronym)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Call for proposals"), self.call)
        form.addRow(self.tr("Regions"), self.regions)
        dates = QHBoxLayout()
        dates.addWidget(self.start_on)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.end_on)
        form.addRow(self.tr("Start and end"), dates)
        form.addRow(self.tr("Total budget"), self.total_budget)
        form.addRow(self.tr("Eligible costs"), self.eligible_costs)
        form.addRow(self.tr("Keywords"), self.keywords)
        form.addRow(self.tr("Summary"), self.summary)
        self._field_widgets.update(
            reference=self.reference,
            acronym=self.acronym,
            total_budget_cents=self.total_budget,
            eligible_costs_cents=self.eligible_costs,
            end_on=self.end_on,
            start_on=self.start_on,
        )
        for widget in (self.reference, self.acronym, self.title_edit, self.keywords):
            widget.textChanged.connect(self.validate)
        for money in (self.total_budget, self.eligible_costs):
            money.textChanged.connect(self.validate)
        for dated in (self.start_on, self.end_on):
            dated.dateChanged.connect(self.validate)
        page = QWidget()
        page.setLayout(form)
        return page

    def _table(self, model: RecordTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setItemDelegate(FieldDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(False)
        view.horizontalHeader().setMinimumSectionSize(70)
        view.verticalHeader().setVisible(False)
        view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        model.edited.connect(self.validate)
        model.modelReset.connect(view.resizeColumnsToContents)
        model.rowsInserted.connect(lambda *_a: view.resizeColumnsToContents())
        return view

    def _list_page(
        self,
        model: RecordTableModel,
        name: str,
        add_text: str,
        add_name: str,
        add: Any,
        remove_text: str,
        total_name: str,
        header: QWidget | None = None,
    ) -> tuple[QWidget, QTableView, QLabel]:
        """A tab holding an editable list: its buttons (or `header`), the table, a totals line."""
        view = self._table(model)
        view.setObjectName(name)
        add_button = QPushButton(add_text)
        add_button.setObjectName(add_name)
        add_button.clicked.connect(add)
        remove = QPushButton(remove_text)
        remove.clicked.connect(
            lambda: model.remove_rows([i.row() for i in view.selectionModel().selectedRows()])
        )
        total = QLabel()
        total.setObjectName(total_name)
        row = QHBoxLayout()
        if header is not None:
            row.addWidget(header, 1)
        row.addWidget(add_button)
        row.addWidget(remove)
        if header is None:
            row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        layout.addWidget(total)
        return page, view, total

    def _partners_tab(self) -> QWidget:
        roles = [(formatting.label("PartnerRole", r.value), r) for r in PartnerRole]
        self.partners = RecordTableModel(
            [
                Field("organisation_name", self.tr("Organisation"), editable=False),
                Field("role", self.tr("Role"), "choice", lambda: roles),
                Field("budget_cents", self.tr("Budget"), "money"),
            ],
            self,
        )
        self.partner_name = QLineEdit()
        self.partner_name.setObjectName("partnerName")
        self.partner_name.setPlaceholderText(self.tr("Organisation name…"))
        completer = QCompleter(sorted(self.choices.organisations), self.partner_name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.partner_name.setCompleter(completer)
        self.partner_name.returnPressed.connect(self.add_partner)
        page, self.partners_view, self.partners_total = self._list_page(
            self.partners,
            "partnersTable",
            self.tr("Add partner"),
            "addPartner",
            self.add_partner,
            self.tr("Remove"),
            "partnersTotal",
            header=self.partner_name,
        )
        self._field_widgets["partners"] = self.partners_view
        return page

    def _funding_tab(self) -> QWidget:
        instruments = [(formatting.label("Instrument", i.value), i) for i in Instrument]
        self.lines = RecordTableModel(
            [
                Field("funder_id", self.tr("Funder"), "choice", lambda: self.choices.funders),
                Field("instrument", self.tr("Instrument"), "choice", lambda: instruments),
                Field("beneficiary_id", self.tr("Beneficiary"), "choice", self._beneficiaries),
                Field("requested_cents", self.tr("Requested"), "money"),
                Field("granted_cents", self.tr("Granted"), "money"),
                Field("paid_cents", self.tr("Paid"), "money"),
                Field("decision_on", self.tr("Decision"), "date"),
                Field("granted_override", self.tr("Override"), "bool"),
            ],
            self,
        )
        page, self.lines_view, self.lines_total = self._list_page(
            self.lines,
            "fundingTable",
            self.tr("Add funding line"),
            "addFundingLine",
            self.add_line,
            self.tr("Delete line"),
            "fundingTotals",
        )
        self._field_widgets["funding_lines"] = self.lines_view
        # The chosen line's schedule, payments, partners' shares and spread, under the lines.
        self.line_money = LineMoneyPanel(self._beneficiary_partners)
        self.line_money.changed.connect(self._line_money_changed)
        self.lines_view.selectionModel().currentRowChanged.connect(self._show_line_money)
        self.lines.modelReset.connect(lambda: self._show_line_money(QModelIndex()))
        self.lines.rowsRemoved.connect(lambda *_a: self._show_line_money(QModelIndex()))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("fundingSplitter")
        splitter.addWidget(page)
        splitter.addWidget(self.line_money)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        return splitter

    def _beneficiary_partners(self) -> list[tuple[str, Any]]:
        return [(p.organisation_name, p.organisation_id) for p in self.partners.records]

    def _show_line_money(self, current: Any, _previous: Any = None) -> None:
        row = current.row() if current is not None and current.isValid() else -1
        if 0 <= row < len(self.lines.records):
            line = self.lines.records[row]
            funder = RecordTableModel.display(self.lines.fields[0], line.funder_id)
            self.line_money.show_line(line, funder)
        else:
            self.line_money.show_line(None)

    def _line_money_changed(self) -> None:
        # Payments set the line's paid amount: the lines table shows it.
        column = next(i for i, f in enumerate(self.lines.fields) if f.attribute == "paid_cents")
        rows = self.lines.rowCount()
        if rows:
            self.lines.dataChanged.emit(
                self.lines.index(0, column), self.lines.index(rows - 1, column)
            )
        self.validate()

    def _beneficiaries(self) -> list[tuple[str, Any]]:
        return [("—", None)] + [
            (p.organisation_name, p.organisation_id) for p in self.partners.records
        ]

    def _domain_choices(self) -> list[tuple[str, int]]:
        """The domains a project of the chosen pole may be classified in: those every pole
        shares and its pole's roadmap domains (and those it already has, so they still show)."""
        pole = self.cluster.currentData()
        used = {s.domain_id for s in self.shares.records} if hasattr(self, "shares") else set()
        return [
            (name, domain_id)
            for name, domain_id in self.choices.domains
            if self.choices.domain_poles.get(domain_id, pole) == pole or domain_id in used
        ]

    def _domains_tab(self) -> QWidget:
        self.shares = RecordTableModel(
            [
                Field("domain_id", self.tr("Domain"), "choice", self._domain_choices),
                Field("percent", self.tr("Share (%)"), "int", minimum=1, maximum=100),
            ],
            self,
        )
        page, self.shares_view, self.shares_sum = self._list_page(
            self.shares,
            "domainsTable",
            self.tr("Add domain"),
            "addDomain",
            self.add_domain,
            self.tr("Remove"),
            "domainSum",
        )
        self._field_widgets["domains"] = self.shares_view
        return page

    def _pipeline_tab(self) -> QWidget:
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        font = self.status_label.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.status_label.setFont(font)
        self.step_dates: dict[str, OptionalDateEdit] = {}
        grid = QFormLayout()
        names = {
            "submitted_on": self.tr("Submitted on"),
            "evaluated_on": self.tr("Evaluated on"),
            "labelling_decided_on": self.tr("Labelling decided on"),
            "funding_decided_on": self.tr("Funding decided on"),
            "closed_on": self.tr("Closed on"),
            "abandoned_on": self.tr("Abandoned on"),
        }
        for name, text in names.items():
            edit = OptionalDateEdit()
            edit.dateChanged.connect(self.validate)
            self.step_dates[name] = edit
            self._field_widgets[name] = edit
            grid.addRow(text, edit)
        self.transition_on = OptionalDateEdit()
        self.transition_on.set_value(date.today())
        self.transition_buttons = QHBoxLayout()
        self.transition_label = QLabel(self.tr("Move to the next step on"))
        self.history = QTextEdit()
        self.history.setReadOnly(True)
        self.history.setMaximumHeight(110)
        # Every change of the project, its partners and funding lines (issue 7).
        self.changes_view = HistoryPanel()
        self.changes_view.set_changes(self.choices.changes)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.status_label)
        move = QHBoxLayout()
        move.addWidget(self.transition_label)
        move.addWidget(self.transition_on)
        move.addLayout(self.transition_buttons)
        move.addStretch(1)
        layout.addLayout(move)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("History")))
        layout.addWidget(self.history)
        layout.addWidget(self.changes_view, 1)
        return page

    def _responsible_tab(self) -> QWidget:
        self.responsible = QCheckBox(self.tr("Project of the responsible-digital axis"))
        self.responsible.setObjectName("responsibleDigital")
        self.criteria: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.addRow(self.responsible)
        for name in CRITERIA:
            combo = QComboBox()
            combo.addItem("—", None)
            for score in range(5):
                combo.addItem(str(score), score)
            combo.currentIndexChanged.connect(self.validate)
            self.criteria[name] = combo
            form.addRow(formatting.label("Criterion", name), combo)
        self.maturity = QLabel()
        self.maturity.setObjectName("maturityLabel")
        form.addRow(self.tr("Maturity"), self.maturity)
        page = QWidget()
        page.setLayout(form)
        return page

    def _evaluations_tab(self) -> QWidget:
        recommendations = [(formatting.label("Recommendation", r.value), r) for r in Recommendation]
        self.evaluations = RecordTableModel(
            [
                Field("expert_name", self.tr("Expert"), editable=False),
                Field("evaluated_on", self.tr("Date"), "date", editable=False),
                Field("score_innovation", self.tr("Innovation"), editable=False),
                Field("score_consortium", self.tr("Consortium"), editable=False),
                Field("score_impact", self.tr("Impact"), editable=False),
                Field("score_feasibility", self.tr("Feasibility"), editable=False),
                Field(
                    "recommendation",
                    self.tr("Recommendation"),
                    "choice",
                    lambda: recommendations,
                    editable=False,
                ),
                Field("opinion", self.tr("Opinion"), editable=False),
            ],
            self,
        )
        self.evaluations.set_records(list(self.choices.evaluations))
        # Saving or deleting an evaluation writes off the GUI thread, one at a time; a refusal
        # (a conflict of interest, a score out of range) is shown over the editor.
        self.evaluation_writes = Operation(self.ctx.write, self, dialogs=True)
        self.evaluation_writes.succeeded.connect(self.evaluations.set_records)
        self.evaluations_view = QTableView()
        self.evaluations_view.setModel(self.evaluations)
        self.evaluations_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.evaluations_view.horizontalHeader().setStretchLastSection(True)
        fit_headers(self.evaluations_view)
        self.evaluations_view.doubleClicked.connect(lambda i: self.edit_evaluation(i.row()))
        add = QPushButton(self.tr("Add evaluation"))
        add.clicked.connect(lambda: self.edit_evaluation(None))
        remove = QPushButton(self.tr("Delete evaluation"))
        remove.clicked.connect(self.delete_evaluation)
        for button in (add, remove):
            button.setEnabled(self.original is not None)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        if self.original is None:
            layout.addWidget(QLabel(self.tr("Save the project before adding evaluations.")))
        layout.addLayout(row)
        layout.addWidget(self.evaluations_view, 1)
        return page

    def _notes_tab(self) -> QWidget:
        self.notes = QPlainTextEdit()
        page = QWidget()
        QVBoxLayout(page).addWidget(self.notes)
        return page

    # -- record ⇄ form ----------------------------------------------------------------------------

    def _load(self, record: ProjectRecord) -> None:
        self._loading = True
        self.cluster.setCurrentIndex(max(0, self.cluster.findData(record.cluster_id)))
        self.cluster.setEnabled(record.id is None and self.cluster.count() > 1)
        self.reference.setText(record.reference)
        self.acronym.setText(record.acronym)
        self.title_edit.setText(record.title)
        self.call.setCurrentIndex(
            max(0, self.call.findData(record.call_id)) if record.call_id else 0
        )
        self.regions.set_checked(record.regions)
        self.start_on.set_value(record.start_on)
        self.end_on.set_value(record.end_on)
        self.total_budget.set_cents(record.total_budget_cents)
        self.eligible_costs.set_cents(record.eligible_costs_cents)
        self.keywords.setText(record.keywords)
        self.summary.setPlainText(record.summary)
        self.notes.setPlainText(record.notes)
        self.partners.set_records([copy.copy(p) for p in record.partners])
        self.lines.set_records([copy.copy(line) for line in record.funding_lines])
        self.shares.set_records([copy.copy(s) for s in record.domains])
        for name, edit in self.step_dates.items():
            edit.set_value(getattr(record, name))
        self.responsible.setChecked(record.responsible_digital)
        for name, combo in self.criteria.items():
            value = getattr(record.assessment, name)
            combo.setCurrentIndex(0 if value is None else combo.findData(value))
        self._show_pipeline(record)
        self._loading = False

    def _show_pipeline(self, record: ProjectRecord) -> None:
        self.status_label.setText(formatting.label("ProjectStatus", record.status.value))
        while self.transition_buttons.count():
            item = self.transition_buttons.takeAt(0)
            button = item.widget() if item is not None else None
            if button is not None:
                button.deleteLater()
        targets = allowed_transitions(record.status)
        self.transition_label.setVisible(bool(targets))
        self.transition_on.setVisible(bool(targets))
        for target in targets:
            button = QPushButton(formatting.label("ProjectStatus", target.value))
            button.setObjectName(f"transition_{target.value}")
            button.setEnabled(record.id is not None)
            button.clicked.connect(lambda _c=False, t=target: self.move_to(t))
            self.transition_buttons.addWidget(button)
        lines = []
        for change in self.choices.history:
            when = formatting.day(change["step_on"]) or formatting.day(change["changed_at"].date())
            before = (
                formatting.label("ProjectStatus", change["from_status"])
                if change["from_status"]
                else "—"
            )
            after = formatting.label("ProjectStatus", change["to_status"])
            lines.append(
                f"{when} · {before} → {after} · {change['changed_by']} ({change['source']})"
            )
        self.history.setPlainText("\n".join(lines))

    def current_record(self) -> ProjectRecord:
        """The form's content as a record (invalid money fields read as unchanged)."""
        record = copy.deepcopy(self.record)
        record.cluster_id = self.cluster.currentData() or record.cluster_id
        record.reference = self.reference.text().strip()
        record.acronym = self.acronym.text().strip()
        record.title = self.title_edit.text().strip()
        record.call_id = self.call.currentData()
        record.regions = list(self.regions.checked_values())
        record.start_on = self.start_on.value()
        record.end_on = self.end_on.value()
        for widget, name in (
            (self.total_budget, "total_budget_cents"),
            (self.eligible_costs, "eligible_costs_cents"),
        ):
            if widget.is_valid():
                setattr(record, name, widget.cents())
        record.keywords = self.keywords.text().strip()
        record.summary = self.summary.toPlainText()
        record.notes = self.notes.toPlainText()
        record.partners = [copy.copy(p) for p in self.partners.records]
        record.funding_lines = [copy.copy(line) for line in self.lines.records]
        record.domains = [copy.copy(s) for s in self.shares.records]
        for name, edit in self.step_dates.items():
            setattr(record, name, edit.value())
        record.responsible_digital = self.responsible.isChecked()
        record.assessment = Assessment(
            **{name: combo.currentData() for name, combo in self.criteria.items()}
        )
        return record

    # -- validation -------------------------------------------------------------------------------

    def form_issues(self) -> list[Issue]:
        issues: list[Issue] = []
        for widget, name in (
            (self.total_budget, "total_budget_cents"),
            (self.eligible_costs, "eligible_costs_cents"),
        ):
            if not widget.is_valid():
                issues.append(Issue("amount_unreadable", name))
        # The portfolio's invariants too (a grant on a draft, a date in the future), as the save
        # will check them; their warnings do not stop the save.
        errors, _warnings = rules.split_change(
            self.original, self.current_record(), today=date.today()
        )
        return issues + errors

    def validate(self, *_args: object) -> list[Issue]:
        if self._loading:
            return []
        record = self.current_record()
        issues = self.form_issues()
        self.show_issues(issues)
        total = sum(s.percent for s in record.domains)
        self.shares_sum.setText(self.tr("Total: %1 %").replace("%1", str(total)))
        self.shares_sum.setStyleSheet(
            "color: #1b7f3b;" if total == 100 or not record.domains else "color: #b3261e;"
        )
        shares = sum(p.budget_cents or 0 for p in record.partners)
        self.partners_total.setText(
            self.tr("Partners' budgets: %1 of %2")
            .replace("%1", formatting.money(shares))
            .replace("%2", formatting.money(record.total_budget_cents or 0))
        )
        requested = sum(line.requested_cents or 0 for line in record.funding_lines)
        granted = sum(line.granted_cents or 0 for line in record.funding_lines)
        paid = sum(line.paid_cents or 0 for line in record.funding_lines)
        self.lines_total.setText(
            self.tr("Requested %1 · granted %2 · paid %3")
            .replace("%1", formatting.money(requested))
            .replace("%2", formatting.money(granted))
            .replace("%3", formatting.money(paid))
        )
        self.matrix.show_matrix(
            build_matrix(
                record.partners,
                record.funding_lines,
                {fid: name for name, fid in self.choices.funders},
                self.choices.money.kinds,
                self.choices.money.rules,
                record.call_id,
            )
        )
        level = maturity_level(record.assessment)
        partial = assessment_state(record.assessment) is AssessmentState.PARTIAL
        self.maturity.setText(
            (formatting.label("Maturity", "partial") if partial else "—")
            if level is None
            else f"{level} · {formatting.label('Maturity', MATURITY_LEVELS[level - 1])}"
        )
        return issues

    def show_issues(self, issues: list[Issue]) -> None:
        """Lists what stops the save, each line naming its field (« Référence : ce champ est
        obligatoire. »), and outlines those fields; a new form not yet touched only says what
        to fill in, without red."""
        lines = []
        for issue in issues:
            text = messages.text(issue.code, issue.params)
            label = self._field_label(issue.field.split(".")[0].split("[")[0])
            if label:
                if text[:2].istitle():  # « Référence : ce champ est obligatoire. »
                    text = text[0].lower() + text[1:]
                text = self.tr("%1: %2").replace("%1", label).replace("%2", text)
            lines.append("• " + text)
        touched = getattr(self, "_touched", True)
        if issues and not touched:
            lines.insert(0, self.tr("To save this project:"))
        self.issues.setText("\n".join(lines))
        self.issues.setStyleSheet("color: #b3261e;" if touched else "color: #555555;")
        marked = {i.field.split(".")[0].split("[")[0] for i in issues} if touched else set()
        for name, widget in self._field_widgets.items():
            widget.setProperty("invalid", name in marked)
            widget.setStyleSheet("border: 1px solid #b3261e;" if name in marked else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not issues)

    def _field_label(self, name: str) -> str:
        """The label the form shows beside a field (« Référence »), or "" when it has none."""
        widget = self._field_widgets.get(name)
        parent = widget.parentWidget() if widget is not None else None
        layout = parent.layout() if parent is not None else None
        if widget is None or not isinstance(layout, QFormLayout):
            return ""
        label = layout.labelForField(widget)
        if not isinstance(label, QLabel):
            return ""
        return label.text().replace("&", "")

    # -- actions ----------------------------------------------------------------------------------

    def add_partner(self) -> None:
        name = self.partner_name.text().strip()
        if not name:
            return
        org_id = self.choices.organisations.get(name)
        if org_id is None:
            org_id = self._create_organisation(name)
            if org_id is None:
                return
        role = PartnerRole.LEAD if not self.partners.records else PartnerRole.PARTNER
        self.partners.append(PartnerRecord(org_id, role, None, None, name))
        self.partner_name.clear()

    def _create_organisation(self, name: str) -> int | None:
        kinds = [formatting.label("OrganisationKind", k.value) for k in OrganisationKind]
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("New organisation"),
            self.tr("“%1” is not known yet. What kind of organisation is it?").replace("%1", name),
            kinds,
            1,
            False,
        )
        if not ok or self.ctx.db is None:
            return None
        kind = list(OrganisationKind)[kinds.index(chosen)]
        try:
            saved = reference.save_organisation(self.ctx.db, OrganisationRecord(name, kind))
        except Exception as error:  # a rule or the environment: tell the user, keep the form
            show_error(self, error)
            return None
        self.choices.organisations[name] = saved.id
        self.ctx.data_changed.emit(Scope.ORGANISATIONS, [saved.id])
        return saved.id

    def add_line(self) -> None:
        if not self.choices.funders:
            QMessageBox.information(
                self, self.tr("No funder"), self.tr("Create a funder first (Funders & calls).")
            )
            return
        self.lines.append(
            FundingLineRecord(self.choices.funders[0][1], Instrument.GRANT, money=LineMoney())
        )

    def add_domain(self) -> None:
        used = {s.domain_id for s in self.shares.records}
        free = [d for _n, d in self._domain_choices() if d not in used]
        if not free:
            return
        remaining = 100 - sum(s.percent for s in self.shares.records)
        self.shares.append(DomainShare(free[0], max(1, min(100, remaining))))

    def save(self) -> None:
        issues = self.form_issues()
        if issues:
            self.show_issues(issues)
            return
        db = self.ctx.db
        if db is None:
            return
        record = self.current_record()
        self.buttons.setEnabled(False)
        if self.original is None:
            command = commands.create_project(
                self.ctx, record, self.tr("Create project %1").replace("%1", record.reference)
            )
            self._run_first(command)
            return
        before = self.original

        def write(rec: ProjectRecord) -> Any:
            return portfolio.update_project(db, rec, expected_version=before.version)

        def done(saved: Any) -> None:
            text = self.tr("Edit project %1").replace("%1", record.reference)
            self.ctx.undo_stack.push(
                commands.update_project(
                    self.ctx,
                    before,
                    record,
                    text,
                    saved_version=saved.version,
                    applied=saved.applied,
                )
            )
            self.saved.emit(saved.id)
            self.accept()

        self.ctx.write(
            write,
            record,
            scope=Scope.PROJECTS,
            ids=[before.id],
            on_done=done,
            on_error=self._save_failed,
        )

    def _run_first(self, command: commands.WriteCommand) -> None:
        """Runs a new command's first step, then puts it on the stack once it has been written."""

        def first(state: dict[str, Any]) -> Any:
            command.forward(state)
            return state

        def done(state: dict[str, Any]) -> None:
            command._skip = True
            self.ctx.undo_stack.push(command)
            self.saved.emit(state["id"])
            self.accept()

        self.ctx.write(
            first, command.state, scope=Scope.PROJECTS, on_done=done, on_error=self._save_failed
        )

    def _save_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, RuleViolation):
            self.show_issues(error.issues)
            return
        if isinstance(error, StaleRecordError):
            self._show_conflict()
            return
        show_error(self, error)

    # -- someone else saved first (issue 7) ---------------------------------------------------

    def _show_conflict(self) -> None:
        """Loads the version saved elsewhere (off the GUI thread), then shows both side by side."""
        db = self.ctx.db
        if db is None or self.original is None or self.original.id is None:
            return
        project_id = self.original.id
        mine = self.current_record()

        def load() -> tuple[ProjectRecord | None, list[Any]]:
            try:
                theirs = portfolio.load_project(db, project_id)
            except NotFoundError:
                return None, []
            return theirs, history.project_history(db, project_id, limit=20)

        self.ctx.read(
            load,
            on_done=lambda result: self._conflict_loaded(mine, *result),
            on_error=lambda error: show_error(self, error),
        )

    def _conflict_loaded(
        self, mine: ProjectRecord, theirs: ProjectRecord | None, changes: list[Any]
    ) -> None:
        if theirs is None:
            warn_deleted_elsewhere(self)
            return
        dialog = ConflictDialog(mine, theirs, names_of(self.choices), changes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(lambda choice: self._resolve_conflict(choice, theirs, changes))
        self.conflict = dialog
        dialog.open()

    def _resolve_conflict(self, choice: str, theirs: ProjectRecord, changes: list[Any]) -> None:
        if choice == "theirs":
            self.changes_view.set_changes(changes)
            self.original = copy.deepcopy(theirs)
            self.record = copy.deepcopy(theirs)
            self._load(theirs)
            self.validate()
            self.setWindowTitle(self._title())
        elif choice == "mine":
            # Saved over theirs at *their* version: a third save in between is caught again.
            self.original = copy.deepcopy(theirs)
            self.save()

    def move_to(self, target: ProjectStatus) -> None:
        """A pipeline button: the step is written at once (and can be undone)."""
        if self.original is None or self.ctx.db is None:
            return
        if self.current_record() != self.original:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save your changes before moving the project to the next step?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.save()
            return
        on = self.transition_on.value() or date.today()
        project_id, version = self.original.id, self.original.version
        assert project_id is not None
        command = commands.transition(
            self.ctx,
            project_id,
            version,
            target,
            on,
            self.tr("Move %1 to %2")
            .replace("%1", self.original.reference)
            .replace("%2", formatting.label("ProjectStatus", target.value)),
        )

        def first(state: dict[str, Any]) -> Any:
            command.forward(state)
            return load_choices(self.ctx.db, project_id)

        def done(result: tuple[EditorChoices, ProjectRecord | None]) -> None:
            command._skip = True
            self.ctx.undo_stack.push(command)
            choices, record = result
            assert record is not None
            self.choices.history = choices.history
            self.choices.changes = choices.changes
            self.changes_view.set_changes(choices.changes)
            self.original = copy.deepcopy(record)
            self.record = copy.deepcopy(record)
            self._load(record)
            self.validate()

        self.ctx.write(
            first,
            command.state,
            scope=Scope.PROJECTS,
            ids=[project_id],
            on_done=done,
            on_error=self._save_failed,
        )

    def edit_evaluation(self, row: int | None) -> None:
        if self.original is None or self.original.id is None or self.ctx.db is None:
            return
        current = self.evaluations.records[row] if row is not None else None
        dialog = EvaluationDialog(self.choices.experts, current, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        record = dialog.record()
        project_id = self.original.id
        db = self.ctx.db

        def write() -> list[EvaluationRecord]:
            portfolio.save_evaluation(db, project_id, record)
            return portfolio.evaluations(db, project_id)

        self.evaluation_writes.start(write, scope=Scope.PROJECTS, ids=[project_id])

    def delete_evaluation(self) -> None:
        rows = [i.row() for i in self.evaluations_view.selectionModel().selectedRows()]
        if not rows or self.original is None or self.original.id is None or self.ctx.db is None:
            return
        evaluation = self.evaluations.records[rows[0]]
        project_id, db = self.original.id, self.ctx.db

        def write() -> list[EvaluationRecord]:
            assert evaluation.id is not None
            portfolio.delete_evaluation(db, evaluation.id)
            return portfolio.evaluations(db, project_id)

        self.evaluation_writes.start(write, scope=Scope.PROJECTS, ids=[project_id])


class EvaluationDialog(QDialog):
    """One expert's evaluation: date, four scores (0–5), recommendation, opinion."""

    def __init__(
        self,
        experts: list[tuple[str, int]],
        record: EvaluationRecord | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evaluation"))
        self._record = record
        self.expert = QComboBox()
        for name, expert_id in experts:
            self.expert.addItem(name, expert_id)
        self.evaluated_on = OptionalDateEdit()
        self.scores: dict[str, QSpinBox] = {}
        grid = QGridLayout()
        titles = {
            "score_innovation": self.tr("Innovation"),
            "score_consortium": self.tr("Consortium"),
            "score_impact": self.tr("Impact"),
            "score_feasibility": self.tr("Feasibility"),
        }
        for column, (name, title) in enumerate(titles.items()):
            spin = QSpinBox()
            spin.setRange(-1, rules.EVALUATION_SCORE_MAX)
            spin.setSpecialValueText("—")
            self.scores[name] = spin
            grid.addWidget(QLabel(title), 0, column)
            grid.addWidget(spin, 1, column)
        self.recommendation = QComboBox()
        self.recommendation.addItem("—", None)
        for value in Recommendation:
            self.recommendation.addItem(formatting.label("Recommendation", value.value), value)
        self.opinion = QPlainTextEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Expert"), self.expert)
        form.addRow(self.tr("Date"), self.evaluated_on)
        form.addRow(self.tr("Scores (0–5)"), grid)
        form.addRow(self.tr("Recommendation"), self.recommendation)
        form.addRow(self.tr("Opinion"), self.opinion)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if record is not None:
            with QSignalBlocker(self.expert):
                self.expert.setCurrentIndex(max(0, self.expert.findData(record.expert_id)))
            self.evaluated_on.set_value(record.evaluated_on)
            for name, spin in self.scores.items():
                value = getattr(record, name)
                spin.setValue(-1 if value is None else value)
            self.recommendation.setCurrentIndex(
                0
                if record.recommendation is None
                else self.recommendation.findData(record.recommendation)
            )
            self.opinion.setPlainText(record.opinion)
        else:
            self.evaluated_on.set_value(date.today())
            for spin in self.scores.values():
                spin.setValue(-1)

    def record(self) -> EvaluationRecord:
        def score(name: str) -> int | None:
            value = self.scores[name].value()
            return None if value < 0 else value  # -1 is the spin box's « — »

        return EvaluationRecord(
            expert_id=self.expert.currentData(),
            evaluated_on=self.evaluated_on.value(),
            score_innovation=score("score_innovation"),
            score_consortium=score("score_consortium"),
            score_impact=score("score_impact"),
            score_feasibility=score("score_feasibility"),
            opinion=self.opinion.toPlainText(),
            recommendation=self.recommendation.currentData(),
            id=self._record.id if self._record is not None else None,
        )

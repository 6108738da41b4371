"""The project editor's « Dépôts et labels » tab: each submission with its label and the funder's
answer, and a form that adds one (written at once; the project's status follows)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.submissions import FunderDecision, LabelDecision
from .. import formatting
from ..context import AppContext, Scope
from ..errors import show_error
from ..models.read_only_table import Column, ReadOnlyTableModel


def _decided(kind: str, code: Any, on: date | None) -> str:
    if code is None:
        return "—"
    text = formatting.label(kind, code.value)
    return f"{text} ({formatting.day(on)})" if on else text


class SubmissionsModel(ReadOnlyTableModel[Any]):
    """A project's submissions (rows of `storage.submissions.SubmissionRow`)."""

    def columns(self) -> list[Column[Any]]:
        return [
            Column(self.tr("Call"), lambda row: row.call_name or "—"),
            Column(self.tr("Submitted"), lambda row: formatting.day(row.submitted_on)),
            Column(self.tr("Requested"), lambda row: formatting.money(row.requested_cents) or "—"),
            Column(
                self.tr("Cluster's label"),
                lambda row: _decided("LabelDecision", row.label_decision, row.label_decided_on),
            ),
            Column(
                self.tr("Funder's answer"),
                lambda row: _decided("FunderDecision", row.funder_decision, row.funder_decided_on),
            ),
            Column(self.tr("Outcome"), lambda row: formatting.label("Outcome", row.outcome.value)),
        ]


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setSpecialValueText("—")
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setDate(edit.minimumDate())  # "—": no date
    return edit


def _day(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == edit.minimumDate():
        return None
    return date(value.year(), value.month(), value.day())


class SubmissionsTab(QWidget):
    """The submissions of one saved project, and the form that adds one."""

    def __init__(
        self,
        ctx: AppContext,
        project_id: int | None,
        calls: list[tuple[str, int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.project_id = project_id
        self.model = SubmissionsModel(self)
        self.view = QTableView()
        self.view.setObjectName("submissionsTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.call = QComboBox()
        self.call.addItem("—", None)
        for name, call_id in calls:
            self.call.addItem(name, call_id)
        self.submitted = _date_edit()
        self.label = QComboBox()
        self.label.addItem(self.tr("(not decided)"), None)
        for decision in LabelDecision:
            self.label.addItem(formatting.label("LabelDecision", decision.value), decision.value)
        self.label_on = _date_edit()
        self.override = QLineEdit()
        self.override.setPlaceholderText(self.tr("Needed to label a project no expert evaluated"))
        self.funder = QComboBox()
        self.funder.addItem(self.tr("(awaited)"), None)
        for answer in FunderDecision:
            self.funder.addItem(formatting.label("FunderDecision", answer.value), answer.value)
        self.funder_on = _date_edit()
        self.add_button = QPushButton(self.tr("Add the submission"))
        self.add_button.setObjectName("addSubmission")
        self.add_button.clicked.connect(self.add)
        form = QFormLayout()
        form.addRow(self.tr("Call"), self.call)
        form.addRow(self.tr("Submitted on"), self.submitted)
        form.addRow(self.tr("Cluster's label"), self.label)
        form.addRow(self.tr("Label decided on"), self.label_on)
        form.addRow(self.tr("Reason for labelling without evaluation"), self.override)
        form.addRow(self.tr("Funder's answer"), self.funder)
        form.addRow(self.tr("Answer on"), self.funder_on)
        form.addRow("", self.add_button)
        box = QGroupBox(self.tr("New submission"))
        box.setLayout(form)
        note = QLabel(
            self.tr("Each submission keeps its own label; the project's status follows them.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addWidget(box)
        if project_id is None:
            box.setEnabled(False)
            note.setText(self.tr("Save the project first: its submissions are added then."))
        self.reload()

    def reload(self) -> None:
        if self.project_id is None or self.ctx.db is None:
            return
        from ...services.submissions import project_submissions

        self.ctx.read(
            project_submissions,
            self.ctx.db,
            self.project_id,
            on_done=self._loaded,
            on_error=lambda error: show_error(self, error),
        )

    def _loaded(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        for column in range(1, self.model.columnCount()):
            self.view.resizeColumnToContents(column)

    def values(self) -> dict[str, Any]:
        return {
            "call_id": self.call.currentData(),
            "submitted_on": _day(self.submitted),
            "label_decision": self.label.currentData(),
            "label_decided_on": _day(self.label_on),
            "label_override": self.override.text().strip(),
            "funder_decision": self.funder.currentData(),
            "funder_decided_on": _day(self.funder_on),
        }

    def add(self) -> None:
        if self.project_id is None or self.ctx.db is None:
            return
        from ...services.submissions import add_submission

        self.ctx.write(
            add_submission,
            self.ctx.db,
            self.project_id,
            self.values(),
            scope=Scope.PROJECTS,
            ids=[self.project_id],
            on_done=lambda _id: self.reload(),
            on_error=lambda error: show_error(self, error),
        )

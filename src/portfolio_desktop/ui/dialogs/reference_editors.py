"""Forms for funders, calls for proposals, technology domains and experts.

Each form checks its fields as the user types and keeps Save disabled while anything is wrong;
saving runs in the writer as one undoable command (undo of an edit writes back the snapshot the
form was opened from, links included; undo of a creation deletes the new row).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ... import messages
from ...domain import rules
from ...domain.enums import FunderKind
from ...domain.model import CallRecord, FunderRecord
from ...domain.rules import Issue, RuleViolation
from ...services import reference
from ...services.reference import RowSnapshot
from .. import commands, formatting
from ..context import AppContext
from ..errors import show_error
from ..models.reference_table import Column, ReferenceTableModel
from ..widgets.checkable_combo import CheckableComboBox
from .organisation_picker import OrganisationPickerDialog

ERROR_STYLE = "color: #b3261e;"
NO_YEAR = 1989  # the spin box's minimum stands for "no year"


def fit_height(dialog: QDialog) -> None:
    """Grows a dialog when messages appear under its fields, rather than squeezing the fields."""
    layout = dialog.layout()
    if layout is None:
        return
    needed = (
        layout.totalHeightForWidth(dialog.width())
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass(slots=True)
class Choice:
    """An id and a name (a funder in the call form, a tied organisation in the expert form)."""

    id: int
    name: str


class ReferenceDialog(QDialog):
    """A form with inline messages under its fields; subclasses give `issues()` and `write()`."""

    #: The id of the saved row, once written.
    saved = Signal(int)

    TABLE = ""

    def __init__(
        self,
        ctx: AppContext,
        snapshot: RowSnapshot | None,
        taken: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot = snapshot
        self.taken = {name_key(n) for n in taken}
        if snapshot is not None:
            self.taken.discard(name_key(str(snapshot.values.get("name", ""))))
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.notes: dict[str, QLabel] = {}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    @property
    def row_id(self) -> int | None:
        return self.snapshot.id if self.snapshot is not None else None

    def add_row(self, label: str, widget: QWidget, field_name: str = "") -> None:
        if not field_name:
            self.form.addRow(label, widget)
            return
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        note = QLabel()
        note.setObjectName(f"note_{field_name}")
        note.setStyleSheet(ERROR_STYLE)
        note.hide()
        column.addWidget(note)
        self.notes[field_name] = note
        self.form.addRow(label, box)

    def name_issues(self, name: str) -> list[Issue]:
        if not name.strip():
            return [Issue("required", "name")]
        if name_key(name) in self.taken:
            return [Issue("name_taken", "name")]
        return []

    # -- what subclasses give ----------------------------------------------------------------------

    def issues(self) -> list[Issue]:
        raise NotImplementedError

    def writer(self) -> Callable[[int | None], int]:
        """A function that saves the form's values as they are now and returns the row's id.

        It runs in the writer thread (and again on redo): it holds plain values, never widgets.
        """
        raise NotImplementedError

    def label(self) -> str:
        raise NotImplementedError

    # -- checking and saving -----------------------------------------------------------------------

    def validate(self, *_args: object) -> list[Issue]:
        issues = self.issues()
        self.show_issues(issues)
        return issues

    def show_issues(self, issues: list[Issue]) -> None:
        by_field: dict[str, list[str]] = {}
        for issue in issues:
            by_field.setdefault(issue.field, []).append(messages.text(issue.code, issue.params))
        for name, note in self.notes.items():
            texts = by_field.get(name, [])
            note.setText("\n".join(texts))
            note.setVisible(bool(texts))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not issues)
        fit_height(self)

    def save(self) -> None:
        if self.validate() or self.ctx.db is None:
            return
        db = self.ctx.db
        snapshot = self.snapshot
        restore: Callable[[int], Any] | None = None
        if snapshot is not None:
            restore = lambda _row_id: reference.restore_reference(db, snapshot)  # noqa: E731
        self.buttons.setEnabled(False)
        command = commands.save_reference(
            self.ctx, self.TABLE, self.writer(), restore, self.row_id, self.label()
        )
        commands.push_when_written(
            self.ctx, command, on_done=self._written, on_error=self._save_failed
        )

    def _written(self, state: dict[str, Any]) -> None:
        if not shiboken6.isValid(self):
            return  # closed while the writer was saving: the save stands, and can be undone
        self.saved.emit(state["id"])
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            show_error(None, error)
            return
        self.buttons.setEnabled(True)
        if isinstance(error, RuleViolation):
            self.show_issues(error.issues)
            return
        show_error(self, error)


class FunderDialog(ReferenceDialog):
    """A funder: its name and kind (State, agency, region, local authority, EU, private)."""

    TABLE = "funder"

    def __init__(
        self,
        ctx: AppContext,
        snapshot: RowSnapshot | None = None,
        taken: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, snapshot, taken, parent)
        self.setObjectName("funderDialog")
        self.setWindowTitle(self.tr("New funder") if snapshot is None else self.tr("Funder"))
        self.name = QLineEdit()
        self.name.setObjectName("funderName")
        self.kind = QComboBox()
        self.kind.setObjectName("funderKind")
        for kind in FunderKind:
            self.kind.addItem(formatting.label("FunderKind", kind.value), kind.value)
        self.add_row(self.tr("Name"), self.name, "name")
        self.add_row(self.tr("Kind"), self.kind)
        if snapshot is not None:
            self.name.setText(str(snapshot.values["name"]))
            self.kind.setCurrentIndex(max(0, self.kind.findData(snapshot.values["kind"])))
        self.name.textChanged.connect(self.validate)
        self.validate()

    def issues(self) -> list[Issue]:
        return self.name_issues(self.name.text())

    def writer(self) -> Callable[[int | None], int]:
        db, name, kind = self.ctx.db, self.name.text().strip(), FunderKind(self.kind.currentData())
        assert db is not None
        return lambda row_id: reference.save_funder(db, FunderRecord(name, kind, row_id))

    def label(self) -> str:
        text = self.tr("Create funder %1") if self.snapshot is None else self.tr("Edit funder %1")
        return text.replace("%1", self.name.text().strip())


class CallDialog(ReferenceDialog):
    """A call for proposals: name, funder, programme, year."""

    TABLE = "call"

    def __init__(
        self,
        ctx: AppContext,
        funders: list[Choice],
        snapshot: RowSnapshot | None = None,
        taken: Iterable[str] = (),
        parent: QWidget | None = None,
        *,
        funder_id: int | None = None,
    ) -> None:
        super().__init__(ctx, snapshot, taken, parent)
        self.setObjectName("callDialog")
        self.setWindowTitle(
            self.tr("New call for proposals") if snapshot is None else self.tr("Call for proposals")
        )
        self.name = QLineEdit()
        self.name.setObjectName("callName")
        self.funder = QComboBox()
        self.funder.setObjectName("callFunder")
        self.funder.addItem("—", None)
        for choice in funders:
            self.funder.addItem(choice.name, choice.id)
        self.programme = QLineEdit()
        self.programme.setObjectName("callProgramme")
        self.year = QSpinBox()
        self.year.setObjectName("callYear")
        self.year.setRange(NO_YEAR, 2100)
        self.year.setSpecialValueText("—")
        self.add_row(self.tr("Name"), self.name, "name")
        self.add_row(self.tr("Funder"), self.funder)
        self.add_row(self.tr("Programme"), self.programme)
        self.add_row(self.tr("Year"), self.year)
        values = snapshot.values if snapshot is not None else {}
        self.name.setText(str(values.get("name", "")))
        chosen = values.get("funder_id", funder_id)
        self.funder.setCurrentIndex(max(0, self.funder.findData(chosen)))
        self.programme.setText(str(values.get("programme") or ""))
        self.year.setValue(int(values.get("year") or NO_YEAR))
        self.name.textChanged.connect(self.validate)
        self.validate()

    def issues(self) -> list[Issue]:
        return self.name_issues(self.name.text())

    def writer(self) -> Callable[[int | None], int]:
        db, year = self.ctx.db, self.year.value()
        assert db is not None
        values = (
            self.name.text().strip(),
            self.funder.currentData(),
            self.programme.text().strip(),
            None if year == NO_YEAR else year,
        )
        return lambda row_id: reference.save_call(db, CallRecord(*values, id=row_id))

    def label(self) -> str:
        text = self.tr("Create call %1") if self.snapshot is None else self.tr("Edit call %1")
        return text.replace("%1", self.name.text().strip())


class DomainDialog(ReferenceDialog):
    """A technology domain: name, colour (charts, legends), active (offered in new splits)."""

    TABLE = "domain"

    def __init__(
        self,
        ctx: AppContext,
        snapshot: RowSnapshot | None = None,
        taken: Iterable[str] = (),
        parent: QWidget | None = None,
        *,
        colour: str = "#0072B2",
        poles: Sequence[tuple[str, int]] = (),
    ) -> None:
        super().__init__(ctx, snapshot, taken, parent)
        self.setObjectName("domainDialog")
        self.setWindowTitle(self.tr("New domain") if snapshot is None else self.tr("Domain"))
        self.name = QLineEdit()
        self.name.setObjectName("domainName")
        self.colour = QLineEdit()
        self.colour.setObjectName("domainColour")
        self.colour.setMaxLength(7)
        self.colour.setPlaceholderText("#RRGGBB")
        self.colour_button = QPushButton(self.tr("Choose…"))
        self.colour_button.setObjectName("domainColourButton")
        self.colour_button.clicked.connect(self.choose_colour)
        self.swatch = QLabel()
        self.swatch.setFixedSize(28, 20)
        colour_row = QWidget()
        row = QHBoxLayout(colour_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.swatch)
        row.addWidget(self.colour, 1)
        row.addWidget(self.colour_button)
        self.active = QCheckBox(self.tr("Active (offered when classifying projects)"))
        self.active.setObjectName("domainActive")
        values = snapshot.values if snapshot is not None else {}
        # The pole whose roadmap the domain is, offered in a base of several poles (or when the
        # domain already belongs to one): its projects only may be classified in it.
        self.pole = QComboBox()
        self.pole.setObjectName("domainPole")
        self.pole.addItem(self.tr("Every cluster"), None)
        for pole_name, pole_id in poles:
            self.pole.addItem(pole_name, pole_id)
        current_pole = values.get("cluster_id")
        self.pole.setCurrentIndex(max(self.pole.findData(current_pole), 0))
        self.add_row(self.tr("Name"), self.name, "name")
        self.add_row(self.tr("Colour"), colour_row, "colour")
        self.add_row("", self.active)
        self._shows_pole = len(poles) > 1 or current_pole is not None
        if self._shows_pole:
            self.add_row(self.tr("Cluster"), self.pole, "cluster_id")
        hint = QLabel(
            self.tr(
                "Renaming a domain keeps every project's split. An inactive domain stays on the "
                "projects that use it but is no longer offered for new splits."
            )
            + (
                " "
                + self.tr(
                    "A domain of one cluster's roadmap is offered to that cluster's projects only."
                )
                if self._shows_pole
                else ""
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.form.addRow(hint)
        self.name.setText(str(values.get("name", "")))
        self.colour.setText(str(values.get("colour", colour)).upper())
        self.active.setChecked(bool(values.get("active", True)))
        self.name.textChanged.connect(self.validate)
        self.colour.textChanged.connect(self.validate)
        self._dialog: QColorDialog | None = None
        self.validate()

    def issues(self) -> list[Issue]:
        issues = self.name_issues(self.name.text())
        issues += rules.check_colour(self.colour.text().strip())
        valid = not rules.check_colour(self.colour.text().strip())
        self.swatch.setStyleSheet(
            f"background: {self.colour.text().strip()}; border: 1px solid #888;"
            if valid
            else "border: 1px dashed #b3261e;"
        )
        return issues

    def choose_colour(self) -> None:
        dialog = QColorDialog(QColor(self.colour.text().strip() or "#0072B2"), self)
        dialog.setWindowTitle(self.tr("Colour of the domain"))
        dialog.colorSelected.connect(lambda c: self.colour.setText(c.name().upper()))
        self._dialog = dialog
        dialog.open()

    def writer(self) -> Callable[[int | None], int]:
        db = self.ctx.db
        assert db is not None
        name, colour, active = (
            self.name.text().strip(),
            self.colour.text().strip(),
            self.active.isChecked(),
        )
        if not self._shows_pole:
            return lambda row_id: reference.save_domain(db, row_id, name, colour, active)
        pole = self.pole.currentData()
        return lambda row_id: reference.save_domain(db, row_id, name, colour, active, pole=pole)

    def label(self) -> str:
        if self.snapshot is None:
            return self.tr("Create domain %1").replace("%1", self.name.text().strip())
        old = str(self.snapshot.values.get("name", ""))
        new = self.name.text().strip()
        if old != new:
            return self.tr("Rename domain %1 to %2").replace("%1", old).replace("%2", new)
        return self.tr("Edit domain %1").replace("%1", new)


@dataclass(slots=True)
class ExpertChoices:
    """What the expert form offers: every domain, and the names of the tied organisations."""

    domains: list[tuple[str, int, bool]] = field(default_factory=list)  # name, id, active
    organisations: dict[int, str] = field(default_factory=dict)


class ExpertDialog(ReferenceDialog):
    """An expert: name, e-mail, affiliation, domains covered, organisations tied to (conflicts)."""

    TABLE = "expert"

    def __init__(
        self,
        ctx: AppContext,
        choices: ExpertChoices,
        snapshot: RowSnapshot | None = None,
        evaluations: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, snapshot, (), parent)
        self.setObjectName("expertDialog")
        self.setWindowTitle(self.tr("New expert") if snapshot is None else self.tr("Expert"))
        self.setMinimumWidth(560)
        self.name = QLineEdit()
        self.name.setObjectName("expertName")
        self.email = QLineEdit()
        self.email.setObjectName("expertEmail")
        self.email.setPlaceholderText(self.tr("first.last@example.fr"))
        self.affiliation = QLineEdit()
        self.affiliation.setObjectName("expertAffiliation")
        self.domains = CheckableComboBox(self.tr("No domain"))
        self.domains.setObjectName("expertDomains")
        inactive = self.tr("%1 (inactive)")
        self.domains.set_items(
            [
                (name if active else inactive.replace("%1", name), i)
                for name, i, active in choices.domains
            ]
        )
        self.ties = ReferenceTableModel(
            [Column("name", self.tr("Organisation"), lambda c: c.name)], self
        )
        self.ties_view = QListView()
        self.ties_view.setObjectName("expertTies")
        self.ties_view.setModel(self.ties)
        self.ties_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.ties_view.setMinimumHeight(110)
        self.add_tie_button = QPushButton(self.tr("Add…"))
        self.add_tie_button.setObjectName("addTie")
        self.add_tie_button.clicked.connect(self.pick_organisations)
        self.remove_tie_button = QPushButton(self.tr("Remove"))
        self.remove_tie_button.setObjectName("removeTie")
        self.remove_tie_button.clicked.connect(self.remove_selected_ties)
        ties_box = QWidget()
        ties_layout = QVBoxLayout(ties_box)
        ties_layout.setContentsMargins(0, 0, 0, 0)
        ties_layout.addWidget(self.ties_view)
        tie_buttons = QHBoxLayout()
        tie_buttons.addWidget(self.add_tie_button)
        tie_buttons.addWidget(self.remove_tie_button)
        tie_buttons.addStretch(1)
        ties_layout.addLayout(tie_buttons)
        explanation = QLabel(
            self.tr(
                "An expert tied to an organisation (employer, board seat, shareholding…) cannot "
                "evaluate the projects it takes part in."
            )
        )
        explanation.setWordWrap(True)
        explanation.setStyleSheet("color: #5f6368;")
        ties_layout.addWidget(explanation)

        self.add_row(self.tr("Name"), self.name, "name")
        self.add_row(self.tr("E-mail"), self.email, "email")
        self.add_row(self.tr("Affiliation"), self.affiliation)
        self.add_row(self.tr("Domains covered"), self.domains)
        self.add_row(self.tr("Tied to"), ties_box)
        if snapshot is not None:
            self.add_row(
                self.tr("Evaluations"), QLabel(self.tr("%Ln evaluation(s)", "", evaluations))
            )
        values = snapshot.values if snapshot is not None else {}
        links = snapshot.links if snapshot is not None else {}
        self.name.setText(str(values.get("name", "")))
        self.email.setText(str(values.get("email") or ""))
        self.affiliation.setText(str(values.get("affiliation") or ""))
        self.domains.set_checked(list(links.get("domains", ())))
        self.ties.set_rows(
            sorted(
                (
                    Choice(i, choices.organisations.get(i, f"#{i}"))
                    for i in links.get("organisations", ())
                ),
                key=lambda c: name_key(c.name),
            )
        )
        self._picker: OrganisationPickerDialog | None = None
        self.name.textChanged.connect(self.validate)
        self.email.textChanged.connect(self.validate)
        self.validate()

    def issues(self) -> list[Issue]:
        return reference.expert_issues(self.name.text(), self.email.text())

    def tie_ids(self) -> list[int]:
        return [c.id for c in self.ties.rows()]

    def pick_organisations(self) -> None:
        picker = OrganisationPickerDialog(
            self.ctx, self, exclude=set(self.tie_ids()), title=self.tr("Tie the expert to…")
        )
        picker.accepted.connect(lambda: self.add_ties(picker.chosen()))
        self._picker = picker
        picker.open()

    def add_ties(self, chosen: list[tuple[int, str]]) -> None:
        current = {c.id: c for c in self.ties.rows()}
        for org_id, name in chosen:
            current.setdefault(org_id, Choice(org_id, name))
        self.ties.set_rows(sorted(current.values(), key=lambda c: name_key(c.name)))

    def remove_selected_ties(self) -> None:
        rows = {i.row() for i in self.ties_view.selectionModel().selectedIndexes()}
        self.ties.set_rows([c for n, c in enumerate(self.ties.rows()) if n not in rows])

    def writer(self) -> Callable[[int | None], int]:
        db = self.ctx.db
        assert db is not None
        name, email, affiliation = (
            self.name.text().strip(),
            self.email.text().strip(),
            self.affiliation.text().strip(),
        )
        domain_ids, tie_ids = list(self.domains.checked_values()), self.tie_ids()
        return lambda row_id: reference.save_expert(
            db, row_id, name, email, affiliation, domain_ids, tie_ids
        )

    def label(self) -> str:
        text = self.tr("Create expert %1") if self.snapshot is None else self.tr("Edit expert %1")
        return text.replace("%1", self.name.text().strip())

"""The organisation form: name, kind, SIREN and SIRET checked as the user types, region, city,
membership. Saving runs in the writer and becomes one undoable command; nothing invalid is saved."""

from __future__ import annotations

import copy
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ... import messages
from ...domain import rules
from ...domain.enums import REGION_NAMES, OrganisationKind
from ...domain.identifiers import normalise_identifier
from ...domain.model import OrganisationRecord
from ...domain.rules import Issue, RuleViolation
from ...services import reference
from ...services.portfolio import StaleRecordError
from ...services.reference import NamedRow
from .. import commands, formatting
from ..context import AppContext
from ..errors import describe, show_error
from ..widgets.fields import OptionalDateEdit
from .reference_editors import fit_height

ERROR_STYLE = "color: #b3261e;"
HINT_STYLE = "color: #5f6368;"
OK_STYLE = "color: #1b7f3b;"
WARNING_STYLE = "color: #8a5300;"


def clean(record: OrganisationRecord) -> OrganisationRecord:
    """What the service will store: identifiers without spaces or dots, SIREN taken from SIRET."""
    record.siren = normalise_identifier(record.siren) if record.siren else None
    record.siret = normalise_identifier(record.siret) if record.siret else None
    if record.siret and not record.siren and len(record.siret) == 14:
        record.siren = record.siret[:9]
    return record


class OrganisationDialog(QDialog):
    """Creates (record None) or edits one organisation. `saved(id)` once it has been written."""

    saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        record: OrganisationRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.original = copy.deepcopy(record)
        self.setObjectName("organisationDialog")
        self.setWindowTitle(
            self.tr("New organisation")
            if record is None
            else self.tr("Organisation — %1").replace("%1", record.name)
        )
        self.setMinimumWidth(520)
        self._checked_siren: str | None = None
        self._duplicates: list[NamedRow] = []

        self.name = QLineEdit()
        self.name.setObjectName("organisationName")
        self.kind = QComboBox()
        self.kind.setObjectName("organisationKind")
        for kind in OrganisationKind:
            self.kind.addItem(formatting.label("OrganisationKind", kind.value), kind.value)
        self.siren = QLineEdit()
        self.siren.setObjectName("organisationSiren")
        self.siren.setPlaceholderText(self.tr("9 digits, e.g. 732 829 320"))
        self.siren.setMaxLength(20)
        self.siret = QLineEdit()
        self.siret.setObjectName("organisationSiret")
        self.siret.setPlaceholderText(self.tr("14 digits (optional)"))
        self.siret.setMaxLength(24)
        self.region = QComboBox()
        self.region.setObjectName("organisationRegion")
        self.region.addItem("—", None)
        for region, name in sorted(REGION_NAMES.items(), key=lambda item: item[1]):
            self.region.addItem(name, region.value)
        self.city = QLineEdit()
        self.city.setObjectName("organisationCity")
        self.member = QCheckBox(self.tr("Member of the cluster"))
        self.member.setObjectName("organisationMember")
        self.member_since = OptionalDateEdit()
        self.member_since.setObjectName("organisationMemberSince")
        self.member_until = OptionalDateEdit()
        self.member_until.setObjectName("organisationMemberUntil")

        self.notes: dict[str, QLabel] = {}
        form = QFormLayout()
        form.addRow(self.tr("Name"), self._with_note(self.name, "name"))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("SIREN"), self._with_note(self.siren, "siren"))
        form.addRow(self.tr("SIRET"), self._with_note(self.siret, "siret"))
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("City"), self.city)
        form.addRow("", self.member)
        form.addRow(self.tr("Member since"), self.member_since)
        form.addRow(self.tr("Member until"), self._with_note(self.member_until, "member_until"))

        self.duplicate = QLabel()
        self.duplicate.setObjectName("organisationDuplicate")
        self.duplicate.setWordWrap(True)
        self.duplicate.setStyleSheet(WARNING_STYLE)
        self.duplicate.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.duplicate)
        layout.addWidget(self.buttons)

        if record is not None:
            self._load(record)
        for line in (self.name, self.siren, self.siret, self.city):
            line.textChanged.connect(self.validate)
        self.kind.currentIndexChanged.connect(self.validate)
        self.region.currentIndexChanged.connect(self.validate)
        self.member.toggled.connect(self.validate)
        self.member_since.dateChanged.connect(self.validate)
        self.member_until.dateChanged.connect(self.validate)
        self.validate()

    def _with_note(self, widget: QWidget, field: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        note = QLabel()
        note.setObjectName(f"note_{field}")
        note.hide()
        column.addWidget(note)
        self.notes[field] = note
        return box

    def _load(self, record: OrganisationRecord) -> None:
        self.name.setText(record.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(record.kind.value)))
        self.siren.setText(record.siren or "")
        self.siret.setText(record.siret or "")
        self.region.setCurrentIndex(max(0, self.region.findData(record.region)))
        self.city.setText(record.city)
        self.member.setChecked(record.is_member)
        self.member_since.set_value(record.member_since)
        self.member_until.set_value(record.member_until)

    # -- the record and its checks -----------------------------------------------------------------

    def current_record(self) -> OrganisationRecord:
        base = self.original
        return clean(
            OrganisationRecord(
                name=self.name.text().strip(),
                kind=OrganisationKind(self.kind.currentData()),
                siren=self.siren.text().strip() or None,
                siret=self.siret.text().strip() or None,
                region=self.region.currentData(),
                city=self.city.text().strip(),
                is_member=self.member.isChecked(),
                member_since=self.member_since.value(),
                member_until=self.member_until.value(),
                id=base.id if base is not None else None,
                version=base.version if base is not None else 0,
            )
        )

    def validate(self, *_args: object) -> list[Issue]:
        record = self.current_record()
        issues = rules.check_organisation(record)
        self.show_issues(issues, record)
        self._check_duplicates(record, issues)
        return issues

    def show_issues(self, issues: list[Issue], record: OrganisationRecord | None = None) -> None:
        record = record or self.current_record()
        by_field: dict[str, list[str]] = {}
        for issue in issues:
            by_field.setdefault(issue.field, []).append(self._issue_text(issue))
        for field, note in self.notes.items():
            texts = by_field.get(field)
            style = ERROR_STYLE
            if field in ("siren", "siret"):
                hint = self._identifier_hint(field, record)
                if hint is not None:  # still typing: a count of digits, not an error yet
                    texts, style = [hint[0]], hint[1]
            note.setText("\n".join(texts or []))
            note.setStyleSheet(style)
            note.setVisible(bool(texts))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not issues)
        fit_height(self)

    def _issue_text(self, issue: Issue) -> str:
        if issue.code == "date_before" and issue.field == "member_until":
            return self.tr("Membership cannot end before it started.")
        return messages.text(issue.code, issue.params)

    def _identifier_hint(self, field: str, record: OrganisationRecord) -> tuple[str, str] | None:
        """A grey digit count while an identifier is incomplete, green once it checks out."""
        digits = normalise_identifier(self.siren.text() if field == "siren" else self.siret.text())
        length = 9 if field == "siren" else 14
        if not digits:
            return None
        if digits.isdigit() and len(digits) < length:
            count = self.tr("%1 digits of %2").replace("%1", str(len(digits)))
            return count.replace("%2", str(length)), HINT_STYLE
        if any(i.field == field for i in rules.check_organisation(record)):
            return None  # the error itself is shown
        return "✓ " + (
            self.tr("Valid SIREN") if field == "siren" else self.tr("Valid SIRET")
        ), OK_STYLE

    def _check_duplicates(self, record: OrganisationRecord, issues: list[Issue]) -> None:
        """Asks (off the GUI thread) whether another organisation already has this SIREN."""
        siren = record.siren if not any(i.field == "siren" for i in issues) else None
        if siren == self._checked_siren:
            return
        self._checked_siren = siren
        if siren is None or self.ctx.db is None:
            self._show_duplicates([])
            return
        except_id = self.original.id if self.original is not None else None

        def done(rows: list[NamedRow], asked: str = siren) -> None:
            if shiboken6.isValid(self) and asked == self._checked_siren:
                self._show_duplicates(rows)

        self.ctx.read(
            reference.organisations_with_siren,
            self.ctx.db,
            siren,
            except_id,
            on_done=done,
            on_error=lambda _e: None,  # a hint only: the save itself reports real problems
        )

    def _show_duplicates(self, rows: list[NamedRow]) -> None:
        self._duplicates = rows
        if rows:
            names = ", ".join(r.name for r in rows[:3])
            self.duplicate.setText(
                self.tr(
                    "Another organisation already has this SIREN: %1. If it is the same one, "
                    "merge them rather than keep a duplicate (Organisations → Merge)."
                ).replace("%1", names)
            )
        self.duplicate.setVisible(bool(rows))
        fit_height(self)

    # -- saving ------------------------------------------------------------------------------------

    def save(self) -> None:
        record = self.current_record()
        issues = rules.check_organisation(record)
        if issues:
            self.show_issues(issues, record)
            return
        if self.ctx.db is None:
            return
        if self.original is not None and record == clean(copy.deepcopy(self.original)):
            self.accept()  # nothing changed: no write, no undo entry
            return
        text = (
            self.tr("Create organisation %1")
            if self.original is None
            else self.tr("Edit organisation %1")
        ).replace("%1", record.name)
        self.buttons.setEnabled(False)
        command = commands.save_organisation(self.ctx, self.original, record, text)
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
        if isinstance(error, StaleRecordError):
            QMessageBox.warning(self, self.tr("Changed elsewhere"), describe(error) or "")
            return
        show_error(self, error)

    def keyPressEvent(self, event: Any) -> None:
        # Enter in a field must not save a half-typed SIREN: only the Save button saves.
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not self.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
        ):
            return
        super().keyPressEvent(event)

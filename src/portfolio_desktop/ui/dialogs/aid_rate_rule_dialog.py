"""The form of an aid-rate rule: what it applies to (a call, or a funder and one or every
instrument), the kind of partner, the maximum rate in percent, its cost base and its source.

Checked as the user types (the same checks the write path makes, duplicates against the rules the
screen last read); saving runs in the writer as one undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from ...domain.enums import Instrument, OrganisationKind
from ...domain.financing import AidRateRule, CostBase
from ...domain.rules import RULE_SOURCE_MAX, Issue
from ...services import reference
from ...services.reference import RuleLine
from .. import commands, formatting
from ..context import AppContext
from .history_view import capitalised
from .reference_editors import Choice, ReferenceDialog


def rate_to_bp(percent: float) -> int:
    """A percent typed with up to two decimals, in basis points (45,5 % → 4 550)."""
    return int((Decimal(str(percent)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


class AidRateRuleDialog(ReferenceDialog):
    """A new aid-rate rule (scope preset from the selected call or funder), or one to edit."""

    TABLE = "aid_rate_rule"

    def __init__(
        self,
        ctx: AppContext,
        calls: Sequence[Choice],
        funders: Sequence[Choice],
        rules: Sequence[RuleLine],
        line: RuleLine | None = None,
        parent: QWidget | None = None,
        *,
        call_id: int | None = None,
        funder_id: int | None = None,
    ) -> None:
        super().__init__(ctx, None, (), parent)
        self.setObjectName("aidRateRuleDialog")
        self.setWindowTitle(
            self.tr("New aid-rate rule") if line is None else self.tr("Aid-rate rule")
        )
        self.setMinimumWidth(560)
        self.line = line
        self.rules = list(rules)

        self.for_call = QRadioButton(self.tr("Call for proposals"))
        self.for_call.setObjectName("ruleForCall")
        self.for_funder = QRadioButton(self.tr("Funder"))
        self.for_funder.setObjectName("ruleForFunder")
        group = QButtonGroup(self)
        group.addButton(self.for_call)
        group.addButton(self.for_funder)
        self.call = QComboBox()
        self.call.setObjectName("ruleCall")
        self.call.addItem("—", None)
        for choice in calls:
            self.call.addItem(choice.name, choice.id)
        self.funder = QComboBox()
        self.funder.setObjectName("ruleFunder")
        self.funder.addItem("—", None)
        for choice in funders:
            self.funder.addItem(choice.name, choice.id)
        self.instrument = QComboBox()
        self.instrument.setObjectName("ruleInstrument")
        self.instrument.addItem(self.tr("All instruments"), None)
        for instrument in Instrument:
            self.instrument.addItem(
                formatting.label("Instrument", instrument.value), instrument.value
            )
        scope = QWidget()
        grid = QGridLayout(scope)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.for_call, 0, 0)
        grid.addWidget(self.call, 0, 1, 1, 2)
        grid.addWidget(self.for_funder, 1, 0)
        grid.addWidget(self.funder, 1, 1)
        grid.addWidget(self.instrument, 1, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)

        self.kind = QComboBox()
        self.kind.setObjectName("rulePartnerKind")
        for kind in OrganisationKind:
            self.kind.addItem(formatting.label("OrganisationKind", kind.value), kind.value)
        self.rate = QDoubleSpinBox()
        self.rate.setObjectName("ruleRate")
        self.rate.setRange(0, 100)
        self.rate.setDecimals(2)
        self.rate.setSingleStep(5)
        self.rate.setSuffix(" %" if formatting.lang() == "fr" else "%")
        self.base = QComboBox()
        self.base.setObjectName("ruleBase")
        for base in CostBase:
            self.base.addItem(capitalised(formatting.label("CostBase", base.value)), base.value)
        self.source = QLineEdit()
        self.source.setObjectName("ruleSource")
        self.source.setMaxLength(RULE_SOURCE_MAX)
        self.source.setPlaceholderText(self.tr("e.g. the call's specifications, 2013 edition"))

        self.add_row(self.tr("Applies to"), scope, "scope")
        self.add_row(self.tr("Kind of partner"), self.kind, "partner_kind")
        self.add_row(self.tr("Maximum rate"), self.rate, "rate")
        self.add_row(self.tr("Cost base"), self.base)
        self.add_row(self.tr("Source"), self.source, "source")
        for note in self.notes.values():
            note.setWordWrap(True)  # the messages are sentences: wrapped, never clipped
        hint = QLabel(
            self.tr(
                "A call's own rule comes first; without one, the rule of the project's funder "
                "(for its instrument, or for every instrument) applies. Start-ups fall under the "
                "SME rule and universities under the research one, unless a rule names them."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.form.addRow(hint)

        rule = line.rule if line is not None else None
        if rule is not None:
            call_id, funder_id = rule.call_id, rule.funder_id
            self.kind.setCurrentIndex(max(0, self.kind.findData(rule.partner_kind)))
            self.rate.setValue(rule.max_rate_bp / 100)
            self.base.setCurrentIndex(max(0, self.base.findData(CostBase(rule.base).value)))
            self.source.setText(rule.source)
            self.source.setCursorPosition(0)  # a long source shows its beginning
            self.instrument.setCurrentIndex(max(0, self.instrument.findData(rule.instrument)))
        self.call.setCurrentIndex(max(0, self.call.findData(call_id)))
        self.funder.setCurrentIndex(max(0, self.funder.findData(funder_id)))
        (
            self.for_funder if funder_id is not None and call_id is None else self.for_call
        ).setChecked(True)
        for combo in (self.call, self.funder, self.instrument, self.kind, self.base):
            combo.currentIndexChanged.connect(self.validate)
        self.for_call.toggled.connect(self.validate)
        self.rate.valueChanged.connect(self.validate)
        self.source.textChanged.connect(self.validate)
        self.validate()

    @property
    def row_id(self) -> int | None:
        return self.line.id if self.line is not None else None

    def rule(self) -> AidRateRule:
        """The rule as the form stands."""
        on_call = self.for_call.isChecked()
        return AidRateRule(
            partner_kind=str(self.kind.currentData()),
            max_rate_bp=rate_to_bp(self.rate.value()),
            base=CostBase(self.base.currentData()),
            source=self.source.text().strip(),
            call_id=self.call.currentData() if on_call else None,
            funder_id=None if on_call else self.funder.currentData(),
            instrument=None if on_call else self.instrument.currentData(),
        )

    def issues(self) -> list[Issue]:
        on_call = self.for_call.isChecked()
        self.call.setEnabled(on_call)
        self.funder.setEnabled(not on_call)
        self.instrument.setEnabled(not on_call)
        return reference.rule_issues(self.rule(), self.rules, self.row_id)

    def label(self) -> str:
        text = (
            self.tr("Create aid-rate rule %1")
            if self.line is None
            else self.tr("Edit aid-rate rule %1")
        )
        on_call = self.for_call.isChecked()
        scope = (self.call if on_call else self.funder).currentText()
        kind = self.kind.currentText()
        return text.replace("%1", f"{scope} · {kind}")

    def save(self) -> None:
        if self.validate() or self.ctx.db is None:
            return
        self.buttons.setEnabled(False)
        command = commands.save_rule(self.ctx, self.row_id, self.rule(), self.label())
        commands.push_when_written(
            self.ctx, command, on_done=self._written, on_error=self._save_failed
        )

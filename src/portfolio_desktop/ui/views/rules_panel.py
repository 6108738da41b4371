"""The dashboard's list of partners whose aid rate is above the rule for their kind (the call's,
or a funder's), across the whole portfolio: what the project editor's partner × funder matrix
flags in red, one project at a time."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...services.money import OutsideRule, RuleFigures
from .. import formatting
from ..dialogs.financing_views import percent
from ..models.read_only_table import RIGHT, Column, ReadOnlyTableModel
from ..widgets.tables import read_only_list


class OutsideRulesModel(ReadOnlyTableModel[OutsideRule]):
    """Rows: partners above their rule, by project reference; columns: project, partner, kind,
    aid, budget, rate, maximum (the rule's source as its tooltip)."""

    def columns(self) -> list[Column[OutsideRule]]:
        def source(row: OutsideRule) -> str:
            return row.rule.source or self.tr("No source noted")

        return [
            Column(
                self.tr("Project"),
                lambda row: f"{row.reference} — {row.acronym}" if row.acronym else row.reference,
            ),
            Column(self.tr("Partner"), lambda row: row.partner),
            Column(
                self.tr("Kind"), lambda row: formatting.label("OrganisationKind", row.kind or None)
            ),
            Column(self.tr("Aid"), lambda row: formatting.money(row.aid_cents), RIGHT),
            Column(self.tr("Budget"), lambda row: formatting.money(row.budget_cents), RIGHT),
            Column(self.tr("Rate"), lambda row: percent(row.rate), RIGHT, tooltip=source),
            Column(
                self.tr("Maximum"),
                lambda row: formatting.rate_bp(row.rule.max_rate_bp),
                RIGHT,
                tooltip=source,
            ),
        ]


class RulesPanel(QWidget):
    """The partners above their aid-rate rule; a double-click opens the project."""

    #: A project's id, to open in the editor.
    project_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesPanel")
        self.model = OutsideRulesModel(self)
        self.title = QLabel(self.tr("Aid rates above the rules (whole portfolio)"))
        self.title.setStyleSheet("font-weight: bold;")
        self.summary = QLabel()
        self.summary.setObjectName("rulesSummary")
        self.summary.setWordWrap(True)
        self.view = read_only_list(self.model, "outsideRules")
        self.view.doubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.setMinimumHeight(260)

    def show_figures(self, figures: RuleFigures) -> None:
        self.model.set_rows(figures.outside)
        if figures.outside:
            text = (
                self.tr(
                    "Partners above their rule: %1 · projects: %2 · projects checked (aid split "
                    "over their partners): %3"
                )
                .replace("%1", formatting.number(len(figures.outside)))
                .replace("%2", formatting.number(figures.projects_outside))
                .replace("%3", formatting.number(figures.checked_projects))
            )
        else:
            text = self.tr(
                "No partner above its rule · projects checked (aid split over their partners): %1"
            ).replace("%1", formatting.number(figures.checked_projects))
        self.summary.setText(text)

    def _activated(self, index: object) -> None:
        row = getattr(index, "row", lambda: -1)()
        if 0 <= row < len(self.model.rows):
            self.project_activated.emit(self.model.rows[row].project_id)

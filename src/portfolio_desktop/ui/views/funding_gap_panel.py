"""The dashboard's funding gap: the funded projects' budgets against what is granted, what is
still asked for, and what no funder covers, summed by call, by domain or by pole (whole
portfolio)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...services.money import GapFigures, GapRow
from .. import formatting
from ..models.read_only_table import RIGHT, Column, ReadOnlyTableModel
from ..widgets.tables import read_only_list


class GapModel(ReadOnlyTableModel[GapRow]):
    """Rows: calls, domains or poles, largest uncovered first; columns: the group, its funded
    projects, budget, granted, pending, not covered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: What the rows are (call, domain, pole), and what a row without a key is: the
        #: projects without a call, or without a domain.
        self.key_header = ""
        self.none_label = ""

    def columns(self) -> list[Column[GapRow]]:
        return [
            Column(self.key_header, lambda row: row.key or self.none_label),
            Column(self.tr("Funded projects"), lambda row: formatting.number(row.projects), RIGHT),
            Column(self.tr("Budget"), lambda row: formatting.money(row.gap.budget_cents), RIGHT),
            Column(self.tr("Granted"), lambda row: formatting.money(row.gap.granted_cents), RIGHT),
            Column(
                self.tr("Asked, not decided"),
                lambda row: formatting.money(row.gap.pending_cents),
                RIGHT,
            ),
            Column(
                self.tr("Not covered"),
                lambda row: formatting.money(row.uncovered_cents),
                RIGHT,
                tooltip=lambda row: self.tr(
                    "The budget no grant covers, project by project: a project funded above its "
                    "budget covers no other."
                ),
            ),
        ]


class FundingGapPanel(QWidget):
    """The portfolio's funding gap in one line, and a table of it by call, domain or pole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fundingGapPanel")
        self.figures: GapFigures | None = None
        self.model = GapModel(self)
        self.title = QLabel(self.tr("Funding gap (funded projects, whole portfolio)"))
        self.title.setStyleSheet("font-weight: bold;")
        self.by = QComboBox()
        self.by.setObjectName("fundingGapBy")
        self.by.addItem(self.tr("By call"), "call")
        self.by.addItem(self.tr("By domain"), "domain")
        self.by.addItem(self.tr("By pole"), "cluster")
        self.by.setAccessibleName(self.tr("Funding gap grouped"))
        self.by.currentIndexChanged.connect(self._show_group)
        self.summary = QLabel()
        self.summary.setObjectName("fundingGapSummary")
        self.summary.setWordWrap(True)
        self.view = read_only_list(self.model, "fundingGapTable")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.by)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.setMinimumHeight(280)

    def show_figures(self, figures: GapFigures) -> None:
        self.figures = figures
        total = figures.total
        self.summary.setText(
            self.tr(
                "Not covered: %1 of a budget of %2 (granted %3, asked and not decided %4; %5 funded projects)"
            )
            .replace("%1", formatting.money(total.uncovered_cents))
            .replace("%2", formatting.money(total.gap.budget_cents))
            .replace("%3", formatting.money(total.gap.granted_cents))
            .replace("%4", formatting.money(total.gap.pending_cents))
            .replace("%5", formatting.number(total.projects))
        )
        self._show_group()

    def _show_group(self) -> None:
        if self.figures is None:
            return
        by = self.by.currentData()
        rows = {
            "call": self.figures.by_call,
            "domain": self.figures.by_domain,
            "cluster": self.figures.by_cluster,
        }[by]
        self.model.key_header = {
            "call": self.tr("Call"),
            "domain": self.tr("Domain"),
            "cluster": self.tr("Pole"),
        }[by]
        self.model.none_label = {
            "call": self.tr("No call"),
            "domain": self.tr("No domain"),
            "cluster": "—",
        }[by]
        self.model.set_rows(rows)

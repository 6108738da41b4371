"""The dashboard's payments: expected (tranches still planned) vs received per year, and the
tranches past due that have not arrived, for the whole portfolio."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...services.money import OverdueTranche, PaymentsFigures
from .. import formatting
from ..models.read_only_table import RIGHT, Column, ReadOnlyTableModel
from ..widgets.tables import read_only_list


class PaymentsPerYearModel(ReadOnlyTableModel[tuple[int, int, int]]):
    """Rows: years; columns: year, expected, received."""

    def set_figures(self, figures: PaymentsFigures) -> None:
        self.set_rows(list(zip(figures.years, figures.expected, figures.received, strict=True)))

    def columns(self) -> list[Column[tuple[int, int, int]]]:
        return [
            Column(self.tr("Year"), lambda row: str(row[0])),
            Column(self.tr("Expected"), lambda row: formatting.money(row[1]), RIGHT),
            Column(self.tr("Received"), lambda row: formatting.money(row[2]), RIGHT),
        ]


class OverdueModel(ReadOnlyTableModel[OverdueTranche]):
    """Rows: overdue tranches, oldest first; columns: project, funder, tranche, due, missing."""

    def columns(self) -> list[Column[OverdueTranche]]:
        return [
            Column(
                self.tr("Project"),
                lambda row: f"{row.reference} — {row.acronym}" if row.acronym else row.reference,
            ),
            Column(self.tr("Funder"), lambda row: row.funder),
            Column(self.tr("Tranche"), lambda row: formatting.label("TrancheKind", row.kind)),
            Column(self.tr("Due"), lambda row: formatting.day(row.due_on)),
            Column(self.tr("Not received"), lambda row: formatting.money(row.missing_cents), RIGHT),
        ]


class PaymentsPanel(QWidget):
    """Expected vs received per year beside the overdue tranches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentsPanel")
        self.per_year = PaymentsPerYearModel(self)
        self.overdue = OverdueModel(self)
        self.title = QLabel(self.tr("Payments (whole portfolio)"))
        self.title.setStyleSheet("font-weight: bold;")
        self.summary = QLabel()
        self.summary.setObjectName("paymentsSummary")
        self.summary.setWordWrap(True)
        years = read_only_list(self.per_year, "paymentsPerYear", stretch=None)
        late = read_only_list(self.overdue, "overdueTranches")
        row = QHBoxLayout()
        row.addWidget(years, 1)
        row.addWidget(late, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        self.setMinimumHeight(300)

    def show_figures(self, figures: PaymentsFigures) -> None:
        self.per_year.set_figures(figures)
        self.overdue.set_rows(figures.overdue)
        text = (
            self.tr("Overdue: %1 (tranches: %2)")
            .replace("%1", formatting.money(figures.overdue_cents))
            .replace("%2", formatting.number(len(figures.overdue)))
        )
        if figures.received_undated:
            text += " · " + self.tr("received at dates not known: %1").replace(
                "%1", formatting.money(figures.received_undated)
            )
        self.summary.setText(text)

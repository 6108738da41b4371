"""The project editor's money views: the partner × funder matrix (budget, aid and rate per
partner, totals per row and column, a flag where a rate is above its rule) and, for the funding
line chosen above, its payment schedule (tranches, payments received), its split over the
consortium and its spread over years."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.financing import (
    AidRateRule,
    CofinancingRecord,
    FinancingMatrix,
    LineMoney,
    MatrixLine,
    MatrixPartner,
    PaymentRecord,
    TrancheKind,
    TrancheRecord,
    YearAmount,
    financing_matrix,
    overdue_tranches,
    paid,
)
from ...domain.model import FundingLineRecord, PartnerRecord
from .. import formatting
from ..models.record_table import Field, FieldDelegate, RecordTableModel

Index = QModelIndex | QPersistentModelIndex
RED = QColor("#b3261e")


def percent(rate: Decimal | None) -> str:
    """A rate as a whole percent with one decimal where it matters (« 45 % », « 33,3 % »)."""
    if rate is None:
        return "—"
    value = (rate * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{value:f}".removesuffix(".0")
    if formatting.lang() == "fr":
        return text.replace(".", ",") + "\u00a0%"
    return text + "%"


class FinancingMatrixModel(QAbstractTableModel):
    """Rows: partners, then « not split » and « total »; columns: partner, kind, budget, one per
    funder, aid, rate, rule. Read-only: it is computed from the partners and lines edited."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix = financing_matrix([], [])
        self.kind_labels: dict[str, str] = {}

    def set_matrix(self, matrix: FinancingMatrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def _fixed(self) -> list[str]:
        return [self.tr("Partner"), self.tr("Kind"), self.tr("Budget")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.matrix.rows) + 2

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3 + len(self.matrix.funders) + 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        funders = [name for _id, name in self.matrix.funders]
        titles = [*self._fixed(), *funders, self.tr("Aid"), self.tr("Rate"), self.tr("Max")]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        matrix = self.matrix
        count = len(matrix.funders)
        partners = len(matrix.rows)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2 and column != 5 + count:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row < partners:
            line = matrix.rows[row]
            above = line.check.above
            if role == Qt.ItemDataRole.ForegroundRole and above and column >= 3 + count + 1:
                return RED
            rule = line.check.rule
            if role == Qt.ItemDataRole.ToolTipRole and rule is not None and column >= 3 + count:
                text = (
                    self.tr("max %1 of %2")
                    .replace("%1", percent(rule.max_rate))
                    .replace("%2", formatting.label("CostBase", rule.base.value))
                )
                text += "\n" + self.tr("Source: %1").replace("%1", rule.source or "—")
                if above:
                    text = self.tr("Above the rule for this kind of partner") + "\n" + text
                return text
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            if column == 0:
                return line.partner.name or "?"
            if column == 1:
                return formatting.label("OrganisationKind", line.partner.kind or None)
            if column == 2:
                budget = line.partner.budget_cents
                return formatting.money(budget) if budget is not None else "—"
            if column < 3 + count:
                return formatting.money(line.cells[column - 3])
            if column == 3 + count:
                return formatting.money(line.aid_cents)
            if column == 4 + count:
                return percent(line.check.rate)
            rule = line.check.rule
            if rule is None:
                return "—"
            text = (
                self.tr("%1 of %2")
                .replace("%1", percent(rule.max_rate))
                .replace("%2", formatting.label("CostBase", rule.base.value))
            )
            return ("⚠ " + text) if above else text
        if role == Qt.ItemDataRole.FontRole and row == partners + 1:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if row == partners:  # what the funders granted and nobody's share says
            if column == 0:
                return self.tr("Not split over partners")
            if 3 <= column < 3 + count:
                return formatting.money(matrix.unassigned[column - 3])
            if column == 3 + count:
                return formatting.money(sum(matrix.unassigned))
            return ""
        if column == 0:
            return self.tr("Total")
        if column == 2:
            return formatting.money(matrix.budget_total)
        if 3 <= column < 3 + count:
            i = column - 3
            return formatting.money(matrix.column_totals[i] + matrix.unassigned[i])
        if column == 3 + count:
            return formatting.money(matrix.granted_total)
        if column == 4 + count:
            return percent(matrix.rate)
        return ""


def build_matrix(
    partners: list[PartnerRecord],
    lines: list[FundingLineRecord],
    funders: dict[int, str],
    kinds: dict[int, str],
    rules: tuple[AidRateRule, ...],
    call_id: int | None,
) -> FinancingMatrix:
    """The matrix of the form's partners and lines (shares from each line's money)."""
    return financing_matrix(
        [
            MatrixPartner(
                p.organisation_id,
                p.organisation_name,
                kinds.get(p.organisation_id, ""),
                p.budget_cents,
            )
            for p in partners
        ],
        [
            MatrixLine(
                line.funder_id,
                funders.get(line.funder_id, line.funder_name),
                line.instrument.value,
                line.granted_cents,
                tuple(line.money.shares) if line.money is not None else (),
            )
            for line in lines
        ],
        rules,
        call_id=call_id,
    )


class MatrixPage(QWidget):
    """The matrix tab: the table and one line saying which partners are above their rule."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FinancingMatrixModel(self)
        self.view = QTableView()
        self.view.setObjectName("financingMatrix")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setWordWrap(False)
        self.model.modelReset.connect(self._fit)
        self.summary = QLabel()
        self.summary.setObjectName("matrixSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    def _fit(self) -> None:
        # The partner's name takes what the numbers leave (elided), the numbers never are.
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def show_matrix(self, matrix: FinancingMatrix) -> None:
        self.model.set_matrix(matrix)
        outside = matrix.outside_rules
        if outside:
            self.summary.setText(
                self.tr("Above their rule: %1").replace(
                    "%1", ", ".join(row.partner.name for row in outside)
                )
            )
            self.summary.setStyleSheet("color: #b3261e;")
        elif any(row.check.rule is not None for row in matrix.rows):
            self.summary.setText(self.tr("Every partner's rate is within its rule."))
            self.summary.setStyleSheet("color: #1b7f3b;")
        else:
            self.summary.setText(self.tr("No aid-rate rule applies to this project's call."))
            self.summary.setStyleSheet("")


class LineMoneyPanel(QWidget):
    """The chosen line's tranches, payments, partners' shares and spread, edited in place (the
    tables write into the line's `money`). `changed` after any edit."""

    changed = Signal()

    def __init__(
        self, partners: Callable[[], list[tuple[str, Any]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.line: FundingLineRecord | None = None
        kinds = [(formatting.label("TrancheKind", k.value), k) for k in TrancheKind]
        self.tranches = RecordTableModel(
            [
                Field("kind", self.tr("Tranche"), "choice", lambda: kinds),
                Field("due_on", self.tr("Due"), "date"),
                Field("amount_cents", self.tr("Amount"), "money"),
                Field("released", self.tr("Released"), "bool"),
            ],
            self,
        )
        self.payments = RecordTableModel(
            [
                Field("received_on", self.tr("Received"), "date"),
                Field("amount_cents", self.tr("Amount"), "money"),
                Field("tranche", self.tr("For tranche"), "choice", self._tranche_choices),
                Field("note", self.tr("Note")),
            ],
            self,
        )
        self.shares = RecordTableModel(
            [
                Field("organisation_id", self.tr("Partner"), "choice", partners),
                Field("amount_cents", self.tr("Amount"), "money"),
            ],
            self,
        )
        self.spread = RecordTableModel(
            [
                Field("year", self.tr("Year"), "int", minimum=1990, maximum=2100),
                Field("amount_cents", self.tr("Amount"), "money"),
            ],
            self,
        )
        self._partners = partners
        self.title = QLabel()
        self.title.setObjectName("lineMoneyTitle")
        self.status = QLabel()
        self.status.setObjectName("scheduleStatus")
        self.status.setWordWrap(True)

        schedule = QWidget()
        grid = QGridLayout(schedule)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(
            self._table_box(
                self.tranches, "tranchesTable", self.tr("Add tranche"), self.add_tranche
            ),
            0,
            0,
        )
        grid.addWidget(
            self._table_box(
                self.payments, "paymentsTable", self.tr("Add payment"), self.add_payment
            ),
            0,
            1,
        )
        grid.addWidget(self.status, 1, 0, 1, 2)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("lineMoneyTabs")
        self.tabs.addTab(schedule, self.tr("Payment schedule"))
        self.tabs.addTab(
            self._table_box(self.shares, "sharesTable", self.tr("Add share"), self.add_share),
            self.tr("Partners' shares"),
        )
        self.tabs.addTab(
            self._table_box(self.spread, "spreadTable", self.tr("Add year"), self.add_year),
            self.tr("Per year"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        for model in (self.tranches, self.payments, self.shares, self.spread):
            model.edited.connect(self._edited)
        self.show_line(None)

    def _table_box(self, model: RecordTableModel, name: str, add_text: str, add: Any) -> QWidget:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setItemDelegate(FieldDelegate(view))
        view.verticalHeader().setVisible(False)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Only a note stretches; amounts keep their width next to what they belong to.
        view.horizontalHeader().setStretchLastSection(model is self.payments)
        model.modelReset.connect(view.resizeColumnsToContents)
        model.rowsInserted.connect(lambda *_a: view.resizeColumnsToContents())
        add_button = QPushButton(add_text)
        add_button.setObjectName(name.replace("Table", "Add"))
        add_button.clicked.connect(add)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName(name.replace("Table", "Remove"))
        remove.clicked.connect(
            lambda: model.remove_rows([i.row() for i in view.selectionModel().selectedRows()])
        )
        buttons = QHBoxLayout()
        buttons.addWidget(add_button)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(view, 1)
        return box

    def _tranche_choices(self) -> list[tuple[str, Any]]:
        return [("—", None)] + [
            (f"{i + 1} · {formatting.label('TrancheKind', t.kind.value)}", i)
            for i, t in enumerate(self.tranches.records)
        ]

    def show_line(self, line: FundingLineRecord | None, funder: str = "") -> None:
        """Shows (and from now on edits) the money of `line`; None empties and disables."""
        self.line = line
        if line is not None and line.money is None:
            line.money = LineMoney()
        money = line.money if line is not None else None
        self.tranches.set_records(money.tranches if money else [])
        self.payments.set_records(money.payments if money else [])
        self.shares.set_records(money.shares if money else [])
        self.spread.set_records(money.spread if money else [])
        self.tabs.setEnabled(line is not None)
        self.title.setText(
            self.tr("Choose a funding line above to see its schedule.")
            if line is None
            else self.tr("Line: %1 · granted %2")
            .replace("%1", funder)
            .replace("%2", formatting.money(line.granted_cents or 0))
        )
        self.refresh_status()

    def refresh_status(self, today: date | None = None) -> None:
        line = self.line
        if line is None or line.money is None:
            self.status.setText("")
            return
        money = line.money
        received = paid(money.payments)
        planned = sum(t.amount_cents for t in money.tranches if not t.released)
        late = overdue_tranches(money.tranches, money.payments, today or date.today())
        text = (
            self.tr("Planned %1 · received %2 of granted %3")
            .replace("%1", formatting.money(planned))
            .replace("%2", formatting.money(received))
            .replace("%3", formatting.money(line.granted_cents or 0))
        )
        if late:
            text += " · " + self.tr("overdue: %1").replace(
                "%1",
                ", ".join(
                    f"{formatting.label('TrancheKind', o.kind.value)} "
                    f"({formatting.day(o.due_on)}, {formatting.money(o.missing_cents)})"
                    for o in late
                ),
            )
        self.status.setText(text)
        self.status.setStyleSheet("color: #b3261e;" if late else "")

    def _edited(self) -> None:
        line = self.line
        if line is not None and line.money is not None and line.money.payments:
            # What has arrived is the sum of the payments received.
            line.paid_cents = paid(line.money.payments)
        self.refresh_status()
        self.changed.emit()

    def add_tranche(self) -> None:
        if self.line is None:
            return
        count = len(self.tranches.records)
        kind = (TrancheKind.ADVANCE, TrancheKind.INTERIM, TrancheKind.BALANCE)[min(count, 2)]
        rest = (self.line.granted_cents or 0) - sum(t.amount_cents for t in self.tranches.records)
        self.tranches.append(TrancheRecord(kind, max(rest, 0)))

    def add_payment(self) -> None:
        if self.line is None:
            return
        self.payments.append(PaymentRecord(0, date.today()))

    def add_share(self) -> None:
        if self.line is None:
            return
        used = {s.organisation_id for s in self.shares.records}
        free = [value for _label, value in self._partners() if value not in used]
        if not free:
            return
        rest = (self.line.granted_cents or 0) - sum(s.amount_cents for s in self.shares.records)
        self.shares.append(CofinancingRecord(free[0], max(rest, 0)))

    def add_year(self) -> None:
        if self.line is None:
            return
        years = [s.year for s in self.spread.records]
        year = (
            max(years) + 1
            if years
            else (self.line.decision_on.year if self.line.decision_on else date.today().year)
        )
        rest = (self.line.granted_cents or 0) - sum(s.amount_cents for s in self.spread.records)
        self.spread.append(YearAmount(year, max(rest, 0)))

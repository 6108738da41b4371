"""A searchable organisation picker: type part of a name, a city or a SIREN, pick one or more.

The search runs in SQL off the GUI thread (38,000 organisations in the national demo) and shows
the first matches; the expert editor uses it to choose the organisations an expert is tied to.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import reference
from ...services.reference import OrganisationRow
from ..context import AppContext
from ..errors import show_error
from ..models.reference_organisations import region_name
from ..models.reference_table import Column, ReferenceTableModel

SEARCH_DELAY_MS = 150
LIMIT = 200


class OrganisationPickerDialog(QDialog):
    """`chosen()` holds the (id, name) pairs selected when the dialog was accepted."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        exclude: set[int] | None = None,
        title: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.exclude = exclude or set()
        self._asked = ""
        self.setObjectName("organisationPicker")
        self.setWindowTitle(title or self.tr("Choose organisations"))
        self.resize(640, 480)

        self.search = QLineEdit()
        self.search.setObjectName("pickerSearch")
        self.search.setPlaceholderText(self.tr("Name, city or SIREN…"))
        self.search.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.timer.start())

        self.model = ReferenceTableModel(
            [
                Column("name", self.tr("Name"), lambda r: r.name),
                Column("city", self.tr("City"), lambda r: r.city),
                Column("region", self.tr("Region"), lambda r: region_name(r.region)),
                Column("siren", self.tr("SIREN"), lambda r: r.siren),
                Column("projects", self.tr("Projects"), lambda r: r.projects, "int"),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("pickerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self.status = QLabel()
        self.status.setObjectName("pickerStatus")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.search.setFocus()

    def refresh(self) -> None:
        """Runs the search off the GUI thread; an answer to an older search is dropped."""
        self.timer.stop()
        text = self.search.text().strip()
        self._asked = text
        if not text or self.ctx.db is None:
            self.model.set_rows([])
            self.status.setText(self.tr("Type to search."))
            return

        def done(rows: list[OrganisationRow]) -> None:
            if not shiboken6.isValid(self) or text != self._asked:
                return  # an older search, or the dialog was closed meanwhile
            shown = [r for r in rows if r.id not in self.exclude]
            self.model.set_rows(shown)
            if len(rows) >= LIMIT:
                self.status.setText(
                    self.tr("The first %1 matches; type more to narrow.").replace("%1", str(LIMIT))
                )
            else:
                self.status.setText(self.tr("%Ln match(es)", "", len(shown)))
            if shown:
                self.table.selectRow(0)

        self.ctx.read(
            reference.find_organisations,
            self.ctx.db,
            text,
            LIMIT,
            on_done=done,
            on_error=lambda e: show_error(self, e),
        )

    def chosen(self) -> list[tuple[int, str]]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [(self.model.row(r).id, self.model.row(r).name) for r in rows]

    def accept(self) -> Any:
        if not self.chosen():
            return None  # nothing picked yet: stay open
        return super().accept()

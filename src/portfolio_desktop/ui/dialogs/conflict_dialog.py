"""When a save finds that someone else saved the same project since the form was opened: both
versions side by side, field by field, and the choice — keep theirs and reload, overwrite with
mine (at their version, so that a third change is caught too), or go back to the form.
Nothing is ever overwritten without this choice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import ProjectRecord
from ...domain.responsible import CRITERIA
from ...services.history import Change
from .. import formatting
from .history_view import capitalised, source_text, value_text, when_text


@dataclass(slots=True)
class Names:
    """Names for the ids a record holds (calls, domains, funders, clusters, organisations)."""

    calls: dict[int, str] = field(default_factory=dict)
    domains: dict[int, str] = field(default_factory=dict)
    funders: dict[int, str] = field(default_factory=dict)
    clusters: dict[int, str] = field(default_factory=dict)
    organisations: dict[int, str] = field(default_factory=dict)


_SCALARS: list[tuple[str, str]] = [
    ("reference", "text"),
    ("acronym", "text"),
    ("title", "text"),
    ("status", "ProjectStatus"),
    ("call_id", "call"),
    ("start_on", "date"),
    ("end_on", "date"),
    ("total_budget_cents", "money"),
    ("eligible_costs_cents", "money"),
    ("keywords", "text"),
    ("summary", "text"),
    ("submitted_on", "date"),
    ("evaluated_on", "date"),
    ("labelling_decided_on", "date"),
    ("funding_decided_on", "date"),
    ("closed_on", "date"),
    ("abandoned_on", "date"),
    ("responsible_digital", "bool"),
    ("notes", "text"),
]


def _partners(record: ProjectRecord, names: Names) -> str:
    return "\n".join(
        " · ".join(
            part
            for part in (
                p.organisation_name or names.organisations.get(p.organisation_id, "?"),
                formatting.label("PartnerRole", p.role.value),
                formatting.money(p.budget_cents),
            )
            if part
        )
        for p in record.partners
    )


def _lines(record: ProjectRecord, names: Names) -> str:
    rows = []
    for line in record.funding_lines:
        funder = line.funder_name or names.funders.get(line.funder_id, "?")
        amounts = " / ".join(
            formatting.money(v) or "—"
            for v in (line.requested_cents, line.granted_cents, line.paid_cents)
        )
        when = formatting.day(line.decision_on)
        rows.append(
            " · ".join(
                p
                for p in (
                    funder,
                    formatting.label("Instrument", line.instrument.value),
                    amounts,
                    when,
                )
                if p
            )
        )
    return "\n".join(rows)


def differences(
    mine: ProjectRecord, theirs: ProjectRecord, names: Names
) -> list[tuple[str, str, str]]:
    """(field, my value, their value) for every field the two versions hold differently."""
    found: list[tuple[str, str, str]] = []

    def shown(kind: str, value: Any) -> str:
        if kind == "call":
            return names.calls.get(value, "—") if value is not None else "—"
        return value_text(kind, value.value if hasattr(value, "value") else value)

    for name, kind in _SCALARS:
        a, b = getattr(mine, name), getattr(theirs, name)
        if a != b:
            found.append((formatting.label("HistoryField", name), shown(kind, a), shown(kind, b)))
    if sorted(mine.regions) != sorted(theirs.regions):
        found.append(
            (
                formatting.label("HistoryField", "regions"),
                value_text("regions", sorted(mine.regions)),
                value_text("regions", sorted(theirs.regions)),
            )
        )

    def split(record: ProjectRecord) -> str:
        shares = [(names.domains.get(s.domain_id, "?"), s.percent) for s in record.domains]
        return value_text("domains", shares)

    if split(mine) != split(theirs):
        found.append((formatting.label("HistoryField", "domains"), split(mine), split(theirs)))
    for name in CRITERIA:
        a, b = getattr(mine.assessment, name), getattr(theirs.assessment, name)
        if a != b:
            found.append(
                (formatting.label("Criterion", name), value_text("int", a), value_text("int", b))
            )
    for title, text_of in (
        (formatting.label("HistoryTable", "participation"), _partners),
        (formatting.label("HistoryTable", "funding_line"), _lines),
    ):
        a_text, b_text = text_of(mine, names), text_of(theirs, names)
        if a_text != b_text:
            found.append((title, a_text or "—", b_text or "—"))
    return found


class ConflictDialog(QDialog):
    """Yours and theirs, field by field; `chosen("theirs" | "mine" | "cancel")`."""

    chosen = Signal(str)

    def __init__(
        self,
        mine: ProjectRecord,
        theirs: ProjectRecord,
        names: Names,
        changes: list[Change],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.resize(820, 480)
        self.mine, self.theirs = mine, theirs
        self.rows = differences(mine, theirs, names)

        intro = QLabel(
            self.tr(
                "Someone saved this project after you opened it. Nothing has been overwritten: "
                "compare the two versions and choose."
            )
        )
        intro.setWordWrap(True)
        latest = next((c for c in changes if c.action != "created"), None)
        self.who = QLabel()
        self.who.setObjectName("conflictWho")
        if latest is not None:
            self.who.setText(
                self.tr("Last change: %1 by %2 (%3).")
                .replace("%1", when_text(latest.at))
                .replace("%2", latest.user or "?")
                .replace("%3", source_text(latest))
            )
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Yours (not saved)"), self.tr("Theirs (saved)")]
        )
        for label, yours, theirs_text in self.rows:
            items = [
                QStandardItem(capitalised(label)),
                QStandardItem(yours),
                QStandardItem(theirs_text),
            ]
            for item in items:
                item.setEditable(False)
                item.setToolTip(item.text())
            self.model.appendRow(items)
        if not self.rows:
            note = QStandardItem(self.tr("(the same content, saved again)"))
            note.setEditable(False)
            self.model.appendRow([note, QStandardItem(""), QStandardItem("")])
        self.table = QTableView()
        self.table.setObjectName("conflictTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

        self.keep_theirs = self._button(
            self.tr("Keep theirs and reload"), "keepTheirs", lambda: self._choose("theirs")
        )
        self.keep_theirs.setToolTip(self.tr("Your changes are dropped; the form shows theirs."))
        self.overwrite = self._button(
            self.tr("Overwrite with mine"), "overwriteMine", lambda: self._choose("mine")
        )
        self.overwrite.setToolTip(
            self.tr("Your version is saved over theirs; the history keeps both.")
        )
        self.cancel = self._button(self.tr("Back to the form"), "cancelConflict", self.reject)
        self.cancel.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_theirs)
        buttons.addWidget(self.overwrite)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.who)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.rejected.connect(lambda: self.chosen.emit("cancel"))

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _choose(self, choice: str) -> None:
        self.chosen.emit(choice)
        self.done(QDialog.DialogCode.Accepted)


def names_of(choices: Any) -> Names:
    """Names from the project editor's reference lists."""
    return Names(
        calls={i: n for n, i in choices.calls},
        domains={i: n for n, i in choices.domains},
        funders={i: n for n, i in choices.funders},
        clusters={i: n for n, i in choices.clusters},
        organisations={i: n for n, i in choices.organisations.items()},
    )


def warn_deleted_elsewhere(parent: QWidget) -> None:
    """The project was deleted elsewhere while the form was open: nothing was saved."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(
        parent,
        QCoreApplication.translate("ConflictDialog", "Deleted elsewhere"),
        QCoreApplication.translate(
            "ConflictDialog",
            "Someone deleted this project after you opened it. Your changes were not saved; an "
            "undo on their side, or a backup, can bring the project back.",
        ),
    )

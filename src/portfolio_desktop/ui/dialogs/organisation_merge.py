"""Merging duplicate organisations: the user picks the one kept; every link of the others (project
participations, funding beneficiaries, expert ties) moves to it, and the others are deleted."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.identifiers import siren_valid
from ...services.reference import OrganisationRow
from .. import formatting


def best_to_keep(rows: Sequence[OrganisationRow]) -> OrganisationRow:
    """The likeliest original: a valid SIREN first, then the most projects, then the oldest id."""
    return max(rows, key=lambda r: (bool(r.siren and siren_valid(r.siren)), r.projects, -r.id))


class OrganisationMergeDialog(QDialog):
    """Shows the duplicates chosen in the table; `keep_id()` and `merged_ids()` once accepted."""

    def __init__(self, rows: Sequence[OrganisationRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert len(rows) >= 2
        self.rows = list(rows)
        self.setObjectName("organisationMergeDialog")
        self.setWindowTitle(self.tr("Merge organisations"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "These organisations are the same one. Choose the one to keep: the others are "
                "deleted and everything that pointed to them — project participations, funding "
                "beneficiaries, expert ties — moves to it."
            )
        )
        intro.setWordWrap(True)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        keep = best_to_keep(self.rows)
        for row in self.rows:
            button = QRadioButton(self._describe(row))
            button.setObjectName(f"keep_{row.id}")
            button.setChecked(row.id == keep.id)
            self.group.addButton(button, row.id)
            layout.addWidget(button)
        self.summary = QLabel()
        self.summary.setObjectName("mergeSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.group.idToggled.connect(lambda _id, _on: self._update_summary())
        self._update_summary()

    def _describe(self, row: OrganisationRow) -> str:
        parts = [row.name, formatting.label("OrganisationKind", row.kind)]
        if row.siren:
            parts.append(self.tr("SIREN %1").replace("%1", row.siren))
        if row.city:
            parts.append(row.city)
        parts.append(self.tr("%Ln project(s)", "", row.projects))
        return " — ".join(parts)

    def keep_id(self) -> int:
        return self.group.checkedId()

    def merged_ids(self) -> list[int]:
        return [r.id for r in self.rows if r.id != self.keep_id()]

    def _update_summary(self) -> None:
        kept = next((r for r in self.rows if r.id == self.keep_id()), None)
        if kept is None:
            return
        moved = sum(r.projects for r in self.rows if r.id != kept.id)
        self.summary.setText(
            self.tr(
                "%Ln project participation(s) will move to “%1”. You can undo the merge.", "", moved
            ).replace("%1", kept.name)
        )

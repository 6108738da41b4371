"""The poles' forms: a pole's code, name and regions, and the merge of one pole into another.

Saving and merging run in the writer as undoable commands (`ui.commands`); what the services
refuse (a code or a name already taken, two projects under one reference) is said in words:
under the field it concerns in the form, in a warning for a merge.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import shiboken6
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import REGION_NAMES, Region
from ...domain.rules import Issue, RuleViolation
from ...domain.text import fold
from ...errors import KnownError
from ...services.clusters import ClusterRow
from .. import commands
from ..context import AppContext
from ..errors import show_error
from ..widgets.checkable_combo import CheckableComboBox
from .reference_editors import ReferenceDialog, fit_height

CODE_LENGTH = 16
HINT_STYLE = "color: #5f6368;"


def region_codes(regions: str) -> list[str]:
    """The codes a pole's `regions` column holds (`BRE,PDL`; spaces and semicolons tolerated)."""
    return [c.strip() for c in regions.replace(";", ",").split(",") if c.strip()]


def region_names(regions: str) -> str:
    """`PDL,BRE` → `Bretagne, Pays de la Loire`: in the order of the form's list (the order it
    saves them in); a code outside the list is shown as it is, after them."""
    order = {region: n for n, region in enumerate(REGION_NAMES)}
    known: list[Region] = []
    others: list[str] = []
    for code in region_codes(regions):
        try:
            known.append(Region(code.upper()))
        except ValueError:
            others.append(code)
    return ", ".join([REGION_NAMES[r] for r in sorted(known, key=order.__getitem__)] + others)


class _UpperCase(QValidator):
    """A pole's code is upper case, as the services store it: typed so, shown so."""

    def validate(self, text: str, pos: int) -> Any:
        return QValidator.State.Acceptable, text.upper(), pos


class ClusterDialog(ReferenceDialog):
    """A pole: its code (how workbooks name it), its name, its regions."""

    TABLE = "cluster"

    def __init__(
        self,
        ctx: AppContext,
        row: ClusterRow | None,
        others: Iterable[ClusterRow] = (),
        parent: QWidget | None = None,
    ) -> None:
        others = [o for o in others if row is None or o.id != row.id]
        super().__init__(ctx, None, [o.name for o in others], parent)
        self.row = row
        self.taken_codes = {o.code.casefold() for o in others}
        self.setObjectName("clusterDialog")
        self.setWindowTitle(self.tr("New cluster") if row is None else self.tr("Cluster"))
        self.code = QLineEdit()
        self.code.setObjectName("clusterCode")
        self.code.setMaxLength(CODE_LENGTH)
        self.code.setValidator(_UpperCase(self.code))
        self.code.setPlaceholderText(self.tr("e.g. IR"))
        self.name = QLineEdit()
        self.name.setObjectName("clusterName")
        self.name.setPlaceholderText(self.tr("e.g. Images & Réseaux"))
        self.regions = CheckableComboBox("—")
        self.regions.setObjectName("clusterRegions")
        stored = region_codes(row.regions) if row is not None else []
        known = {r.value for r in Region}
        items = [(name, code.value) for code, name in REGION_NAMES.items()]
        # A code typed elsewhere (the command line, an old base) stays, ticked, as it was.
        items += [(code, code) for code in stored if code.upper() not in known]
        self.regions.set_items(items, [c.upper() if c.upper() in known else c for c in stored])
        self.add_row(self.tr("Code"), self.code, "code")
        self.add_row(self.tr("Name"), self.name, "name")
        self.add_row(self.tr("Regions"), self.regions)
        hint = QLabel(
            self.tr(
                "The code is how imported and exported workbooks name the cluster (16 characters "
                "at most). Renaming a cluster keeps all its projects."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.form.addRow(hint)
        if row is not None:
            self.code.setText(row.code)
            self.name.setText(row.name)
        self.code.textChanged.connect(self.validate)
        self.name.textChanged.connect(self.validate)
        self.validate()

    @property
    def row_id(self) -> int | None:
        return self.row.id if self.row is not None else None

    def issues(self) -> list[Issue]:
        issues = self.name_issues(self.name.text())
        code = self.code.text().strip()
        if not code:
            issues.append(Issue("required", "code"))
        elif code.casefold() in self.taken_codes:
            issues.append(Issue("cluster_code_taken", "code", {"value": code.upper()}))
        return issues

    def regions_text(self) -> str:
        return ",".join(str(v) for v in self.regions.checked_values())

    def label(self) -> str:
        name = " ".join(self.name.text().split())
        if self.row is None:
            return self.tr("Create cluster %1").replace("%1", name)
        if name != self.row.name:
            return (
                self.tr("Rename cluster %1 to %2").replace("%1", self.row.name).replace("%2", name)
            )
        return self.tr("Edit cluster %1").replace("%1", name)

    def save(self) -> None:
        if self.validate() or self.ctx.db is None:
            return
        self.buttons.setEnabled(False)
        command = commands.save_cluster(
            self.ctx,
            self.row_id,
            self.code.text(),
            self.name.text(),
            self.regions_text(),
            self.label(),
        )
        commands.push_when_written(
            self.ctx, command, on_done=self._written, on_error=self._save_failed
        )

    def _save_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            show_error(None, error)
            return
        fields = {"cluster_code_taken": "code", "cluster_code_invalid": "code"}
        fields |= {"cluster_name_taken": "name", "cluster_name_empty": "name"}
        if isinstance(error, KnownError) and error.code in fields:
            # Taken meanwhile (another screen, another user): said under the field.
            self.buttons.setEnabled(True)
            self.show_issues([Issue(error.code, fields[error.code], dict(error.params))])
            return
        if isinstance(error, RuleViolation):
            self.buttons.setEnabled(True)
            self.show_issues(list(error.issues))
            return
        super()._save_failed(error)


class ClusterMergeDialog(QDialog):
    """Merging a pole into another: the user picks the pole kept (none is guessed for them when
    there are several: a merge moves every project); `keep_id()` once accepted."""

    def __init__(
        self, merged: ClusterRow, others: Sequence[ClusterRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.merged = merged
        self.others = sorted((o for o in others if o.id != merged.id), key=lambda r: fold(r.name))
        assert self.others, "a merge needs another pole"
        self.setObjectName("clusterMergeDialog")
        self.setWindowTitle(self.tr("Merge a cluster"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Every project of “%1” moves into the cluster chosen below, and “%1” is "
                "deleted. Projects keep their reference: the merge is refused if both clusters "
                "hold a project under the same reference."
            ).replace("%1", merged.name)
        )
        intro.setWordWrap(True)
        self.target = QComboBox()
        self.target.setObjectName("clusterMergeTarget")
        self.target.setAccessibleName(self.tr("Cluster kept"))
        self.target.setPlaceholderText(self.tr("Choose the cluster kept…"))
        for row in self.others:
            self.target.addItem(self._describe(row), row.id)
        self.target.setCurrentIndex(0 if len(self.others) == 1 else -1)
        self.summary = QLabel()
        self.summary.setObjectName("mergeSummary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        into = QLabel(self.tr("Merge into:"))
        into.setBuddy(self.target)
        layout.addWidget(into)
        layout.addWidget(self.target)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.target.currentIndexChanged.connect(lambda _i: self._update_summary())
        self._update_summary()

    def _describe(self, row: ClusterRow) -> str:
        return " — ".join([row.name, row.code, self.tr("%Ln project(s)", "", row.projects)])

    def keep_id(self) -> int | None:
        data = self.target.currentData()
        return int(data) if data is not None else None

    def kept(self) -> ClusterRow | None:
        return next((r for r in self.others if r.id == self.keep_id()), None)

    def select_kept(self, cluster_id: int) -> None:
        index = self.target.findData(cluster_id)
        if index >= 0:
            self.target.setCurrentIndex(index)

    def _update_summary(self) -> None:
        kept, merged = self.kept(), self.merged
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(kept is not None)
        if kept is None:
            text = (
                self.tr(
                    "Choose the cluster that keeps the %Ln project(s) of “%1”.", "", merged.projects
                )
                if merged.projects
                else self.tr("Choose the cluster to merge “%1” into.")
            )
            self.summary.setText(text.replace("%1", merged.name))
            fit_height(self)
            return
        if merged.projects:
            text = self.tr(
                "The %Ln project(s) of “%1” will move into “%2”, and “%1” will be deleted.",
                "",
                merged.projects,
            )
        else:
            text = self.tr("“%1” holds no project: it will be deleted.")
        text = text.replace("%1", merged.name).replace("%2", kept.name)
        undo = self.tr("You can undo the merge (Edit › Undo).")
        after = self.tr("“%1” will then hold %Ln project(s).", "", kept.projects + merged.projects)
        self.summary.setText(f"{text}\n{after.replace('%1', kept.name)}\n{undo}")
        fit_height(self)

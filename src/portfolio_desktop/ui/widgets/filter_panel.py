"""The filters of the projects table (cluster, status, domain, region, funder, call, years,
organisation kind, responsible digital). It edits a `ProjectFilter`; the search box lives in the
view's toolbar and is merged in by the view."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ... import messages
from ...domain.enums import REGION_NAMES
from ...domain.filters import ProjectFilter
from .. import formatting
from .accessibility import name_fields
from .checkable_combo import CheckableComboBox

NO_YEAR = 1999


@dataclass(slots=True)
class FilterChoices:
    """The reference lists the filters offer: (label, id) pairs."""

    clusters: list[tuple[str, int]] = field(default_factory=list)
    domains: list[tuple[str, int]] = field(default_factory=list)
    funders: list[tuple[str, int]] = field(default_factory=list)
    calls: list[tuple[str, int]] = field(default_factory=list)


class FilterPanel(QWidget):
    """Emits `filter_changed(ProjectFilter)` (without the search text) on every change."""

    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        #: The criteria of the last filter shown that no widget here edits (a funnel step, a
        #: chart's instrument or funding years, the "to review" list): kept until cleared.
        self._beyond = ProjectFilter()
        every = self.tr("All")
        self.clusters = CheckableComboBox(every)
        self.statuses = CheckableComboBox(every)
        self.domains = CheckableComboBox(every)
        self.regions = CheckableComboBox(every)
        self.funders = CheckableComboBox(every)
        self.calls = CheckableComboBox(every)
        self.kinds = CheckableComboBox(every)
        self.year_from = self._year_box()
        self.year_to = self._year_box()
        self.year_from.setAccessibleName(self.tr("Submitted from (year)"))
        self.year_to.setAccessibleName(self.tr("Submitted until (year)"))
        self.responsible = QComboBox()
        self.responsible.addItem(every, None)
        self.responsible.addItem(self.tr("Yes"), True)
        self.responsible.addItem(self.tr("No"), False)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)

        form = QFormLayout()
        form.addRow(self.tr("Cluster"), self.clusters)
        form.addRow(self.tr("Status"), self.statuses)
        form.addRow(self.tr("Domain"), self.domains)
        form.addRow(self.tr("Region"), self.regions)
        form.addRow(self.tr("Funder"), self.funders)
        form.addRow(self.tr("Call"), self.calls)
        years = QHBoxLayout()
        years.addWidget(self.year_from)
        years.addWidget(self.year_to)
        form.addRow(self.tr("Submitted (years)"), years)
        form.addRow(self.tr("Partner kind"), self.kinds)
        form.addRow(self.tr("Responsible digital"), self.responsible)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

        self.statuses.set_items(list(_swap(messages.labels("ProjectStatus", formatting.lang()))))
        self.kinds.set_items(list(_swap(messages.labels("OrganisationKind", formatting.lang()))))
        self.regions.set_items([(name, code.value) for code, name in REGION_NAMES.items()])
        for combo in (
            self.clusters,
            self.statuses,
            self.domains,
            self.regions,
            self.funders,
            self.calls,
            self.kinds,
        ):
            combo.selection_changed.connect(self._emit)
        for box in (self.year_from, self.year_to):
            box.valueChanged.connect(self._emit)
        self.responsible.currentIndexChanged.connect(self._emit)

        name_fields(self)

    def _year_box(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(NO_YEAR, 2100)
        box.setSpecialValueText("—")
        box.setValue(NO_YEAR)
        return box

    def set_choices(self, choices: FilterChoices) -> None:
        current = self.current()
        self._quiet = True
        self.clusters.set_items(choices.clusters, current.cluster_ids)
        self.domains.set_items(choices.domains, current.domain_ids)
        self.funders.set_items(choices.funders, current.funder_ids)
        self.calls.set_items(choices.calls, current.call_ids)
        self.clusters.setEnabled(len(choices.clusters) > 1)
        self._quiet = False

    def current(self) -> ProjectFilter:
        def year(box: QSpinBox) -> int | None:
            return None if box.value() == NO_YEAR else box.value()

        return self._beyond.with_changes(
            cluster_ids=tuple(self.clusters.checked_values()),
            statuses=tuple(self.statuses.checked_values()),
            domain_ids=tuple(self.domains.checked_values()),
            regions=tuple(self.regions.checked_values()),
            funder_ids=tuple(self.funders.checked_values()),
            call_ids=tuple(self.calls.checked_values()),
            year_from=year(self.year_from),
            year_to=year(self.year_to),
            organisation_kinds=tuple(self.kinds.checked_values()),
            responsible_digital=self.responsible.currentData(),
        )

    def set_filter(self, flt: ProjectFilter) -> None:
        """Shows a filter (saved view, dashboard click-through) and announces it once."""
        self._quiet = True
        self._beyond = ProjectFilter(
            funder_kinds=flt.funder_kinds,
            instruments=flt.instruments,
            funding_year_from=flt.funding_year_from,
            funding_year_to=flt.funding_year_to,
            organisation_ids=flt.organisation_ids,
            reached=flt.reached,
            project_ids=flt.project_ids,
        )
        self.clusters.set_checked(flt.cluster_ids)
        self.statuses.set_checked(flt.statuses)
        self.domains.set_checked(flt.domain_ids)
        self.regions.set_checked(flt.regions)
        self.funders.set_checked(flt.funder_ids)
        self.calls.set_checked(flt.call_ids)
        self.kinds.set_checked(flt.organisation_kinds)
        self.year_from.setValue(flt.year_from or NO_YEAR)
        self.year_to.setValue(flt.year_to or NO_YEAR)
        self.responsible.setCurrentIndex(
            0
            if flt.responsible_digital is None
            else self.responsible.findData(flt.responsible_digital)
        )
        self._quiet = False
        self._emit()

    def clear(self) -> None:
        self.set_filter(ProjectFilter())

    def _emit(self, *_args: object) -> None:
        if not self._quiet:
            self.filter_changed.emit(self.current())


def _swap(mapping: dict[str, str]) -> list[tuple[str, str]]:
    return [(label, code) for code, label in mapping.items()]

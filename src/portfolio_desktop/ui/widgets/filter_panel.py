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
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ... import messages
from ...domain.enums import REGION_NAMES
from ...domain.filters import ProjectFilter
from ...services.filter_words import describe_filter
from .. import formatting
from .accessibility import name_fields
from .checkable_combo import CheckableComboBox

NO_YEAR = 1999
#: The criteria this panel has a widget for (the search box is the view's); every other one of a
#: filter it is shown (a funnel step, a chart's instrument, the projects of an import left to
#: complete) is kept as it came, said in words under the widgets, until cleared.
EDITED = {
    "search": "",
    "cluster_ids": (),
    "statuses": (),
    "domain_ids": (),
    "regions": (),
    "funder_ids": (),
    "call_ids": (),
    "year_from": None,
    "year_to": None,
    "organisation_kinds": (),
    "responsible_digital": None,
}


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
        #: The criteria of the last filter shown that no widget here edits (`EDITED`).
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
        #: The kept criteria in words (« Projets parvenus à l'étape « Financé » »), and a button
        #: that drops them and keeps the rest.
        self.beyond_label = QLabel()
        self.beyond_label.setWordWrap(True)
        self.beyond_label.setObjectName("beyondCriteria")
        self.beyond_label.setStyleSheet("color: #444444;")
        self.beyond_clear = QPushButton(self.tr("Drop these criteria"))
        self.beyond_clear.clicked.connect(self.clear_beyond)
        self.beyond_label.hide()
        self.beyond_clear.hide()

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
        layout.addWidget(self.beyond_label)
        layout.addWidget(self.beyond_clear)
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
        self._beyond = flt.with_changes(**EDITED)
        self._show_beyond()
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

    def clear_beyond(self) -> None:
        """Drops the kept criteria (`EDITED`'s others) and keeps what the widgets say."""
        self._beyond = ProjectFilter()
        self._show_beyond()
        self._emit()

    def _show_beyond(self) -> None:
        lines = describe_filter(self._beyond, {}, formatting.lang())
        self.beyond_label.setText("\n".join(lines))
        self.beyond_label.setVisible(bool(lines))
        self.beyond_clear.setVisible(bool(lines))

    def _emit(self, *_args: object) -> None:
        if not self._quiet:
            self.filter_changed.emit(self.current())


def _swap(mapping: dict[str, str]) -> list[tuple[str, str]]:
    return [(label, code) for code, label in mapping.items()]

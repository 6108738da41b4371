"""File → Import: a workbook staff received, mapped, checked, previewed and imported atomically.

Four pages: the file (read safely in the task runner; a saved or built-in profile that recognises
it is proposed), the sheets and their column mapping (editable; values the check does not
recognise can be mapped to known ones; the mapping can be saved as a named profile), the preview
(records created, updated with old → new, unchanged; errors with sheet, row, column and reason;
the rows merged into another row of their project and the rows skipped, by name, with the rule
that merges them; "import the valid rows only"; the workbook of the rows not imported), and the
import itself with progress and a Cancel that rolls everything back. Reading, checking and
writing all run in the TaskRunner: the window never waits on the workbook or the database.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ... import messages
from ...domain.enums import REGION_NAMES
from ...errors import KnownError
from ...services.excel_import import (
    ImportReport,
    ImportSetup,
    commit,
    open_workbook,
    preview,
    profile_from_setup,
)
from ...services.excel_import.choices import merge_rules, merged_rows, row_accounts
from ...services.excel_import.error_report import rows_not_imported, write_plan_errors
from ...services.excel_import.headers import (
    FIELDS,
    HOW_EXACT,
    HOW_PROFILE,
    HOW_SYNONYM,
    HOW_USER,
    HOW_WORDS,
    detect_mapping,
    mapping_for_row,
    plan_references,
    remap_kind,
)
from ...services.excel_import.plan import Merged, Outcome, Problem, Skipped
from ...services.excel_import.profiles import Profile, all_profiles, save_profile
from ...services.excel_import.values import IGNORED, enum_codes, key
from ...services.progress import Cancelled, Progress
from ...services.project_list import Completeness, import_completeness
from ...storage.database import Database
from .. import formatting
from ..file_dialogs import open_file_name, save_file_name
from ..tasks import TaskRunner
from ..widgets.tables import fit_headers
from .import_models import (
    ChoiceDelegate,
    ColumnMappingModel,
    RowsModel,
    ValueMappingModel,
    outcome_changes,
    problem_text,
)

log = logging.getLogger(__name__)

_STEPS = 1000
#: Problems the user can settle by saying what a value means, and the list it belongs to.
MAPPABLE = {
    "import_unknown_status",
    "import_unknown_instrument",
    "import_unknown_kind",
    "import_unknown_funder_kind",
    "import_unknown_role",
    "import_unknown_region",
    "import_unknown_domain",
    "import_unknown_domain_suggest",
    "import_ambiguous_value",
    "import_ambiguous_funder",
}
ENUM_OF_FIELD = {
    "status": "ProjectStatus",
    "instrument": "Instrument",
    "kind": "OrganisationKind",
    "org_kind": "OrganisationKind",
    "role": "PartnerRole",
}
KINDS = (
    "projects", "funding", "partners", "organisations", "domains", "funders", "calls", "clusters",
)  # fmt: skip


def profile_title(name: str) -> str:
    """What a profile is called on screen: the built-in ones by what they read, not their code."""
    titles = {
        "anr-dgpie-projects": QCoreApplication.translate(
            "ImportProfiles", "ANR funded projects (DGPIE open data)"
        ),
        "anr-dgpie-partners": QCoreApplication.translate(
            "ImportProfiles", "ANR project partners (DGPIE open data)"
        ),
        "cordis-projects": QCoreApplication.translate(
            "ImportProfiles", "CORDIS projects (Horizon Europe)"
        ),
        "cordis-organisations": QCoreApplication.translate(
            "ImportProfiles", "CORDIS organisations (Horizon Europe)"
        ),
    }
    return titles.get(name, name)


#: Records whose French name is feminine (« lignes de financement créées »).
_FEMININE = frozenset({"funding_lines", "organisations"})


class ImportCounts(QObject):
    """The words of the import's counts (a QObject for its `tr` context)."""

    def word(self, key: str, n: int, feminine: bool) -> str:
        """« 1 379 créés », « 1 mise à jour »: the count in the language's grouping, the word
        agreeing with it (and, in French, with the records' gender)."""
        if key == "created":
            return (
                self.tr("%Ln created", "feminine", n) if feminine else self.tr("%Ln created", "", n)
            )
        if key == "updated":
            return (
                self.tr("%Ln updated", "feminine", n) if feminine else self.tr("%Ln updated", "", n)
            )
        if feminine:
            return self.tr("%Ln unchanged", "feminine", n)
        return self.tr("%Ln unchanged", "", n)

    def line(self, label: str, parts: str) -> str:
        return self.tr("%1: %2").replace("%1", label).replace("%2", parts)


def count_line(kind: str, label: str, counts: Mapping[str, int], which: Sequence[str]) -> str:
    """« Projets : 1 379 créés, 0 mis à jour » for the counts `which` of one kind of record."""
    words = ImportCounts()
    feminine = kind in _FEMININE
    parts = ", ".join(words.word(key, int(counts.get(key, 0)), feminine) for key in which)
    return words.line(label, parts)


class ImportWizard(QWizard):
    """The import wizard; `imported` carries the batch id once the import is committed."""

    imported = Signal(int)
    #: The user asked to see projects (those of the import left to complete): a ProjectFilter.
    show_projects = Signal(object)

    def __init__(
        self,
        db: Database,
        runner: TaskRunner,
        parent: QWidget | None = None,
        path: str | Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.setup: ImportSetup | None = None
        self.report: ImportReport | None = None
        self.batch_id: int | None = None
        self._running = False
        self._progress: Progress | None = None
        self.setWindowTitle(self.tr("Import a workbook"))
        self.setMinimumSize(900, 620)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.import_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        if path is not None:
            self.file_page.path_edit.setText(str(path))
            self.file_page.read()

    @property
    def busy(self) -> bool:
        return self._running

    def run(
        self, fn: Any, *args: Any, on_done: Any, on_error: Any, progress: Any = None, **kwargs: Any
    ) -> None:
        """Submits work to the runner, one piece at a time. With `progress` (a slot), the work
        gets a Progress whose reports reach that slot on the GUI thread, and Cancel stops it."""
        self._running = True

        def done(result: Any) -> None:
            self._running = False
            self._progress = None
            on_done(result)

        def failed(error: BaseException) -> None:
            self._running = False
            self._progress = None
            on_error(error)

        if progress is not None:
            relay = _Relay(self)
            relay.progressed.connect(progress)
            self._progress = Progress(relay.progressed.emit)
            kwargs["progress"] = self._progress
        self.runner.submit(fn, *args, on_done=done, on_error=failed, **kwargs)

    def cancel(self) -> None:
        """Asks the running work to stop (an import rolls back)."""
        if self._progress is not None:
            self._progress.cancel()

    def reject(self) -> None:
        # Cancel while work runs stops it (the import rolls back); the wizard stays until the
        # worker has stopped, so that its callbacks never reach a deleted window.
        if self.busy:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self.busy:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)


class _Relay(QObject):
    """Carries a worker's progress reports to the GUI thread (a queued signal)."""

    progressed = Signal(float, str)


def cancellable(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Runs `fn`; a cancel becomes the result None instead of an error."""
    try:
        return fn(*args, **kwargs)
    except Cancelled:
        return None


def _error_text(page: QWizardPage, error: BaseException) -> str:
    if isinstance(error, KnownError):
        return messages.text(error.code, error.params)
    sys.excepthook(type(error), error, error.__traceback__)
    return QCoreApplication.translate("ImportWizard", "Something went wrong; nothing was written.")


def _table(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    fit_headers(view)
    model.modelReset.connect(lambda: fit_headers(view))
    return view


# -- 1. the file ---------------------------------------------------------------------------------------


class FilePage(QWizardPage):
    """Chooses the file (and, if need be, a profile); reads it in the background."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("The file"))
        self.setSubTitle(
            self.tr(
                "An Excel workbook (.xlsx, .xlsm, .xls), an OpenDocument sheet (.ods) or a CSV file."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("The file to import"))
        self.path_edit.setAccessibleName(self.tr("File to import"))
        self.path_edit.editingFinished.connect(self.read)
        # A path typed or pasted is read as soon as it names a file: « Suivant » needs no Tab.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(400)
        self._typing.timeout.connect(self._read_if_file)
        self.path_edit.textChanged.connect(lambda _text: self._typing.start())
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        self.profile = QComboBox()
        self.profile.addItem(self.tr("Recognise the layout automatically"), None)
        self.profile.activated.connect(lambda _i: self.read())
        self.progress = QProgressBar()
        self.progress.setRange(0, _STEPS)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Mapping profile:"), self.profile)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._read_path: tuple[str, Any] | None = None
        wizard.runner.submit(
            all_profiles, wizard.db, on_done=self._on_profiles, on_error=lambda e: None
        )

    def _read_if_file(self) -> None:
        if Path(self.path_edit.text().strip()).expanduser().is_file():
            self.read()

    @Slot(object)
    def _on_profiles(self, profiles: list[Profile]) -> None:
        for profile in profiles:
            text = (
                profile.name
                if not profile.builtin
                else self.tr("%1 (built in)").replace("%1", profile_title(profile.name))
            )
            self.profile.addItem(text, profile.name)

    def _choose(self) -> None:
        chosen = open_file_name(
            self,
            "import",
            self.tr("Import a workbook"),
            self.tr("Workbooks (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)"),
        )
        if chosen:
            self.path_edit.setText(chosen)
            self.read()

    def read(self) -> None:
        """Reads the file in the task runner (again if the file or profile changed)."""
        text = self.path_edit.text().strip()
        wanted = (text, self.profile.currentData())
        if not text or wanted == self._read_path or self.owner.busy:
            return
        self._read_path = wanted
        self.owner.setup = None
        self.owner.report = None
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Reading the file…"))
        self.completeChanged.emit()
        self.owner.run(
            cancellable, open_workbook, self.owner.db, Path(text).expanduser(), profile=wanted[1],
            on_done=self._on_read, on_error=self._on_error, progress=self._on_progress,
        )  # fmt: skip

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(fraction * _STEPS))
        if message:
            self.status.setText(messages.text(message))

    @Slot(object)
    def _on_read(self, setup: ImportSetup | None) -> None:
        self.progress.setVisible(False)
        if setup is None:
            self.status.setText(self.tr("Reading cancelled."))
            self._read_path = None
            self.completeChanged.emit()
            return
        self.owner.setup = setup
        workbook = setup.workbook
        sheets = [m for m in setup.mappings if m.kind]
        text = self.tr("%Ln sheet(s) read", "", len(workbook.sheets))
        if any(m.layout for m in setup.mappings):
            text += " — " + self.tr("the portfolio's own layout: no mapping needed.")
        elif setup.proposed:
            text += " — " + self.tr("recognised by the profile “%1”.").replace(
                "%1", profile_title(setup.proposed)
            )
        elif sheets:
            text += " — " + self.tr("columns mapped by their names; check them on the next page.")
        else:
            text += " — " + self.tr("no sheet has headers we recognise; map them on the next page.")
        self.status.setText(text)
        self.completeChanged.emit()

    @Slot(object)
    def _on_error(self, error: BaseException) -> None:
        self.progress.setVisible(False)
        self.status.setStyleSheet("color: #B00020;")
        self.status.setText(_error_text(self, error))
        self._read_path = None
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.owner.setup is not None and not self.owner.busy


# -- 2. sheets and mapping -----------------------------------------------------------------------------


class MappingPage(QWizardPage):
    """Each sheet's kind, header row and column mapping; unknown values; save as a profile."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Sheets and columns"))
        self.setSubTitle(
            self.tr(
                "Check what each column holds. Values the check does not recognise can be mapped below."
            )
        )
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(self._show_sheet)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Not imported"), None)
        for code, label in zip(KINDS, self._kind_labels(), strict=True):
            self.kind.addItem(label, code)
        self.kind.activated.connect(self._kind_changed)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 30)
        self.header_row.editingFinished.connect(self._row_changed)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Sheet:")))
        top.addWidget(self.sheet, 1)
        top.addWidget(QLabel(self.tr("Holds:")))
        top.addWidget(self.kind)
        top.addWidget(QLabel(self.tr("Headers on row:")))
        top.addWidget(self.header_row)

        # Values the file lacks, given once for every row of the sheet (status, funder, call…).
        self.fixed_field = QComboBox()
        self.fixed_value = QLineEdit()
        self.fixed_value.setPlaceholderText(self.tr("Value"))
        self.fixed_value.returnPressed.connect(self.set_fixed)
        self.fixed_button = QPushButton(self.tr("Set"))
        self.fixed_button.clicked.connect(self.set_fixed)
        self.fixed_clear = QPushButton(self.tr("Clear"))
        self.fixed_clear.clicked.connect(self.clear_fixed)
        self.fixed_list = QLabel()
        self.fixed_list.setWordWrap(True)
        fixed_row = QHBoxLayout()
        fixed_row.addWidget(QLabel(self.tr("Same value for all rows:")))
        fixed_row.addWidget(self.fixed_field)
        fixed_row.addWidget(self.fixed_value, 1)
        fixed_row.addWidget(self.fixed_button)
        fixed_row.addWidget(self.fixed_clear)
        self.reference_note = QLabel()
        self.reference_note.setWordWrap(True)
        self.create_missing = QCheckBox(
            self.tr("Create the funders, calls and domains the portfolio does not have yet")
        )
        # The portfolio holds several clusters and the file names none: which one its rows join.
        self.pole_choice = QComboBox()
        self.pole_choice.setObjectName("poleChoice")
        self.pole_button = QPushButton(self.tr("Put the rows in this cluster"))
        self.pole_button.clicked.connect(self.set_pole)
        pole_question = QLabel(
            self.tr("Several clusters, and the file does not say which its rows belong to:")
        )
        pole_question.setBuddy(self.pole_choice)
        self.pole_box = QWidget()
        pole_row = QHBoxLayout(self.pole_box)
        pole_row.setContentsMargins(0, 0, 0, 0)
        pole_question.setWordWrap(True)
        pole_row.addWidget(pole_question, 1)
        pole_row.addWidget(self.pole_choice)
        pole_row.addWidget(self.pole_button)
        self.pole_box.setVisible(False)
        self.create_missing.toggled.connect(self._create_missing_changed)

        self.columns = ColumnMappingModel(
            [self.tr("Column"), self.tr("Examples"), self.tr("Imported as"), self.tr("Found by")],
            self,
        )
        self.columns.not_imported = self.tr("(not imported)")
        self.columns.how_texts = {
            HOW_EXACT: (
                self.tr("its header"),
                self.tr("The header is the field's own name, as the export writes it."),
            ),
            HOW_SYNONYM: (
                self.tr("a known name"),
                self.tr("The header is a name in use for this field (« Montant octroyé »…)."),
            ),
            HOW_WORDS: (
                self.tr("the header's words"),
                self.tr(
                    "The header's words name this field (case, accents, units and word order "
                    "set aside). Check the examples."
                ),
            ),
            HOW_PROFILE: (
                self.tr("the profile"),
                self.tr("The profile chosen on the first page maps this column."),
            ),
            HOW_USER: (self.tr("your choice"), self.tr("You chose this field.")),
        }
        self.columns.dataChanged.connect(lambda *_: self._mapping_changed())
        self.columns_view = _table(self.columns)
        self.columns_view.setItemDelegateForColumn(2, ChoiceDelegate(self.columns_view))
        self.columns_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.columns_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)

        self.values = ValueMappingModel(
            [self.tr("Column"), self.tr("Value as written"), self.tr("Rows"), self.tr("Means")],
            self,
        )
        self.values_view = _table(self.values)
        self.values_view.setItemDelegateForColumn(3, ChoiceDelegate(self.values_view))
        self.values_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.check_button = QPushButton(self.tr("Check again"))
        self.check_button.clicked.connect(self.check)
        self.check_status = QLabel()
        self.check_status.setWordWrap(True)

        self.profile_name = QLineEdit()
        self.profile_name.setPlaceholderText(self.tr("Name of the mapping, to reuse it next time"))
        self.save_button = QPushButton(self.tr("Save as a profile"))
        self.save_button.clicked.connect(self.save_profile)
        self.profile_name.textChanged.connect(
            lambda text: self.save_button.setEnabled(bool(text.strip()))
        )
        self.save_button.setEnabled(False)
        self.profile_status = QLabel()
        save_row = QHBoxLayout()
        save_row.addWidget(self.profile_name, 1)
        save_row.addWidget(self.save_button)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("Values to map:")))
        lower_layout.addWidget(self.values_view)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_status, 1)
        check_row.addWidget(self.check_button)
        lower_layout.addLayout(check_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.columns_view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(fixed_row)
        layout.addWidget(self.fixed_list)
        layout.addWidget(self.reference_note)
        layout.addWidget(self.pole_box)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.create_missing)
        layout.addLayout(save_row)
        layout.addWidget(self.profile_status)
        self._checked = False

    def _kind_labels(self) -> list[str]:
        return [
            self.tr("Projects"), self.tr("Funding lines"), self.tr("Partners"),
            self.tr("Organisations"), self.tr("Domains"), self.tr("Funders"),
            self.tr("Calls for proposals"), self.tr("Clusters"),
        ]  # fmt: skip

    def initializePage(self) -> None:
        setup = self.owner.setup
        assert setup is not None
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for mapping in setup.mappings:
            self.sheet.addItem(mapping.sheet, mapping.sheet)
        first = next((i for i, m in enumerate(setup.mappings) if m.kind), 0)
        self.sheet.setCurrentIndex(first)
        self.sheet.blockSignals(False)
        self._show_sheet()
        self.profile_name.setText(
            setup.proposed if setup.profile and not setup.profile.builtin else ""
        )
        self.values.set_items([])
        self.create_missing.blockSignals(True)
        self.create_missing.setChecked(setup.choices.create_missing)
        self.create_missing.blockSignals(False)
        self.check()

    def _current(self) -> Any:
        setup = self.owner.setup
        if setup is None or self.sheet.currentIndex() < 0:
            return None
        return setup.mappings[self.sheet.currentIndex()]

    def _show_sheet(self) -> None:
        mapping = self._current()
        setup = self.owner.setup
        if mapping is None or setup is None:
            return
        rows = setup.workbook.sheet(mapping.sheet).rows
        self.kind.setCurrentIndex(max(self.kind.findData(mapping.kind), 0))
        self.header_row.setValue(max(mapping.header_row, 1))
        self.columns.set_mapping(mapping if mapping.kind else None, rows)
        self._show_fixed(mapping)
        header = self.columns_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

    def _replace(self, new: Any) -> None:
        setup = self.owner.setup
        assert setup is not None
        index = self.sheet.currentIndex()
        old = setup.mappings[index]
        if new.kind and not new.fixed:
            known = {f.key for f in FIELDS[new.kind]}
            new.fixed = {k: v for k, v in old.fixed.items() if k in known}
        setup.mappings[index] = new
        setup.sheet_profiles.pop(new.sheet, None) if new.kind is None else None
        self._show_sheet()
        self._mapping_changed()

    def _kind_changed(self) -> None:
        mapping = self._current()
        setup = self.owner.setup
        if mapping is None or setup is None:
            return
        rows = setup.workbook.sheet(mapping.sheet).rows
        self._replace(remap_kind(mapping.sheet, rows, self.kind.currentData(), mapping))

    def _row_changed(self) -> None:
        mapping = self._current()
        setup = self.owner.setup
        if mapping is None or setup is None or self.header_row.value() == mapping.header_row:
            return
        rows = setup.workbook.sheet(mapping.sheet).rows
        row = self.header_row.value()
        if mapping.kind is None:
            # A sheet nothing was recognised on: its kind is found on the row the user gives.
            new = detect_mapping(mapping.sheet, rows, None, row)
            if new.kind is None:
                new = mapping_for_row(mapping.sheet, rows, "projects", row)
        else:
            new = mapping_for_row(mapping.sheet, rows, mapping.kind, row)
        new.fixed = dict(mapping.fixed)
        self._replace(new)

    def _show_fixed(self, mapping: Any) -> None:
        """The fields a sheet of this kind has, the values set for all its rows, and what its
        generated references are made of."""
        lang = messages.current_language()
        self.fixed_field.clear()
        fields = FIELDS.get(mapping.kind, ()) if mapping.kind else ()
        for f in fields:
            self.fixed_field.addItem(f.label(lang), f.key)
        for widget in (self.fixed_field, self.fixed_value, self.fixed_button):
            widget.setEnabled(bool(fields))
        self.fixed_clear.setEnabled(bool(mapping.fixed))
        labels = {f.key: f.label(lang) for f in fields}

        def shown(field_key: str, value: str) -> str:
            enum = ENUM_OF_FIELD.get(field_key)
            if enum and value in enum_codes(enum):
                return messages.label(enum, value, lang)  # a code the layout proposed
            return value

        def listed(values: dict[str, str]) -> str:
            return " ; ".join(f"{labels.get(k, k)} = « {shown(k, v)} »" for k, v in values.items())

        parts = []
        if mapping.fixed:
            parts.append(self.tr("For every row: %1").replace("%1", listed(mapping.fixed)))
        if mapping.defaults:
            parts.append(self.tr("For the empty cells: %1").replace("%1", listed(mapping.defaults)))
        self.fixed_list.setText("\n".join(parts))
        self.fixed_list.setVisible(bool(parts))
        self.fixed_clear.setEnabled(bool(parts))
        self._show_references(mapping)

    def _show_references(self, mapping: Any) -> None:
        plan_references(mapping)
        if mapping.reference_from:
            names = ", ".join(mapping.header_label(i) for i in mapping.reference_from)
            self.reference_note.setText(
                self.tr(
                    "The file has no reference column: each project's reference is made from %1 "
                    "(the same rows give the same references at every import)."
                ).replace("%1", names)
            )
        else:
            self.reference_note.setText("")
        self.reference_note.setVisible(bool(mapping.reference_from))

    def set_fixed(self) -> None:
        """One value of the chosen field for every row of the sheet."""
        mapping = self._current()
        field_key = self.fixed_field.currentData()
        value = self.fixed_value.text().strip()
        if mapping is None or not mapping.kind or not field_key or not value:
            return
        mapping.fixed[field_key] = value
        self.fixed_value.clear()
        self._show_fixed(mapping)
        self._mapping_changed()

    def clear_fixed(self) -> None:
        mapping = self._current()
        if mapping is None or not (mapping.fixed or mapping.defaults):
            return
        mapping.fixed.clear()
        mapping.defaults.clear()
        self._show_fixed(mapping)
        self._mapping_changed()

    def _ask_pole(self, report: ImportReport) -> None:
        """Shows the clusters to choose from when rows were refused for not naming theirs."""
        plan = report.plan
        asked = plan is not None and any(
            p.code == "import_cluster_required" for p in report.problems
        )
        self.pole_choice.clear()
        if asked and plan is not None:
            poles = sorted(
                (r for r in plan.refs["cluster"].rows.values() if r["id"] > 0),
                key=lambda r: key(r["name"]),
            )
            for pole in poles:
                named = pole["name"] if pole["name"] == pole["code"] else None
                label = named or f"{pole['name']} ({pole['code']})"
                self.pole_choice.addItem(label, pole["code"])
        self.pole_box.setVisible(bool(asked and self.pole_choice.count()))

    def set_pole(self) -> None:
        """The chosen cluster for every row of the sheets that do not name one, then a check."""
        setup = self.owner.setup
        code = self.pole_choice.currentData()
        if setup is None or not code or self.owner.busy:
            return
        for mapping in setup.mappings:
            has_cluster = mapping.kind and any(f.key == "cluster" for f in FIELDS[mapping.kind])
            if has_cluster and mapping.column_of("cluster") is None:
                mapping.fixed["cluster"] = code
        current = self._current()
        if current is not None:
            self._show_fixed(current)
        self.pole_box.setVisible(False)
        self.check()

    def _create_missing_changed(self, checked: bool) -> None:
        setup = self.owner.setup
        if setup is None:
            return
        setup.choices.create_missing = checked
        self._mapping_changed()

    def _mapping_changed(self) -> None:
        mapping = self._current()
        if mapping is not None:
            self._show_references(mapping)
        self.owner.report = None
        self._checked = False
        self.check_status.setText(self.tr("The mapping changed: check again."))
        self.completeChanged.emit()

    def apply_values(self) -> None:
        """Puts the values chosen in the table into the setup's profile (unnamed until saved)."""
        setup = self.owner.setup
        assert setup is not None
        chosen = self.values.chosen()
        if not chosen:
            return
        if setup.profile is None:
            setup.profile = Profile(name="", sheets=[])
        for field_key, values in chosen.items():
            target = setup.profile.value_maps.setdefault(field_key, {})
            for raw, value in values.items():
                target[key(raw)] = value

    def check(self) -> None:
        """Checks the rows with the current mapping (a dry run, in the background)."""
        if self.owner.setup is None or self.owner.busy:
            return
        self.apply_values()
        self.check_status.setStyleSheet("")
        self.check_status.setText(self.tr("Checking the rows…"))
        self.check_button.setEnabled(False)
        self.owner.run(
            preview, self.owner.db, self.owner.setup,
            on_done=self._on_checked, on_error=self._on_error,
        )  # fmt: skip

    @Slot(object)
    def _on_checked(self, report: ImportReport) -> None:
        self.owner.report = report
        self._checked = True
        self.check_button.setEnabled(True)
        items = self._unknown_values(report)
        self.values.set_items(items)
        self._ask_pole(report)
        self.values_view.resizeColumnsToContents()
        errors = len(report.problems)
        if not errors:
            self.check_status.setText(self.tr("Every row can be read."))
        else:
            self.check_status.setText(
                self.tr("%Ln error(s); the preview lists them all.", "", errors)
                + (" " + self.tr("Map the values above, then check again.") if items else "")
            )
        self.completeChanged.emit()

    @Slot(object)
    def _on_error(self, error: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.check_status.setStyleSheet("color: #B00020;")
        self.check_status.setText(_error_text(self, error))

    def _unknown_values(self, report: ImportReport) -> list[list[Any]]:
        found: dict[tuple[str, str], list[Any]] = {}
        plan = report.plan
        for problem in report.problems:
            if problem.code not in MAPPABLE or not problem.field:
                continue
            raw = str(problem.params.get("value", ""))
            entry = found.get((problem.field, raw))
            if entry is None:
                entry = [
                    problem.field,
                    raw,
                    problem.column,
                    0,
                    self._choices(problem.field, plan),
                    None,
                ]
                found[(problem.field, raw)] = entry
            entry[3] += 1
        return list(found.values())

    def _choices(self, field_key: str, plan: Any) -> list[tuple[str, str | None]]:
        choices: list[tuple[str, str | None]] = [
            (self.tr("(leave as it is)"), None),
            (self.tr("(ignore this value: the cell is left empty)"), IGNORED),
        ]
        lang = messages.current_language()
        if field_key in ENUM_OF_FIELD:
            enum = ENUM_OF_FIELD[field_key]
            choices += [(messages.label(enum, code, lang), code) for code in enum_codes(enum)]
        elif field_key in {"regions", "region", "org_region"}:
            choices += [(name, region.value) for region, name in REGION_NAMES.items()]
        elif field_key == "domains" and plan is not None:
            names = sorted(r["name"] for r in plan.refs["domain"].rows.values())
            choices += [(name, name) for name in names]
        elif field_key == "funder" and plan is not None:
            names = sorted(r["name"] for r in plan.refs["funder"].rows.values() if r["id"] > 0)
            choices += [(name, name) for name in names]
            choices.append((self.tr("(a new funder, as written)"), ""))
        return choices

    def save_profile(self) -> None:
        setup = self.owner.setup
        name = self.profile_name.text().strip()
        if setup is None or not name or self.owner.busy:
            return
        self.apply_values()
        profile = profile_from_setup(name, setup)
        self.profile_status.setStyleSheet("")
        self.owner.run(
            save_profile, self.owner.db, profile,
            on_done=lambda _r: self.profile_status.setText(
                self.tr("Saved: the profile %1 will be proposed for similar files.").replace("%1", name)
            ),
            on_error=self._on_profile_error,
        )  # fmt: skip

    @Slot(object)
    def _on_profile_error(self, error: BaseException) -> None:
        self.profile_status.setStyleSheet("color: #B00020;")
        self.profile_status.setText(_error_text(self, error))

    def isComplete(self) -> bool:
        setup = self.owner.setup
        return setup is not None and any(m.kind for m in setup.mappings) and not self.owner.busy


class ImportRows(QObject):
    """What became of each data row of each sheet (a QObject for its `tr` context)."""

    def lines(self, report: ImportReport) -> list[str]:
        """« Subventions : 101 lignes lues — 101 importées, 0 fusionnée, 0 ignorée, 0 en
        erreur. » for every sheet read: each data row accounted for."""
        if report.plan is None:
            return []
        found = []
        for sheet, c in row_accounts(report.plan).items():
            parts = [
                self.tr("%Ln row(s) read", "", c["read"]),
                self.tr("%Ln imported", "", c["imported"]),
                self.tr("%Ln merged", "", c["merged"]),
                self.tr("%Ln skipped", "", c["skipped"]),
                self.tr("%Ln invalid", "", c["invalid"]),
            ]
            found.append(
                self.tr("%1: %2 — %3, %4, %5, %6.")
                .replace("%1", sheet)
                .replace("%2", parts[0])
                .replace("%3", parts[1])
                .replace("%4", parts[2])
                .replace("%5", parts[3])
                .replace("%6", parts[4])
            )
        return found


def rows_lines(report: ImportReport) -> list[str]:
    return ImportRows().lines(report)


# -- 3. the preview ------------------------------------------------------------------------------------


class PreviewPage(QWizardPage):
    """What the import will do, record by record, and what is wrong, cell by cell."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Nothing has been written yet."))
        self.setCommitPage(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.valid_only = QCheckBox(
            self.tr("Import the valid rows only (leave out the rows in error)")
        )
        self.valid_only.toggled.connect(lambda _c: self.refresh())
        self.show_all = QCheckBox(self.tr("Show unchanged records too"))
        self.show_all.toggled.connect(lambda _c: self._fill_outcomes())
        self.outcomes = RowsModel(
            [self.tr("Record"), self.tr("Action"), self.tr("Identifier"), self.tr("Sheet"), self.tr("Row"), self.tr("Changes")],
            [self._record_label, self._action_label, lambda o: o.label, lambda o: o.sheet,
             lambda o: o.row or "", outcome_changes],
            self,
        )  # fmt: skip
        self.problems = RowsModel(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Reason")],
            [lambda p: p.sheet, lambda p: p.row or "", lambda p: p.column, problem_text],
            self,
        )
        # The rows merged into another row of their project, and those skipped, by name.
        self.row_notes = RowsModel(
            [self.tr("Sheet"), self.tr("Row"), self.tr("What became of the row")],
            [lambda n: n.sheet, lambda n: n.row or "", self._note_text],
            self,
        )
        # The cells read otherwise than written (an amount « NC », a placeholder date, a value
        # ignored as the user chose): imported, but worth a look before they reach the charts.
        self.cell_warnings = RowsModel(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("How it was read")],
            [lambda p: p.sheet, lambda p: p.row or "", lambda p: p.column, problem_text],
            self,
        )
        self.outcomes_view = _table(self.outcomes)
        self.problems_view = _table(self.problems)
        self.row_notes_view = _table(self.row_notes)
        self.cell_warnings_view = _table(self.cell_warnings)
        self.details = QTabWidget()
        self.details.addTab(self.problems_view, self.tr("Errors"))
        self.details.addTab(self.row_notes_view, self.tr("Rows merged or skipped"))
        self.details.addTab(self.cell_warnings_view, self.tr("Cells read otherwise"))
        self.report_button = QPushButton(self.tr("Save the rows not imported…"))
        self.report_button.setToolTip(
            self.tr(
                "A workbook of the rows rejected or skipped, as they were, with their reasons: "
                "to send back to whoever sent the file."
            )
        )
        self.report_button.clicked.connect(self._save_report)
        self.report_status = QLabel()
        self.report_status.setWordWrap(True)
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_status, 1)
        report_row.addWidget(self.report_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details)
        lower_layout.addLayout(report_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.outcomes_view)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        options = QHBoxLayout()
        options.addWidget(self.valid_only)
        options.addStretch(1)
        options.addWidget(self.show_all)
        layout.addLayout(options)
        layout.addWidget(splitter, 1)

    def _record_label(self, outcome: Outcome) -> str:
        return {
            "project": self.tr("Project"), "funding_line": self.tr("Funding line"),
            "partner": self.tr("Partner"), "organisation": self.tr("Organisation"),
            "funder": self.tr("Funder"), "domain": self.tr("Domain"), "call": self.tr("Call"),
            "cluster": self.tr("Cluster"),
        }.get(outcome.record, outcome.record)  # fmt: skip

    def _action_label(self, outcome: Outcome) -> str:
        return {
            "created": self.tr("created"), "updated": self.tr("updated"),
            "unchanged": self.tr("unchanged"),
        }.get(outcome.action, outcome.action)  # fmt: skip

    def _note_text(self, note: Merged | Skipped) -> str:
        if isinstance(note, Merged):
            if note.into_sheet != note.sheet:
                return (
                    self.tr("Merged with row %1 of the sheet %2 (project %3)")
                    .replace("%1", str(note.into_row))
                    .replace("%2", note.into_sheet)
                    .replace("%3", note.project[1])
                )
            return (
                self.tr("Merged with row %1 (project %2)")
                .replace("%1", str(note.into_row))
                .replace("%2", note.project[1])
            )
        reason = messages.text(note.code, note.params)
        return self.tr("Skipped: %1").replace("%1", reason[:1].lower() + reason[1:])

    def _merge_rule_lines(self, report: ImportReport) -> list[str]:
        """How rows of one project are merged, said once per sheet that merges them."""
        lines = []
        for rule in merge_rules(report.plan) if report.plan is not None else []:
            if rule.generated_from:
                columns = ", ".join(
                    self.tr("“%1”").replace("%1", header) for header in rule.generated_from
                )
                text = (
                    self.tr(
                        "%1: no reference column; the rows whose %2 read the same (case, accents "
                        "and punctuation aside) are one project."
                    )
                    .replace("%1", rule.sheet)
                    .replace("%2", columns)
                )
            else:
                text = self.tr("%1: the rows with the same reference are one project.").replace(
                    "%1", rule.sheet
                )
            text += " " + self.tr(
                "Each row adds it a funding line; the project's columns must be the same on each "
                "(a row that differs is an error)."
            )
            if rule.by_cluster:
                text += " " + self.tr("The same reference in two clusters is two projects.")
            lines.append(text)
        return lines

    def initializePage(self) -> None:
        self.owner.mapping_page.apply_values()
        self.refresh()

    def refresh(self) -> None:
        """Runs the dry run in the background with the current options."""
        if self.owner.setup is None or self.owner.busy:
            return
        self.owner.report = None
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Checking the rows…"))
        self.completeChanged.emit()
        # The list of records is built by the task (half a million for a national workbook:
        # 1.5 s the window would otherwise freeze for).
        self.owner.run(
            preview, self.owner.db, self.owner.setup, valid_only=self.valid_only.isChecked(),
            outcomes=True, on_done=self._on_preview, on_error=self._on_error,
        )  # fmt: skip

    @Slot(object)
    def _on_preview(self, report: ImportReport) -> None:
        self.owner.report = report
        counts = report.counts
        lines = []
        names = {
            "projects": self.tr("Projects"), "funding_lines": self.tr("Funding lines"),
            "partners": self.tr("Partners"), "organisations": self.tr("Organisations"),
            "funders": self.tr("Funders"), "domains": self.tr("Domains"),
            "calls": self.tr("Calls for proposals"), "clusters": self.tr("Clusters"),
        }  # fmt: skip
        for name, label in names.items():
            c = counts.get(name)
            if not c or not any(c.values()):
                continue
            lines.append(count_line(name, label, c, ("created", "updated", "unchanged")))
        lines.extend(rows_lines(report))
        note = report.encoding_note(messages.current_language())
        if note:
            lines.append(note)
        lines.extend(self._merge_rule_lines(report))
        cell_warnings = report.plan.cell_warnings if report.plan is not None else []
        if cell_warnings:
            lines.append(
                self.tr(
                    "%Ln cell(s) read otherwise than written, imported: to check below.",
                    "",
                    len(cell_warnings),
                )
            )
        if report.problems:
            lines.append(self.tr("%Ln error(s).", "", len(report.problems)))
            if not self.valid_only.isChecked():
                lines.append(
                    self.tr(
                        "Nothing will be imported until they are corrected, unless you import the valid rows only."
                    )
                )
        elif report.plan is not None and not report.plan.has_writes():
            lines.append(self.tr("Nothing to import: the portfolio already holds all of it."))
        warnings = report.warnings(messages.current_language())
        if warnings:
            # The portfolio's rules that ask to be accepted (a status moved past steps, a step
            # date missing): importing accepts them, and the history records them.
            lines.append(
                self.tr(
                    "%Ln warning(s): importing accepts them (the history records them).",
                    "",
                    len(warnings),
                )
            )
            for warning in warnings[:5]:
                lines.append(f"• {warning['reference']} : {warning['message']}")
            if len(warnings) > 5:
                lines.append(self.tr("… and %Ln more.", "", len(warnings) - 5))
        self.summary.setText("\n".join(lines))
        self._fill_outcomes()
        self.problems.set_rows(report.problems)
        self.details.setTabText(0, self.tr("Errors (%Ln)", "", len(report.problems)))
        notes = self._row_notes(report)
        self.row_notes.set_rows(notes)
        self.details.setTabText(1, self.tr("Rows merged or skipped (%Ln)", "", len(notes)))
        self.cell_warnings.set_rows(cell_warnings)
        self.details.setTabText(2, self.tr("Cells read otherwise (%Ln)", "", len(cell_warnings)))
        if report.problems or notes or cell_warnings:
            self.details.setCurrentIndex(0 if report.problems else 1 if notes else 2)
        # Rows skipped without any error are worth sending back too.
        self.report_button.setEnabled(
            bool(report.problems) or any(isinstance(n, Skipped) for n in notes)
        )
        self.problems_view.resizeColumnsToContents()
        self.row_notes_view.resizeColumnsToContents()
        self.cell_warnings_view.resizeColumnsToContents()
        self.completeChanged.emit()

    def _row_notes(self, report: ImportReport) -> list[Merged | Skipped]:
        """The merged and skipped rows of the sheets read, in the file's order."""
        if report.plan is None:
            return []
        _, skipped = rows_not_imported(report.plan, [])
        order = {m.sheet: i for i, m in enumerate(report.plan.mappings)}
        notes: list[Merged | Skipped] = [*merged_rows(report.plan), *skipped]
        return sorted(notes, key=lambda n: (order.get(n.sheet, len(order)), n.row))

    @staticmethod
    def _has_rows_not_imported(report: ImportReport) -> bool:
        """Whether the workbook of the rows not imported has any: a row rejected or skipped."""
        if report.plan is None:
            return False
        return bool(report.problems) or bool(rows_not_imported(report.plan, [])[1])

    def _fill_outcomes(self) -> None:
        report = self.owner.report
        outcomes = report.plan.outcomes if report and report.plan else []
        if not self.show_all.isChecked():
            outcomes = [o for o in outcomes if o.action != "unchanged"]
        self.outcomes.set_rows(outcomes)
        self.outcomes_view.resizeColumnsToContents()

    @Slot(object)
    def _on_error(self, error: BaseException) -> None:
        self.summary.setStyleSheet("color: #B00020;")
        self.summary.setText(_error_text(self, error))

    def _save_report(self) -> None:
        report = self.owner.report
        if report is None or not self._has_rows_not_imported(report):
            return
        setup = self.owner.setup
        stem = setup.workbook.path.stem if setup else "import"
        suggested = f"{stem}-{'rejets' if messages.current_language() == 'fr' else 'rejected'}.xlsx"
        chosen, _ = save_file_name(
            self,
            "errors",
            self.tr("Save the rows not imported"),
            suggested,
            self.tr("Excel workbook (*.xlsx)"),
        )
        if chosen:
            self.save_report(Path(chosen))

    def save_report(self, target: Path) -> None:
        """Writes the rows not imported (rejected or skipped) and their reasons to `target` (in
        the background)."""
        report = self.owner.report
        if report is None or report.plan is None:
            return
        target = target if target.suffix else target.with_suffix(".xlsx")
        self.owner.run(
            write_plan_errors, report.plan, list(report.problems), target, messages.current_language(),
            on_done=lambda path: self.report_status.setText(
                self.tr("Rows not imported saved to %1.").replace("%1", str(path))
            ),
            on_error=lambda error: self.report_status.setText(_error_text(self, error)),
        )  # fmt: skip

    def isComplete(self) -> bool:
        report = self.owner.report
        return (
            report is not None
            and not self.owner.busy
            and report.plan is not None
            and (report.ok or self.valid_only.isChecked())
            and report.plan.has_writes()
        )


# -- 4. the import -------------------------------------------------------------------------------------


class ImportPage(QWizardPage):
    """Writes in one transaction, with progress; Cancel rolls all of it back."""

    progressed = Signal(float, str)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Import"))
        self.progress = QProgressBar()
        self.progress.setRange(0, _STEPS)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Import status"))
        #: What the imported projects still lack (domain, lead, budget), with a link to them.
        self.completion = QLabel()
        self.completion.setWordWrap(True)
        self.completion.setTextFormat(Qt.TextFormat.RichText)
        self.completion.setAccessibleName(self.tr("Projects left to complete"))
        self.completion.linkActivated.connect(self._show_incomplete)
        self.completion.hide()
        self._incomplete: Completeness | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.completion)
        layout.addStretch(1)
        self.finished = False

    @property
    def cancel_button(self) -> QAbstractButton:
        """The wizard's one Cancel button: it stops the import while it runs (the transaction
        rolls back), and is disabled once the import is written or cancelled."""
        return self.owner.button(QWizard.WizardButton.CancelButton)

    def initializePage(self) -> None:
        setup = self.owner.setup
        assert setup is not None
        self.finished = False
        self.progress.setValue(0)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Importing…"))
        self.completion.hide()
        self._incomplete = None
        self.cancel_button.setEnabled(True)
        self.owner.run(
            cancellable, commit, self.owner.db, setup,
            valid_only=self.owner.preview_page.valid_only.isChecked(),
            on_done=self._on_done, on_error=self._on_error, progress=self._on_progress,
        )  # fmt: skip

    def cancel(self) -> None:
        """Asks the import to stop; its transaction rolls back."""
        if self.owner.busy:
            self.owner.cancel()
            self.status.setText(self.tr("Cancelling…"))

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(fraction * _STEPS))
        if message and message != "import_done":
            self.status.setText(messages.text(message))
        self.progressed.emit(fraction, message)

    def _finish(self) -> None:
        self.finished = True
        self.cancel_button.setEnabled(False)  # nothing left to cancel: Finish closes
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        self.cancel_button.setEnabled(True)
        super().cleanupPage()

    @Slot(object)
    def _on_done(self, report: ImportReport | None) -> None:
        if report is None:
            self._on_cancelled()
            return
        self.owner.report = report
        self.owner.batch_id = report.batch_id
        self.progress.setValue(_STEPS)
        names = {
            "projects": self.tr("Projects"), "funding_lines": self.tr("Funding lines"),
            "partners": self.tr("Partners"), "organisations": self.tr("Organisations"),
            "funders": self.tr("Funders"), "domains": self.tr("Domains"),
            "calls": self.tr("Calls for proposals"), "clusters": self.tr("Clusters"),
        }  # fmt: skip
        # Every kind of record the import created or updated: the calls and funders it made too.
        lines = [
            count_line(name, label, counts, ("created", "updated"))
            for name, label in names.items()
            if (counts := report.counts.get(name, {})).get("created") or counts.get("updated")
        ]
        text = "\n".join(
            [self.tr("Imported (import no. %1).").replace("%1", str(report.batch_id)), *lines]
        )
        text = "\n".join([text, *rows_lines(report)])
        if report.problems:
            text += "\n" + self.tr("%Ln row(s) in error were left out.", "", len(report.problems))
        if report.batch_id is None:
            text = self.tr(
                "Nothing was written: the rows changed since the preview. Go back and check again."
            )
        self.status.setText(text)
        self._finish()
        if report.batch_id is not None:
            self.owner.imported.emit(report.batch_id)
            self.owner.runner.submit(
                import_completeness, self.owner.db, report.batch_id,
                on_done=self._on_completeness, on_error=lambda _error: None,
            )  # fmt: skip

    @Slot(object)
    def _on_completeness(self, found: Completeness) -> None:
        """« 1 379 projets importés sont à compléter (sans domaine : 1 379…). Les afficher »"""
        if not found.incomplete:
            return
        names = {
            "domains": self.tr("%1 without a domain"),
            "lead": self.tr("%1 without a lead partner"),
            "budget": self.tr("%1 without a budget"),
        }
        details = ", ".join(
            names[field].replace("%1", formatting.number(n))
            for field, n in found.lacking.items()
            if n
        )
        count = self.tr("%Ln imported project(s) to complete", "", found.incomplete)
        link = self.tr("Show in the table")
        self._incomplete = found
        self.completion.setText(f"{count} ({details}). <a href='#incomplete'>{link}</a>")
        self.completion.show()

    @Slot(str)
    def _show_incomplete(self, _link: str) -> None:
        if self._incomplete is not None:
            self.owner.show_projects.emit(self._incomplete.filter)
            self.owner.accept()

    @Slot()
    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("Import cancelled: nothing was written."))
        self._finish()

    @Slot(object)
    def _on_error(self, error: BaseException) -> None:
        self.status.setStyleSheet("color: #B00020;")
        self.status.setText(_error_text(self, error) + "\n" + self.tr("Nothing was written."))
        self._finish()

    def isComplete(self) -> bool:
        return self.finished


_ = Problem

"""File → Export: the portfolio, the current filtered view or a blank template, to an Excel workbook.

The export runs off the GUI thread (`ui.operations`) with a progress bar and a Cancel button; the
GUI thread never touches the database or the file. Failures (file open elsewhere, read-only, disk full) are shown
in the user's language, and the existing file is never left half-written (the service writes a
temporary file and renames it into place).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ... import messages
from ...domain.filters import ProjectFilter
from ...services.excel_export import ExportResult, count_projects, export_workbook
from ...storage.database import Database
from ..file_dialogs import save_file_name
from ..operations import Operation
from ..settings import Settings
from ..tasks import TaskRunner

log = logging.getLogger(__name__)

_STEPS = 1000


class ExportDialog(QDialog):
    """Chooses what to export and where, then runs the export with progress and Cancel."""

    exported = Signal(object)  # the ExportResult, once the workbook is in place

    def __init__(
        self,
        db: Database,
        runner: TaskRunner,
        project_filter: ProjectFilter | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.project_filter = project_filter or ProjectFilter()
        self.outcome: ExportResult | None = None
        self.operation = Operation(
            runner.submit,
            self,
            failure=self.tr(
                "The export failed unexpectedly; the existing file was left unchanged."
            ),
        )
        self.operation.started.connect(self._update_buttons)
        self.operation.progressed.connect(self._on_progress)
        self.operation.succeeded.connect(self._on_done)
        self.operation.cancelled.connect(self._on_cancelled)
        self.operation.failed.connect(self._on_error)
        self.operation.finished.connect(self._update_buttons)
        self.setWindowTitle(self.tr("Export to Excel"))
        self.setMinimumWidth(560)

        self.whole = QRadioButton(self.tr("The whole portfolio"))
        self.view = QRadioButton(self.tr("The projects of the current view"))
        self.template = QRadioButton(self.tr("A blank template (headers and drop-down lists only)"))
        self.scope = QButtonGroup(self)
        for button in (self.whole, self.view, self.template):
            self.scope.addButton(button)
        if self.project_filter.is_empty:
            self.view.setEnabled(False)
            self.view.setToolTip(self.tr("No filter is applied to the projects table."))
            self.whole.setChecked(True)
        else:
            self.view.setChecked(True)

        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if messages.current_language() == "fr" else 1)

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Where to save the workbook (.xlsx)"))
        self.path_edit.setText(str(self._suggested_path()))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self._choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, _STEPS)
        self.progress_bar.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self._close_or_cancel)
        self.path_edit.textChanged.connect(self._update_buttons)

        form = QFormLayout()
        form.addRow(self.tr("Workbook language:"), self.language)
        form.addRow(self.tr("File:"), path_row)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What to export:")))
        for button in (self.whole, self.view, self.template):
            layout.addWidget(button)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._update_buttons()
        if not self.project_filter.is_empty:
            self.runner.submit(
                count_projects, db, self.project_filter, on_done=self._on_view_counted
            )

    # -- state ----------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.operation.running

    def _suggested_path(self) -> Path:
        stem = "portefeuille" if messages.current_language() == "fr" else "portfolio"
        return Settings().folder("export") / f"{stem}-{date.today().isoformat()}.xlsx"

    def target(self) -> Path:
        """The path typed or chosen, with the .xlsx extension added when it has none."""
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix else path.with_suffix(".xlsx")

    def _update_buttons(self) -> None:
        idle = not self.running
        self.export_button.setEnabled(idle and bool(self.path_edit.text().strip()))
        for widget in (self.whole, self.template, self.language, self.path_edit, self.browse):
            widget.setEnabled(idle)
        self.view.setEnabled(idle and not self.project_filter.is_empty)
        self.close_button.setText(self.tr("Cancel") if self.running else self.tr("Close"))

    @Slot(object)
    def _on_view_counted(self, count: int) -> None:
        self.view.setText(self.tr("The projects of the current view (%Ln project(s))", "", count))

    # -- actions --------------------------------------------------------------------------------

    def _choose_path(self) -> None:
        current = self.target()
        settings = Settings()
        if current.parent.is_dir():
            settings.remember_folder("export", current)
        chosen, _ = save_file_name(
            self,
            "export",
            self.tr("Export to Excel"),
            current.name,
            self.tr("Excel workbook (*.xlsx)"),
            settings,
        )
        if chosen:
            path = Path(chosen)
            self.path_edit.setText(str(path if path.suffix else path.with_suffix(".xlsx")))

    def start(self) -> None:
        """Starts the export in the task runner (nothing happens while one is running)."""
        if self.running or not self.path_edit.text().strip():
            return
        target = self.target()
        self.path_edit.setText(str(target))
        if target.parent.is_dir():
            Settings().remember_folder("export", target)
        template = self.template.isChecked()
        flt = self.project_filter if self.view.isChecked() else None
        self.outcome = None
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self.status.setStyleSheet("")
        self.status.setText(messages.text("export_progress_start"))
        self.operation.start(
            export_workbook,
            self.db,
            target,
            project_filter=flt,
            template=template,
            lang=self.language.currentData(),
            with_progress=True,
        )

    def cancel(self) -> None:
        """Asks the running export to stop; the existing file stays as it was."""
        if self.running:
            self.operation.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _close_or_cancel(self) -> None:
        if self.running:
            self.cancel()
        elif self.outcome is not None:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        # Escape or the window's close button while exporting cancels; the dialog stays until the
        # worker has stopped, so that its callbacks never reach a deleted window.
        if self.running:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self.running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    # -- outcome --------------------------------------------------------------------------------

    @Slot(float, str)
    def _on_progress(self, fraction: float, words: str) -> None:
        self.progress_bar.setValue(round(fraction * _STEPS))
        if words:  # none once cancelling: « Cancelling… » stays
            self.status.setText(words)

    @Slot(object)
    def _on_done(self, result: ExportResult) -> None:
        self.progress_bar.setVisible(False)
        self.outcome = result
        if result.template:
            text = self.tr("Blank template saved to %1.").replace("%1", str(result.path))
        else:
            text = self.tr("%Ln project(s) exported to %1.", "", result.projects).replace(
                "%1", str(result.path)
            )
        for sheet in dict.fromkeys(result.truncated):
            text += "\n" + messages.text("export_truncated", {"sheet": sheet})
        self.status.setText(text)
        self.exported.emit(result)

    @Slot()
    def _on_cancelled(self) -> None:
        self.progress_bar.setVisible(False)
        self.status.setText(
            self.tr("Export cancelled. The existing file, if any, was left unchanged.")
        )

    @Slot(str)
    def _on_error(self, words: str) -> None:
        self.progress_bar.setVisible(False)
        self.status.setStyleSheet("color: #B00020;")
        self.status.setText(words)

"""Preferences: the language (French by default, English) and the default database."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...paths import default_database
from ..i18n import LANGUAGES
from ..settings import Settings
from ..widgets.accessibility import name_fields


class PreferencesDialog(QDialog):
    """Choices that belong to this computer; number, date and money formats follow the language."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.language_box = QComboBox()
        self.language_box.setObjectName("languageBox")
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(self.language_box.findData(settings.language))
        self.database = QLineEdit(str(settings.get("default_database") or ""))
        self.database.setPlaceholderText(str(default_database()))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.database, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language_box)
        form.addRow(
            QLabel(
                self.tr(
                    "Numbers, dates and amounts follow the language: 1 300 000,50 € or €1,300,000.50."
                )
            )
        )
        form.addRow(self.tr("Default database"), row)
        self.startup_page = QComboBox()
        self.startup_page.setObjectName("startupPage")
        self.startup_page.addItem(self.tr("The projects"), "projects")
        self.startup_page.addItem(self.tr("The dashboard"), "dashboard")
        self.startup_page.setCurrentIndex(
            max(0, self.startup_page.findData(settings.get("startup/page")))
        )
        form.addRow(self.tr("Open on"), self.startup_page)
        view = str(settings.get("startup/view") or "")
        form.addRow(
            QLabel(
                self.tr("…with the saved view “%1” (chosen beside the saved views).").replace(
                    "%1", view
                )
                if view
                else self.tr("A saved view can be the one to open on (beside the saved views).")
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

        name_fields(self)

    def language(self) -> str:
        return str(self.language_box.currentData())

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Default database"),
            self.database.text(),
            self.tr("Portfolio databases (*.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database.setText(path)

    def _accept(self) -> None:
        self.settings.set("default_database", self.database.text().strip())
        self.settings.set("startup/page", str(self.startup_page.currentData()))
        self.accept()

"""About: the version, where the data and the log are, and the licences of the bundled libraries."""

from __future__ import annotations

import platform
from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ... import __version__, paths
from ..context import AppContext

#: The libraries the application ships with, and their licences (checked against their metadata).
BUNDLED = [
    ("PySide6-Essentials", "LGPL-3.0 (Qt for Python)"),
    ("shiboken6", "LGPL-3.0"),
    ("SQLAlchemy", "MIT"),
    ("alembic", "MIT"),
    ("platformdirs", "MIT"),
    ("matplotlib", "PSF-based (Matplotlib licence)"),
    ("numpy", "BSD-3-Clause"),
    ("openpyxl", "MIT"),
    ("XlsxWriter", "BSD-2-Clause"),
    ("python-calamine", "MIT"),
    ("defusedxml", "PSF-2.0"),
    ("psycopg", "LGPL-3.0"),
    ("keyring", "MIT"),
]


def library_versions() -> list[tuple[str, str, str]]:
    found = []
    for name, licence in BUNDLED:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
        found.append((name, version, licence))
    return found


class AboutDialog(QDialog):
    """Version, database, folders and licences."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About portfolio-desktop"))
        self.resize(560, 520)
        database = ctx.db.location if ctx.db is not None else self.tr("none")
        facts = [
            (self.tr("Database"), database),
            (self.tr("Data folder"), str(paths.data_dir())),
            (self.tr("Log folder"), str(paths.log_dir())),
            ("Python", platform.python_version()),
        ]
        header = QLabel(
            f"<h2>portfolio-desktop {__version__}</h2>"
            + self.tr("The R&amp;D project portfolio of competitiveness clusters.")
            + "<p>"
            + "<br>".join(f"{name}: {value}" for name, value in facts)
            + "</p>"
        )
        header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header.setWordWrap(True)
        licences = QTextBrowser()
        rows = "".join(
            f"<tr><td>{n}</td><td>{v}</td><td>{lic}</td></tr>" for n, v, lic in library_versions()
        )
        title = self.tr("Bundled libraries")
        licences.setHtml(
            f"<h3>{title}</h3><table cellpadding=3>{rows}</table><p>portfolio-desktop: MIT</p>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(licences, 1)
        layout.addWidget(buttons)

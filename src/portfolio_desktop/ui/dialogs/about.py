"""About: the version, where the data and the log are, and the licences of the bundled libraries."""

from __future__ import annotations

import platform
import sqlite3
from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ... import __version__, paths
from ..context import AppContext

#: The libraries the application ships with, and their licences as their metadata declares them
#: (License-Expression, else License, else the classifier). The frozen application bundles
#: their metadata (packaging/portfolio-desktop.spec reads this list), so the versions show there
#: too; a library that is not installed is left out. tests/test_packaging.py holds this list to
#: the metadata and to what the application imports.
BUNDLED = [
    ("PySide6-Essentials", "LGPL-3.0-only (Qt for Python; Qt under LGPL-3.0)"),
    ("shiboken6", "LGPL-3.0-only"),
    ("SQLAlchemy", "MIT"),
    ("alembic", "MIT"),
    ("Mako", "MIT"),
    ("MarkupSafe", "BSD-3-Clause"),
    ("platformdirs", "MIT"),
    ("matplotlib", "PSF-based (Matplotlib licence)"),
    ("contourpy", "BSD-3-Clause"),
    ("cycler", "BSD-3-Clause"),
    ("fonttools", "MIT"),
    ("kiwisolver", "BSD-3-Clause"),
    ("pyparsing", "MIT"),
    ("python-dateutil", "BSD-3-Clause"),
    ("tzdata", "Apache-2.0"),
    ("packaging", "Apache-2.0 OR BSD-2-Clause"),
    ("pillow", "MIT-CMU"),
    ("numpy", "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0"),
    ("openpyxl", "MIT"),
    ("et_xmlfile", "MIT"),
    ("XlsxWriter", "BSD-2-Clause"),
    ("python-pptx", "MIT"),
    ("lxml", "BSD-3-Clause"),
    ("python-calamine", "MIT"),
    ("defusedxml", "PSF-2.0"),
    ("charset-normalizer", "MIT"),
    ("typing_extensions", "PSF-2.0"),
    ("psycopg", "LGPL-3.0-only"),
    ("psycopg-binary", "LGPL-3.0-only (libpq: PostgreSQL licence)"),
    ("keyring", "MIT"),
    # keyring's own (the team server's password in the system keyring; which ones depends on the OS)
    ("jaraco.classes", "MIT"),
    ("jaraco.context", "MIT"),
    ("jaraco.functools", "MIT"),
    ("more-itertools", "MIT"),
    ("backports.tarfile", "MIT"),
    ("importlib_metadata", "Apache-2.0"),
    ("zipp", "MIT"),
    ("lazy-importer", "Apache-2.0"),
    ("SecretStorage", "BSD-3-Clause"),
    ("jeepney", "MIT"),
    ("cryptography", "Apache-2.0 OR BSD-3-Clause"),
    ("cffi", "MIT-0"),
    ("pycparser", "BSD-3-Clause"),
    ("pywin32-ctypes", "BSD-3-Clause"),
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
            ("SQLite", sqlite3.sqlite_version),
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
            f"<h3>{title}</h3><table cellpadding=3>{rows}</table>"
            f"<p>Python {platform.python_version()}: PSF-2.0<br>"
            f"SQLite {sqlite3.sqlite_version}: public domain<br>portfolio-desktop: MIT</p>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(licences, 1)
        layout.addWidget(buttons)

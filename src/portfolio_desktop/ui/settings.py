"""User settings that belong to this computer (window layout, recent files, language), typed, with
their defaults declared once. Portfolio data lives in the database, not here."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from .. import APP_NAME

MAX_RECENT = 8
#: Kinds of files the user saves or opens, each remembering the folder last used for it.
FOLDER_KINDS = ("chart", "report", "export", "import", "errors", "database")


def _qsettings() -> QSettings:
    home = os.environ.get("PORTFOLIO_DESKTOP_HOME")
    if home:  # tests and portable use: an ini file under that folder
        return QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


class Settings:
    """Typed access to QSettings; every key and default is declared in DEFAULTS."""

    DEFAULTS: ClassVar[dict[str, Any]] = {
        "language": "fr",
        "default_database": "",
        "last_database": "",
        "recent_files": [],
        "window/geometry": QByteArray(),
        "window/state": QByteArray(),
        "window/splitter": QByteArray(),
        "projects/header": QByteArray(),
        "projects/splitter": QByteArray(),
        "projects/filters_visible": True,
        "reference/header": QByteArray(),
        # What the application opens on: a page ("projects", "dashboard") and a saved view.
        "startup/page": "projects",
        "startup/view": "",
        # The folder last used per kind of file ("" until then: the user's documents folder).
        **{f"folders/{kind}": "" for kind in FOLDER_KINDS},
    }

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or _qsettings()

    def get(self, key: str) -> Any:
        default = self.DEFAULTS[key]
        value = self.store.value(key, default)
        if isinstance(default, bool):
            return value in (True, "true", "1", 1)
        if isinstance(default, list):
            if value in (None, ""):
                return []
            return list(value) if isinstance(value, (list, tuple)) else [value]
        if isinstance(default, QByteArray):
            return value if isinstance(value, QByteArray) else QByteArray()
        return value if value is not None else default

    def set(self, key: str, value: Any) -> None:
        assert key in self.DEFAULTS, key
        self.store.setValue(key, value)

    @property
    def language(self) -> str:
        lang = str(self.get("language"))
        return lang if lang in ("fr", "en") else "fr"

    @language.setter
    def language(self, value: str) -> None:
        self.set("language", value)

    def recent_files(self) -> list[str]:
        return [str(p) for p in self.get("recent_files")]

    def add_recent(self, location: str) -> None:
        files = [location] + [f for f in self.recent_files() if f != location]
        self.set("recent_files", files[:MAX_RECENT])
        self.set("last_database", location)

    def folder(self, kind: str) -> Path:
        """Where a file dialog for this kind of file starts: the folder last used for it while it
        exists, else the user's documents folder (else the home folder)."""
        last = str(self.get(f"folders/{kind}") or "")
        if last and Path(last).is_dir():
            return Path(last)
        return documents_folder()

    def remember_folder(self, kind: str, chosen: str | Path) -> None:
        """Remembers the folder of a file the user chose for this kind."""
        self.set(f"folders/{kind}", str(Path(chosen).parent))

    def sync(self) -> None:
        self.store.sync()


def documents_folder() -> Path:
    """The user's documents folder (Documents, Mes documents…), else the home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()

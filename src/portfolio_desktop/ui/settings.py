"""User settings that belong to this computer (window layout, recent files, language), typed, with
their defaults declared once. Portfolio data lives in the database, not here."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QByteArray, QSettings

from .. import APP_NAME

MAX_RECENT = 8


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
            return [value] if isinstance(value, str) else list(value)
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

    def sync(self) -> None:
        self.store.sync()

"""Where things live: the user's data, log and backup folders (platformdirs) and the resources."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from platformdirs import PlatformDirs

from . import APP_NAME

_dirs = PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    """The user's data folder; `PORTFOLIO_DESKTOP_HOME` overrides it (tests, portable installs)."""
    override = os.environ.get("PORTFOLIO_DESKTOP_HOME")
    return Path(override) / "data" if override else Path(_dirs.user_data_dir)


def log_dir() -> Path:
    override = os.environ.get("PORTFOLIO_DESKTOP_HOME")
    return Path(override) / "logs" if override else Path(_dirs.user_log_dir)


def default_database() -> Path:
    return data_dir() / "portfolio.sqlite"


def backup_dir(database: Path) -> Path:
    """Backups of one database, in the data folder, named after the file and its full path."""
    digest = hashlib.sha1(str(database.absolute()).encode()).hexdigest()[:8]
    return data_dir() / "backups" / f"{database.stem}-{digest}"


def resources_dir() -> Path:
    """`resources/`: inside the installed package (wheel, frozen app) or at the repository root."""
    packaged = Path(__file__).with_name("resources")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"

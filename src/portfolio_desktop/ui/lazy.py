"""Services imported on first use: the desktop shows its window before SQLAlchemy is loaded.

`project_list()` and `reference()` return the modules; the first call pays for the import (in the
worker that opens the database, usually), later calls cost a dictionary lookup.
"""

from __future__ import annotations

from types import ModuleType


def project_list() -> ModuleType:
    from ..services import project_list as module

    return module


def reference() -> ModuleType:
    from ..services import reference as module

    return module

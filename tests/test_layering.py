"""The dependency rule: ui → services → storage → domain; no Qt below ui/, no SQLAlchemy in domain/;
nothing below ui/ reaches up to it, and ui/ reaches storage only through the services."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "portfolio_desktop"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                names.add(node.module)
            elif node.level > 0:
                # Resolve relative imports against the module's own package.
                parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[: -node.level]
                names.add(".".join([*parts, node.module] if node.module else parts))
    return names


def files_under(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("folder", ["domain", "storage", "services"])
def test_no_qt_below_ui(folder: str) -> None:
    for path in files_under(folder):
        qt = {
            m
            for m in imported_modules(path)
            if m.split(".")[0] in {"PySide6", "shiboken6", "PyQt6"}
        }
        assert not qt, f"{path.relative_to(PACKAGE)} imports Qt: {qt}"


def test_domain_is_pure() -> None:
    for path in files_under("domain"):
        banned = {
            m
            for m in imported_modules(path)
            if m.split(".")[0] in {"sqlalchemy", "alembic", "PySide6"}
            or m.startswith(("portfolio_desktop.storage", "portfolio_desktop.services"))
        }
        assert not banned, f"{path.relative_to(PACKAGE)} imports {banned}"


def test_storage_does_not_reach_up() -> None:
    for path in files_under("storage"):
        up = {
            m
            for m in imported_modules(path)
            if m.startswith(("portfolio_desktop.services", "portfolio_desktop.ui"))
        }
        assert not up, f"{path.relative_to(PACKAGE)} imports {up}"


def test_services_do_not_reach_up() -> None:
    for path in files_under("services"):
        up = {m for m in imported_modules(path) if m.startswith("portfolio_desktop.ui")}
        assert not up, f"{path.relative_to(PACKAGE)} imports {up}"


#: What ui/ may import from storage: the open database's handle, which the screens hold and hand
#: to the services (they never open a session with it: `test_sessions_stay_in_storage`). The rows
#: and snapshots the screens show come through the services that return them.
UI_MAY_IMPORT_FROM_STORAGE = {"portfolio_desktop.storage.database"}


def test_ui_reaches_storage_only_through_services() -> None:
    for path in files_under("ui"):
        down = {
            m
            for m in imported_modules(path)
            if m.startswith("portfolio_desktop.storage") and m not in UI_MAY_IMPORT_FROM_STORAGE
        }
        assert not down, f"{path.relative_to(PACKAGE)} imports {down}"


def test_sessions_stay_in_storage() -> None:
    for folder in ("services", "ui"):
        for path in files_under(folder):
            sessions = {m for m in imported_modules(path) if m.startswith("sqlalchemy")}
            assert not sessions, f"{path.relative_to(PACKAGE)} imports {sessions}"


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    """The scan itself works: a file importing Qt is reported."""
    fake = tmp_path / "fake.py"
    fake.write_text("from PySide6 import QtCore\nimport sqlalchemy.orm\n")
    assert {"PySide6", "sqlalchemy.orm"} <= imported_modules(fake)


def test_relative_imports_are_resolved() -> None:
    """`from ...services.safety import Backup` in ui/dialogs/ is seen as services.safety."""
    source = PACKAGE / "ui" / "dialogs" / "backup_dialog.py"
    assert "portfolio_desktop.services.safety" in imported_modules(source)

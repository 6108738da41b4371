"""Nothing but `storage/apply/` writes the portfolio's tables: a scan of the sources.

Every writer (forms, import, demo, undo, merges) builds a change set and applies it, so that the
rules hold whoever writes. The few storage modules that still issue writes do so for a reason
given below (infrastructure, or a primitive that only `storage.apply` calls); a new module that
writes fails here and must either go through `apply` or say why it cannot.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "portfolio_desktop"

#: Storage modules that issue writes without being the write path, and why.
ALLOWED = {
    "storage/migrations": "schema migrations move data between revisions",
    "storage/tables.py": "`insert_id`, the one-row insert helper the writers of apply call",
    "storage/history.py": "the change history's rows, written by apply's writers as they go",
    "storage/imports.py": "the bulk primitives apply's import writer calls (staged insert, "
    "NewProjects, import_change), the import batch row, and saved import profiles",
    "storage/bulk.py": "the bulk insert primitive apply's demo writer calls",
    "storage/summaries.py": "derived columns (summaries, funding shares), recomputed by apply "
    "and by `check --repair`, never entered by a user",
    "storage/search.py": "the full-text indexes' triggers, suspended and rebuilt around bulk inserts",
    "storage/saved_views.py": "the user's saved filters, not portfolio data",
    "storage/as_of.py": "rewinds a throw-away copy of the portfolio to a past moment (never the "
    "portfolio itself)",
    "storage/money.py": "the money tables' primitives (tranches, payments, cofinancing, spreads, "
    "aid-rate rules), called only by apply's line, demo and import writers",
    "storage/submissions.py": "the submissions' and committees' primitives, which keep a "
    "project's status consistent with its submissions (not yet a change kind of apply's)",
}

#: The write primitives that only storage calls (outside it, a change set is applied instead).
PRIMITIVES = {
    "insert_rows", "fast_insert", "create_rows", "create_tuples", "update_rows", "delete_ids",
    "restore_rows", "replace_children", "start_batch", "finish_batch", "record_changes",
    "diff_rows", "diff_projects", "record_created", "record_deleted", "record_update_rows",
    "record_accepted", "insert_id", "staged_insert", "write_plan_rows",
}  # fmt: skip

_RAW_WRITE = re.compile(r"^\s*(INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b", re.I)


def _sqlalchemy_names(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("sqlalchemy")
        ):
            names.update(alias.asname or alias.name for alias in node.names)
    return names


def writes_in(path: Path) -> list[str]:
    """The write statements of a module: SQLAlchemy insert/update/delete, `.insert()` on a table,
    `session.add/delete/merge`, and raw SQL that inserts, updates or deletes."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    core = _sqlalchemy_names(tree) & {"insert", "update", "delete"}
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in core:
                found.append(f"{func.id}() line {node.lineno}")
            if isinstance(func, ast.Attribute):
                owner = func.value
                if func.attr == "insert" and not node.args and not node.keywords:
                    found.append(f".insert() line {node.lineno}")
                if (
                    func.attr in {"add", "add_all", "delete", "merge", "bulk_insert_mappings"}
                    and isinstance(owner, ast.Name)
                    and owner.id == "session"
                ):
                    found.append(f"session.{func.attr}() line {node.lineno}")
        text = node.value if isinstance(node, ast.Constant) else None
        if isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            text = first.value if isinstance(first, ast.Constant) else None
        if isinstance(text, str) and _RAW_WRITE.match(text):
            found.append(f"raw SQL line {node.lineno}")
    return found


def calls_in(path: Path, names: set[str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = (
                func.attr
                if isinstance(func, ast.Attribute)
                else func.id
                if isinstance(func, ast.Name)
                else ""
            )
            if name in names:
                found.append(f"{name}() line {node.lineno}")
    return found


def _relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _allowed(relative: str) -> bool:
    return relative.startswith("storage/apply/") or any(
        relative == key or relative.startswith(key + "/") for key in ALLOWED
    )


def test_only_the_apply_package_writes_the_portfolio() -> None:
    offenders = {
        _relative(path): found
        for path in sorted(PACKAGE.rglob("*.py"))
        if not _allowed(_relative(path)) and (found := writes_in(path))
    }
    assert offenders == {}


def test_the_scan_sees_writes() -> None:
    # The scanner itself: it finds what the write path writes with.
    assert writes_in(PACKAGE / "storage" / "apply" / "projects.py")
    assert writes_in(PACKAGE / "storage" / "apply" / "organisations.py")


def test_nothing_outside_storage_calls_the_write_primitives() -> None:
    offenders = {
        _relative(path): found
        for path in sorted(PACKAGE.rglob("*.py"))
        if not _relative(path).startswith("storage/") and (found := calls_in(path, PRIMITIVES))
    }
    assert offenders == {}


def test_every_allowed_module_still_writes_and_says_why() -> None:
    # The list stays tight: a module that no longer writes leaves it.
    for key, reason in ALLOWED.items():
        target = PACKAGE / key
        paths = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        assert any(writes_in(path) for path in paths), key
        assert len(reason) > 10

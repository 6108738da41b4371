"""Every message code the source hands on has its words in `messages.CATALOGUE`, and every code of
the catalogue is used.

A code without words reaches the user as itself (`messages.text` falls back to the code, « demo_done »
in a progress dialog); words without a code are dead text that translators keep up to date for
nothing, and hide the code that was meant instead.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterable
from pathlib import Path

from portfolio_desktop import messages
from portfolio_desktop.domain.filters import INCOMPLETE_FIELDS
from portfolio_desktop.services.analytics import STACKS
from portfolio_desktop.services.excel_import import values
from portfolio_desktop.storage.backups import REASONS

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "portfolio_desktop"

#: Calls whose positional argument at this index is a message code: `messages.text` and the
#: modules' shorthands for it (`_t`, `t`), rule issues, cell and import problems, progress
#: reports (`progress.report(fraction, code)`), self-test steps, integrity findings, notices.
#: The constructors of `KnownError` and its subclasses (code first) are found by their base class.
CODE_ARGUMENT = {
    "text": 0,
    "_t": 0,
    "t": 0,
    "Issue": 0,
    "_warning": 0,
    "CellProblem": 0,
    "problem": 2,
    "report": 1,
    "Step": 0,
    "Skipped": 2,
    "Problem": 3,
    "Finding": 0,
    "Notice": 0,
}
#: Keyword arguments that hold a code: why a file was refused, a sheet mapping's note.
CODE_KEYWORD = {("UnreadableFileError", "reason"), ("SheetMapping", "note")}

#: Codes made of a prefix and a value (`f"month_{n}"`): each prefix and every value it takes.
FAMILIES: dict[str, Iterable[object]] = {
    "month_": range(1, 13),
    "stack_": STACKS,  # the dimensions a funding chart is stacked by
    "backup_reason_": REASONS,
    "incomplete_": INCOMPLETE_FIELDS,
    "import_unknown_": values._UNKNOWN.values(),  # a closed list's value the import did not know
    # The history's sources and actions, as storage/history.py writes them (services/history.Change).
    "history_source_": ("form", "import", "undo", "undo-import", "merge", "unknown"),
    "history_": ("created", "deleted", "restored"),
    # A snapshot comparison's headings: dimension_measure, as services/snapshots.compare makes them.
    "snapshot_": (
        "total_granted",
        "total_projects",
        "total_funded",
        "total_budget",
        "pole_granted",
        "pole_projects",
        "pole_funded",
        "domain_granted",
        "funder_granted",
        "status_projects",
    ),
    # The evaluation criteria the project sheet averages (services/project_sheet).
    "sheet_criterion_": ("innovation", "consortium", "impact", "feasibility"),
}

#: Codes of the catalogue that no source names, kept on purpose, with the reason.
KEPT: dict[str, str] = {}


@functools.cache
def _sources() -> tuple[tuple[Path, ast.Module], ...]:
    """The package's modules, parsed (messages.py holds the words, not their uses)."""
    return tuple(
        (path, ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "messages.py" and "versions" not in path.parts
    )


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _known_errors(trees: list[ast.Module]) -> set[str]:
    """KnownError and every class of the package deriving from it, however indirectly."""
    bases = {
        node.name: {_name(base) for base in node.bases}
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }
    found = {"KnownError"}
    while True:
        more = {name for name, of in bases.items() if of & found} - found
        if not more:
            return found
        found |= more


def _foreign_names(tree: ast.Module) -> set[str]:
    """Names a module imports from outside the package (`from sqlalchemy import text`)."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 0
        if not (node.module or "").startswith("portfolio_desktop")
        for alias in node.names
    }


@functools.cache
def code_arguments() -> list[tuple[str, ast.expr]]:
    """(where, expression) of every argument the source passes where a message code goes."""
    sources = _sources()
    positions = dict(CODE_ARGUMENT)
    positions.update(dict.fromkeys(_known_errors([tree for _p, tree in sources]), 0))
    found: list[tuple[str, ast.expr]] = []
    errors = _known_errors([tree for _p, tree in sources])
    for path, tree in sources:
        foreign = _foreign_names(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in errors - {"KnownError"}:
                # A known error's own code: `code = "demo_db_not_empty"` in its class body (the
                # base class's "error" is a placeholder that every raise of it replaces).
                found.extend(
                    (f"{path.relative_to(PACKAGE)}:{line.lineno}", line.value)
                    for line in node.body
                    if isinstance(line, ast.Assign)
                    and any(_name(target) == "code" for target in line.targets)
                )
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            if isinstance(node.func, ast.Name) and name in foreign:
                continue
            where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
            index = positions.get(name)
            if index is not None and len(node.args) > index:
                found.append((where, node.args[index]))
            found.extend(
                (where, keyword.value)
                for keyword in node.keywords
                if (name, keyword.arg) in CODE_KEYWORD
            )
    return found


def family_codes() -> set[str]:
    return {f"{prefix}{value}" for prefix, taken in FAMILIES.items() for value in taken}


def test_every_code_the_source_uses_has_its_words() -> None:
    missing = []
    for where, argument in code_arguments():
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            if argument.value not in messages.CATALOGUE:
                missing.append(f"{where}: {argument.value}")
        elif isinstance(argument, ast.JoinedStr):
            head = argument.values[0] if argument.values else None
            prefix = head.value if isinstance(head, ast.Constant) else ""
            if prefix not in FAMILIES:
                missing.append(
                    f"{where}: {ast.unparse(argument)} (a family FAMILIES does not list)"
                )
    assert not missing, "codes without words in messages.CATALOGUE:\n" + "\n".join(missing)


def test_every_code_of_a_family_has_its_words() -> None:
    missing = sorted(family_codes() - messages.CATALOGUE.keys())
    assert not missing, missing


def test_every_code_of_the_catalogue_is_used() -> None:
    constants = {
        node.value
        for _path, tree in _sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    used = constants | family_codes() | KEPT.keys()
    unused = sorted(code for code in messages.CATALOGUE if code not in used)
    assert not unused, (
        f"codes no source uses (remove them, or keep them in KEPT with why): {unused}"
    )


def test_the_scan_sees_codes_and_misses() -> None:
    """The scan itself works: it finds a progress report's code, a known error's (given when
    raised, or in its class), and it does not take SQLAlchemy's `text()` for a message."""
    arguments = {(where.split(":")[0], ast.unparse(arg)) for where, arg in code_arguments()}
    assert ("services/demo.py", "'demo_done'") in arguments
    assert ("services/excel_export.py", "'export_not_xlsx'") in arguments
    assert ("services/demo.py", "'demo_db_not_empty'") in arguments
    assert not any(code.startswith("'SELECT") for _where, code in arguments)
    assert "UnreadableFileError" in _known_errors([tree for _p, tree in _sources()])

"""What a write changed is a `Scope`, never a loose string: a misspelt scope ("project") would
leave every screen stale without an error, so the desktop's sources may not write one."""

from __future__ import annotations

import re
from pathlib import Path

import portfolio_desktop.ui as ui
from portfolio_desktop.ui.context import Scope

UI = Path(ui.__file__).parent
LOOSE = re.compile(r"""(?:scope\s*=\s*|data_changed\.emit\(\s*)["']""")


def test_no_screen_announces_a_change_with_a_loose_string() -> None:
    found = [
        f"{path.relative_to(UI)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if LOOSE.search(line)
    ]
    assert found == []


def test_a_reference_tables_scope_is_its_plural() -> None:
    assert [Scope.of_table(t) for t in ("funder", "call", "domain", "expert", "cluster")] == [
        Scope.FUNDERS, Scope.CALLS, Scope.DOMAINS, Scope.EXPERTS, Scope.CLUSTERS,
    ]  # fmt: skip

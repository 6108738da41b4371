"""The fast tier (`./test.sh --fast`) leaves out only what tests/conftest.py names, and each name
still points at a test: a renamed test must not slip back into the quick loop unnoticed, nor an
entry linger for a test that is gone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from . import conftest

ROOT = Path(__file__).resolve().parents[1]


def test_every_entry_names_a_module_or_test_that_exists() -> None:
    for entry, reason in conftest.FULL_RUN_ONLY.items():
        assert reason, f"{entry}: say why it is left to the full run"
        module, _sep, name = entry.partition("::")
        path = ROOT / module
        assert path.is_file(), f"{entry}: no such test module"
        if name:
            tests = {
                node.name
                for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(node, ast.FunctionDef)
            }
            assert name in tests, f"{entry}: no such test"


def test_the_fixtures_left_out_exist() -> None:
    sources = "".join(p.read_text(encoding="utf-8") for p in ROOT.glob("tests/**/*.py"))
    for fixture in conftest.FULL_RUN_FIXTURES:
        assert f"def {fixture}(" in sources, fixture


def test_fast_deselects_and_marks_what_it_leaves_out(pytester: pytest.Pytester) -> None:
    """Run on a small suite: `--fast` keeps the plain test, leaves the marked one, and the
    default run keeps both."""
    pytester.makeconftest((Path(conftest.__file__)).read_text(encoding="utf-8"))
    pytester.makeini("[pytest]\nmarkers =\n    slow: x\n    postgres: x\n    libreoffice: x\n")
    pytester.makepyfile(
        test_sample="""
import pytest

def test_plain():
    pass

@pytest.mark.postgres
def test_on_the_server():
    pass
"""
    )
    fast = pytester.runpytest("--fast", "-p", "no:cacheprovider")
    fast.assert_outcomes(passed=1, deselected=1)
    full = pytester.runpytest("-p", "no:cacheprovider")
    full.assert_outcomes(passed=2)

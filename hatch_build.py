"""Hatch build hook: compiles the Qt Linguist sources (.ts) into .qm files before packaging."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compile_translations(root: Path) -> list[Path]:
    """Runs pyside6-lrelease on every .ts file under resources/translations; returns the .qm files."""
    folder = root / "resources" / "translations"
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).parent / "pyside6-lrelease"
    )
    produced = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
        produced.append(qm)
    return produced


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    """Makes the compiled translations part of every wheel, editable ones included."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        compile_translations(Path(self.root))

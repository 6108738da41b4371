"""Hatch build hook: compiles the Qt Linguist sources (.ts) into .qm files before packaging."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    """Makes the compiled translations part of every wheel, editable ones included."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        sys.path.insert(0, str(Path(self.root) / "scripts"))
        from translations import compile_translations

        compile_translations(Path(self.root))

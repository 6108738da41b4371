"""Start-up stays light: the window is shown before the database layer and heavy libraries load."""

from __future__ import annotations

import os
import subprocess
import sys


def test_window_shows_before_sqlalchemy_matplotlib_openpyxl_load(tmp_path) -> None:
    code = (
        "import sys\n"
        "from portfolio_desktop.app import Desktop, make_application\n"
        "from portfolio_desktop.ui.settings import Settings\n"
        "app = make_application([])\n"
        "desktop = Desktop(Settings())\n"
        "desktop.window.show()\n"
        "app.processEvents()\n"
        "heavy = {'sqlalchemy', 'alembic', 'matplotlib', 'openpyxl', 'xlsxwriter', 'python_calamine'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PORTFOLIO_DESKTOP_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"

"""Fixtures of the desktop tests: a synchronous desktop (no threads, no sleeps) on a demo copy."""

from __future__ import annotations

import pytest


@pytest.fixture
def french(qapp):
    """The French translators for one test; afterwards the language and locale the test found
    (tests of other modules expect the English source strings)."""
    from PySide6.QtCore import QLocale

    from portfolio_desktop.ui import i18n

    locale = QLocale()
    i18n.install_language("fr")
    yield
    i18n.install_language("en")
    i18n.remove_translators()  # the source strings, as the other tests expect them
    QLocale.setDefault(locale)


@pytest.fixture
def ctx(qapp, french, pole_db):
    """An AppContext with the pole demo open and runners that work inline."""
    from portfolio_desktop.ui.context import AppContext
    from portfolio_desktop.ui.settings import Settings

    context = AppContext(Settings(), synchronous=True)
    context.db = pole_db
    yield context
    context.db = None


@pytest.fixture
def desktop(qtbot, qapp, french, pole_db):
    """The whole desktop (main window) on a private copy of the pole demo, synchronous."""
    from portfolio_desktop.app import Desktop
    from portfolio_desktop.ui.settings import Settings

    app = Desktop(Settings(), synchronous=True)
    qtbot.addWidget(app.window)
    app.window.show()
    app.ctx.set_database(pole_db)
    yield app
    app.ctx.db = None
    app.window.close()


@pytest.fixture
def empty_desktop(qtbot, qapp, french, db):
    """The desktop on a fresh, empty database (the welcome page)."""
    from portfolio_desktop.app import Desktop
    from portfolio_desktop.ui.settings import Settings

    app = Desktop(Settings(), synchronous=True)
    qtbot.addWidget(app.window)
    app.window.show()
    app.ctx.set_database(db)
    yield app
    app.ctx.db = None
    app.window.close()

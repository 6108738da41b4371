"""The About box names the SQLite library that writes the portfolio (issue 17: 3.40.1 has the
WAL-reset bug; a user's report should say which library they run)."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QLabel, QTextBrowser

from portfolio_desktop.ui.dialogs.about import AboutDialog


def test_the_about_box_names_the_sqlite_library(qtbot, ctx) -> None:
    dialog = AboutDialog(ctx)
    qtbot.addWidget(dialog)
    header = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"SQLite: {sqlite3.sqlite_version}" in header
    licences = dialog.findChild(QTextBrowser).toPlainText()
    assert f"SQLite {sqlite3.sqlite_version}: public domain" in licences

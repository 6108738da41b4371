"""The desktop's data safety: File → Restore a backup, a damaged file on opening, a second desktop
on the same file, File → Connect to a server, Edit → History and imports (undo of an import)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from portfolio_desktop.services import portfolio, safety, team
from portfolio_desktop.storage import backups, locking
from portfolio_desktop.ui.dialogs.history_view import value_text


@pytest.fixture
def opened_desktop(qtbot, qapp, pole_demo_file: Path, tmp_path: Path):
    """The desktop that opened a copy of the pole demo the way it does at start-up."""
    from portfolio_desktop.app import Desktop
    from portfolio_desktop.ui.i18n import install_language
    from portfolio_desktop.ui.settings import Settings

    install_language("fr")
    path = tmp_path / "portefeuille.sqlite"
    shutil.copyfile(pole_demo_file, path)
    app = Desktop(Settings(), synchronous=True)
    qtbot.addWidget(app.window)
    app.window.show()
    app.open(str(path))
    assert app.ctx.db is not None
    yield app, path
    app.ctx.set_database(None)
    app.close()
    app.window.close()


@pytest.fixture(autouse=True)
def _language_put_back(qapp):
    """These tests install French; the next module finds the translators as they were."""
    from PySide6.QtCore import QLocale

    from portfolio_desktop.ui.i18n import install_language, remove_translators

    before = QLocale()
    yield
    install_language("en")
    remove_translators()  # the source strings, as the other tests expect them (`french`)
    QLocale.setDefault(before)


def projects_in(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM project").fetchone()[0])


def damage_after_a_backup(path: Path) -> None:
    """Takes a verified daily backup of the portfolio, then flips 8 KiB in the middle of it."""
    backups.take(path, safety.backup_folder(path), "daily")
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = bytes(b ^ 0xFF for b in data[middle : middle + 8192])
    path.write_bytes(bytes(data))


def test_opening_takes_the_lock_and_the_daily_backup(opened_desktop) -> None:
    desktop, path = opened_desktop
    assert desktop.opened.lock is not None
    assert isinstance(locking.acquire(path), locking.DatabaseLock)  # this process: shared
    desktop.opened.lock.release()
    assert [b.reason for b in safety.list_backups(path)] == ["daily"]


def test_restore_a_backup_from_the_file_menu(opened_desktop, qtbot, monkeypatch) -> None:
    desktop, path = opened_desktop
    db = desktop.ctx.db
    record = portfolio.load_project(db, 1)
    portfolio.delete_project(db, 1, expected_version=record.version)
    assert projects_in(path) == 1299

    window = desktop.window
    window.safety.restore_action.trigger()
    dialog = window.safety.dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.index(0, 1).data() == "quotidienne"
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.findChild(QPushButton, "restoreBackup"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desktop.ctx.db is not None and desktop.ctx.db is not db)
    assert projects_in(path) == 1300
    # The portfolio as it was before the restore is itself a backup now.
    reasons = sorted(b.reason for b in safety.list_backups(path))
    assert reasons == ["daily", "restore"]
    restored = next(b for b in safety.list_backups(path) if b.reason == "restore")
    assert projects_in(restored.path) == 1299
    assert desktop.opened.lock is not None


def test_a_damaged_file_offers_the_newest_good_backup(
    qtbot, qapp, pole_demo_file, tmp_path
) -> None:
    from portfolio_desktop.app import Desktop
    from portfolio_desktop.ui.i18n import install_language
    from portfolio_desktop.ui.settings import Settings

    install_language("fr")
    path = tmp_path / "portefeuille.sqlite"
    shutil.copyfile(pole_demo_file, path)
    damage_after_a_backup(path)

    desktop = Desktop(Settings(), synchronous=True)
    qtbot.addWidget(desktop.window)
    desktop.window.show()
    try:
        desktop.open(str(path))
        box = desktop.window.safety.dialog
        qtbot.waitUntil(box.isVisible)
        assert "endommagée" in box.text() and "sauvegarde saine" in box.text()
        moved = [
            m
            for m in tmp_path.glob("portefeuille.sqlite.damaged-*")
            if not m.name.endswith(("-wal", "-shm"))
        ]
        assert len(moved) == 1
        qtbot.mouseClick(box.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: desktop.ctx.db is not None)
        assert projects_in(path) == 1300
        assert moved[0].exists()  # nothing deleted
    finally:
        desktop.ctx.set_database(None)
        desktop.close()
        desktop.window.close()


def test_a_second_desktop_is_read_only_and_says_who_holds_the_file(
    opened_desktop, qtbot, qapp, monkeypatch
) -> None:
    from portfolio_desktop.app import Desktop
    from portfolio_desktop.ui.settings import Settings

    _first, path = opened_desktop
    other = locking.LockHolder("poste-de-marie", 4242, "marie", "2026-05-04T08:30:00")
    monkeypatch.setattr(locking, "acquire", lambda *_a, **_k: other)
    second = Desktop(Settings(), synchronous=True)
    qtbot.addWidget(second.window)
    second.window.show()
    try:
        second.open(str(path))
        assert second.ctx.db is not None and second.ctx.db.read_only
        assert second.window.windowTitle().endswith("(lecture seule)")
        box = second.window.safety.dialog
        qtbot.waitUntil(box.isVisible)
        assert "marie" in box.text() and "poste-de-marie" in box.text()
    finally:
        second.ctx.set_database(None)
        second.close()
        second.window.close()


def test_connect_to_a_server_keeps_no_password_in_the_settings(
    desktop, qtbot, monkeypatch, tmp_path
) -> None:
    saved: dict[tuple[str, str], str] = {}

    class Keyring:
        def set_password(self, service: str, account: str, password: str) -> None:
            saved[(service, account)] = password

        def get_password(self, service: str, account: str) -> str | None:
            return saved.get((service, account))

    monkeypatch.setattr(team, "_keyring", lambda: Keyring())
    monkeypatch.setattr(team, "_session_passwords", {})
    asked: list[str] = []
    window = desktop.window
    window.safety.open_requested.disconnect()
    window.safety.open_requested.connect(asked.append)
    window.safety.server_action.trigger()
    dialog = window.safety.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.host.setText("pg.mon-pole.fr")
    dialog.database.setText("portefeuille")
    dialog.user.setText("chloe")
    dialog.secret.setText("secret-de-chloé")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()  # no CA yet
    dialog.ca_file.setText(str(tmp_path / "ca.pem"))
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.accept()
    assert len(asked) == 1
    chosen = team.ServerSettings.from_url(asked[0])
    assert chosen == team.ServerSettings(
        "pg.mon-pole.fr", "portefeuille", "chloe", 5432, "verify-full", str(tmp_path / "ca.pem")
    )
    assert "secret" not in asked[0]
    assert saved == {
        ("portfolio-desktop", "chloe@pg.mon-pole.fr:5432/portefeuille"): "secret-de-chloé"
    }
    desktop.settings.add_recent(asked[0])
    desktop.settings.sync()
    settings_file = Path(desktop.settings.store.fileName())
    assert "secret" not in settings_file.read_text(encoding="utf-8", errors="replace")


def test_undo_an_import_from_history_and_imports(desktop, qtbot, pole_db, monkeypatch, tmp_path):
    from openpyxl import Workbook

    from portfolio_desktop.services.excel_import import import_workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Référence", "Acronyme", "Intitulé", "Statut"])
    sheet.append(["NOUVEAU-1", "NOUV", "Projet importé", "Brouillon"])
    path = tmp_path / "nouveau.xlsx"
    book.save(path)
    report = import_workbook(pole_db, path)
    assert report.ok and report.batch_id is not None
    window = desktop.window
    window.safety.history_action.trigger()
    dialog = window.safety.dialog
    qtbot.waitUntil(lambda: dialog.batch_model.rowCount() >= 1)
    assert dialog.changes.history.rowCount() > 0
    assert dialog.batch_model.index(0, 3).data() == "nouveau.xlsx"
    dialog.batch_table.selectRow(0)
    assert dialog.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.batch_model.index(0, 4).data().startswith("annulé"))
    from portfolio_desktop.services.stats import portfolio_stats

    assert portfolio_stats(pole_db)["projects"] == 1300


def test_values_are_shown_the_way_forms_show_them(qapp) -> None:
    from portfolio_desktop.ui.i18n import install_language

    install_language("fr")
    assert value_text("money", 130_000_050) == "1\u202f300\u202f000,50\u00a0€"
    assert value_text("date", date(2024, 3, 1)) == "01/03/2024"
    assert value_text("ProjectStatus", "funded") == "Financé"
    assert value_text("domains", [("Photonique & Quantique", 60), ("IoT", 40)]) == (
        "Photonique & Quantique 60 %, IoT 40 %"
    )
    assert value_text("regions", ["BRE", "PDL"]) == "Bretagne, Pays de la Loire"
    assert value_text("bool", True) == "✓"
    assert value_text("text", None) == "—"
    # A funding line's money, as the history decodes it.
    assert value_text("shares", [("Kerlis SAS", 150_000_00), ("IRISA", 100_000_00)]) == (
        "Kerlis SAS 150\u202f000,00\u00a0€ · IRISA 100\u202f000,00\u00a0€"
    )
    assert value_text(
        "schedule", [("advance", 75_000_00, "2021-03-01", False), ("balance", 5_00, None, True)]
    ) == ("Avance 75\u202f000,00\u00a0€ (01/03/2021) · Solde 5,00\u00a0€ (date inconnue) libérée")
    assert value_text("payments", [(25_000_00, None, None, "rapport")]) == (
        "25\u202f000,00\u00a0€ (date inconnue) « rapport »"
    )
    assert value_text("spread", [(2021, 100_00)]) == "2021 : 100,00\u00a0€"


def test_a_large_file_is_checked_after_it_opened(
    qtbot, qapp, pole_demo_file, tmp_path, monkeypatch
) -> None:
    """A national portfolio opens at once; its quick check (1.6 s) runs in the background, and a
    damaged file found that way is closed, moved aside, and the newest good backup offered."""
    from portfolio_desktop.app import Desktop
    from portfolio_desktop.ui.i18n import install_language
    from portfolio_desktop.ui.settings import Settings

    monkeypatch.setattr(safety, "QUICK_CHECK_BEFORE_OPEN_BYTES", 0)
    install_language("fr")
    path = tmp_path / "national.sqlite"
    shutil.copyfile(pole_demo_file, path)
    damage_after_a_backup(path)
    desktop = Desktop(Settings(), synchronous=True)
    qtbot.addWidget(desktop.window)
    desktop.window.show()
    try:
        desktop.open(str(path))
        box = desktop.window.safety.dialog
        qtbot.waitUntil(box.isVisible)
        assert "endommagée" in box.text()
        assert desktop.ctx.db is None and desktop.opened is None
        assert not path.exists()
        assert list(tmp_path.glob("national.sqlite.damaged-*"))
        qtbot.mouseClick(box.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: desktop.ctx.db is not None)
        assert projects_in(path) == 1300
    finally:
        desktop.ctx.set_database(None)
        desktop.close()
        desktop.window.close()


def test_save_a_copy_from_the_file_menu(opened_desktop, qtbot, monkeypatch, tmp_path) -> None:
    """File → Save a copy writes a whole, readable copy where the user chose, and says where."""
    from PySide6.QtWidgets import QFileDialog

    desktop, _path = opened_desktop
    target = tmp_path / "copies" / "copie.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window = desktop.window
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if "copie" in a.text())
    action.trigger()
    qtbot.waitUntil(lambda: str(target) in window.statusBar().currentMessage())
    assert projects_in(target) == 1300
    assert not target.with_name(target.name + ".partial").exists()

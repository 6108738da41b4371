"""Save and open dialogs start in the user's documents folder, then in the folder last used for
the same kind of file (charts, reports, exports, imports), with names in the user's language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from portfolio_desktop.ui.settings import Settings, documents_folder


def asking(monkeypatch, answer: Path | None):  # type: ignore[no-untyped-def]
    """Replaces the save dialog: records where it started, answers `answer` (or cancels)."""
    started: list[Path] = []

    def fake(_parent, _title, directory, _filters="", *_args, **_kwargs):  # type: ignore[no-untyped-def]
        started.append(Path(directory))
        return (str(answer), "") if answer is not None else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    return started


def test_a_fresh_setting_starts_in_the_documents_folder(qapp) -> None:
    settings = Settings()
    for kind in ("chart", "report", "export", "import", "errors"):
        assert settings.folder(kind) == documents_folder()
    assert documents_folder().is_dir()


def test_chart_exports_start_in_documents_then_where_the_last_one_went(
    desktop, qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = desktop.window
    window.show_page("dashboard")
    dashboard = window.page("dashboard")
    canvas = dashboard.canvases["funding-by-domain"]
    chosen_folder = tmp_path / "charts"
    chosen_folder.mkdir()
    started = asking(monkeypatch, chosen_folder / "domaines.png")
    monkeypatch.setattr(dashboard, "export_chart", lambda *_a: None)
    canvas.export_button.click()
    assert started[-1] == documents_folder() / "aide-par-domaine.png"  # French, in Documents
    canvas.export_button.click()
    assert started[-1] == chosen_folder / "aide-par-domaine.png"
    # The report is another kind of file: it still starts in the documents folder...
    monkeypatch.setattr(dashboard, "write_report", lambda *_a: None)
    dashboard.report_button.click()
    assert started[-1].parent == documents_folder()
    assert started[-1].name.startswith("rapport-")
    # ...and the folder of the charts is still known to the next session.
    assert Settings().folder("chart") == chosen_folder


def test_a_folder_that_disappeared_falls_back_to_documents(qapp, tmp_path: Path) -> None:
    settings = Settings()
    gone = tmp_path / "gone"
    gone.mkdir()
    settings.remember_folder("export", gone / "x.xlsx")
    assert settings.folder("export") == gone
    gone.rmdir()
    assert settings.folder("export") == documents_folder()

"""File dialogs that start where the user expects: in the folder last used for that kind of file
(charts, reports, exports, imports…), else the documents folder, and remember the folder chosen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

from .settings import Settings


def save_file_name(
    parent: QWidget | None,
    kind: str,
    title: str,
    name: str,
    filters: str,
    settings: Settings | None = None,
) -> tuple[str, str]:
    """A save dialog proposing `name` in the kind's folder; (path, chosen filter), ("", "") when
    cancelled. The folder of the chosen path is remembered for the next dialog of this kind."""
    settings = settings or Settings()
    path, chosen = QFileDialog.getSaveFileName(
        parent, title, str(settings.folder(kind) / name), filters
    )
    if path:
        settings.remember_folder(kind, path)
    return path, chosen


def open_file_name(
    parent: QWidget | None,
    kind: str,
    title: str,
    filters: str,
    settings: Settings | None = None,
) -> str:
    """An open dialog starting in the kind's folder; the path chosen ("" when cancelled), whose
    folder is remembered."""
    settings = settings or Settings()
    path, _chosen = QFileDialog.getOpenFileName(parent, title, str(settings.folder(kind)), filters)
    if path:
        settings.remember_folder(kind, path)
    return path

"""Tables: column widths that never clip a header (a fixed default width is raised to what the
header's own text needs: « Recommandation », « Lignes de financement » were cut in French), and
the read-only lists of the dashboard."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def fit_headers(view: QTableView) -> None:
    """Widens every column narrower than its header's text (and sort indicator) to that width."""
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        needed = header.sectionSizeHint(column)
        if view.columnWidth(column) < needed:
            view.setColumnWidth(column, needed)


def read_only_list(model: QAbstractItemModel, name: str, stretch: int | None = 0) -> QTableView:
    """A table of a read-only model the dashboard lists things in: whole rows selected, no
    editing, no row numbers, fixed row heights; columns as wide as their contents, measured on
    the first rows only (hundreds of rows must not cost the GUI thread a measure of every cell),
    column `stretch` taking the width left."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setResizeContentsPrecision(40)
    return view

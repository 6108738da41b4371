"""Column widths that never clip a header: a fixed default width is raised to what the header's
own text needs (« Recommandation », « Lignes de financement » were cut in French)."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView


def fit_headers(view: QTableView) -> None:
    """Widens every column narrower than its header's text (and sort indicator) to that width."""
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        needed = header.sectionSizeHint(column)
        if view.columnWidth(column) < needed:
            view.setColumnWidth(column, needed)

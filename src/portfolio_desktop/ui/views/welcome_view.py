"""The welcome page of an empty portfolio: the demo one click away, or a workbook, or a blank start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomeView(QWidget):
    """Four ways to begin; the main window acts on the signals."""

    create_demo = Signal()
    import_workbook = Signal()
    start_empty = Signal()
    open_file = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to your project portfolio"))
        font = title.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr("This portfolio is empty. How would you like to begin?"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(intro, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(24)
        for text, detail, signal, name in (
            (
                self.tr("Explore the demo portfolio"),
                self.tr("1,300 projects of a cluster like Images & Réseaux, 2005–2026"),
                self.create_demo,
                "demoButton",
            ),
            (
                self.tr("Import a workbook…"),
                self.tr("Projects, partners and funding from an Excel, LibreOffice or CSV file"),
                self.import_workbook,
                "importButton",
            ),
            (
                self.tr("Start an empty portfolio"),
                self.tr("Create your first project by hand"),
                self.start_empty,
                "emptyButton",
            ),
            (
                self.tr("Open another portfolio file…"),
                self.tr("A .sqlite file made by this application"),
                self.open_file,
                "openButton",
            ),
        ):
            # "&" is a mnemonic in a button's text: « Images && Réseaux » shows one "&".
            button = QPushButton(f"{text}\n{detail}".replace("&", "&&"))
            button.setObjectName(name)
            button.setAccessibleName(text)
            button.setAccessibleDescription(detail)
            button.setMinimumSize(460, 64)
            button.clicked.connect(signal)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

"""File → Connect to a server: the team's PostgreSQL server, checked with TLS against the
organisation's certificate authority; the password goes to the system keyring (if wanted), never
to the settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...services.team import ServerSettings

SSL_MODES = ("verify-full", "require", "disable")


class ServerDialog(QDialog):
    """Where the server is and who connects; `settings()` and `password()` when accepted."""

    def __init__(
        self,
        settings: ServerSettings | None = None,
        *,
        message: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle(self.tr("Connect to a server"))
        self.host = QLineEdit()
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText("pg.mon-pole.fr")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("portfolio")
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit()
        self.user.setObjectName("serverUser")
        self.secret = QLineEdit()
        self.secret.setObjectName("serverPassword")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"))
        self.remember.setObjectName("rememberPassword")
        self.remember.setChecked(True)
        self.ssl = QComboBox()
        self.ssl.setObjectName("serverTls")
        for mode, text in zip(
            SSL_MODES,
            (
                self.tr("Verify the server's certificate and name (recommended)"),
                self.tr("Encrypt without checking who answers"),
                self.tr("No encryption (this computer only)"),
            ),
            strict=True,
        ):
            self.ssl.addItem(text, mode)
        self.ca_file = QLineEdit()
        self.ca_file.setObjectName("serverCaFile")
        self.ca_file.setPlaceholderText(self.tr("The certificate authority file (.pem, .crt)"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)

        form = QFormLayout(self)
        self.message = QLabel(message)
        self.message.setObjectName("serverMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(bool(message))
        form.addRow(self.message)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.secret)
        form.addRow("", self.remember)
        form.addRow(self.tr("Security"), self.ssl)
        form.addRow(self.tr("Certificate authority"), ca_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for edit in (self.host, self.database, self.user, self.ca_file):
            edit.textChanged.connect(self._validate)
        self.ssl.currentIndexChanged.connect(self._validate)
        if settings is not None:
            self.host.setText(settings.host)
            self.port.setValue(settings.port)
            self.database.setText(settings.database)
            self.user.setText(settings.user)
            self.ssl.setCurrentIndex(max(0, self.ssl.findData(settings.sslmode or "verify-full")))
            self.ca_file.setText(settings.ca_file)
            self.secret.setFocus()
        self._validate()

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Certificate authority"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_file.setText(path)

    def _validate(self) -> None:
        ready = bool(self.host.text().strip() and self.database.text().strip())
        ready = ready and bool(self.user.text().strip())
        if self.ssl.currentData() == "verify-full":
            ready = ready and bool(self.ca_file.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def settings(self) -> ServerSettings:
        return ServerSettings(
            host=self.host.text().strip(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            port=self.port.value(),
            sslmode=str(self.ssl.currentData()),
            ca_file=self.ca_file.text().strip(),
        )

    def password(self) -> str:
        return self.secret.text()

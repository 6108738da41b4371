"""A throw-away PostgreSQL server for the tests (Debian's postgresql package).

`PgCluster.start()` runs initdb in a temporary folder and starts the server on a free local
port: trust on its Unix socket (the tests' administrator connections), passwords over TCP only
with TLS, with a certificate authority made for the occasion (`ca_file`) and a server
certificate for `localhost`. PostgreSQL refuses to run as root: as root, the server runs as the
`postgres` system user. fsync is off: the server is thrown away with the folder.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def find_bindir() -> Path | None:
    """The folder of initdb and pg_ctl: `pg_config --bindir`, Debian's layout, or the PATH."""
    configured = os.environ.get("PORTFOLIO_PG_BINDIR")
    if configured:
        return Path(configured)
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=True
            ).stdout.strip()
            if (Path(out) / "initdb").exists():
                return Path(out)
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PgCluster:
    """One PostgreSQL server in a temporary folder."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="pgt"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "run"
        self.tls = self.root / "tls"
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        self.ca_file = self.tls / "ca.pem"
        self.other_ca_file = self.tls / "other-ca.pem"

    def _run(self, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=True, **kwargs)  # type: ignore[call-overload,no-any-return]

    def _certificates(self) -> None:
        self.tls.mkdir()

        def openssl(*args: str) -> None:
            subprocess.run(["openssl", *args], capture_output=True, check=True, cwd=self.tls)

        for name in ("ca", "other-ca"):
            openssl(
                "req", "-new", "-x509", "-days", "3", "-nodes", "-subj",
                f"/CN=portfolio-desktop test {name}", "-keyout", f"{name}.key", "-out", f"{name}.pem",
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            )  # fmt: skip
        openssl(
            "req", "-new", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key",
            "-out", "server.csr",
        )  # fmt: skip
        (self.tls / "ext.cnf").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
        openssl(
            "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-days", "3", "-out", "server.crt", "-extfile", "ext.cnf",
        )  # fmt: skip
        os.chmod(self.tls / "server.key", 0o600)

    def start(self) -> None:
        self.socket_dir.mkdir()
        self._certificates()
        if self.as_root:
            shutil.chown(self.root, "postgres")
            for path in self.root.rglob("*"):
                shutil.chown(path, "postgres")
            os.chmod(self.root, 0o755)
        self._run(
            str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\n"
            "hostssl all all 127.0.0.1/32 scram-sha-256\n"
            "hostssl all all ::1/128 scram-sha-256\n"
        )
        options = " ".join(
            [
                f"-p {self.port}",
                "-c listen_addresses=localhost",
                f"-c unix_socket_directories={self.socket_dir}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=300",
                "-c ssl=on",
                f"-c ssl_cert_file={self.tls / 'server.crt'}",
                f"-c ssl_key_file={self.tls / 'server.key'}",
            ]
        )
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def admin_url(self, database: str = "postgres") -> str:
        """The superuser over the Unix socket (trust): for setting up tests, never TLS."""
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}&port={self.port}"

    def tls_url(self, user: str, database: str, *, ca_file: Path | None = None) -> str:
        """A person's connection over TCP, TLS verified against the test CA (no password)."""
        ca = ca_file or self.ca_file
        return (
            f"postgresql+psycopg://{user}@localhost:{self.port}/{database}"
            f"?sslmode=verify-full&sslrootcert={ca}"
        )

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Runs one statement as the superuser, outside a transaction (CREATE DATABASE …)."""
        import psycopg

        with psycopg.connect(
            host=str(self.socket_dir), port=self.port, user="postgres", dbname=database,
            autocommit=True,
        ) as conn:  # fmt: skip
            conn.execute(statement)  # type: ignore[arg-type]

"""The data-safety commands: backup, backups, restore, history, server-setup --print-sql."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from portfolio_desktop.__main__ import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pole_file(pole_demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "pole.sqlite"
    shutil.copyfile(pole_demo_file, path)
    return path


def test_backup_list_and_restore(pole_file: Path, capsys) -> None:
    code, out, _err = run(capsys, "backup", "--db", str(pole_file))
    assert code == 0 and out.startswith("Sauvegarde vérifiée : ")
    code, out, _err = run(capsys, "backups", "--db", str(pole_file), "--json")
    listed = json.loads(out)
    assert [b["reason"] for b in listed] == ["manual"]
    with sqlite3.connect(pole_file) as conn:
        conn.execute("DELETE FROM project WHERE id = 1")
    code, out, _err = run(capsys, "restore", "--db", str(pole_file), listed[0]["path"])
    assert code == 0, _err
    with sqlite3.connect(pole_file) as conn:
        assert conn.execute("SELECT count(*) FROM project").fetchone() == (1300,)
    reasons = sorted(
        b["reason"] for b in json.loads(run(capsys, "backups", "--db", str(pole_file), "--json")[1])
    )
    assert reasons == ["manual", "restore"]


def test_restore_is_refused_while_a_desktop_has_the_file(pole_file: Path, capsys) -> None:
    import dataclasses

    from portfolio_desktop.storage import locking

    other = locking.LockHolder("poste-de-marie", 4242, "marie", "2026-05-04T08:30:00")
    locking.lock_path(pole_file).write_text(json.dumps(dataclasses.asdict(other)))
    code, _out, err = run(capsys, "backup", "--db", str(pole_file))
    assert code == 0  # a backup reads only: allowed
    backup = json.loads(run(capsys, "backups", "--db", str(pole_file), "--json")[1])[0]["path"]
    code, _out, err = run(capsys, "--lang", "en", "restore", "--db", str(pole_file), backup)
    assert code == 2
    assert "open by marie on poste-de-marie" in err


def test_history_of_a_project(pole_file: Path, capsys) -> None:
    from portfolio_desktop.services import portfolio
    from portfolio_desktop.storage.schema import open_database

    db = open_database(pole_file)
    try:
        record = portfolio.load_project(db, 1)
        record.acronym = "CLI-HISTO"
        portfolio.update_project(db, record, expected_version=record.version)
        reference = record.reference
    finally:
        db.dispose()
    code, out, _err = run(capsys, "history", "--db", str(pole_file), "--project", reference)
    assert code == 0
    assert "acronyme:" in out and "→ CLI-HISTO" in out and "formulaire" in out
    # Named by its reference, not by the database's internal id.
    line = next(li for li in out.splitlines() if "CLI-HISTO" in li)
    assert f"\tprojet {reference}\t" in line and "#" not in line
    code, out, _err = run(capsys, "history", "--db", str(pole_file), "--json", "--limit", "1")
    assert json.loads(out)[0]["new"] == "CLI-HISTO"
    code, _out, err = run(capsys, "history", "--db", str(pole_file), "--project", "NOPE")
    assert code == 2 and "NOPE" in err


def test_server_setup_prints_the_roles_script(capsys) -> None:
    code, out, _err = run(
        capsys, "server-setup", "--db", "postgresql+psycopg://admin@pg/portefeuille", "--print-sql"
    )
    assert code == 0
    assert 'GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO "portfolio_reader"' in out
    to_reader = [
        line for line in out.splitlines() if line.rstrip(";").endswith('"portfolio_reader"')
    ]
    assert to_reader and all(
        word not in line for line in to_reader for word in ("INSERT", "UPDATE", "DELETE")
    )
    code, _out, err = run(capsys, "server-setup", "--db", "/tmp/x.sqlite")
    assert code == 2 and "postgresql" in err

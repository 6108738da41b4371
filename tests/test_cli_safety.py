"""The data-safety commands: backup, backups, restore, history, server-setup --print-sql."""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import subprocess
import sys
import time
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


# -- a restore racing a command-line import (two real processes) ------------------------------------

RACE_PROJECTS = 3000


def _cli(*argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "portfolio_desktop", "--lang", "en", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _race_workbook(folder: Path) -> Path:
    path = folder / "arrivages.csv"
    lines = ["Référence;Acronyme;Statut;Porteur;Financeur;Type d'aide;Accordé"]
    lines += [
        f"RACE-{n:05d};RACE{n};Brouillon;Société Course {n % 97};ANR;Subvention;{1000 + n}"
        for n in range(RACE_PROJECTS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _race_projects(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return int(
            conn.execute("SELECT count(*) FROM project WHERE reference LIKE 'RACE-%'").fetchone()[0]
        )


def _write_lock_held(path: Path) -> bool:
    with contextlib.closing(sqlite3.connect(path, timeout=0, isolation_level=None)) as probe:
        try:
            probe.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return True
        probe.execute("ROLLBACK")
        return False


def _finish(child: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = child.communicate(timeout=300)
    assert "Traceback" not in err, err
    return child.returncode, out, err


def _nothing_lost(
    path: Path, imported: tuple[int, str, str], restored: tuple[int, str, str]
) -> str:
    """Whatever the order, an import that said ok is in the file, or in the backup the restore
    kept of what it replaced (and said so); one that failed said why and left nothing."""
    import_code, import_out, import_err = imported
    restore_code, restore_out, restore_err = restored
    assert import_code in (0, 2), (import_code, import_err)
    assert restore_code in (0, 2), (restore_code, restore_err)
    if restore_code == 2:
        assert "is busy" in restore_err and "Nothing was saved" in restore_err, restore_err
    if import_code == 2:
        assert "is busy" in import_err, import_err
        assert _race_projects(path) == 0
        return "import refused"
    assert json.loads(import_out)["ok"] is True
    if _race_projects(path) == RACE_PROJECTS:
        return "import kept"
    # The restore came after the import: what it replaced is in the backup it names.
    assert restore_code == 0, restore_err
    kept = Path(restore_out.split("the previous file is kept: ", 1)[1].strip())
    assert _race_projects(kept) == RACE_PROJECTS
    assert _race_projects(path) == 0
    return "import replaced, kept"


@pytest.mark.slow
def test_a_restore_racing_an_import_never_loses_it_silently(
    pole_file: Path, tmp_path: Path, capsys
) -> None:
    code, out, _err = run(capsys, "backup", "--db", str(pole_file))
    assert code == 0
    backup = out.split(": ", 1)[1].strip()
    workbook = _race_workbook(tmp_path)
    outcomes = []

    # 1. The import holds the write lock when the restore starts: the restore waits for it
    #    (then replaces the import, keeping it in a named backup) or gives up with « occupé ».
    importer = _cli("import", str(workbook), "--db", str(pole_file), "--json")
    deadline = time.monotonic() + 120
    while not _write_lock_held(pole_file):
        assert importer.poll() is None, importer.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    restorer = _cli("restore", "--db", str(pole_file), backup)
    outcomes.append(_nothing_lost(pole_file, _finish(importer), _finish(restorer)))
    with contextlib.closing(sqlite3.connect(pole_file)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    # 2. The restore starts first and the import right behind it.
    code, _out, err = run(capsys, "restore", "--db", str(pole_file), backup)
    assert code == 0, err
    assert _race_projects(pole_file) == 0
    restorer = _cli("restore", "--db", str(pole_file), backup)
    importer = _cli("import", str(workbook), "--db", str(pole_file), "--json")
    outcomes.append(_nothing_lost(pole_file, _finish(importer), _finish(restorer)))
    with contextlib.closing(sqlite3.connect(pole_file)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM project").fetchone()[0] >= 1300
    print("outcomes:", outcomes)


# -- damaged, read-only and locked database files ------------------------------------------------------


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _truncated(data: bytes, size: int) -> bytes:
    return data[:size]


def _flipped(data: bytes, offsets: range | list[int]) -> bytes:
    changed = bytearray(data)
    for offset in offsets:
        changed[offset] ^= 0xFF
    return bytes(changed)


#: Damage that SQLite meets on the first read: truncations at several offsets, flipped header bytes.
DAMAGE = {
    "truncated to 100 bytes": lambda d: _truncated(d, 100),
    "truncated to one page": lambda d: _truncated(d, 4096),
    "truncated in the middle": lambda d: _truncated(d, len(d) // 2),
    "last page cut off": lambda d: _truncated(d, len(d) - 4096),
    "magic flipped": lambda d: _flipped(d, [0, 1]),
    "page size flipped": lambda d: _flipped(d, [16, 17]),
    "file format flipped": lambda d: _flipped(d, [18, 19]),
    "payload fraction flipped": lambda d: _flipped(d, [21]),
}
COMMANDS_ON_A_FILE = {
    "check": ("check",),
    "stats": ("stats",),
    "export": ("export", "{out}"),
    "import": ("import", "{workbook}"),
}


@pytest.fixture
def small_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "arrivage.csv"
    path.write_text(
        "Référence;Acronyme;Statut;Porteur;Financeur;Type d'aide;Accordé\n"
        "ARR-1;ARR1;Brouillon;Société Arrivage;ANR;Subvention;1000\n",
        encoding="utf-8",
    )
    return path


def _command(name: str, db: Path, tmp_path: Path, workbook: Path) -> list[str]:
    argv = [
        a.format(out=tmp_path / "sortie.xlsx", workbook=workbook) for a in COMMANDS_ON_A_FILE[name]
    ]
    return [*argv, "--db", str(db)]


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_file_is_a_clear_sentence_and_nothing_is_written(
    damage: str, pole_file: Path, tmp_path: Path, small_workbook: Path, capsys
) -> None:
    code, _out, _err = run(capsys, "backup", "--db", str(pole_file))
    assert code == 0
    pole_file.write_bytes(DAMAGE[damage](pole_file.read_bytes()))
    before = _digest(pole_file)
    for name in COMMANDS_ON_A_FILE:
        code, _out, err = run(
            capsys, "--lang", "en", *_command(name, pole_file, tmp_path, small_workbook)
        )
        assert code == 2, (name, err)
        assert "is damaged: nothing was written to it" in err, (name, err)
        # The newest good backup is named, with the command that puts it back.
        assert "portfolio-desktop restore" in err and "-manual-" in err, (name, err)
        assert _digest(pole_file) == before, name
        assert not (tmp_path / "sortie.xlsx").exists()


def test_damage_check_sees_keeps_the_import_out(
    pole_file: Path, tmp_path: Path, small_workbook: Path, capsys
) -> None:
    """Two flipped bytes in a page that the figures do not read: `check` says the file is
    damaged, and `import` refuses to write into it."""
    data = pole_file.read_bytes()
    pole_file.write_bytes(_flipped(data, range(len(data) // 2, len(data) // 2 + 2)))
    before = _digest(pole_file)
    code, out, err = run(capsys, "--lang", "en", "check", "--db", str(pole_file))
    # Where the two bytes fall decides what says so: SQLite's own check, or a value that no longer
    # reads (text that is not UTF-8).
    said = err + out
    assert code in (1, 2) and ("damaged" in said or "SQLite integrity check" in said), (out, err)
    code, _out, err = run(
        capsys, "--lang", "en", "import", str(small_workbook), "--db", str(pole_file)
    )
    assert code == 2 and "is damaged" in err
    assert _digest(pole_file) == before


def _damage_value(path: Path, marker: bytes, replacement: bytes) -> None:
    """Replaces every stored copy of `marker` (the row and its index entries) with bytes of the
    same length: the file stays sound for SQLite, only the value is wrong."""
    data = path.read_bytes()
    assert data.count(marker) >= 1
    path.write_bytes(data.replace(marker, replacement))


def _mark_a_decision_date(path: Path, value: str) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(
            "UPDATE funding_line SET decision_on = ? WHERE id = (SELECT min(id) FROM funding_line)",
            (value,),
        )
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_check_reads_every_value_the_application_reads(
    pole_file: Path, tmp_path: Path, small_workbook: Path, capsys
) -> None:
    """Two flipped bytes in a date make text that is not UTF-8: SQLite's own checks pass, the
    export could not read it. `check` names it; the export and the import say the file is damaged."""
    _mark_a_decision_date(pole_file, "1999-12-31")
    _damage_value(pole_file, b"1999-12-31", b"1999-\xff\xfe-31")
    with contextlib.closing(sqlite3.connect(pole_file)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    before = _digest(pole_file)
    code, out, _err = run(capsys, "--lang", "en", "check", "--db", str(pole_file))
    assert code == 1
    assert "Unreadable value in funding_line.decision_on" in out and "not UTF-8" in out
    code, _out, err = run(
        capsys, "--lang", "en", "export", str(tmp_path / "o.xlsx"), "--db", str(pole_file)
    )
    assert code == 2 and "is damaged" in err and not (tmp_path / "o.xlsx").exists()
    code, _out, err = run(
        capsys, "--lang", "en", "import", str(small_workbook), "--db", str(pole_file)
    )
    assert code == 2 and "is damaged" in err
    assert _digest(pole_file) == before
    code, out, _err = run(capsys, "--lang", "en", "check", "--json", "--db", str(pole_file))
    assert [f["code"] for f in json.loads(out)["findings"]] == ["check_value_text"]


def test_check_finds_dates_that_do_not_parse_and_integers_that_are_not(
    pole_file: Path, capsys
) -> None:
    _mark_a_decision_date(pole_file, "1999-12-31")
    _damage_value(pole_file, b"1999-12-31", b"1999-1x-31")
    with contextlib.closing(sqlite3.connect(pole_file)) as conn:
        conn.execute("UPDATE funding_line SET granted_cents = '12 000' WHERE id = 2")
        conn.commit()
    code, out, _err = run(capsys, "--lang", "en", "check", "--json", "--db", str(pole_file))
    assert code == 1
    found = {(f["code"], f["message"].split(" (")[0]) for f in json.loads(out)["findings"]}
    assert ("check_value_date", "Unreadable value in funding_line.decision_on") in found
    assert ("check_value_type", "Unreadable value in funding_line.granted_cents") in found


def _read_only_mount_runner() -> list[str]:
    """A command prefix that runs its command with the folder SRC bind-mounted read-only on DST,
    in a private mount namespace (nothing shows outside it, nothing to clean up). As root,
    permissions do not stop writes; a read-only mount does."""
    import os

    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.fail("util-linux's unshare is needed for the read-only mount test")
    prefix = [unshare, "-m"] if os.geteuid() == 0 else [unshare, "-rm"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.fail(f"cannot make a private mount namespace here: {probe.stderr.strip()}")
    script = 'mount --bind "$1" "$2" && mount -o remount,ro,bind "$2" && shift 2 && exec "$@"'
    return [*prefix, "sh", "-c", script, "sh"]


@pytest.mark.parametrize("name", list(COMMANDS_ON_A_FILE))
def test_a_read_only_mount_is_a_clear_sentence(
    name: str, pole_file: Path, tmp_path: Path, small_workbook: Path
) -> None:
    source, mounted = tmp_path / "source", tmp_path / "mounted"
    source.mkdir()
    mounted.mkdir()
    shutil.move(pole_file, source / "pole.sqlite")
    before = _digest(source / "pole.sqlite")
    command = [
        *_read_only_mount_runner(), str(source), str(mounted),
        sys.executable, "-m", "portfolio_desktop", "--lang", "en",
        *_command(name, mounted / "pole.sqlite", tmp_path, small_workbook),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "is on a read-only disk or in a read-only folder" in done.stderr
    assert _digest(source / "pole.sqlite") == before
    assert sorted(p.name for p in source.iterdir()) == ["pole.sqlite"]


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.commit()  # the exclusive lock stays until the connection closes
print("holding", flush=True)
sys.stdin.read()
"""


def test_a_file_another_program_holds_exclusively_is_busy(
    pole_file: Path, tmp_path: Path, small_workbook: Path, capsys, monkeypatch
) -> None:
    from portfolio_desktop.storage import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(pole_file)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        for name in COMMANDS_ON_A_FILE:
            started = time.monotonic()
            code, _out, err = run(
                capsys, "--lang", "en", *_command(name, pole_file, tmp_path, small_workbook)
            )
            assert code == 2, (name, err)
            assert "is busy" in err and "try again in a moment" in err, (name, err)
            assert time.monotonic() - started < 8, name  # the busy timeout, not for ever
    finally:
        holder.communicate("", timeout=30)
    code, out, _err = run(capsys, "stats", "--json", "--db", str(pole_file))
    assert code == 0 and json.loads(out)["projects"] == 1300


def test_an_emptied_portfolio_with_backups_is_not_re_created(
    pole_file: Path, small_workbook: Path, capsys
) -> None:
    code, _out, _err = run(capsys, "backup", "--db", str(pole_file))
    assert code == 0
    pole_file.write_bytes(b"")
    for argv in (("check",), ("stats",), ("import", str(small_workbook))):
        code, out, err = run(capsys, "--lang", "en", *argv, "--db", str(pole_file))
        assert code == 2, (argv, out, err)
        assert "is empty (0 bytes) although backups of it exist" in err
        assert "portfolio-desktop restore" in err
        assert pole_file.stat().st_size == 0
    # Without any backup, an empty file is a new portfolio, as before.
    fresh = pole_file.with_name("neuf.sqlite")
    fresh.write_bytes(b"")
    code, out, _err = run(capsys, "stats", "--json", "--db", str(fresh))
    assert code == 0 and json.loads(out)["projects"] == 0


@pytest.mark.parametrize(("argv", "lines"), [("stats", 1), ("stats --json", 0), ("check", 0)])
def test_output_into_a_closed_pipe_is_quiet(argv: str, lines: int, pole_file: Path) -> None:
    """`stats | head -1`: the reader stops early; no BrokenPipeError traceback. (`head -n 0`
    goes away before the command has started, so the pipe is surely closed when it writes.)"""
    done = subprocess.run(
        f'"{sys.executable}" -m portfolio_desktop {argv} --db "{pole_file}" | head -n {lines}',
        shell=True, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.stdout.count("\n") == lines
    assert done.stderr == ""


def test_an_unknown_older_revision_is_not_called_newer(pole_file: Path, capsys) -> None:
    with contextlib.closing(sqlite3.connect(pole_file)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0003_a_development_branch'")
        conn.commit()
    before = _digest(pole_file)
    code, _out, err = run(capsys, "stats", "--db", str(pole_file))
    assert code == 2
    assert "révision du schéma que cette version ne connaît pas" in err
    assert "plus récente de l'application" not in err
    assert _digest(pole_file) == before


def test_before_a_write_a_large_file_gets_the_quick_check_only(
    pole_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading every value of a national portfolio before each write would cost a whole read:
    above the threshold only SQLite's quick check runs (`check` still reads every value)."""
    from portfolio_desktop.services import check
    from portfolio_desktop.storage.schema import open_database

    _mark_a_decision_date(pole_file, "1999-12-31")
    _damage_value(pole_file, b"1999-12-31", b"1999-\xff\xfe-31")
    db = open_database(pole_file)
    try:
        assert [f.code for f in check.damage_findings(db)] == ["check_value_text"]
        monkeypatch.setattr(check, "VALUES_BEFORE_WRITE_BYTES", pole_file.stat().st_size - 1)
        assert check.damage_findings(db) == []
        assert [f.code for f in check.check_database(db)] == ["check_value_text"]
    finally:
        db.dispose()

"""Two processes edit the same project from the same version: the second save is refused
(StaleRecordError), nothing of the first is overwritten: no update is ever lost silently."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from portfolio_desktop.services import history, portfolio

EDITOR = """
import sys
from portfolio_desktop.services import portfolio
from portfolio_desktop.storage.database import Database

db = Database(sys.argv[1])
project_id, field, value = int(sys.argv[2]), sys.argv[3], sys.argv[4]
record = portfolio.load_project(db, project_id)
print("LOADED", record.version, flush=True)
sys.stdin.readline()  # the form is on screen; the user clicks Save when told
setattr(record, field, value)
try:
    saved = portfolio.update_project(db, record, expected_version=record.version)
    print("SAVED", saved.version, flush=True)
except portfolio.StaleRecordError as error:
    print("STALE", error.params.get("current_version"), flush=True)
db.dispose()
"""


def target(db: Any) -> str:
    return str(db.path) if db.path is not None else db.url.render_as_string(hide_password=False)


def editor(db: Any, project_id: int, field: str, value: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", EDITOR, target(db), str(project_id), field, value],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return child


def said(child: subprocess.Popen[str]) -> list[str]:
    assert child.stdout is not None
    line = child.stdout.readline().split()
    assert line, child.stderr.read() if child.stderr else ""
    return line


def click_save(child: subprocess.Popen[str]) -> None:
    assert child.stdin is not None
    child.stdin.write("\n")
    child.stdin.flush()


def first_project(db: Any) -> tuple[int, int, str, str]:
    record = portfolio.load_project(db, 1)
    assert record.id is not None
    return record.id, record.version, record.acronym, record.title


def test_the_second_save_from_the_same_version_is_refused(pole_db: Any) -> None:
    project_id, version, _acronym, title = first_project(pole_db)
    alice = editor(pole_db, project_id, "acronym", "ALICE")
    bruno = editor(pole_db, project_id, "title", "Titre de Bruno")
    try:
        assert said(alice) == ["LOADED", str(version)]
        assert said(bruno) == ["LOADED", str(version)]
        click_save(alice)
        assert said(alice) == ["SAVED", str(version + 1)]
        click_save(bruno)
        assert said(bruno) == ["STALE", str(version + 1)]
    finally:
        for child in (alice, bruno):
            child.wait(timeout=60)
    record = portfolio.load_project(pole_db, project_id)
    assert (record.acronym, record.title, record.version) == ("ALICE", title, version + 1)
    changes = [c for c in history.project_history(pole_db, project_id) if c.action == "updated"]
    assert [(c.field, c.new) for c in changes] == [("acronym", "ALICE")]


@pytest.mark.parametrize("rounds", [2])
def test_two_saves_at_the_same_moment_one_wins_one_is_told(pole_db: Any, rounds: int) -> None:
    project_id = first_project(pole_db)[0]
    for round_number in range(rounds):
        version = portfolio.load_project(pole_db, project_id).version
        alice = editor(pole_db, project_id, "acronym", f"ALICE-{round_number}")
        bruno = editor(pole_db, project_id, "acronym", f"BRUNO-{round_number}")
        try:
            assert said(alice)[0] == said(bruno)[0] == "LOADED"
            click_save(alice)
            click_save(bruno)
            outcomes = sorted([said(alice)[0], said(bruno)[0]])
        finally:
            for child in (alice, bruno):
                child.wait(timeout=60)
        assert outcomes == ["SAVED", "STALE"]
        record = portfolio.load_project(pole_db, project_id)
        assert record.version == version + 1
        assert record.acronym in (f"ALICE-{round_number}", f"BRUNO-{round_number}")

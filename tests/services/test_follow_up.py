"""What is due: overdue items and those due within the window, the digest, the `due` command."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from portfolio_desktop.__main__ import main
from portfolio_desktop.domain.follow_up import Standing, standing
from portfolio_desktop.services.follow_up import digest, due_report
from portfolio_desktop.storage import tables as t

TODAY = date(2026, 6, 30)


def test_standing_of_an_item() -> None:
    assert standing(date(2026, 6, 1), date(2026, 6, 20), TODAY, 30) is Standing.DONE
    assert standing(date(2026, 6, 29), None, TODAY, 30) is Standing.OVERDUE
    assert standing(TODAY, None, TODAY, 30) is Standing.DUE  # due today is not late yet
    assert standing(date(2026, 7, 30), None, TODAY, 30) is Standing.DUE
    assert standing(date(2026, 7, 31), None, TODAY, 30) is Standing.LATER


@pytest.fixture
def items(db):
    with db.write() as session:
        session.add(t.Cluster(id=1, code="IR", name="IR", regions=""))
        session.add(t.Funder(id=1, name="Bpifrance", kind="state_agency"))
        session.flush()
        now = datetime(2024, 1, 1)
        session.add(
            t.Project(id=1, cluster_id=1, reference="IR-1", acronym="ALPHA", status="running",
                      created_at=now, updated_at=now)
        )  # fmt: skip
        session.flush()
        for kind, title, due, done, funder in (
            ("interim_report", "Rapport intermédiaire", date(2026, 5, 31), None, 1),
            ("final_report", "Rapport final", date(2026, 4, 1), date(2026, 4, 15), 1),
            ("milestone", "Prototype", date(2026, 7, 10), None, None),
            ("deliverable", "L2", date(2026, 9, 1), None, None),
        ):
            session.add(
                t.FollowUp(project_id=1, kind=kind, title=title, due_on=due, done_on=done,
                           funder_id=funder, notes="")
            )  # fmt: skip
    return db


def test_overdue_and_due_lists_and_the_digest(items) -> None:
    report = due_report(items, TODAY, 30)
    assert [(i.title, i.funder, i.days) for i in report.overdue] == [
        ("Rapport intermédiaire", "Bpifrance", -30)
    ]
    assert [(i.title, i.days) for i in report.due] == [("Prototype", 10)]
    assert digest(report, "fr") == (
        "1 rapport en retard, 1 jalon ou livrable dans les 30 prochains jours"
    )
    wider = due_report(items, TODAY, 90)
    assert [i.title for i in wider.due] == ["Prototype", "L2"]
    assert digest(due_report(items, date(2026, 1, 1), 10), "en") == ""


def test_due_command_on_the_demo(pole_demo_file: Path, capsys) -> None:
    code = main(["due", "--db", str(pole_demo_file), "--today", "2026-06-30", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and list(out) == ["today", "days", "overdue", "due"]
    assert out["today"] == "2026-06-30" and out["days"] == 30
    late_reports = [i for i in out["overdue"] if i["kind"].endswith("_report")]
    assert 0 < len(late_reports) < 30  # the demo has a few late reports
    assert all(i["days"] < 0 for i in out["overdue"]) and all(
        0 <= i["days"] <= 30 for i in out["due"]
    )
    assert [i["due_on"] for i in out["due"]] == sorted(i["due_on"] for i in out["due"])
    code = main(["due", "--db", str(pole_demo_file), "--today", "2026-06-30", "--days", "7"])
    text = capsys.readouterr().out
    assert code == 0 and text.startswith("En retard\n") and "Dans les 7 prochains jours" in text
    assert "jours de retard" in text


def test_due_command_refuses_bad_input(pole_demo_file: Path, capsys) -> None:
    assert main(["due", "--db", str(pole_demo_file), "--days", "trente"]) == 2
    assert capsys.readouterr().err.strip() == (
        "Nombre de jours invalide : trente (un entier de 0 à 3 650)."
    )
    assert main(["due", "--db", str(pole_demo_file), "--today", "30/06/2026"]) == 2
    assert "attendu : AAAA-MM-JJ" in capsys.readouterr().err

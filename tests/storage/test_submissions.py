"""Submissions: each keeps its own label and funder decision; the project's status follows them;
migration 0011 gives every existing project its submission; conversion per funder on the demo."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from portfolio_desktop.domain.enums import ProjectStatus
from portfolio_desktop.domain.submissions import (
    LabelDecision,
    Outcome,
    initial_submission,
    project_status,
)
from portfolio_desktop.storage import schema
from portfolio_desktop.storage import submissions as subs
from portfolio_desktop.storage import tables as t
from portfolio_desktop.storage.database import make_database
from portfolio_desktop.storage.schema import prepare


@pytest.fixture
def world(db):
    """A project with an evaluation and two calls of two funders."""
    with db.write() as session:
        session.add(t.Cluster(id=1, code="IR", name="Images & Réseaux", regions="BRE"))
        session.flush()
        session.add_all(
            [
                t.Funder(id=1, name="FUI", kind="state"),
                t.Funder(id=2, name="ANR", kind="state_agency"),
            ]
        )
        session.flush()
        session.add_all(
            [
                t.Call(id=1, name="AAP FUI 25", funder_id=1, year=2023),
                t.Call(id=2, name="ANR PRCE 2024", funder_id=2, year=2024),
            ]
        )
        session.flush()
        now = datetime(2024, 1, 1)
        session.add(
            t.Project(
                id=1, cluster_id=1, reference="IR-2023-0001", status="evaluated",
                submitted_on=date(2023, 2, 1), evaluated_on=date(2023, 3, 1), created_at=now,
                updated_at=now,
            )
        )  # fmt: skip
        session.add(t.Expert(id=1, name="Anne Expert"))
        session.flush()
        session.add(t.Evaluation(project_id=1, expert_id=1, evaluated_on=date(2023, 3, 1)))
    return db


def status_of(db) -> tuple[str, int | None, int]:
    with db.read() as session:
        row = session.execute(
            select(t.Project.status, t.Project.call_id, t.Project.version).where(t.Project.id == 1)
        ).one()
    return row.status, row.call_id, row.version


def test_a_project_submitted_to_two_calls_keeps_both_label_decisions(world) -> None:
    db = world
    with db.write() as session:
        first = subs.add_submission(
            session,
            1,
            {
                "call_id": 1,
                "submitted_on": date(2023, 2, 1),
                "label_decision": "refused",
                "label_decided_on": date(2023, 4, 2),
            },
        )
    assert status_of(db)[:2] == ("not_labelled", 1)
    with db.write() as session:
        second = subs.add_submission(
            session,
            1,
            {
                "call_id": 2,
                "submitted_on": date(2024, 1, 10),
                "requested_cents": 35_000_000,
                "label_decision": "labelled_with_reservations",
                "label_decided_on": date(2024, 2, 20),
            },
        )
    # The second submission is open: the project is labelled again, for the ANR.
    assert status_of(db)[:2] == ("labelled", 2)
    with db.write() as session:
        subs.update_submission(
            session, second, {"funder_decision": "funded", "funder_decided_on": date(2024, 6, 1)}
        )
    with db.read() as session:
        rows = subs.project_submissions(session, 1)
        moves = session.execute(
            select(t.StatusChange.from_status, t.StatusChange.to_status).order_by(t.StatusChange.id)
        ).all()
        funded_on = session.scalar(select(t.Project.funding_decided_on))
    assert [(r.id, r.call_name, r.label_decision, r.label_decided_on) for r in rows] == [
        (first, "AAP FUI 25", LabelDecision.REFUSED, date(2023, 4, 2)),
        (second, "ANR PRCE 2024", LabelDecision.LABELLED_WITH_RESERVATIONS, date(2024, 2, 20)),
    ]
    assert [r.outcome for r in rows] == [Outcome.LABEL_REFUSED, Outcome.FUNDED]
    assert rows[1].requested_cents == 35_000_000
    assert status_of(db)[0] == "funded" and funded_on == date(2024, 6, 1)
    assert [tuple(m) for m in moves] == [
        ("evaluated", "not_labelled"),
        ("not_labelled", "labelled"),
        ("labelled", "funded"),
    ]
    # Removing the funded submission puts the project back where the first one left it.
    with db.write() as session:
        subs.delete_submission(session, second)
    assert status_of(db)[:2] == ("not_labelled", 1)
    with db.read() as session:
        recorded = session.scalars(
            select(t.ChangeHistory.action).where(
                t.ChangeHistory.table_name == "submission", t.ChangeHistory.project_id == 1
            )
        ).all()
    assert recorded.count("created") == 2 and "deleted" in recorded


def test_labelling_without_evaluation_needs_a_recorded_override(world) -> None:
    db = world
    with db.write() as session:
        session.execute(sa.delete(t.Evaluation))
    with pytest.raises(subs.LabelWithoutEvaluationError), db.write() as session:
        subs.add_submission(session, 1, {"call_id": 1, "label_decision": "labelled"})
    # A refusal needs no evaluation; a label does, or a reason.
    with db.write() as session:
        subs.add_submission(session, 1, {"call_id": 1, "label_decision": "refused"})
        sid = subs.add_submission(
            session,
            1,
            {
                "call_id": 2,
                "label_decision": "support_letter",
                "label_override": "Lettre de soutien demandée par l'ANR, sans expertise",
            },
        )
    with pytest.raises(subs.LabelWithoutEvaluationError), db.write() as session:
        subs.update_submission(session, sid, {"label_override": ""})
    with db.read() as session:
        assert [r.label_override != "" for r in subs.project_submissions(session, 1)] == [
            False,
            True,
        ]


def test_a_running_project_stays_running_and_an_evaluated_one_evaluated(world) -> None:
    db = world
    with db.write() as session:
        subs.add_submission(session, 1, {"call_id": 1, "submitted_on": date(2023, 2, 1)})
    assert status_of(db) == ("evaluated", 1, 2)  # the call was stamped; the status stays
    with db.write() as session:
        session.execute(sa.update(t.Project).values(status="running"))
        sid = session.scalar(select(t.Submission.id))
        subs.update_submission(
            session,
            sid,
            {"label_decision": "labelled", "funder_decision": "funded"},
        )
    assert status_of(db)[0] == "running"


PROJECT_VALUES = {
    "cluster_id": 1, "reference": "", "acronym": "", "title": "", "summary": "", "call_id": 1,
    "status": "", "submitted_on": date(2022, 1, 5), "evaluated_on": None,
    "labelling_decided_on": None, "funding_decided_on": None, "abandoned_on": None,
    "keywords": "", "notes": "", "responsible_digital": False, "granted_cents": 0,
    "requested_cents": 0, "lead_name": "", "domains_label": "", "regions_label": "",
    "search_text": "", "version": 1, "created_at": datetime(2022, 1, 1),
    "updated_at": datetime(2022, 1, 1),
}  # fmt: skip


@pytest.mark.parametrize(
    "revision", [r for r in schema.known_revisions() if r < "0011_submissions"]
)
def test_migration_gives_each_project_the_submission_its_steps_describe(
    tmp_path: Path, revision: str
) -> None:
    path = tmp_path / "old.sqlite"
    database = make_database(path)
    prepare(database, target=revision)
    projects = {
        "IR-1": ("draft", {}),
        "IR-2": ("not_labelled", {"labelling_decided_on": date(2022, 3, 1)}),
        "IR-3": (
            "running",
            {"labelling_decided_on": date(2022, 3, 1), "funding_decided_on": date(2022, 6, 1)},
        ),
        "IR-4": ("abandoned", {"abandoned_on": date(2022, 2, 1)}),
        "IR-5": ("not_funded", {"labelling_decided_on": date(2022, 3, 1), "funding_decided_on": date(2022, 7, 1), "requested_cents": 12_345_600}),
        # Every other status, so that the migration's SQL and the domain's rule are compared.
        "IR-6": ("submitted", {}),
        "IR-7": ("evaluated", {"evaluated_on": date(2022, 2, 1)}),
        "IR-8": ("labelled", {"labelling_decided_on": date(2022, 3, 1)}),
        "IR-9": ("funded", {"labelling_decided_on": date(2022, 3, 1), "funding_decided_on": date(2022, 6, 1)}),
        "IR-10": ("closed", {"labelling_decided_on": date(2022, 3, 1), "funding_decided_on": date(2022, 6, 1)}),
        "IR-11": ("abandoned", {"labelling_decided_on": date(2022, 3, 1), "funding_decided_on": date(2022, 6, 1), "abandoned_on": date(2023, 1, 1)}),
        "IR-12": ("abandoned", {"labelling_decided_on": date(2022, 3, 1), "abandoned_on": date(2022, 9, 1)}),
    }  # fmt: skip
    with database.write() as session:
        conn = session.connection()
        conn.exec_driver_sql(
            "INSERT INTO cluster (id, code, name, regions) VALUES (1, 'IR', 'IR', '')"
        )
        conn.exec_driver_sql("INSERT INTO funder (id, name, kind) VALUES (1, 'FUI', 'state')")
        conn.exec_driver_sql(
            "INSERT INTO call (id, name, funder_id, programme) VALUES (1, 'FUI 30', 1, '')"
        )
        columns = {c["name"] for c in sa.inspect(conn).get_columns("project")}
        for reference, (status, extra) in projects.items():
            values = {**PROJECT_VALUES, "reference": reference, "status": status, **extra}
            row = {k: v for k, v in values.items() if k in columns}
            conn.execute(sa.table("project", *map(sa.column, row)).insert().values(**row))
    database.dispose()
    database = make_database(path)
    prepare(database, tmp_path / "backups")
    s = t.Submission
    with database.read() as session:
        rows = session.execute(
            select(
                t.Project.reference, s.label_decision, s.label_decided_on, s.funder_decision,
                s.withdrawn_on, s.requested_cents, s.call_id,
            ).join(s, s.project_id == t.Project.id)
        ).all()  # fmt: skip
        found = {r[0]: tuple(r[1:]) for r in rows}
    database.dispose()
    assert set(found) == set(projects) - {"IR-1"}  # a draft was never submitted
    for reference, (status, extra) in projects.items():
        if status == "draft":
            continue
        values = {**PROJECT_VALUES, **extra}
        label, funder, withdrawn = initial_submission(
            ProjectStatus(status), values["labelling_decided_on"], values["funding_decided_on"],
            values["abandoned_on"],
        )  # fmt: skip
        assert found[reference][0] == (label.value if label else None), reference
        assert found[reference][2] == (funder.value if funder else None), reference
        assert found[reference][3] == withdrawn, reference
    assert {k: found[k] for k in ("IR-2", "IR-3", "IR-4", "IR-5")} == {
        "IR-2": ("refused", date(2022, 3, 1), None, None, None, 1),
        "IR-3": ("labelled", date(2022, 3, 1), "funded", None, None, 1),
        "IR-4": (None, None, None, date(2022, 2, 1), None, 1),
        "IR-5": ("labelled", date(2022, 3, 1), "not_funded", None, 12_345_600, 1),
    }


def test_conversion_per_funder_on_the_demo(pole_db) -> None:
    with pole_db.read() as session:
        by_funder = subs.conversion(session, "funder")
        by_call = subs.conversion(session, "call")
        rows = subs.all_submissions(session)
        statuses = dict(session.execute(select(t.Project.id, t.Project.status)).all())
    expected: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    per_project: dict[int, list[subs.SubmissionRow]] = defaultdict(list)
    for row in rows:
        counts = expected[row.funder_name]
        counts[0] += 1
        counts[1] += row.label_decision is not None and row.label_decision.endorses
        counts[2] += row.funder_decision is not None and row.funder_decision.value == "funded"
        per_project[row.project_id].append(row)
    assert {k: [c.submitted, c.labelled, c.funded] for k, c in by_funder.items()} == expected
    assert sum(c.submitted for c in by_call.values()) == len(rows)
    fui, anr = by_funder["État — FUI (DGE)"], by_funder["ANR"]
    assert fui.submitted > anr.submitted > 0
    # Both funders fund some of their labels, not all: the rates are computed per funder.
    assert 0 < anr.funding_rate < 1 and 0 < fui.funding_rate < 1
    assert anr.funding_rate != fui.funding_rate
    # Some demo projects went to two calls; each submission keeps its own decision.
    twice = [s for s in per_project.values() if len(s) > 1]
    assert len(twice) > 30
    assert any(s[0].outcome in (Outcome.LABEL_REFUSED, Outcome.NOT_FUNDED) for s in twice)
    assert any(r.label_decision is LabelDecision.SUPPORT_LETTER for r in rows)
    # Every project's status is the one its submissions imply.
    for pid, submissions in per_project.items():
        current = ProjectStatus(statuses[pid])
        assert project_status(current, [s.facts for s in submissions]).status is current, pid

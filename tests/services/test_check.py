"""`check` over a database: each kind of broken invariant, seeded through raw SQL, is found once,
per project, with the editor's words (services/check.py over storage/invariant_scan.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from portfolio_desktop import messages
from portfolio_desktop.services.check import (
    check_database,
    finding_message,
    invariant_findings,
    projects_to_review,
)

TODAY = date(2026, 7, 1)


def sql(db: Any, statement: str, **params: Any) -> list[tuple[Any, ...]]:
    """Raw SQL, as a hand-edited or damaged database would hold it (no rule, no history)."""
    with db.write() as session:
        result = session.execute(text(statement), params)
        return [tuple(row) for row in result] if result.returns_rows else []


def one(db: Any, statement: str, **params: Any) -> tuple[Any, ...]:
    rows = sql(db, statement + " ORDER BY p.id LIMIT 1", **params)
    assert rows, statement
    return rows[0]


def found(db: Any) -> set[tuple[str, str, str | None, str]]:
    return {
        (f.code, f.severity, f.project or f.organisation, f.field)
        for f in invariant_findings(db, today=TODAY)
    }


def test_the_demo_keeps_every_invariant(pole_db: Any) -> None:
    assert check_database(pole_db, today=TODAY) == []


def test_each_broken_invariant_is_found_with_its_project(pole_db: Any) -> None:
    db = pole_db
    expected: set[tuple[str, str, str | None, str]] = set()

    # Money granted on an evaluated project (only requested amounts are on file at that step).
    pid, ref, line = one(
        db,
        "SELECT p.id, p.reference, f.id FROM project p JOIN funding_line f ON f.project_id = p.id "
        "WHERE p.status = 'evaluated'",
    )
    sql(db, "UPDATE funding_line SET granted_cents = requested_cents WHERE id = :id", id=line)
    expected.add(("granted_before_labelling", "error", ref, "funding_lines[0].granted_cents"))

    # Money granted on a project that was not funded.
    pid, ref, line = one(
        db,
        "SELECT p.id, p.reference, f.id FROM project p JOIN funding_line f ON f.project_id = p.id "
        "WHERE p.status = 'not_funded' AND p.id > :after",
        after=pid,
    )
    sql(db, "UPDATE funding_line SET granted_cents = 100000 WHERE id = :id", id=line)
    expected.add(("granted_on_refused_project", "error", ref, "funding_lines[0].granted_cents"))

    # Paid above granted on a closed project; a decision dated 2099 on another.
    closed = sql(
        db,
        "SELECT p.id, p.reference, min(f.id) FROM project p JOIN funding_line f "
        "ON f.project_id = p.id WHERE p.status = 'closed' AND p.eligible_costs_cents > 0 "
        "AND p.total_budget_cents > 0 GROUP BY p.id, p.reference ORDER BY p.id LIMIT 4",
    )
    (_p1, paid_ref, paid_line), (_p2, future_ref, future_line) = closed[0], closed[1]
    sql(db, "UPDATE funding_line SET paid_cents = granted_cents + 100 WHERE id = :id", id=paid_line)
    expected.add(("paid_exceeds_granted", "error", paid_ref, "funding_lines[0].paid_cents"))
    sql(db, "UPDATE funding_line SET decision_on = '2099-01-01' WHERE id = :id", id=future_line)
    expected.add(("date_in_future", "error", future_ref, "funding_lines[0].decision_on"))

    # A 100 € budget under hundreds of thousands of euros granted (eligible costs then exceed it).
    budget_pid, budget_ref, _line = closed[2]
    sql(db, "UPDATE project SET total_budget_cents = 10000 WHERE id = :id", id=budget_pid)
    expected.add(("granted_exceeds_budget", "warning", budget_ref, "total_budget_cents"))
    expected.add(("eligible_exceeds_budget", "error", budget_ref, "eligible_costs_cents"))
    expected.add(("partner_budgets_exceed_total", "error", budget_ref, "partners"))
    # Eligible costs of 1 € under the grants.
    eligible_pid, eligible_ref, _line = closed[3]
    sql(db, "UPDATE project SET eligible_costs_cents = 100 WHERE id = :id", id=eligible_pid)
    expected.add(("granted_exceeds_eligible", "warning", eligible_ref, "eligible_costs_cents"))

    # A funding decision date on a project that is only submitted; a status nobody knows.
    pid, ref = one(db, "SELECT p.id, p.reference FROM project p WHERE p.status = 'submitted'")
    sql(db, "UPDATE project SET funding_decided_on = submitted_on WHERE id = :id", id=pid)
    expected.add(("step_date_beyond_status", "warning", ref, "funding_decided_on"))
    pid, ref = one(
        db, "SELECT p.id, p.reference FROM project p WHERE p.status = 'draft' AND p.id > :a", a=0
    )
    sql(db, "UPDATE project SET status = 'peut_etre' WHERE id = :id", id=pid)
    expected.add(("status_unknown", "error", ref, "status"))

    # An instrument code no list holds.
    pid, ref, line = one(
        db,
        "SELECT p.id, p.reference, f.id FROM project p JOIN funding_line f ON f.project_id = p.id "
        "WHERE p.status = 'running' AND (SELECT count(*) FROM funding_line g "
        "WHERE g.project_id = p.id) = 1",
    )
    sql(db, "UPDATE funding_line SET instrument = 'donation' WHERE id = :id", id=line)
    expected.add(("code_unknown", "error", ref, "funding_lines[0].instrument"))

    # The expert's own organisation joins the project after the evaluation (the partners' side).
    pid, ref, expert, organisation = one(
        db,
        "SELECT p.id, p.reference, e.expert_id, t.organisation_id FROM project p "
        "JOIN evaluation e ON e.project_id = p.id JOIN expert_tie t ON t.expert_id = e.expert_id "
        "WHERE p.status = 'not_labelled' AND t.organisation_id NOT IN "
        "(SELECT organisation_id FROM participation WHERE project_id = p.id) "
        "AND (SELECT count(*) FROM evaluation x WHERE x.project_id = p.id) = 2 "
        "AND e.id = (SELECT min(id) FROM evaluation y WHERE y.project_id = p.id)",
    )
    sql(
        db,
        "INSERT INTO participation (project_id, organisation_id, role, budget_cents) "
        "VALUES (:p, :o, 'partner', NULL)",
        p=pid,
        o=organisation,
    )
    expected.add(("conflict_of_interest_expert", "error", ref, "evaluations[0].expert_id"))

    # The same expert evaluates a project twice.
    pid, ref, expert = one(
        db,
        "SELECT p.id, p.reference, min(e.expert_id) FROM project p JOIN evaluation e "
        "ON e.project_id = p.id WHERE p.status = 'labelled' GROUP BY p.id, p.reference "
        "HAVING count(*) = 2",
    )
    sql(
        db,
        "INSERT INTO evaluation (project_id, expert_id, evaluated_on, opinion) "
        "VALUES (:p, :e, '2024-01-01', '')",
        p=pid,
        e=expert,
    )
    expected.add(("evaluation_expert_twice", "error", ref, "evaluations[2].expert_id"))

    # A domain split that no longer sums to 100, and an organisation with a broken SIREN.
    pid, ref = one(
        db,
        "SELECT p.id, p.reference FROM project p WHERE p.status = 'not_labelled' AND "
        "(SELECT count(*) FROM project_domain d WHERE d.project_id = p.id) = 1",
    )
    sql(db, "UPDATE project_domain SET percent = 90 WHERE project_id = :id", id=pid)
    expected.add(("domain_split_sum", "error", ref, "domains"))
    (name, org) = sql(db, "SELECT name, id FROM organisation ORDER BY id LIMIT 1")[0]
    sql(db, "UPDATE organisation SET siren = '123456789' WHERE id = :id", id=org)
    expected.add(("siren_invalid", "error", name, "siren"))

    assert found(db) == expected


def test_the_check_words_are_the_editors(pole_db: Any) -> None:
    ref, line = one(
        pole_db,
        "SELECT p.reference, f.id FROM project p JOIN funding_line f ON f.project_id = p.id "
        "WHERE p.status = 'closed'",
    )
    sql(pole_db, "UPDATE funding_line SET paid_cents = granted_cents + 100 WHERE id = :id", id=line)
    [finding] = invariant_findings(pole_db, today=TODAY)
    editor = messages.text("paid_exceeds_granted", finding.params, "fr")
    assert finding_message(finding, "fr") == f"Projet {ref} : l{editor[1:]}"
    assert finding_message(finding, "en").startswith(f"Project {ref}: the amount paid (€")


def test_projects_to_review_are_those_with_findings(pole_db: Any) -> None:
    assert projects_to_review(pole_db, today=TODAY) == ()
    pids = [
        row[0]
        for row in sql(pole_db, "SELECT id FROM project WHERE status = 'submitted' ORDER BY id")
    ][:2]
    sql(
        pole_db,
        "UPDATE project SET funding_decided_on = submitted_on WHERE id IN (:a, :b)",
        a=pids[0],
        b=pids[1],
    )
    assert projects_to_review(pole_db, today=TODAY) == tuple(pids)


def test_text_that_does_not_decode_does_not_stop_the_check(tmp_path: Any, pole_demo_file) -> None:
    import shutil
    import sqlite3

    from portfolio_desktop.storage.schema import open_database

    path = tmp_path / "damaged.sqlite"
    shutil.copyfile(pole_demo_file, path)
    with sqlite3.connect(path) as conn:
        pid = conn.execute("SELECT id FROM project WHERE status = 'submitted' LIMIT 1").fetchone()
        conn.execute(
            "UPDATE project SET acronym = CAST(X'C328' AS TEXT), funding_decided_on = submitted_on "
            "WHERE id = ?",
            pid,
        )
    db = open_database(path)
    try:
        [finding] = invariant_findings(db, today=TODAY)
    finally:
        db.dispose()
    assert finding.code == "step_date_beyond_status" and finding.project_id == pid[0]


@pytest.mark.parametrize("size", [1, 7])
def test_batches_cover_every_project_once(pole_db: Any, size: int) -> None:
    from portfolio_desktop.storage import invariant_scan

    with pole_db.read() as session:
        first = next(invariant_scan.project_batches(session, size=size))
        seen = [p.record.id for b in invariant_scan.project_batches(session) for p in b]
        expected = [r[0] for r in session.execute(text("SELECT id FROM project ORDER BY id"))]
        lines = session.execute(
            text("SELECT count(*) FROM funding_line WHERE project_id = :p"),
            {"p": first[0].record.id},
        ).scalar()
    assert len(first) == size
    assert len(first[0].record.funding_lines) == lines
    assert seen == expected

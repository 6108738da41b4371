"""How far each project went, in SQL (storage/funnel.py), is the domain's definition
(domain.workflow.furthest_rank): status, an abandoned project's dates, the history not undone."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, text

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.domain.workflow import FUNNEL_STEPS, StatusMove, furthest_rank
from portfolio_desktop.storage.funnel import furthest_ranks
from portfolio_desktop.storage.project_query import project_where
from portfolio_desktop.storage.tables import Project, StatusChange


def sql(db: Any, statement: str, **params: Any) -> list[tuple[Any, ...]]:
    with db.write() as session:
        result = session.execute(text(statement), params)
        return [tuple(row) for row in result] if result.returns_rows else []


def move(db: Any, pid: int, old: str | None, new: str, source: str) -> None:
    sql(
        db,
        "INSERT INTO status_change (project_id, from_status, to_status, step_on, changed_at, "
        "changed_by, source) VALUES (:p, :f, :t, NULL, '2025-01-01 10:00:00', 'test', :s)",
        p=pid,
        f=old,
        t=new,
        s=source,
    )


def first(db: Any, where: str) -> int:
    return int(sql(db, f"SELECT id FROM project WHERE {where} ORDER BY id LIMIT 1")[0][0])


def test_sql_and_domain_agree_on_every_project(pole_db: Any) -> None:
    db = pole_db
    # Funded by mistake, then undone: it stays labelled.
    labelled = first(db, "status = 'labelled'")
    move(db, labelled, "labelled", "funded", "form")
    move(db, labelled, "funded", "labelled", "undo")
    # Undone, then done again: it stands.
    redone = first(db, f"status = 'labelled' AND id > {labelled}")
    move(db, redone, "labelled", "funded", "form")
    move(db, redone, "funded", "labelled", "undo")
    move(db, redone, "labelled", "funded", "form")
    # Moved back to draft by an import after it was funded: it did reach funding.
    moved_back = first(db, "status = 'closed'")
    sql(db, "UPDATE project SET status = 'draft' WHERE id = :p", p=moved_back)
    move(db, moved_back, "closed", "draft", "import:7")
    # Imported as abandoned with a funding date and no history: the dates say funded.
    abandoned = first(db, "status = 'abandoned' AND funding_decided_on IS NOT NULL")
    sql(db, "DELETE FROM status_change WHERE project_id = :p", p=abandoned)

    with db.read() as session:
        projects = session.execute(
            select(
                Project.id,
                Project.status,
                Project.evaluated_on,
                Project.labelling_decided_on,
                Project.funding_decided_on,
            )
        ).all()
        moves: dict[int, list[StatusMove]] = {}
        for pid, old, new, source in session.execute(
            select(
                StatusChange.project_id,
                StatusChange.from_status,
                StatusChange.to_status,
                StatusChange.source,
            ).order_by(StatusChange.id)
        ):
            moves.setdefault(pid, []).append(StatusMove(old, new, source))
        size = int(session.scalar(select(func.max(Project.id)))) + 1
        ranks = furthest_ranks(session, size)
        counts = {
            step.value: session.scalar(
                select(func.count()).where(project_where(ProjectFilter(reached=step.value)))
            )
            for step in FUNNEL_STEPS
        }
    expected = {
        pid: furthest_rank(
            status,
            moves.get(pid, []),
            {"evaluated_on": ev, "labelling_decided_on": lab, "funding_decided_on": fund},
        )
        for pid, status, ev, lab, fund in projects
    }
    assert {pid: int(ranks[pid]) for pid in expected} == expected
    assert (expected[labelled], expected[redone], expected[moved_back], expected[abandoned]) == (
        3,
        4,
        4,
        4,
    )
    assert counts == {
        step.value: sum(1 for r in expected.values() if r >= rank)
        for rank, step in enumerate(FUNNEL_STEPS, start=1)
    }

"""Writer of a generated demo portfolio: rows with their ids, in bulk, into an empty portfolio.

The demo's projects go through the same invariants as any other write: once inserted (in the
unit of work, not committed), every project is read back as the domain's record
(`invariant_scan`, what `check` reads) and checked as a new project. An error refuses the whole
demo. The demo's warnings (steps a generated project skipped a date for) are returned, not
written to the history: a generated portfolio has no history of its own.
"""

from __future__ import annotations

from ...domain import rules
from .. import bulk, invariant_scan, reference
from ..changes import DemoRows
from ..summaries import refresh_projects
from .core import Run, register


@register(DemoRows)
def write_demo(run: Run, change: DemoRows) -> None:
    session = run.session
    for index, table in enumerate(change.order):
        if run.progress is not None:
            run.progress.check()
            run.progress.report(0.7 + 0.2 * index / len(change.order), "demo_writing")
        rows = change.rows.get(table, [])
        bulk.insert_rows(session, table, rows)
        run.applied.tables.add(table)
        if rows and "id" in rows[0]:
            run.applied.created[table] = [int(r["id"]) for r in rows]
    if run.progress is not None:
        run.progress.report(0.9, "demo_summaries")
    refresh_projects(session, None)
    ties = invariant_scan.expert_ties(session)
    domain_poles = reference.domain_poles(session)
    for batch in invariant_scan.project_batches(session):
        for stored in batch:
            record = stored.record
            context = rules.ProjectContext(
                evaluations=stored.evaluations,
                expert_ties={e.expert_id: ties.get(e.expert_id, ()) for e in stored.evaluations},
                domain_poles=domain_poles,
            )
            issues = rules.check_project_change(None, record, today=run.today, context=context)
            assert record.id is not None
            if not run.refuse("project", record.id, issues):
                run.applied.warnings += [("project", record.id, i) for i in issues]
            run.applied.projects.add(record.id)

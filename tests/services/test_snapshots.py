"""Snapshots: frozen figures that later edits do not change, compared side by side."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from portfolio_desktop.domain.enums import Instrument
from portfolio_desktop.errors import KnownError
from portfolio_desktop.services import portfolio, snapshots
from portfolio_desktop.storage.database import Database


def _a_funded_grant(db: Database) -> tuple[int, str, str]:
    """A funded project with a grant, its pole's and its funder's names."""
    with db.read() as session:
        row = (
            session.connection()
            .exec_driver_sql(
                "SELECT p.id, c.name, f.name FROM project p JOIN cluster c ON c.id = p.cluster_id "
                "JOIN funding_line l ON l.project_id = p.id JOIN funder f ON f.id = l.funder_id "
                "WHERE p.status = 'funded' AND l.instrument = 'grant' AND l.granted_cents > 0 "
                "ORDER BY p.id, l.id LIMIT 1"
            )
            .one()
        )
    return int(row[0]), str(row[1]), str(row[2])


def test_a_snapshot_is_unchanged_by_later_edits_and_compares(pole_db: Database) -> None:
    first = snapshots.take(pole_db, "Rapport annuel 2025", date(2025, 12, 31))
    assert first.as_of == date(2025, 12, 31)
    assert first.figures.projects > 0 and first.figures.granted_cents > 0
    now = snapshots.take(pole_db, "Avant la modification")

    project_id, pole, funder = _a_funded_grant(pole_db)
    record = portfolio.load_project(pole_db, project_id)
    index = next(
        i
        for i, line in enumerate(record.funding_lines)
        if line.instrument == Instrument.GRANT and (line.granted_cents or 0) > 0
    )
    line = record.funding_lines[index]
    cut = (line.granted_cents or 0) // 2
    record.funding_lines[index] = replace(line, granted_cents=(line.granted_cents or 0) - cut)
    portfolio.update_project(pole_db, record, expected_version=record.version)
    later = snapshots.take(pole_db, "Après la modification")

    kept = {row.name: row for row in snapshots.list_snapshots(pole_db)}
    assert kept["Rapport annuel 2025"].figures == first.figures  # frozen
    assert kept["Avant la modification"].figures == now.figures
    assert list(kept) == ["Rapport annuel 2025", "Avant la modification", "Après la modification"]
    assert first.figures.projects < now.figures.projects  # 2026's projects came after

    moved = {
        (m.dimension, m.key, m.measure): m
        for m in snapshots.compare(now.figures, later.figures)
        if m.delta
    }
    assert moved[("total", "", "granted")].delta == -cut
    assert moved[("pole", pole, "granted")].delta == -cut
    assert moved[("funder", funder, "granted")].delta == -cut
    domain_moves = [m for m in moved.values() if m.dimension == "domain"]
    assert domain_moves and abs(sum(m.delta for m in domain_moves) + cut) <= len(domain_moves)
    assert not any(k[2] == "projects" for k in moved)  # no project came or went

    with pytest.raises(KnownError) as taken:
        snapshots.take(pole_db, " Rapport annuel 2025 ")
    assert taken.value.code == "snapshot_name_taken"
    snapshots.delete(pole_db, "Avant la modification")
    assert [r.name for r in snapshots.list_snapshots(pole_db)] == [
        "Rapport annuel 2025",
        "Après la modification",
    ]

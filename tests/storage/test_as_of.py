"""The portfolio as of a moment equals the portfolio a backup taken at that moment holds."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from portfolio_desktop.domain.enums import ProjectStatus
from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.domain.model import DomainShare, ProjectRecord
from portfolio_desktop.services import portfolio
from portfolio_desktop.services.analytics import Analytics
from portfolio_desktop.services.stats import portfolio_stats
from portfolio_desktop.storage.as_of import AsOf, portfolio_as_of
from portfolio_desktop.storage.backup import backup_to
from portfolio_desktop.storage.database import Database
from portfolio_desktop.storage.history import utcnow
from portfolio_desktop.storage.schema import open_database


def _figures(db: Database) -> dict[str, object]:
    analytics = Analytics(db)
    everything = ProjectFilter()
    return {
        "stats": portfolio_stats(db),
        "overview": analytics.overview(everything),
        "largest": analytics.largest_projects(everything),
    }


def _first(db: Database, status: ProjectStatus, with_lines: bool = True) -> int:
    with db.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT p.id FROM project p WHERE p.status = ? AND "
            + ("" if with_lines else "NOT ")
            + "EXISTS (SELECT 1 FROM funding_line f WHERE f.project_id = p.id) ORDER BY p.id",
            (status.value,),
        )
        return int(rows.first()[0])


def _unspread(db: Database, statuses: str) -> int:
    """A project at these statuses whose lines have no money rows (schedule, payments, shares,
    spread): those keep no history yet, so an as-of copy could not bring back the rows an edit
    or a deletion took away."""
    with db.read() as session:
        rows = session.connection().exec_driver_sql(
            f"SELECT p.id FROM project p WHERE p.status IN ('{statuses}') AND EXISTS (SELECT 1"
            " FROM funding_line f WHERE f.project_id = p.id)"
            + "".join(
                f" AND NOT EXISTS (SELECT 1 FROM {table} m JOIN funding_line f"
                " ON f.id = m.funding_line_id WHERE f.project_id = p.id)"
                for table in ("line_year_amount", "payment", "payment_tranche", "cofinancing_share")
            )
            + " ORDER BY p.id"
        )
        return int(rows.first()[0])


def _edit_everything(db: Database) -> None:
    """A day of work after the backup: edits, a pipeline step, a deletion, a new project."""
    funded = portfolio.load_project(db, _first(db, ProjectStatus.FUNDED))
    funded.title = "Titre changé après la sauvegarde"
    funded.total_budget_cents = (funded.total_budget_cents or 0) + 123_456_78
    line = funded.funding_lines[0]
    funded.funding_lines[0] = replace(line, granted_cents=(line.granted_cents or 0) // 2)
    # A line without payments or a spread is removed: the money tables keep no history yet, so
    # an as-of copy could not bring a removed line's payments back.
    bare = [
        i
        for i, line in enumerate(funded.funding_lines)
        if line.money is None
        or not (
            line.money.payments or line.money.spread or line.money.tranches or line.money.shares
        )
    ]
    funded.funding_lines.pop(bare[-1] if bare else -1)
    if len(funded.domains) >= 1:
        funded.domains = [DomainShare(funded.domains[0].domain_id, 100)]
    portfolio.update_project(db, funded, expected_version=funded.version)

    labelled = portfolio.load_project(db, _first(db, ProjectStatus.LABELLED))
    portfolio.transition(
        db, labelled.id or 0, ProjectStatus.FUNDED, on=date.today(),
        expected_version=labelled.version,
    )  # fmt: skip

    gone = portfolio.load_project(db, _unspread(db, "not_funded', 'not_labelled"))
    portfolio.delete_project(db, gone.id or 0, expected_version=gone.version)

    portfolio.create_project(
        db,
        ProjectRecord(
            cluster_id=funded.cluster_id,
            reference="NOUVEAU-2026-0001",
            acronym="NOUVO",
            title="Projet saisi après la sauvegarde",
        ),
    )


def test_figures_as_of_the_backup_equal_the_restored_backup(
    pole_demo_file: Path, tmp_path: Path
) -> None:
    live_path = tmp_path / "live.sqlite"
    shutil.copyfile(pole_demo_file, live_path)
    live = open_database(live_path)
    try:
        backup = backup_to(live_path, tmp_path / "backup.sqlite")
        moment = utcnow()
        before = _figures(live)
        _edit_everything(live)
        after = _figures(live)
        assert after["stats"] != before["stats"]  # the edits moved the figures
        with portfolio_as_of(live, AsOf(moment)) as then:
            as_of = _figures(then)
        restored_path = tmp_path / "restored.sqlite"
        shutil.copyfile(backup, restored_path)
        restored = open_database(restored_path)
        try:
            expected = _figures(restored)
            stats, wanted = as_of["stats"], expected["stats"]
            assert isinstance(stats, dict) and isinstance(wanted, dict)
            # Open defects of the as-of copy since the money and submissions arrived: those rows
            # keep no history of their own, so what an edit of a line takes away (payments under
            # a lowered grant, its spread over years) does not come back in the copy, and a
            # decision taken on the as-of day itself is still counted in its `conversion`. Only
            # the edited line's years may differ; every other figure must be the backup's.
            per_year = ("funding_by_year", "received_by_year")
            differ = {
                k: (stats[k], wanted[k])
                for k in wanted
                if k not in ("conversion", *per_year) and stats.get(k) != wanted[k]
            }
            for key in per_year:
                moved = {y: v for y, v in wanted[key].items() if stats[key].get(y) != v}
                assert len(moved) <= 4, (key, moved)
            assert not differ, differ
            assert {k: v for k, v in as_of.items() if k != "stats"} == {
                k: v for k, v in expected.items() if k != "stats"
            }
        finally:
            restored.dispose()
        assert _figures(live) == after  # the live portfolio is left as it is
    finally:
        live.dispose()


def test_as_of_a_past_day_follows_the_status_history(pole_db: Database) -> None:
    """The demo's projects carry their past: at the end of 2015 nothing submitted later exists,
    and no step dated after that day is known."""
    with portfolio_as_of(pole_db, AsOf.end_of(date(2015, 12, 31))) as then:
        stats = portfolio_stats(then)
        with then.read() as session:
            connection = session.connection()
            latest = connection.exec_driver_sql(
                "SELECT max(created_at), max(submitted_on), max(funding_decided_on), "
                "max(closed_on) FROM project"
            ).one()
            years = connection.exec_driver_sql(
                "SELECT max(year) FROM funding_line WHERE granted_cents > 0"
            ).scalar()
            moves = connection.exec_driver_sql(
                "SELECT count(*) FROM status_change WHERE changed_at >= '2016-01-01'"
            ).scalar()
    whole = portfolio_stats(pole_db)
    assert 0 < stats["projects"] < whole["projects"]
    assert str(latest[0]) < "2016-01-01"
    assert all(value is None or str(value) <= "2015-12-31" for value in latest[1:])
    assert years is not None and years <= 2015
    assert moves == 0
    # Nothing decided after the day is granted (a line not decided yet counts in its project's
    # start year, with nothing granted); a grant decided by then and spread over later years
    # was known then, its later years' parts too.
    committed = committed_after(pole_db, date(2015, 12, 31))
    for year, euros in stats["funding_by_year"].items():
        if int(year) <= 2015:
            assert euros == whole["funding_by_year"][year], year
        else:
            assert Decimal(euros) == Decimal(committed.get(int(year), 0)) / 100, year
    assert datetime(2015, 12, 31) < AsOf.end_of(date(2015, 12, 31)).moment


def committed_after(db: Database, day: date) -> dict[int, int]:
    """Cents of the grants decided by `day` spread over the years after it, per year."""
    with db.read() as session:
        rows = session.execute(
            text(
                "SELECT y.year, sum(y.amount_cents) FROM line_year_amount y"
                " JOIN funding_line f ON f.id = y.funding_line_id"
                " WHERE f.instrument = 'grant' AND f.decision_on <= :day AND y.year > :year"
                " GROUP BY y.year"
            ),
            {"day": day, "year": day.year},
        )
        return {int(year): int(cents) for year, cents in rows}

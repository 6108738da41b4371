"""The national view: the poles side by side, their figures the SQL sums of their projects."""

from __future__ import annotations

import pytest

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.services import charts
from portfolio_desktop.services.analytics import Analytics, filter_for
from portfolio_desktop.storage.database import Database

from .layout_check import layout_problems
from .test_chart_layout import SCALINGS, SCREENS, SIDE


def split_into_two_poles(db: Database) -> None:
    """A second pole holding every third project of the demo (as a national base would)."""
    with db.write() as session:
        connection = session.connection()
        connection.exec_driver_sql(
            "INSERT INTO cluster (id, code, name, regions) VALUES (90, 'AV', 'Aerospace Valley', '')"
        )
        connection.exec_driver_sql("UPDATE project SET cluster_id = 90 WHERE id % 3 = 0")


@pytest.fixture
def two_poles(pole_db: Database) -> Database:
    split_into_two_poles(pole_db)
    return pole_db


def test_poles_are_the_sums_of_their_projects(two_poles: Database) -> None:
    flt = ProjectFilter(year_from=2010)
    data = Analytics(two_poles).poles(flt)
    with two_poles.read() as session:
        rows = (
            session.connection()
            .exec_driver_sql(
                "SELECT c.name, count(DISTINCT p.id), "
                "coalesce(sum(CASE WHEN l.instrument = 'grant' THEN l.granted_cents END), 0) "
                "FROM project p JOIN cluster c ON c.id = p.cluster_id "
                "LEFT JOIN funding_line l ON l.project_id = p.id "
                "WHERE p.submitted_on >= '2010-01-01' GROUP BY c.name"
            )
            .all()
        )
    expected = {name: (int(count), int(granted)) for name, count, granted in rows}
    assert {p.name: (p.projects, p.granted_cents) for p in data.poles} == expected
    assert [p.granted_cents for p in data.poles] == sorted(
        (p.granted_cents for p in data.poles), reverse=True
    )
    for pole in data.poles:
        assert sum(pole.per_year) <= pole.granted_cents  # lines without a year are left out
        assert 0 < pole.funded < pole.projects
    assert data.years[0] <= 2010 <= data.years[-1]
    aerospace = next(p for p in data.poles if p.name == "Aerospace Valley")
    assert aerospace.cluster_id == 90
    narrowed = filter_for(flt, {"cluster": 90})  # a click on its line
    assert Analytics(two_poles).poles(narrowed).poles == (aerospace,)


def test_the_comparison_reads_well(two_poles: Database) -> None:
    data = Analytics(two_poles).poles(ProjectFilter())
    height = charts.poles_height(len(data.poles))
    problems = []
    for screen in SCREENS:
        for scaling in SCALINGS:
            width = screen[0] / scaling - SIDE
            figure = charts.new_figure((width / 100, height), dpi=100 * scaling)
            charts.poles_comparison(data, "fr", figure)
            problems += [f"{screen} {scaling}: {p}" for p in layout_problems(figure)]
            assert [h.target for h in charts.hits(figure)] == [
                {"cluster": p.cluster_id} for p in data.poles
            ]
    assert not problems, "\n".join(problems)

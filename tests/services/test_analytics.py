"""Key figures and aggregations for a filter, held against SQL sums written out in the tests."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import and_, func, select, true

from portfolio_desktop.domain.enums import OrganisationKind, ProjectStatus
from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.domain.model import Assessment
from portfolio_desktop.domain.responsible import maturity_level
from portfolio_desktop.domain.workflow import reached
from portfolio_desktop.services import portfolio
from portfolio_desktop.services.analytics import (
    NONE,
    OTHER,
    STACKS,
    Analytics,
    cp_to_cents,
    filter_for,
    reached_statuses,
)
from portfolio_desktop.services.stats import portfolio_stats
from portfolio_desktop.storage.project_query import line_conditions, project_where
from portfolio_desktop.storage.tables import (
    Domain,
    Funder,
    FundingLine,
    FundingShare,
    Organisation,
    Participation,
    Project,
    ProjectRegion,
)


def cents(euros: str) -> int:
    return int(Decimal(euros) * 100)


def round_cp(value: int) -> int:
    import numpy as np

    return int(cp_to_cents(np.asarray([value], dtype=np.int64))[0])


def sql_lines_by(db, flt: ProjectFilter, column) -> dict[tuple[int, object], int]:
    """Granted cents per (year, column) over funding_line, with the filter in plain SQL."""
    lines = line_conditions(flt)
    statement = (
        select(FundingLine.year, column, func.sum(FundingLine.granted_cents))
        .select_from(FundingLine)
        .join(Project, Project.id == FundingLine.project_id)
        .join(Funder, Funder.id == FundingLine.funder_id)
        .where(project_where(flt), and_(*lines) if lines else true(), FundingLine.year.is_not(None))
        .group_by(FundingLine.year, column)
    )
    with db.read() as session:
        return {(y, k): int(s or 0) for y, k, s in session.execute(statement)}


def series_grid(data) -> dict[tuple[int, str], int]:
    return {
        (year, s.key): value
        for s in data.series
        for year, value in zip(data.years, s.values, strict=True)
        if value
    }


@pytest.fixture
def analytics(pole_db) -> Analytics:
    return Analytics(pole_db)


def test_funding_over_time_matches_the_stats_and_the_fact_table(analytics, pole_db) -> None:
    stats = portfolio_stats(pole_db)
    by_funder = analytics.funding_over_time(ProjectFilter(), "funder", top=100)
    # A line's shares add up to cents × 100: per funder and year the sums are exact.
    assert {str(y): t for y, t in zip(by_funder.years, by_funder.totals, strict=True)} == {
        y: cents(v) for y, v in stats["funding_by_year"].items()
    }
    by_domain = analytics.funding_over_time(ProjectFilter(), "domain")
    with pole_db.read() as session:
        expected = {
            (year, str(domain)): round_cp(int(total))
            for year, domain, total in session.execute(
                select(FundingShare.year, FundingShare.domain_id, func.sum(FundingShare.granted_cp))
                .where(FundingShare.year.is_not(None))
                .group_by(FundingShare.year, FundingShare.domain_id)
            )
            if total
        }
        colours = dict(session.execute(select(Domain.id, Domain.colour)).all())
    assert series_grid(by_domain) == expected
    assert by_domain.years == tuple(range(min(by_domain.years), max(by_domain.years) + 1))
    assert all(s.colour == colours[int(s.key)] for s in by_domain.series)
    running = 0
    for total, cumulative in zip(by_domain.totals, by_domain.cumulative, strict=True):
        running += total
        assert cumulative == running


FILTERS = [
    ProjectFilter(statuses=("funded", "running", "closed")),
    ProjectFilter(regions=("BRE",)),
    ProjectFilter(domain_ids=(3,)),
    ProjectFilter(year_from=2012, year_to=2018),
    ProjectFilter(search="data"),
    ProjectFilter(funder_kinds=("region",)),
    ProjectFilter(instruments=("repayable_advance", "loan")),
    ProjectFilter(funding_year_from=2015, funding_year_to=2016, statuses=("closed",)),
    ProjectFilter(funder_ids=(2, 12)),
    ProjectFilter(organisation_kinds=("startup",), responsible_digital=True),
    ProjectFilter(search="zzzz-nothing"),
]


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: ",".join(f.to_dict()))
def test_every_filter_gives_the_sql_sums(analytics, pole_db, flt: ProjectFilter) -> None:
    """The in-memory line criteria say what `line_conditions` says, and the projects what
    `project_where` says (lines stacked by funder and by funder kind are exact sums)."""
    by_funder = analytics.funding_over_time(flt, "funder", top=100)
    expected = sql_lines_by(pole_db, flt, FundingLine.funder_id)
    assert series_grid(by_funder) == {(y, str(k)): v for (y, k), v in expected.items() if v}
    by_kind = analytics.funding_over_time(flt, "funder_kind")
    expected_kind = sql_lines_by(pole_db, flt, Funder.kind)
    assert series_grid(by_kind) == {(y, k): v for (y, k), v in expected_kind.items() if v}


def test_every_stack_adds_up_to_the_same_total(analytics) -> None:
    flt = ProjectFilter(statuses=("funded", "running", "closed"))
    totals = {by: sum(analytics.funding_over_time(flt, by).totals) for by in STACKS}
    reference = totals["funder"]
    assert totals["funder_kind"] == totals["instrument"] == reference
    # Domain and region shares are rounded once per bucket: a few cents at most.
    assert abs(totals["domain"] - reference) <= 50
    assert abs(totals["region"] - reference) <= 50


def test_regions_split_a_project_between_its_regions(analytics, pole_db) -> None:
    with pole_db.read() as session:
        two_regions = (
            select(ProjectRegion.project_id)
            .group_by(ProjectRegion.project_id)
            .having(func.count() == 2)
        )
        shared = session.scalars(
            select(FundingLine.project_id)
            .where(
                FundingLine.project_id.in_(two_regions),
                FundingLine.granted_cents > 0,
                FundingLine.year.is_not(None),
            )
            .limit(1)
        ).one()
        reference = session.scalar(select(Project.reference).where(Project.id == shared))
    data = analytics.funding_over_time(ProjectFilter(search=reference), "region")
    assert len(data.series) == 2
    halves = [s.total for s in data.series]
    assert abs(halves[0] - halves[1]) <= 1
    assert sum(halves) == sum(
        analytics.funding_over_time(ProjectFilter(search=reference), "funder").totals
    )


def test_funders_beyond_the_top_are_summed_as_others(analytics) -> None:
    everyone = analytics.funding_over_time(ProjectFilter(), "funder", top=100)
    top3 = analytics.funding_over_time(ProjectFilter(), "funder", top=3)
    assert [s.key for s in top3.series[:3]] == [s.key for s in everyone.series[:3]]
    assert top3.series[-1].key == OTHER
    assert top3.series[-1].values == tuple(
        sum(column) for column in zip(*(s.values for s in everyone.series[3:]), strict=True)
    )
    breakdown = analytics.funding_by_funder(ProjectFilter(), top=5)
    assert len(breakdown.bars) == 6 and breakdown.bars[-1].key == OTHER
    assert breakdown.total == analytics.funding_by_funder(ProjectFilter(), top=100).total


def test_funding_by_domain_is_the_stats_split(analytics, pole_db) -> None:
    stats = portfolio_stats(pole_db)
    data = analytics.funding_by_domain(ProjectFilter())
    assert {b.name: b.value for b in data.bars if b.key != NONE} == {
        name: cents(value) for name, value in stats["funding_by_domain"].items()
    }
    values = [b.value for b in data.bars if b.key != NONE]
    assert values == sorted(values, reverse=True)


def test_key_figures_against_sql(analytics, pole_db) -> None:
    flt = ProjectFilter(regions=("PDL",))
    figures = analytics.overview(flt).key_figures
    with pole_db.read() as session:
        statuses = dict(
            session.execute(
                select(Project.status, func.count())
                .where(project_where(flt))
                .group_by(Project.status)
            ).all()
        )
        granted = dict(
            session.execute(
                select(Project.status, func.coalesce(func.sum(FundingLine.granted_cents), 0))
                .join(FundingLine, FundingLine.project_id == Project.id)
                .where(project_where(flt))
                .group_by(Project.status)
            ).all()
        )
        public = session.scalar(
            select(func.sum(FundingLine.granted_cents))
            .join(Project, Project.id == FundingLine.project_id)
            .join(Funder, Funder.id == FundingLine.funder_id)
            .where(
                project_where(flt),
                Project.status.in_(["funded", "running", "closed"]),
                Funder.kind != "private",
            )
        )
        budget = session.scalar(
            select(func.sum(Project.total_budget_cents)).where(
                project_where(flt), Project.status.in_(["funded", "running", "closed"])
            )
        )
        kinds = dict(
            session.execute(
                select(Organisation.kind, func.count())
                .join(Participation, Participation.organisation_id == Organisation.id)
                .join(Project, Project.id == Participation.project_id)
                .where(project_where(flt))
                .group_by(Organisation.kind)
            ).all()
        )

    def count(step: ProjectStatus) -> int:
        return sum(n for s, n in statuses.items() if reached(ProjectStatus(s), step))

    assert figures.projects == sum(statuses.values())
    assert (figures.submitted, figures.evaluated, figures.labelled, figures.funded) == (
        count(ProjectStatus.SUBMITTED),
        count(ProjectStatus.EVALUATED),
        count(ProjectStatus.LABELLED),
        count(ProjectStatus.FUNDED),
    )
    assert figures.funded_rate == (Decimal(figures.funded) / figures.labelled).quantize(
        Decimal("0.001")
    )
    assert figures.granted_cents == sum(granted.values())
    funded_granted = sum(v for s, v in granted.items() if s in ("funded", "running", "closed"))
    assert figures.funded_granted_cents == funded_granted
    assert figures.average_per_funded_cents == round(funded_granted / figures.funded)
    assert figures.public_granted_cents == public
    assert figures.funded_budget_cents == budget
    assert figures.leverage == (Decimal(budget) / public).quantize(Decimal("0.01"))
    sme = kinds.get("sme", 0) + kinds.get("startup", 0)
    assert (figures.sme_partners, figures.partners) == (sme, sum(kinds.values()))
    assert figures.sme_share == (Decimal(sme) / sum(kinds.values())).quantize(Decimal("0.001"))
    overview = analytics.overview(flt)
    assert {b.key: b.value for b in overview.partners_by_kind.bars} == kinds
    assert [b.key for b in overview.partners_by_kind.bars] == [
        k.value for k in OrganisationKind if k.value in kinds
    ]


def test_partners_by_region_and_maturity_against_sql(analytics, pole_db) -> None:
    flt = ProjectFilter(statuses=("funded", "running", "closed", "labelled"))
    overview = analytics.overview(flt)
    with pole_db.read() as session:
        regions = dict(
            session.execute(
                select(Organisation.region, func.count())
                .join(Participation, Participation.organisation_id == Organisation.id)
                .join(Project, Project.id == Participation.project_id)
                .where(project_where(flt))
                .group_by(Organisation.region)
            ).all()
        )
        rows = session.execute(
            select(
                Project.rd_carbon,
                Project.rd_resources,
                Project.rd_recyclability,
                Project.rd_energy,
                Project.rd_ethics,
                Project.responsible_digital,
            ).where(project_where(flt))
        ).all()
    assert {b.key: b.value for b in overview.partners_by_region.bars} == {
        (k or NONE): n for k, n in regions.items()
    }
    levels: dict[int | None, int] = defaultdict(int)
    for *scores, _flag in rows:
        levels[maturity_level(Assessment(*scores))] += 1
    maturity = overview.maturity
    assert maturity.levels == tuple(levels.get(level, 0) for level in range(1, 6))
    assert maturity.not_assessed == levels.get(None, 0)
    assert maturity.flagged == sum(1 for row in rows if row[-1])
    carbon = [row[0] for row in rows if row[0] is not None]
    assert dict(maturity.criteria)["carbon"] == (Decimal(sum(carbon)) / len(carbon)).quantize(
        Decimal("0.01")
    )
    assert sum(maturity.levels) > 0


def test_funnel_rates_and_click_through(analytics) -> None:
    funnel = analytics.overview(ProjectFilter()).funnel
    assert [s.status for s in funnel.steps] == ["submitted", "evaluated", "labelled", "funded"]
    assert funnel.steps[0].rate is None
    assert all(
        a.projects >= b.projects for a, b in zip(funnel.steps, funnel.steps[1:], strict=False)
    )
    labelled = filter_for(ProjectFilter(), {"step": "labelled"})
    assert set(labelled.statuses) == {"labelled", "funded", "not_funded", "running", "closed"}
    assert analytics.overview(labelled).key_figures.projects == funnel.steps[2].projects
    narrowed = filter_for(ProjectFilter(statuses=("funded", "draft")), {"step": "labelled"})
    assert narrowed.statuses == ("funded",)
    assert set(reached_statuses("submitted")) == {s.value for s in ProjectStatus} - {"draft"}


def test_clicking_a_segment_selects_exactly_its_money(analytics) -> None:
    base = ProjectFilter(statuses=("funded", "running", "closed"))
    for by in ("funder", "funder_kind", "instrument", "domain", "region"):
        data = analytics.funding_over_time(base, by)
        series = next(s for s in data.series if s.key not in (OTHER, NONE))
        index = max(range(len(data.years)), key=lambda i: series.values[i])
        year = data.years[index]
        narrowed = filter_for(base, {"year": year, by: series.key})
        again = analytics.funding_over_time(narrowed, by)
        assert again.years == (year,)
        clicked = next(s for s in again.series if s.key == series.key)
        assert clicked.values == (series.values[index],), by
        if by in ("funder", "funder_kind", "instrument"):  # line criteria: only that money
            assert again.totals == (series.values[index],)


def test_results_are_cached_until_invalidated(analytics, pole_db) -> None:
    flt = ProjectFilter()
    before = analytics.funding_over_time(flt, "funder")
    assert analytics.funding_over_time(flt, "funder") is before
    with pole_db.read() as session:
        project_id = session.scalar(
            select(FundingLine.project_id).where(FundingLine.granted_cents > 0).limit(1)
        )
    record = portfolio.load_project(pole_db, project_id)
    line = next(line for line in record.funding_lines if line.granted_cents)
    line.granted_cents += 100_000_00
    line.requested_cents = max(line.requested_cents or 0, line.granted_cents)
    line.decision_on = line.decision_on or date(2020, 6, 1)
    portfolio.update_project(pole_db, record, expected_version=record.version)
    assert analytics.funding_over_time(flt, "funder") is before  # not read again yet
    analytics.invalidate()
    after = analytics.funding_over_time(flt, "funder")
    assert sum(after.totals) == sum(before.totals) + 100_000_00
    assert analytics.overview(flt).key_figures.granted_cents == sum(
        cents(v) for v in [portfolio_stats(pole_db)["funding_total"]]
    )


def test_an_empty_portfolio(db) -> None:
    analytics = Analytics(db)
    data = analytics.funding_over_time(ProjectFilter(), "domain")
    assert data.years == () and data.series == ()
    overview = analytics.overview(ProjectFilter())
    figures = overview.key_figures
    assert figures.projects == figures.granted_cents == figures.partners == 0
    assert figures.leverage is None and figures.sme_share is None
    assert figures.average_per_funded_cents is None
    assert overview.funding_by_domain.bars == () and overview.maturity.projects == 0
    assert analytics.funding_over_time(ProjectFilter(), "region").series == ()


def test_unknown_stack_is_refused(analytics) -> None:
    with pytest.raises(ValueError, match="unknown stack"):
        analytics.funding_over_time(ProjectFilter(), "colour")


def test_half_even_rounding_of_cent_percent() -> None:
    assert [round_cp(v) for v in (149, 150, 151, 250, 250_050, 99)] == [1, 2, 2, 2, 2500, 1]

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
from portfolio_desktop.services import portfolio
from portfolio_desktop.services.analytics import (
    NONE,
    OTHER,
    STACKS,
    Analytics,
    cp_to_cents,
    filter_for,
)
from portfolio_desktop.services.stats import portfolio_stats
from portfolio_desktop.storage.project_query import line_conditions, project_where
from portfolio_desktop.storage.tables import (
    Domain,
    Funder,
    FundingLine,
    FundingShare,
    LineYearAmount,
    Organisation,
    Participation,
    Project,
    ProjectRegion,
    StatusChange,
)


def cents(euros: str) -> int:
    return int(Decimal(euros) * 100)


def round_cp(value: int) -> int:
    import numpy as np

    return int(cp_to_cents(np.asarray([value], dtype=np.int64))[0])


def sql_lines_by(db, flt: ProjectFilter, column) -> dict[tuple[int, object], int]:
    """Granted cents per (year, column) over funding_line, with the filter in plain SQL: grants
    unless the filter names the instruments (« Aide accordée »). A line spread over years counts
    each year's part in that year, and what its spread leaves in the line's own year."""
    lines = line_conditions(flt)
    if not flt.instruments:
        lines.append(FundingLine.instrument == "grant")
    spread = (
        select(func.coalesce(func.sum(LineYearAmount.amount_cents), 0))
        .where(LineYearAmount.funding_line_id == FundingLine.id)
        .scalar_subquery()
    )
    where = (project_where(flt), and_(*lines) if lines else true())
    statement = (
        select(FundingLine.year, column, func.sum(FundingLine.granted_cents - spread))
        .select_from(FundingLine)
        .join(Project, Project.id == FundingLine.project_id)
        .join(Funder, Funder.id == FundingLine.funder_id)
        .where(*where, FundingLine.year.is_not(None))
        .group_by(FundingLine.year, column)
    )
    spread_statement = (
        select(LineYearAmount.year, column, func.sum(LineYearAmount.amount_cents))
        .select_from(FundingLine)
        .join(LineYearAmount, LineYearAmount.funding_line_id == FundingLine.id)
        .join(Project, Project.id == FundingLine.project_id)
        .join(Funder, Funder.id == FundingLine.funder_id)
        .where(*where)
        .group_by(LineYearAmount.year, column)
    )
    low, high = flt.funding_year_from or 0, flt.funding_year_to or 9999
    out: dict[tuple[int, object], int] = defaultdict(int)
    with db.read() as session:
        for query in (statement, spread_statement):
            for y, k, total in session.execute(query):
                if low <= y <= high:  # the year the money counts in
                    out[(y, k)] += int(total or 0)
    return dict(out)


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
                .where(FundingShare.year.is_not(None), FundingShare.instrument == "grant")
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
    assert totals["funder_kind"] == reference
    # Stacked by instrument, every instrument shows; the other stacks sum grants and say what
    # they left beside them.
    beside = analytics.funding_over_time(flt, "funder").beside
    assert {code for code, _cents in beside} == {"repayable_advance", "loan", "equity"}
    assert totals["instrument"] == reference + sum(c for _code, c in beside)
    assert analytics.funding_over_time(flt, "instrument").beside == ()
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


FUNDED_STEPS = ("funded", "running", "closed")
STEPS_AT_LEAST = {
    "submitted": {s.value for s in ProjectStatus} - {"draft"},
    "evaluated": {"evaluated", "labelled", "not_labelled", "funded", "not_funded", "running",
                  "closed"},
    "labelled": {"labelled", "funded", "not_funded", "running", "closed"},
    "funded": set(FUNDED_STEPS),
}  # fmt: skip


def reached_from_history(db, flt: ProjectFilter) -> dict[str, set[int]]:
    """The projects of the filter that reached each step: their status or any move of their
    history went there (the demo writes no undo)."""
    with db.read() as session:
        statuses = dict(
            session.execute(select(Project.id, Project.status).where(project_where(flt))).all()
        )
        moves = session.execute(select(StatusChange.project_id, StatusChange.to_status)).all()
    seen: dict[int, set[str]] = {pid: {status} for pid, status in statuses.items()}
    for pid, to_status in moves:
        if pid in seen:
            seen[pid].add(to_status)
    return {
        step: {pid for pid, went in seen.items() if went & codes}
        for step, codes in STEPS_AT_LEAST.items()
    }


def test_the_funnel_follows_the_status_history(analytics, pole_db) -> None:
    reached_ = reached_from_history(pole_db, ProjectFilter())
    funnel = analytics.overview(ProjectFilter()).funnel
    assert {s.status: s.projects for s in funnel.steps} == {k: len(v) for k, v in reached_.items()}
    # Projects abandoned after their funding count as funded: more than the statuses say.
    with pole_db.read() as session:
        by_status = session.scalar(select(func.count()).where(Project.status.in_(FUNDED_STEPS)))
        funded_then_abandoned = session.scalar(
            select(func.count()).where(
                Project.status == "abandoned", Project.funding_decided_on.is_not(None)
            )
        )
    assert funded_then_abandoned > 0
    assert funnel.steps[3].projects == by_status + funded_then_abandoned
    assert portfolio_stats(pole_db)["funnel"] == {s.status: s.projects for s in funnel.steps}


def test_key_figures_against_sql(analytics, pole_db) -> None:
    flt = ProjectFilter(regions=("PDL",))
    figures = analytics.overview(flt).key_figures
    reached_ = reached_from_history(pole_db, flt)
    funded_ids = sorted(reached_["funded"])
    with pole_db.read() as session:
        grants = dict(
            session.execute(
                select(Project.id, func.coalesce(func.sum(FundingLine.granted_cents), 0))
                .join(FundingLine, FundingLine.project_id == Project.id)
                .where(project_where(flt), FundingLine.instrument == "grant")
                .group_by(Project.id)
            ).all()
        )
        every_instrument = dict(
            session.execute(
                select(FundingLine.instrument, func.sum(FundingLine.granted_cents))
                .join(Project, Project.id == FundingLine.project_id)
                .where(project_where(flt))
                .group_by(FundingLine.instrument)
            ).all()
        )
        public = dict(
            session.execute(
                select(Project.id, func.sum(FundingLine.granted_cents))
                .join(Project, Project.id == FundingLine.project_id)
                .join(Funder, Funder.id == FundingLine.funder_id)
                .where(Project.id.in_(funded_ids), Funder.kind != "private")
                .group_by(Project.id)
            ).all()
        )
        budgets = dict(
            session.execute(
                select(Project.id, Project.total_budget_cents).where(Project.id.in_(funded_ids))
            ).all()
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

    with pole_db.read() as session:
        assert figures.projects == session.scalar(select(func.count()).where(project_where(flt)))
    assert (figures.submitted, figures.evaluated, figures.labelled, figures.funded) == tuple(
        len(reached_[step]) for step in ("submitted", "evaluated", "labelled", "funded")
    )
    assert figures.funded_rate == (Decimal(figures.funded) / figures.labelled).quantize(
        Decimal("0.001")
    )
    # « Aide accordée » is grants; the other instruments are beside it.
    assert figures.instruments == ("grant",)
    assert figures.granted_cents == sum(grants.values()) == every_instrument["grant"]
    assert dict(figures.beside) == {k: v for k, v in every_instrument.items() if k != "grant" and v}
    funded_granted = {pid: grants[pid] for pid in funded_ids if grants.get(pid)}
    assert figures.funded_granted_cents == sum(funded_granted.values())
    assert figures.average_projects == len(funded_granted)
    assert figures.average_per_funded_cents == round(
        sum(funded_granted.values()) / len(funded_granted)
    )
    both = [pid for pid in funded_ids if budgets.get(pid) and public.get(pid)]
    assert (figures.leverage_projects, figures.leverage_left_out) == (
        len(both),
        len(funded_ids) - len(both),
    )
    assert figures.public_granted_cents == sum(public[pid] for pid in both)
    assert figures.funded_budget_cents == sum(budgets[pid] for pid in both)
    assert figures.leverage == (
        Decimal(figures.funded_budget_cents) / figures.public_granted_cents
    ).quantize(Decimal("0.01"))
    sme = kinds.get("sme", 0) + kinds.get("startup", 0)
    assert (figures.sme_partners, figures.partners, figures.sme_known) == (
        sme,
        sum(kinds.values()),
        sum(kinds.values()),
    )
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


def test_funnel_rates_and_click_through(analytics, pole_db) -> None:
    funnel = analytics.overview(ProjectFilter()).funnel
    assert [s.status for s in funnel.steps] == ["submitted", "evaluated", "labelled", "funded"]
    assert funnel.steps[0].rate is None
    assert all(
        a.projects >= b.projects for a, b in zip(funnel.steps, funnel.steps[1:], strict=False)
    )
    # A step's bar opens exactly the projects it counts, funded-then-abandoned ones included.
    for index, step in enumerate(funnel.steps):
        clicked = filter_for(ProjectFilter(), {"step": step.status})
        assert clicked == ProjectFilter(reached=step.status)
        assert analytics.overview(clicked).key_figures.projects == step.projects
        with pole_db.read() as session:
            listed = session.scalar(select(func.count()).where(project_where(clicked)))
        assert listed == funnel.steps[index].projects
    narrowed = filter_for(ProjectFilter(statuses=("abandoned",)), {"step": "funded"})
    assert narrowed == ProjectFilter(statuses=("abandoned",), reached="funded")
    assert analytics.overview(narrowed).key_figures.projects > 0


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


def test_the_leverage_stays_meaningful_after_importing_the_anr_file(pole_db) -> None:
    """The ANR file brings 1,379 funded projects without budgets: they leave the leverage's terms
    (both of them) and are counted as left out, instead of sinking it from × 2.7 to × 0.25."""
    from portfolio_desktop.services.excel_import import import_workbook

    from ..conftest import corpus

    before = Analytics(pole_db).overview(ProjectFilter()).key_figures
    report = import_workbook(
        pole_db,
        corpus("fr_anr_tdelcey", "anr-dgpie-depuis-2010-projets-finances-20220512-projets.xlsx"),
    )
    assert report.ok
    after = Analytics(pole_db).overview(ProjectFilter()).key_figures
    assert before.leverage is not None and before.leverage > 2
    assert after.leverage == before.leverage
    assert after.funded == before.funded + 1379
    assert after.leverage_projects == before.leverage_projects
    assert after.leverage_left_out == before.leverage_left_out + 1379
    # The ANR's grants are « Aide accordée », and their average counts them among the projects.
    assert after.granted_cents > before.granted_cents
    assert after.average_projects == before.average_projects + 1268


def test_a_partial_assessment_has_no_maturity_level(pole_db) -> None:
    from sqlalchemy import text, update

    with pole_db.write() as session:
        pid = session.scalar(
            select(Project.id).where(Project.rd_carbon.is_(None)).order_by(Project.id).limit(1)
        )
        session.execute(update(Project).where(Project.id == pid).values(rd_carbon=4))
        session.execute(text("SELECT 1"))
    analytics = Analytics(pole_db)
    with pole_db.read() as session:
        reference = session.scalar(select(Project.reference).where(Project.id == pid))
    maturity = analytics.overview(ProjectFilter(search=reference)).maturity
    assert (maturity.levels, maturity.partial, maturity.not_assessed) == ((0, 0, 0, 0, 0), 1, 0)
    everyone = analytics.overview(ProjectFilter()).maturity
    assert sum(everyone.levels) + everyone.partial + everyone.not_assessed == everyone.projects

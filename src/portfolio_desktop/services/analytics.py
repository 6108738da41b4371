"""Key figures and aggregations of the portfolio for a `ProjectFilter`, as plain dataclasses in cents.

What the figures mean: « Aide accordée » (funding granted) is *grants* unless the filter names the
instruments; repayable advances, loans and equity are summed beside it (`beside`), never into it.
The funnel counts each project at the furthest step its status history shows (`storage.funnel`):
a project funded, then abandoned, counts as funded. Ratios are taken over the projects that have
both terms and say how many were left out. A breakdown's shares are of the total of its bars,
the « Non classé » bar (funding of projects without a domain) included.

Money sums come from the `funding_share` fact table, read once into NumPy columns (`Analytics`
keeps them until `invalidate()`): a filter change then costs one indexed query for the matching
project ids and a few vectorised sums, instead of a GROUP BY joined to `project` (200–500 ms at
national scale). Counts and key figures are SQL (`storage.dashboard_queries`). Results are cached
per filter. Amounts are integer cents; each bucket is rounded once from its cents × percent sum.

Everything here is Qt-free and thread-safe: the desktop calls it from its task runner.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from ..domain.enums import FunderKind, OrganisationKind, ProjectStatus
from ..domain.filters import GRANTED_BY_DEFAULT, ProjectFilter
from ..domain.model import Assessment
from ..domain.responsible import (
    CRITERIA,
    MATURITY_LEVELS,
    SCORE_MAX,
    SCORE_MIN,
    AssessmentState,
    assessment_state,
    maturity_level,
)
from ..domain.workflow import FUNNEL_STEPS as _STEPS
from ..domain.workflow import STEP_RANK
from ..storage import dashboard_queries as q
from ..storage.database import Database

T = TypeVar("T")
I64 = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]

#: The ways funding over time can be stacked (codes; the command line writes them with dashes).
STACKS: tuple[str, ...] = ("domain", "funder", "funder_kind", "instrument", "region")
#: The pipeline steps of the funnel, in order (`domain.workflow.FUNNEL_STEPS`).
FUNNEL_STEPS: tuple[ProjectStatus, ...] = _STEPS
#: What « Aide accordée » sums when the filter names no instrument: grants.
DEFAULT_INSTRUMENTS: tuple[str, ...] = GRANTED_BY_DEFAULT
#: Keys of the buckets that are not one funder, domain or region.
OTHER, NONE = "other", "none"
#: Funders or regions shown one by one in a stack (the rest are summed into OTHER).
TOP_STACKS = 8
#: Funders shown one by one in the funding-by-funder chart.
TOP_FUNDERS = 12
_RATE = Decimal("0.001")


@dataclass(frozen=True, slots=True)
class Series:
    """One stack of the funding-over-time chart: its key, its name, its cents per year.

    `key` is a code (domain or funder id, region, instrument or funder-kind code, OTHER, NONE);
    `name` is the domain's or funder's name (data), empty for coded keys; `colour` is the domain's
    own colour, empty when the chart picks one.
    """

    key: str
    name: str
    colour: str
    values: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True, slots=True)
class FundingOverTime:
    """Funding granted per year, stacked by one dimension.

    `instruments` are the instruments summed (grants unless the filter names others; every one
    when stacked by instrument); `beside` the other instruments' totals, left out of the stacks.
    """

    by: str
    years: tuple[int, ...]
    series: tuple[Series, ...]
    instruments: tuple[str, ...] = ()
    beside: tuple[tuple[str, int], ...] = ()

    @property
    def totals(self) -> tuple[int, ...]:
        return tuple(sum(column) for column in zip(*(s.values for s in self.series), strict=True))

    @property
    def cumulative(self) -> tuple[int, ...]:
        running, out = 0, []
        for value in self.totals:
            running += value
            out.append(running)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a breakdown: a key (code or id), a name for data rows, a colour, a value."""

    key: str
    name: str
    colour: str
    value: int


@dataclass(frozen=True, slots=True)
class Breakdown:
    """Values by domain, funder, organisation kind or region; `money` says cents, else counts.

    Shares are of `total`, every bar included (« Non classé », « Autres », « Non renseigné »).
    For money, `instruments` and `beside` say what is summed and what is left beside it, as in
    `FundingOverTime`.
    """

    dimension: str
    money: bool
    bars: tuple[Bar, ...]
    instruments: tuple[str, ...] = ()
    beside: tuple[tuple[str, int], ...] = ()

    @property
    def total(self) -> int:
        return sum(b.value for b in self.bars)


@dataclass(frozen=True, slots=True)
class FunnelStep:
    """Projects that reached a step, and the share of the previous step's projects that did."""

    status: str
    projects: int
    rate: Decimal | None


@dataclass(frozen=True, slots=True)
class Funnel:
    """The pipeline: submitted → evaluated → labelled → funded."""

    steps: tuple[FunnelStep, ...]


@dataclass(frozen=True, slots=True)
class KeyFigures:
    """The headline figures executives ask for.

    Step counts are the funnel's (furthest step reached). `granted_cents` is « Aide accordée »:
    the `instruments` summed (grants unless the filter names others); `beside` holds the other
    instruments' totals. Rates are shares in [0, 1], None when a denominator is zero. Ratios are
    over the projects (or participations) that have both terms:
    - `average_per_funded_cents`: granted ÷ funded projects with granted money
      (`average_projects` of `funded`);
    - `leverage`: total budget ÷ public funding (funders other than private ones, every
      instrument) of the funded projects that have both a budget and public funding
      (`leverage_projects`; `leverage_left_out` funded projects lack one of them);
    - `sme_share`: SME participations ÷ participations whose organisation's kind is known
      (`sme_known` of `partners`).
    """

    projects: int
    submitted: int
    evaluated: int
    labelled: int
    funded: int
    evaluated_rate: Decimal | None
    labelled_rate: Decimal | None
    funded_rate: Decimal | None
    granted_cents: int
    funded_granted_cents: int
    average_per_funded_cents: int | None
    partners: int
    sme_partners: int
    sme_share: Decimal | None
    funded_budget_cents: int
    public_granted_cents: int
    leverage: Decimal | None
    instruments: tuple[str, ...] = DEFAULT_INSTRUMENTS
    beside: tuple[tuple[str, int], ...] = ()
    average_projects: int = 0
    leverage_projects: int = 0
    leverage_left_out: int = 0
    sme_known: int = 0


@dataclass(frozen=True, slots=True)
class Maturity:
    """Responsible-digital maturity: projects per level (1–5) of the complete assessments, those
    partly assessed (no level: `domain.responsible`) and not assessed, mean score per criterion."""

    levels: tuple[int, ...]
    not_assessed: int
    criteria: tuple[tuple[str, Decimal | None], ...]
    flagged: int
    projects: int
    partial: int = 0


@dataclass(frozen=True, slots=True)
class PoleLine:
    """One pole in the national comparison."""

    name: str
    projects: int
    funded: int
    granted_cents: int
    #: « Aide accordée » per year of `PoleComparison.years` (cents).
    per_year: tuple[int, ...]
    cluster_id: int = 0


@dataclass(frozen=True, slots=True)
class PoleComparison:
    """The poles side by side, the largest « Aide accordée » first."""

    years: tuple[int, ...]
    poles: tuple[PoleLine, ...]
    instruments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything on the dashboard except funding over time (which follows the stack selector)."""

    key_figures: KeyFigures
    funnel: Funnel
    funding_by_domain: Breakdown
    funding_by_funder: Breakdown
    partners_by_kind: Breakdown
    partners_by_region: Breakdown
    maturity: Maturity


def ratio(numerator: int, denominator: int, step: Decimal = _RATE) -> Decimal | None:
    """numerator ÷ denominator rounded half-up to `step`; None when the denominator is zero."""
    if denominator == 0:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(step, rounding=ROUND_HALF_UP)


def cp_to_cents(cent_percent: I64) -> I64:
    """Sums of cents × percent to cents, rounded half-even once per bucket (as `stats` does)."""
    quotient: I64 = cent_percent // 100
    remainder: I64 = cent_percent % 100
    up = (remainder > 50) | ((remainder == 50) & (quotient % 2 == 1))
    result: I64 = (quotient + up).astype(np.int64)
    return result


def headline_instruments(flt: ProjectFilter) -> tuple[str, ...]:
    """The instruments « Aide accordée » sums under a filter: its own, else grants."""
    return flt.granted_instruments


def filter_for(flt: ProjectFilter, target: Mapping[str, object]) -> ProjectFilter:
    """The filter of the projects behind a clicked bar: the current filter narrowed to it.

    `target` holds what the bar stands for: `year` (a funding year), `domain`, `funder` (ids),
    `funder_kind`, `instrument`, `region`, `organisation_kind` (codes), `cluster` (a pole's id)
    or `step` (a funnel step:
    the projects whose furthest step is that one or beyond, as the funnel counts them).
    """
    changes: dict[str, Any] = {}
    for key, value in target.items():
        if key == "year":
            changes["funding_year_from"] = changes["funding_year_to"] = int(str(value))
        elif key == "domain":
            changes["domain_ids"] = (int(str(value)),)
        elif key == "funder":
            changes["funder_ids"] = (int(str(value)),)
        elif key == "funder_kind":
            changes["funder_kinds"] = (str(value),)
        elif key == "instrument":
            changes["instruments"] = (str(value),)
        elif key == "region":
            changes["regions"] = (str(value),)
        elif key == "organisation_kind":
            changes["organisation_kinds"] = (str(value),)
        elif key == "cluster":
            changes["cluster_ids"] = (int(str(value)),)
        elif key == "step":
            changes["reached"] = str(value)  # the funnel's own count: furthest step reached
    return flt.with_changes(**changes)


@dataclass(slots=True)
class _Regions:
    """Funding rows spread over their project's regions (equal parts, remainder to the first)."""

    row: I64
    region: npt.NDArray[np.int16]
    granted_cp: I64
    codes: list[str]


@dataclass(slots=True)
class _Snapshot:
    """The portfolio as columns: funding facts, projects (by id), and what is loaded on demand."""

    generation: int
    facts: q.FactColumns
    projects: q.ProjectColumns
    domains: list[q.DomainRow]
    funders: dict[int, q.FunderRow]
    participations: q.ParticipationColumns | None = None
    regions: _Regions | None = None
    #: Each project's cluster (index into `cluster_names`, -1 for unused ids), read on demand.
    cluster_of: I64 | None = None
    cluster_names: list[tuple[int, str]] = field(default_factory=list)
    #: Per stack dimension, which keys have dated funding anywhere (`Analytics._funded_keys`).
    funded: dict[str, npt.NDArray[np.bool_]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.projects.exists)

    @property
    def year_span(self) -> tuple[int, int]:
        """The first and last years funding lines count in (0, 0 without any)."""
        years = self.facts.year[self.facts.year != 0]
        return (int(years.min()), int(years.max())) if len(years) else (0, 0)


@dataclass(frozen=True, slots=True)
class _Selection:
    """What a filter keeps: projects (by id) and funding fact rows."""

    projects: Mask
    rows: Mask


class _Lru:
    """A small thread-safe least-recently-used cache."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> object | None:
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: Hashable, value: object) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class Analytics:
    """The dashboard's figures for one database, with its columns and results cached.

    The first request reads the columns (about a second at national scale); call `invalidate()`
    after any write (edits, imports, undo) so that the next request reads them again.
    """

    def __init__(self, db: Database, *, cache_size: int = 64) -> None:
        self.db = db
        self._snapshot: _Snapshot | None = None
        self._generation = 0
        self._load_lock = threading.RLock()
        self._results = _Lru(cache_size)
        self._selections = _Lru(8)

    # -- cache ---------------------------------------------------------------------------------

    def invalidate(self) -> None:
        """Forgets everything read so far (the data changed). Never waits for a read under way
        (the GUI thread calls it): a read that started before is simply not kept."""
        self._generation += 1
        self._snapshot = None
        self._results.clear()
        self._selections.clear()

    @property
    def loaded(self) -> bool:
        """True once the columns are in memory (the next figures come without reading them)."""
        return self._snapshot is not None

    def _cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        generation = self._generation
        found = self._results.get((generation, key))
        if found is not None:
            return found  # type: ignore[return-value]
        value = compute()
        if generation == self._generation:
            self._results.put((generation, key), value)
        return value

    def snapshot(self) -> _Snapshot:
        """The columns, read on first use in one consistent unit of work."""
        with self._load_lock:
            snap = self._snapshot
            if snap is None:
                generation = self._generation
                with self.db.read() as session:
                    snap = _Snapshot(
                        generation=generation,
                        facts=q.load_facts(session),
                        projects=q.load_projects(session),
                        domains=q.domains(session),
                        funders={f.id: f for f in q.funders(session)},
                    )
                if generation == self._generation:
                    self._snapshot = snap
            return snap

    def _participations(self, snap: _Snapshot) -> q.ParticipationColumns:
        with self._load_lock:
            if snap.participations is None:
                with self.db.read() as session:
                    snap.participations = q.load_participations(session)
            return snap.participations

    def _regions(self, snap: _Snapshot) -> _Regions:
        with self._load_lock:
            if snap.regions is None:
                with self.db.read() as session:
                    ids, codes = q.project_regions(session)
                snap.regions = _spread_over_regions(snap, ids, codes)
            return snap.regions

    def _select(self, snap: _Snapshot, flt: ProjectFilter) -> _Selection:
        key = (snap.generation, flt)
        found = self._selections.get(key)
        if isinstance(found, _Selection):
            return found
        selection = self._compute_selection(snap, flt)
        self._selections.put(key, selection)
        return selection

    def _compute_selection(self, snap: _Snapshot, flt: ProjectFilter) -> _Selection:
        """The filter's projects (project criteria in SQL) and fact rows (line criteria here).

        The line criteria mirror `storage.project_query.line_conditions` (a test holds them to
        it); a project with line criteria counts only when one of its lines matches, as there.
        """
        facts = snap.facts
        projects = snap.projects.exists.copy()
        if q.has_project_criteria(flt):
            with self.db.read() as session:
                ids = q.matching_project_ids(session, flt)
            chosen = np.zeros(snap.size, dtype=np.bool_)
            chosen[ids[ids < snap.size]] = True
            projects &= chosen
        rows: Mask = projects[facts.project_id]
        lines = False
        if flt.funder_ids:
            rows &= np.isin(facts.funder_id, np.asarray(flt.funder_ids, dtype=np.int32))
            lines = True
        if flt.funder_kinds:
            kinds = set(flt.funder_kinds)
            chosen_funders = [f.id for f in snap.funders.values() if f.kind in kinds]
            rows &= np.isin(facts.funder_id, np.asarray(chosen_funders, dtype=np.int32))
            lines = True
        if flt.instruments:
            codes = [q.INSTRUMENTS.index(i) for i in flt.instruments if i in q.INSTRUMENTS]
            rows &= np.isin(facts.instrument, np.asarray(codes, dtype=np.int8))
            lines = True
        if flt.funding_year_from is not None:
            rows &= (facts.year != 0) & (facts.year >= flt.funding_year_from)
            lines = True
        if flt.funding_year_to is not None:
            rows &= (facts.year != 0) & (facts.year <= flt.funding_year_to)
            lines = True
        if lines:
            with_line = np.zeros(snap.size, dtype=np.bool_)
            with_line[facts.project_id[rows]] = True
            projects &= with_line
        return _Selection(projects, rows)

    # -- money ---------------------------------------------------------------------------------

    def funding_over_time(
        self, flt: ProjectFilter, by: str = "domain", *, top: int = TOP_STACKS
    ) -> FundingOverTime:
        """« Aide accordée » per year (lines without a year left out), stacked by `by`: grants
        unless the filter names the instruments; stacked by instrument, every instrument.

        The years run from the portfolio's first to its last (narrowed by the filter's funding
        years), zeros included, whatever the filter: the axis does not move between filters.
        """
        if by not in STACKS:
            raise ValueError(f"unknown stack: {by}")
        return self._cached(("over_time", flt, by, top), lambda: self._over_time(flt, by, top))

    def _over_time(self, flt: ProjectFilter, by: str, top: int) -> FundingOverTime:
        snap = self.snapshot()
        facts = snap.facts
        all_rows = self._select(snap, flt).rows
        beside: tuple[tuple[str, int], ...]
        if by == "instrument":  # every instrument, side by side: nothing is left beside
            rows, summed, beside = all_rows, tuple(q.INSTRUMENTS), ()
        else:
            rows, summed, beside = self._headline(snap, all_rows, flt)
        keys, names, colours, codes_of = self._stack_codes(snap, by)
        if by == "region":
            regions = self._regions(snap)
            keep = rows[regions.row] & (facts.year[regions.row] != 0)
            codes = regions.region[keep].astype(np.int64)
            years = facts.year[regions.row[keep]].astype(np.int64)
            amounts = regions.granted_cp[keep]
        else:
            keep = rows & (facts.year != 0)
            codes = codes_of[keep]
            years = facts.year[keep].astype(np.int64)
            amounts = facts.granted_cp[keep]
        # The years axis spans the whole portfolio (within the filter's funding years): it stays
        # put from one filter to the next, so that charts compare at a glance.
        first, last = snap.year_span
        if flt.funding_year_from is not None:
            first = max(first, flt.funding_year_from)
        if flt.funding_year_to is not None:
            last = min(last, flt.funding_year_to)
        if len(years):
            first, last = min(first, int(years.min())), max(last, int(years.max()))
        if not first or last < first:
            return FundingOverTime(by, (), (), summed, beside)
        width = len(keys)
        flat = np.zeros((last - first + 1) * width, dtype=np.int64)
        np.add.at(flat, (years - first) * width + codes, amounts)
        grid = flat.reshape(last - first + 1, width)
        if by in ("funder", "region"):
            order = [k for k in range(width) if grid[:, k].any()]
            order.sort(key=lambda k: (keys[k] == NONE, -int(grid[:, k].sum()), names[k]))
            if len(order) > top + 1:
                other = grid[:, order[top:]].sum(axis=1)
                grid = np.column_stack([grid, other])
                keys, names, colours = [*keys, OTHER], [*names, ""], [*colours, ""]
                order = [*order[:top], width]
        else:
            # Every domain (funder kind, instrument) the portfolio funds, even at zero under this
            # filter: the legend, the colours and the stacking order stay put between filters.
            funded = self._funded_keys(snap, by, codes_of, width)
            order = [k for k in range(width) if funded[k] or grid[:, k].any()]
            order.sort(key=lambda k: keys[k] == NONE)  # stable: declared order, unclassified last
        cents = cp_to_cents(grid)
        series = tuple(
            Series(keys[k], names[k], colours[k], tuple(int(v) for v in cents[:, k])) for k in order
        )
        return FundingOverTime(by, tuple(range(first, last + 1)), series, summed, beside)

    def _funded_keys(
        self, snap: _Snapshot, by: str, codes: I64, width: int
    ) -> npt.NDArray[np.bool_]:
        """Which keys of a dimension have funding with a year anywhere in the portfolio."""
        found = snap.funded.get(by)
        if found is None:
            dated = snap.facts.year != 0
            sums = np.bincount(
                codes[dated], weights=snap.facts.granted_cp[dated] > 0, minlength=width
            )
            found = snap.funded[by] = sums > 0
        return found

    def _stack_codes(self, snap: _Snapshot, by: str) -> tuple[list[str], list[str], list[str], I64]:
        """For a dimension: its keys, names, colours, and each fact row's index into them."""
        facts = snap.facts
        if by == "domain":
            keys = [str(d.id) for d in snap.domains] + [NONE]
            names = [d.name for d in snap.domains] + [""]
            colours = [d.colour for d in snap.domains] + [""]
            index = {d.id: i for i, d in enumerate(snap.domains)}
            return keys, names, colours, _lookup(index, len(snap.domains), facts.domain_id)
        if by == "funder":
            funders = sorted(snap.funders.values(), key=lambda f: f.name)
            keys = [str(f.id) for f in funders] + [NONE]
            names = [f.name for f in funders] + [""]
            index = {f.id: i for i, f in enumerate(funders)}
            return keys, names, [""] * len(keys), _lookup(index, len(funders), facts.funder_id)
        if by == "funder_kind":
            kinds = [k.value for k in FunderKind]
            rank = {k: i for i, k in enumerate(kinds)}
            index = {f.id: rank.get(f.kind, len(kinds)) for f in snap.funders.values()}
            blank = [""] * (len(kinds) + 1)
            return [*kinds, NONE], blank, blank, _lookup(index, len(kinds), facts.funder_id)
        if by == "instrument":
            blank = [""] * (len(q.INSTRUMENTS) + 1)
            return [*q.INSTRUMENTS, NONE], blank, blank, facts.instrument.astype(np.int64)
        regions = self._regions(snap)  # region: the codes come with the spread rows
        blank = [""] * (len(regions.codes) + 1)
        return [*regions.codes, NONE], blank, blank, np.zeros(0, dtype=np.int64)

    def _sums(
        self, snap: _Snapshot, rows: Mask, by: str
    ) -> tuple[list[str], list[str], list[str], I64]:
        keys, names, colours, codes = self._stack_codes(snap, by)
        sums = np.zeros(len(keys), dtype=np.int64)
        np.add.at(sums, codes[rows], snap.facts.granted_cp[rows])
        return keys, names, colours, sums

    def funding_by_domain(self, flt: ProjectFilter) -> Breakdown:
        """« Aide accordée » by domain (each project's split apportions it), largest first, the
        funding of projects without a domain in a last « Non classé » bar."""
        return self._cached(("by_domain", flt), lambda: self._by_domain(flt))

    def _by_domain(self, flt: ProjectFilter) -> Breakdown:
        snap = self.snapshot()
        rows, summed, beside = self._headline(snap, self._select(snap, flt).rows, flt)
        keys, names, colours, sums = self._sums(snap, rows, "domain")
        cents = cp_to_cents(sums)
        bars = [
            Bar(keys[k], names[k], colours[k], int(cents[k])) for k in range(len(keys)) if cents[k]
        ]
        bars.sort(key=lambda b: (b.key == NONE, -b.value))
        return Breakdown("domain", True, tuple(bars), summed, beside)

    def funding_by_funder(self, flt: ProjectFilter, *, top: int = TOP_FUNDERS) -> Breakdown:
        """« Aide accordée » by funder, largest first; beyond `top` funders, one OTHER bar."""
        return self._cached(("by_funder", flt, top), lambda: self._by_funder(flt, top))

    def _by_funder(self, flt: ProjectFilter, top: int) -> Breakdown:
        snap = self.snapshot()
        rows, summed, beside = self._headline(snap, self._select(snap, flt).rows, flt)
        keys, names, _colours, sums = self._sums(snap, rows, "funder")
        order = sorted((k for k in range(len(keys)) if sums[k]), key=lambda k: -int(sums[k]))
        if len(order) > top + 1:
            kept = [*order[:top], len(keys)]
            sums = np.append(sums, sums[order[top:]].sum())
            keys, names = [*keys, OTHER], [*names, ""]
            order = kept
        cents = cp_to_cents(sums)
        bars = tuple(Bar(keys[k], names[k], "", int(cents[k])) for k in order)
        return Breakdown("funder", True, bars, summed, beside)

    # -- figures -------------------------------------------------------------------------------

    def overview(self, flt: ProjectFilter) -> Overview:
        """Key figures, funnel, breakdowns and maturity for the filter."""
        return self._cached(("overview", flt), lambda: self._overview(flt))

    def _overview(self, flt: ProjectFilter) -> Overview:
        snap = self.snapshot()
        selection = self._select(snap, flt)
        projects = snap.projects
        chosen = selection.projects
        furthest = np.bincount(projects.furthest[chosen], minlength=len(FUNNEL_STEPS) + 1)
        steps = funnel_of(furthest)
        funded_projects = chosen & (projects.furthest >= len(FUNNEL_STEPS))
        facts = snap.facts
        rows = selection.rows
        headline, summed, beside = self._headline(snap, rows, flt)
        funded_rows = headline & funded_projects[facts.project_id]
        private = {f.id for f in snap.funders.values() if f.kind == FunderKind.PRIVATE.value}
        public_rows = (
            rows
            & funded_projects[facts.project_id]
            & ~np.isin(facts.funder_id, np.asarray(sorted(private), dtype=np.int32))
        )
        granted_by_project = _per_project(snap, funded_rows)
        public_by_project = _per_project(snap, public_rows)
        with_grant = funded_projects & (granted_by_project > 0)
        both = funded_projects & (projects.budget_cents > 0) & (public_by_project > 0)
        partners = self._participations(snap)
        in_scope = partners.project_id < snap.size
        taking_part = np.zeros(len(partners.project_id), dtype=np.bool_)
        taking_part[in_scope] = chosen[partners.project_id[in_scope]]
        kinds = _counts(partners.kind[taking_part], q.ORGANISATION_KINDS)
        regions = _counts(partners.region[taking_part], q.REGIONS)
        figures = key_figures(
            steps,
            granted_cents=_cents(facts.granted_cp[headline]),
            funded_granted_cents=_cents(facts.granted_cp[funded_rows]),
            public_granted_cents=_cents(facts.granted_cp[public_rows & both[facts.project_id]]),
            funded_budget_cents=int(projects.budget_cents[both].sum()),
            kinds=kinds,
            projects=int(chosen.sum()),
            average_projects=int(with_grant.sum()),
            leverage_projects=int(both.sum()),
            leverage_left_out=int(funded_projects.sum() - both.sum()),
            instruments=summed,
            beside=beside,
        )
        return Overview(
            key_figures=figures,
            funnel=steps,
            funding_by_domain=self.funding_by_domain(flt),
            funding_by_funder=self.funding_by_funder(flt),
            partners_by_kind=_count_breakdown(
                "organisation_kind", kinds, list(q.ORGANISATION_KINDS)
            ),
            partners_by_region=_count_breakdown("region", regions, None),
            maturity=maturity_of(projects.scores[:, chosen], projects.flagged[chosen]),
        )

    def _headline(
        self, snap: _Snapshot, rows: Mask, flt: ProjectFilter
    ) -> tuple[Mask, tuple[str, ...], tuple[tuple[str, int], ...]]:
        """The fact rows « Aide accordée » sums, the instruments they are, and the others' totals."""
        summed = headline_instruments(flt)
        return rows & self._instrument_mask(snap, summed), summed, self._beside(snap, rows, flt)

    @staticmethod
    def _instrument_mask(snap: _Snapshot, instruments: tuple[str, ...]) -> Mask:
        codes = [q.INSTRUMENTS.index(i) for i in instruments if i in q.INSTRUMENTS]
        mask: Mask = np.isin(snap.facts.instrument, np.asarray(codes, dtype=np.int8))
        return mask

    def _beside(
        self, snap: _Snapshot, rows: Mask, flt: ProjectFilter
    ) -> tuple[tuple[str, int], ...]:
        """The instruments left out of « Aide accordée », with their totals (zeros left out)."""
        summed = headline_instruments(flt)
        beside = []
        for code in q.INSTRUMENTS:
            if code in summed:
                continue
            cents = _cents(snap.facts.granted_cp[rows & self._instrument_mask(snap, (code,))])
            if cents:
                beside.append((code, cents))
        return tuple(beside)

    # -- the national view ---------------------------------------------------------------------

    def poles(self, flt: ProjectFilter) -> PoleComparison:
        """Each pole's projects, funded projects and « Aide accordée » (in total and per year)
        for the filter, the largest first: the national view's comparison."""
        return self._cached(("poles", flt), lambda: self._poles(flt))

    def _clusters(self, snap: _Snapshot) -> I64:
        with self._load_lock:
            if snap.cluster_of is None:
                with self.db.read() as session:
                    ids, which, names = q.project_clusters(session)
                cluster_of = np.full(snap.size, -1, dtype=np.int64)
                inside = ids < snap.size
                cluster_of[ids[inside]] = which[inside]
                snap.cluster_names = names
                snap.cluster_of = cluster_of
            return snap.cluster_of

    def _poles(self, flt: ProjectFilter) -> PoleComparison:
        snap = self.snapshot()
        selection = self._select(snap, flt)
        rows, summed, _beside = self._headline(snap, selection.rows, flt)
        cluster_of = self._clusters(snap)
        count = len(snap.cluster_names)
        first, last = snap.year_span
        years = tuple(range(first, last + 1)) if first else ()
        chosen = selection.projects & (cluster_of >= 0)
        projects = np.bincount(cluster_of[chosen], minlength=count)
        funded_mask = chosen & (snap.projects.furthest >= STEP_RANK[ProjectStatus.FUNDED])
        funded = np.bincount(cluster_of[funded_mask], minlength=count)
        fact_pole = cluster_of[snap.facts.project_id[rows]]
        amounts = snap.facts.granted_cp[rows]
        kept = fact_pole >= 0
        granted = np.zeros(count, dtype=np.int64)
        np.add.at(granted, fact_pole[kept], amounts[kept])
        per_year = np.zeros((count, max(len(years), 1)), dtype=np.int64)
        if years:
            fact_years = snap.facts.year[rows]
            dated = kept & (fact_years != 0)
            np.add.at(per_year, (fact_pole[dated], fact_years[dated] - first), amounts[dated])
        lines = [
            PoleLine(
                snap.cluster_names[i][1],
                int(projects[i]),
                int(funded[i]),
                _cents(granted[i : i + 1]),
                tuple(int(v) for v in cp_to_cents(per_year[i]))[: len(years)],
                snap.cluster_names[i][0],
            )
            for i in range(count)
            if projects[i] or granted[i]
        ]
        lines.sort(key=lambda line: (-line.granted_cents, -line.projects, line.name))
        return PoleComparison(years, tuple(lines), summed)

    def key_figures(self, flt: ProjectFilter) -> KeyFigures:
        return self.overview(flt).key_figures

    def funnel(self, flt: ProjectFilter) -> Funnel:
        return self.overview(flt).funnel

    def largest_projects(self, flt: ProjectFilter, limit: int = 15) -> list[q.ProjectAmount]:
        """The funded projects (furthest step reached) with the most « Aide accordée » (within
        the filter's lines; grants unless the filter names the instruments)."""
        narrowed = flt.with_changes(
            reached=ProjectStatus.FUNDED.value, instruments=headline_instruments(flt)
        )
        with self.db.read() as session:
            return q.largest_projects(session, narrowed, limit)

    def cluster_names(self) -> list[str]:
        """The names of the database's clusters (poles), sorted."""
        with self.db.read() as session:
            return q.cluster_names(session)

    def names(self, flt: ProjectFilter) -> dict[str, dict[int, str]]:
        """Names of the rows the filter refers to by id (to describe it in words)."""
        with self.db.read() as session:
            return {
                "domain": q.names_of(session, "domain", flt.domain_ids),
                "funder": q.names_of(session, "funder", flt.funder_ids),
                "cluster": q.names_of(session, "cluster", flt.cluster_ids),
                "call": q.names_of(session, "call", flt.call_ids),
                "organisation": q.names_of(session, "organisation", flt.organisation_ids),
            }


def _cents(cent_percent: I64) -> int:
    return int(cp_to_cents(np.asarray([cent_percent.sum()], dtype=np.int64))[0])


def _counts(codes: npt.NDArray[np.int8], names: tuple[str, ...]) -> dict[str | None, int]:
    """Occurrences of each code index; the index past the end counts as None (missing)."""
    found = np.bincount(codes.astype(np.int64), minlength=len(names) + 1)
    counts: dict[str | None, int] = {name: int(found[i]) for i, name in enumerate(names)}
    counts[None] = int(found[len(names) :].sum())
    return counts


def _lookup(index: Mapping[int, int], missing: int, ids: npt.NDArray[np.int32]) -> I64:
    """Each of `ids` mapped to its index in `index`; `missing` for 0 (none) and unknown ids."""
    size = max(max(index, default=0), int(ids.max(initial=0))) + 1
    table = np.full(size, missing, dtype=np.int64)
    for key, value in index.items():
        table[key] = value
    result: I64 = table[ids]
    return result


def _spread_over_regions(snap: _Snapshot, ids: I64, codes: list[str]) -> _Regions:
    """Each fact row once per region of its project, its amount split equally (exact sum).

    `ids` and `codes` are the project_region rows ordered by project; a project without a region
    keeps one row, with the index past the last region (NONE).
    """
    names = sorted(set(codes))
    index = {code: i for i, code in enumerate(names)}
    facts = snap.facts
    inside = ids < snap.size
    ids, region_of = ids[inside], np.asarray([index[c] for c in codes], dtype=np.int16)[inside]
    count = np.bincount(ids, minlength=snap.size)
    start = np.searchsorted(ids, np.arange(snap.size), side="left")
    per_row = count[facts.project_id]
    repeat = np.maximum(per_row, 1)
    row = np.repeat(np.arange(len(facts.project_id), dtype=np.int64), repeat)
    offset = np.arange(len(row), dtype=np.int64) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    parts = per_row[row]
    region = np.full(len(row), len(names), dtype=np.int16)
    has = parts > 0
    region[has] = region_of[start[facts.project_id[row[has]]] + offset[has]]
    amount = facts.granted_cp[row]
    divisor = np.maximum(parts, 1)
    share: I64 = (amount // divisor + (offset < amount % divisor)).astype(np.int64)
    return _Regions(row, region, share, names)


def funnel_of(per_rank: npt.NDArray[np.int64]) -> Funnel:
    """The funnel from the number of projects at each furthest rank (0 = not submitted … 4)."""
    steps: list[FunnelStep] = []
    previous: int | None = None
    for rank, step in enumerate(FUNNEL_STEPS, start=1):
        n = int(per_rank[rank:].sum())
        steps.append(
            FunnelStep(step.value, n, ratio(n, previous) if previous is not None else None)
        )
        previous = n
    return Funnel(tuple(steps))


def _per_project(snap: _Snapshot, rows: Mask) -> I64:
    """Cent-percent sums of the fact rows per project, indexed by project id."""
    sums = np.zeros(snap.size, dtype=np.int64)
    np.add.at(sums, snap.facts.project_id[rows], snap.facts.granted_cp[rows])
    return sums


def _average(cents: int, count: int) -> int | None:
    if not count:
        return None
    return int((Decimal(cents) / count).to_integral_value(rounding=ROUND_HALF_UP))


_SME_KINDS = frozenset(k.value for k in OrganisationKind if k.is_sme)


def key_figures(
    steps: Funnel,
    *,
    granted_cents: int,
    funded_granted_cents: int,
    public_granted_cents: int,
    funded_budget_cents: int,
    kinds: Mapping[str | None, int],
    projects: int,
    average_projects: int,
    leverage_projects: int,
    leverage_left_out: int,
    instruments: tuple[str, ...] = DEFAULT_INSTRUMENTS,
    beside: tuple[tuple[str, int], ...] = (),
) -> KeyFigures:
    """The headline figures from the funnel, the funding sums and the partners' kinds.

    `funded_granted_cents` is granted to the `average_projects` funded projects that have some;
    `funded_budget_cents` and `public_granted_cents` are those of the `leverage_projects` funded
    projects that have both (see `KeyFigures`).
    """
    submitted, evaluated, labelled, funded = (s.projects for s in steps.steps)
    partners = sum(kinds.values())
    known = partners - kinds.get(None, 0)
    sme = sum(n for kind, n in kinds.items() if kind in _SME_KINDS)
    return KeyFigures(
        projects=projects,
        submitted=submitted,
        evaluated=evaluated,
        labelled=labelled,
        funded=funded,
        evaluated_rate=steps.steps[1].rate,
        labelled_rate=steps.steps[2].rate,
        funded_rate=steps.steps[3].rate,
        granted_cents=granted_cents,
        funded_granted_cents=funded_granted_cents,
        average_per_funded_cents=_average(funded_granted_cents, average_projects),
        partners=partners,
        sme_partners=sme,
        sme_share=ratio(sme, known),
        funded_budget_cents=funded_budget_cents,
        public_granted_cents=public_granted_cents,
        leverage=ratio(funded_budget_cents, public_granted_cents, Decimal("0.01")),
        instruments=instruments,
        beside=beside,
        average_projects=average_projects,
        leverage_projects=leverage_projects,
        leverage_left_out=leverage_left_out,
        sme_known=known,
    )


def _count_breakdown(
    dimension: str, counts: Mapping[str | None, int], order: list[str] | None
) -> Breakdown:
    bars = [Bar(key or NONE, "", "", n) for key, n in counts.items() if n]
    if order is not None:
        rank = {code: i for i, code in enumerate(order)}
        bars.sort(key=lambda b: (rank.get(b.key, len(rank)), b.key))
    else:
        bars.sort(key=lambda b: (b.key == NONE, -b.value, b.key))
    return Breakdown(dimension, False, tuple(bars))


#: The maturity table's value for a partial assessment (0 = not assessed, 1–5 = the levels).
_PARTIAL = len(MATURITY_LEVELS) + 1


def _maturity_table() -> npt.NDArray[np.int8]:
    """The maturity level of every combination of five scores (-1 = none): 0 not assessed, 1–5
    the level of a complete assessment, `_PARTIAL` for one begun but not finished.

    Computed once with `domain.responsible`, the one definition of the level.
    """
    span = SCORE_MAX - SCORE_MIN + 2  # the scores and "not scored"
    table = np.zeros(span ** len(CRITERIA), dtype=np.int8)
    for code in range(len(table)):
        digits, rest = [], code
        for _ in CRITERIA:
            rest, digit = divmod(rest, span)
            digits.append(None if digit == 0 else digit - 1 + SCORE_MIN)
        assessment = Assessment(*digits)
        if assessment_state(assessment) is AssessmentState.PARTIAL:
            table[code] = _PARTIAL
        else:
            table[code] = maturity_level(assessment) or 0
    return table


_MATURITY: list[npt.NDArray[np.int8]] = []


def maturity_of(scores: npt.NDArray[np.int8], flagged: Mask) -> Maturity:
    """Projects per maturity level (complete assessments), partly assessed, not assessed, and the
    mean score per criterion (over the projects that scored it), from the score columns."""
    if not _MATURITY:
        _MATURITY.append(_maturity_table())
    span = SCORE_MAX - SCORE_MIN + 2
    valid = (scores >= SCORE_MIN) & (scores <= SCORE_MAX)
    digits = np.where(valid, scores.astype(np.int64) - SCORE_MIN + 1, 0)
    code = np.zeros(scores.shape[1], dtype=np.int64)
    for i in reversed(range(len(CRITERIA))):
        code = code * span + digits[i]
    level = _MATURITY[0][code]
    per_level = np.bincount(level.astype(np.int64), minlength=_PARTIAL + 1)
    criteria = tuple(
        (
            name,
            ratio(
                int(scores[i][valid[i]].astype(np.int64).sum()),
                int(valid[i].sum()),
                Decimal("0.01"),
            ),
        )
        for i, name in enumerate(CRITERIA)
    )
    return Maturity(
        levels=tuple(int(n) for n in per_level[1:_PARTIAL]),
        not_assessed=int(per_level[0]),
        criteria=criteria,
        flagged=int(flagged.sum()),
        projects=int(scores.shape[1]),
        partial=int(per_level[_PARTIAL]),
    )

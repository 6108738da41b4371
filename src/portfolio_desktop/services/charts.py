"""The charts: one builder per chart, each returning a `matplotlib.figure.Figure` (never pyplot).

Builders take the dataclasses of `services.analytics` and a language, and draw with the French or
English ways of writing amounts (`1,3 Md€`, `250 M€` / `€1.3bn`). Colours are colour-blind safe
(Okabe–Ito, then Paul Tol's), and every domain keeps its own colour (`domain.colour`).

Given an existing figure (the dashboard's), a builder draws into it; the funding-over-time builder
then updates its artists in place when it can, which keeps a filter change under a frame budget.
Each builder records its `Hit`s: the regions the user can point at, with the exact value to show
and what a click selects (see `hit_at` and `analytics.filter_for`).

Matplotlib is imported inside the functions: importing this module costs nothing at start-up.
"""

from __future__ import annotations

import itertools
import textwrap
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import messages
from ..domain.enums import OrganisationKind
from ..domain.filters import ProjectFilter
from ..domain.money import NBSP, NNBSP, format_compact, format_money
from ..domain.responsible import MATURITY_LEVELS
from ..errors import KnownError
from .analytics import (
    NONE,
    OTHER,
    Analytics,
    Breakdown,
    FundingOverTime,
    Funnel,
    KeyFigures,
    Maturity,
    PoleComparison,
)
from .filter_words import region_name

#: Margins of an axes in inches: left, bottom, right, top.
Box = tuple[float, float, float, float]

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

#: Okabe & Ito's colour-blind-safe palette (black left out), then Paul Tol's muted colours.
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#882255",
    "#44AA99",
    "#332288",
    "#999933",
    "#AA4499",
)
OTHER_COLOUR, NONE_COLOUR = "#8C8C8C", "#C8C8C8"
FUNDER_KIND_COLOURS = {
    "state": "#0072B2",
    "state_agency": "#56B4E9",
    "region": "#009E73",
    "local_authority": "#E69F00",
    "eu": "#CC79A7",
    "private": "#D55E00",
}
INSTRUMENT_COLOURS = {
    "grant": "#0072B2",
    "repayable_advance": "#E69F00",
    "loan": "#009E73",
    "equity": "#CC79A7",
}
#: Sequential blues for the funnel and greens for maturity (one hue: safe for colour blindness).
FUNNEL_COLOURS = ("#9ECAE1", "#4292C6", "#2171B5", "#08306B")
MATURITY_COLOURS = ("#C7E9C0", "#A1D99B", "#74C476", "#31A354", "#006D2C")
PARTIAL_COLOUR = "#E6E6C8"  # an assessment begun: no level yet
INK, GRID = "#333333", "#E5E5E5"
FONT = 9  # points: readable on a 13-inch laptop at the dashboard's size
SIZE = (10.0, 5.6)  # inches, for exports and the report
EXPORT_FORMATS = (".png", ".svg", ".pdf")


# -- words and numbers --------------------------------------------------------------------------


def _t(code: str, lang: str, **params: object) -> str:
    return messages.text(code, params, lang)


def format_count(n: int, lang: str) -> str:
    """`12 500` (narrow no-break spaces) in French, `12,500` in English."""
    text = f"{n:,}"
    return text.replace(",", NNBSP) if lang == "fr" else text


def format_share(share: Decimal | None, lang: str, decimals: int = 1) -> str:
    """A share in [0, 1] as a percentage: `47,4 %` / `47.4%`; a dash when undefined."""
    if share is None:
        return "—"
    text = f"{share * 100:.{decimals}f}"
    return text.replace(".", ",") + NBSP + "%" if lang == "fr" else text + "%"


def format_decimal(value: Decimal | None, lang: str, decimals: int = 2) -> str:
    if value is None:
        return "—"
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if lang == "fr" else text


def format_date(day: date, lang: str) -> str:
    """`26 novembre 2026`, `1er décembre 2026` (French writes the first of the month as an
    ordinal) / `26 November 2026`."""
    month = _t(f"month_{day.month}", lang)
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{number} {month} {day.year}"


def key_label(dimension: str, key: str, name: str, lang: str) -> str:
    """The words for a bar or a stack: a data name, a label of a closed list, or OTHER/NONE."""
    if key == OTHER:
        return _t("chart_other", lang)
    if key == NONE:
        code = {"domain": "chart_unclassified", "region": "chart_no_region"}.get(dimension)
        return _t(code or "chart_not_given", lang)
    if name:
        return name
    kind = {
        "funder_kind": "FunderKind",
        "instrument": "Instrument",
        "organisation_kind": "OrganisationKind",
        "status": "ProjectStatus",
    }.get(dimension)
    if kind:
        return messages.label(kind, key, lang)
    if dimension == "region":
        return region_name(key)
    return key


def key_colour(dimension: str, key: str, own: str, rank: int) -> str:
    """A domain's own colour, a fixed colour per funder kind or instrument, else by rank."""
    if key == OTHER:
        return OTHER_COLOUR
    if key == NONE:
        return NONE_COLOUR
    if own.startswith("#") and len(own) == 7:
        return own
    fixed = {"funder_kind": FUNDER_KIND_COLOURS, "instrument": INSTRUMENT_COLOURS}.get(dimension)
    if fixed and key in fixed:
        return fixed[key]
    return PALETTE[rank % len(PALETTE)]


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _wrap(text: str, width: int, lines: int = 2) -> str:
    return "\n".join(textwrap.wrap(text, width, max_lines=lines, placeholder="…")) or text


# -- hits: what the user points at ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hit:
    """A rectangle of a chart (data coordinates of `axes`), its exact value in words, and what a
    click on it selects (`analytics.filter_for`; empty when a click selects nothing)."""

    axes: Axes
    bounds: tuple[float, float, float, float]
    #: The words, or a function giving them (written when pointed at, not for every bar drawn).
    words: str | Callable[[], str]
    target: Mapping[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.words if isinstance(self.words, str) else self.words()


_HITS: weakref.WeakKeyDictionary[Figure, list[Hit]] = weakref.WeakKeyDictionary()
_STATE: weakref.WeakKeyDictionary[Figure, _OverTimeState] = weakref.WeakKeyDictionary()
_LEGEND_SERIALS = itertools.count(1)


def hits(figure: Figure) -> list[Hit]:
    """The regions of the figure the user can point at (topmost last)."""
    return _HITS.get(figure, [])


def hit_at(figure: Figure, x: float, y: float) -> Hit | None:
    """The hit under the display point (x, y) (pixels from the bottom left, as mouse events give)."""
    inverse: dict[int, Any] = {}
    for hit in reversed(hits(figure)):
        key = id(hit.axes)
        if key not in inverse:
            inverse[key] = hit.axes.transData.inverted()
        dx, dy = inverse[key].transform((x, y))
        x0, y0, x1, y1 = hit.bounds
        if x0 <= dx <= x1 and y0 <= dy <= y1:
            return hit
    return None


def centre_of(hit: Hit) -> tuple[float, float]:
    """The display point at the centre of a hit (for tests and keyboard navigation)."""
    x0, y0, x1, y1 = hit.bounds
    px, py = hit.axes.transData.transform(((x0 + x1) / 2, (y0 + y1) / 2))
    return float(px), float(py)


# -- figures -------------------------------------------------------------------------------------


def new_figure(size: tuple[float, float] = SIZE, dpi: float = 100) -> Figure:
    """A figure with an Agg canvas (headless drawing, PNG/SVG/PDF output)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(figure)
    return figure


def _prepare(figure: Figure | None, size: tuple[float, float] = SIZE) -> Figure:
    if figure is None:
        figure = new_figure(size)
    else:
        figure.clear()
    figure.set_facecolor("white")
    _HITS[figure] = []
    _STATE.pop(figure, None)
    _LAYOUT.pop(figure, None)
    _FIT.pop(figure, None)
    _NOTES.pop(figure, None)
    return figure


def draw_title(figure: Figure, text: str) -> None:
    figure.suptitle(
        text, x=0.01, y=0.985, ha="left", va="top", fontsize=FONT + 3, color=INK, fontweight="bold"
    )


def note_of(figure: Figure) -> Any:
    """The note's text artist (`draw_note`), None when the chart has none."""
    return next((item for item in figure.texts if item.get_gid() == "note"), None)


def draw_note(figure: Figure, text: str) -> None:
    """A line under the title saying what the chart sums and what its shares are of; a chart
    redrawn in place updates it. Kept 0.3 inch below the top edge whatever the figure's size,
    and wrapped to the figure's width (`relayout` wraps it again after a resize)."""
    _NOTES[figure] = text
    item = note_of(figure)
    if item is not None:
        item.set_text(_note_lines(figure, text))
        return
    from matplotlib.transforms import ScaledTranslation

    figure.text(
        0.01,
        1.0,
        _note_lines(figure, text),
        gid="note",
        ha="left",
        va="top",
        fontsize=FONT - 1.5,
        color="#555555",
        linespacing=1.1,
        transform=figure.transFigure + ScaledTranslation(0, -0.3, figure.dpi_scale_trans),
    )


#: A note's whole text, before it is wrapped to its figure's width.
_NOTES: weakref.WeakKeyDictionary[Figure, str] = weakref.WeakKeyDictionary()
#: Average advance of a character of the chart font, in ems (DejaVu Sans; a little generous).
_EM_PER_CHARACTER = 0.58


def characters_per_line(width_inches: float, fontsize: float) -> int:
    """How many characters of the chart font fit in that width."""
    return max(12, int(width_inches * 72 / (fontsize * _EM_PER_CHARACTER)))


def _note_lines(figure: Figure, text: str) -> str:
    width = characters_per_line(figure.get_figwidth() - 0.2, FONT - 1.5)
    return "\n".join(textwrap.wrap(text, width, max_lines=2, placeholder=" …")) or text


def _fit_note(figure: Figure) -> None:
    item, text = note_of(figure), _NOTES.get(figure)
    if item is not None and text is not None:
        item.set_text(_note_lines(figure, text))


def money_note(
    instruments: Sequence[str],
    beside: Sequence[tuple[str, int]],
    lang: str,
    *,
    every_instrument: bool = False,
) -> str:
    """What a money chart sums (« Aide accordée »: grants unless the filter names others) and the
    other instruments' totals, left beside it."""
    parts = []
    if not every_instrument:
        names = ", ".join(messages.label("Instruments", code, lang) for code in instruments)
        parts.append(_t("chart_note_instruments", lang, instruments=names))
    if beside:
        items = ", ".join(
            f"{messages.label('Instruments', code, lang)} {format_compact(cents, lang)}"
            for code, cents in beside
        )
        parts.append(_t("chart_note_beside", lang, items=items))
    return " · ".join(parts)


def shares_note(including: Sequence[str], lang: str) -> str:
    """The bars' shares are of the total of every bar: says so, naming the bars that stand for
    no single domain, funder or kind (« Non classé », « Autres »…) when there are."""
    if not including:
        return _t("chart_note_shares", lang, including="")
    quote = "« {} »" if lang == "fr" else "'{}'"
    names = ", ".join(quote.format(name) for name in including)
    return _t("chart_note_shares", lang, including=_t("chart_note_including", lang, names=names))


_LAYOUT: weakref.WeakKeyDictionary[Figure, Callable[[], None]] = weakref.WeakKeyDictionary()
#: Inches kept free at the bottom of a figure for what its owner writes there (the report's page
#: footer): axes and legends stay above them. Kept when a chart is rebuilt on the figure.
_KEEP_FREE: weakref.WeakKeyDictionary[Figure, float] = weakref.WeakKeyDictionary()


def keep_free_at_bottom(figure: Figure, inches: float) -> None:
    """Charts built on `figure` from now on leave `inches` free along its bottom edge."""
    _KEEP_FREE[figure] = inches


def _free_bottom(figure: Figure) -> float:
    """The part of the figure's height kept free at the bottom (0–1, figure coordinates)."""
    return _KEEP_FREE.get(figure, 0.0) / figure.get_figheight()


def _place(
    figure: Figure, placements: Sequence[tuple[Axes, Callable[[float, float], Box]]]
) -> None:
    """Positions axes from margins in inches (so that they hold when the canvas is resized).

    Each placement gives the axes and a function of the figure's (width, height) in inches
    returning (left, bottom, right, top) margins in inches.
    """

    def apply() -> None:
        width, height = figure.get_figwidth(), figure.get_figheight()
        free = _KEEP_FREE.get(figure, 0.0)
        for ax, margins in placements:
            left, bottom, right, top = margins(width, height - free)
            x0, y0 = left / width, (bottom + free) / height
            x1, y1 = max(x0 + 0.05, 1 - right / width), max(y0 + 0.05, 1 - top / height)
            ax.set_position((x0, y0, x1 - x0, y1 - y0))

    _LAYOUT[figure] = apply
    apply()


#: What a chart re-arranges for its figure's size before its margins apply (a legend's columns).
_FIT: weakref.WeakKeyDictionary[Figure, Callable[[], None]] = weakref.WeakKeyDictionary()


def relayout(figure: Figure) -> None:
    """Re-applies the chart's margins after the figure was resized (the dashboard's canvases):
    the note is wrapped again and a legend takes the columns the width allows."""
    _fit_note(figure)
    fit = _FIT.get(figure)
    if fit is not None:
        fit()
    apply = _LAYOUT.get(figure)
    if apply is not None:
        apply()


def _style(ax: Axes, *, grid_axis: str = "y") -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#999999")
    ax.tick_params(labelsize=FONT, colors=INK, length=3)
    ax.grid(axis=grid_axis, color=GRID, linewidth=0.8)  # type: ignore[arg-type]
    ax.set_axisbelow(True)


def _money_formatter(lang: str) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: format_compact(round(value), lang))


def _count_formatter(lang: str) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: format_count(round(value), lang))


def _empty(figure: Figure, lang: str) -> Figure:
    figure.text(
        0.5,
        0.5,
        _t("chart_empty", lang),
        ha="center",
        va="center",
        fontsize=FONT + 2,
        color="#777777",
    )
    return figure


# -- funding over time ---------------------------------------------------------------------------


@dataclass(slots=True)
class _OverTimeState:
    """What the funding-over-time builder keeps to update the figure in place."""

    by: str
    lang: str
    ax: Axes
    cumulative_ax: Axes
    line: Line2D
    collections: list[PolyCollection]
    legend_keys: tuple[str, ...]
    legend: Any
    legend_rows: int
    empty_text: Any = None
    #: True when the last update changed only the axes' contents (not the title or the legend).
    axes_only: bool = False
    #: A number no other legend had (`id()` of a removed legend is reused): names the picture of
    #: the title and legend that a canvas keeps as its background.
    legend_serial: int = 0
    years_count: int = 0
    handles: list[Any] = field(default_factory=list)
    legend_columns: int = 0


@dataclass(frozen=True, slots=True)
class PartialUpdate:
    """What the last update of a figure changed, when the rest (title, legend, years axis) was
    left as it was: a canvas redraws just `artists`, in this order, over a saved picture of the
    rest, which stays valid while `background` (a key) and the canvas size stay the same."""

    artists: tuple[Any, ...]
    background: tuple[object, ...]


def partial_update(figure: Figure) -> PartialUpdate | None:
    """The artists to redraw after the last in-place update; None when all must be drawn."""
    state = _STATE.get(figure)
    if state is None or not state.axes_only:
        return None
    # In the order a full draw paints them (z-order): the result is the same picture.
    artists = (
        state.ax.xaxis,
        state.ax.yaxis,
        *state.collections,
        *state.ax.spines.values(),
        state.empty_text,
        state.cumulative_ax.yaxis,
        *state.cumulative_ax.spines.values(),
        state.line,
        *[a for a in (note_of(figure),) if a is not None],  # figure texts come after the axes
    )
    return PartialUpdate(artists, (state.legend_serial,))


def funding_over_time(data: FundingOverTime, lang: str, figure: Figure | None = None) -> Figure:
    """Stacked bars of funding granted per year, with the cumulative total as a line.

    Given the figure it drew before (same stack dimension and language), it replaces the bars and
    moves the line and the axes' limits without building the axes again.
    """
    state = _STATE.get(figure) if figure is not None else None
    reusable = state is not None and state.by == data.by and state.lang == lang
    note = money_note(data.instruments, data.beside, lang, every_instrument=data.by == "instrument")
    if figure is not None and state is not None and reusable and data.series:
        state.axes_only = _draw_over_time(figure, state, data, lang)
        draw_note(figure, note)  # redrawn with the axes (`partial_update`)
        return figure
    figure = _prepare(figure)
    draw_title(figure, _t("chart_funding_over_time", lang, by=_t(f"stack_{data.by}", lang)))
    if not data.series:
        return _empty(figure, lang)
    draw_note(figure, note)
    ax = figure.add_axes((0.1, 0.3, 0.8, 0.6))
    _style(ax)
    ax.set_ylabel(_t("axis_granted", lang), fontsize=FONT, color=INK)
    ax.yaxis.set_major_formatter(_money_formatter(lang))
    cumulative_ax = ax.twinx()
    cumulative_ax.spines["top"].set_visible(False)
    cumulative_ax.tick_params(labelsize=FONT, colors="#555555", length=3)
    cumulative_ax.yaxis.set_major_formatter(_money_formatter(lang))
    cumulative_ax.set_ylabel(_t("axis_cumulative", lang), fontsize=FONT, color="#555555")
    (line,) = cumulative_ax.plot(
        [], [], color=INK, linewidth=1.6, marker="o", markersize=3, zorder=5
    )
    empty_text = ax.text(
        0.5,
        0.55,
        _t("chart_empty", lang),
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=FONT + 2,
        color="#777777",
        visible=False,
    )
    state = _OverTimeState(data.by, lang, ax, cumulative_ax, line, [], (), None, 1, empty_text)
    _STATE[figure] = state
    _draw_over_time(figure, state, data, lang)
    return figure


def _draw_over_time(
    figure: Figure, state: _OverTimeState, data: FundingOverTime, lang: str
) -> bool:
    """Draws the data into the state's axes; True when only the axes' contents changed (the
    title, the legend and the layout are as they were)."""
    import numpy as np
    from matplotlib.collections import PolyCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import FixedLocator, MaxNLocator, MultipleLocator

    ax, years = state.ax, np.asarray(data.years, dtype=float)
    keys = tuple(s.key for s in data.series)
    # The same stacks as before: move their bars (set_verts) rather than building new artists.
    reuse = keys == state.legend_keys and len(state.collections) == len(keys)
    if not reuse:
        for collection in state.collections:
            collection.remove()
        state.collections = []
    hit_list: list[Hit] = []
    totals = data.totals
    bottom = np.zeros(len(years))
    colours = []
    for rank, series in enumerate(data.series):
        colour = key_colour(data.by, series.key, series.colour, rank)
        colours.append(colour)
        values = np.asarray(series.values, dtype=float)
        top = bottom + values
        left, right = years - 0.4, years + 0.4
        verts = np.stack(
            [
                np.column_stack([left, bottom]),
                np.column_stack([left, top]),
                np.column_stack([right, top]),
                np.column_stack([right, bottom]),
            ],
            axis=1,
        )
        if reuse:
            state.collections[rank].set_verts(list(verts))
        else:
            collection = PolyCollection(
                list(verts), facecolors=colour, edgecolors="white", linewidths=0.5
            )
            ax.add_collection(collection)
            state.collections.append(collection)
        label = key_label(data.by, series.key, series.name, lang)
        target_key = None if series.key in (OTHER, NONE) else series.key
        for i, year in enumerate(data.years):
            if series.values[i] <= 0:
                continue
            text = partial(_segment_tip, lang, label, year, series.values[i], totals[i])
            target: dict[str, object] = {"year": year}
            if target_key is not None:
                target[data.by] = target_key
            hit_list.append(Hit(ax, (year - 0.4, bottom[i], year + 0.4, top[i]), text, target))
        bottom = top
    highest = float(max(totals))
    state.empty_text.set_visible(not highest)
    ax.set_xlim(years[0] - 0.7, years[-1] + 0.7)
    ax.set_ylim(0, (highest or 1.0) * 1.08)
    ax.yaxis.set_major_locator(MaxNLocator(6) if highest else FixedLocator([0]))
    state.years_count = len(years)
    ax.xaxis.set_major_locator(MultipleLocator(_year_step(figure, len(years))))
    ax.xaxis.set_major_formatter(_year_formatter())
    cumulative = np.asarray(data.cumulative, dtype=float)
    state.line.set_data(years, cumulative)
    state.cumulative_ax.set_ylim(0, (float(cumulative[-1]) or 1.0) * 1.08)
    state.cumulative_ax.yaxis.set_major_locator(MaxNLocator(6) if highest else FixedLocator([0]))
    span = (float(cumulative[-1]) or 1.0) * 0.03
    for i, year in enumerate(data.years):
        words = partial(_cumulative_tip, lang, year, data.cumulative[i])
        bounds = (year - 0.2, cumulative[i] - span, year + 0.2, cumulative[i] + span)
        hit_list.append(Hit(state.cumulative_ax, bounds, words))
    if keys != state.legend_keys:
        state.handles = [
            Patch(
                facecolor=colours[i], label=_legend_label(key_label(data.by, s.key, s.name, lang))
            )
            for i, s in enumerate(data.series)
        ]
        state.handles.append(
            Line2D([], [], color=INK, marker="o", markersize=3, label=_t("axis_cumulative", lang))
        )
        state.legend_keys = keys
        state.legend_columns = 0
        _fit_legend(figure, state)
        _FIT[figure] = partial(_fit_legend, figure, state)
        _HITS[figure] = hit_list
        return False
    _HITS[figure] = hit_list
    return True


def _segment_tip(lang: str, label: str, year: int, amount: int, total: int) -> str:
    return _t(
        "tip_segment",
        lang,
        label=label,
        year=year,
        amount=format_money(amount, lang),
        total=format_money(total, lang),
    )


def _cumulative_tip(lang: str, year: int, amount: int) -> str:
    return _t("tip_cumulative", lang, year=year, amount=format_money(amount, lang))


def _over_time_margins(legend_lines: int) -> Callable[[float, float], Box]:
    def margins(_width: float, _height: float) -> Box:
        return (0.9, 0.5 + 0.08 + legend_lines * 0.165, 0.95, 0.62)

    return margins


LEGEND_LABEL = 30  # characters a line of a legend entry


def _legend_label(text: str) -> str:
    """A legend entry's whole name, on two or three lines rather than cut with « … »."""
    return "\n".join(textwrap.wrap(text, LEGEND_LABEL)) or text


def _year_step(figure: Figure, years: int) -> int:
    """One year in 1, 2, 5 or 10 labelled, as the axes' width allows (« 2006 » takes about half
    an inch with the space around it)."""
    room = max(figure.get_figwidth() - 1.85, 0.5) / 0.5
    return next((step for step in (1, 2, 5, 10) if years / step <= room), 20)


def _fit_legend(figure: Figure, state: _OverTimeState) -> None:
    """The legend in as many columns as the figure's width holds (their widths measured on the
    labels' longest lines), and the axes' bottom margin as tall as its rows; years labelled as
    often as the width allows."""
    from matplotlib.ticker import MultipleLocator

    state.ax.xaxis.set_major_locator(MultipleLocator(_year_step(figure, state.years_count)))
    handles = state.handles
    size = FONT - 0.5
    widths = [
        max(len(line) for line in str(h.get_label()).split("\n")) * size * _EM_PER_CHARACTER / 72
        + 0.55  # the swatch, its gap and the space between columns
        for h in handles
    ]
    available = figure.get_figwidth() - 0.3
    columns = len(handles)
    while columns > 1:
        # Matplotlib fills a legend column by column: entry i goes to column i // rows.
        rows = -(-len(handles) // columns)
        needed = sum(max(widths[c * rows : (c + 1) * rows], default=0.0) for c in range(columns))
        if needed <= available and (columns <= 4 or len(handles) <= columns):
            break
        columns -= 1
    if columns == state.legend_columns and state.legend is not None:
        return
    if state.legend is not None:
        state.legend.remove()
    state.legend_columns = columns
    rows = -(-len(handles) // columns)
    lines = sum(
        max(str(h.get_label()).count("\n") + 1 for h in handles[r::rows]) for r in range(rows)
    )
    state.legend = figure.legend(
        handles=handles,
        loc="lower center",
        ncols=columns,
        frameon=False,
        fontsize=size,
        bbox_to_anchor=(0.5, _free_bottom(figure)),
    )
    state.legend_serial = next(_LEGEND_SERIALS)
    state.legend_rows = lines
    margins = _over_time_margins(lines)
    _place(figure, [(state.ax, margins), (state.cumulative_ax, margins)])


def _year_formatter() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: f"{round(value)}")


# -- the pipeline --------------------------------------------------------------------------------


def pipeline(data: Funnel, lang: str, figure: Figure | None = None) -> Figure:
    """The funnel submitted → evaluated → labelled → funded, with the conversion rates."""
    figure = _prepare(figure, (8.0, 4.8))
    draw_title(figure, _t("chart_pipeline", lang))
    steps = data.steps
    highest = max((s.projects for s in steps), default=0)
    if not highest:
        return _empty(figure, lang)
    ax = figure.add_axes((0.2, 0.1, 0.6, 0.8))
    _place(figure, [(ax, lambda _w, _h: (1.3, 0.15, 0.8, 0.5))])
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xticks([])
    ax.tick_params(axis="y", length=0, labelsize=FONT + 0.5, colors=INK)
    hit_list: list[Hit] = []
    count = len(steps)
    labels = []
    for i, step in enumerate(steps):
        y = count - 1 - i
        left = (highest - step.projects) / 2
        colour = FUNNEL_COLOURS[i % len(FUNNEL_COLOURS)]
        ax.barh(y, step.projects, left=left, height=0.72, color=colour)
        ink = "white" if i else INK
        ax.text(
            highest / 2,
            y,
            format_count(step.projects, lang),
            ha="center",
            va="center",
            fontsize=FONT + 2,
            fontweight="bold",
            color=ink,
        )
        if step.rate is not None:
            ax.text(
                highest * 1.02,
                y + 0.5,
                "↓ " + format_share(step.rate, lang),
                ha="left",
                va="center",
                fontsize=FONT,
                color="#555555",
            )
        name = messages.label("ProjectStatus", step.status, lang)
        labels.append(name)
        count_text = format_count(step.projects, lang)
        if step.rate is None:
            text = _t("tip_first_step", lang, step=name, count=count_text)
        else:
            text = _t(
                "tip_step", lang, step=name, count=count_text, rate=format_share(step.rate, lang)
            )
        bounds = (left, y - 0.36, left + max(step.projects, highest * 0.02), y + 0.36)
        hit_list.append(Hit(ax, bounds, text, {"step": step.status}))
    ax.set_yticks(range(count - 1, -1, -1), labels)
    ax.set_xlim(0, highest * 1.12)
    ax.set_ylim(-0.6, count - 0.4)
    _HITS[figure] = hit_list
    return figure


# -- breakdowns ----------------------------------------------------------------------------------


def _breakdown(
    data: Breakdown,
    lang: str,
    figure: Figure | None,
    title: str,
    target_key: str | None,
    size: tuple[float, float] = (8.0, 4.8),
) -> Figure:
    """Horizontal bars, largest (or first) on top, with the value written at each bar's end."""
    figure = _prepare(figure, size)
    draw_title(figure, title)
    bars = data.bars
    if not bars or not data.total:
        return _empty(figure, lang)
    including = [
        key_label(data.dimension, b.key, b.name, lang) for b in bars if b.key in (OTHER, NONE)
    ]
    notes = [shares_note(including, lang)]
    if data.money and data.instruments:
        notes.insert(0, money_note(data.instruments, data.beside, lang))
    note = " · ".join(notes)
    draw_note(figure, note[:1].upper() + note[1:])
    names = [key_label(data.dimension, b.key, b.name, lang) for b in bars]
    ax = figure.add_axes((0.3, 0.1, 0.6, 0.8))
    count = len(bars)

    def fit_labels() -> None:
        # Names wrapped to what the figure's width leaves them (at most 45 % of it), on up to
        # two lines, and the left margin as wide as their longest line.
        room = figure.get_figwidth() * 0.45 - 0.2
        width = min(34, characters_per_line(room, FONT))
        # Two lines a name only where a bar's slot is tall enough for them.
        slot = max(figure.get_figheight() - 1.02 - _KEEP_FREE.get(figure, 0.0), 0.5) / count
        lines = 2 if slot >= 2 * FONT * 1.3 / 72 else 1
        labels = [_wrap(name, width, lines) for name in names]
        longest = max(len(line) for label in labels for line in label.split("\n"))
        ax.set_yticks(range(count - 1, -1, -1), labels, fontsize=FONT)
        label_width = 0.2 + longest * FONT * _EM_PER_CHARACTER / 72
        _place(figure, [(ax, lambda _w, _h: (label_width, 0.4, 0.25, 0.62))])

    fit_labels()
    _FIT[figure] = fit_labels
    _style(ax, grid_axis="x")
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.set_major_formatter(_money_formatter(lang) if data.money else _count_formatter(lang))
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(5))
    highest = max(b.value for b in bars)
    hit_list: list[Hit] = []
    for i, bar in enumerate(bars):
        y = count - 1 - i
        colour = _bar_colour(data.dimension, bar.key, bar.colour)
        ax.barh(y, bar.value, height=0.68, color=colour)
        share = format_share(Decimal(bar.value) / Decimal(data.total), lang)
        value = format_compact(bar.value, lang) if data.money else format_count(bar.value, lang)
        ax.text(
            bar.value + highest * 0.01,
            y,
            f"{value}  ({share})",
            va="center",
            ha="left",
            fontsize=FONT - 0.5,
            color=INK,
        )
        exact = format_money(bar.value, lang) if data.money else format_count(bar.value, lang)
        label = key_label(data.dimension, bar.key, bar.name, lang)
        text = _t("tip_bar", lang, label=label, value=exact, share=share)
        target: dict[str, object] = {}
        if target_key is not None and bar.key not in (OTHER, NONE):
            target = {target_key: bar.key}
        bounds = (0.0, y - 0.34, max(bar.value, highest * 0.01), y + 0.34)
        hit_list.append(Hit(ax, bounds, text, target))
    # Room for the value written after the longest bar (about 1.5 inches of text).
    axes_width = max(ax.get_position().width * figure.get_figwidth(), 1.0)
    ax.set_xlim(0, highest * (1 + 1.5 / axes_width))
    ax.set_ylim(-0.6, count - 0.4)
    _HITS[figure] = hit_list
    return figure


def _bar_colour(dimension: str, key: str, own: str) -> str:
    """Domains in their own colours, organisation kinds in one colour each, others in blue."""
    if dimension == "organisation_kind" and key not in (OTHER, NONE):
        rank = [k.value for k in OrganisationKind].index(key) if key in _KINDS else 0
        return key_colour(dimension, key, "", rank)
    if dimension == "domain":
        return key_colour(dimension, key, own, 0)
    return key_colour(dimension, key, "", 0)


_KINDS = frozenset(k.value for k in OrganisationKind)


def funding_by_domain(data: Breakdown, lang: str, figure: Figure | None = None) -> Figure:
    """Funding granted by technology domain, each in its own colour."""
    return _breakdown(data, lang, figure, _t("chart_funding_by_domain", lang), "domain")


def funding_by_funder(data: Breakdown, lang: str, figure: Figure | None = None) -> Figure:
    """Funding granted by funder, the largest first."""
    return _breakdown(data, lang, figure, _t("chart_funding_by_funder", lang), "funder")


def partners_by_kind(data: Breakdown, lang: str, figure: Figure | None = None) -> Figure:
    """Participations by type of organisation (start-ups and SMEs first)."""
    return _breakdown(data, lang, figure, _t("chart_partners_by_kind", lang), "organisation_kind")


def partners_by_region(data: Breakdown, lang: str, figure: Figure | None = None) -> Figure:
    """Participations by the region of the organisation (hover only: the projects table filters
    by the project's region, not the partner's)."""
    return _breakdown(data, lang, figure, _t("chart_partners_by_region", lang), None)


# -- responsible digital -------------------------------------------------------------------------


def maturity(data: Maturity, lang: str, figure: Figure | None = None) -> Figure:
    """Projects per responsible-digital maturity level, and the mean score of each criterion."""
    figure = _prepare(figure, (10.0, 4.8))
    draw_title(figure, _t("chart_maturity", lang))
    if not data.projects:
        return _empty(figure, lang)
    hit_list: list[Hit] = []
    left = figure.add_axes((0.1, 0.2, 0.4, 0.6))
    _style(left, grid_axis="x")
    left.spines["left"].set_visible(False)
    left.tick_params(axis="y", length=0)
    names = [messages.label("Maturity", code, lang) for code in MATURITY_LEVELS]
    names += [_t("chart_partly_assessed", lang), _t("chart_not_assessed", lang)]
    values = [*data.levels, data.partial, data.not_assessed]
    colours = [*MATURITY_COLOURS[: len(data.levels)], PARTIAL_COLOUR, NONE_COLOUR]
    count_levels = len(values)
    # Horizontal bars: the level names read across, never slanted into each other on half a
    # laptop screen (« Sensibilisé », « Évaluation partielle »).
    for i, (value, colour) in enumerate(zip(values, colours, strict=True)):
        left.barh(count_levels - 1 - i, value, height=0.66, color=colour)
    left.set_yticks(range(count_levels - 1, -1, -1), names, fontsize=FONT - 0.5)
    left.xaxis.set_visible(False)  # each bar says its count
    left.spines["bottom"].set_visible(False)
    left.set_title(_t("chart_maturity_levels", lang), fontsize=FONT + 1, color=INK, loc="left")
    highest = max(values) or 1
    left.set_xlim(0, highest * 1.3)
    left.set_ylim(-0.6, count_levels - 0.4)
    for i, value in enumerate(values):
        y = count_levels - 1 - i
        left.text(
            value + highest * 0.02,
            y,
            format_count(value, lang),
            va="center",
            fontsize=FONT - 0.5,
            color=INK,
        )
        share = format_share(Decimal(value) / Decimal(data.projects), lang)
        text = _t("tip_bar", lang, label=names[i], value=format_count(value, lang), share=share)
        hit_list.append(Hit(left, (0.0, y - 0.33, max(value, highest * 0.02), y + 0.33), text))
    right = figure.add_axes((0.6, 0.2, 0.3, 0.6))
    label_room = 1.4  # inches for the longest level and criterion names

    # Side by side: the two parts share what the names leave of the width.
    def levels_box(w: float, _h: float) -> Box:
        bars = max(w - 2 * label_room - 0.5, 0.6) / 2
        return (label_room, 0.35, w - label_room - bars, 0.75)

    def criteria_box(w: float, _h: float) -> Box:
        bars = max(w - 2 * label_room - 0.5, 0.6) / 2
        return (w - 0.3 - bars, 0.55, 0.3, 0.75)

    _place(figure, [(left, levels_box), (right, criteria_box)])
    _style(right, grid_axis="x")
    right.spines["left"].set_visible(False)
    right.tick_params(axis="y", length=0)
    criteria = [(messages.label("Criterion", code, lang), mean) for code, mean in data.criteria]
    count = len(criteria)
    for i, (label, mean) in enumerate(criteria):
        y = count - 1 - i
        score = float(mean) if mean is not None else 0.0
        right.barh(y, score, height=0.62, color=MATURITY_COLOURS[3])
        right.text(
            score + 0.05,
            y,
            format_decimal(mean, lang, 1),
            va="center",
            fontsize=FONT - 0.5,
            color=INK,
        )
        text = _t("tip_score", lang, label=label, score=format_decimal(mean, lang))
        hit_list.append(Hit(right, (0.0, y - 0.31, max(score, 0.08), y + 0.31), text))
    right.set_yticks(
        range(count - 1, -1, -1), [_wrap(c[0], 24) for c in criteria], fontsize=FONT - 0.5
    )
    right.set_xlim(0, 4.4)
    right.set_xticks([0, 1, 2, 3, 4])
    right.set_title(_t("chart_maturity_criteria", lang), fontsize=FONT + 1, color=INK, loc="left")
    _HITS[figure] = hit_list
    return figure


# -- key figures (a page of the report, an export) ----------------------------------------------


def key_figure_tiles(data: KeyFigures, lang: str) -> list[tuple[str, str, str]]:
    """(label, value, detail) for each key figure, in the order executives read them.

    « Aide accordée » is what the filter's instruments sum (grants by default), its detail names
    them and gives the other instruments beside it; each ratio's detail says over how many
    projects it is taken and how many were left out for lacking one of its terms.
    """

    def rate(value: Decimal | None) -> str:
        return _t("kf_rate", lang, rate=format_share(value, lang)) if value is not None else ""

    average = data.average_per_funded_cents
    summed = ", ".join(messages.label("Instruments", code, lang) for code in data.instruments)
    exact = format_money(data.granted_cents, lang, decimals=False)
    granted_detail = _t("kf_granted_detail", lang, exact=exact, instruments=summed)
    if data.beside:
        items = ", ".join(
            f"{messages.label('Instruments', code, lang)} {format_compact(cents, lang)}"
            for code, cents in data.beside
        )
        granted_detail = _t("kf_granted_beside", lang, granted=granted_detail, items=items)
    average_detail = _t("kf_average_detail", lang, count=format_count(data.average_projects, lang))
    if data.funded > data.average_projects:
        left = format_count(data.funded - data.average_projects, lang)
        average_detail += " " + _t("kf_average_left_out", lang, count=left)
    sme_detail = _t(
        "kf_sme_detail",
        lang,
        sme=format_count(data.sme_partners, lang),
        partners=format_count(data.sme_known, lang),
    )
    if data.partners > data.sme_known:
        left = format_count(data.partners - data.sme_known, lang)
        sme_detail += " " + _t("kf_sme_left_out", lang, count=left)
    leverage_detail = _t(
        "kf_leverage_detail", lang, count=format_count(data.leverage_projects, lang)
    )
    if data.leverage_left_out:
        left = format_count(data.leverage_left_out, lang)
        leverage_detail += " " + _t("kf_leverage_left_out", lang, count=left)
    return [
        (
            _t("kf_submitted", lang),
            format_count(data.submitted, lang),
            _t("kf_projects", lang, count=format_count(data.projects, lang)),
        ),
        (_t("kf_evaluated", lang), format_count(data.evaluated, lang), rate(data.evaluated_rate)),
        (_t("kf_labelled", lang), format_count(data.labelled, lang), rate(data.labelled_rate)),
        (_t("kf_funded", lang), format_count(data.funded, lang), rate(data.funded_rate)),
        (_t("kf_granted", lang), format_compact(data.granted_cents, lang), granted_detail),
        (
            _t("kf_average", lang),
            format_compact(average, lang) if average is not None else "—",
            average_detail,
        ),
        (_t("kf_sme_share", lang), format_share(data.sme_share, lang), sme_detail),
        (
            _t("kf_leverage", lang),
            ("×" + NBSP + format_decimal(data.leverage, lang))
            if data.leverage is not None
            else "—",
            leverage_detail,
        ),
    ]


def key_figures(data: KeyFigures, lang: str, figure: Figure | None = None) -> Figure:
    """The key figures as tiles: two rows of four."""
    figure = _prepare(figure, SIZE)
    draw_title(figure, _t("chart_key_figures", lang))
    from matplotlib.patches import FancyBboxPatch

    tiles = key_figure_tiles(data, lang)
    columns = 4
    width, height = 0.235, 0.36
    for i, (label, value, detail) in enumerate(tiles):
        col, row = i % columns, i // columns
        x = 0.015 + col * (width + 0.01)
        y = 0.50 - row * (height + 0.05)
        figure.patches.append(
            FancyBboxPatch(
                (x, y),
                width,
                height,
                boxstyle="round,pad=0,rounding_size=0.01",
                transform=figure.transFigure,
                facecolor="#F3F6FA",
                edgecolor="#D0D7E2",
                linewidth=0.8,
            )
        )
        figure.text(
            x + 0.015,
            y + height - 0.05,
            _wrap(label, 30),
            fontsize=FONT + 0.5,
            color="#555555",
            va="top",
        )
        figure.text(
            x + 0.015,
            y + 0.17,
            value,
            fontsize=FONT + 11,
            color=INK,
            va="center",
            fontweight="bold",
        )
        if detail:
            figure.text(
                x + 0.015,
                y + 0.035,
                _wrap(detail, 38, lines=3),
                fontsize=FONT - 1,
                color="#666666",
                va="bottom",
            )
    return figure


# -- the national view: the poles side by side ----------------------------------------------------


def poles_height(count: int) -> float:
    """Inches the comparison needs for `count` poles (a line each, readable at 57)."""
    return 1.15 + 0.26 * max(count, 1)


def poles_comparison(data: PoleComparison, lang: str, figure: Figure | None = None) -> Figure:
    """The poles sorted by « Aide accordée »: a line each with its bar, its amount, its funded
    and total projects, and a small multiple of its funding per year on a scale shared by all
    (57 colours in one stack could not be told apart)."""
    figure = _prepare(figure, (10.0, poles_height(len(data.poles))))
    draw_title(figure, _t("chart_poles", lang))
    title: Any = getattr(figure, "_suptitle", None)
    if title is not None:  # as far from the top as on a chart of the usual height
        title.set_y(1 - 0.085 / figure.get_figheight())
    if not data.poles:
        return _empty(figure, lang)
    draw_note(figure, money_note(data.instruments, (), lang))
    ax = figure.add_axes((0.25, 0.05, 0.7, 0.85))
    count = len(data.poles)
    names = [pole.name for pole in data.poles]

    def fit() -> None:
        width = min(40, characters_per_line(figure.get_figwidth() * 0.3 - 0.2, FONT - 0.5))
        labels = [_wrap(name, width, 1) for name in names]
        ax.set_yticks(range(count - 1, -1, -1), labels, fontsize=FONT - 0.5)
        longest = max(len(label) for label in labels)
        label_width = 0.25 + longest * (FONT - 0.5) * _EM_PER_CHARACTER / 72
        _place(figure, [(ax, lambda _w, _h: (label_width, 0.2, 0.2, 0.85))])

    fit()
    _FIT[figure] = fit
    ax.spines[["left", "right", "top", "bottom"]].set_visible(False)
    ax.tick_params(axis="y", length=0, colors=INK)
    ax.xaxis.set_visible(False)
    highest = max(pole.granted_cents for pole in data.poles) or 1
    yearly = max((v for pole in data.poles for v in pole.per_year), default=0) or 1
    # x: the bar in [0, 1], its words in [1.03, 1.75], the years in [1.8, 2.45]
    spark_left, spark_width = 1.8, 0.65
    hit_list: list[Hit] = []
    import numpy as np

    years = np.asarray(data.years, dtype=float)
    span = (years[-1] - years[0]) if len(years) > 1 else 1.0
    for i, pole in enumerate(data.poles):
        y = count - 1 - i
        if i % 2 == 0:
            ax.axhspan(y - 0.5, y + 0.5, color="#F3F6FA", zorder=0, linewidth=0)
        share = pole.granted_cents / highest
        ax.barh(y, share, height=0.62, color=PALETTE[0], zorder=2)
        words = _t(
            "chart_pole_line",
            lang,
            amount=format_compact(pole.granted_cents, lang),
            funded=format_count(pole.funded, lang),
            projects=format_count(pole.projects, lang),
        )
        ax.text(1.03, y, words, va="center", ha="left", fontsize=FONT - 1.5, color=INK)
        if len(years):
            values = np.asarray(pole.per_year, dtype=float) / yearly
            xs = spark_left + (years - years[0]) / span * spark_width
            ax.fill_between(
                xs, y - 0.38, y - 0.38 + values * 0.76, color=PALETTE[1], linewidth=0, zorder=2
            )
        tip = _t(
            "tip_pole",
            lang,
            name=pole.name,
            amount=format_money(pole.granted_cents, lang),
            funded=format_count(pole.funded, lang),
            projects=format_count(pole.projects, lang),
        )
        hit_list.append(Hit(ax, (0.0, y - 0.45, 2.45, y + 0.45), tip, {"cluster": pole.cluster_id}))
    ax.set_xlim(0, 2.5)
    ax.set_ylim(-0.6, count - 0.4)
    if len(years):
        ax.text(spark_left, count - 0.35, f"{data.years[0]}–{data.years[-1]}", fontsize=FONT - 1.5,
                color="#555555", va="bottom")  # fmt: skip
    _HITS[figure] = hit_list
    return figure


# -- the catalogue of charts ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChartKind:
    """A chart the command line, the report and the dashboard know by name."""

    name: str
    build: Callable[[Any, str, Figure | None], Figure]
    fetch: Callable[[Analytics, ProjectFilter, str], Any]


CHARTS: dict[str, ChartKind] = {
    kind.name: kind
    for kind in (
        ChartKind(
            "funding-over-time", funding_over_time, lambda a, f, by: a.funding_over_time(f, by)
        ),
        ChartKind("pipeline", pipeline, lambda a, f, _by: a.overview(f).funnel),
        ChartKind("funding-by-domain", funding_by_domain, lambda a, f, _by: a.funding_by_domain(f)),
        ChartKind("funding-by-funder", funding_by_funder, lambda a, f, _by: a.funding_by_funder(f)),
        ChartKind(
            "partners-by-kind", partners_by_kind, lambda a, f, _by: a.overview(f).partners_by_kind
        ),
        ChartKind(
            "partners-by-region",
            partners_by_region,
            lambda a, f, _by: a.overview(f).partners_by_region,
        ),
        ChartKind("maturity", maturity, lambda a, f, _by: a.overview(f).maturity),
        ChartKind("key-figures", key_figures, lambda a, f, _by: a.overview(f).key_figures),
        ChartKind("poles", poles_comparison, lambda a, f, _by: a.poles(f)),
    )
}


def warm_up() -> None:
    """Loads what drawing a chart needs (matplotlib's modules, its font list, glyph caches) and
    draws one small figure: the desktop does it in its chart thread before the first chart."""
    import matplotlib.collections
    import matplotlib.lines
    import matplotlib.patches
    import matplotlib.ticker  # noqa: F401

    figure = new_figure((2.0, 1.0))
    figure.text(0.5, 0.5, "0123456789 € M€ Md€", fontsize=FONT, fontweight="bold")
    figure.text(0.5, 0.2, "Aide accordée", fontsize=FONT)
    figure.canvas.draw()


def render(
    analytics: Analytics,
    name: str,
    flt: ProjectFilter,
    lang: str,
    *,
    by: str = "domain",
    figure: Figure | None = None,
) -> Figure:
    """The chart `name` for the filter, drawn into `figure` (a new one when None)."""
    kind = CHARTS[name]
    return kind.build(kind.fetch(analytics, flt, by), lang, figure)


def check_output(path: Path, suffixes: Sequence[str] = EXPORT_FORMATS) -> None:
    """Refuses an output path with the wrong suffix or in a folder that does not exist."""
    if path.suffix.lower() not in suffixes:
        code = "report_not_pdf" if tuple(suffixes) == (".pdf",) else "chart_bad_format"
        raise KnownError(code, path=str(path))
    if not path.parent.is_dir():
        raise KnownError("chart_folder_missing", path=str(path.parent))


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Calls `write(temporary path)` then puts it in place of `path` (`output_files.atomic_write`:
    the usual permissions, flushed to disk, never a half-written file)."""
    from .output_files import atomic_write

    if not path.parent.is_dir():
        raise KnownError("chart_folder_missing", path=str(path.parent))
    try:
        with atomic_write(path) as temporary:
            write(temporary)
    except OSError as error:
        raise KnownError(
            "chart_write_failed", path=str(path), reason=error.strerror or error
        ) from error
    return path


def save_figure(figure: Figure, path: Path, *, dpi: float = 150) -> Path:
    """Writes the figure as PNG, SVG or PDF (from the suffix), atomically."""
    check_output(path)
    fmt = path.suffix.lower().lstrip(".")
    metadata = {"Creator": "portfolio-desktop"} if fmt in ("svg", "pdf") else None
    return write_atomically(
        path, lambda temporary: figure.savefig(temporary, format=fmt, dpi=dpi, metadata=metadata)
    )


def filter_sentence(lines: Sequence[str], lang: str, as_of: date | None = None) -> str:
    """What a chart shows, in words: « Au 31 décembre 2025 · Filtre : Statuts : Financé ·
    Régions : Bretagne », or that it is the whole portfolio (a filtered funnel of four equal bars
    must not read as 100 % conversion of the portfolio)."""
    parts = [_t("report_as_of", lang, date=format_date(as_of, lang))] if as_of else []
    if lines:
        parts.append(_t("chart_filter", lang, words=" · ".join(lines)))
    else:
        parts.append(_t("chart_no_filter", lang))
    return " · ".join(parts)


FOOTER_INCHES = 0.32  # the band an exported chart keeps for its filter in words


def draw_footer(figure: Figure, text: str) -> None:
    """The filter in words along the bottom of the figure, wrapped to its width (two lines at
    most, the band `FOOTER_INCHES` keeps free)."""
    width = characters_per_line(figure.get_figwidth() - 0.2, FONT - 1.5)
    lines = textwrap.wrap(text, width, max_lines=2, placeholder=" …") or [text]
    figure.text(
        0.01,
        0.012,
        "\n".join(lines),
        gid="footer",
        ha="left",
        va="bottom",
        fontsize=FONT - 1.5 if len(lines) == 1 else FONT - 2,
        color="#555555",
        linespacing=1.05,
    )


def export_chart(
    analytics: Analytics,
    name: str,
    flt: ProjectFilter,
    path: Path,
    lang: str,
    *,
    by: str = "domain",
    size: tuple[float, float] | None = None,
    as_of: date | None = None,
) -> Path:
    """Draws the chart on a figure of its own, the filter in words along its bottom (and the day
    its figures stand at), and writes it (`portfolio-desktop chart`, the dashboard's Export)."""
    from .filter_words import describe_filter

    check_output(path)
    figure = new_figure(size or SIZE)
    keep_free_at_bottom(figure, FOOTER_INCHES)
    render(analytics, name, flt, lang, by=by, figure=figure)
    lines = describe_filter(flt, analytics.names(flt), lang)
    draw_footer(figure, filter_sentence(lines, lang, as_of))
    return save_figure(figure, path)

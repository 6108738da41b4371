"""The portfolio's headline figures, as `portfolio-desktop stats --json` prints them."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from ..domain.enums import Instrument, ProjectStatus
from ..domain.money import CENT, euros_str
from ..domain.submissions import Conversion
from ..storage import money
from ..storage.analytics import portfolio_totals
from ..storage.database import Database
from ..storage.submissions import conversion


def _cent_percent_to_euros(value: int) -> str:
    # value is Σ cents × percent: divide by 100 for cents and by 100 again for euros, round once.
    return str((Decimal(value) / 10_000).quantize(CENT, rounding=ROUND_HALF_EVEN))


def portfolio_stats(db: Database) -> dict[str, Any]:
    """The stats object; amounts are granted euros as decimal strings with two decimals.

    `funding_total` and the `funding_by_*` sums are « Aide accordée »: grants. Every instrument's
    granted total is in `funding_by_instrument` (grants included). A funding line counts in its
    decision's year, else its project's start year, unless it is spread over years (then each
    year counts its part; lines with no year and no spread are left out of `funding_by_year`); a project's domain split apportions its funding (projects not yet
    classified are left out of `funding_by_domain`). `funnel` counts the projects whose furthest
    step (from the status history) is each funnel step or beyond. `received_by_year` sums the
    payments received on grants by the year they arrived (`received_undated` those of unknown
    date); `funding_gap` is, over funded projects, each one's budget not covered by its granted
    amounts (every instrument), summed; `funding_pending` what their undecided lines request.
    step (from the status history) is each funnel step or beyond. `conversion` counts
    submissions per funder and per call (`by_funder`, `by_call`: submitted, labelled, funded and
    the rates labelled/submitted and funded/labelled); "" gathers those with no call or funder.
    """
    grants = [Instrument.GRANT.value]
    with db.read() as session:
        totals = portfolio_totals(session, grants)
        by_year = money.granted_by_year(session, grants)
        received, undated = money.received_by_year_of(session, grants)
        uncovered, pending = money.funding_gap_totals(session)
        by_funder = conversion(session, "funder")
        by_call = conversion(session, "call")
    return {
        "projects": totals.projects,
        "projects_by_status": {
            s.value: totals.projects_by_status.get(s.value, 0) for s in ProjectStatus
        },
        "organisations": totals.organisations,
        "participations": totals.participations,
        "funding_lines": totals.funding_lines,
        "funding_total": euros_str(totals.funding_total_cents),
        "budget_total": euros_str(totals.budget_total_cents),
        "funding_by_year": {str(y): euros_str(c) for y, c in by_year.items()},
        "funding_by_domain": {
            name: _cent_percent_to_euros(v)
            for name, v in totals.funding_by_domain_cent_percent.items()
        },
        "funding_by_funder": {n: euros_str(c) for n, c in totals.funding_by_funder_cents.items()},
        "funding_by_instrument": {
            i.value: euros_str(totals.funding_by_instrument_cents.get(i.value, 0))
            for i in Instrument
        },
        "funnel": totals.funnel,
        "received_by_year": {str(y): euros_str(c) for y, c in received.items()},
        "received_undated": euros_str(undated),
        "funding_gap": euros_str(uncovered),
        "funding_pending": euros_str(pending),
        "conversion": {
            "by_funder": {name: conversion_json(c) for name, c in by_funder.items()},
            "by_call": {name: conversion_json(c) for name, c in by_call.items()},
        },
    }


def conversion_json(value: Conversion) -> dict[str, Any]:
    """Counts of submissions, labelled (any endorsing decision) and funded ones, and the two
    rates as decimal strings with three decimals (None when there is nothing to divide by)."""

    def rate(r: float | None) -> str | None:
        return None if r is None else str(Decimal(r).quantize(Decimal("0.001")))

    return {
        "submitted": value.submitted,
        "labelled": value.labelled,
        "funded": value.funded,
        "label_rate": rate(value.label_rate),
        "funding_rate": rate(value.funding_rate),
    }


def project_count(db: Database) -> int:
    """How many projects the portfolio holds (the desktop shows its welcome page at zero)."""
    from ..storage import bulk

    with db.read() as session:
        return bulk.count_rows(session, "project")

"""A `ProjectFilter` in words, one criterion a line: the report's title page, the charts, and the
filter panel's line for the criteria it has no widget for (a funnel step, a chart's instrument,
the projects of an import left to complete).

Light on purpose (messages and the domain only): the desktop's filter panel imports it at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import messages
from ..domain.enums import REGION_NAMES, Region
from ..domain.filters import ProjectFilter


def _t(code: str, lang: str, **params: object) -> str:
    return messages.text(code, params, lang)


def region_name(code: str) -> str:
    try:
        return REGION_NAMES[Region(code)]
    except ValueError:
        return code


def _year_range(start: int | None, end: int | None, lang: str) -> str:
    if start is not None and end is not None:
        return str(start) if start == end else _t("range_between", lang, start=start, end=end)
    if start is not None:
        return _t("range_from", lang, start=start)
    return _t("range_to", lang, end=end)


def describe_filter(
    flt: ProjectFilter, names: Mapping[str, Mapping[int, str]], lang: str
) -> list[str]:
    """The filter in words, one criterion a line; empty when the filter selects everything.

    `names` gives the names of the ids the filter holds (`Analytics.names`).
    """

    def named(table: str, ids: tuple[int, ...]) -> str:
        known = names.get(table, {})
        if any(i not in known for i in ids):  # a screen that has not the names: how many
            return _t("filter_picked", lang, count=len(ids))
        return ", ".join(known[i] for i in ids)

    def labelled(kind: str, codes: tuple[str, ...]) -> str:
        return ", ".join(messages.label(kind, code, lang) for code in codes)

    lines: list[str] = []
    if flt.search.strip():
        lines.append(_t("filter_search", lang, value=flt.search.strip()))
    if flt.cluster_ids:
        lines.append(_t("filter_clusters", lang, values=named("cluster", flt.cluster_ids)))
    if flt.statuses:
        lines.append(_t("filter_statuses", lang, values=labelled("ProjectStatus", flt.statuses)))
    if flt.domain_ids:
        lines.append(_t("filter_domains", lang, values=named("domain", flt.domain_ids)))
    if flt.regions:
        regions = ", ".join(region_name(code) for code in flt.regions)
        lines.append(_t("filter_regions", lang, values=regions))
    if flt.call_ids:
        lines.append(_t("filter_calls", lang, values=named("call", flt.call_ids)))
    if flt.year_from is not None or flt.year_to is not None:
        lines.append(_t("filter_years", lang, range=_year_range(flt.year_from, flt.year_to, lang)))
    if flt.funder_ids:
        lines.append(_t("filter_funders", lang, values=named("funder", flt.funder_ids)))
    if flt.funder_kinds:
        kinds = labelled("FunderKind", flt.funder_kinds)
        lines.append(_t("filter_funder_kinds", lang, values=kinds))
    if flt.instruments:
        lines.append(_t("filter_instruments", lang, values=labelled("Instrument", flt.instruments)))
    if flt.funding_year_from is not None or flt.funding_year_to is not None:
        span = _year_range(flt.funding_year_from, flt.funding_year_to, lang)
        lines.append(_t("filter_funding_years", lang, range=span))
    if flt.organisation_kinds:
        kinds = labelled("OrganisationKind", flt.organisation_kinds)
        lines.append(_t("filter_organisation_kinds", lang, values=kinds))
    if flt.organisation_ids:
        values = named("organisation", flt.organisation_ids)
        lines.append(_t("filter_organisations", lang, values=values))
    if flt.responsible_digital is not None:
        code = "filter_responsible_yes" if flt.responsible_digital else "filter_responsible_no"
        lines.append(_t(code, lang))
    if flt.reached:
        lines.append(_t("filter_reached", lang, step=flt.reached))
    if flt.project_ids:
        lines.append(_t("filter_project_ids", lang, count=len(flt.project_ids)))
    if flt.incomplete:
        fields = [_t(f"incomplete_{name}", lang) for name in flt.incomplete]
        lines.append(_t("filter_incomplete", lang, fields=joined_alternatives(fields, lang)))
    if flt.import_batch is not None:
        lines.append(_t("filter_import_batch", lang, batch=flt.import_batch))
    return lines


def joined_alternatives(words: list[str], lang: str) -> str:
    """« domaine, porteur ou budget » / "a domain, a lead partner or a budget"."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {_t('words_or', lang)} {words[-1]}"

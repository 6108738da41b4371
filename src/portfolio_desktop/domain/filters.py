"""The one filter of the portfolio, shared by the projects table, the dashboard, exports and reports."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

#: The instruments « Aide accordée » sums when the filter names none: grants.
GRANTED_BY_DEFAULT: tuple[str, ...] = ("grant",)
#: What a project can lack that the figures need (`ProjectFilter.incomplete`): a domain split, a
#: lead partner, a total budget. Files from elsewhere (the ANR's, SCDL grants) often have none.
INCOMPLETE_FIELDS: tuple[str, ...] = ("domains", "lead", "budget")


@dataclass(frozen=True, slots=True)
class ProjectFilter:
    """What the user narrowed the portfolio to. Empty tuples and None mean "no restriction".

    Project-level criteria select projects; `funder_ids`, `funder_kinds`, `instruments` and
    `funding_years` also select which funding lines count in sums (a chart of one funder shows that
    funder's money, not all the money of the projects it co-funds).
    """

    search: str = ""
    cluster_ids: tuple[int, ...] = ()
    statuses: tuple[str, ...] = ()
    domain_ids: tuple[int, ...] = ()
    regions: tuple[str, ...] = ()
    funder_ids: tuple[int, ...] = ()
    funder_kinds: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    call_ids: tuple[int, ...] = ()
    #: Submission year range (inclusive); projects not yet submitted are left out when it is set.
    year_from: int | None = None
    year_to: int | None = None
    #: Funding-line year range (inclusive): the year a line counts in (decision, else start).
    funding_year_from: int | None = None
    funding_year_to: int | None = None
    organisation_kinds: tuple[str, ...] = ()
    organisation_ids: tuple[int, ...] = ()
    responsible_digital: bool | None = None
    #: Projects whose furthest funnel step (from their status history) is this step or beyond:
    #: a funnel bar's projects, a funded-then-abandoned project among the funded.
    reached: str | None = None
    #: Only these projects (the "to review" list of `services.check.projects_to_review`). A list
    #: of ids goes stale: it is not kept in saved views.
    project_ids: tuple[int, ...] = ()
    #: Projects that lack at least one of these (`INCOMPLETE_FIELDS`): what is left to complete.
    incomplete: tuple[str, ...] = ()
    #: Projects an import batch created or updated (its number).
    import_batch: int | None = None

    @property
    def granted_instruments(self) -> tuple[str, ...]:
        """What « Aide accordée » sums under this filter: its instruments, else grants (repayable
        advances, loans and equity are shown beside it, never added to it)."""
        return self.instruments or GRANTED_BY_DEFAULT

    @property
    def is_empty(self) -> bool:
        return self == ProjectFilter()

    def with_changes(self, **changes: Any) -> ProjectFilter:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (saved views); the ids of `project_ids` are left out."""
        data = asdict(self)
        return {
            k: list(v) if isinstance(v, tuple) else v
            for k, v in data.items()
            if v not in ((), None, "") and k != "project_ids"
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProjectFilter:
        """Inverse of `to_dict`; unknown keys (from a newer version) are ignored."""
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            values[key] = tuple(value) if isinstance(value, list) else value
        return cls(**values)

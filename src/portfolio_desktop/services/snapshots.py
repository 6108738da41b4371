"""Named, frozen snapshots of the portfolio (« Rapport annuel 2025 », at 31/12/2025) and what
moved between two of them, by pole, domain, funder and status.

A snapshot's figures are computed once, on the portfolio as it stood at its day
(`storage.as_of`), and kept as they are: later edits, imports and undos never change them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import KnownError
from ..storage import snapshots as store
from ..storage.as_of import AsOf, PortfolioCopy, open_copy, portfolio_as_of
from ..storage.database import Database
from ..storage.history import utcnow
from ..storage.snapshots import SnapshotFigures, SnapshotRow

__all__ = [
    "Movement",
    "PortfolioCopy",
    "SnapshotFigures",
    "SnapshotRow",
    "compare",
    "list_snapshots",
    "open_as_of",
    "take",
]


def open_as_of(db: Database, day: date) -> PortfolioCopy:
    """The portfolio as it stood at the end of `day`, open in a throw-away copy (the desktop's
    dashboard « Au » a date) until the caller closes it."""
    return open_copy(db, AsOf.end_of(day))


def take(db: Database, name: str, as_of: date | None = None) -> SnapshotRow:
    """Freezes the figures of the portfolio as it stood at the end of `as_of` (today when None)
    under `name`; a name already used is refused."""
    name = name.strip()
    if not name:
        raise KnownError("snapshot_name_empty")
    with db.read() as session:
        if store.name_taken(session, name):
            raise KnownError("snapshot_name_taken", name=name)
    now = utcnow()
    day = as_of or now.date()
    if as_of is None:
        with db.read() as session:
            figures = store.compute_figures(session)
    else:
        with portfolio_as_of(db, AsOf.end_of(as_of)) as then, then.read() as session:
            figures = store.compute_figures(session)
    with db.write(source="snapshot") as session:
        if store.name_taken(session, name):  # taken by someone else meanwhile
            raise KnownError("snapshot_name_taken", name=name)
        snapshot_id = store.store(session, name, day, now, db.user, figures)
    return SnapshotRow(snapshot_id, name, day, now, db.user, figures)


def list_snapshots(db: Database) -> list[SnapshotRow]:
    """Every snapshot, oldest day first."""
    with db.read() as session:
        return store.read_all(session)


def find(db: Database, name: str) -> SnapshotRow:
    for row in list_snapshots(db):
        if row.name == name.strip():
            return row
    raise KnownError("snapshot_unknown", name=name)


def delete(db: Database, name: str) -> None:
    with db.write(source="snapshot") as session:
        if not store.delete(session, name.strip()):
            raise KnownError("snapshot_unknown", name=name)


@dataclass(frozen=True, slots=True)
class Movement:
    """One line of a comparison: a pole, domain, funder or status, its value in each snapshot.

    `measure` is what the values count: granted (cents), projects or funded (counts)."""

    dimension: str
    key: str
    measure: str
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before


def _pairs(
    dimension: str, measure: str, before: dict[str, int], after: dict[str, int]
) -> list[Movement]:
    keys = sorted(set(before) | set(after))
    moved = [Movement(dimension, k, measure, before.get(k, 0), after.get(k, 0)) for k in keys]
    # Largest moves first; the rest in name order.
    return sorted(moved, key=lambda m: (-abs(m.delta), m.key))


def compare(first: SnapshotFigures, second: SnapshotFigures) -> list[Movement]:
    """What moved from `first` to `second`: the headline, then per pole (grants, projects,
    funded), domain and funder (grants) and status (projects), largest moves first."""
    headline = [
        Movement("total", "", "granted", first.granted_cents, second.granted_cents),
        Movement("total", "", "projects", first.projects, second.projects),
        Movement("total", "", "funded", first.funded, second.funded),
        Movement("total", "", "budget", first.budget_cents, second.budget_cents),
    ]
    poles_a, poles_b = first.by_pole, second.by_pole
    return [
        *headline,
        *_pairs(
            "pole",
            "granted",
            {k: v.granted_cents for k, v in poles_a.items()},
            {k: v.granted_cents for k, v in poles_b.items()},
        ),
        *_pairs(
            "pole",
            "projects",
            {k: v.projects for k, v in poles_a.items()},
            {k: v.projects for k, v in poles_b.items()},
        ),
        *_pairs(
            "pole",
            "funded",
            {k: v.funded for k, v in poles_a.items()},
            {k: v.funded for k, v in poles_b.items()},
        ),
        *_pairs("domain", "granted", first.by_domain, second.by_domain),
        *_pairs("funder", "granted", first.by_funder, second.by_funder),
        *_pairs("status", "projects", first.by_status, second.by_status),
    ]

"""What the projects table asks for: ordered ids for a filter, rows by page, saved views."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..domain.filters import INCOMPLETE_FIELDS, ProjectFilter
from ..storage import project_list, saved_views
from ..storage.database import Database
from ..storage.project_list import ProjectRow, Selection

__all__ = ["Completeness", "ProjectRow", "SavedViewRecord", "Selection", "rows", "select"]


def select(
    db: Database, flt: ProjectFilter, sort_key: str = "reference", descending: bool = False
) -> Selection:
    with db.read() as session:
        return project_list.select_projects(session, flt, sort_key, descending)


def rows(db: Database, ids: Sequence[int]) -> list[ProjectRow]:
    with db.read() as session:
        return project_list.project_rows(session, ids)


@dataclass(frozen=True, slots=True)
class Completeness:
    """What the projects of an import lack that the figures need (domain, lead partner, budget).

    `filter` shows those projects in the table; `lacking` counts them per field.
    """

    filter: ProjectFilter
    incomplete: int
    lacking: dict[str, int]


def import_completeness(db: Database, batch_id: int) -> Completeness:
    """The projects batch `batch_id` created or updated that lack a domain, a lead or a budget."""
    flt = ProjectFilter(import_batch=batch_id, incomplete=INCOMPLETE_FIELDS)
    with db.read() as session:
        counts = project_list.lacking_counts(
            session, ProjectFilter(import_batch=batch_id), INCOMPLETE_FIELDS
        )
    incomplete = counts.pop("")
    return Completeness(flt, incomplete, counts)


@dataclass(frozen=True, slots=True)
class SavedViewRecord:
    """A named view: its filter, visible columns in order, and sort."""

    name: str
    filter: ProjectFilter = field(default_factory=ProjectFilter)
    columns: tuple[str, ...] = ()
    sort_key: str = "reference"
    descending: bool = False

    def to_json(self) -> str:
        return json.dumps(
            {
                "filter": self.filter.to_dict(),
                "columns": list(self.columns),
                "sort_key": self.sort_key,
                "descending": self.descending,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, name: str, payload: str) -> SavedViewRecord:
        data: dict[str, Any] = json.loads(payload)
        return cls(
            name,
            ProjectFilter.from_dict(data.get("filter", {})),
            tuple(data.get("columns", ())),
            str(data.get("sort_key", "reference")),
            bool(data.get("descending", False)),
        )


def saved(db: Database) -> list[SavedViewRecord]:
    with db.read() as session:
        return [
            SavedViewRecord.from_json(name, payload)
            for name, payload in saved_views.list_views(session)
        ]


def save(db: Database, view: SavedViewRecord) -> None:
    with db.write() as session:
        saved_views.save_view(session, view.name.strip(), view.to_json())


def delete(db: Database, name: str) -> None:
    with db.write() as session:
        saved_views.delete_view(session, name)

"""The national view's poles (clusters): create, edit, merge one into another, delete an empty one.

Every change is one unit of work with its history (`storage.history`): a rename records the
old name, a merge records each project's move and the merged pole's deletion. A merge that would
give two projects of the merged poles the same reference is refused, naming them. The desktop's
edits return a `ClusterEdit`, whose `applied.inverse()` undoes them (`storage.apply`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import KnownError
from ..storage import apply as write
from ..storage import clusters as store
from ..storage.apply import Applied
from ..storage.changes import Action, ChangeSet, MergeClusters, RefChange, Source
from ..storage.clusters import ClusterRow
from ..storage.database import Database

__all__ = [
    "ClusterEdit",
    "ClusterRow",
    "create_cluster",
    "delete_cluster",
    "list_clusters",
    "merge",
    "merge_clusters",
    "rename_cluster",
    "save_cluster",
]


@dataclass(frozen=True, slots=True)
class ClusterEdit:
    """What an edit of a pole did: the pole's id (the one kept, for a merge), the projects a merge
    moved, and the `Applied` whose inverse undoes it."""

    id: int
    applied: Applied
    moved: int = 0


def list_clusters(db: Database) -> list[ClusterRow]:
    with db.read() as session:
        return store.list_clusters(session)


def _clean(code: str, name: str) -> tuple[str, str]:
    code, name = code.strip().upper(), " ".join(name.split())
    if not name:
        raise KnownError("cluster_name_empty")
    if not code or len(code) > 16:
        raise KnownError("cluster_code_invalid", value=code)
    return code, name


def save_cluster(
    db: Database, cluster_id: int | None, code: str, name: str, regions: str | None = None
) -> ClusterEdit:
    """A new pole (`cluster_id` None) or a pole's code, name and regions (None: left as they
    are). Its code is what imports and exports name it by; code and name are refused when taken."""
    code, name = _clean(code, name)
    values: dict[str, str] = {"code": code, "name": name}
    if regions is not None:
        values["regions"] = " ".join(regions.split())
    with db.write() as session:
        if cluster_id is None:
            store.refuse_taken(session, code, name, None)
            change = RefChange(Action.CREATE, "cluster", -1, {"regions": "", **values})
            applied = write.apply(session, ChangeSet.of(Source.FORM, change))
            return ClusterEdit(applied.id_of("cluster", -1), applied)
        store.refuse_unknown(session, cluster_id)
        store.refuse_taken(session, code, name, cluster_id)
        change = RefChange(Action.UPDATE, "cluster", cluster_id, values)
        return ClusterEdit(cluster_id, write.apply(session, ChangeSet.of(Source.FORM, change)))


def create_cluster(db: Database, code: str, name: str, regions: str = "") -> int:
    """A new pole; returns its id."""
    return save_cluster(db, None, code, name, regions).id


def rename_cluster(
    db: Database, cluster_id: int, code: str, name: str, regions: str | None = None
) -> None:
    save_cluster(db, cluster_id, code, name, regions)


def merge(db: Database, keep_id: int, merged_id: int) -> ClusterEdit:
    """Moves every project of `merged_id` into `keep_id` and removes `merged_id`. Refused when
    both hold a project under the same reference (`cluster_merge_clash` names them)."""
    if keep_id == merged_id:
        raise KnownError("cluster_merge_itself")
    with db.write(source=Source.MERGE.value) as session:
        applied = write.apply(
            session, ChangeSet.of(Source.MERGE, MergeClusters(keep_id, merged_id))
        )
        return ClusterEdit(keep_id, applied, int(applied.results[0]))


def merge_clusters(db: Database, keep_id: int, merged_id: int) -> int:
    """`merge`, returning the number of projects moved."""
    return merge(db, keep_id, merged_id).moved


def delete_cluster(db: Database, cluster_id: int) -> ClusterEdit:
    """Removes a pole that holds no project (refused otherwise: `cluster_in_use`, as a
    `ChangeRefused`); `applied.inverse()` puts it back under its id."""
    with db.write() as session:
        store.refuse_unknown(session, cluster_id)
        change = RefChange(Action.DELETE, "cluster", cluster_id)
        return ClusterEdit(cluster_id, write.apply(session, ChangeSet.of(Source.FORM, change)))

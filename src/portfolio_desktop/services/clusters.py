"""The national view's poles (clusters): create, rename, and merge one into another.

Every change is one unit of work with its history (`storage.history`): a rename records the
old name, a merge records each project's move and the merged pole's deletion. A merge that would
give two projects of the merged poles the same reference is refused, naming them.
"""

from __future__ import annotations

from ..errors import KnownError
from ..storage import apply as write
from ..storage import clusters as store
from ..storage.changes import Action, ChangeSet, MergeClusters, RefChange, Source
from ..storage.clusters import ClusterRow
from ..storage.database import Database

__all__ = ["ClusterRow", "create_cluster", "list_clusters", "merge_clusters", "rename_cluster"]


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


def create_cluster(db: Database, code: str, name: str, regions: str = "") -> int:
    """A new pole (its code is what imports and exports name it by)."""
    code, name = _clean(code, name)
    with db.write() as session:
        store.refuse_taken(session, code, name, None)
        change = RefChange(
            Action.CREATE, "cluster", -1, {"code": code, "name": name, "regions": regions.strip()}
        )
        return write.apply(session, ChangeSet.of(Source.FORM, change)).id_of("cluster", -1)


def rename_cluster(db: Database, cluster_id: int, code: str, name: str) -> None:
    code, name = _clean(code, name)
    with db.write() as session:
        store.refuse_unknown(session, cluster_id)
        store.refuse_taken(session, code, name, cluster_id)
        change = RefChange(Action.UPDATE, "cluster", cluster_id, {"code": code, "name": name})
        write.apply(session, ChangeSet.of(Source.FORM, change))


def merge_clusters(db: Database, keep_id: int, merged_id: int) -> int:
    """Moves every project of `merged_id` into `keep_id` and removes `merged_id`; returns the
    projects moved. Refused when both hold a project under the same reference."""
    if keep_id == merged_id:
        raise KnownError("cluster_merge_itself")
    with db.write(source=Source.MERGE.value) as session:
        applied = write.apply(
            session, ChangeSet.of(Source.MERGE, MergeClusters(keep_id, merged_id))
        )
        return int(applied.results[0])

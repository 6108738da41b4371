"""The poles (clusters) table: listing, creating, renaming and merging, with their history.

Called by `services.clusters` inside one unit of work each.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..errors import KnownError
from . import history
from . import tables as t
from .reference import add_cluster


@dataclass(frozen=True, slots=True)
class ClusterRow:
    """A pole and how many projects it holds."""

    id: int
    code: str
    name: str
    regions: str
    projects: int


def list_clusters(session: Session) -> list[ClusterRow]:
    from ..domain.text import sort_key

    counts = dict(
        session.execute(
            select(t.Project.cluster_id, func.count()).group_by(t.Project.cluster_id)
        ).all()
    )
    rows = [
        ClusterRow(c.id, c.code, c.name, c.regions, int(counts.get(c.id, 0)))
        for c in session.scalars(select(t.Cluster))
    ]
    return sorted(rows, key=lambda r: sort_key(r.name))


def refuse_taken(session: Session, code: str, name: str, except_id: int | None) -> None:
    for column, value, message in (
        (t.Cluster.code, code, "cluster_code_taken"),
        (t.Cluster.name, name, "cluster_name_taken"),
    ):
        query = select(t.Cluster.id).where(func.lower(column) == value.lower())
        if except_id is not None:
            query = query.where(t.Cluster.id != except_id)
        if session.scalar(query) is not None:
            raise KnownError(message, value=value)


def create(session: Session, code: str, name: str, regions: str) -> int:
    refuse_taken(session, code, name, None)
    return add_cluster(session, code, name, regions)


def rename(session: Session, cluster_id: int, code: str, name: str) -> None:
    if session.get(t.Cluster, cluster_id) is None:
        raise KnownError("cluster_unknown", value=str(cluster_id))
    refuse_taken(session, code, name, cluster_id)
    history.record_update_rows(session, "cluster", [{"id": cluster_id, "code": code, "name": name}])
    session.execute(
        update(t.Cluster).where(t.Cluster.id == cluster_id).values(code=code, name=name)
    )


def merge(session: Session, keep_id: int, merged_id: int) -> int:
    """Moves every project of `merged_id` into `keep_id` and deletes `merged_id` (refused when
    both hold a project under the same reference); returns the projects moved."""
    if keep_id == merged_id:
        raise KnownError("cluster_merge_itself")
    for cluster_id in (keep_id, merged_id):
        if session.get(t.Cluster, cluster_id) is None:
            raise KnownError("cluster_unknown", value=str(cluster_id))
    p = t.table_of(t.Project)
    other = p.alias("other")
    clashes = list(
        session.scalars(
            select(p.c.reference)
            .join(other, (other.c.reference == p.c.reference) & (other.c.cluster_id == keep_id))
            .where(p.c.cluster_id == merged_id)
            .order_by(p.c.reference)
            .limit(6)
        )
    )
    if clashes:
        shown = ", ".join(clashes[:5]) + (" …" if len(clashes) > 5 else "")
        raise KnownError("cluster_merge_clash", references=shown)
    ids = list(session.scalars(select(p.c.id).where(p.c.cluster_id == merged_id)))
    history.record_update_rows(session, "project", [{"id": i, "cluster_id": keep_id} for i in ids])
    session.execute(update(p).where(p.c.cluster_id == merged_id).values(cluster_id=keep_id))
    history.record_deleted(session, "cluster", [merged_id])
    session.execute(t.table_of(t.Cluster).delete().where(t.Cluster.id == merged_id))
    return len(ids)

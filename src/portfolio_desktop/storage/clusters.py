"""The poles (clusters) table, read: the list with project counts, and the check that a code or
name is free. Poles are written through `storage.apply` (reference rows, `MergeClusters`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import KnownError
from . import tables as t


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


def refuse_unknown(session: Session, cluster_id: int) -> None:
    if session.get(t.Cluster, cluster_id) is None:
        raise KnownError("cluster_unknown", value=str(cluster_id))

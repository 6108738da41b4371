"""Writers of the poles' changes that reach their projects: a merge, and the move of projects
from one pole to another (what a merge's undo applies). A pole's creation and rename are
reference rows (`RefChange`, in `organisations`)."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from ...errors import KnownError
from .. import history
from .. import tables as t
from ..changes import Action, MergeClusters, MoveToCluster, RefChange
from .core import Run, next_version, register


@register(MergeClusters)
def write_merge(run: Run, change: MergeClusters) -> None:
    session = run.session
    keep_id, merged_id = change.keep_id, change.merged_id
    if keep_id == merged_id:
        raise KnownError("cluster_merge_itself")
    merged = (
        session.execute(select(t.table_of(t.Cluster)).where(t.Cluster.id == merged_id))
        .mappings()
        .first()
    )
    for cluster_id, row in ((keep_id, session.get(t.Cluster, keep_id)), (merged_id, merged)):
        if row is None:
            raise KnownError("cluster_unknown", value=str(cluster_id))
    assert merged is not None
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
    ids = tuple(session.scalars(select(p.c.id).where(p.c.cluster_id == merged_id)))
    # The merged pole's roadmap domains become the kept pole's (its projects keep them).
    domains = tuple(session.scalars(select(t.Domain.id).where(t.Domain.cluster_id == merged_id)))
    # Undone in reverse: the pole comes back under its id, its projects move back to it, then
    # its domains (once no project of the kept pole holds them).
    for domain_id in domains:
        run.undo_with(
            RefChange(
                Action.UPDATE,
                "domain",
                domain_id,
                {"cluster_id": merged_id},
                {"cluster_id": keep_id},
            )
        )
    run.undo_with(MoveToCluster(ids, merged_id))
    _move(run, ids, keep_id)
    if domains:
        history.record_update_rows(
            session, "domain", [{"id": i, "cluster_id": keep_id} for i in domains]
        )
        session.execute(update(t.Domain).where(t.Domain.id.in_(domains)).values(cluster_id=keep_id))
        for domain_id in domains:
            run.wrote("domain", domain_id)
    history.record_deleted(session, "cluster", [merged_id])
    session.execute(delete(t.Cluster).where(t.Cluster.id == merged_id))
    run.deleted("cluster", merged_id)
    run.undo_with(
        RefChange(
            Action.CREATE, "cluster", merged_id, {k: v for k, v in merged.items() if k != "id"}
        )
    )
    run.applied.results.append(len(ids))


@register(MoveToCluster)
def write_move(run: Run, change: MoveToCluster) -> None:
    session = run.session
    before: dict[int, int] = dict(
        session.execute(
            select(t.Project.id, t.Project.cluster_id).where(t.Project.id.in_(change.project_ids))
        ).all()
    )
    for cluster_id in sorted(set(before.values())):
        moved = tuple(pid for pid, cid in before.items() if cid == cluster_id)
        run.undo_with(MoveToCluster(moved, cluster_id))
    _move(run, tuple(before), change.cluster_id)


def _move(run: Run, project_ids: tuple[int, ...], cluster_id: int) -> None:
    """The projects' pole changed, each project's version bumped and its change recorded."""
    session = run.session
    if not project_ids:
        return
    history.record_update_rows(
        session, "project", [{"id": i, "cluster_id": cluster_id} for i in project_ids]
    )
    versions = dict(
        session.execute(
            select(t.Project.id, t.Project.version).where(t.Project.id.in_(project_ids))
        ).all()
    )
    for project_id, version in versions.items():
        session.execute(
            update(t.Project)
            .where(t.Project.id == project_id)
            .values(cluster_id=cluster_id, version=next_version(version))
        )
        run.wrote("project", project_id, version=next_version(version))
    run.touch(project_ids, refresh=False)

"""Poles created, renamed and merged, each change in the history; a clashing merge refused."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from portfolio_desktop.errors import KnownError
from portfolio_desktop.services import clusters
from portfolio_desktop.services.history import project_history
from portfolio_desktop.storage.database import Database


def test_create_rename_merge(pole_db: Database) -> None:
    (first,) = clusters.list_clusters(pole_db)
    assert first.projects > 1000
    new = clusters.create_cluster(pole_db, " av ", "Aerospace  Valley", "OCC")
    with pytest.raises(KnownError) as taken:
        clusters.create_cluster(pole_db, "AV", "Autre")
    assert taken.value.code == "cluster_code_taken"
    with pytest.raises(KnownError) as named:
        clusters.create_cluster(pole_db, "XX", "aerospace valley")
    assert named.value.code == "cluster_name_taken"
    clusters.rename_cluster(pole_db, new, "AESE", "Aerospace Valley Occitanie")
    rows = {r.id: r for r in clusters.list_clusters(pole_db)}
    assert (rows[new].code, rows[new].name, rows[new].projects) == (
        "AESE", "Aerospace Valley Occitanie", 0,
    )  # fmt: skip

    with pole_db.write() as session:  # a project entered in the second pole
        session.execute(
            text(
                "UPDATE project SET cluster_id = :c WHERE id IN "
                "(SELECT id FROM project ORDER BY id LIMIT 3)"
            ),
            {"c": new},
        )
        moved_ids = [
            r[0]
            for r in session.execute(
                text("SELECT id FROM project WHERE cluster_id = :c"), {"c": new}
            )
        ]
    moved = clusters.merge_clusters(pole_db, first.id, new)
    assert moved == 3
    (only,) = clusters.list_clusters(pole_db)
    assert only.id == first.id and only.projects == first.projects
    changes = project_history(pole_db, moved_ids[0], 10)
    assert any(c.field == "cluster_id" and c.source == "merge" for c in changes)


def test_a_merge_with_clashing_references_is_refused(pole_db: Database) -> None:
    (first,) = clusters.list_clusters(pole_db)
    other = clusters.create_cluster(pole_db, "B", "Pôle B")
    from portfolio_desktop.domain.model import ProjectRecord
    from portfolio_desktop.services import portfolio

    with pole_db.read() as session:
        reference = session.execute(text("SELECT min(reference) FROM project")).scalar()
    portfolio.create_project(
        pole_db, ProjectRecord(cluster_id=other, reference=reference, acronym="DOUBLON")
    )
    with pytest.raises(KnownError) as refused:
        clusters.merge_clusters(pole_db, first.id, other)
    assert refused.value.code == "cluster_merge_clash"
    assert reference in refused.value.params["references"]
    assert len(clusters.list_clusters(pole_db)) == 2  # nothing written


def test_a_merge_is_undone_by_its_inverse(pole_db: Database) -> None:
    from portfolio_desktop.storage import apply as write
    from portfolio_desktop.storage.changes import ChangeSet, MergeClusters, Source

    (first,) = clusters.list_clusters(pole_db)
    new = clusters.create_cluster(pole_db, "AV", "Aerospace Valley", "OCC")
    with pole_db.write() as session:
        session.execute(
            text("UPDATE project SET cluster_id = :c WHERE id IN (SELECT id FROM project LIMIT 2)"),
            {"c": new},
        )
        versions = dict(session.execute(text("SELECT id, version FROM project")).all())
        applied = write.apply(session, ChangeSet.of(Source.MERGE, MergeClusters(first.id, new)))
    with pole_db.read() as session:
        after = dict(session.execute(text("SELECT id, version FROM project")).all())
    moved = [pid for pid in versions if after[pid] != versions[pid]]
    assert len(moved) == 2 and all(after[p] == versions[p] + 1 for p in moved)
    with pole_db.write() as session:
        write.apply(session, applied.inverse())
    rows = {r.id: r for r in clusters.list_clusters(pole_db)}
    assert (rows[new].code, rows[new].name, rows[new].projects) == ("AV", "Aerospace Valley", 2)
    assert rows[first.id].projects == first.projects - 2


def test_regions_are_edited_and_a_pole_is_deleted_only_when_empty(pole_db: Database) -> None:
    from portfolio_desktop.domain.rules import RuleViolation
    from portfolio_desktop.services import portfolio

    (first,) = clusters.list_clusters(pole_db)
    new = clusters.save_cluster(pole_db, None, "nord", "Pôle Nord", " HDF ").id
    edit = clusters.save_cluster(pole_db, new, "NORD", "Pôle Nord", "HDF,  NOR")
    rows = {r.id: r for r in clusters.list_clusters(pole_db)}
    assert (rows[new].code, rows[new].regions) == ("NORD", "HDF, NOR")
    portfolio.apply_changes(pole_db, edit.applied.inverse())
    assert {r.id: r for r in clusters.list_clusters(pole_db)}[new].regions == "HDF"

    with pytest.raises(RuleViolation) as refused:
        clusters.delete_cluster(pole_db, first.id)
    assert [i.code for i in refused.value.issues] == ["cluster_in_use"]
    assert refused.value.issues[0].params["count"] == first.projects
    assert len(clusters.list_clusters(pole_db)) == 2  # nothing written

    deleted = clusters.delete_cluster(pole_db, new)
    assert [r.id for r in clusters.list_clusters(pole_db)] == [first.id]
    portfolio.apply_changes(pole_db, deleted.applied.inverse())
    restored = {r.id: r for r in clusters.list_clusters(pole_db)}[new]
    assert (restored.code, restored.name, restored.regions) == ("NORD", "Pôle Nord", "HDF")


def test_an_undo_that_would_give_two_poles_one_code_is_refused_in_words(
    pole_db: Database,
) -> None:
    from portfolio_desktop.services import portfolio

    new = clusters.create_cluster(pole_db, "AV", "Aerospace Valley")
    renamed = clusters.save_cluster(pole_db, new, "AESE", "Aerospace Valley")
    clusters.create_cluster(pole_db, "AV", "Autre pôle")  # takes the old code meanwhile
    with pytest.raises(KnownError) as refused:
        portfolio.apply_changes(pole_db, renamed.applied.inverse())
    assert (refused.value.code, refused.value.params["value"]) == ("cluster_code_taken", "AV")


def test_a_merge_undone_and_redone_through_its_applied(pole_db: Database) -> None:
    from portfolio_desktop.services import portfolio
    from portfolio_desktop.storage.changes import Source

    (first,) = clusters.list_clusters(pole_db)
    new = clusters.create_cluster(pole_db, "AV", "Aerospace Valley", "OCC")
    with pole_db.write() as session:
        session.execute(
            text("UPDATE project SET cluster_id = :c WHERE id IN (SELECT id FROM project LIMIT 4)"),
            {"c": new},
        )
    done = clusters.merge(pole_db, first.id, new)
    assert (done.id, done.moved) == (first.id, 4)
    undone = portfolio.apply_changes(pole_db, done.applied.inverse())
    rows = {r.id: r for r in clusters.list_clusters(pole_db)}
    assert (rows[new].name, rows[new].regions, rows[new].projects) == (
        "Aerospace Valley", "OCC", 4,
    )  # fmt: skip
    portfolio.apply_changes(pole_db, undone.inverse(Source.MERGE))
    assert [(r.id, r.projects) for r in clusters.list_clusters(pole_db)] == [
        (first.id, first.projects)
    ]

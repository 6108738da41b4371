"""The projects table's queries against a brute-force reading of the same rows."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select, update

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.domain.text import fold
from portfolio_desktop.domain.text import sort_key as sort_key_of
from portfolio_desktop.storage.project_list import SORT_KEYS, project_rows, select_projects
from portfolio_desktop.storage.tables import Project

#: The columns sorted as text, by `domain.text.sort_key`.
TEXT_SORTS = ("reference", "acronym", "title", "lead", "domains", "regions")


def all_rows(db):
    with db.read() as session:
        ids = [r[0] for r in session.connection().exec_driver_sql("SELECT id FROM project")]
        return project_rows(session, ids)


def ids_for(
    db, flt: ProjectFilter, sort_key: str = "reference", descending: bool = False
) -> list[int]:
    with db.read() as session:
        return select_projects(session, flt, sort_key, descending).ids


@pytest.mark.parametrize("sort_key", sorted(SORT_KEYS))
def test_every_sort_orders_rows_like_python(pole_db, sort_key: str) -> None:
    rows = {r.id: r for r in all_rows(pole_db)}
    attribute = {
        "lead": "lead",
        "budget": "budget_cents",
        "granted": "granted_cents",
        "regions": "regions",
        "domains": "domains",
        "call": "call",
        "cluster": "cluster",
    }.get(sort_key, sort_key)
    for descending in (False, True):
        ordered = ids_for(pole_db, ProjectFilter(), sort_key, descending)
        assert sorted(ordered) == sorted(rows)
        keys = [getattr(rows[i], attribute) for i in ordered]
        if sort_key in TEXT_SORTS:
            keys = [sort_key_of(k) for k in keys]
        comparable = [(k is not None, k if k is not None else "") for k in keys]
        if sort_key not in ("call", "cluster"):
            # SQL puts NULLs first ascending (last descending); Python sees (False, "") first.
            assert comparable == sorted(comparable, reverse=descending)
        else:
            names = [sort_key_of(k or "") for k in keys]
            assert names == sorted(names, reverse=descending)
            # Projects of the same call (or cluster) in id order, like every other sort's ties.
            for name in set(names):
                same = [i for i, n in zip(ordered, names, strict=True) if n == name]
                assert same == sorted(same, reverse=descending)


def matches(word: str, text: str) -> bool:
    """3+ letters: anywhere; 1–2 letters: the beginning of a word (letters and digits)."""
    if len(word) >= 3:
        return word in text
    return any(token.startswith(word) for token in re.findall(r"[^\W_]+", text))


def test_search_finds_every_word_in_reference_acronym_title_or_partners(pole_db) -> None:
    with pole_db.read() as session:
        texts = dict(
            session.connection().exec_driver_sql("SELECT id, search_text FROM project").fetchall()
        )
    some_partner = next(iter(texts.values())).split(" ")[-1]
    queries = [
        "kerl",
        "IR-2019",
        "réseaux  données",
        "é",
        "re",
        "xyzzy-nothing",
        some_partner,
        "5g",
        "d ia",
    ]
    for query in queries:
        words = fold(query).split()
        expected = {pid for pid, text in texts.items() if all(matches(w, text) for w in words)}
        with pole_db.read() as session:
            selection = select_projects(session, ProjectFilter(search=query))
        assert set(selection.ids) == expected, query
    # One or two letters find words that begin with them, not every project holding them.
    with pole_db.read() as session:
        assert len(select_projects(session, ProjectFilter(search="e")).ids) < len(texts)


def test_filters_and_totals(pole_db) -> None:
    rows = all_rows(pole_db)
    with pole_db.read() as session:
        running = select_projects(session, ProjectFilter(statuses=("running",)))
        everything = select_projects(session, ProjectFilter())
        bretagne = select_projects(session, ProjectFilter(regions=("BRE",)))
        flagged = select_projects(session, ProjectFilter(responsible_digital=True), "granted", True)
    assert set(running.ids) == {r.id for r in rows if r.status == "running"}
    assert running.granted_cents == sum(r.granted_cents for r in rows if r.status == "running")
    assert everything.granted_cents == sum(r.granted_cents for r in rows)
    assert set(bretagne.ids) == {r.id for r in rows if "Bretagne" in r.regions}
    assert set(flagged.ids) == {r.id for r in rows if r.responsible_digital}
    granted = [next(r.granted_cents for r in rows if r.id == i) for i in flagged.ids]
    assert granted == sorted(granted, reverse=True)


def test_rows_come_back_in_the_order_asked(pole_db) -> None:
    ids = ids_for(pole_db, ProjectFilter(), "granted", True)[:50]
    with pole_db.read() as session:
        assert [r.id for r in project_rows(session, list(reversed(ids)))] == list(reversed(ids))


FRENCH_TITLES = ["ZAC des Rives", "rémunération des auteurs", "iVASC", "Éole", "école", "Ecole",
                 "IVASC", "Œuvres numériques", "oeil", "Zéphyr", "abeille", "Abeille"]  # fmt: skip
#: As a French reader sorts them: case and accents second, then the exact text.
FRENCH_ORDER = ["Abeille", "abeille", "Ecole", "école", "Éole", "IVASC", "iVASC", "oeil",
                "Œuvres numériques", "rémunération des auteurs", "ZAC des Rives", "Zéphyr"]  # fmt: skip


def test_text_sorts_the_french_way(pole_db) -> None:
    """Lower-case and accented initials among the others, not after Z (as the organisations
    screen sorts names); the title, acronym and reference columns alike, both directions."""
    from portfolio_desktop.storage import summaries

    with pole_db.write() as session:
        ids = [r[0] for r in session.execute(select(Project.id).order_by(Project.id).limit(12))]
        for pid, title in zip(ids, FRENCH_TITLES, strict=True):
            session.execute(
                update(Project).where(Project.id == pid).values(title=title, acronym=title)
            )
        summaries.refresh_projects(session, ids)
    chosen = ProjectFilter(search="", cluster_ids=())
    rows = {r.id: r for r in all_rows(pole_db)}
    for column in ("title", "acronym"):
        ordered = [i for i in ids_for(pole_db, chosen, column) if i in ids]
        assert [getattr(rows[i], column) for i in ordered] == FRENCH_ORDER
        backwards = [i for i in ids_for(pole_db, chosen, column, True) if i in ids]
        assert [getattr(rows[i], column) for i in backwards] == FRENCH_ORDER[::-1]


@pytest.mark.parametrize("sort_key", TEXT_SORTS)
def test_text_sorts_walk_an_index(pole_demo_file, sort_key: str) -> None:
    """Unfiltered, a text sort reads its sort key's index in order: no sort of 100,000 rows
    (SQLite's plan; PostgreSQL plans by its statistics)."""
    from portfolio_desktop.storage.database import Database
    from portfolio_desktop.storage.project_list import _order

    database = Database(pole_demo_file, read_only=True)
    try:
        for descending in (False, True):
            query = select(Project.id).order_by(*_order(sort_key, descending))
            with database.read() as session:
                connection = session.connection()
                sql = str(query.compile(connection, compile_kwargs={"literal_binds": True}))
                plan = " ".join(
                    str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
                )
            assert "TEMP B-TREE" not in plan, plan
            assert (
                "USING COVERING INDEX ix_project_" in plan or "USING INDEX ix_project_" in plan
            ), plan
    finally:
        database.dispose()


def test_projects_left_to_complete_are_those_lacking_a_domain_a_lead_or_a_budget(pole_db) -> None:
    """`ProjectFilter.incomplete` against the raw rows: no domain split, no lead partner, no
    budget (0 € counts as none); several fields select the projects lacking any of them."""
    from portfolio_desktop.storage.project_list import lacking_counts

    with pole_db.write() as session:
        # The demo classifies and budgets every project: take some of it away.
        connection = session.connection()
        connection.exec_driver_sql(
            "DELETE FROM project_domain WHERE project_id IN (SELECT id FROM project LIMIT 7)"
        )
        connection.exec_driver_sql(
            "UPDATE project SET lead_organisation_id = NULL WHERE id IN "
            "(SELECT id FROM project ORDER BY id DESC LIMIT 5)"
        )
        connection.exec_driver_sql(
            "UPDATE project SET total_budget_cents = 0 WHERE id IN "
            "(SELECT id FROM project ORDER BY id LIMIT 3 OFFSET 20)"
        )
    with pole_db.read() as session:
        rows = (
            session.connection()
            .exec_driver_sql(
                "SELECT p.id, (SELECT count(*) FROM project_domain d WHERE d.project_id = p.id), "
                "p.lead_organisation_id, p.total_budget_cents FROM project p"
            )
            .all()
        )
        counts = lacking_counts(session, ProjectFilter(), ("domains", "lead", "budget"))
    lacking = {
        "domains": {i for i, n, _lead, _budget in rows if n == 0},
        "lead": {i for i, _n, lead, _budget in rows if lead is None},
        "budget": {i for i, _n, _lead, budget in rows if not budget},
    }
    assert all(lacking.values())
    for name, expected in lacking.items():
        assert set(ids_for(pole_db, ProjectFilter(incomplete=(name,)))) == expected
        assert counts[name] == len(expected)
    every = lacking["domains"] | lacking["lead"] | lacking["budget"]
    assert set(ids_for(pole_db, ProjectFilter(incomplete=("domains", "lead", "budget")))) == every
    assert counts[""] == len(every)

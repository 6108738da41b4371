"""The projects table's queries against a brute-force reading of the same rows."""

from __future__ import annotations

import re

import pytest

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.domain.text import fold
from portfolio_desktop.storage.project_list import SORT_KEYS, project_rows, select_projects


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
        comparable = [(k is not None, k if k is not None else "") for k in keys]
        if sort_key not in ("call", "cluster"):
            # SQL puts NULLs first ascending (last descending); Python sees (False, "") first.
            assert comparable == sorted(comparable, reverse=descending)
        else:
            names = [k or "" for k in keys]
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

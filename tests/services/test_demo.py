"""The demo: deterministic, plausible to a cluster manager, and clean under `check`."""

from __future__ import annotations

import hashlib
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from portfolio_desktop.domain.enums import ProjectStatus
from portfolio_desktop.domain.identifiers import siren_valid
from portfolio_desktop.domain.workflow import path_to
from portfolio_desktop.services.check import check_database
from portfolio_desktop.services.demo import DemoNotEmptyError, create_demo
from portfolio_desktop.services.stats import portfolio_stats
from portfolio_desktop.storage.schema import open_database

TABLES = (
    "cluster",
    "domain",
    "funder",
    "call",
    "organisation",
    "expert",
    "project",
    "participation",
    "funding_line",
    "evaluation",
    "status_change",
    "project_domain",
    "project_region",
)


def content_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with sqlite3.connect(path) as conn:
        for table in TABLES:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            ignored = {"created_at", "updated_at", "changed_at"}
            kept = ", ".join(c for c in columns if c not in ignored)
            for row in conn.execute(f"SELECT {kept} FROM {table} ORDER BY 1, 2"):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def test_same_seed_same_portfolio(pole_demo_file: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite"
    db = open_database(again)
    create_demo(db, "pole", 1)
    db.dispose()
    assert content_digest(again) == content_digest(pole_demo_file)

    other = tmp_path / "other.sqlite"
    db = open_database(other)
    create_demo(db, "pole", 2)
    db.dispose()
    assert content_digest(other) != content_digest(pole_demo_file)


def test_pole_demo_looks_like_images_et_reseaux(pole_db) -> None:
    stats = portfolio_stats(pole_db)
    by_status = stats["projects_by_status"]
    evaluated = sum(
        n
        for s, n in by_status.items()
        if s
        in {"evaluated", "labelled", "not_labelled", "funded", "not_funded", "running", "closed"}
    )
    funded = by_status["funded"] + by_status["running"] + by_status["closed"]
    assert 1_000 <= evaluated <= 1_300
    assert 480 <= funded <= 620
    # 1.3 bn€ mobilised, every instrument; « Aide accordée » (grants) is most of it.
    mobilised = sum(Decimal(v) for v in stats["funding_by_instrument"].values())
    assert Decimal("1.25e9") <= mobilised <= Decimal("1.35e9")
    total = Decimal(stats["funding_total"])
    assert Decimal("0.85") * mobilised <= total < mobilised
    assert set(stats["funding_by_year"]) >= {str(y) for y in range(2005, 2027)}
    assert len(stats["funding_by_domain"]) == 6
    assert "Région Bretagne" in stats["funding_by_funder"]
    assert "État — FUI (DGE)" in stats["funding_by_funder"]
    # Apportioning by domain loses nothing but rounding.
    assert abs(sum(Decimal(v) for v in stats["funding_by_domain"].values()) - total) < 1


def test_pole_demo_keeps_the_rules(pole_db) -> None:
    assert check_database(pole_db) == []
    with pole_db.read() as session:
        conn = session.connection()
        sirens = [
            r[0]
            for r in conn.exec_driver_sql("SELECT siren FROM organisation WHERE siren IS NOT NULL")
        ]
        assert sirens and all(siren_valid(s) for s in sirens)
        regions = {r[0] for r in conn.exec_driver_sql("SELECT DISTINCT region FROM project_region")}
        assert regions == {"BRE", "PDL"}
        # Every project's history follows the pipeline to its current status.
        history: dict[int, list[str]] = {}
        for pid, to_status in conn.exec_driver_sql(
            "SELECT project_id, to_status FROM status_change ORDER BY project_id, id"
        ):
            history.setdefault(pid, []).append(to_status)
        for pid, status in conn.exec_driver_sql("SELECT id, status FROM project"):
            steps = history.get(pid, [])
            if status == "draft":
                assert steps == []
            elif status != "abandoned":
                assert steps == [s.value for s in path_to(ProjectStatus(status))], (
                    pid,
                    status,
                    steps,
                )
            else:
                assert steps[-1] == "abandoned"
        # Funded projects have granted money; refused ones only requests.
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM project WHERE status IN ('running', 'closed') AND granted_cents = 0"
            ).scalar()
            == 0
        )
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM project WHERE status = 'not_funded' AND granted_cents > 0"
            ).scalar()
            == 0
        )
        titles = [r[0] for r in conn.exec_driver_sql("SELECT title FROM project LIMIT 50")]
        assert all(len(t) > 20 and "lorem" not in t.lower() for t in titles)


def test_demo_refuses_a_database_with_projects(pole_db) -> None:
    with pytest.raises(DemoNotEmptyError):
        create_demo(pole_db, "pole", 3)

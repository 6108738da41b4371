"""The portfolio as it stood at a moment, rebuilt into a throw-away SQLite copy.

Two histories say what the portfolio was:

- the **change history** (`change_history`, transaction time): every edit, creation and
  deletion made after the moment is undone on the copy, newest first — a field gets its old value
  back, a created row goes, a deleted row (a project with its partners, funding lines and split)
  comes back;
- the **dates the records carry** (business time), for rows written in bulk with their past
  (the demo, imports of old projects): a project entered after the moment (`created_at`) goes;
  its status is the one its status history (`status_change`) had reached by the moment; the step
  dates, evaluations and funding decisions dated after the moment's day are not yet known.

The summaries (`storage.summaries`) are then recomputed, so every figure, chart, export and report
reads the copy as it reads a live portfolio. The copy is a SQLite file whatever the source
(PostgreSQL tables are copied row by row).

What the history does not hold cannot come back: a deleted project's status moves and
evaluations (deleted with it), and the values of rows an undone import had created beyond the
names its undo recorded.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from time import perf_counter
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, and_, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from . import tables as t
from .database import Database

log = logging.getLogger(__name__)

#: The project's step dates: unknown before their day.
STEP_DATES = (
    "submitted_on",
    "evaluated_on",
    "labelling_decided_on",
    "funding_decided_on",
    "closed_on",
    "abandoned_on",
)
#: Tables copied from a server, parents first (`Base.metadata.sorted_tables` order).
_SKIPPED = frozenset({"alembic_version"})


@dataclass(frozen=True, slots=True)
class AsOf:
    """A moment: changes recorded at or after `moment` are undone; dates after `day` unknown."""

    moment: datetime

    @property
    def day(self) -> date:
        """The last day whose dates are known (the moment's day, or the day before midnight)."""
        return (self.moment - timedelta(microseconds=1)).date()

    @classmethod
    def end_of(cls, day: date) -> AsOf:
        """As the portfolio stood at the end of `day` (« au 31 décembre 2025 »)."""
        return cls(datetime.combine(day + timedelta(days=1), time.min))


@dataclass(frozen=True, slots=True)
class RewindReport:
    """What rebuilding the copy did."""

    undone_changes: int
    removed_projects: int
    unrestorable: int


def _decode(column: Any, text: str | None) -> Any:
    """A history value (`history.encode`) back to the column's Python value."""
    if text is None:
        return None
    kind = column.type
    if isinstance(kind, Boolean):
        return text == "true"
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(text)
    if isinstance(kind, Date):
        return date.fromisoformat(text)
    if isinstance(kind, Integer):  # BigInteger and SmallInteger are Integers
        return int(text)
    return text


def _row_values(table: str, values: Mapping[str, Any]) -> dict[str, Any]:
    tab = t.Base.metadata.tables[table]
    return {k: _decode(tab.c[k], v) for k, v in values.items() if k in tab.c and k != "id"}


def _set_split(session: Session, project_id: int, field: str, text: str | None) -> None:
    if field == "domains":
        session.execute(delete(t.ProjectDomain).where(t.ProjectDomain.project_id == project_id))
        rows = []
        for part in (text or "").split(","):
            if ":" in part:
                domain_id, percent = part.split(":", 1)
                rows.append(
                    {"project_id": project_id, "domain_id": int(domain_id), "percent": int(percent)}
                )
        if rows:
            session.execute(t.table_of(t.ProjectDomain).insert(), rows)
    else:
        session.execute(delete(t.ProjectRegion).where(t.ProjectRegion.project_id == project_id))
        codes = [c for c in (text or "").split(",") if c]
        if codes:
            session.execute(
                t.table_of(t.ProjectRegion).insert(),
                [{"project_id": project_id, "region": c} for c in codes],
            )


_PROJECT_DEFAULTS: dict[str, Any] = {
    "acronym": "", "title": "", "summary": "", "keywords": "", "notes": "",
    "responsible_digital": False, "version": 1,
}  # fmt: skip


def _reinsert(session: Session, table: str, row_id: int, project_id: int | None, old: str) -> bool:
    """Puts a deleted row back under its id from the record its deletion left; False when the
    record does not hold enough (an undone import's rows keep only their names)."""
    try:
        record = json.loads(old)
    except ValueError:
        return False
    if not isinstance(record, dict):
        return False
    values = _row_values(table, record)
    tab = t.Base.metadata.tables[table]
    if table == "project":
        at = values.get("created_at") or datetime.min
        values = {**_PROJECT_DEFAULTS, "created_at": at, "updated_at": at, **values}
    elif table in ("funding_line", "participation", "evaluation") and project_id is not None:
        values["project_id"] = project_id
    try:
        with session.begin_nested():
            session.execute(tab.insert().values(id=row_id, **values))
            if table == "project":
                _set_split(session, row_id, "domains", record.get("domains"))
                _set_split(session, row_id, "regions", record.get("regions"))
                for child, key in (
                    ("participation", "partners"),
                    ("funding_line", "funding_lines"),
                ):
                    for item in record.get(key) or []:
                        child_values = _row_values(child, item)
                        child_values["project_id"] = row_id
                        session.execute(
                            t.Base.metadata.tables[child]
                            .insert()
                            .values(id=int(item["id"]), **child_values)
                        )
    except (IntegrityError, KeyError, ValueError):
        return False
    return True


def _undo_history(session: Session, at: AsOf, touched: set[int]) -> tuple[int, int]:
    """Undoes every recorded change at or after the moment, newest first; returns (undone,
    unrestorable). The projects whose summaries need recomputing go into `touched`."""
    h = t.table_of(t.ChangeHistory)
    rows = session.execute(
        select(
            h.c.table_name, h.c.row_id, h.c.project_id, h.c.action, h.c.field,
            h.c.old_value, h.c.new_value,
        ).where(h.c.changed_at >= at.moment).order_by(h.c.id.desc())
    ).all()  # fmt: skip
    unrestorable = 0
    for table, row_id, project_id, action, field, old, _new in rows:
        if table not in t.Base.metadata.tables:
            continue
        if project_id is not None:
            touched.add(int(project_id))
        elif table in ("organisation", "domain"):  # names in the projects' summaries
            touched.add(-1)
        tab = t.Base.metadata.tables[table]
        if action in ("created", "restored"):
            try:
                with session.begin_nested():
                    session.execute(delete(tab).where(tab.c.id == row_id))
            except IntegrityError:  # still referenced by a row the history does not name
                unrestorable += 1
        elif action == "deleted":
            exists = session.scalar(select(tab.c.id).where(tab.c.id == row_id))
            if exists is None and (
                old is None or not _reinsert(session, table, row_id, project_id, old)
            ):
                unrestorable += 1
        elif action == "updated" and table == "project" and field in ("domains", "regions"):
            _set_split(session, row_id, field, old)
        elif action == "updated" and field in tab.c:
            session.execute(
                update(tab).where(tab.c.id == row_id).values({field: _decode(tab.c[field], old)})
            )
    session.execute(delete(h).where(h.c.changed_at >= at.moment))
    return len(rows), unrestorable


def _rewind_statuses(session: Session, at: AsOf) -> None:
    """A project's status is the one its status history had reached by the moment."""
    sc = t.table_of(t.StatusChange)
    later = (
        select(sc.c.project_id, func.min(sc.c.id).label("first"))
        .where(sc.c.changed_at >= at.moment)
        .group_by(sc.c.project_id)
        .subquery()
    )
    first_later = dict(
        session.execute(
            select(later.c.project_id, sc.c.from_status).join(sc, sc.c.id == later.c.first)
        ).all()
    )
    if not first_later:
        return
    session.execute(delete(sc).where(sc.c.changed_at >= at.moment))
    standing = dict(
        session.execute(
            select(sc.c.project_id, sc.c.to_status).where(
                sc.c.id.in_(select(func.max(sc.c.id)).group_by(sc.c.project_id)),
            )
        ).all()
    )
    p = t.table_of(t.Project)
    updates = [
        {"pid": pid, "st": standing.get(pid) or before}
        for pid, before in first_later.items()
        if standing.get(pid) or before
    ]
    if updates:
        from sqlalchemy import bindparam

        session.execute(
            update(p).where(p.c.id == bindparam("pid")).values(status=bindparam("st")),
            updates,
        )


def _rewind_dates(session: Session, at: AsOf, touched: set[int]) -> int:
    """Business time: what was entered after the moment goes, what is dated after its day is not
    known yet. Returns the projects removed; those whose summaries change go into `touched`."""
    p = t.table_of(t.Project)
    removed = session.execute(delete(p).where(p.c.created_at >= at.moment)).rowcount  # type: ignore[attr-defined]
    _rewind_statuses(session, at)
    for column in STEP_DATES:
        session.execute(update(p).where(p.c[column] > at.day).values({column: None}))
    e = t.table_of(t.Evaluation)
    session.execute(delete(e).where(e.c.evaluated_on > at.day))
    f = t.table_of(t.FundingLine)
    touched.update(
        int(i)
        for i in session.scalars(select(f.c.project_id).where(f.c.decision_on > at.day).distinct())
    )
    _rewind_money(session, at)
    session.execute(
        update(f)
        .where(f.c.decision_on > at.day)
        .values(granted_cents=None, paid_cents=None, decision_on=None, granted_override=False)
    )
    _rewind_submissions(session, at)
    o = t.table_of(t.Organisation)
    session.execute(
        update(o)
        .where(and_(o.c.is_member.is_(True), o.c.member_since > at.day))
        .values(is_member=False)
    )
    b = t.table_of(t.ImportBatch)
    session.execute(delete(b).where(b.c.started_at >= at.moment))
    return int(removed or 0)


def _rewind_money(session: Session, at: AsOf) -> None:
    """A line not yet decided at the day has no schedule, shares or spread yet; a payment received
    after the day has not arrived (undated ones are kept: when they came is not known), and each
    line's paid amount is again the sum of what had arrived."""
    f = t.table_of(t.FundingLine)
    undecided = select(f.c.id).where(f.c.decision_on > at.day)
    for model in (t.LineYearAmount, t.CofinancingShare, t.Payment, t.PaymentTranche):
        table = t.table_of(model)
        session.execute(delete(table).where(table.c.funding_line_id.in_(undecided)))
    pay = t.table_of(t.Payment)
    late = select(pay.c.funding_line_id).where(pay.c.received_on > at.day).distinct()
    lines = [int(i) for i in session.scalars(late)]
    session.execute(delete(pay).where(pay.c.received_on > at.day))
    for start in range(0, len(lines), 500):
        batch = lines[start : start + 500]
        paid = (
            select(func.coalesce(func.sum(pay.c.amount_cents), 0))
            .where(pay.c.funding_line_id == f.c.id)
            .scalar_subquery()
        )
        session.execute(update(f).where(f.c.id.in_(batch)).values(paid_cents=paid))


def _rewind_submissions(session: Session, at: AsOf) -> None:
    """Submissions made after the day are not there yet; decisions taken after it not taken."""
    s = t.table_of(t.Submission)
    session.execute(delete(s).where(s.c.submitted_on > at.day))
    session.execute(
        update(s)
        .where(s.c.label_decided_on > at.day)
        .values(label_decision=None, label_decided_on=None, committee_id=None)
    )
    session.execute(
        update(s)
        .where(s.c.funder_decided_on > at.day)
        .values(funder_decision=None, funder_decided_on=None)
    )
    session.execute(update(s).where(s.c.withdrawn_on > at.day).values(withdrawn_on=None))
    u = t.table_of(t.FollowUp)
    session.execute(update(u).where(u.c.done_on > at.day).values(done_on=None))


def _copy_rows(source: Database, target: Database) -> None:
    """A server's tables into the fresh SQLite copy, parents first (the SQLite path uses the
    online backup instead)."""
    with source.read() as reading, target.write(source="as-of") as writing:
        connection = writing.connection()
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        tables = [x for x in t.Base.metadata.sorted_tables if x.name not in _SKIPPED]
        for table in reversed(tables):  # what the migrations seeded (the default domains)
            connection.execute(delete(table))
        for table in tables:
            if table.name in _SKIPPED:
                continue
            result = reading.connection().execution_options(yield_per=20_000).execute(select(table))
            for chunk in result.mappings().partitions(20_000):
                connection.execute(table.insert(), [dict(r) for r in chunk])


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup in one step (consistent while others write), without the
    integrity check a real backup gets: the copy is thrown away after use, and checking a
    national portfolio takes most of a minute."""
    import contextlib
    import sqlite3

    with (
        contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst, pages=-1)


def rewind(db: Database, at: AsOf) -> RewindReport:
    """Rewinds `db` itself (a copy!) to the moment, then recomputes its summaries."""
    from .summaries import refresh_projects

    touched: set[int] = set()
    with db.write(source="as-of") as session:
        started = perf_counter()
        undone, unrestorable = _undo_history(session, at, touched)
        undo_time = perf_counter() - started
        removed = _rewind_dates(session, at, touched)
        dates_time = perf_counter() - started - undo_time
        # Only the projects whose lines, splits, partners or names changed: a full refresh takes
        # most of a minute at national scale. A renamed organisation or domain: all of them.
        refresh_projects(session, None if -1 in touched else touched)
        log.info(
            "as of %s: history %.1f s, dates %.1f s, summaries of %s projects %.1f s",
            at.moment.isoformat(), undo_time, dates_time,
            "all" if -1 in touched else len(touched),
            perf_counter() - started - undo_time - dates_time,
        )  # fmt: skip
    return RewindReport(undone, removed, unrestorable)


def build_copy(source: Database, target: Path, at: AsOf) -> RewindReport:
    """Writes to `target` (a new SQLite file) the portfolio `source` held at the moment."""
    from .schema import open_database

    if target.exists():
        target.unlink()
    if source.path is not None:
        _sqlite_copy(source.path, target)
        copy = open_database(target)
    else:
        copy = open_database(target)
        _copy_rows(source, copy)
    try:
        return rewind(copy, at)
    finally:
        copy.dispose()


@dataclass(slots=True)
class PortfolioCopy:
    """The portfolio as it stood at a moment, in a throw-away folder, open until `close`."""

    at: AsOf
    db: Database
    folder: Path

    def close(self) -> None:
        import shutil

        self.db.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)


def open_copy(source: Database, at: AsOf, folder: Path | None = None) -> PortfolioCopy:
    """Builds the portfolio as it stood at the moment in a new throw-away folder and opens it;
    the caller closes it (which removes the folder). A failure leaves no folder behind."""
    import shutil
    import tempfile

    from .schema import open_database

    scratch = Path(tempfile.mkdtemp(prefix="portfolio-as-of-", dir=folder))
    try:
        path = scratch / "as-of.sqlite"
        report = build_copy(source, path, at)
        log.info("as of %s: %s", at.moment.isoformat(), report)
        return PortfolioCopy(at, open_database(path), scratch)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise


@contextmanager
def portfolio_as_of(source: Database, at: AsOf, folder: Path | None = None) -> Iterator[Database]:
    """The portfolio as it stood at the moment, open read-only, removed afterwards."""
    copy = open_copy(source, at, folder)
    try:
        yield copy.db
    finally:
        copy.close()

"""The workbook's experts, evaluations, committees, submissions and follow-up sheets, read back.

These sheets (`workbook_schema.FOLLOW_UP_SHEETS`) are recognised by their title and headers, in
French or English, as the export writes them. Their rows hang on projects (of the workbook or of
the portfolio, by cluster and reference), experts (by name), calls, committees and funders (by
name). Each row is created, updated (its values differ from the record it matches), unchanged, or
an error of its sheet, row and column; `plan_follow_up` only plans, `storage.apply.follow_up.write_follow_up` writes in
the import's transaction and records each created row in the batch (an undo removes them).

Matching: an expert by name; a committee by name; an evaluation by project, expert and date; a
submission by project, call and date of submission; a follow-up item by project, kind, title and
due date. An expert's domains and tied organisations are written for the experts the import
creates (an existing expert's are edited in the application).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ... import messages
from ...domain.enums import Recommendation
from ...domain.follow_up import FollowUpKind
from ...domain.submissions import FunderDecision, LabelDecision
from ...storage import follow_up_queries as fq
from .. import workbook_schema as ws
from .reader import SheetData, WorkbookData
from .values import (
    CellProblem,
    cell_text,
    is_blank,
    key,
    parse_amount,
    parse_date,
    parse_int,
    parse_text,
)

#: Sheet key → (count key, record name in outcomes).
COUNTS = {
    "experts": "experts",
    "evaluations": "evaluations",
    "committees": "committees",
    "submissions": "submissions",
    "follow_up": "follow_up",
}
_ENUMS: dict[str, tuple[str, ...]] = {
    "Recommendation": tuple(r.value for r in Recommendation),
    "LabelDecision": tuple(d.value for d in LabelDecision),
    "FunderDecision": tuple(d.value for d in FunderDecision),
    "FollowUpKind": tuple(k.value for k in FollowUpKind),
}
#: The columns each record's row carries, by sheet (after the names are resolved to ids).
VALUES = {
    "evaluations": (
        "evaluated_on", "score_innovation", "score_consortium", "score_impact",
        "score_feasibility", "recommendation", "opinion",
    ),
    "submissions": (
        "requested_cents", "label_decision", "label_decided_on", "committee_id", "label_override",
        "funder_decision", "funder_decided_on", "withdrawn_on", "notes",
    ),
    "follow_up": ("funder_id", "done_on", "notes"),
    "experts": ("email", "affiliation"),
    "committees": ("held_on", "members", "notes"),
}  # fmt: skip


def _choices(kind: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for code in _ENUMS[kind]:
        for word in (code, code.replace("_", " "), *messages.LABELS.get((kind, code), ())):
            table[key(word)] = code
    return table


_CHOICES = {kind: _choices(kind) for kind in _ENUMS}


def choice(kind: str, value: Any) -> str | None:
    """The code of one of these closed lists that a cell names (label or code, French or English)."""
    text = cell_text(value)
    if not text:
        return None
    found = _CHOICES[kind].get(key(text))
    if found is None:
        shown = ", ".join(messages.labels(kind).values())
        raise CellProblem("import_unknown_choice", value=text, choices=shown)
    return found


@dataclass(slots=True)
class PlannedRow:
    """One row of these sheets: what it writes, and where it came from."""

    sheet: str
    row: int
    table: str
    action: str  # created, updated, unchanged
    values: dict[str, Any]
    #: The matched record's id (updates), or 0.
    id: int = 0
    #: Provisional references resolved at commit time: column → (kind, provisional value).
    pending: dict[str, tuple[str, Any]] = field(default_factory=dict)
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)
    #: For an expert created: its domains and tied organisations (ids, maybe provisional).
    domains: list[int] = field(default_factory=list)
    ties: list[int] = field(default_factory=list)
    #: The provisional id others rows use for a created expert or committee.
    provisional: int = 0


@dataclass(slots=True)
class FollowUpPlan:
    """What the five sheets would write."""

    rows: list[PlannedRow] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        counts = {name: {"created": 0, "updated": 0, "unchanged": 0} for name in COUNTS.values()}
        for row in self.rows:
            counts[COUNTS[_SHEET_OF_TABLE[row.table]]][row.action] += 1
        return counts


_SHEET_OF_TABLE = {
    "expert": "experts",
    "evaluation": "evaluations",
    "committee": "committees",
    "submission": "submissions",
    "follow_up": "follow_up",
}


def _is_sheet(data: SheetData, sheet: ws.Sheet) -> bool:
    if data.name not in (sheet.fr, sheet.en) or not data.rows:
        return False
    headers = {parse_text(v) for v in data.rows[0] if not is_blank(v)}
    required = {c.key for c in sheet.columns if c.required}
    return {c.fr for c in sheet.columns if c.key in required} <= headers or {
        c.en for c in sheet.columns if c.key in required
    } <= headers


def is_follow_up_sheet(data: SheetData) -> bool:
    """Whether a sheet is one of the five, by its title and its required headers."""
    return any(_is_sheet(data, sheet) for sheet in ws.FOLLOW_UP_SHEETS)


def _find_sheet(workbook: WorkbookData, sheet: ws.Sheet) -> SheetData | None:
    return next((data for data in workbook.sheets if _is_sheet(data, sheet)), None)


class _Reader:
    """Reads one sheet's rows as typed values by column key, with per-cell problems."""

    def __init__(self, planner: Any, data: SheetData, sheet: ws.Sheet, date1904: bool) -> None:
        self.planner = planner
        self.data = data
        self.sheet = sheet
        self.date1904 = date1904
        self.columns: dict[str, tuple[int, str]] = {}
        for index, value in enumerate(data.rows[0]):
            text = cell_text(value)
            for column in sheet.columns:
                if text in (column.fr, column.en):
                    self.columns[column.key] = (index, text)
        self.missing = [c for c in sheet.columns if c.required and c.key not in self.columns]
        for column in self.missing:
            self.problem(1, column.fr, "import_missing_column", column=column.fr)

    def problem(self, row: int, header: str, code: str, **params: object) -> None:
        from .plan import Problem

        self.planner.plan.problems.append(Problem(self.data.name, row, header, code, params))

    def header(self, column_key: str) -> str:
        found = self.columns.get(column_key)
        return found[1] if found else self.sheet.column(column_key).fr

    def rows(self) -> list[tuple[int, dict[str, Any]]]:
        """(spreadsheet row number, values) of the rows whose every cell could be read."""
        if self.missing:
            return []
        result = []
        for offset, cells in enumerate(self.data.rows[1:]):
            number = offset + 2
            if all(is_blank(v) for v in cells):
                continue
            values: dict[str, Any] = {}
            bad = False
            for column_key, (index, header) in self.columns.items():
                raw = cells[index] if index < len(cells) else None
                try:
                    values[column_key] = self._value(self.sheet.column(column_key).kind, raw)
                except CellProblem as problem:
                    self.problem(number, header, problem.code, **problem.params)
                    bad = True
            for column in self.sheet.columns:
                if column.required and not bad and values.get(column.key) in (None, ""):
                    self.problem(number, self.header(column.key), "required")
                    bad = True
            if not bad:
                result.append((number, values))
        return result

    def _value(self, kind: str, raw: Any) -> Any:
        if kind == "date":
            return parse_date(raw, date1904=self.date1904)
        if kind == "money":
            return parse_amount(raw)
        if kind == "int":
            return parse_int(raw)
        if kind.startswith("enum:"):
            return choice(kind[5:], raw)
        return cell_text(raw).strip()


def plan_follow_up(planner: Any, session: Any, workbook: WorkbookData) -> FollowUpPlan:
    """Plans the five sheets against the workbook's other sheets (`planner`) and the portfolio."""
    plan = FollowUpPlan()
    readers = {}
    for sheet in ws.FOLLOW_UP_SHEETS:
        data = _find_sheet(workbook, sheet)
        if data is not None:
            readers[sheet.key] = _Reader(planner, data, sheet, workbook.date1904)
    if not readers:
        return plan
    context = _Context(planner, session)
    if "experts" in readers:
        context.experts_sheet(readers["experts"], plan)
    if "committees" in readers:
        context.committees_sheet(readers["committees"], plan)
    for sheet_key, table in (
        ("evaluations", "evaluation"),
        ("submissions", "submission"),
        ("follow_up", "follow_up"),
    ):
        if sheet_key in readers:
            context.project_sheet(readers[sheet_key], table, plan)
    return plan


class _Context:
    """The names these sheets resolve: projects, experts, committees, calls, funders."""

    def __init__(self, planner: Any, session: Any) -> None:
        self.planner = planner
        self.session = session
        self.experts = _Names(fq.named_rows(session, "expert"))
        self.committees = _Names(fq.named_rows(session, "committee"))
        self.db_projects: dict[tuple[int, str], int] | None = None
        self.existing: dict[str, dict[int, list[dict[str, Any]]]] = {}

    # -- reference names ---------------------------------------------------------------------------

    def _ref(
        self, reader: _Reader, number: int, column_key: str, table: str, name: str | None
    ) -> tuple[bool, Any]:
        """(ok, id or provisional id) of a name in one of the planner's reference tables."""
        if not name:
            return True, None
        refs = self.planner.refs[table]
        found = refs.lookup(name)
        if len(found) != 1:
            code = "import_unknown_name" if not found else "import_ambiguous_name"
            reader.problem(number, reader.header(column_key), code, value=name)
            return False, None
        row_id = found[0]
        if row_id < 0 and row_id not in refs.used:
            refs.used.add(row_id)
            counts = self.planner.plan.counts.get(_REF_COUNT[table])
            if counts is not None:
                counts["created"] += 1
        return True, row_id

    def experts_sheet(self, reader: _Reader, plan: FollowUpPlan) -> None:
        for number, v in reader.rows():
            domains: list[int] = []
            ties: list[int] = []
            ok = True
            for name in _split(v.get("domains")):
                good, row_id = self._ref(reader, number, "domains", "domain", name)
                ok &= good
                if good and row_id is not None:
                    domains.append(row_id)
            for name in _split(v.get("ties")):
                # A filtered workbook lists only its projects' organisations: a tie to another
                # one is left out and said so, the expert still comes in.
                found = self.planner.refs["organisation"].lookup(name)
                if len(found) == 1:
                    ok &= self._ref(reader, number, "ties", "organisation", name)[0]
                    ties.append(found[0])
                else:
                    from .plan import Skipped

                    self.planner.plan.skipped.append(
                        Skipped(reader.data.name, number, "import_skip_unknown_tie",
                                {"value": name})
                    )  # fmt: skip
            if not ok:
                continue
            values = {"name": v["name"], "email": v.get("email") or "",
                      "affiliation": v.get("affiliation") or ""}  # fmt: skip
            row = self.experts.match(reader, number, "expert", values, VALUES["experts"], plan)
            if row is not None:
                row.domains, row.ties = domains, ties

    def committees_sheet(self, reader: _Reader, plan: FollowUpPlan) -> None:
        for number, v in reader.rows():
            members = "\n".join(_split(v.get("members")))
            values = {"name": v["name"], "held_on": v.get("held_on"), "members": members,
                      "notes": v.get("notes") or ""}  # fmt: skip
            self.committees.match(reader, number, "committee", values, VALUES["committees"], plan)

    # -- rows of projects --------------------------------------------------------------------------

    def project_of(self, reader: _Reader, number: int, v: dict[str, Any]) -> Any:
        """An existing project's id, a ProjectPlan the import creates, or None (an error)."""
        planner = self.planner
        reference = v["reference"]
        cluster_text = v.get("cluster") or ""
        clusters = planner.refs["cluster"]
        if cluster_text:
            ids = planner.cluster_ids(cluster_text)
        else:
            ids = list(clusters.rows) if len(clusters.rows) == 1 else []
        for cluster_id in ids:
            project = planner.projects.get((cluster_id, reference))
            if project is not None:
                if project.bad:
                    reader.problem(number, reader.header("reference"), "import_project_rejected",
                                   reference=reference)  # fmt: skip
                    return None
                return project if project.action == "created" else project.id
            found = self._db_projects().get((cluster_id, reference))
            if found is not None:
                return found
        reader.problem(
            number, reader.header("reference"), "import_unknown_project", reference=reference
        )
        return None

    def _db_projects(self) -> dict[tuple[int, str], int]:
        if self.db_projects is None:
            self.db_projects = fq.project_keys(self.session)
        return self.db_projects

    def _existing(self, table: str, project_id: int) -> list[dict[str, Any]]:
        by_project = self.existing.get(table)
        if by_project is None:
            by_project = self.existing[table] = fq.rows_by_project(self.session, table)
        return by_project.get(project_id, [])

    def project_sheet(self, reader: _Reader, table: str, plan: FollowUpPlan) -> None:
        for number, v in reader.rows():
            project = self.project_of(reader, number, v)
            if project is None:
                continue
            values: dict[str, Any] = {}
            pending: dict[str, tuple[str, Any]] = {}
            ok = True
            natural: tuple[str, ...]
            if table == "evaluation":
                found = self.experts.lookup(v["expert"], v.get("expert_email") or "")
                if found is None:
                    reader.problem(number, reader.header("expert"), "import_unknown_name",
                                   value=v["expert"])  # fmt: skip
                    continue
                pending["expert_id"] = ("expert", found)
                for column in VALUES["evaluations"]:
                    values[column] = v.get(column) if column != "opinion" else v.get(column) or ""
                natural = ("expert_id", "evaluated_on")
            elif table == "submission":
                good, call_id = self._ref(reader, number, "call", "call", v.get("call"))
                ok &= good
                pending["call_id"] = ("call", call_id)
                committee_id = None
                if v.get("committee"):
                    committee_id = self.committees.lookup(v["committee"])
                    if committee_id is None:
                        reader.problem(number, reader.header("committee"), "import_unknown_name",
                                       value=v["committee"])  # fmt: skip
                        ok = False
                pending["committee_id"] = ("committee", committee_id)
                values.update(
                    submitted_on=v.get("submitted_on"), requested_cents=v.get("requested"),
                    label_decision=v.get("label_decision"),
                    label_decided_on=v.get("label_decided_on"),
                    label_override=v.get("label_override") or "",
                    funder_decision=v.get("funder_decision"),
                    funder_decided_on=v.get("funder_decided_on"),
                    withdrawn_on=v.get("withdrawn_on"), notes=v.get("notes") or "",
                )  # fmt: skip
                natural = ("call_id", "submitted_on")
            else:
                good, funder_id = self._ref(reader, number, "funder", "funder", v.get("funder"))
                ok &= good
                pending["funder_id"] = ("funder", funder_id)
                values.update(kind=v["kind"], title=v.get("title") or "", due_on=v["due_on"],
                              done_on=v.get("done_on"), notes=v.get("notes") or "")  # fmt: skip
                natural = ("kind", "title", "due_on")
            if not ok:
                continue
            row = PlannedRow(reader.data.name, number, table, "created", values, pending=pending)
            if isinstance(project, int):
                row.values["project_id"] = project
                resolved = {**values, **{c: p[1] for c, p in pending.items()}}
                for current in self._existing(table, project):
                    if all(current[c] == resolved[c] for c in natural):
                        row.id = current["id"]
                        row.changes = [
                            (c, current[c], resolved[c])
                            for c in resolved
                            if c not in natural and current.get(c) != resolved[c]
                        ]
                        row.action = "updated" if row.changes else "unchanged"
                        break
            else:
                row.pending["project_id"] = ("project", project)
            plan.rows.append(row)


_REF_COUNT = {"call": "calls", "funder": "funders", "domain": "domains",
              "organisation": "organisations"}  # fmt: skip


class _Names:
    """Experts or committees by name (exact, then folded), with those the workbook creates.

    Two experts may share a name: an expert is then told by name and e-mail together."""

    def __init__(self, rows: Any) -> None:
        self.rows: dict[int, dict[str, Any]] = {}
        self.by_identity: dict[tuple[str, str], int] = {}
        self.by_name: dict[str, list[int]] = {}
        self.by_key: dict[str, list[int]] = {}
        self._next = -1
        for row in rows:
            self._add(int(row["id"]), row)

    @staticmethod
    def identity(values: dict[str, Any]) -> tuple[str, str]:
        return values["name"], values.get("email") or ""

    def _add(self, row_id: int, values: dict[str, Any]) -> None:
        self.rows[row_id] = values
        self.by_identity.setdefault(self.identity(values), row_id)
        self.by_name.setdefault(values["name"], []).append(row_id)
        self.by_key.setdefault(key(values["name"]), []).append(row_id)

    def lookup(self, name: str, email: str = "") -> int | None:
        if (name, email) in self.by_identity:
            return self.by_identity[(name, email)]
        for found in (self.by_name.get(name, []), self.by_key.get(key(name), [])):
            if found:
                return found[0] if len(found) == 1 else None
        return None

    def match(
        self,
        reader: _Reader,
        number: int,
        table: str,
        values: dict[str, Any],
        compared: tuple[str, ...],
        plan: FollowUpPlan,
    ) -> PlannedRow | None:
        existing = self.by_identity.get(self.identity(values))
        if existing is None and "email" not in values:
            named = self.by_name.get(values["name"], [])
            existing = named[0] if len(named) == 1 else None
        if existing is not None and existing < 0:
            reader.problem(number, reader.header("name"), "import_duplicate_name",
                           value=values["name"])  # fmt: skip
            return None
        row = PlannedRow(reader.data.name, number, table, "created", values)
        if existing is not None:
            current = self.rows[existing]
            row.id = existing
            row.changes = [(c, current.get(c), values[c]) for c in compared
                           if (current.get(c) or None) != (values[c] or None)]  # fmt: skip
            row.action = "updated" if row.changes else "unchanged"
        else:
            row.provisional = self._next
            self._add(self._next, values)
            self._next -= 1
        plan.rows.append(row)
        return row


def _split(text: Any) -> list[str]:
    if not text:
        return []
    return [part.strip() for part in str(text).replace("\n", ";").split(";") if part.strip()]

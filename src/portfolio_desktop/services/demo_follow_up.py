"""The demo's submissions, labelling committees and follow-up, made from its generated projects.

Every project past draft gets the submission its call and steps describe (as migration 0011 does
for an existing portfolio); about one in eight was refused by a first funder a year earlier and
labelled again, ANR and Horizon Europe submissions often get a letter of support rather than a
label, and each month with label decisions has its committee. Funded projects owe milestones,
deliverables, an interim and a final report; a few reports are late. A random generator of its own
keeps the rest of the demo exactly as it was.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any, Protocol

from ..domain.enums import ProjectStatus as S
from ..domain.follow_up import FollowUpKind
from ..domain.submissions import FunderDecision, LabelDecision, initial_submission

MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip

_MILESTONES = (
    "Spécifications validées",
    "Premier prototype intégré",
    "Démonstrateur en conditions réelles",
)
_DELIVERABLES = (
    "Livrable L1 — état de l'art",
    "Livrable L2 — architecture",
    "Livrable L3 — rapport d'expérimentation",
)


class DemoCall(Protocol):
    """What the demo knows of a call."""

    id: int
    name: str
    funder_id: int
    family: str
    year: int


def follow_up_rows(
    rows: Mapping[str, Sequence[dict[str, Any]]],
    calls: Mapping[int, Sequence[DemoCall]],
    managers: Sequence[str],
    first_ids: Mapping[str, int],
    seed: int,
    today: date,
) -> dict[str, list[dict[str, Any]]]:
    """The `committee`, `submission` and `follow_up` rows for the demo's generated rows."""
    rng = random.Random(seed * 7919 + 15)
    by_id = {c.id: c for year_calls in calls.values() for c in year_calls}
    requested: dict[int, int] = {}
    main_funder: dict[int, int] = {}
    for line in rows.get("funding_line", []):
        pid = line["project_id"]
        requested[pid] = requested.get(pid, 0) + (line.get("requested_cents") or 0)
        main_funder.setdefault(pid, line["funder_id"])
    submissions: list[dict[str, Any]] = []
    follow_ups: list[dict[str, Any]] = []
    next_submission = first_ids["submission"]
    next_follow_up = first_ids["follow_up"]

    def submission(project_id: int, call_id: int | None, **values: Any) -> None:
        nonlocal next_submission
        submissions.append(
            {
                "id": next_submission,
                "project_id": project_id,
                "call_id": call_id,
                "submitted_on": None,
                "requested_cents": None,
                "label_decision": None,
                "label_decided_on": None,
                "committee_id": None,
                "label_override": "",
                "funder_decision": None,
                "funder_decided_on": None,
                "withdrawn_on": None,
                "notes": "",
                **values,
            }
        )
        next_submission += 1

    def follow_up(
        project_id: int, kind: FollowUpKind, title: str, due: date, **values: Any
    ) -> None:
        nonlocal next_follow_up
        done: date | None = None
        if due <= today - timedelta(days=45) or (due <= today and rng.random() < 0.6):
            # Of the last year's items, a few are still awaited (reports more often than
            # milestones); older ones all came, late or not.
            recent = due > today - timedelta(days=365)
            late = recent and rng.random() < (0.12 if kind.is_report else 0.03)
            if not late:
                done = min(today, due + timedelta(days=rng.randint(-10, 25)))
        follow_ups.append(
            {
                "id": next_follow_up,
                "project_id": project_id,
                "kind": kind.value,
                "title": title,
                "funder_id": None,
                "due_on": due,
                "done_on": done,
                "notes": "",
                **values,
            }
        )
        next_follow_up += 1

    for project in rows.get("project", []):
        status = S(project["status"])
        if status is S.DRAFT:
            continue
        pid = project["id"]
        call = by_id.get(project["call_id"]) if project["call_id"] else None
        submitted = project["submitted_on"]
        label, funder, withdrawn = initial_submission(
            status,
            project["labelling_decided_on"],
            project["funding_decided_on"],
            project["abandoned_on"],
        )
        if (
            label is LabelDecision.LABELLED
            and call is not None
            and call.family in ("anr", "eu")
            and rng.random() < 0.35
        ):
            label = LabelDecision.SUPPORT_LETTER
        elif label is LabelDecision.LABELLED and rng.random() < 0.1:
            label = LabelDecision.LABELLED_WITH_RESERVATIONS
        # An earlier submission to another funder, refused there, for some projects still open
        # or funded (their status stays the later submission's).
        if (
            submitted is not None
            and status not in (S.NOT_LABELLED, S.NOT_FUNDED, S.ABANDONED)
            and rng.random() < 0.12
        ):
            earlier_year = submitted.year - 1
            others = [
                c for c in calls.get(earlier_year, ()) if call is None or c.family != call.family
            ]
            if others:
                first = rng.choice(others)
                first_on = submitted - timedelta(days=rng.randint(200, 380))
                roll = rng.random()
                first_label = (
                    LabelDecision.REFUSED
                    if roll < 0.2
                    else LabelDecision.SUPPORT_LETTER
                    if roll < 0.45
                    else LabelDecision.LABELLED
                )
                label_on = first_on + timedelta(days=rng.randint(40, 70))
                submission(
                    pid,
                    first.id,
                    submitted_on=first_on,
                    requested_cents=requested.get(pid) or None,
                    label_decision=first_label.value,
                    label_decided_on=label_on,
                    funder_decision=(
                        None if first_label is LabelDecision.REFUSED
                        else FunderDecision.NOT_FUNDED.value
                    ),
                    funder_decided_on=(
                        None if first_label is LabelDecision.REFUSED
                        else label_on + timedelta(days=rng.randint(60, 120))
                    ),
                    notes="Refusé par le premier financeur ; projet retravaillé et redéposé.",
                )  # fmt: skip
        submission(
            pid,
            project["call_id"],
            submitted_on=submitted,
            requested_cents=requested.get(pid) or None,
            label_decision=label.value if label else None,
            label_decided_on=project["labelling_decided_on"] if label else None,
            funder_decision=funder.value if funder else None,
            funder_decided_on=project["funding_decided_on"] if funder else None,
            withdrawn_on=withdrawn,
        )
        start, end = project["start_on"], project["end_on"]
        if funder is FunderDecision.FUNDED and start is not None and end is not None:
            span = max(180, (end - start).days)
            for index, title in enumerate(_MILESTONES):
                due = start + timedelta(days=span * (index + 1) // 4)
                follow_up(pid, FollowUpKind.MILESTONE, title, due)
            for index, title in enumerate(_DELIVERABLES[: rng.randint(1, 3)]):
                due = start + timedelta(days=span * (index + 1) // 3 - 30)
                follow_up(pid, FollowUpKind.DELIVERABLE, title, due)
            owed_to = main_funder.get(pid)
            follow_up(
                pid,
                FollowUpKind.INTERIM_REPORT,
                "Rapport intermédiaire",
                start + timedelta(days=min(365, span // 2)),
                funder_id=owed_to,
            )
            follow_up(
                pid,
                FollowUpKind.FINAL_REPORT,
                "Rapport final",
                end + timedelta(days=90),
                funder_id=owed_to,
            )

    committees = _committees(submissions, managers, first_ids["committee"], rng)
    return {"committee": committees, "submission": submissions, "follow_up": follow_ups}


def _committees(
    submissions: list[dict[str, Any]],
    managers: Sequence[str],
    first_id: int,
    rng: random.Random,
) -> list[dict[str, Any]]:
    """One labelling committee per month with label decisions, held on that month's last
    decision day; the month's submissions are on its agenda."""
    last_day: dict[tuple[int, int], date] = {}
    for row in submissions:
        decided = row["label_decided_on"]
        if decided is not None:
            key = (decided.year, decided.month)
            last_day[key] = max(last_day.get(key, decided), decided)
    ids: dict[tuple[int, int], int] = {}
    committees = []
    for offset, key in enumerate(sorted(last_day)):
        ids[key] = first_id + offset
        members = rng.sample(list(managers), k=min(len(managers), rng.randint(3, 5)))
        committees.append(
            {
                "id": first_id + offset,
                "name": f"Comité de labellisation — {MONTHS_FR[key[1] - 1]} {key[0]}",
                "held_on": last_day[key],
                "members": "\n".join(members),
                "notes": "",
            }
        )
    for row in submissions:
        decided = row["label_decided_on"]
        if decided is not None:
            row["committee_id"] = ids[(decided.year, decided.month)]
    return committees

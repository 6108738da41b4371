"""Submissions of a project, for the screens: read them, add one (the project's status follows).

The writes go through `storage.submissions` in one unit of work of their own, source "form".
"""

from __future__ import annotations

from typing import Any

from ..storage.database import Database
from ..storage.submissions import SubmissionRow
from .portfolio import current_user


def project_submissions(db: Database, project_id: int) -> list[SubmissionRow]:
    """The project's submissions, oldest first."""
    from ..storage import submissions

    with db.read() as session:
        return submissions.project_submissions(session, project_id)


def add_submission(db: Database, project_id: int, values: dict[str, Any]) -> int:
    """Adds a submission and brings the project's status in line; refuses a label on a project
    no expert evaluated unless `label_override` says why (`LabelWithoutEvaluationError`)."""
    from ..storage import submissions

    with db.write(source="form", user=current_user()) as session:
        return submissions.add_submission(session, project_id, values)

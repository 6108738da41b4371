"""`portfolio-desktop check`: is the database sound, and do its records keep the domain's rules?

The rules are the domain's (`domain.rules.check_project_state`, `check_organisation`), run over
every stored record read in batches (`storage.invariant_scan`): `check` and the editor find the
same problems and say them in the same words (`finding_message`). Errors make `check` exit 1;
warnings are listed (what an import's preview would have asked the user to accept).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .. import messages
from ..domain import rules
from ..storage import integrity, invariant_scan, reference
from ..storage.database import Database
from ..storage.summaries import refresh_projects
from .progress import Progress, Silent

Finding = integrity.Finding


def check_database(
    db: Database,
    *,
    repair: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
) -> list[Finding]:
    """Every finding; with `repair`, stale summary columns are recomputed first (nothing else,
    and never in a damaged file).

    SQLite's integrity, foreign keys and every stored value first; then, unless the file is
    damaged (the rules would read the damaged values), the kept-in-step summaries and the
    domain's invariants over every project and organisation (`today` bounds the decision dates;
    the system's date when not given).
    """
    if repair and not damaged(damage_findings(db)):
        with db.write() as session:
            refresh_projects(session, None)
    findings: list[Finding] = []
    with db.read() as session:
        if db.is_sqlite:
            findings += integrity.sqlite_integrity(session)
            findings += integrity.value_findings(session)
        if damaged(findings):
            return findings
        findings += integrity.summary_findings(session)
    findings += invariant_findings(db, today=today, progress=progress)
    return findings


def damaged(findings: list[Finding]) -> bool:
    """Whether the findings say the file itself is damaged (not only a broken rule)."""
    return any(f.code in integrity.DAMAGE_CODES for f in findings)


#: Up to this size a file's every value is read before a command writes into it (0.18 s for the
#: pole demo); a larger one (a national portfolio: a whole read of 386 MB) gets SQLite's quick
#: check only, and a damaged value the write then meets stops it with nothing written (its unit
#: of work rolls back, the error is a sentence). `check` reads every value whatever the size.
VALUES_BEFORE_WRITE_BYTES = 64 * 1024 * 1024


def damage_findings(db: Database) -> list[Finding]:
    """What says a database file is damaged, before a command writes into it: SQLite's quick
    check of its structure, then every value (a damaged file is never written into)."""
    if not db.is_sqlite:
        return []
    size = db.path.stat().st_size if db.path is not None and db.path.exists() else 0
    with db.read() as session:
        findings = integrity.sqlite_integrity(session, quick=True)
        if not findings and size <= VALUES_BEFORE_WRITE_BYTES:
            findings = integrity.value_findings(session)
    return findings


def invariant_findings(
    db: Database, *, today: date | None = None, progress: Progress | None = None
) -> list[Finding]:
    """The domain's rules over every stored project and organisation, in id order."""
    return list(_scan(db, today or date.today(), progress or Silent()))


def projects_to_review(db: Database, *, today: date | None = None) -> tuple[int, ...]:
    """The ids of the projects with at least one finding, error or warning (the "to review" list
    of the projects table: `ProjectFilter(project_ids=…)`)."""
    ids = {f.project_id for f in invariant_findings(db, today=today) if f.project_id is not None}
    return tuple(sorted(ids))


def _scan(db: Database, today: date, progress: Progress) -> Iterator[Finding]:
    with db.read() as session:
        total = max(invariant_scan.count_projects(session), 1)
        ties = invariant_scan.expert_ties(session)
        domain_poles = reference.domain_poles(session)
        done = 0
        for batch in invariant_scan.project_batches(session):
            progress.check()
            for stored in batch:
                record = stored.record
                context = rules.ProjectContext(
                    evaluations=stored.evaluations,
                    expert_ties={
                        e.expert_id: ties.get(e.expert_id, ()) for e in stored.evaluations
                    },
                    domain_poles=domain_poles,
                )
                issues = [
                    rules.Issue("code_unknown", name, {"other": column, "value": value})
                    for name, column, value in stored.unknown
                ]
                unknown_status = rules.check_status_code(stored.status_code)
                if unknown_status:
                    # The rules that do not depend on the status; the record says `draft`.
                    issues += unknown_status + rules.check_project(record)
                    issues += rules.check_money_against_costs(record)
                    issues += rules.check_dates_not_in_future(record, today)
                    issues += rules.check_evaluations(
                        stored.evaluations,
                        context.expert_ties,
                        [p.organisation_id for p in record.partners],
                    )
                else:
                    issues += rules.check_project_state(record, today=today, context=context)
                for issue in issues:
                    yield Finding(
                        issue.code,
                        dict(issue.params),
                        severity=issue.severity.value,
                        project=record.reference,
                        project_id=record.id,
                        field=issue.field,
                    )
            done += len(batch)
            progress.report(done / total, "check_progress_projects")
        for organisations in invariant_scan.organisation_batches(session):
            for organisation, kind in organisations:
                issues = rules.check_organisation(organisation)
                if kind not in invariant_scan.ORGANISATION_KINDS:
                    issues.append(
                        rules.Issue("code_unknown", "kind", {"other": "kind", "value": kind})
                    )
                for issue in issues:
                    yield Finding(
                        issue.code,
                        dict(issue.params),
                        severity=issue.severity.value,
                        organisation=organisation.name,
                        field=issue.field,
                    )


def finding_message(finding: Finding, lang: str | None = None) -> str:
    """One finding as a sentence: the project or organisation it is about, then the editor's own
    words for the rule (`messages.text`); warnings say they are to be checked."""
    lang = lang or messages.current_language()
    sentence = messages.text(finding.code, finding.params, lang)
    if finding.project is None and finding.organisation is None:
        return sentence
    if finding.code.startswith("check_"):  # integrity findings name their project themselves
        return sentence
    if len(sentence) > 1 and sentence[1].islower():
        sentence = sentence[0].lower() + sentence[1:]
    if finding.project is not None:
        code = "check_project_warning" if finding.severity == "warning" else "check_project_error"
        return messages.text(code, {"reference": finding.project, "message": sentence}, lang)
    code = (
        "check_organisation_warning"
        if finding.severity == "warning"
        else "check_organisation_error"
    )
    return messages.text(code, {"name": finding.organisation, "message": sentence}, lang)

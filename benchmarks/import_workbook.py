"""Writes the import benchmark's workbook: the national demo in the portfolio's workbook layout.

Sheets Projets and Financements (about 100,000 projects and 290,000 funding lines, beneficiaries
left blank: without a Partenaires sheet they could not be checked as partners) plus the reference
sheets (Organisations, Domaines, Financeurs, Appels à projets), with the French headers
of `services.workbook_schema`, statuses and instruments as their French labels, money in euros.
Written with XlsxWriter in constant-memory mode (shared strings, like Excel).
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path

from portfolio_desktop import messages
from portfolio_desktop.domain.enums import REGION_NAMES, Region
from portfolio_desktop.services import workbook_schema as ws


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def write_workbook(db_path: Path, out: Path, *, max_projects: int | None = None) -> dict[str, int]:
    """Writes the workbook from a portfolio database; returns the row counts per sheet."""
    import xlsxwriter

    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    clusters = dict(source.execute("SELECT id, code FROM cluster"))
    orgs = dict(source.execute("SELECT id, name FROM organisation"))
    funders = dict(source.execute("SELECT id, name FROM funder"))
    calls = dict(source.execute("SELECT id, name FROM call"))
    domains = dict(source.execute("SELECT id, name FROM domain"))
    splits: dict[int, list[tuple[str, int]]] = {}
    for pid, did, pct in source.execute(
        "SELECT project_id, domain_id, percent FROM project_domain ORDER BY project_id, percent DESC"
    ):
        splits.setdefault(pid, []).append((domains[did], pct))
    regions: dict[int, list[str]] = {}
    for pid, code in source.execute("SELECT project_id, region FROM project_region"):
        regions.setdefault(pid, []).append(REGION_NAMES[Region(code)])
    leads = dict(
        source.execute("SELECT project_id, organisation_id FROM participation WHERE role = 'lead'")
    )
    status_fr = messages.labels("ProjectStatus", "fr")
    instrument_fr = messages.labels("Instrument", "fr")
    kind_fr = messages.labels("OrganisationKind", "fr")
    funder_kind_fr = messages.labels("FunderKind", "fr")

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    money_format = book.add_format({"num_format": "#,##0.00"})
    counts: dict[str, int] = {}

    def sheet(spec: ws.Sheet, rows: object) -> None:
        target = book.add_worksheet(spec.fr)
        kinds = [c.kind for c in spec.columns]
        target.write_row(0, 0, [c.fr for c in spec.columns])
        n = 0
        for n, values in enumerate(rows, start=1):  # type: ignore[attr-defined]
            for col, (value, kind) in enumerate(zip(values, kinds, strict=True)):
                if value is None or value == "":
                    continue
                if kind == "date":
                    target.write_datetime(n, col, value, date_format)
                elif kind == "money":
                    target.write_number(n, col, value / 100, money_format)
                else:
                    target.write(n, col, value)
        counts[spec.key] = n

    limit = f" LIMIT {int(max_projects)}" if max_projects else ""
    project_ids: list[int] = []

    def project_rows():  # type: ignore[no-untyped-def]
        for row in source.execute(
            "SELECT id, cluster_id, reference, acronym, title, status, call_id, submitted_on, "
            "evaluated_on, labelling_decided_on, funding_decided_on, start_on, end_on, closed_on, "
            "abandoned_on, total_budget_cents, eligible_costs_cents, granted_cents, "
            "responsible_digital, rd_carbon, rd_resources, rd_recyclability, rd_energy, rd_ethics, "
            "keywords, summary, notes FROM project ORDER BY id" + limit
        ):
            pid = row[0]
            project_ids.append(pid)
            lead = leads.get(pid)
            yield [
                clusters[row[1]],
                row[2],
                row[3],
                row[4],
                status_fr[row[5]],
                orgs[lead] if lead else None,
                ws.format_domain_split(splits.get(pid, [])),
                ", ".join(sorted(regions.get(pid, []))),
                calls.get(row[6]) if row[6] else None,
                *(_date(d) for d in row[7:15]),
                row[15],
                row[16],
                row[17],
                "Oui" if row[18] else "Non",
                *row[19:24],
                row[24],
                row[25],
                row[26],
            ]

    sheet(ws.PROJECTS, project_rows())
    last = max(project_ids) if project_ids else 0

    def line_rows():  # type: ignore[no-untyped-def]
        for row in source.execute(
            "SELECT f.id, p.cluster_id, p.reference, f.funder_id, f.instrument, f.beneficiary_id, "
            "f.requested_cents, f.granted_cents, f.paid_cents, f.decision_on, f.granted_override "
            "FROM funding_line f JOIN project p ON p.id = f.project_id WHERE p.id <= ? "
            "ORDER BY f.id",
            (last,),
        ):
            yield [
                row[0],
                clusters[row[1]],
                row[2],
                funders[row[3]],
                instrument_fr[row[4]],
                # No Partenaires sheet here: a beneficiary would have to be a partner it names.
                None,
                row[6],
                row[7],
                row[8],
                _date(row[9]),
                "Oui" if row[10] else "Non",
            ]

    sheet(ws.FUNDING, line_rows())

    def organisation_rows():  # type: ignore[no-untyped-def]
        for row in source.execute(
            "SELECT name, kind, siren, siret, region, city, is_member, member_since, member_until "
            "FROM organisation ORDER BY id"
        ):
            yield [
                row[0],
                kind_fr[row[1]],
                row[2],
                row[3],
                REGION_NAMES[Region(row[4])] if row[4] else None,
                row[5],
                "Oui" if row[6] else "Non",
                _date(row[7]),
                _date(row[8]),
            ]

    sheet(ws.ORGANISATIONS, organisation_rows())
    sheet(
        ws.DOMAINS,
        (
            [name, colour, "Oui" if active else "Non", pole]
            for name, colour, active, pole in source.execute(
                "SELECT d.name, d.colour, d.active, c.code FROM domain d"
                " LEFT JOIN cluster c ON c.id = d.cluster_id ORDER BY d.position, d.id"
            )
        ),
    )
    sheet(
        ws.FUNDERS,
        (
            [name, funder_kind_fr[kind]]
            for name, kind in source.execute("SELECT name, kind FROM funder ORDER BY id")
        ),
    )
    sheet(
        ws.CALLS,
        (
            [name, funders.get(fid) if fid else None, programme, year]
            for name, fid, programme, year in source.execute(
                "SELECT name, funder_id, programme, year FROM call ORDER BY id"
            )
        ),
    )
    book.close()
    source.close()
    return counts


if __name__ == "__main__":
    print(write_workbook(Path(sys.argv[1]), Path(sys.argv[2])))

"""An independent spreadsheet client reads the export: LibreOffice converts every sheet to CSV and
each value equals the database's (amounts to the cent, dates, labels, Oui/Non, the Summary's sums).

The test command (./test.sh) installs LibreOffice Calc: these tests fail, never skip, without it.
"""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from portfolio_desktop import messages
from portfolio_desktop.domain.enums import REGION_NAMES, Region
from portfolio_desktop.services.excel_export import export_workbook
from portfolio_desktop.services.stats import portfolio_stats
from portfolio_desktop.services.workbook_schema import SHEETS, Sheet

pytestmark = pytest.mark.libreoffice

#: UTF-8, comma-separated, double-quoted, raw values (not as shown), every sheet (-1, LO ≥ 7.2).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.fail(
            "LibreOffice (soffice) is missing: install libreoffice-calc-nogui (./test.sh does)",
            pytrace=False,
        )
    return found


def libreoffice(*args: str, cwd: Path) -> None:
    """Runs soffice headless with a private profile, so that parallel runs never collide."""
    profile = Path("/tmp") / f"lo-{uuid.uuid4().hex}"
    try:
        done = subprocess.run(
            [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=240,
            env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert done.returncode == 0, done.stderr


def sheets_as_csv(workbook: Path, folder: Path) -> dict[str, list[list[str]]]:
    """Every sheet of the workbook, as LibreOffice reads it, by sheet name."""
    libreoffice("--convert-to", CSV_FILTER, "--outdir", str(folder), str(workbook), cwd=folder)
    found = {}
    for path in folder.glob(f"{workbook.stem}-*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            found[path.stem.removeprefix(f"{workbook.stem}-")] = list(csv.reader(handle))
    return found


def parse(kind: str, text: str) -> object:
    """A CSV cell back to a typed value, by the column's kind in the layout."""
    if text == "":
        return None
    if kind == "money":
        cents = Decimal(text) * 100
        assert cents == cents.to_integral_value(), f"{text} is not a whole number of cents"
        return int(cents)
    if kind == "date":
        for pattern in ("%m/%d/%Y", "%Y-%m-%d", "%d/%m/%Y"):
            try:
                return datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise AssertionError(f"not a date: {text}")
    if kind in ("int", "score"):
        return int(Decimal(text))
    return text


def typed(sheet: Sheet, rows: list[list[str]]) -> Iterator[list[object]]:
    kinds = [c.kind for c in sheet.columns]
    for row in rows:
        yield [parse(k, v) for k, v in zip(kinds, row, strict=True)]


# -- what the database says each sheet holds (independent SQL) -----------------------------------

SQL = {
    "projects": (
        "SELECT c.code, p.reference, p.acronym, p.title, p.status, p.lead_name, p.id,"
        " p.regions_label, ca.name, p.submitted_on, p.evaluated_on, p.labelling_decided_on,"
        " p.funding_decided_on, p.start_on, p.end_on, p.closed_on, p.abandoned_on,"
        " p.total_budget_cents, p.eligible_costs_cents, p.granted_cents, p.responsible_digital,"
        " p.rd_carbon, p.rd_resources, p.rd_recyclability, p.rd_energy, p.rd_ethics, p.keywords,"
        " p.summary, p.notes FROM project p JOIN cluster c ON c.id = p.cluster_id"
        " LEFT JOIN call ca ON ca.id = p.call_id"
    ),
    "funding": (
        "SELECT l.id, c.code, p.reference, f.name, l.instrument, o.name, l.requested_cents,"
        " l.granted_cents, l.paid_cents, l.decision_on, l.granted_override FROM funding_line l"
        " JOIN project p ON p.id = l.project_id JOIN cluster c ON c.id = p.cluster_id"
        " JOIN funder f ON f.id = l.funder_id LEFT JOIN organisation o ON o.id = l.beneficiary_id"
    ),
    "partners": (
        "SELECT c.code, p.reference, o.name, o.siren, pa.role, pa.budget_cents"
        " FROM participation pa JOIN project p ON p.id = pa.project_id"
        " JOIN cluster c ON c.id = p.cluster_id JOIN organisation o ON o.id = pa.organisation_id"
    ),
    "organisations": (
        "SELECT name, kind, siren, siret, region, city, is_member, member_since, member_until"
        " FROM organisation"
    ),
    "domains": "SELECT name, colour, active FROM domain",
    "funders": "SELECT name, kind FROM funder",
    "calls": (
        "SELECT c.name, f.name, c.programme, c.year FROM call c"
        " LEFT JOIN funder f ON f.id = c.funder_id"
    ),
}
ENUMS = {"status": "ProjectStatus", "instrument": "Instrument", "role": "PartnerRole"}


def expected_rows(conn: sqlite3.Connection, sheet: Sheet) -> list[list[object]]:
    splits: dict[int, str] = {}
    for pid, name, percent in conn.execute(
        "SELECT pd.project_id, d.name, pd.percent FROM project_domain pd"
        " JOIN domain d ON d.id = pd.domain_id"
        " ORDER BY pd.project_id, pd.percent DESC, d.position, d.name"
    ):
        part = f"{name} {percent} %"
        splits[pid] = f"{splits[pid]}; {part}" if pid in splits else part
    rows = []
    for raw in conn.execute(SQL[sheet.key]):
        row: list[object] = []
        for column, value in zip(sheet.columns, raw, strict=True):
            kind = column.kind
            if sheet.key == "projects" and column.key == "domains":
                value = splits.get(value)
            elif value is None or value == "":
                value = None
            elif kind == "date":
                value = date.fromisoformat(value)
            elif kind == "bool":
                value = "Oui" if value else "Non"
            elif kind.startswith("enum:"):
                value = messages.label(kind[5:], value, "fr")
            elif sheet.key == "organisations" and column.key == "region":
                value = REGION_NAMES[Region(value)]
            row.append(value)
        rows.append(row)
    return rows


def test_every_sheet_reads_back_in_libreoffice(pole_db, tmp_path: Path) -> None:
    out = tmp_path / "portefeuille.xlsx"
    export_workbook(pole_db, out, lang="fr")
    sheets = sheets_as_csv(out, tmp_path)
    assert set(sheets) == {s.fr for s in SHEETS} | {"Synthèse", "Listes"}
    with sqlite3.connect(pole_db.path) as conn:
        for sheet in SHEETS:
            header, *rows = sheets[sheet.fr]
            assert header == [c.fr for c in sheet.columns]
            got = sorted(typed(sheet, rows), key=repr)
            want = sorted(expected_rows(conn, sheet), key=repr)
            assert len(got) == len(want), sheet.key
            for g, w in zip(got, want, strict=True):
                assert g == w, sheet.key

    stats = portfolio_stats(pole_db)
    summary = sheets["Synthèse"]
    header_at = next(i for i, r in enumerate(summary) if r[0] == "Année")
    header = summary[header_at]
    total_col = header.index("Total")
    years = {}
    for row in summary[header_at + 1 :]:
        if row[0] == "Total":
            domains = {
                name: parse("money", row[c]) for c, name in enumerate(header[1:total_col], 1)
            }
            break
        years[row[0]] = parse("money", row[total_col])
    assert years == {y: int(Decimal(v) * 100) for y, v in stats["funding_by_year"].items()}
    assert domains == {d: int(Decimal(v) * 100) for d, v in stats["funding_by_domain"].items()}

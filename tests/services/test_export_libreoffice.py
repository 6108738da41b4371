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
from portfolio_desktop.services.workbook_schema import FOLLOW_UP_SHEETS, MONEY_SHEETS, SHEETS, Sheet

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
    "domains": (
        "SELECT d.name, d.colour, d.active, c.code FROM domain d"
        " LEFT JOIN cluster c ON c.id = d.cluster_id"
    ),
    "funders": "SELECT name, kind FROM funder",
    "calls": (
        "SELECT c.name, f.name, c.programme, c.year FROM call c"
        " LEFT JOIN funder f ON f.id = c.funder_id"
    ),
    "clusters": "SELECT code, name, regions FROM cluster",
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
            elif sheet.key == "clusters" and column.key == "regions":
                value = ", ".join(REGION_NAMES[Region(r)] for r in value.split(","))
            row.append(value)
        rows.append(row)
    return rows


def test_every_sheet_reads_back_in_libreoffice(pole_db, tmp_path: Path) -> None:
    out = tmp_path / "portefeuille.xlsx"
    export_workbook(pole_db, out, lang="fr")
    sheets = sheets_as_csv(out, tmp_path)
    assert set(sheets) == {s.fr for s in (*SHEETS, *MONEY_SHEETS, *FOLLOW_UP_SHEETS)} | {
        "Synthèse",
        "Listes",
    }
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


# -- export → edit in LibreOffice → import ---------------------------------------------------------

ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}


def _q(prefix: str, name: str) -> str:
    return f"{{{ODF[prefix]}}}{name}"


class FlatSpreadsheet:
    """A LibreOffice flat ODS document (.fods), edited cell by cell as LibreOffice stores it."""

    def __init__(self, path: Path) -> None:
        from xml.etree import ElementTree as ET

        for _event, (prefix, uri) in ET.iterparse(path, events=("start-ns",)):
            ET.register_namespace(prefix, uri)
        self.tree = ET.parse(path)

    def save(self, path: Path) -> None:
        self.tree.write(path, encoding="utf-8", xml_declaration=True)

    def _table(self, name: str):  # type: ignore[no-untyped-def]
        return next(
            t for t in self.tree.iter(_q("table", "table")) if t.get(_q("table", "name")) == name
        )

    @staticmethod
    def _cells(row):  # type: ignore[no-untyped-def]
        return [
            c
            for c in row
            if c.tag in (_q("table", "table-cell"), _q("table", "covered-table-cell"))
        ]

    def _cell(self, row, index: int):  # type: ignore[no-untyped-def]
        """The cell element at column `index`, split out of a repeated run if need be."""
        import copy

        repeat = _q("table", "number-columns-repeated")
        column = 0
        for cell in self._cells(row):
            count = int(cell.get(repeat, "1"))
            if column <= index < column + count:
                if count == 1:
                    return cell
                position = list(row).index(cell)
                before, after = index - column, column + count - index - 1
                parts = []
                for n in (before, 1, after):
                    if n:
                        part = copy.deepcopy(cell)
                        part.attrib.pop(repeat, None)
                        if n > 1:
                            part.set(repeat, str(n))
                        parts.append((n, part))
                row.remove(cell)
                for offset, (_n, part) in enumerate(parts):
                    row.insert(position + offset, part)
                return parts[1 if before else 0][1]
            column += count
        raise AssertionError(f"no column {index}")

    @staticmethod
    def text_of(cell) -> str:  # type: ignore[no-untyped-def]
        return "\n".join("".join(p.itertext()) for p in cell.iter(_q("text", "p")))

    def find_row(self, sheet: str, column: int, value: str):  # type: ignore[no-untyped-def]
        for row in self._table(sheet).iter(_q("table", "table-row")):
            cell = self._cell(row, column) if len(self._cells(row)) else None
            if cell is not None and self.text_of(cell) == value:
                return row
        raise AssertionError(f"{sheet}: no row with {value!r} in column {column}")

    def _set(self, cell, kind: str, shown: str, **values: str) -> None:  # type: ignore[no-untyped-def]
        for name in ("value-type", "value", "date-value", "string-value", "boolean-value"):
            cell.attrib.pop(_q("office", name), None)
        cell.attrib.pop(_q("calcext", "value-type"), None)
        for child in list(cell):
            cell.remove(child)
        cell.set(_q("office", "value-type"), kind)
        cell.set(_q("calcext", "value-type"), kind)
        for name, value in values.items():
            cell.set(_q("office", name.replace("_", "-")), value)
        from xml.etree import ElementTree as ET

        ET.SubElement(cell, _q("text", "p")).text = shown

    def set_text(self, row, column: int, value: str) -> None:  # type: ignore[no-untyped-def]
        self._set(self._cell(row, column), "string", value)

    def set_number(self, row, column: int, value: Decimal) -> None:  # type: ignore[no-untyped-def]
        self._set(self._cell(row, column), "float", str(value), value=str(value))

    def set_date(self, row, column: int, value: date) -> None:  # type: ignore[no-untyped-def]
        self._set(self._cell(row, column), "date", value.isoformat(), date_value=value.isoformat())


def test_edit_in_libreoffice_then_import_updates_exactly_that(pole_db, tmp_path: Path) -> None:
    """A title, a total budget, a granted amount, a decision date and a city are changed in
    LibreOffice's own document, saved as .xlsx by LibreOffice, and imported: those five values
    change in the database, nothing else does."""
    from sqlalchemy import text

    from portfolio_desktop.services.excel_import import import_workbook

    from .test_export_roundtrip import snapshot

    with pole_db.engine.connect() as conn:  # SQLite or PostgreSQL
        line_id, reference, requested = conn.execute(
            text(
                "SELECT l.id, p.reference, l.requested_cents FROM funding_line l"
                " JOIN project p ON p.id = l.project_id WHERE l.paid_cents IS NULL"
                " AND l.granted_cents IS NOT NULL AND l.requested_cents > 100000"
                " AND p.total_budget_cents IS NOT NULL ORDER BY l.id LIMIT 1"
            )
        ).one()
        budget = conn.execute(
            text("SELECT total_budget_cents FROM project WHERE reference = :r"), {"r": reference}
        ).scalar_one()
        organisation = conn.execute(
            text("SELECT name FROM organisation WHERE city != '' ORDER BY id LIMIT 1")
        ).scalar_one()
    out = tmp_path / "portefeuille.xlsx"
    export_workbook(pole_db, out, lang="fr")
    before = snapshot(pole_db)

    work = tmp_path / "lo"
    work.mkdir()
    libreoffice("--convert-to", "fods", "--outdir", str(work), str(out), cwd=work)
    document = FlatSpreadsheet(work / "portefeuille.fods")
    columns = {s.key: [c.key for c in s.columns] for s in SHEETS}
    project = document.find_row("Projets", 1, reference)
    document.set_text(project, columns["projects"].index("title"), "=Titre révisé dans LibreOffice")
    document.set_number(
        project, columns["projects"].index("total_budget"), Decimal(budget + 100_000) / 100
    )
    line = document.find_row("Financements", 0, str(line_id))
    new_granted = requested - 12_345
    document.set_number(line, columns["funding"].index("granted"), Decimal(new_granted) / 100)
    document.set_date(line, columns["funding"].index("decision_on"), date(2024, 5, 17))
    org = document.find_row("Organisations", 0, organisation)
    document.set_text(org, columns["organisations"].index("city"), "Plougastel-Daoulas")
    edited_fods = work / "edited.fods"
    document.save(edited_fods)
    libreoffice("--convert-to", "xlsx", "--outdir", str(work), str(edited_fods), cwd=work)

    report = import_workbook(pole_db, work / "edited.xlsx")
    assert report.ok, report.to_json()
    counts = report.to_json()
    assert counts["projects"]["updated"] == 1
    assert counts["funding_lines"]["updated"] == 1
    assert counts["organisations"]["updated"] == 1
    assert counts["projects"]["created"] == counts["funding_lines"]["created"] == 0
    assert counts["organisations"]["created"] == 0

    after = snapshot(pole_db)
    changed = {
        table: (
            sorted(set(before[table]) - set(after[table]), key=repr),
            sorted(set(after[table]) - set(before[table]), key=repr),
        )
        for table in before
        if before[table] != after[table]
    }
    assert set(changed) == {"projects", "funding_lines", "organisations", "summaries"}
    (old_project,), (new_project,) = changed["projects"]
    assert old_project[1] == new_project[1] == reference
    differing = {i for i, (a, b) in enumerate(zip(old_project, new_project, strict=True)) if a != b}
    assert differing == {3, 15}  # title, total budget
    assert new_project[3] == "=Titre révisé dans LibreOffice"
    assert new_project[15] == budget + 100_000
    (old_line,), (new_line,) = changed["funding_lines"]
    differing = {i for i, (a, b) in enumerate(zip(old_line, new_line, strict=True)) if a != b}
    assert differing <= {6, 8} and new_line[6] == new_granted and new_line[8] == "2024-05-17"
    # What the projects table shows of that one project follows: its granted total and the
    # text its search finds (the new title).
    (old_summary,), (new_summary,) = changed["summaries"]
    assert old_summary[1] == new_summary[1] == reference
    differing = {i for i, (a, b) in enumerate(zip(old_summary, new_summary, strict=True)) if a != b}
    assert differing == {2, 7}  # granted, search text
    assert new_summary[2] - old_summary[2] == new_granted - old_line[6]
    assert "titre revise dans libreoffice" in new_summary[7]
    (old_org,), (new_org,) = changed["organisations"]
    assert old_org[0] == new_org[0] == organisation and new_org[5] == "Plougastel-Daoulas"
    assert [i for i, (a, b) in enumerate(zip(old_org, new_org, strict=True)) if a != b] == [5]

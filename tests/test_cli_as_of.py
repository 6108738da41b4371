"""`--as-of DATE` on stats, chart, report and export: the portfolio as it stood at that day's end."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from portfolio_desktop.__main__ import main
from portfolio_desktop.storage.schema import open_database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(pole_demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "pole.sqlite"
    shutil.copyfile(pole_demo_file, path)
    return path


def test_stats_as_of_the_end_of_2015(demo: Path, capsys) -> None:
    code, out, _ = run(capsys, "stats", "--db", str(demo), "--json", "--as-of", "31/12/2015")
    assert code == 0
    then = json.loads(out)
    _, out, _ = run(capsys, "stats", "--db", str(demo), "--json")
    now = json.loads(out)
    assert 0 < then["projects"] < now["projects"]
    # After 2015, only the later years of grants decided by then and spread over them.
    from tests.storage.test_as_of import committed_after

    database = open_database(demo)
    try:
        committed = committed_after(database, date(2015, 12, 31))
    finally:
        database.dispose()
    for year, euros in then["funding_by_year"].items():
        if int(year) > 2015:
            assert Decimal(euros) == Decimal(committed.get(int(year), 0)) / 100, year
    _, out, _ = run(capsys, "stats", "--db", str(demo), "--json", "--as-of", "2015-12-31")
    assert json.loads(out) == then  # both ways of writing the day


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("31/13/2025", "n'est pas une date"),
        ("demain", "n'est pas une date"),
        ((date.today() + timedelta(days=3)).isoformat(), "n'est pas encore passé"),
    ],
)
def test_a_bad_day_is_one_sentence_and_exit_2(demo: Path, capsys, value: str, words: str) -> None:
    code, out, err = run(capsys, "stats", "--db", str(demo), "--as-of", value)
    assert code == 2 and out == ""
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_chart_and_export_as_of(demo: Path, tmp_path: Path, capsys) -> None:
    png = tmp_path / "funding.png"
    code, _, err = run(
        capsys, "chart", "funding-over-time", "--db", str(demo), str(png), "--as-of", "2012-06-30"
    )
    assert code == 0, err
    assert png.stat().st_size > 10_000
    book = tmp_path / "then.xlsx"
    code, _, err = run(capsys, "export", "--db", str(demo), str(book), "--as-of", "2012-06-30")
    assert code == 0, err
    from openpyxl import load_workbook

    sheet = load_workbook(book, read_only=True)["Projets"]
    years = [row[0].value for row in sheet.iter_rows(min_row=2) if row[0].value]
    assert years and all(str(ref)[3:7] <= "2012" for ref in years if str(ref)[:3] == "IR-")


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler (pdftotext) not installed")
def test_report_title_page_says_the_day_and_the_pole(demo: Path, tmp_path: Path, capsys) -> None:
    pdf = tmp_path / "rapport.pdf"
    code, _, err = run(capsys, "report", "--db", str(demo), str(pdf), "--as-of", "31/12/2025")
    assert code == 0, err
    text = subprocess.run(
        ["pdftotext", "-l", "2", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    title = " ".join(text.split("\f")[0].split())
    assert "Au 31 décembre 2025" in title
    assert "Pôle : Images & Réseaux" in title
    assert str(demo) not in title and ".sqlite" not in title
    assert "Au 31 décembre 2025" in text.split("\f")[1]  # the footers say it too


def test_snapshot_take_list_compare(demo: Path, capsys) -> None:
    code, out, err = run(
        capsys,
        "snapshot",
        "take",
        "Rapport annuel 2025",
        "--db",
        str(demo),
        "--as-of",
        "31/12/2025",
    )
    assert code == 0, err
    assert out.startswith("Instantané « Rapport annuel 2025 » au 31 décembre 2025 enregistré")
    code, _, err = run(
        capsys, "snapshot", "take", "Rapport 2015", "--db", str(demo), "--as-of", "2015-12-31"
    )
    assert code == 0, err
    code, out, _ = run(capsys, "snapshot", "list", "--db", str(demo), "--json")
    listed = json.loads(out)
    assert [s["name"] for s in listed] == ["Rapport 2015", "Rapport annuel 2025"]
    code, out, _ = run(
        capsys, "snapshot", "compare", "Rapport 2015", "Rapport annuel 2025", "--db", str(demo)
    )
    assert code == 0
    assert "« Rapport 2015 » (au 31 décembre 2015) → « Rapport annuel 2025 »" in out
    assert "Aide accordée par pôle" in out and "Images & Réseaux" in out
    assert "Aide accordée par financeur" in out and "Projets par statut" in out
    code, out, _ = run(
        capsys, "snapshot", "compare", "Rapport 2015", "Rapport annuel 2025", "--db", str(demo),
        "--json",
    )  # fmt: skip
    moves = json.loads(out)["movements"]
    total = next(m for m in moves if m["dimension"] == "total" and m["measure"] == "projects")
    assert total["first"] == listed[0]["figures"]["projects"]
    assert total["delta"] == listed[1]["figures"]["projects"] - listed[0]["figures"]["projects"]
    code, _, err = run(capsys, "snapshot", "take", "Rapport 2015", "--db", str(demo))
    assert code == 2 and "déjà" in err
    code, _, err = run(capsys, "snapshot", "compare", "Rapport 2015", "--db", str(demo))
    assert code == 2 and "2 noms" in err


def test_deck_command(demo: Path, tmp_path: Path, capsys) -> None:
    from pptx import Presentation

    out = tmp_path / "bilan.pptx"
    code, printed, err = run(
        capsys, "deck", "--db", str(demo), str(out), "--as-of", "31/12/2025", "--region", "BRE"
    )
    assert code == 0, err
    assert printed.strip() == f"Diaporama enregistré : {out}"
    slides = list(Presentation(str(out)).slides)
    assert len(slides) == 9
    footer = [
        s.text_frame.text
        for s in slides[3].shapes
        if s.has_text_frame and " · " in s.text_frame.text
    ]
    assert footer[0].startswith("Au 31 décembre 2025 · Régions : Bretagne")
    code, _, err = run(capsys, "deck", "--db", str(demo), str(tmp_path / "bilan.pdf"))
    assert code == 2 and ".pptx" in err


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler (pdftotext) not installed")
def test_an_exported_chart_says_its_filter_and_day(demo: Path, tmp_path: Path, capsys) -> None:
    """A filtered funnel of four equal bars must not read as the portfolio's conversion."""
    out = tmp_path / "entonnoir.pdf"
    code, _, err = run(
        capsys, "chart", "pipeline", "--db", str(demo), str(out), "--region", "BRE",
        "--status", "funded", "--as-of", "31/12/2025",
    )  # fmt: skip
    assert code == 0, err
    text = " ".join(
        subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "Au 31 décembre 2025 · Filtre : Statuts : Financé · Régions : Bretagne" in text
    whole = tmp_path / "tout.pdf"
    run(capsys, "chart", "pipeline", "--db", str(demo), str(whole))
    text = subprocess.run(["pdftotext", str(whole), "-"], capture_output=True, text=True).stdout
    assert "Tout le portefeuille (aucun" in " ".join(text.split())  # « fi » is one glyph in PDFs


def test_cluster_command(demo: Path, capsys) -> None:
    code, out, err = run(capsys, "cluster", "add", "av", "Aerospace Valley", "--db", str(demo))
    assert code == 0, err
    code, out, _ = run(capsys, "cluster", "list", "--db", str(demo), "--json")
    listed = {r["code"]: r for r in json.loads(out)}
    assert listed["AV"]["projects"] == 0 and len(listed) == 2
    code, _, err = run(
        capsys, "cluster", "rename", "AV", "AESE", "Aerospace Valley", "--db", str(demo)
    )
    assert code == 0, err
    (other,) = [c for c in listed if c != "AV"]
    code, out, err = run(capsys, "cluster", "merge", "AESE", other, "--db", str(demo))
    assert code == 0, err
    assert "0 projet passé de « Aerospace Valley »" in out
    code, _, err = run(capsys, "cluster", "merge", "NOPE", other, "--db", str(demo))
    assert code == 2 and "n'existe pas" in err

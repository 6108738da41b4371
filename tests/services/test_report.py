"""The executive PDF report: its pages rendered to PNG (pdftoppm), its words read back (pdftotext)."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.domain.money import format_money
from portfolio_desktop.errors import KnownError
from portfolio_desktop.services import report
from portfolio_desktop.services.analytics import Analytics
from portfolio_desktop.services.progress import Cancelled, Progress

POPPLER = shutil.which("pdftoppm") and shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler (pdftoppm, pdftotext) not installed"
)
PAGES = len(report.REPORT_CHARTS) + 2


def pdf_text(path: Path) -> list[str]:
    """The text of each page."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    # Spaces of every kind (the narrow no-break space of French amounts) read back as one space.
    return [
        " ".join(page.replace("\u202f", " ").replace("\xa0", " ").split())
        for page in out.split("\f")[:-1]
    ]


def spaced(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def render_pages(path: Path, folder: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


@pytest.fixture
def analytics(pole_db) -> Analytics:
    return Analytics(pole_db)


@needs_poppler
def test_french_report_pages(analytics, tmp_path: Path) -> None:
    flt = ProjectFilter(statuses=("funded", "running", "closed"), regions=("BRE",), year_from=2012)
    out = tmp_path / "rapport.pdf"
    report.write_report(analytics, flt, out, "fr", today=date(2026, 11, 26))
    pages = render_pages(out, tmp_path)
    assert len(pages) == PAGES
    from matplotlib.image import imread

    for page in pages:
        pixels = imread(page)
        assert pixels.shape[1] > pixels.shape[0]  # A4 landscape
        assert pixels.std() > 0.02, page.name  # something is drawn on every page
    text = pdf_text(out)
    assert len(text) == PAGES
    title = text[0]
    assert "Portefeuille de projets R&D" in title and "Édité le 26 novembre 2026" in title
    assert "Statuts : Financé, En cours, Terminé" in title
    assert "Régions : Bretagne" in title and "Années de dépôt : à partir de 2012" in title
    figures = analytics.overview(flt).key_figures
    assert "Chiffres clés" in text[1]
    assert spaced(format_money(figures.granted_cents, "fr", decimals=False)) in text[1]
    assert "Aide accordée par année, par domaine" in text[2]
    assert "Entonnoir des projets" in text[3]
    assert "Maturité numérique responsable" in text[8]
    largest = analytics.largest_projects(flt, report.LARGEST)
    assert f"Les {len(largest)} projets financés les plus aidés" in text[9]
    assert largest[0].reference in text[9]
    assert spaced(format_money(largest[0].granted_cents, "fr", decimals=False)) in text[9]
    assert all(f"Page {i} sur {PAGES}" in page for i, page in enumerate(text, start=1))


@needs_poppler
def test_english_report_of_the_whole_portfolio(analytics, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    report.write_report(analytics, ProjectFilter(), out, "en", by="funder", today=date(2026, 2, 1))
    text = pdf_text(out)
    assert "Executive report" in text[0] and "Issued on 1 February 2026" in text[0]
    assert "No filter: the whole portfolio." in text[0]
    assert "Funding granted per year, by funder" in text[2]
    assert "Page 10 of 10" in text[-1]


def test_filters_in_words(pole_db) -> None:
    analytics = Analytics(pole_db)
    flt = ProjectFilter(
        search="  données ",
        domain_ids=(1,),
        funder_kinds=("eu",),
        instruments=("loan",),
        funding_year_from=2015,
        funding_year_to=2015,
        year_to=2020,
        responsible_digital=True,
        organisation_kinds=("sme",),
    )
    lines = report.describe_filter(flt, analytics.names(flt), "fr")
    assert lines == [
        "Recherche : « données »",
        "Domaines : Données & Intelligence Artificielle",
        "Années de dépôt : jusqu'à 2020",
        "Types de financeur : Union européenne",
        "Types d'aide : Prêt",
        "Années de financement : 2015",
        "Types de partenaire : PME",
        "Projets « numérique responsable » seulement",
    ]
    english = report.describe_filter(ProjectFilter(year_from=2010, year_to=2012), {}, "en")
    assert english == ["Submission years: 2010 to 2012"]
    clicked = ProjectFilter(reached="funded", project_ids=(4, 8, 15))
    assert report.describe_filter(clicked, {}, "fr") == [
        "Projets parvenus à l'étape « Financé » (historique des statuts)",
        "3 projets choisis un par un (à revoir)",
    ]
    assert report.describe_filter(ProjectFilter(), {}, "fr") == []


def test_cancelling_leaves_nothing(analytics, tmp_path: Path) -> None:
    out = tmp_path / "rapport.pdf"
    out.write_bytes(b"the previous report")
    seen: list[str] = []

    def watch(fraction: float, message: str) -> None:
        seen.append(message)
        if message == "report_progress_charts":
            progress.cancel()

    progress = Progress(watch)
    with pytest.raises(Cancelled):
        report.write_report(analytics, ProjectFilter(), out, "fr", progress=progress)
    assert out.read_bytes() == b"the previous report"
    assert sorted(os.listdir(tmp_path)) == sorted(
        ["rapport.pdf", "pole.sqlite", "pole.sqlite-shm", "pole.sqlite-wal"]
    )
    assert seen[0] == "report_progress_figures"


def test_report_must_be_a_pdf(analytics, tmp_path: Path) -> None:
    with pytest.raises(KnownError) as error:
        report.write_report(analytics, ProjectFilter(), tmp_path / "report.png", "fr")
    assert error.value.code == "report_not_pdf"


def test_report_and_chart_commands(pole_demo_file: Path, tmp_path: Path, capsys) -> None:
    from portfolio_desktop.__main__ import main

    out = tmp_path / "r.pdf"
    code = main(
        ["report", "--db", str(pole_demo_file), str(out), "--status", "funded", "--region", "BRE"]
    )
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    assert f"Rapport enregistré : {out}" in capsys.readouterr().out
    svg = tmp_path / "c.svg"
    code = main(
        ["--lang", "en", "chart", "funding-over-time", "--db", str(pole_demo_file), str(svg),
         "--by", "funder-kind", "--domain", "Photonique & Quantique"]
    )  # fmt: skip
    assert code == 0 and b"Funding granted per year" in svg.read_bytes()
    gif = str(tmp_path / "c.gif")
    assert main(["--lang", "fr", "chart", "pipeline", "--db", str(pole_demo_file), gif]) == 2
    assert "Format non pris en charge" in capsys.readouterr().err
    code = main(["chart", "pipeline", "--db", str(pole_demo_file), str(svg), "--domain", "Nope"])
    assert code == 2 and "Nope" in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad_name:
        main(["chart", "pie", "--db", str(pole_demo_file), str(svg)])
    assert bad_name.value.code == 2
    assert main(["report", "--db", str(tmp_path / "none.sqlite"), str(out)]) == 2


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_nothing_on_a_page_runs_into_its_footer(
    analytics, tmp_path: Path, monkeypatch, lang
) -> None:
    """The footer (title, date, page number) stays clear of every chart's axes, tick labels and
    legend: a funding-over-time legend of three rows once ran over it."""
    from matplotlib.backends.backend_pdf import PdfPages

    overlaps: list[str] = []
    real_savefig = PdfPages.savefig

    def checked_savefig(self, figure, **kwargs):  # type: ignore[no-untyped-def]
        renderer = figure.canvas.get_renderer()
        footer = [t for t in figure.texts if t.get_position()[1] < 0.05]
        assert len(footer) == 2
        boxes = [t.get_window_extent(renderer) for t in footer]
        artists = [*figure.legends, *figure.axes]
        for artist in artists:
            extent = (
                artist.get_tightbbox(renderer)
                if hasattr(artist, "get_tightbbox")
                else artist.get_window_extent(renderer)
            )
            if extent is not None and any(extent.overlaps(box) for box in boxes):
                overlaps.append(f"page {len(pages) + 1}: {type(artist).__name__}")
        pages.append(figure)
        return real_savefig(self, figure, **kwargs)

    pages: list = []
    monkeypatch.setattr(PdfPages, "savefig", checked_savefig)
    report.write_report(
        analytics, ProjectFilter(), tmp_path / "r.pdf", lang, today=date(2026, 11, 26)
    )
    assert len(pages) == PAGES
    assert overlaps == []

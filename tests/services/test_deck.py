"""The PowerPoint deck: one slide per chart, read back with python-pptx."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

from portfolio_desktop.domain.filters import ProjectFilter
from portfolio_desktop.services import deck, report
from portfolio_desktop.services.analytics import Analytics


def _texts(slide) -> list[str]:  # type: ignore[no-untyped-def]
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_deck_has_one_slide_per_chart_with_french_titles_and_footers(
    pole_db, tmp_path: Path
) -> None:
    analytics = Analytics(pole_db)
    flt = ProjectFilter(statuses=("funded", "running", "closed"), regions=("BRE",))
    out = tmp_path / "comite.pptx"
    deck.write_deck(analytics, flt, out, "fr", as_of=date(2025, 12, 31), today=date(2026, 12, 1))
    shown = Presentation(str(out))
    slides = list(shown.slides)
    assert len(slides) == 1 + len(report.REPORT_CHARTS)
    assert "Rapport de synthèse" in slides[0].shapes.title.text
    assert "Pôle : Images & Réseaux" in "\n".join(_texts(slides[0]))
    titles = [slide.shapes.title.text for slide in slides[1:]]
    assert titles[0] == "Chiffres clés"
    assert "Aide accordée par année, par domaine" in titles[1]
    assert "Entonnoir des projets" in titles[2]
    assert titles[-1].startswith("Maturité numérique responsable")
    assert len(set(titles)) == len(titles) and all(titles)
    for slide in slides:
        footer = [t for t in _texts(slide) if " · " in t]
        assert len(footer) == 1, _texts(slide)
        assert footer[0].startswith("Au 31 décembre 2025 · ")
        assert "Statuts : Financé, En cours, Terminé" in footer[0]
        assert "Régions : Bretagne" in footer[0]
        assert footer[0].endswith("Édité le 1er décembre 2026")
    for slide in slides[1:]:
        pictures = [s for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert len(pictures) == 1
        picture = pictures[0]
        assert picture.left >= 0 and picture.left + picture.width <= shown.slide_width
        assert picture.top + picture.height <= Emu(int(6.85 * 914400))  # above the footer
        from matplotlib.image import imread

        pixels = imread(io.BytesIO(picture.image.blob), format="png")
        assert pixels.std() > 0.02  # a chart, not a blank picture


def test_english_deck_of_the_whole_portfolio(pole_db, tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    deck.write_deck(Analytics(pole_db), ProjectFilter(), out, "en", today=date(2026, 2, 1))
    slides = list(Presentation(str(out)).slides)
    assert slides[1].shapes.title.text == "Key figures"
    footer = [t for t in _texts(slides[1]) if "Issued on 1 February 2026" in t]
    assert footer and footer[0].startswith("No filter: the whole portfolio")

"""The one-page project sheet: what it says (read from the figure's texts), one A4 page, French or
English, and a clear refusal for an unknown reference."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from portfolio_desktop import messages
from portfolio_desktop.__main__ import main
from portfolio_desktop.errors import KnownError
from portfolio_desktop.services import charts
from portfolio_desktop.services.project_sheet import A4_PORTRAIT, draw_sheet, load_sheet
from portfolio_desktop.storage import tables as t


def _resubmitted(db) -> str:
    """A demo project submitted twice whose second submission was funded."""
    with db.read() as session:
        return session.scalar(
            select(t.Project.reference)
            .join(t.Submission, t.Submission.project_id == t.Project.id)
            .where(t.Project.status == "running")
            .group_by(t.Project.id)
            .having(func.count(t.Submission.id) > 1)
            .order_by(t.Project.reference)
            .limit(1)
        )


def _texts(db, reference: str, lang: str) -> list[str]:
    figure = charts.new_figure(A4_PORTRAIT)
    draw_sheet(load_sheet(db, reference), lang, date(2026, 6, 30), figure)
    return [text.get_text() for text in figure.texts]


def test_the_sheet_says_each_submission_and_its_label(pole_db) -> None:
    reference = _resubmitted(pole_db)
    data = load_sheet(pole_db, reference)
    texts = _texts(pole_db, reference, "fr")
    assert texts[0] == "Fiche projet" and data.acronym in texts
    assert "Dépôts et labels (2 dépôts)" in texts
    for call, _submitted, decision, decided, *_rest in data.submissions:
        assert any(call in text for text in texts)
        said = f"{messages.label('LabelDecision', decision, 'fr')} ({decided:%d/%m/%Y})"
        assert said in texts
    assert any(text.startswith("Financé (") for text in texts)
    assert f"Consortium ({len(data.partners)} partenaires)" in texts
    assert any(text.startswith("Innovation ") for text in texts)  # the evaluations' means
    english = _texts(pole_db, reference, "en")
    assert "Project sheet" in english and "Submissions and labels (2 submissions)" in english


def test_sheet_command_writes_one_page(pole_demo_file: Path, tmp_path: Path, capsys) -> None:
    from portfolio_desktop.storage.schema import open_database

    db = open_database(pole_demo_file)
    try:
        reference = _resubmitted(db)
    finally:
        db.dispose()
    out = tmp_path / "fiche.pdf"
    assert main(["sheet", reference, str(out), "--db", str(pole_demo_file)]) == 0
    assert capsys.readouterr().out.strip() == f"Fiche projet écrite : {out}"
    content = out.read_bytes()
    assert (
        content.startswith(b"%PDF")
        and content.count(b"/Type /Page\n")
        + content.count(b"/Type /Page>>")
        + content.count(b"/Type /Page ")
        >= 1
    )
    assert b"/Count 1" in content  # one page
    assert (
        main(["sheet", "IR-1999-9999", str(tmp_path / "x.pdf"), "--db", str(pole_demo_file)]) == 2
    )
    assert capsys.readouterr().err.strip() == "Aucun projet de référence IR-1999-9999."
    assert not (tmp_path / "x.pdf").exists()


def test_an_unknown_reference_is_refused(pole_db) -> None:
    with pytest.raises(KnownError) as error:
        load_sheet(pole_db, "nope")
    assert error.value.code == "sheet_unknown_project"

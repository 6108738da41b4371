"""The words of the codes: plurals agree with their number, in French and in English."""

from __future__ import annotations

import re

from portfolio_desktop import messages


def test_a_count_takes_the_form_its_number_asks_for() -> None:
    assert messages.text("kf_average_left_out", {"count": 1}, "fr") == "(1 sans aide écarté)"
    assert messages.text("kf_average_left_out", {"count": 3}, "fr") == "(3 sans aide écartés)"
    # French: zero takes the singular; English: only one does.
    assert messages.text("kf_projects", {"count": 0}, "fr") == "0 projet dans le filtre"
    assert messages.text("kf_projects", {"count": 0}, "en") == "0 projects in the filter"
    assert messages.text("kf_projects", {"count": 1}, "en") == "1 project in the filter"
    summary = messages.text("check_summary", {"errors": 1, "warnings": 2}, "fr")
    assert summary == "1 erreur, 2 avertissements."


def test_no_message_writes_an_undecided_plural() -> None:
    """« erreur(s) » reads as a form left unfinished: every count says its own form."""
    undecided = re.compile(r"\w\((?:e?s|es|e)\)")
    for code, pair in messages.CATALOGUE.items():
        for template in pair:
            assert not undecided.search(template), (code, template)

"""The one-page project sheet (fiche projet): a PDF, French or English, for a committee or a funder.

Identity and steps, the consortium, the funding lines, every submission with its label and the
funder's answer, the evaluations in brief (mean of each criterion, recommendations) and the
milestones and reports owed. One A4 page: long lists show their first rows and say how many more
there are. Drawn with Matplotlib (`charts.new_figure`), written atomically.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import messages
from ..domain.money import format_money
from ..errors import KnownError
from ..storage.database import Database
from ..storage.follow_up_queries import ProjectSheetData, find_projects, project_sheet_data
from . import charts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

A4_PORTRAIT = (8.27, 11.69)  # inches
LEFT, RIGHT = 0.06, 0.94
LINE = 0.0155  # one row of 8-point text, in figure height
#: Rows shown per list before « … et N autres ».
LIMITS = {"partners": 8, "funding": 6, "submissions": 5, "follow_up": 8}


def load_sheet(db: Database, reference: str) -> ProjectSheetData:
    """The sheet's data; an unknown or ambiguous reference is a `KnownError`."""
    with db.read() as session:
        ids = find_projects(session, reference)
        if not ids:
            raise KnownError("sheet_unknown_project", reference=reference)
        if len(ids) > 1:
            raise KnownError("sheet_ambiguous_project", reference=reference, count=len(ids))
        return project_sheet_data(session, ids[0])


def _t(code: str, lang: str, **params: object) -> str:
    return messages.text(code, params, lang)


def _day(value: date | None, lang: str) -> str:
    if value is None:
        return "—"
    return value.strftime("%d/%m/%Y") if lang == "fr" else value.isoformat()


def _money(cents: int | None, lang: str) -> str:
    return "—" if cents is None else format_money(cents, lang, decimals=False)


class _Page:
    """Writes rows of text down an A4 page."""

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        self.y = 0.955

    def text(self, x: float, value: str, **style: Any) -> None:
        self.figure.text(x, self.y, value, va="top", fontsize=style.pop("size", 8), **style)

    def heading(self, value: str) -> None:
        self.y -= 0.012
        self.text(LEFT, value, size=10.5, fontweight="bold", color="#1F3B64")
        self.y -= 0.021
        self.figure.add_artist(_rule(self.figure, self.y + 0.004))  # a thin rule under the heading

    def table(self, columns: list[tuple[float, str, str]], rows: list[list[str]], more: int,
              lang: str) -> None:  # fmt: skip
        """`columns`: (x, header, alignment); a right-aligned column is placed at its x."""
        for x, header, align in columns:
            self.text(x, header, color="#555555", ha=align, fontweight="bold", size=7.5)
        self.y -= LINE
        if not rows:
            self.text(LEFT, _t("sheet_none", lang), color="#777777", style="italic")
            self.y -= LINE
        for row in rows:
            for (x, _header, align), value in zip(columns, row, strict=True):
                self.text(x, value, ha=align)
            self.y -= LINE
        if more:
            self.text(LEFT, _t("sheet_more", lang, count=more), color="#777777", style="italic")
            self.y -= LINE


def _rule(figure: Figure, y: float) -> Any:
    from matplotlib.lines import Line2D

    return Line2D(
        [LEFT, RIGHT], [y, y], transform=figure.transFigure, color="#C8D1DE", linewidth=0.6
    )


def _what(kind: str, title: str) -> str:
    return kind if not title or title == kind else f"{kind} — {title}"


def _cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def draw_sheet(data: ProjectSheetData, lang: str, today: date, figure: Figure) -> None:
    """Draws the sheet on an A4 portrait figure."""
    page = _Page(figure)
    label = messages.label
    page.text(LEFT, _t("sheet_title", lang), size=9, color="#555555")
    page.text(RIGHT, f"{data.cluster} · {data.reference}", size=9, color="#555555", ha="right")
    page.y -= 0.022
    page.text(LEFT, data.acronym or data.reference, size=20, fontweight="bold")
    page.y -= 0.034
    page.text(LEFT, _cut(data.title, 110), size=10.5)
    page.y -= 0.026

    page.heading(_t("sheet_identity", lang))
    identity = [
        (_t("sheet_status", lang), label("ProjectStatus", data.status, lang)),
        (_t("sheet_call", lang), data.call or "—"),
        (_t("sheet_domains", lang), data.domains or "—"),
        (_t("sheet_regions", lang), data.regions or "—"),
        (_t("sheet_budget", lang), _money(data.total_budget_cents, lang)),
        (_t("sheet_granted", lang), _money(data.granted_cents, lang)),
        (
            _t("sheet_period", lang),
            f"{_day(data.dates['start_on'], lang)} → {_day(data.dates['end_on'], lang)}",
        ),
    ]
    steps = [
        (label("Field", name, lang), _day(value, lang))
        for name, value in data.dates.items()
        if value is not None and name not in ("start_on", "end_on")
    ]
    start = page.y
    for name, value in identity:
        page.text(LEFT, name, color="#555555")
        page.text(LEFT + 0.17, _cut(value, 52))
        page.y -= LINE
    end = page.y
    page.y = start
    for name, value in steps:
        page.text(0.62, name[:1].upper() + name[1:], color="#555555")
        page.text(RIGHT, value, ha="right")
        page.y -= LINE
    page.y = min(end, page.y)

    partners = data.partners[: LIMITS["partners"]]
    page.heading(_t("sheet_consortium", lang, count=len(data.partners)))
    page.table(
        [(LEFT, _t("sheet_organisation", lang), "left"), (0.50, _t("sheet_kind", lang), "left"),
         (0.70, _t("sheet_role", lang), "left"), (RIGHT, _t("sheet_budget", lang), "right")],
        [[_cut(name, 60), label("OrganisationKind", kind, lang), label("PartnerRole", role, lang),
          _money(budget, lang)] for name, kind, role, budget in partners],
        len(data.partners) - len(partners), lang,
    )  # fmt: skip

    lines = data.funding[: LIMITS["funding"]]
    page.heading(_t("sheet_funding", lang))
    page.table(
        [(LEFT, _t("sheet_funder", lang), "left"), (0.40, _t("sheet_instrument", lang), "left"),
         (0.66, _t("sheet_requested", lang), "right"), (0.80, _t("sheet_granted", lang), "right"),
         (RIGHT, _t("sheet_decision", lang), "right")],
        [[_cut(funder, 44), label("Instrument", instrument, lang), _money(requested, lang),
          _money(granted, lang), _day(on, lang)]
         for funder, instrument, requested, granted, _paid, on in lines],
        len(data.funding) - len(lines), lang,
    )  # fmt: skip

    submissions = data.submissions[-LIMITS["submissions"] :]
    page.heading(_t("sheet_submissions", lang, count=len(data.submissions)))
    page.table(
        [(LEFT, _t("sheet_call", lang), "left"), (0.36, _t("sheet_submitted", lang), "left"),
         (0.50, _t("sheet_label", lang), "left"), (0.72, _t("sheet_funder_answer", lang), "left")],
        [[_cut(call or "—", 40), _day(submitted, lang),
          f"{label('LabelDecision', decision, lang)} ({_day(decided, lang)})" if decision else "—",
          f"{label('FunderDecision', answer, lang)} ({_day(answered, lang)})" if answer else "—"]
         for call, submitted, decision, decided, _committee, answer, answered in submissions],
        len(data.submissions) - len(submissions), lang,
    )  # fmt: skip

    page.heading(_t("sheet_evaluations", lang, count=len(data.evaluations)))
    if data.evaluations:
        criteria = ("innovation", "consortium", "impact", "feasibility")
        means = []
        for index, criterion in enumerate(criteria, start=2):
            scores = [row[index] for row in data.evaluations if row[index] is not None]
            mean = sum(scores) / len(scores) if scores else None
            shown = (
                "—" if mean is None else f"{mean:.1f}".replace(".", "," if lang == "fr" else ".")
            )
            means.append(f"{_t(f'sheet_criterion_{criterion}', lang)} {shown}")
        page.text(LEFT, " · ".join(means))
        page.y -= LINE
        votes = Counter(row[6] for row in data.evaluations if row[6])
        page.text(
            LEFT,
            " · ".join(f"{label('Recommendation', code, lang)} × {n}" for code, n in votes.items())
            or "—",
            color="#555555",
        )
        page.y -= LINE
    else:
        page.text(LEFT, _t("sheet_none", lang), color="#777777", style="italic")
        page.y -= LINE

    # Overdue and coming items first: what a reader of the sheet has to act on.
    items = sorted(data.follow_up, key=lambda r: (r[4] is not None, r[3]))
    shown_items = items[: LIMITS["follow_up"]]
    page.heading(_t("sheet_follow_up", lang, count=len(items)))
    page.table(
        [(LEFT, _t("sheet_due", lang), "left"), (0.20, _t("sheet_what", lang), "left"),
         (0.62, _t("sheet_funder", lang), "left"), (RIGHT, _t("sheet_done", lang), "right")],
        [[_day(due, lang), _cut(_what(label("FollowUpKind", kind, lang), title), 58),
          _cut(funder or "", 30),
          _day(done, lang) if done else (_t("sheet_late", lang) if due < today else "…")]
         for kind, title, funder, due, done in shown_items],
        len(items) - len(shown_items), lang,
    )  # fmt: skip

    figure.text(
        LEFT, 0.02, f"{_t('sheet_title', lang)} — {data.reference} — "
        f"{charts.format_date(today, lang)}", fontsize=7, color="#777777",
    )  # fmt: skip


def write_sheet(
    db: Database, reference: str, path: Path, lang: str, *, today: date | None = None
) -> Path:
    """Writes the project's sheet to `path` (a .pdf), atomically."""
    charts.check_output(path, (".pdf",))
    data = load_sheet(db, reference)
    today = today or date.today()

    def write(temporary: Path) -> None:
        from matplotlib.backends.backend_pdf import PdfPages

        metadata = {
            "Title": f"{_t('sheet_title', lang)} — {data.reference} {data.acronym}",
            "Creator": "portfolio-desktop",
        }
        with PdfPages(temporary, metadata=metadata) as pdf:
            figure = charts.new_figure(A4_PORTRAIT)
            draw_sheet(data, lang, today, figure)
            pdf.savefig(figure)

    return charts.write_atomically(path, write)

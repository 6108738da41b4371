"""Finding the header row of a sheet and mapping its columns to the portfolio's fields.

The portfolio's own workbook layout (`services.workbook_schema`: sheet titles and headers in French
or English) is recognised first; other workbooks are mapped through synonyms, whatever the case,
accents, punctuation or unit (`Réf.`, `Référence projet`, `Budget total (€)`, `Montant (k€)`). The
header row is the best-scoring row among the first ones, so title rows and merged banners above
it are passed over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ...domain.text import key
from .. import workbook_schema as ws
from .values import parse_text, unit_multiplier

#: The kinds of records a sheet can hold, in the order they are applied.
RECORD_KINDS = (
    "clusters", "domains", "funders", "calls", "organisations", "projects", "funding", "partners",
)  # fmt: skip
#: The kinds of reference sheets, recognised by their title (or chosen by hand), never guessed.
REFERENCE_KINDS = frozenset({"clusters", "domains", "funders", "calls", "organisations"})
HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True, slots=True)
class Field:
    """A field a column can fill: its key, how its cells are read, its names."""

    key: str
    kind: str
    fr: str
    en: str
    synonyms: tuple[str, ...] = ()
    required: bool = False

    def label(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


def _from_schema(sheet: ws.Sheet, synonyms: dict[str, tuple[str, ...]]) -> list[Field]:
    return [
        Field(c.key, c.kind, c.fr, c.en, synonyms.get(c.key, ()), c.required) for c in sheet.columns
    ]


_REFERENCE = (
    "réf", "ref", "référence", "référence projet", "réf projet", "n° projet", "numéro de projet",
    "numéro projet", "code projet", "identifiant projet", "id projet", "project id", "project reference",
    "project ref", "id", "code", "code dossier", "n° dossier", "numéro de dossier", "dossier",
)  # fmt: skip
_CLUSTER = ("pole", "pôle de compétitivité", "cluster", "code pôle")
_FUNDING_EXTRAS = {
    "funder": ("financeur", "financeurs", "organisme financeur", "funder", "bailleur", "financeur public"),
    "instrument": ("type d'aide", "nature de l'aide", "instrument", "type de financement", "forme de l'aide", "type de l'aide"),
    "beneficiary": ("bénéficiaire", "beneficiary", "bénéficiaire de l'aide"),
    "requested": ("montant demandé", "aide demandée", "requested", "amount requested", "demandé"),
    "paid": ("montant versé", "aide versée", "versé", "paid", "amount paid"),
    "decision_on": ("date de décision", "date de la décision", "date de convention", "date d'attribution", "decision date", "date d'octroi", "date de notification"),
}  # fmt: skip
_LINE_GRANTED = (
    "montant accordé", "aide accordée", "montant", "aide", "subvention", "montant de l'aide",
    "aide allouée", "montant alloué", "montant attribué", "granted", "amount granted", "amount",
    "funding", "financement", "montant de la subvention",
)  # fmt: skip

PROJECT_FIELDS: tuple[Field, ...] = (
    *_from_schema(
        ws.PROJECTS,
        {
            "cluster": _CLUSTER,
            "reference": _REFERENCE,
            "acronym": ("acronyme", "acronym", "sigle", "nom court", "acronyme du projet"),
            "title": ("intitulé", "titre", "titre du projet", "intitulé du projet", "nom du projet", "title", "project title", "libellé", "nom"),
            "status": ("statut", "état", "status", "state", "étape", "statut du projet", "phase"),
            "lead": ("porteur", "chef de file", "coordinateur", "porteur du projet", "lead", "lead partner", "coordinator", "entreprise porteuse", "porteur de projet"),
            "domains": ("domaine", "domaines", "domaine technologique", "domaines technologiques", "thématique", "domain", "domains", "domaine d'activité stratégique", "das"),
            "regions": ("région", "régions", "region", "regions"),
            "call": ("appel à projets", "aap", "appel", "call", "appel à projet", "call for proposals", "dispositif"),
            "submitted_on": ("date de dépôt", "déposé le", "date de soumission", "submission date", "dépôt"),
            "evaluated_on": ("date d'expertise", "expertisé le", "date d'évaluation", "evaluation date"),
            "labelling_decided_on": ("date de labellisation", "labellisé le", "date label", "date du label"),
            "funding_decided_on": ("date de décision de financement", "date de financement", "financé le"),
            "start_on": ("début", "date de début", "date début", "démarrage", "start", "start date", "date de démarrage"),
            "end_on": ("fin", "date de fin", "date fin", "end", "end date", "date d'achèvement"),
            "closed_on": ("date de clôture", "clôturé le", "clôture"),
            "abandoned_on": ("date d'abandon", "abandonné le"),
            "total_budget": ("budget total", "budget", "coût total", "montant total", "total budget", "total cost", "montant du projet", "coût du projet", "budget du projet"),
            "eligible_costs": ("dépenses éligibles", "assiette éligible", "coût éligible", "eligible costs", "assiette", "dépenses retenues"),
            "responsible_digital": ("numérique responsable", "responsible digital", "nr"),
            "keywords": ("mots clés", "mots-clés", "keywords", "mots clefs"),
            "summary": ("résumé", "description", "objectif", "summary", "abstract", "objectifs", "résumé du projet"),
            "notes": ("notes", "commentaire", "commentaires", "remarques", "comments", "observations"),
        },
    ),
    *(
        Field(k, kind, f"{label_fr}", f"{label_en}", syn)
        for k, kind, label_fr, label_en, syn in (
            ("funder", "ref:funders", "Financeur", "Funder", _FUNDING_EXTRAS["funder"]),
            ("instrument", "enum:Instrument", "Type d'aide", "Instrument", _FUNDING_EXTRAS["instrument"]),
            ("beneficiary", "ref:organisations", "Bénéficiaire", "Beneficiary", _FUNDING_EXTRAS["beneficiary"]),
            ("requested", "money", "Montant demandé (€)", "Amount requested (€)", _FUNDING_EXTRAS["requested"]),
            ("line_granted", "money", "Montant accordé (€)", "Amount granted (€)", _LINE_GRANTED),
            ("paid", "money", "Montant versé (€)", "Amount paid (€)", _FUNDING_EXTRAS["paid"]),
            ("decision_on", "date", "Date de décision", "Decision date", _FUNDING_EXTRAS["decision_on"]),
        )
    ),
)  # fmt: skip

FUNDING_FIELDS: tuple[Field, ...] = tuple(
    _from_schema(
        ws.FUNDING,
        {
            "line_id": ("n° de ligne", "ligne", "line no", "line id", "id ligne", "n° ligne"),
            "cluster": _CLUSTER,
            "reference": ("référence projet", "réf projet", "projet", "project", *_REFERENCE),
            **_FUNDING_EXTRAS,
            "granted": _LINE_GRANTED,
            "granted_override": ("dérogation", "override", "dépassement autorisé"),
        },
    )
)

PARTNER_FIELDS: tuple[Field, ...] = (
    *_from_schema(
        ws.PARTNERS,
        {
            "cluster": _CLUSTER,
            "reference": ("référence projet", "réf projet", "projet", "project", *_REFERENCE),
            "organisation": ("organisation", "organisme", "partenaire", "nom", "raison sociale", "entreprise", "établissement", "organisation name", "partner", "name", "nom de l'organisme", "structure"),
            "siren": ("siren", "n° siren"),
            "role": ("rôle", "role", "fonction", "type de partenaire", "rôle dans le projet"),
            "budget": ("budget", "budget du partenaire", "montant", "coût", "budget partenaire", "total cost"),
        },
    ),
    Field("org_kind", "enum:OrganisationKind", "Type d'organisation", "Organisation kind",
          ("type", "catégorie", "type d'organisme", "catégorie d'organisme", "nature", "kind", "catégorie juridique")),
    Field("org_city", "text", "Ville", "City", ("ville", "city", "commune", "localité")),
    Field("org_region", "region", "Région", "Region", ("région", "region")),
    Field("org_siret", "text", "SIRET", "SIRET", ("siret", "n° siret")),
    Field("org_country", "text", "Pays", "Country", ("pays", "country")),
    Field("org_sme", "bool", "PME (oui/non)", "SME (yes/no)", ("pme oui non", "sme yes no")),
)  # fmt: skip

ORGANISATION_FIELDS: tuple[Field, ...] = tuple(
    _from_schema(
        ws.ORGANISATIONS,
        {
            "name": ("nom", "raison sociale", "organisation", "organisme", "name", "dénomination"),
            "kind": ("type", "catégorie", "kind", "nature", "type d'organisation"),
            "siren": ("siren", "n° siren"),
            "siret": ("siret", "n° siret"),
            "region": ("région", "region"),
            "city": ("ville", "commune", "city"),
            "is_member": ("adhérent", "membre", "member", "adhérent au pôle"),
            "member_since": ("adhérent depuis", "date d'adhésion", "member since"),
            "member_until": ("adhérent jusqu'au", "fin d'adhésion", "member until"),
        },
    )
)
DOMAIN_FIELDS: tuple[Field, ...] = tuple(
    _from_schema(ws.DOMAINS, {"name": ("nom", "domaine", "name"), "colour": ("couleur", "color", "colour"), "active": ("actif", "active")})
)  # fmt: skip
FUNDER_FIELDS: tuple[Field, ...] = tuple(
    _from_schema(ws.FUNDERS, {"name": ("nom", "financeur", "name"), "kind": ("type", "kind", "catégorie")})
)  # fmt: skip
CALL_FIELDS: tuple[Field, ...] = tuple(
    _from_schema(
        ws.CALLS,
        {"name": ("nom", "appel", "appel à projets", "name", "call"), "funder": ("financeur", "funder"),
         "programme": ("programme", "program", "dispositif"), "year": ("année", "year", "millésime")},
    )
)  # fmt: skip

CLUSTER_FIELDS: tuple[Field, ...] = tuple(
    _from_schema(
        ws.CLUSTERS,
        {"code": ("code", "code pôle", "sigle", "pôle", "cluster"), "name": ("nom", "name", "nom du pôle"),
         "regions": ("régions", "région", "regions", "region")},
    )
)  # fmt: skip

FIELDS: dict[str, tuple[Field, ...]] = {
    "clusters": CLUSTER_FIELDS,
    "projects": PROJECT_FIELDS,
    "funding": FUNDING_FIELDS,
    "partners": PARTNER_FIELDS,
    "organisations": ORGANISATION_FIELDS,
    "domains": DOMAIN_FIELDS,
    "funders": FUNDER_FIELDS,
    "calls": CALL_FIELDS,
}

#: The export's sheet titles (FR and EN) → record kind; Synthèse/Summary is skipped.
SHEET_TITLES: dict[str, str] = {}
for _sheet in ws.SHEETS:
    SHEET_TITLES[key(_sheet.fr)] = _sheet.key
    SHEET_TITLES[key(_sheet.en)] = _sheet.key
#: The export's Summary sheet and its hidden drop-down lists ("Listes"/"Lists") are not data.
IGNORED_TITLES = {key(t) for t in ws.SUMMARY_TITLE.values()} | {"listes", "lists"}

#: Project fields that only a projects sheet has (a sheet with none of them is a funding sheet).
PROJECT_ONLY = {
    "acronym", "title", "status", "lead", "domains", "regions", "call", "submitted_on",
    "evaluated_on", "labelling_decided_on", "funding_decided_on", "start_on", "end_on",
    "closed_on", "abandoned_on", "total_budget", "eligible_costs", "summary", "keywords",
}  # fmt: skip
LINE_FIELDS = {
    "funder",
    "instrument",
    "beneficiary",
    "requested",
    "line_granted",
    "paid",
    "decision_on",
}


def field_of(kind: str, field_key: str) -> Field:
    return next(f for f in FIELDS[kind] if f.key == field_key)


_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_UNIT_TAIL = re.compile(r"\s+(?:en\s+)?(?:k|m|md)?\s*(?:€|eur|euros|keur|meur)\s*$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def header_keys(text: str) -> tuple[str, ...]:
    """The keys a header cell can be known by: in full, and without its unit or remark.

    Cached: each candidate header row is matched against every record kind, so the same text is
    asked for eight times or more (and normalising is the dear part)."""
    full = key(text)
    stripped = _UNIT_TAIL.sub("", _PARENS.sub(" ", text))
    bare = key(stripped) if stripped != text else full
    return (full, bare) if bare and bare != full else (full,)


def _index(kind: str) -> tuple[dict[str, str], dict[str, str]]:
    """(exact schema headers → field, synonyms → field) for one record kind."""
    exact: dict[str, str] = {}
    loose: dict[str, str] = {}
    for f in FIELDS[kind]:
        for name in (f.fr, f.en):
            for k in header_keys(name):
                exact.setdefault(k, f.key)
        for name in (f.key.replace("_", " "), *f.synonyms):
            for k in header_keys(name):
                loose.setdefault(k, f.key)
    return exact, loose


_INDEXES = {kind: _index(kind) for kind in FIELDS}


def match_header(kind: str, text: Any) -> tuple[str | None, bool]:
    """The field a header names for this record kind, and whether it is the schema's own header."""
    value = parse_text(text)
    if not value:
        return None, False
    return _match_keys(kind, header_keys(value))


def _match_keys(kind: str, keys: tuple[str, ...]) -> tuple[str | None, bool]:
    exact, loose = _INDEXES[kind]
    for k in keys:
        if k in exact:
            return exact[k], True
    for k in keys:
        if k in loose:
            return loose[k], False
    return None, False


@dataclass(slots=True)
class SheetMapping:
    """How one sheet is read: which record kind, which header row, which field each column fills."""

    sheet: str
    kind: str | None  # None: the sheet is not imported
    header_row: int = 0  # 1-based; 0 when no header was found
    headers: list[str] = field(default_factory=list)
    columns: list[str | None] = field(default_factory=list)
    multipliers: list[int] = field(default_factory=list)
    #: True when the sheet has the export's title and headers (imported without a mapping step).
    layout: bool = False
    note: str = ""

    def column_of(self, field_key: str) -> int | None:
        try:
            return self.columns.index(field_key)
        except ValueError:
            return None

    def mapped(self) -> set[str]:
        return {c for c in self.columns if c}

    def header_label(self, index: int) -> str:
        text = self.headers[index] if index < len(self.headers) else ""
        return text or column_letter(index)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _row_keys(row: Sequence[Any]) -> list[tuple[str, ...]]:
    """Each cell's header keys, worked out once for all the record kinds tried on the row."""
    keys: list[tuple[str, ...]] = []
    for cell in row:
        value = parse_text(cell)
        keys.append(header_keys(value) if value else ())
    return keys


def _score(
    kind: str, row: Sequence[Any], keys: list[tuple[str, ...]] | None = None
) -> tuple[int, int, list[str | None]]:
    fields: list[str | None] = []
    taken: set[str] = set()
    exact_hits = 0
    for cell_keys in keys if keys is not None else _row_keys(row):
        found, exact = _match_keys(kind, cell_keys) if cell_keys else (None, False)
        if found in taken:
            found = None  # a field is filled by one column only: the first
        elif found:
            taken.add(found)
        fields.append(found)
        exact_hits += bool(found and exact)
    return len(taken), exact_hits, fields


def _refine(kind: str, fields: list[str | None]) -> str:
    mapped = {f for f in fields if f}
    if kind == "projects" and not (mapped & PROJECT_ONLY) and (mapped & LINE_FIELDS):
        return "funding"
    return kind


def detect_mapping(
    sheet_name: str, rows: Sequence[Sequence[Any]], kind: str | None = None
) -> SheetMapping:
    """Finds the header row and the record kind of a sheet and maps its columns."""
    title_kind = SHEET_TITLES.get(key(sheet_name))
    if kind is None and key(sheet_name) in IGNORED_TITLES:
        return SheetMapping(sheet_name, None, note="import_sheet_summary")
    kinds: Iterable[str] = (kind,) if kind else ((title_kind,) if title_kind else RECORD_KINDS)
    best: tuple[int, int, int, str, int, list[str | None]] | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = _row_keys(row)
        if sum(1 for k in keys if k) < 2:
            continue
        for candidate in kinds:
            distinct, exact, fields = _score(candidate, row, keys)
            if distinct < 2:
                continue
            if candidate in REFERENCE_KINDS and not (title_kind == candidate or kind == candidate):
                continue  # reference sheets are recognised by their title (or chosen by hand)
            if "reference" not in fields and candidate in {"projects", "funding", "partners"}:
                continue
            if candidate == "partners" and "organisation" not in fields:
                continue
            rank = (distinct, exact, -index, candidate, index, fields)
            if best is None or rank[:3] > best[:3]:
                best = rank
    if best is None:
        return SheetMapping(sheet_name, None, note="import_sheet_no_header")
    _, exact, _, chosen, index, fields = best
    chosen = _refine(chosen, fields)
    headers = [parse_text(c) for c in rows[index]]
    mapping = SheetMapping(
        sheet_name,
        chosen,
        index + 1,
        headers,
        fields,
        [unit_multiplier(h) for h in headers],
        layout=bool(title_kind == chosen and exact == len({f for f in fields if f})),
    )
    normalise_granted(mapping)
    return mapping


def normalise_granted(mapping: SheetMapping) -> None:
    """In a projects sheet, `Aide accordée` is the funding lines' total (computed, not imported)
    unless the sheet also names a funder or other line columns: then it is one line's amount."""
    if mapping.kind != "projects" or "granted" not in mapping.columns:
        return
    if (
        mapping.mapped() & (LINE_FIELDS - {"line_granted"})
        and "line_granted" not in mapping.columns
    ):
        mapping.columns[mapping.columns.index("granted")] = "line_granted"


def apply_columns(
    sheet_name: str,
    rows: Sequence[Sequence[Any]],
    kind: str,
    header_row: int,
    columns: dict[str, str],
) -> SheetMapping:
    """A mapping from a profile: header keys → fields, on a known header row."""
    headers = [parse_text(c) for c in rows[header_row - 1]] if header_row else []
    fields: list[str | None] = []
    taken: set[str | None] = {None}
    for text in headers:
        found = next((columns[k] for k in header_keys(text) if k in columns), None)
        fields.append(found if found not in taken else None)
        taken.add(found)
    return SheetMapping(
        sheet_name, kind, header_row, headers, fields, [unit_multiplier(h) for h in headers]
    )


def find_header_row(rows: Sequence[Sequence[Any]], wanted: Iterable[str]) -> int:
    """The first row (1-based) holding every wanted header key; 0 when none does."""
    needed = set(wanted)
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = {k for c in row for k in header_keys(parse_text(c))}
        if needed <= keys:
            return index + 1
    return 0


def signature(mapping: SheetMapping) -> list[str]:
    """The header keys of the mapped columns: what a saved profile recognises a sheet by."""
    return sorted(
        header_keys(h)[0] for h, f in zip(mapping.headers, mapping.columns, strict=False) if f and h
    )


def mapping_for_row(
    sheet_name: str, rows: Sequence[Sequence[Any]], kind: str | None, header_row: int
) -> SheetMapping:
    """The sheet read as `kind` with its headers on `header_row` (the user's choice)."""
    if kind is None or not 0 < header_row <= len(rows):
        return SheetMapping(sheet_name, kind, header_row if kind else 0)
    _, _, fields = _score(kind, rows[header_row - 1])
    headers = [parse_text(c) for c in rows[header_row - 1]]
    mapping = SheetMapping(
        sheet_name, kind, header_row, headers, fields, [unit_multiplier(h) for h in headers]
    )
    normalise_granted(mapping)
    return mapping


def remap_kind(
    sheet_name: str, rows: Sequence[Sequence[Any]], kind: str | None, previous: SheetMapping
) -> SheetMapping:
    """The sheet read as another kind: its best header row for that kind, else the same row."""
    if kind is None:
        return SheetMapping(
            sheet_name,
            None,
            previous.header_row,
            previous.headers,
            [None] * len(previous.headers),
            previous.multipliers,
            note="import_sheet_left_out",
        )
    found = detect_mapping(sheet_name, rows, kind)
    if found.kind is not None:
        return found
    return mapping_for_row(sheet_name, rows, kind, previous.header_row or 1)

"""Finding the header row of a sheet and mapping its columns to the portfolio's fields.

The portfolio's own workbook layout (`services.workbook_schema`: sheet titles and headers in French
or English) is recognised first; other workbooks are mapped through synonyms, whatever the case,
accents, punctuation or unit (`Réf.`, `Référence projet`, `Budget total (€)`, `Montant (k€)`). The
header row is the best-scoring row among the first ones, so title rows and merged banners above
it are passed over.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
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
    "identifiant", "n° opération", "numéro d'opération", "code opération", "identifiant opération",
    "référence opération", "operation id", "operation code", "n° de dossier",
)  # fmt: skip
_CLUSTER = ("pole", "pôle de compétitivité", "cluster", "code pôle")
_FUNDING_EXTRAS = {
    "funder": ("financeur", "financeurs", "organisme financeur", "funder", "bailleur", "financeur public",
               "nom attribuant", "attribuant", "nom de l'attribuant", "autorité administrative",
               "collectivité", "nom de la collectivité", "organisme attribuant", "autorité de gestion",
               "fonds", "fund", "fonds européen", "coll nom", "attribuant nom", "nom collectivité"),
    "instrument": ("type d'aide", "nature de l'aide", "instrument", "type de financement", "forme de l'aide", "type de l'aide",
                   "nature", "nature subvention", "nature de la subvention", "nature aide", "type de subvention",
                   "sub nature"),
    "beneficiary": ("bénéficiaire", "beneficiary", "bénéficiaire de l'aide", "nom bénéficiaire",
                    "nom du bénéficiaire", "nom de l'attributaire", "attributaire", "nom attributaire",
                    "raison sociale du bénéficiaire", "beneficiary name", "name of beneficiary",
                    "bénéficiaire nom", "benef nom", "lauréat", "nom du lauréat", "entreprise lauréate",
                    "attrib nom", "beneficiaire nom", "nom de l'organisme bénéficiaire",
                    "entreprise", "nom de l'entreprise", "raison sociale", "structure",
                    "nom de la structure", "société", "organisme bénéficiaire"),
    "requested": ("montant demandé", "aide demandée", "requested", "amount requested", "demandé"),
    "paid": ("montant versé", "aide versée", "versé", "paid", "amount paid", "montant payé"),
    "decision_on": ("date de décision", "date de la décision", "date de convention", "date d'attribution", "decision date", "date d'octroi", "date de notification",
                    "date convention", "date de la convention", "date de signature", "date de la délibération", "date délibération",
                    "date de programmation", "date d'engagement", "convention date",
                    "acte date", "date de l'acte", "date acte", "date de vote", "date du vote"),
}  # fmt: skip
#: A decision's number: several grants of one decision share it, so it is no project's reference;
#: read to make the generated reference (with the funder, beneficiary and object) when needed.
_DECISION_REFERENCE = (
    "référence décision", "référence de la décision", "référence délibération",
    "référence de la délibération", "n° délibération", "numéro de délibération", "délibération",
    "n° de délibération", "n° décision", "numéro de décision", "decision reference",
    "reference of the decision", "référence de la convention", "n° convention", "numéro de convention",
    "référence convention", "acte ref", "référence de l'acte", "référence acte", "n° acte",
)  # fmt: skip
_LINE_GRANTED = (
    "montant accordé", "aide accordée", "montant", "aide", "subvention", "montant de l'aide",
    "aide allouée", "montant alloué", "montant attribué", "granted", "amount granted", "amount",
    "funding", "financement", "montant de la subvention", "montant octroyé", "montant décidé",
    "montant voté", "montant attribué", "montant notifié", "montant programmé", "montant ue programmé",
    "montant ue", "montant feder", "montant fse", "montant feader", "contribution ue", "aide ue",
    "participation ue", "eu amount", "eu contribution", "union contribution", "aide octroyée",
    "aide attribuée", "subvention accordée", "subvention attribuée", "subvention votée",
    "montant de la dotation", "dotation", "sub montant", "montant subvention",
    "montant total de la subvention", "montant total de l'aide", "montant total subvention",
)  # fmt: skip

PROJECT_FIELDS: tuple[Field, ...] = (
    *_from_schema(
        ws.PROJECTS,
        {
            "cluster": _CLUSTER,
            "reference": _REFERENCE,
            "acronym": ("acronyme", "acronym", "sigle", "nom court", "acronyme du projet"),
            "title": ("intitulé", "titre", "titre du projet", "intitulé du projet", "nom du projet", "title", "project title", "libellé", "nom",
                      "objet", "sub obj", "sub objet", "objet de la subvention", "objet de la convention", "objet convention", "objet du dossier",
                      "intitulé de l'opération", "nom de l'opération", "libellé de l'opération", "opération",
                      "operation name", "operation title", "name of operation", "intitulé opération", "objet de l'aide",
                      "nom du projet lauréat", "titre du projet lauréat", "projet", "project name",
                      "libellé du projet", "libellé opération", "libellé de l'opération",
                      "présentation de la demande", "présentation du projet", "objet de la demande"),
            "status": ("statut", "état", "status", "state", "étape", "statut du projet", "phase"),
            "lead": ("porteur", "chef de file", "coordinateur", "porteur du projet", "lead", "lead partner", "coordinator", "entreprise porteuse", "porteur de projet"),
            "domains": ("domaine", "domaines", "domaine technologique", "domaines technologiques", "thématique", "domain", "domains", "domaine d'activité stratégique", "das",
                        "secteur", "thématique du projet"),
            "regions": ("région", "régions", "region", "regions", "code région", "région du bénéficiaire", "région du lauréat"),
            "call": ("appel à projets", "aap", "appel", "call", "appel à projet", "call for proposals", "dispositif",
                     "concours", "sub dispositif", "programme opérationnel", "programme", "programme name", "operational programme", "édition du concours"),
            "submitted_on": ("date de dépôt", "déposé le", "date de soumission", "submission date", "dépôt"),
            "evaluated_on": ("date d'expertise", "expertisé le", "date d'évaluation", "evaluation date"),
            "labelling_decided_on": ("date de labellisation", "labellisé le", "date label", "date du label"),
            "funding_decided_on": ("date de décision de financement", "date de financement", "financé le"),
            "start_on": ("début", "date de début", "date début", "démarrage", "start", "start date", "date de démarrage",
                         "date de début de l'opération", "operation start date", "date début opération", "date de début d'exécution"),
            "end_on": ("fin", "date de fin", "date fin", "end", "end date", "date d'achèvement",
                       "date de fin de l'opération", "operation end date", "date fin opération", "date de fin d'exécution"),
            "closed_on": ("date de clôture", "clôturé le", "clôture"),
            "abandoned_on": ("date d'abandon", "abandonné le"),
            "total_budget": ("budget total", "budget", "coût total", "montant total", "total budget", "total cost", "montant du projet", "coût du projet", "budget du projet",
                             "coût total du projet", "coût total de l'opération", "montant total du projet", "total project cost",
                             "montant total programmé", "coût total programmé"),
            "eligible_costs": ("dépenses éligibles", "assiette éligible", "coût éligible", "eligible costs", "assiette", "dépenses retenues",
                               "total dépenses éligibles", "coût total éligible", "montant éligible", "montant total éligible",
                               "dépense éligible", "coût éligible total", "total eligible expenditure", "eligible expenditure",
                               "total eligible cost", "assiette subventionnable", "dépenses subventionnables",
                               "coût total éligible de l'opération", "coût éligible de l'opération",
                               "montant total éligible de l'opération", "total des dépenses éligibles"),
            "responsible_digital": ("numérique responsable", "responsible digital", "nr"),
            "keywords": ("mots clés", "mots-clés", "keywords", "mots clefs"),
            "summary": ("résumé", "description", "objectif", "summary", "abstract", "objectifs", "résumé du projet", "résumé de l'opération", "operation summary", "summary of operation"),
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
            ("decision_reference", "text", "Référence de la décision", "Decision reference", _DECISION_REFERENCE),
        )
    ),
)  # fmt: skip

FUNDING_FIELDS: tuple[Field, ...] = (
    *_from_schema(
        ws.FUNDING,
        {
            "line_id": ("n° de ligne", "ligne", "line no", "line id", "id ligne", "n° ligne"),
            "cluster": _CLUSTER,
            "reference": ("référence projet", "réf projet", *_REFERENCE),
            **_FUNDING_EXTRAS,
            "granted": _LINE_GRANTED,
            "granted_override": ("dérogation", "override", "dépassement autorisé"),
        },
    ),
    Field("decision_reference", "text", "Référence de la décision", "Decision reference", _DECISION_REFERENCE),
)  # fmt: skip

PARTNER_FIELDS: tuple[Field, ...] = (
    *_from_schema(
        ws.PARTNERS,
        {
            "cluster": _CLUSTER,
            "reference": ("référence projet", "réf projet", *_REFERENCE),
            "organisation": ("organisation", "organisme", "partenaire", "nom", "raison sociale", "entreprise", "établissement", "organisation name", "partner", "name", "nom de l'organisme", "structure"),
            "siren": ("siren", "n° siren"),
            "role": ("rôle", "role", "fonction", "type de partenaire", "rôle dans le projet"),
            "budget": ("budget", "budget du partenaire", "montant", "coût", "budget partenaire", "total cost"),
        },
    ),
    Field("org_kind", "enum:OrganisationKind", "Type d'organisation", "Organisation kind",
          ("type", "catégorie", "type d'organisme", "catégorie d'organisme", "kind", "catégorie juridique", "nature juridique")),
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
            "kind": ("type", "catégorie", "kind", "nature juridique", "type d'organisation"),
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
_UNIT_TAIL = re.compile(
    r"\s+(?:en\s+)?(?:(?:k|m|md)?\s*(?:€|eur|euros|keur|meur)(?:\s*(?:h\.?t\.?|t\.?t\.?c\.?))?"
    r"|h\.?t\.?|t\.?t\.?c\.?)\s*$",
    re.IGNORECASE,
)
_CAMEL = re.compile(r"(?<=[a-zà-ÿ0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-zà-ÿ])")
#: `Intitulé du projet - operation name`, `Bénéficiaire / Beneficiary`: each half is a header.
_HALVES = re.compile(r"\s+[-–—/|]\s+|\n+")
_HALF_MARKS = (" - ", " – ", " — ", " / ", " | ", "\n", "  -", "-  ")


def _variants(text: str) -> list[str]:
    """The header as written, its halves when it is bilingual, each with camelCase split."""
    found = [text]
    if any(mark in text for mark in _HALF_MARKS):
        halves = [h for h in _HALVES.split(text) if h.strip()]
        if len(halves) > 1:
            found.extend(halves)
    if text.islower() or text.isupper():
        return found
    return found + [_CAMEL.sub(" ", t) for t in found if _CAMEL.search(t)]


@lru_cache(maxsize=1 << 16)
def header_keys(text: str) -> tuple[str, ...]:
    """The keys a header cell can be known by: in full, without its unit or remark, its halves
    when bilingual, camelCase split (`nomBeneficiaire` → `nom beneficiaire`). The first is the
    full key (what saved profiles recognise a column by).

    Cached: each candidate header row is matched against every record kind, so the same text is
    asked for eight times or more (and normalising is the dear part)."""
    keys: list[str] = []
    for variant in _variants(text):
        k = key(variant)
        if k and k not in keys:
            keys.append(k)
        stripped = _PARENS.sub(" ", variant) if "(" in variant or "[" in variant else variant
        stripped = _UNIT_TAIL.sub("", stripped)
        if stripped != variant:
            k = key(stripped)
            if k and k not in keys:
                keys.append(k)
    return tuple(keys) or (key(text),)


#: Words that say nothing of the field: `Nom du bénéficiaire` is the beneficiary.
_STOP_WORDS = frozenset({
    "de", "du", "des", "la", "le", "les", "l", "d", "en", "et", "a", "au", "aux", "of", "the",
    "for", "par", "pour", "sur", "nom", "name", "libelle"
})  # fmt: skip
#: Words that make a header another thing than a synonym without them: `SIRET attributaire` is no
#: beneficiary, `Taux de subvention` no amount, `Code postal` no reference.
_QUALIFIERS = frozenset({
    "siret", "siren", "id", "identifiant", "identification", "code", "numero", "n", "no", "num",
    "insee", "rna", "tva", "date", "taux", "pourcentage", "nombre", "nb", "adresse", "postal",
    "cp", "ville", "commune", "pays", "email", "mail", "telephone", "tel", "url", "site",
    "departement", "rate", "percentage", "number", "postcode", "address", "city", "country",
    "juridique", "forme", "legal"
})  # fmt: skip
#: One-word synonyms that name a field wherever they head a header (`Montant décidé ligne`).
_HEAD_WORDS = frozenset({
    "montant", "objet", "attributaire", "beneficiaire", "intitule", "titre", "acronyme",
    "financeur", "porteur", "attribuant", "statut", "resume", "domaine", "region", "acronym",
    "title", "beneficiary", "funder", "status"
})  # fmt: skip


@lru_cache(maxsize=1 << 18)
def _words(k: str) -> tuple[str, ...]:
    """A header key's words that say what it is (cached: asked once per record kind)."""
    return tuple(w for w in k.split() if w not in _STOP_WORDS)


def _word_index(kind: str) -> dict[str, list[tuple[frozenset[str], str]]]:
    """A word → (words of a name, field) for every synonym word matching may use that holds
    the word, longest first (a header is only compared with the synonyms of its end words)."""
    entries: list[tuple[frozenset[str], str]] = []
    for f in FIELDS[kind]:
        for name in (f.fr, f.en, *f.synonyms):
            for k in header_keys(name):
                words = frozenset(_words(k)) | (frozenset(k.split()) & _QUALIFIERS)
                if len(words) >= 2 or (len(words) == 1 and words <= _HEAD_WORDS):
                    entries.append((words, f.key))
    entries.sort(key=lambda e: -len(e[0]))
    by_word: dict[str, list[tuple[frozenset[str], str]]] = {}
    for entry in entries:
        for word in entry[0]:
            by_word.setdefault(word, []).append(entry)
    return by_word


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
#: Every word of every field's names and synonyms.
_VOCABULARY = frozenset(
    w for exact, loose in _INDEXES.values() for k in (*exact, *loose) for w in k.split()
)
_WORD_INDEXES = {kind: _word_index(kind) for kind in FIELDS}

#: How a column's field was decided, as `import --json` reports it.
HOW_EXACT, HOW_SYNONYM, HOW_WORDS, HOW_PROFILE, HOW_USER = (
    "exact", "synonym", "words", "profile", "user",
)  # fmt: skip


def match_header(kind: str, text: Any) -> tuple[str | None, bool]:
    """The field a header names for this record kind, and whether it is the schema's own header."""
    found, how = match_header_how(kind, text)
    return found, how == HOW_EXACT


def match_header_how(kind: str, text: Any) -> tuple[str | None, str]:
    """The field a header names for this record kind and how: exact, synonym or words."""
    value = parse_text(text)
    if not value:
        return None, ""
    return _match_keys(kind, header_keys(value))


def _match_words(kind: str, keys: tuple[str, ...]) -> str | None:
    """The field whose synonym's words a header holds, headed by one of them, when exactly one
    field has the most specific such synonym; None when none or two disagree."""
    for k in keys:
        words = _words(k)
        if not words:
            continue
        index = _WORD_INDEXES[kind]
        first, last = index.get(words[0]), index.get(words[-1])
        if first is None and last is None:
            continue
        held = frozenset(words)
        qualifiers = held & _QUALIFIERS
        best: set[str] = set()
        size = 0
        for synonym, field_key in sorted((*(first or ()), *(last or ())), key=lambda e: -len(e[0])):
            if len(synonym) < size:
                break
            if synonym <= held and qualifiers <= synonym:
                best.add(field_key)
                size = len(synonym)
        if len(best) == 1:
            return best.pop()
    return None


def _match_keys(kind: str, keys: tuple[str, ...]) -> tuple[str | None, str]:
    exact, loose = _INDEXES[kind]
    for k in keys:
        if k in exact:
            return exact[k], HOW_EXACT
    for k in keys:
        if k in loose:
            return loose[k], HOW_SYNONYM
    found = _match_words(kind, keys)
    return (found, HOW_WORDS) if found else (None, "")


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
    #: How each column's field was decided (exact, synonym, words, profile, user; "" unmapped).
    how: list[str] = field(default_factory=list)
    #: The columns whose texts make each row's generated reference (empty: the file has one).
    reference_from: list[int] = field(default_factory=list)
    #: Fields given one value for every row (`--set`, the wizard's "same value for all rows").
    fixed: dict[str, str] = field(default_factory=dict)
    #: Fields given a value for the rows whose cell is empty (a grant list's blank « nature »).
    defaults: dict[str, str] = field(default_factory=dict)

    def how_of(self, index: int) -> str:
        return self.how[index] if index < len(self.how) else ("user" if self.columns[index] else "")

    def assign(self, index: int, field_key: str | None, how: str) -> list[int]:
        """Column `index` fills `field_key` (None: not imported), decided `how`. A field is filled
        by one column: another column that had it lets it go. Returns the columns that changed."""
        changed = [index]
        while len(self.columns) <= index:
            self.columns.append(None)
        while len(self.how) < len(self.columns):
            self.how.append("")
        if field_key is not None:
            for other, current in enumerate(self.columns):
                if current == field_key and other != index:
                    self.columns[other] = None
                    self.how[other] = ""
                    changed.append(other)
        self.columns[index] = field_key
        self.how[index] = how if field_key else ""
        return changed

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
        found = header_keys(value) if value else ()
        # A cell none of whose words any field's name uses matches nothing: not asked again for
        # each record kind (a sheet of 16,384 columns has most of its cells so).
        keys.append(found if found and not _VOCABULARY.isdisjoint(_all_words(found)) else ())
    return keys


@lru_cache(maxsize=1 << 16)
def _all_words(keys: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for k in keys for w in k.split())


def _score(
    kind: str, row: Sequence[Any], keys: list[tuple[str, ...]] | None = None
) -> tuple[int, int, list[str | None], list[str]]:
    fields: list[str | None] = []
    hows: list[str] = []
    taken: set[str] = set()
    exact_hits = 0
    for cell_keys in keys if keys is not None else _row_keys(row):
        found, how = _match_keys(kind, cell_keys) if cell_keys else (None, "")
        if found in taken:
            found, how = None, ""  # a field is filled by one column only: the first
        elif found:
            taken.add(found)
        fields.append(found)
        hows.append(how)
        exact_hits += how == HOW_EXACT
    return len(taken), exact_hits, fields, hows


def _looks_like_data(row: Sequence[Any]) -> bool:
    """A row with numbers, dates or amounts in its cells is data, never a header row (a title
    such as `Subventions 2017` has one number at most)."""
    filled = [c for c in row if not (c is None or (isinstance(c, str) and not c.strip()))]
    typed = sum(
        1
        for c in filled
        if not _is_year(c)  # `2019 | 2020 | 2021` heads yearly columns
        and (
            (isinstance(c, (int, float, date)) and not isinstance(c, bool))
            or (isinstance(c, str) and _DATA_TEXT.match(c.strip()))
        )
    )
    return typed >= 2 or (typed == 1 and len(filled) <= 2 and len(filled) > 1)


def _is_year(cell: Any) -> bool:
    if isinstance(cell, str):
        cell = cell.strip()
        return len(cell) == 4 and cell.isdigit() and 1990 <= int(cell) <= 2100
    return (
        isinstance(cell, (int, float))
        and not isinstance(cell, bool)
        and float(cell).is_integer()
        and 1990 <= cell <= 2100
    )


_DATA_TEXT = re.compile(r"^[-+]?\d[\d\s.,/:-]*(?:\s*(?:€|eur|k€|m€))?$", re.IGNORECASE)


def _refine(kind: str, fields: list[str | None]) -> str:
    mapped = {f for f in fields if f}
    if kind == "projects" and not (mapped & PROJECT_ONLY) and (mapped & LINE_FIELDS):
        return "funding"
    return kind


def detect_mapping(
    sheet_name: str,
    rows: Sequence[Sequence[Any]],
    kind: str | None = None,
    header_row: int | None = None,
) -> SheetMapping:
    """Finds the header row and the record kind of a sheet and maps its columns (on `header_row`,
    1-based, when the user gave it)."""
    title_kind = SHEET_TITLES.get(key(sheet_name))
    if kind is None and key(sheet_name) in IGNORED_TITLES and header_row is None:
        return SheetMapping(sheet_name, None, note="import_sheet_summary")
    kinds: Iterable[str] = (kind,) if kind else ((title_kind,) if title_kind else RECORD_KINDS)
    best: tuple[int, int, int, str, int, list[str | None], list[str]] | None = None
    if header_row is not None:
        if not 0 < header_row <= len(rows):
            return SheetMapping(sheet_name, None, note="import_sheet_no_header")
        candidates = [(header_row - 1, rows[header_row - 1])]
    else:
        candidates = list(enumerate(rows[:HEADER_SEARCH_ROWS]))
    for index, row in candidates:
        keys = _row_keys(row)
        if sum(1 for k in keys if k) < 2 or (header_row is None and _looks_like_data(row)):
            continue
        for candidate in kinds:
            distinct, exact, fields, hows = _score(candidate, row, keys)
            if distinct < 2:
                continue
            if candidate in REFERENCE_KINDS and not (title_kind == candidate or kind == candidate):
                continue  # reference sheets are recognised by their title (or chosen by hand)
            if (
                candidate in {"projects", "funding", "partners"}
                and "reference" not in fields
                and not _can_generate(candidate, fields)
            ):
                continue
            if candidate == "partners" and "organisation" not in fields:
                continue
            words = sum(1 for h in hows if h == HOW_WORDS)
            rank = (distinct * 2 - words, exact, -index, candidate, index, fields, hows)
            if best is None or rank[:3] > best[:3]:
                best = rank
    if best is None:
        return SheetMapping(sheet_name, None, note="import_sheet_no_header")
    _, exact, _, chosen, index, fields, hows = best
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
        how=hows,
    )
    _names_of_grants(mapping)
    normalise_granted(mapping)
    return mapping


def _names_of_grants(mapping: SheetMapping) -> None:
    """Two names a grant list writes that the first column to ask would take wrongly: beside a
    « bénéficiaire » column, the « attributaire » is the one who grants (the funder); beside an
    object column, a bare « Nom » is the beneficiary's name, not the project's title."""
    if mapping.kind != "projects":
        return
    keys = [header_keys(h) if h else () for h in mapping.headers]

    def wanted(index: int) -> str | None:
        return _match_keys("projects", keys[index])[0] if keys[index] else None

    def has(index: int, word: str) -> bool:
        return any(word in k.split() for k in keys[index])

    beneficiary = mapping.column_of("beneficiary")
    if beneficiary is not None and has(beneficiary, "attributaire"):
        other = next(
            (
                i
                for i, f in enumerate(mapping.columns)
                if f is None and wanted(i) == "beneficiary" and has(i, "beneficiaire")
            ),
            None,
        )
        if other is not None:
            _move(mapping, other, "beneficiary")
            if mapping.column_of("funder") is None:
                _move(mapping, beneficiary, "funder")
            else:
                _move(mapping, beneficiary, None)
    title = mapping.column_of("title")
    if title is not None and keys[title][:1] == ("nom",):
        other = next(
            (i for i, f in enumerate(mapping.columns) if f is None and wanted(i) == "title"), None
        )
        if other is not None:
            _move(mapping, other, "title")
            taken = {"beneficiary", "lead"} & mapping.mapped()
            _move(mapping, title, None if taken else "beneficiary")


def _move(mapping: SheetMapping, index: int, field_key: str | None) -> None:
    mapping.assign(index, field_key, HOW_WORDS)


#: What a generated reference is made of, in this order, when the file has no reference column:
#: the publisher, its decision, the beneficiary, the object (the columns a user sees and edits).
REFERENCE_SOURCES = (
    "funder", "decision_reference", "call", "lead", "beneficiary", "acronym", "title",
    "decision_on", "start_on",
)  # fmt: skip
#: Dates join the key only when too few names do (a corrected date should not make a new project).
_DATES = {"decision_on", "start_on"}


def _can_generate(kind: str, fields: Sequence[str | None]) -> bool:
    """A projects sheet without references can have them generated when it names a project by
    enough of its visible columns (a title or acronym, and who or what it is for)."""
    present = set(fields)
    return (
        kind == "projects"
        and bool(present & {"title", "acronym"})
        and len(present & set(REFERENCE_SOURCES)) >= 2
    )


#: What a list of grants awarded says without a column for it: each row is a funded project
#: (a signed convention, a programmed operation), its line a grant unless the file says otherwise.
GRANT_LIST_DEFAULTS = {"status": "funded", "instrument": "grant"}


def propose_grant_defaults(mapping: SheetMapping) -> None:
    """A projects sheet of grants awarded — a funder, a beneficiary, an amount granted, and no
    reference or status of its own (SCDL publications, cohesion-fund operation lists) — gets
    « funded » and « grant » for every row, as values the user sees and can change."""
    mapped = mapping.mapped()
    if (
        mapping.kind != "projects"
        or "reference" in mapped
        or "status" in mapped
        or not {"funder", "line_granted", "lead"} <= mapped | set(mapping.fixed)
    ):
        return
    for field_key, value in GRANT_LIST_DEFAULTS.items():
        if field_key not in mapped:
            mapping.fixed.setdefault(field_key, value)
        elif field_key not in mapping.fixed:
            mapping.defaults.setdefault(field_key, value)


def generated_reference(row: Sequence[Any], columns: Sequence[int]) -> str:
    """A project's reference made from the row's texts in `columns`: `G-` and ten hexadecimal
    digits of their SHA-1, each text folded (case, accents, spacing and punctuation do not change
    it), so re-importing the same or an edited file finds the same projects again."""
    parts = [key(parse_text(row[i])) if i < len(row) else "" for i in columns]
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False)
    return "G-" + digest.hexdigest()[:10].upper()


def plan_references(mapping: SheetMapping) -> None:
    """Generated references for a projects sheet that has no reference column: the columns they
    are made of (`reference_from`), chosen from what the sheet maps."""
    mapping.reference_from = []
    if mapping.kind != "projects" or "reference" in mapping.columns:
        return
    for field_key in REFERENCE_SOURCES:
        column = mapping.column_of(field_key)
        if column is not None and (field_key not in _DATES or len(mapping.reference_from) < 3):
            mapping.reference_from.append(column)
    if len(mapping.reference_from) < 2:
        mapping.reference_from = []


def normalise_granted(mapping: SheetMapping) -> None:
    """See `_normalise_granted`; and in a projects sheet that names a beneficiary but no lead
    partner (one row per grant: SCDL, cohesion-fund operations, laureates), the beneficiary is
    the project's lead partner."""
    _normalise_granted(mapping)
    if (
        mapping.kind == "projects"
        and "beneficiary" in mapping.columns
        and "lead" not in mapping.columns
    ):
        mapping.columns[mapping.columns.index("beneficiary")] = "lead"


def _normalise_granted(mapping: SheetMapping) -> None:
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
        sheet_name, kind, header_row, headers, fields, [unit_multiplier(h) for h in headers],
        how=[HOW_PROFILE if f else "" for f in fields],
    )  # fmt: skip


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
    _, _, fields, hows = _score(kind, rows[header_row - 1])
    headers = [parse_text(c) for c in rows[header_row - 1]]
    mapping = SheetMapping(
        sheet_name, kind, header_row, headers, fields, [unit_multiplier(h) for h in headers],
        how=hows,
    )  # fmt: skip
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

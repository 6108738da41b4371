"""The portfolio's workbook layout, shared by the export (what it writes) and the import (what it
recognises first, before synonyms): sheets, columns, their French and English headers and types.

An exported workbook re-imports without a mapping step because the importer knows these headers in
both languages; a workbook from elsewhere is mapped through the importer's synonyms.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    """One column: a stable key, its headers, and how its cells are typed.

    `kind` is one of `text`, `money` (euros), `date`, `int`, `bool` (Oui/Non, Yes/No), `percent`,
    `score` (0–4), `enum:<List>` (a closed list of `messages.LABELS`), or `ref:<sheet>` (a name
    that must exist in another sheet or in the database).
    """

    key: str
    fr: str
    en: str
    kind: str = "text"
    required: bool = False
    width: int = 14

    def header(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet of the workbook."""

    key: str
    fr: str
    en: str
    columns: tuple[Column, ...]

    def title(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


PROJECTS = Sheet(
    "projects",
    "Projets",
    "Projects",
    (
        Column("cluster", "Pôle", "Cluster", "text", width=10),
        Column("reference", "Référence", "Reference", "text", required=True, width=16),
        Column("acronym", "Acronyme", "Acronym", "text", width=16),
        Column("title", "Intitulé", "Title", "text", width=50),
        Column("status", "Statut", "Status", "enum:ProjectStatus", required=True, width=16),
        Column("lead", "Porteur", "Lead partner", "ref:organisations", width=28),
        Column("domains", "Domaines", "Domains", "text", width=40),
        Column("regions", "Régions", "Regions", "text", width=22),
        Column("call", "Appel à projets", "Call for proposals", "ref:calls", width=28),
        Column("submitted_on", "Date de dépôt", "Submitted on", "date", width=12),
        Column("evaluated_on", "Date d'expertise", "Evaluated on", "date", width=12),
        Column(
            "labelling_decided_on",
            "Date de labellisation",
            "Labelling decided on",
            "date",
            width=12,
        ),
        Column(
            "funding_decided_on",
            "Date de décision de financement",
            "Funding decided on",
            "date",
            width=12,
        ),
        Column("start_on", "Début", "Start", "date", width=12),
        Column("end_on", "Fin", "End", "date", width=12),
        Column("closed_on", "Date de clôture", "Closed on", "date", width=12),
        Column("abandoned_on", "Date d'abandon", "Abandoned on", "date", width=12),
        Column("total_budget", "Budget total (€)", "Total budget (€)", "money", width=16),
        Column("eligible_costs", "Dépenses éligibles (€)", "Eligible costs (€)", "money", width=16),
        Column("granted", "Aide accordée (€)", "Funding granted (€)", "money", width=16),
        Column(
            "responsible_digital", "Numérique responsable", "Responsible digital", "bool", width=10
        ),
        Column("rd_carbon", "NR — impact carbone", "RD — carbon impact", "score", width=8),
        Column("rd_resources", "NR — ressources", "RD — natural resources", "score", width=8),
        Column("rd_recyclability", "NR — recyclabilité", "RD — recyclability", "score", width=8),
        Column(
            "rd_energy", "NR — dépendance énergétique", "RD — energy dependence", "score", width=8
        ),
        Column("rd_ethics", "NR — éthique", "RD — ethics", "score", width=8),
        Column("keywords", "Mots-clés", "Keywords", "text", width=30),
        Column("summary", "Résumé", "Summary", "text", width=60),
        Column("notes", "Notes", "Notes", "text", width=40),
    ),
)

FUNDING = Sheet(
    "funding",
    "Financements",
    "Funding",
    (
        Column("line_id", "N° de ligne", "Line no.", "int", width=9),
        Column("cluster", "Pôle", "Cluster", "text", width=10),
        Column(
            "reference", "Référence projet", "Project reference", "text", required=True, width=16
        ),
        Column("funder", "Financeur", "Funder", "ref:funders", required=True, width=30),
        Column(
            "instrument", "Type d'aide", "Instrument", "enum:Instrument", required=True, width=18
        ),
        Column("beneficiary", "Bénéficiaire", "Beneficiary", "ref:organisations", width=28),
        Column("requested", "Montant demandé (€)", "Amount requested (€)", "money", width=16),
        Column("granted", "Montant accordé (€)", "Amount granted (€)", "money", width=16),
        Column("paid", "Montant versé (€)", "Amount paid (€)", "money", width=16),
        Column("decision_on", "Date de décision", "Decision date", "date", width=12),
        Column("granted_override", "Dérogation", "Override", "bool", width=10),
    ),
)

PARTNERS = Sheet(
    "partners",
    "Partenaires",
    "Partners",
    (
        Column("cluster", "Pôle", "Cluster", "text", width=10),
        Column(
            "reference", "Référence projet", "Project reference", "text", required=True, width=16
        ),
        Column(
            "organisation",
            "Organisation",
            "Organisation",
            "ref:organisations",
            required=True,
            width=32,
        ),
        Column("siren", "SIREN", "SIREN", "text", width=11),
        Column("role", "Rôle", "Role", "enum:PartnerRole", required=True, width=14),
        Column("budget", "Budget (€)", "Budget (€)", "money", width=16),
    ),
)

ORGANISATIONS = Sheet(
    "organisations",
    "Organisations",
    "Organisations",
    (
        Column("name", "Nom", "Name", "text", required=True, width=36),
        Column("kind", "Type", "Kind", "enum:OrganisationKind", required=True, width=22),
        Column("siren", "SIREN", "SIREN", "text", width=11),
        Column("siret", "SIRET", "SIRET", "text", width=16),
        Column("region", "Région", "Region", "text", width=22),
        Column("city", "Ville", "City", "text", width=18),
        Column("is_member", "Adhérent", "Member", "bool", width=9),
        Column("member_since", "Adhérent depuis", "Member since", "date", width=12),
        Column("member_until", "Adhérent jusqu'au", "Member until", "date", width=12),
    ),
)

DOMAINS = Sheet(
    "domains",
    "Domaines",
    "Domains",
    (
        Column("name", "Nom", "Name", "text", required=True, width=48),
        Column("colour", "Couleur", "Colour", "text", width=10),
        Column("active", "Actif", "Active", "bool", width=8),
        # The pole whose roadmap the domain is (its code); empty: every pole shares it.
        Column("cluster", "Pôle", "Cluster", "text", width=10),
    ),
)

FUNDERS = Sheet(
    "funders",
    "Financeurs",
    "Funders",
    (
        Column("name", "Nom", "Name", "text", required=True, width=40),
        Column("kind", "Type", "Kind", "enum:FunderKind", required=True, width=22),
    ),
)

CALLS = Sheet(
    "calls",
    "Appels à projets",
    "Calls",
    (
        Column("name", "Nom", "Name", "text", required=True, width=44),
        Column("funder", "Financeur", "Funder", "ref:funders", width=30),
        Column("programme", "Programme", "Programme", "text", width=36),
        Column("year", "Année", "Year", "int", width=8),
    ),
)

#: The clusters the projects sheets name by their code (Pôle column): their names and regions
#: come back with them. Regions are written as in the Projets sheet (names, ", " between).
CLUSTERS = Sheet(
    "clusters",
    "Pôles",
    "Clusters",
    (
        Column("code", "Code", "Code", "text", required=True, width=10),
        Column("name", "Nom", "Name", "text", width=44),
        Column("regions", "Régions", "Regions", "text", width=30),
    ),
)

#: The sheets of a full export, in order (the Synthèse/Summary sheet is added by the export).
SHEETS: tuple[Sheet, ...] = (
    PROJECTS, FUNDING, PARTNERS, ORGANISATIONS, DOMAINS, FUNDERS, CALLS, CLUSTERS,
)  # fmt: skip
SUMMARY_TITLE = {"fr": "Synthèse", "en": "Summary"}

# --- money: payment schedules, payments, cofinancing, yearly spread, aid-rate rules. Lines are
# named by the Financements sheet's line number; `services.money_sheets` writes and reads them.


def _line_columns() -> tuple[Column, ...]:
    return (
        Column("line_id", "N° de ligne", "Line no.", "int", required=True, width=9),
        Column("cluster", "Pôle", "Cluster", "text", width=10),
        Column("reference", "Référence projet", "Project reference", "text", width=16),
        Column("funder", "Financeur", "Funder", "text", width=28),
    )


TRANCHES = Sheet(
    "tranches",
    "Échéancier",
    "Payment schedule",
    (
        *_line_columns(),
        Column("tranche_no", "N° de tranche", "Tranche no.", "int", required=True, width=9),
        Column("kind", "Tranche", "Tranche", "enum:TrancheKind", required=True, width=22),
        Column("due_on", "Échéance", "Due on", "date", width=12),
        Column("amount", "Montant prévu (€)", "Amount planned (€)", "money", True, width=16),
        Column("released", "Dégagée", "Released", "bool", width=9),
    ),
)
PAYMENTS = Sheet(
    "payments",
    "Versements",
    "Payments",
    (
        *_line_columns(),
        Column("received_on", "Date de versement", "Received on", "date", width=12),
        Column("amount", "Montant versé (€)", "Amount received (€)", "money", True, width=16),
        Column("tranche_no", "N° de tranche", "Tranche no.", "int", width=9),
        Column("note", "Note", "Note", "text", width=30),
    ),
)
COFINANCING = Sheet(
    "cofinancing",
    "Cofinancements",
    "Cofinancing",
    (
        *_line_columns(),
        Column("organisation", "Partenaire", "Partner", "ref:organisations", True, width=32),
        Column("amount", "Part de l'aide (€)", "Share of the aid (€)", "money", True, width=16),
    ),
)
SPREAD = Sheet(
    "spread",
    "Montants par année",
    "Amounts per year",
    (
        *_line_columns(),
        Column("year", "Année", "Year", "int", required=True, width=8),
        Column("amount", "Montant accordé (€)", "Amount granted (€)", "money", True, width=16),
    ),
)
RULES = Sheet(
    "rules",
    "Taux d'aide",
    "Aid rates",
    (
        Column("call", "Appel à projets", "Call for proposals", "ref:calls", width=28),
        Column("funder", "Financeur", "Funder", "ref:funders", width=28),
        Column("instrument", "Type d'aide", "Instrument", "enum:Instrument", width=18),
        Column(
            "partner_kind", "Type de partenaire", "Partner kind", "enum:OrganisationKind", True, 22
        ),
        Column("max_rate", "Taux maximal (%)", "Maximum rate (%)", "percent", True, width=10),
        Column("base", "Assiette", "Base", "enum:CostBase", width=20),
        Column("source", "Source", "Source", "text", width=50),
    ),
)
#: The money sheets, after the others (the importer reads them once the lines are written).
MONEY_SHEETS: tuple[Sheet, ...] = (TRANCHES, PAYMENTS, COFINANCING, SPREAD, RULES)

#: How a domain split is written in the Projets sheet: "Name 60 %; Other 40 %".
DOMAIN_SPLIT_SEPARATOR = "; "


def format_domain_split(parts: list[tuple[str, int]]) -> str:
    return DOMAIN_SPLIT_SEPARATOR.join(f"{name} {percent} %" for name, percent in parts)


def sheet_by_key(key: str) -> Sheet:
    return next(s for s in SHEETS if s.key == key)


# -- experts, evaluations, submissions, committees, follow-up ---------------------------------------
# Read back by `excel_import.follow_up_sheets` (not by the header detection: their rows hang on
# projects, experts and committees the other sheets or the portfolio hold).

#: Several names in one cell (an expert's domains and tied organisations, a committee's members).
LIST_SEPARATOR = "; "

EXPERTS = Sheet(
    "experts",
    "Experts",
    "Experts",
    (
        Column("name", "Nom", "Name", "text", required=True, width=28),
        Column("email", "Courriel", "E-mail", "text", width=30),
        Column("affiliation", "Rattachement", "Affiliation", "text", width=30),
        Column("domains", "Domaines", "Domains", "text", width=40),
        Column(
            "ties",
            "Organisations liées (conflits d'intérêts)",
            "Tied organisations (conflicts of interest)",
            "text",
            width=40,
        ),
    ),
)

EVALUATIONS = Sheet(
    "evaluations",
    "Expertises",
    "Evaluations",
    (
        Column("cluster", "Pôle", "Cluster", "text", width=10),
        Column(
            "reference", "Référence projet", "Project reference", "text", required=True, width=16
        ),
        Column("expert", "Expert", "Expert", "ref:experts", required=True, width=28),
        #: Tells apart two experts of the same name.
        Column("expert_email", "Courriel de l'expert", "Expert's e-mail", "text", width=30),
        Column("evaluated_on", "Date d'expertise", "Evaluated on", "date", width=12),
        Column("score_innovation", "Note innovation", "Innovation score", "int", width=10),
        Column("score_consortium", "Note consortium", "Consortium score", "int", width=10),
        Column("score_impact", "Note impact", "Impact score", "int", width=10),
        Column("score_feasibility", "Note faisabilité", "Feasibility score", "int", width=10),
        Column(
            "recommendation", "Recommandation", "Recommendation", "enum:Recommendation", width=22
        ),
        Column("opinion", "Avis", "Opinion", "text", width=50),
    ),
)

COMMITTEES = Sheet(
    "committees",
    "Comités",
    "Committees",
    (
        Column("name", "Nom", "Name", "text", required=True, width=40),
        Column("held_on", "Date de séance", "Meeting date", "date", width=12),
        Column("members", "Membres", "Members", "text", width=50),
        Column("notes", "Notes", "Notes", "text", width=40),
    ),
)

SUBMISSIONS = Sheet(
    "submissions",
    "Dépôts",
    "Submissions",
    (
        Column("cluster", "Pôle", "Cluster", "text", width=10),
        Column(
            "reference", "Référence projet", "Project reference", "text", required=True, width=16
        ),
        Column("call", "Appel à projets", "Call for proposals", "ref:calls", width=28),
        Column("submitted_on", "Date de dépôt", "Submitted on", "date", width=12),
        Column("requested", "Montant demandé (€)", "Amount requested (€)", "money", width=16),
        Column(
            "label_decision",
            "Décision de labellisation",
            "Label decision",
            "enum:LabelDecision",
            width=22,
        ),
        Column(
            "label_decided_on", "Date de labellisation", "Labelling decided on", "date", width=12
        ),
        Column("committee", "Comité", "Committee", "ref:committees", width=32),
        Column(
            "label_override",
            "Motif de labellisation sans expertise",
            "Reason for labelling without evaluation",
            "text",
            width=30,
        ),
        Column(
            "funder_decision",
            "Décision du financeur",
            "Funder's decision",
            "enum:FunderDecision",
            width=16,
        ),
        Column(
            "funder_decided_on",
            "Date de décision du financeur",
            "Funder's decision date",
            "date",
            width=12,
        ),
        Column("withdrawn_on", "Date de retrait", "Withdrawn on", "date", width=12),
        Column("notes", "Notes", "Notes", "text", width=40),
    ),
)

FOLLOW_UP = Sheet(
    "follow_up",
    "Échéances",
    "Deadlines",
    (
        Column("cluster", "Pôle", "Cluster", "text", width=10),
        Column(
            "reference", "Référence projet", "Project reference", "text", required=True, width=16
        ),
        Column("kind", "Type", "Kind", "enum:FollowUpKind", required=True, width=20),
        Column("title", "Intitulé", "Title", "text", width=36),
        Column("funder", "Financeur", "Funder", "ref:funders", width=28),
        Column("due_on", "Échéance", "Due on", "date", required=True, width=12),
        Column("done_on", "Fait / reçu le", "Done / received on", "date", width=12),
        Column("notes", "Notes", "Notes", "text", width=40),
    ),
)

#: Written after `SHEETS`, in this order (committees before the submissions that name them).
FOLLOW_UP_SHEETS: tuple[Sheet, ...] = (EXPERTS, EVALUATIONS, COMMITTEES, SUBMISSIONS, FOLLOW_UP)

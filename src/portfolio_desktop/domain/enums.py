"""Closed lists of the domain: statuses, kinds, instruments, roles, regions.

Every enum's value is the stable snake_case code stored in the database, printed by the command
line and matched by the importer; words for people come from `messages`.
"""

from __future__ import annotations

from enum import StrEnum


class ProjectStatus(StrEnum):
    """A project's step in the cluster's pipeline."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    EVALUATED = "evaluated"
    LABELLED = "labelled"
    NOT_LABELLED = "not_labelled"
    FUNDED = "funded"
    NOT_FUNDED = "not_funded"
    RUNNING = "running"
    CLOSED = "closed"
    ABANDONED = "abandoned"

    @property
    def is_open(self) -> bool:
        """True while the project can still move forward."""
        return self not in _FINAL_STATUSES


_FINAL_STATUSES = frozenset(
    {
        ProjectStatus.NOT_LABELLED,
        ProjectStatus.NOT_FUNDED,
        ProjectStatus.CLOSED,
        ProjectStatus.ABANDONED,
    }
)

#: Pipeline order, used for sorting and for the funnel.
STATUS_ORDER: tuple[ProjectStatus, ...] = tuple(ProjectStatus)


class OrganisationKind(StrEnum):
    """What an organisation is, as the cluster counts them."""

    STARTUP = "startup"
    SME = "sme"
    MIDCAP = "midcap"
    LARGE_COMPANY = "large_company"
    RESEARCH = "research"
    HIGHER_EDUCATION = "higher_education"
    PUBLIC_BODY = "public_body"
    ASSOCIATION = "association"

    @property
    def is_company(self) -> bool:
        return self in {self.STARTUP, self.SME, self.MIDCAP, self.LARGE_COMPANY}

    @property
    def is_sme(self) -> bool:
        """Start-ups are SMEs too in the State's counting (fewer than 250 staff)."""
        return self in {self.STARTUP, self.SME}


class FunderKind(StrEnum):
    """Who a funder is."""

    STATE = "state"
    STATE_AGENCY = "state_agency"
    REGION = "region"
    LOCAL_AUTHORITY = "local_authority"
    EU = "eu"
    PRIVATE = "private"


class Instrument(StrEnum):
    """The type of aid a funding line carries."""

    GRANT = "grant"
    REPAYABLE_ADVANCE = "repayable_advance"
    LOAN = "loan"
    EQUITY = "equity"


class PartnerRole(StrEnum):
    """An organisation's role in a project."""

    LEAD = "lead"
    PARTNER = "partner"
    SUBCONTRACTOR = "subcontractor"


class Recommendation(StrEnum):
    """An expert's recommendation on a project."""

    LABEL = "label"
    LABEL_WITH_RESERVATIONS = "label_with_reservations"
    REVISE = "revise"
    REJECT = "reject"


class Region(StrEnum):
    """French regions (2016 map), by their INSEE code-like short names."""

    AUVERGNE_RHONE_ALPES = "ARA"
    BOURGOGNE_FRANCHE_COMTE = "BFC"
    BRETAGNE = "BRE"
    CENTRE_VAL_DE_LOIRE = "CVL"
    CORSE = "COR"
    GRAND_EST = "GES"
    HAUTS_DE_FRANCE = "HDF"
    ILE_DE_FRANCE = "IDF"
    NORMANDIE = "NOR"
    NOUVELLE_AQUITAINE = "NAQ"
    OCCITANIE = "OCC"
    PAYS_DE_LA_LOIRE = "PDL"
    PROVENCE_ALPES_COTE_D_AZUR = "PAC"
    GUADELOUPE = "GUA"
    MARTINIQUE = "MTQ"
    GUYANE = "GUF"
    LA_REUNION = "LRE"
    MAYOTTE = "MAY"
    #: Nouvelle-Calédonie, Polynésie française, Saint-Pierre-et-Miquelon, Wallis-et-Futuna,
    #: Saint-Barthélemy, Saint-Martin, the TAAF: French, outside the regions.
    OVERSEAS_COLLECTIVITIES = "COM"
    ABROAD = "ABR"


#: The regions' names as people write them (French official names).
REGION_NAMES: dict[Region, str] = {
    Region.AUVERGNE_RHONE_ALPES: "Auvergne-Rhône-Alpes",
    Region.BOURGOGNE_FRANCHE_COMTE: "Bourgogne-Franche-Comté",
    Region.BRETAGNE: "Bretagne",
    Region.CENTRE_VAL_DE_LOIRE: "Centre-Val de Loire",
    Region.CORSE: "Corse",
    Region.GRAND_EST: "Grand Est",
    Region.HAUTS_DE_FRANCE: "Hauts-de-France",
    Region.ILE_DE_FRANCE: "Île-de-France",
    Region.NORMANDIE: "Normandie",
    Region.NOUVELLE_AQUITAINE: "Nouvelle-Aquitaine",
    Region.OCCITANIE: "Occitanie",
    Region.PAYS_DE_LA_LOIRE: "Pays de la Loire",
    Region.PROVENCE_ALPES_COTE_D_AZUR: "Provence-Alpes-Côte d'Azur",
    Region.GUADELOUPE: "Guadeloupe",
    Region.MARTINIQUE: "Martinique",
    Region.GUYANE: "Guyane",
    Region.LA_REUNION: "La Réunion",
    Region.MAYOTTE: "Mayotte",
    Region.OVERSEAS_COLLECTIVITIES: "Collectivités d'outre-mer",
    Region.ABROAD: "Étranger",
}

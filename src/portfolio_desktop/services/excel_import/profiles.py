"""Mapping profiles: how the sheets of a known kind of workbook are read.

A profile names, for each sheet it expects, the record kind, which header (by its key) fills which
field, constant values for fields the file does not carry (the funder of a dataset published by
that funder), value mappings (`SIGNED` → running, a domain spelling → a domain) and the texts that
mean "empty" (`Non renseigné`). Built-in profiles read the public datasets staff receive; users
save their own from the import wizard, and a saved profile is proposed again for a workbook whose
headers it recognises.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ...domain.text import key
from ...storage import imports as store
from ...storage.database import Database
from .headers import find_header_row, header_keys
from .reader import WorkbookData


@dataclass(slots=True)
class SheetProfile:
    """One sheet of a profile: its kind, its columns (header key → field) and constants."""

    kind: str
    columns: dict[str, str]
    #: The sheet's title key when the profile is tied to a sheet name; None: any sheet that fits.
    sheet: str | None = None
    constants: dict[str, Any] = field(default_factory=dict)
    #: Drop the funding line of a projects row whose amounts are all zero or empty.
    skip_empty_lines: bool = False


@dataclass(slots=True)
class Profile:
    """A named way of reading a kind of workbook."""

    name: str
    sheets: list[SheetProfile]
    #: field → {key of a value as written → the value to use instead ('' for empty)}.
    value_maps: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Texts that mean an empty cell.
    nulls: list[str] = field(default_factory=list)
    #: `.` or `,` when the files this profile reads use one decimal separator for sure.
    decimal_separator: str | None = None
    builtin: bool = False
    description: str = ""

    def to_json(self) -> str:
        payload = asdict(self)
        payload.pop("builtin")
        return json.dumps(payload, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, name: str, text: str) -> Profile:
        data = json.loads(text)
        sheets = [SheetProfile(**s) for s in data.get("sheets", [])]
        return cls(
            name=name,
            sheets=sheets,
            value_maps={k: dict(v) for k, v in data.get("value_maps", {}).items()},
            nulls=list(data.get("nulls", [])),
            decimal_separator=data.get("decimal_separator"),
            description=data.get("description", ""),
        )

    def null_keys(self) -> set[str]:
        return {key(n) for n in self.nulls}


def _columns(pairs: dict[str, str]) -> dict[str, str]:
    return {header_keys(header)[0]: target for header, target in pairs.items()}


ANR_KINDS = {
    "Universités, INSA et INP": "higher_education",
    "Organismes de type EPST": "research",
    "Entreprises Privées": "sme",
    "Grandes écoles publiques": "higher_education",
    "Organismes de Type EPIC": "research",
    "ENS et grands établissements": "higher_education",
    "COMUE Pôle de recherche et d'Enseignement supérieur": "higher_education",
    "Fondations": "association",
    "Autres établissements (publics)": "public_body",
    "Organismes Médicaux (Hôpitaux)": "public_body",
    "Associations": "association",
    "EPA, GIP, organismes avec autre statut": "public_body",
    "Etablissements de santé": "public_body",
    "Autres écoles (privées)": "higher_education",
    "GIE ou Non-Affecté": "association",
    "Ministères": "public_body",
    "Etranger": "research",
    "IEP": "higher_education",
    "Collectivités": "public_body",
    "Observatoires": "research",
    "INHA": "research",
}

BUILTIN: tuple[Profile, ...] = (
    Profile(
        name="anr-dgpie-projects",
        description="ANR — projets DGPIE financés (data.gouv.fr): one row per project, "
        "Projet.Aide_allouee is a grant from the ANR",
        sheets=[
            SheetProfile(
                kind="projects",
                columns=_columns(
                    {
                        "Projet.Code_Decision_ANR": "reference",
                        "Projet.Date_debut": "start_on",
                        "Projet.Acronyme": "acronym",
                        "Projet.Titre.Francais": "title",
                        "Projet.Resume.Francais": "summary",
                        "Projet.Aide_allouee": "line_granted",
                    }
                ),
                constants={"status": "funded", "funder": "ANR", "instrument": "grant"},
                skip_empty_lines=True,
            )
        ],
        nulls=["Non renseigné"],
        builtin=True,
    ),
    Profile(
        name="anr-dgpie-partners",
        description="ANR — partenaires des projets DGPIE (data.gouv.fr): one row per partner",
        sheets=[
            SheetProfile(
                kind="partners",
                columns=_columns(
                    {
                        "Projet.Code_Decision_ANR": "reference",
                        "Projet.Partenaire.Est_coordinateur": "role",
                        "Projet.Partenaire.Nom_organisme": "organisation",
                        "Projet.Partenaire.Categorie_organisme": "org_kind",
                        "Projet.Partenaire.Adresse.Ville": "org_city",
                        "Projet.Partenaire.Adresse.Region": "org_region",
                        "Projet.Partenaire.Adresse.Pays": "org_country",
                    }
                ),
            )
        ],
        value_maps={
            "role": {"true": "lead", "false": "partner"},
            "org_kind": {key(k): v for k, v in ANR_KINDS.items()},
            "org_region": {"dom tom": ""},
        },
        nulls=["Non renseigné"],
        builtin=True,
    ),
    Profile(
        name="cordis-projects",
        description="CORDIS — Horizon Europe projects (project.csv / project.xlsx)",
        sheets=[
            SheetProfile(
                kind="projects",
                columns=_columns(
                    {
                        "id": "reference",
                        "acronym": "acronym",
                        "status": "status",
                        "title": "title",
                        "startDate": "start_on",
                        "endDate": "end_on",
                        "totalCost": "total_budget",
                        "ecMaxContribution": "line_granted",
                        "ecSignatureDate": "decision_on",
                        "masterCall": "call",
                        "objective": "summary",
                    }
                ),
                constants={"funder": "Union européenne — Horizon Europe", "instrument": "grant"},
                skip_empty_lines=True,
            )
        ],
        value_maps={"status": {"signed": "running", "closed": "closed", "terminated": "abandoned"}},
        builtin=True,
    ),
    Profile(
        name="cordis-organisations",
        description="CORDIS — Horizon Europe participants (organization.csv / organization.xlsx)",
        sheets=[
            SheetProfile(
                kind="partners",
                columns=_columns(
                    {
                        "projectID": "reference",
                        "name": "organisation",
                        "role": "role",
                        "activityType": "org_kind",
                        "city": "org_city",
                        "country": "org_country",
                        "SME": "org_sme",
                        "totalCost": "budget",
                    }
                ),
            )
        ],
        value_maps={
            "role": {
                "coordinator": "lead",
                "participant": "partner",
                "thirdparty": "subcontractor",
                "associatedpartner": "partner",
            },
            "org_kind": {
                "hes": "higher_education",
                "rec": "research",
                "prc": "large_company",
                "pub": "public_body",
                "oth": "association",
            },
        },
        builtin=True,
    ),
)


def builtin_profile(name: str) -> Profile | None:
    return next((p for p in BUILTIN if p.name == name), None)


def saved_profiles(db: Database) -> list[Profile]:
    with db.read() as session:
        return [Profile.from_json(name, payload) for name, payload in store.load_profiles(session)]


def all_profiles(db: Database) -> list[Profile]:
    """Saved profiles first (a user's own wins over a built-in one of the same name)."""
    saved = saved_profiles(db)
    names = {p.name for p in saved}
    return saved + [p for p in BUILTIN if p.name not in names]


def find_profile(db: Database, name: str) -> Profile | None:
    return next((p for p in all_profiles(db) if p.name == name), None)


def save_profile(db: Database, profile: Profile) -> None:
    """Saves (or replaces) a user profile under its name."""
    with db.write() as session:
        store.save_profile(session, profile.name, profile.to_json())


def delete_profile(db: Database, name: str) -> None:
    with db.write() as session:
        store.delete_profile(session, name)


@dataclass(slots=True)
class ProfileFit:
    """Where each sheet of a profile was found in a workbook: sheet name → (sheet profile, header row)."""

    profile: Profile
    sheets: dict[str, tuple[SheetProfile, int]]
    columns: int


def fit_profile(profile: Profile, workbook: WorkbookData) -> ProfileFit | None:
    """The sheets of the workbook a profile reads (all its sheets must be found), or None."""
    placed: dict[str, tuple[SheetProfile, int]] = {}
    for sheet_profile in profile.sheets:
        for sheet in workbook.sheets:
            if sheet.name in placed:
                continue
            if sheet_profile.sheet is not None and key(sheet.name) != sheet_profile.sheet:
                continue
            row = find_header_row(sheet.rows, sheet_profile.columns)
            if row:
                placed[sheet.name] = (sheet_profile, row)
                break
        else:
            return None
    return ProfileFit(profile, placed, sum(len(s.columns) for s in profile.sheets))


def best_fit(profiles: Sequence[Profile], workbook: WorkbookData) -> ProfileFit | None:
    """The profile that recognises the most columns of the workbook."""
    fits = [f for f in (fit_profile(p, workbook) for p in profiles) if f is not None]
    return max(fits, key=lambda f: f.columns, default=None)

"""Deterministic demo portfolios that a cluster manager finds plausible.

Two scales: `pole`, one cluster like Images & Réseaux (about 1,300 projects of which 1,100 were
evaluated, 550 funded, 1.3 bn€ granted, 2005–2026) and `national`, 57 clusters (about 100,000
projects, 300,000 funding lines, 55 bn€). The same seed gives the same database, row for row:
one `random.Random(seed)` drives everything, and nothing iterates over a set or a hash order.
Names come from `resources/demo/seeds.json`; cluster, funder, call and public research body names
are real public names, companies, people, projects and amounts are invented.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..domain.enums import (
    FunderKind,
    Instrument,
    OrganisationKind,
    PartnerRole,
    ProjectStatus,
    Recommendation,
)
from ..domain.identifiers import luhn_complete
from ..domain.text import fold
from ..domain.workflow import STEP_DATE_FIELD, path_to
from ..errors import KnownError
from ..paths import resources_dir
from ..storage import apply as write
from ..storage import bulk, money
from ..storage.changes import ChangeSet, DemoRows, Source
from ..storage.database import Database
from . import demo_money
from .demo_follow_up import follow_up_rows
from .progress import Progress, Silent

S = ProjectStatus

#: The demo's "today": fixed, so that the same seed gives the same statuses whenever it runs.
DEMO_TODAY = date(2026, 6, 30)
FIRST_YEAR, LAST_YEAR = 2005, 2026


@dataclass(frozen=True, slots=True)
class Scale:
    """How big a demo is and what it should add up to."""

    name: str
    projects: int
    granted_total_euros: int
    clusters: tuple[str, ...] | None  # cluster codes; None = all of seeds.json
    experts_per_cluster: int
    companies_per_project: float


SCALES = {
    "pole": Scale("pole", 1_300, 1_300_000_000, ("IR",), 70, 0.55),
    "national": Scale("national", 100_000, 55_000_000_000, None, 25, 0.38),
}


class DemoNotEmptyError(KnownError):
    code = "demo_db_not_empty"


@dataclass(slots=True)
class _Org:
    id: int
    name: str
    kind: OrganisationKind
    region: str
    weight: float


@dataclass(slots=True)
class _Call:
    id: int
    name: str
    funder_id: int
    family: str
    year: int


@dataclass(slots=True)
class _World:
    """Everything generated so far, as plain rows ready for bulk inserts."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(row)


def load_seeds() -> dict[str, Any]:
    with open(resources_dir() / "demo" / "seeds.json", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _siren(rng: random.Random) -> str:
    return luhn_complete(str(rng.randint(30_000_000, 99_999_999)))


def _siret(rng: random.Random, siren: str) -> str:
    return luhn_complete(siren + f"{rng.randint(1, 9999):04d}")


def _weighted_index(rng: random.Random, cumulative: Sequence[float]) -> int:
    """Index drawn with the weights whose running sums are `cumulative` (bisect on a list)."""
    target = rng.random() * cumulative[-1]
    lo, hi = 0, len(cumulative) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cumulative[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


class _Generator:
    def __init__(self, scale: Scale, seed: int, progress: Progress) -> None:
        self.scale = scale
        self.rng = random.Random(f"portfolio-desktop-demo/{scale.name}/{seed}")
        self.progress = progress
        self.seeds = load_seeds()
        self.world = _World()
        self.now = datetime(2026, 6, 30, 18, 0, tzinfo=UTC).replace(tzinfo=None)

    # -- reference data -------------------------------------------------------------------------

    def clusters(self, first_id: int) -> list[tuple[int, str, list[str], list[str], int]]:
        chosen = [
            c
            for c in self.seeds["clusters"]
            if self.scale.clusters is None or c[0] in self.scale.clusters
        ]
        weight_total = sum(c[4] for c in chosen)
        result = []
        for offset, (code, name, regions, domains, weight) in enumerate(chosen):
            count = round(self.scale.projects * weight / weight_total)
            cid = first_id + offset
            self.world.add(
                "cluster", {"id": cid, "code": code, "name": name, "regions": ",".join(regions)}
            )
            result.append((cid, code, regions, domains, count))
        return result

    def domains(
        self, existing: dict[str, int], codes_needed: list[str], first_id: int
    ) -> dict[str, int]:
        """Domain code → id, creating the domains a scale needs that the database lacks."""
        by_code: dict[str, int] = {}
        next_id = first_id
        position = len(existing)
        for entry in self.seeds["domains"]:
            if entry["code"] not in codes_needed:
                continue
            if entry["name"] in existing:
                by_code[entry["code"]] = existing[entry["name"]]
                continue
            self.world.add(
                "domain",
                {
                    "id": next_id,
                    "name": entry["name"],
                    "colour": entry["colour"],
                    "active": True,
                    "position": position,
                },
            )
            by_code[entry["code"]] = next_id
            next_id += 1
            position += 1
        return by_code

    def funders(self, regions: list[str], first_id: int) -> dict[str, int]:
        funders: dict[str, int] = {}
        next_id = first_id

        def add(name: str, kind: str) -> None:
            nonlocal next_id
            if name in funders:
                return
            self.world.add("funder", {"id": next_id, "name": name, "kind": kind})
            funders[name] = next_id
            next_id += 1

        for name, kind in self.seeds["funders"]["national"]:
            add(name, kind)
        for region in regions:
            if region in self.seeds["funders"]["regions"]:
                add(self.seeds["funders"]["regions"][region], FunderKind.REGION.value)
            for local in self.seeds["funders"]["local"].get(region, []):
                add(local, FunderKind.LOCAL_AUTHORITY.value)
        for name, kind in self.seeds["funders"]["private"]:
            add(name, kind)
        return funders

    def calls(
        self, funders: dict[str, int], regions: list[str], first_id: int
    ) -> dict[int, list[_Call]]:
        """Calls for proposals by year; each has a family that decides amounts and instruments."""
        by_year: dict[int, list[_Call]] = {}
        next_id = first_id

        def add(name: str, funder: str, family: str, year: int, programme: str) -> None:
            nonlocal next_id
            call = _Call(next_id, name, funders[funder], family, year)
            self.world.add(
                "call",
                {
                    "id": next_id,
                    "name": name,
                    "funder_id": call.funder_id,
                    "programme": programme,
                    "year": year,
                },
            )
            by_year.setdefault(year, []).append(call)
            next_id += 1

        fui = 1
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            if year <= 2018:
                for _ in range(2):
                    add(
                        f"AAP FUI {fui}",
                        "État — FUI (DGE)",
                        "fui",
                        year,
                        "Fonds unique interministériel",
                    )
                    fui += 1
            if 2010 <= year <= 2020:
                add(
                    f"PSPC {year}",
                    "Bpifrance",
                    "pspc",
                    year,
                    "Projets structurants pour la compétitivité",
                )
            if year >= 2019:
                add(
                    f"i-Nov vague {year - 2018}",
                    "Bpifrance",
                    "inov",
                    year,
                    "Concours d'innovation i-Nov",
                )
            if year >= 2021:
                add(f"i-Démo {year}", "État — France 2030", "idemo", year, "France 2030 — i-Démo")
            if year >= 2010:
                add(f"ANR AAPG {year}", "ANR", "anr", year, "Appel à projets générique")
            if 2007 <= year <= 2013:
                add(f"7e PCRD — appel {year}", "Union européenne — 7e PCRD", "eu", year, "7e PCRD")
            elif 2014 <= year <= 2020:
                add(
                    f"Horizon 2020 — appel {year}",
                    "Union européenne — Horizon 2020",
                    "eu",
                    year,
                    "Horizon 2020",
                )
            elif year >= 2021:
                add(
                    f"Horizon Europe — Cluster 4 {year}",
                    "Union européenne — Horizon Europe",
                    "eu",
                    year,
                    "Horizon Europe",
                )
            if year >= 2009:
                add(
                    f"ADEME — Démonstrateurs {year}",
                    "ADEME",
                    "ademe",
                    year,
                    "Investissements d'avenir",
                )
            for region in regions:
                name = self.seeds["funders"]["regions"].get(region)
                if name:
                    add(
                        f"{name} — Projets collaboratifs {year}",
                        name,
                        "region",
                        year,
                        "Innovation collaborative",
                    )
        return by_year

    def organisations(
        self, clusters: list[tuple[int, str, list[str], list[str], int]], first_id: int
    ) -> dict[str, list[_Org]]:
        """Per region, a pool of companies, labs, schools, public bodies and associations."""
        rng = self.rng
        seeds = self.seeds
        projects_by_region: dict[str, float] = {}
        for _, _, regions, _, count in clusters:
            for region in regions:
                projects_by_region[region] = projects_by_region.get(region, 0) + count / len(
                    regions
                )
        pools: dict[str, list[_Org]] = {}
        next_id = first_id
        used_names: set[str] = set()
        forms = seeds["company_forms"]
        descriptors = [
            "",
            " Technologies",
            " Systèmes",
            " Solutions",
            " Industries",
            " Ingénierie",
            " Innovation",
            " Labs",
            " France",
            " Électronique",
        ]

        def company_name() -> str:
            for attempt in range(200):
                base = rng.choice(seeds["company_prefixes"]) + rng.choice(seeds["company_suffixes"])
                extra = descriptors[rng.randrange(len(descriptors))] if attempt else ""
                name = f"{base}{extra} {rng.choice(forms)}"
                if name not in used_names:
                    return name
            return f"{base}{extra} {next_id} {rng.choice(forms)}"

        def add(
            name: str, kind: OrganisationKind, region: str, weight: float, city: str, member: bool
        ) -> None:
            nonlocal next_id
            used_names.add(name)
            siren: str | None = None
            siret: str | None = None
            if kind.is_company or rng.random() < 0.7:
                siren = _siren(rng)
                siret = _siret(rng, siren) if rng.random() < 0.8 else None
            since = date(rng.randint(FIRST_YEAR, 2024), rng.randint(1, 12), 1) if member else None
            until = None
            if since is not None and rng.random() < 0.15:
                until = date(min(since.year + rng.randint(1, 8), 2026), 12, 31)
            self.world.add(
                "organisation",
                {
                    "id": next_id,
                    "name": name,
                    "name_key": fold(name),
                    "kind": kind.value,
                    "siren": siren,
                    "siret": siret,
                    "region": region,
                    "city": city,
                    "is_member": member,
                    "member_since": since,
                    "member_until": until,
                    "version": 1,
                },
            )
            pools.setdefault(region, []).append(_Org(next_id, name, kind, region, weight))
            next_id += 1

        regions_sorted = sorted(projects_by_region)
        large = seeds["large_companies"]
        for index, name in enumerate(large):
            region = regions_sorted[index % len(regions_sorted)]
            add(
                name,
                OrganisationKind.LARGE_COMPANY,
                region,
                25.0,
                rng.choice(seeds["cities"].get(region, ["Paris"])),
                True,
            )
        for region in regions_sorted:
            projects = projects_by_region[region]
            cities = seeds["cities"].get(region, ["Paris"])
            for name in seeds["research"].get(region, []):
                higher = any(
                    w in name
                    for w in (
                        "Université",
                        "École",
                        "INSA",
                        "IMT",
                        "Centrale",
                        "ENS",
                        "ESEO",
                        "Oniris",
                        "UT",
                        "ISAE",
                        "Mines",
                        "Polytechnique",
                        "Télécom",
                        "ENSSAT",
                    )
                )
                kind = OrganisationKind.HIGHER_EDUCATION if higher else OrganisationKind.RESEARCH
                add(name, kind, region, 30.0 * rng.uniform(0.4, 1.6), rng.choice(cities), True)
            companies = max(20, int(projects * self.scale.companies_per_project))
            for _ in range(companies):
                draw = rng.random()
                if draw < 0.22:
                    kind = OrganisationKind.STARTUP
                elif draw < 0.82:
                    kind = OrganisationKind.SME
                elif draw < 0.96:
                    kind = OrganisationKind.MIDCAP
                else:
                    kind = OrganisationKind.LARGE_COMPANY
                # A few companies take part in many projects, most in one or two (Pareto weights).
                weight = rng.paretovariate(1.6) * (
                    3 if kind is OrganisationKind.LARGE_COMPANY else 1
                )
                add(company_name(), kind, region, weight, rng.choice(cities), rng.random() < 0.45)
            for name in seeds["public_bodies"]:
                city = rng.choice(cities)
                add(
                    f"{name} — {city}",
                    OrganisationKind.PUBLIC_BODY,
                    region,
                    1.5,
                    city,
                    rng.random() < 0.5,
                )
            for name in seeds["associations"]:
                city = rng.choice(cities)
                add(
                    f"{name} {city}",
                    OrganisationKind.ASSOCIATION,
                    region,
                    0.8,
                    city,
                    rng.random() < 0.6,
                )
        return pools

    def experts(
        self, clusters_count: int, domain_ids: list[int], orgs: list[_Org], first_id: int
    ) -> list[tuple[int, set[int]]]:
        rng = self.rng
        experts: list[tuple[int, set[int]]] = []
        logins: dict[str, int] = {}
        for offset in range(clusters_count * self.scale.experts_per_cluster):
            eid = first_id + offset
            first = rng.choice(self.seeds["first_names"])
            last = rng.choice(self.seeds["last_names"])
            login = fold(f"{first}.{last}").replace(" ", "-")
            # Namesakes are two people: each has an address of their own (the workbook's
            # evaluations tell experts by name and e-mail).
            logins[login] = logins.get(login, 0) + 1
            if logins[login] > 1:
                login = f"{login}{logins[login]}"
            affiliation = rng.choice(orgs)
            self.world.add(
                "expert",
                {
                    "id": eid,
                    "name": f"{first} {last}",
                    "email": f"{login}@expertise.example.fr",
                    "affiliation": affiliation.name,
                },
            )
            for did in rng.sample(domain_ids, k=min(len(domain_ids), rng.randint(1, 3))):
                self.world.add("expert_domain", {"expert_id": eid, "domain_id": did})
            ties = {affiliation.id}
            if rng.random() < 0.3:
                ties.add(rng.choice(orgs).id)
            for org_id in sorted(ties):
                self.world.add("expert_tie", {"expert_id": eid, "organisation_id": org_id})
            experts.append((eid, ties))
        return experts

    # -- projects -------------------------------------------------------------------------------

    def _submission_date(self) -> date:
        rng = self.rng
        # Activity grows through phases I–III and stays high; 2026 is half a year so far.
        weights = [
            0.55 + 0.45 * min(1.0, (y - FIRST_YEAR) / 8) for y in range(FIRST_YEAR, LAST_YEAR + 1)
        ]
        weights[-1] *= 0.5
        year = rng.choices(range(FIRST_YEAR, LAST_YEAR + 1), weights=weights)[0]
        last_day = DEMO_TODAY if year == LAST_YEAR else date(year, 12, 31)
        first_day = date(year, 1, 1)
        return first_day + timedelta(days=rng.randrange((last_day - first_day).days + 1))

    def _fate(self) -> ProjectStatus:
        draw = self.rng.random()
        if draw < 0.025:
            return S.DRAFT
        if draw < 0.065:
            return S.ABANDONED
        if draw < 0.205:
            return S.NOT_LABELLED
        if draw < 0.56:
            return S.NOT_FUNDED
        return S.CLOSED

    def _timeline(
        self, fate: ProjectStatus
    ) -> tuple[ProjectStatus, dict[str, date | None], list[tuple[ProjectStatus, date]]]:
        """Step dates along the fate's path, cut at the demo's today; also the steps reached."""
        rng = self.rng
        dates: dict[str, date | None] = {}
        submitted = self._submission_date()
        if fate is S.DRAFT:
            return S.DRAFT, dates, []
        steps: list[tuple[ProjectStatus, date]] = [(S.SUBMITTED, submitted)]
        current = submitted
        gaps = {
            S.EVALUATED: (20, 60),
            S.LABELLED: (7, 30),
            S.NOT_LABELLED: (7, 30),
            S.FUNDED: (60, 200),
            S.NOT_FUNDED: (60, 200),
            S.RUNNING: (15, 90),
        }
        target = fate
        if fate is S.ABANDONED:
            target = rng.choice([S.EVALUATED, S.LABELLED, S.RUNNING])
        planned_end: date | None = None
        for step in path_to(target)[1:]:
            if step is S.CLOSED:
                planned_end = current + timedelta(days=30 * rng.randint(24, 48))
                current = planned_end + timedelta(days=rng.randint(0, 120))
            else:
                low, high = gaps[step]
                current = current + timedelta(days=rng.randint(low, high))
            steps.append((step, current))
        if fate is S.ABANDONED:
            steps.append((S.ABANDONED, current + timedelta(days=rng.randint(10, 300))))
        status = S.DRAFT
        reached: list[tuple[ProjectStatus, date]] = []
        for step, day in steps:
            if day > DEMO_TODAY:
                break
            status = step
            reached.append((step, day))
            dates[STEP_DATE_FIELD[step]] = day
        if status is S.FUNDED:
            dates["start_on"] = next(
                day for step, day in steps if step is S.RUNNING
            )  # planned start
        start_on = dates.get("start_on")
        if start_on is not None:
            dates["end_on"] = planned_end or start_on + timedelta(days=30 * rng.randint(24, 48))
        return status, dates, reached

    def projects(
        self,
        clusters: list[tuple[int, str, list[str], list[str], int]],
        domain_ids: dict[str, int],
        funders: dict[str, int],
        calls: dict[int, list[_Call]],
        pools: dict[str, list[_Org]],
        experts: list[tuple[int, set[int]]],
        first_ids: dict[str, int],
    ) -> None:
        rng = self.rng
        seeds = self.seeds
        ids = dict(first_ids)
        all_orgs = [org for region in sorted(pools) for org in pools[region]]
        cumulative_all = list(_accumulate(o.weight for o in all_orgs))
        cumulative_pools = {r: list(_accumulate(o.weight for o in pools[r])) for r in pools}
        research_kinds = (OrganisationKind.RESEARCH, OrganisationKind.HIGHER_EDUCATION)
        research_pools = {r: [o for o in pools[r] if o.kind in research_kinds] for r in pools}
        expert_ids = [e[0] for e in experts]
        expert_ties = {e[0]: e[1] for e in experts}
        regions_funder = seeds["funders"]["regions"]
        total_projects = sum(c[4] for c in clusters)
        done = 0
        pending_lines: list[tuple[dict[str, Any], float]] = []

        for cid, code, regions, domain_codes, count in clusters:
            sequence: dict[int, int] = {}
            for _ in range(count):
                done += 1
                if done % 2000 == 0:
                    self.progress.check()
                    self.progress.report(0.1 + 0.6 * done / total_projects, "demo_projects")
                fate = self._fate()
                status, dates, reached = self._timeline(fate)
                year = (dates.get("submitted_on") or self._submission_date()).year
                sequence[year] = sequence.get(year, 0) + 1
                reference = f"{code}-{year}-{sequence[year]:04d}"
                pid = ids["project"]
                ids["project"] += 1

                # Domains: a main domain, sometimes a second or third one.
                main = rng.choice(domain_codes)
                theme = seeds["themes"][main]
                split: list[tuple[str, int]] = [(main, 100)]
                if len(domain_codes) > 1 and rng.random() < 0.45:
                    other = rng.choice([d for d in domain_codes if d != main])
                    share = rng.choice([50, 60, 70, 80])
                    split = [(main, share), (other, 100 - share)]
                    if len(domain_codes) > 2 and rng.random() < 0.25:
                        third = rng.choice([d for d in domain_codes if d not in (main, other)])
                        split = [(main, share - 10), (other, 100 - share), (third, 10)]
                for dcode, percent in split:
                    self.world.add(
                        "project_domain",
                        {"project_id": pid, "domain_id": domain_ids[dcode], "percent": percent},
                    )

                project_regions = [rng.choice(regions)]
                if len(regions) > 1 and rng.random() < 0.12:
                    project_regions = sorted(regions)
                for region in project_regions:
                    self.world.add("project_region", {"project_id": pid, "region": region})

                topic = rng.choice(theme["topics"])
                title = f"{topic} {rng.choice(seeds['applications'])}"
                acronym = rng.choice(theme["roots"]) + rng.choice(seeds["acronym_tails"])
                if rng.random() < 0.15:
                    acronym += f"-{rng.randint(2, 5)}"

                # The consortium: a lead, then partners from the region first.
                size = max(1, min(10, int(rng.gauss(4.3, 1.7))))
                members: list[_Org] = []
                seen: set[int] = set()
                attempts = 0
                while len(members) < size and attempts < size * 6:
                    attempts += 1
                    if rng.random() < 0.85:
                        region = rng.choice(regions)
                        pool = pools[region]
                        org = pool[_weighted_index(rng, cumulative_pools[region])]
                    else:
                        org = all_orgs[_weighted_index(rng, cumulative_all)]
                    if org.id in seen:
                        continue
                    if not members and not (org.kind.is_company or rng.random() < 0.3):
                        continue  # leads are companies three times in four
                    seen.add(org.id)
                    members.append(org)
                # Most collaborative consortia have a lab (the pôles' rule of the game).
                if len(members) >= 2 and not any(m.kind in research_kinds for m in members):
                    labs = [o for o in research_pools[rng.choice(regions)] if o.id not in seen]
                    if labs and rng.random() < 0.7:
                        lab = rng.choice(labs)
                        seen.add(lab.id)
                        members.append(lab)

                # The call: one of the year's calls, weighted towards the cluster's usual funders.
                year_calls = calls.get(year) or calls[min(calls)]
                call = self._pick_call(year_calls, main)
                call_weight = {
                    "fui": 1.0,
                    "pspc": 4.5,
                    "inov": 0.5,
                    "idemo": 2.5,
                    "anr": 0.45,
                    "eu": 2.2,
                    "ademe": 1.4,
                    "region": 0.3,
                }[call.family]
                raw = rng.lognormvariate(0.0, 0.8) * call_weight
                funded = status in (S.FUNDED, S.RUNNING, S.CLOSED) or (
                    status is S.ABANDONED and dates.get("funding_decided_on") is not None
                )
                requesting = status not in (S.DRAFT, S.SUBMITTED) and fate is not S.DRAFT

                aid_rate = rng.uniform(0.3, 0.55)
                weights = [
                    rng.uniform(1.5, 3.0) if i == 0 else rng.uniform(0.6, 1.6)
                    for i in range(len(members))
                ]
                weight_sum = sum(weights)
                project_row: dict[str, Any] = {
                    "id": pid,
                    "cluster_id": cid,
                    "reference": reference,
                    "acronym": acronym,
                    "title": title,
                    "summary": self._summary(topic, theme, members),
                    "call_id": call.id if status is not S.DRAFT else None,
                    "status": status.value,
                    "submitted_on": dates.get("submitted_on"),
                    "evaluated_on": dates.get("evaluated_on"),
                    "labelling_decided_on": dates.get("labelling_decided_on"),
                    "funding_decided_on": dates.get("funding_decided_on"),
                    "closed_on": dates.get("closed_on"),
                    "abandoned_on": dates.get("abandoned_on"),
                    "start_on": dates.get("start_on"),
                    "end_on": dates.get("end_on"),
                    "keywords": ", ".join(rng.sample(theme["keywords"], k=3)),
                    "notes": self._note(status),
                    "responsible_digital": False,
                    "rd_carbon": None,
                    "rd_resources": None,
                    "rd_recyclability": None,
                    "rd_energy": None,
                    "rd_ethics": None,
                    "granted_cents": 0,
                    "requested_cents": 0,
                    "lead_name": "",
                    "domains_label": "",
                    "regions_label": "",
                    "search_text": "",
                    "version": 1,
                    "created_at": datetime.combine(
                        dates.get("submitted_on") or DEMO_TODAY, datetime.min.time()
                    ),
                    "updated_at": self.now,
                    "lead_organisation_id": None,
                    "total_budget_cents": None,
                    "eligible_costs_cents": None,
                    "_raw": raw,
                    "_aid_rate": aid_rate,
                }
                if year >= 2019 and rng.random() < 0.45:
                    project_row["responsible_digital"] = True
                    if status not in (S.DRAFT, S.SUBMITTED):
                        base = rng.randint(0, 3)
                        for criterion in (
                            "rd_carbon",
                            "rd_resources",
                            "rd_recyclability",
                            "rd_energy",
                            "rd_ethics",
                        ):
                            project_row[criterion] = max(0, min(4, base + rng.randint(-1, 1)))
                self.world.add("project", project_row)

                for index, org in enumerate(members):
                    role = (
                        PartnerRole.LEAD
                        if index == 0
                        else (
                            PartnerRole.SUBCONTRACTOR
                            if rng.random() < 0.06
                            else PartnerRole.PARTNER
                        )
                    )
                    self.world.add(
                        "participation",
                        {
                            "id": ids["participation"],
                            "project_id": pid,
                            "organisation_id": org.id,
                            "role": role.value,
                            "budget_cents": None,
                            "_share": weights[index] / weight_sum,
                        },
                    )
                    ids["participation"] += 1

                if requesting:
                    pending_lines += self._lines(
                        pid,
                        members,
                        weights,
                        weight_sum,
                        call,
                        funders,
                        regions_funder,
                        project_regions,
                        status,
                        dates,
                        funded,
                        raw,
                        ids,
                        rng,
                    )
                if dates.get("evaluated_on"):
                    self._evaluations(
                        pid, members, dates, status, fate, expert_ids, expert_ties, ids
                    )
                self._history(pid, reached, rng, ids)

        self._apply_amounts(pending_lines)

    def _pick_call(self, year_calls: list[_Call], main_domain: str) -> _Call:
        rng = self.rng
        preferred = {
            "ENE": ("ademe", "region"),
            "SAN": ("anr", "pspc", "idemo"),
            "AER": ("eu", "pspc"),
            "DIA": ("fui", "inov", "eu"),
            "CYB": ("fui", "idemo"),
            "RES": ("fui", "eu"),
        }.get(main_domain, ("fui", "region"))
        weights = [
            3.0
            if c.family in preferred
            else {"anr": 0.8, "eu": 0.7, "pspc": 0.5}.get(c.family, 1.0)
            for c in year_calls
        ]
        return rng.choices(year_calls, weights=weights)[0]

    def _summary(self, topic: str, theme: dict[str, Any], members: list[_Org]) -> str:
        rng = self.rng
        lead = members[0].name if members else "le porteur"
        keywords = rng.sample(theme["keywords"], k=2)
        return (
            f"Le projet vise à développer une solution {_de(topic[0].lower() + topic[1:])}, portée par {lead} "
            f"avec {len(members) - 1} partenaire(s). Il s'appuie sur les compétences du consortium en "
            f"{keywords[0]} et en {keywords[1]} et prévoit un démonstrateur en conditions réelles."
        )

    def _note(self, status: ProjectStatus) -> str:
        rng = self.rng
        if rng.random() > 0.18:
            return ""
        notes = {
            S.RUNNING: [
                "Rapport intermédiaire attendu au prochain comité.",
                "Relancer le porteur sur les dépenses.",
            ],
            S.CLOSED: [
                "Bilan final reçu.",
                "Brevet déposé par le porteur.",
                "Produit commercialisé depuis un an.",
            ],
            S.NOT_FUNDED: [
                "Redépôt envisagé à l'appel suivant.",
                "Consortium à renforcer côté recherche.",
            ],
            S.LABELLED: ["Dossier transmis au financeur."],
        }.get(status, ["Point d'étape avec le chargé de mission à prévoir."])
        return rng.choice(notes)

    def _lines(
        self,
        pid: int,
        members: list[_Org],
        weights: list[float],
        weight_sum: float,
        call: _Call,
        funders: dict[str, int],
        regions_funder: dict[str, str],
        project_regions: list[str],
        status: ProjectStatus,
        dates: dict[str, date | None],
        funded: bool,
        raw: float,
        ids: dict[str, int],
        rng: random.Random,
    ) -> list[tuple[dict[str, Any], float]]:
        """Funding lines (amounts as shares of the project's raw weight, set later in cents)."""
        decision = dates.get("funding_decided_on") if funded else None
        region_funder = funders.get(regions_funder.get(project_regions[0], ""))
        local_funders = self.seeds["funders"]["local"].get(project_regions[0], [])
        lines: list[tuple[dict[str, Any], float]] = []

        def add(
            funder_id: int, instrument: Instrument, beneficiary: int | None, share: float
        ) -> None:
            row = {
                "id": ids["funding_line"],
                "project_id": pid,
                "funder_id": funder_id,
                "instrument": instrument.value,
                "beneficiary_id": beneficiary,
                "requested_cents": None,
                "granted_cents": None,
                "paid_cents": None,
                "decision_on": decision,
                "granted_override": False,
                "year": None,
                "_funded": funded,
                "_status": status.value,
                "_grant_rate": rng.uniform(0.8, 1.0),
                "_paid_rate": rng.uniform(0.3, 0.8),
            }
            ids["funding_line"] += 1
            lines.append((row, raw * share))

        if not funded:
            # Only the request is on file: one line for the lead.
            add(call.funder_id, Instrument.GRANT, members[0].id if members else None, 1.0)
            return lines
        for index, org in enumerate(members):
            share = weights[index] / weight_sum
            instrument = Instrument.GRANT
            if (
                call.family in ("pspc", "inov", "idemo")
                and org.kind.is_company
                and rng.random() < 0.5
            ):
                instrument = Instrument.REPAYABLE_ADVANCE
            main_share = share * (0.7 if region_funder else 1.0)
            add(call.funder_id, instrument, org.id, main_share)
            if region_funder and call.family != "region" and rng.random() < 0.6:
                add(region_funder, Instrument.GRANT, org.id, share * 0.3)
            if local_funders and rng.random() < 0.12:
                add(funders[rng.choice(local_funders)], Instrument.GRANT, org.id, share * 0.05)
            if org.kind is OrganisationKind.STARTUP and rng.random() < 0.25:
                add(
                    funders["Fonds Ouest Ventures" if rng.random() < 0.5 else "Business angels"],
                    Instrument.EQUITY,
                    org.id,
                    share * 0.2,
                )
            if org.kind is OrganisationKind.SME and rng.random() < 0.08:
                add(funders["Bpifrance"], Instrument.LOAN, org.id, share * 0.25)
        if rng.random() < 0.15:
            add(funders["Union européenne — FEDER"], Instrument.GRANT, None, 0.15)
        return lines

    def _apply_amounts(self, pending: list[tuple[dict[str, Any], float]]) -> None:
        """Scales every line so that the portfolio adds up to the scale's granted total."""
        funded_raw = sum(weight for row, weight in pending if row["_funded"])
        cents_per_unit = self.scale.granted_total_euros * 100 / funded_raw if funded_raw else 0
        requested_by_project: dict[int, int] = {}
        for row, weight in pending:
            amount = (
                int(weight * cents_per_unit) // 100 * 100
            )  # whole euros, as decisions are written
            if row["_funded"]:
                granted = amount
                requested = int(granted / row["_grant_rate"]) // 100 * 100
                status = row["_status"]
                paid: int | None
                if status == S.CLOSED.value:
                    paid = granted
                elif status == S.RUNNING.value:
                    paid = int(granted * row["_paid_rate"]) // 100 * 100
                else:
                    paid = None
                row.update(requested_cents=requested, granted_cents=granted, paid_cents=paid)
            else:
                row.update(requested_cents=amount)
            requested_by_project[row["project_id"]] = requested_by_project.get(
                row["project_id"], 0
            ) + (row["requested_cents"] or 0)
            for key in ("_funded", "_status", "_grant_rate", "_paid_rate"):
                del row[key]
            self.world.add("funding_line", row)

        mean_request = (
            sum(requested_by_project.values()) / len(requested_by_project)
            if requested_by_project
            else 0
        )
        participations: dict[int, list[dict[str, Any]]] = {}
        for part in self.world.rows.get("participation", []):
            participations.setdefault(part["project_id"], []).append(part)
        for project in self.world.rows["project"]:
            on_file = requested_by_project.get(project["id"])
            if on_file is not None:
                requested = on_file
            else:
                # Drafts and new submissions: a budget estimate, no request on file yet.
                requested = int(mean_request * project["_raw"] / 1.5) // 100 * 100
            budget = int(requested / project["_aid_rate"]) // 100_000 * 100_000  # a round thousand
            project["total_budget_cents"] = budget or None
            eligible = int(budget * self.rng.uniform(0.85, 1.0)) // 100 * 100
            project["eligible_costs_cents"] = eligible or None
            parts = participations.get(project["id"], [])
            remaining = budget
            for index, part in enumerate(parts):
                if index == len(parts) - 1:
                    part["budget_cents"] = remaining
                else:
                    part["budget_cents"] = int(budget * part["_share"]) // 100 * 100
                    remaining -= part["budget_cents"]
                del part["_share"]
            del project["_raw"], project["_aid_rate"]

    def _evaluations(
        self,
        pid: int,
        members: list[_Org],
        dates: dict[str, date | None],
        status: ProjectStatus,
        fate: ProjectStatus,
        expert_ids: list[int],
        ties: dict[int, set[int]],
        ids: dict[str, int],
    ) -> None:
        rng = self.rng
        member_ids = {m.id for m in members}
        submitted, evaluated = dates.get("submitted_on"), dates.get("evaluated_on")
        assert submitted is not None and evaluated is not None
        chosen: list[int] = []
        for _ in range(20):
            candidate = rng.choice(expert_ids)
            if candidate not in chosen and not (ties[candidate] & member_ids):
                chosen.append(candidate)
            if len(chosen) == 2:
                break
        good = fate is not S.NOT_LABELLED
        for expert_id in chosen:
            scores = [
                max(
                    0,
                    min(5, (rng.randint(3, 5) if good else rng.randint(1, 3)) + rng.randint(-1, 0)),
                )
                for _ in range(4)
            ]
            mean = sum(scores) / 4
            recommendation = (
                Recommendation.LABEL
                if mean >= 3.75
                else Recommendation.LABEL_WITH_RESERVATIONS
                if mean >= 3
                else Recommendation.REVISE
                if mean >= 2
                else Recommendation.REJECT
            )
            opinion = {
                Recommendation.LABEL: "Projet solide, consortium équilibré et marché bien identifié.",
                Recommendation.LABEL_WITH_RESERVATIONS: "Projet intéressant ; préciser le plan d'exploitation.",
                Recommendation.REVISE: "Innovation réelle mais verrous techniques insuffisamment décrits.",
                Recommendation.REJECT: "Caractère innovant insuffisant au regard de l'état de l'art.",
            }[recommendation]
            span = max(0, (evaluated - submitted).days)
            self.world.add(
                "evaluation",
                {
                    "id": ids["evaluation"],
                    "project_id": pid,
                    "expert_id": expert_id,
                    "evaluated_on": submitted + timedelta(days=rng.randint(0, span)),
                    "score_innovation": scores[0],
                    "score_consortium": scores[1],
                    "score_impact": scores[2],
                    "score_feasibility": scores[3],
                    "opinion": opinion,
                    "recommendation": recommendation.value,
                },
            )
            ids["evaluation"] += 1

    def _history(
        self,
        pid: int,
        reached: list[tuple[ProjectStatus, date]],
        rng: random.Random,
        ids: dict[str, int],
    ) -> None:
        previous: str | None = S.DRAFT.value
        manager = rng.choice(self.seeds["managers"])
        for step, day in reached:
            self.world.add(
                "status_change",
                {
                    "id": ids["status_change"],
                    "project_id": pid,
                    "from_status": previous,
                    "to_status": step.value,
                    "step_on": day,
                    "changed_at": datetime.combine(day, datetime.min.time()).replace(hour=10),
                    "changed_by": manager,
                    "source": "demo",
                },
            )
            ids["status_change"] += 1
            previous = step.value


def _de(noun_phrase: str) -> str:
    """French elision: `de` becomes `d'` before a vowel or a mute h (`d'horloges`, `de réseaux`)."""
    return (
        f"d'{noun_phrase}" if noun_phrase[:1].lower() in "aeiouyhéèêàâîïôû" else f"de {noun_phrase}"
    )


def _accumulate(values: Any) -> list[float]:
    total = 0.0
    result = []
    for value in values:
        total += value
        result.append(total)
    return result


@dataclass(frozen=True, slots=True)
class DemoReport:
    """What a demo run created."""

    scale: str
    seed: int
    counts: dict[str, int]


INSERT_ORDER: tuple[str, ...] = (
    "cluster",
    "domain",
    "funder",
    "call",
    "organisation",
    "expert",
    "expert_domain",
    "expert_tie",
    "project",
    "project_region",
    "project_domain",
    "participation",
    "funding_line",
    "evaluation",
    "status_change",
    "committee",
    "submission",
    "follow_up",
)


def create_demo(
    db: Database, scale: str = "pole", seed: int = 1, progress: Progress | None = None
) -> DemoReport:
    """Fills an empty portfolio with a demo; refuses a database that already holds projects."""
    progress = progress or Silent()
    spec = SCALES[scale]
    generator = _Generator(spec, seed, progress)
    with db.write(source=Source.DEMO.value) as session:
        if bulk.count_rows(session, "project"):
            raise DemoNotEmptyError(path=db.location)
        first = {
            name: bulk.next_id(session, name)
            for name in (
                "cluster",
                "domain",
                "funder",
                "call",
                "organisation",
                "expert",
                "project",
                "participation",
                "funding_line",
                "evaluation",
                "status_change",
                "committee",
                "submission",
                "follow_up",
            )
        }
        existing_domains = bulk.domain_ids_by_name(session)
        progress.report(0.02, "demo_reference_data")
        clusters = generator.clusters(first["cluster"])
        codes = sorted({d for c in clusters for d in c[3]})
        domain_ids = generator.domains(existing_domains, codes, first["domain"])
        regions = sorted({r for c in clusters for r in c[2]})
        funders = generator.funders(regions, first["funder"])
        calls = generator.calls(funders, regions, first["call"])
        pools = generator.organisations(clusters, first["organisation"])
        all_orgs = [org for region in sorted(pools) for org in pools[region]]
        experts = generator.experts(
            len(clusters), sorted(domain_ids.values()), all_orgs, first["expert"]
        )
        generator.projects(clusters, domain_ids, funders, calls, pools, experts, first)
        rows = generator.world.rows
        rows.update(
            follow_up_rows(rows, calls, generator.seeds["managers"], first, seed, DEMO_TODAY)
        )
        # Schedules, payments, cofinancing, spreads and rules (it adjusts budgets and paid); their
        # rows are written with the others, after the lines they belong to.
        money_rows = demo_money.generate(
            rows,
            random.Random(f"money-{seed}"),
            DEMO_TODAY,
            {
                name: bulk.next_id(session, name)
                for name in ("aid_rate_rule", "payment_tranche", "payment", "cofinancing_share")
            },
        )
        every = {**rows, **{table: money_rows.get(table, []) for table in money.DEMO_TABLES}}
        write.apply(
            session,
            ChangeSet.of(Source.DEMO, DemoRows(every, INSERT_ORDER + money.DEMO_TABLES)),
            progress=progress,
        )
        progress.report(1.0, "demo_done")
        counts = {table: len(rows.get(table, [])) for table in INSERT_ORDER}
        counts.update({table: len(money_rows.get(table, [])) for table in money.DEMO_TABLES})
    return DemoReport(scale=scale, seed=seed, counts=counts)

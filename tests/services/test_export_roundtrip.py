"""Round trips through the workbook: export → import into an empty database gives the same portfolio
(identical `stats`, identical records), for random portfolios (hypothesis); and export → edit in
LibreOffice → import updates exactly what was edited."""

from __future__ import annotations

import dataclasses
import shutil
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from portfolio_desktop.domain.enums import (
    FunderKind,
    Instrument,
    OrganisationKind,
    PartnerRole,
    ProjectStatus,
    Region,
)
from portfolio_desktop.domain.financing import (
    AidRateRule,
    CofinancingRecord,
    CostBase,
    LineMoney,
    PaymentRecord,
    TrancheKind,
    TrancheRecord,
    YearAmount,
)
from portfolio_desktop.domain.identifiers import luhn_complete
from portfolio_desktop.domain.model import (
    Assessment,
    CallRecord,
    DomainShare,
    FunderRecord,
    FundingLineRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)
from portfolio_desktop.domain.rules import GRANTED_FROM
from portfolio_desktop.domain.text import key
from portfolio_desktop.services import portfolio, reference
from portfolio_desktop.services.excel_export import export_workbook
from portfolio_desktop.services.excel_import import import_workbook
from portfolio_desktop.services.stats import portfolio_stats
from portfolio_desktop.storage.database import Database
from portfolio_desktop.storage.schema import open_database

# -- the portfolio as records: what must survive the round trip ------------------------------------

SNAPSHOT_SQL = {
    "clusters": "SELECT code FROM cluster",
    "organisations": (
        "SELECT name, kind, siren, siret, region, city, is_member, member_since, member_until"
        " FROM organisation"
    ),
    "funders": "SELECT name, kind FROM funder",
    "domains": (
        "SELECT d.name, d.colour, d.active, c.code FROM domain d"
        " LEFT JOIN cluster c ON c.id = d.cluster_id"
    ),
    "calls": (
        "SELECT c.name, f.name, c.programme, c.year FROM call c"
        " LEFT JOIN funder f ON f.id = c.funder_id"
    ),
    "projects": (
        "SELECT cl.code, p.reference, p.acronym, p.title, p.summary, ca.name, p.status,"
        " p.submitted_on, p.evaluated_on, p.labelling_decided_on, p.funding_decided_on,"
        " p.closed_on, p.abandoned_on, p.start_on, p.end_on, p.total_budget_cents,"
        " p.eligible_costs_cents, p.keywords, p.notes, p.responsible_digital, p.rd_carbon,"
        " p.rd_resources, p.rd_recyclability, p.rd_energy, p.rd_ethics"
        " FROM project p JOIN cluster cl ON cl.id = p.cluster_id"
        " LEFT JOIN call ca ON ca.id = p.call_id"
    ),
    # What the projects table shows (summaries the import computes as it inserts).
    "summaries": (
        "SELECT cl.code, p.reference, p.granted_cents, p.requested_cents, p.lead_name,"
        " p.domains_label, p.regions_label, p.search_text"
        " FROM project p JOIN cluster cl ON cl.id = p.cluster_id"
    ),
    "regions": (
        "SELECT cl.code, p.reference, r.region FROM project_region r"
        " JOIN project p ON p.id = r.project_id JOIN cluster cl ON cl.id = p.cluster_id"
    ),
    "splits": (
        "SELECT cl.code, p.reference, d.name, pd.percent FROM project_domain pd"
        " JOIN project p ON p.id = pd.project_id JOIN cluster cl ON cl.id = p.cluster_id"
        " JOIN domain d ON d.id = pd.domain_id"
    ),
    "partners": (
        "SELECT cl.code, p.reference, o.name, pa.role, pa.budget_cents FROM participation pa"
        " JOIN project p ON p.id = pa.project_id JOIN cluster cl ON cl.id = p.cluster_id"
        " JOIN organisation o ON o.id = pa.organisation_id"
    ),
    "funding_lines": (
        "SELECT cl.code, p.reference, f.name, l.instrument, o.name, l.requested_cents,"
        " l.granted_cents, l.paid_cents, l.decision_on, l.granted_override FROM funding_line l"
        " JOIN project p ON p.id = l.project_id JOIN cluster cl ON cl.id = p.cluster_id"
        " JOIN funder f ON f.id = l.funder_id LEFT JOIN organisation o ON o.id = l.beneficiary_id"
    ),
    # The money sheets: schedules, payments (with the tranche each pays), partners' shares,
    # amounts per year, aid-rate rules (a line named by its project, funder and instrument).
    "tranches": (
        "SELECT cl.code, p.reference, f.name, l.instrument, t.position, t.kind, t.due_on,"
        " t.amount_cents, t.released FROM payment_tranche t"
        " JOIN funding_line l ON l.id = t.funding_line_id JOIN project p ON p.id = l.project_id"
        " JOIN cluster cl ON cl.id = p.cluster_id"
        " JOIN funder f ON f.id = l.funder_id"
    ),
    "payments": (
        "SELECT cl.code, p.reference, f.name, l.instrument, y.received_on, y.amount_cents,"
        " t.position, y.note FROM payment y JOIN funding_line l ON l.id = y.funding_line_id"
        " JOIN project p ON p.id = l.project_id JOIN cluster cl ON cl.id = p.cluster_id"
        " JOIN funder f ON f.id = l.funder_id"
        " LEFT JOIN payment_tranche t ON t.id = y.tranche_id"
    ),
    "cofinancing": (
        "SELECT cl.code, p.reference, f.name, l.instrument, o.name, s.amount_cents"
        " FROM cofinancing_share s JOIN funding_line l ON l.id = s.funding_line_id"
        " JOIN project p ON p.id = l.project_id JOIN cluster cl ON cl.id = p.cluster_id"
        " JOIN funder f ON f.id = l.funder_id"
        " JOIN organisation o ON o.id = s.organisation_id"
    ),
    "spread": (
        "SELECT cl.code, p.reference, f.name, l.instrument, y.year, y.amount_cents"
        " FROM line_year_amount y JOIN funding_line l ON l.id = y.funding_line_id"
        " JOIN project p ON p.id = l.project_id JOIN cluster cl ON cl.id = p.cluster_id"
        " JOIN funder f ON f.id = l.funder_id"
    ),
    "rules": (
        "SELECT c.name, f.name, r.instrument, r.partner_kind, r.max_rate_bp, r.base, r.source"
        " FROM aid_rate_rule r LEFT JOIN call c ON c.id = r.call_id"
        " LEFT JOIN funder f ON f.id = r.funder_id"
    ),
}


def _plain(value: Any) -> Any:
    """Driver values made comparable across SQLite and PostgreSQL (dates, booleans)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every exported record of the portfolio, without ids, sorted: equal means same portfolio."""
    with db.engine.connect() as conn:
        return {
            name: sorted(
                (tuple(_plain(v) for v in row) for row in conn.execute(text(sql))),
                key=lambda row: tuple((v is None, str(v)) for v in row),
            )
            for name, sql in SNAPSHOT_SQL.items()
        }


# -- random portfolios -----------------------------------------------------------------------------

#: Text as people type it, with the prefixes of formula injection and XML look-alikes.
words = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=("Lu", "Ll", "Nd", "Pd", "Po", "Ps", "Pe", "Sm", "Sc", "So")
    ),
    min_size=1,
    max_size=12,
)
phrases = st.builds(
    lambda prefix, parts: (prefix + " ".join(parts)).strip(),
    st.sampled_from(["", "=", "+", "-", "@", "=HYPERLINK(", "<r>", "'", "0"]),
    st.lists(words, min_size=1, max_size=4),
).filter(bool)
optional_text = st.one_of(st.just(""), phrases)
cents = st.integers(min_value=0, max_value=10**11)
days = st.dates(min_value=date(2004, 1, 1), max_value=date(2032, 12, 31))
#: Steps and decisions are recorded when they happen: never after today.
PAST = date(2025, 12, 31)
past_days = st.dates(min_value=date(2004, 1, 1), max_value=date(2025, 12, 31))


def valid_siren(stem: int) -> str:
    return luhn_complete(f"{stem:08d}")


@st.composite
def portfolios(draw: st.DrawFn) -> dict[str, Any]:
    """A small portfolio that the rules accept, described as records to create."""
    org_names = draw(
        st.lists(phrases, min_size=1, max_size=4, unique_by=key).filter(
            lambda names: all(key(n) for n in names)
        )
    )
    organisations = []
    # Few SIRENs for up to four organisations: establishments of one company share theirs.
    sirens = draw(
        st.lists(st.integers(10_000_000, 99_999_999).map(valid_siren), min_size=1, max_size=2)
    )
    for index, name in enumerate(org_names):
        siren = draw(st.one_of(st.none(), st.sampled_from(sirens)))
        since = draw(st.one_of(st.none(), days))
        organisations.append(
            OrganisationRecord(
                name=name,
                kind=draw(st.sampled_from(OrganisationKind)),
                siren=siren,
                siret=(
                    # A SIRET names one establishment: one per organisation.
                    luhn_complete(siren + f"{index}{draw(st.integers(0, 999)):03d}")
                    if siren and draw(st.booleans())
                    else None
                ),
                region=draw(st.one_of(st.none(), st.sampled_from([r.value for r in Region]))),
                city=draw(optional_text),
                is_member=draw(st.booleans()),
                member_since=since,
                member_until=(
                    since + timedelta(days=draw(st.integers(0, 900)))
                    if since and draw(st.booleans())
                    else None
                ),
            )
        )
    # Distinct as the application keeps funder names (not once folded: 'Région Bretagne' and
    # 'Region-Bretagne' are two funders).
    funder_names = draw(st.lists(phrases, min_size=1, max_size=3, unique_by=lambda n: n.lower()))
    funders = [FunderRecord(n, draw(st.sampled_from(FunderKind))) for n in funder_names]
    call_names = draw(st.lists(phrases, max_size=2, unique_by=lambda n: n.lower()))
    calls = [
        (
            n,
            draw(st.one_of(st.none(), st.integers(0, len(funders) - 1))),
            draw(optional_text),
            draw(st.one_of(st.none(), st.integers(2005, 2030))),
        )
        for n in call_names
    ]
    clusters = draw(st.sampled_from([["IR"], ["IR", "SYS"]]))
    references = draw(
        st.lists(
            st.tuples(
                st.sampled_from(clusters),
                st.from_regex(r"[A-Z]{2}-20[0-9]{2}-[0-9]{4}", fullmatch=True),
            ),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    projects = []
    for cluster, ref in references:
        steps = sorted(draw(st.lists(past_days, min_size=4, max_size=4)))
        kept = [draw(st.booleans()) for _ in steps]
        start = draw(st.one_of(st.none(), days))
        total = draw(st.one_of(st.none(), cents))
        partner_orgs = draw(
            st.lists(st.integers(0, len(organisations) - 1), max_size=3, unique=True)
        )
        lead = draw(st.one_of(st.none(), st.sampled_from(partner_orgs))) if partner_orgs else None
        partners = []
        for o in partner_orgs:
            budget = draw(
                st.one_of(st.none(), st.integers(0, (total if total is not None else 10**9) // 4))
            )
            role = (
                PartnerRole.LEAD
                if o == lead
                else draw(st.sampled_from([PartnerRole.PARTNER, PartnerRole.SUBCONTRACTOR]))
            )
            partners.append((o, role, budget))
        lines = []
        for _ in range(draw(st.integers(0, 3))):
            requested = draw(st.one_of(st.none(), cents))
            override = draw(st.booleans())
            granted = draw(
                st.one_of(
                    st.none(),
                    st.integers(0, requested if requested is not None and not override else 10**11),
                )
            )
            paid = draw(st.one_of(st.none(), st.integers(0, granted or 0)))
            money = draw(line_money(granted or 0, partner_orgs))
            if money.payments:
                paid = sum(p.amount_cents for p in money.payments)  # paid = Σ payments
            lines.append(
                (
                    draw(st.integers(0, len(funders) - 1)),
                    draw(st.sampled_from(Instrument)),
                    requested,
                    granted,
                    paid,
                    draw(st.one_of(st.none(), past_days)),
                    draw(st.one_of(st.none(), st.sampled_from(partner_orgs)))
                    if partner_orgs
                    else None,
                    override,
                    money,
                )
            )
        split_size = draw(st.integers(0, 3))
        split: list[tuple[int, int]] = []
        if split_size:
            domains = draw(
                st.lists(st.integers(0, 5), min_size=split_size, max_size=split_size, unique=True)
            )
            cuts = sorted(
                draw(
                    st.lists(
                        st.integers(1, 99),
                        min_size=split_size - 1,
                        max_size=split_size - 1,
                        unique=True,
                    )
                )
            )
            bounds = [0, *cuts, 100]
            split = [(d, bounds[i + 1] - bounds[i]) for i, d in enumerate(domains)]
        title = draw(optional_text)
        projects.append(
            {
                "cluster": cluster,
                "reference": ref,
                "acronym": draw(optional_text) if title else draw(phrases),
                "title": title,
                "summary": draw(
                    st.one_of(st.just(""), st.lists(phrases, min_size=1, max_size=3).map("\n".join))
                ),
                "call": draw(st.one_of(st.none(), st.integers(0, len(calls) - 1)))
                if calls
                else None,
                "status": draw(st.sampled_from(ProjectStatus)),
                "submitted_on": steps[0] if kept[0] else None,
                "evaluated_on": steps[1] if kept[1] else None,
                "labelling_decided_on": steps[2] if kept[2] else None,
                "funding_decided_on": steps[3] if kept[3] else None,
                "start_on": start,
                "end_on": start + timedelta(days=draw(st.integers(0, 2000)))
                if start and draw(st.booleans())
                else None,
                "closed_on": min(start + timedelta(days=draw(st.integers(0, 2000))), PAST)
                if start and start <= PAST and draw(st.booleans())
                else None,
                "abandoned_on": draw(st.one_of(st.none(), past_days)),
                "total_budget_cents": total,
                "eligible_costs_cents": draw(st.one_of(st.none(), st.integers(0, total)))
                if total is not None
                else None,
                "regions": draw(
                    st.lists(st.sampled_from([r.value for r in Region]), max_size=2, unique=True)
                ),
                "keywords": draw(optional_text),
                "notes": draw(optional_text),
                "responsible_digital": draw(st.booleans()),
                "scores": [draw(st.one_of(st.none(), st.integers(0, 4))) for _ in range(5)],
                "partners": partners,
                "lines": lines,
                "split": split,
            }
        )
    # The rules the rules screen accepts: a call's (for every instrument), or a funder's, for
    # one instrument or all.
    rules = [
        AidRateRule(
            draw(st.sampled_from(OrganisationKind)).value,
            draw(st.integers(0, 10_000)),
            draw(st.sampled_from(CostBase)),
            draw(optional_text),
            call_id=call,  # an index into calls until built
        )
        for call in draw(st.lists(st.integers(0, len(calls) - 1), max_size=2, unique=True))
    ] if calls else []  # fmt: skip
    rules += [
        AidRateRule(
            draw(st.sampled_from(OrganisationKind)).value,
            draw(st.integers(0, 10_000)),
            draw(st.sampled_from(CostBase)),
            draw(optional_text),
            funder_id=funder,  # an index into funders until built
            instrument=draw(st.one_of(st.none(), st.sampled_from([i.value for i in Instrument]))),
        )
        for funder in draw(st.lists(st.integers(0, len(funders) - 1), max_size=2, unique=True))
    ] if funders else []  # fmt: skip
    return {
        "organisations": organisations,
        "funders": funders,
        "calls": calls,
        "projects": projects,
        "rules": rules,
    }


@st.composite
def line_money(draw: st.DrawFn, granted: int, partner_orgs: list[int]) -> LineMoney:
    """A line's schedule, payments (within the grant), shares over its partners, spread."""
    tranches = [
        TrancheRecord(
            draw(st.sampled_from(TrancheKind)),
            draw(st.integers(0, 10**10)),
            draw(st.one_of(st.none(), days)),
            draw(st.booleans()),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    payments = [
        PaymentRecord(
            draw(st.integers(0, granted // 3)),
            draw(st.one_of(st.none(), days)),
            draw(st.one_of(st.none(), st.integers(0, len(tranches) - 1))) if tranches else None,
            draw(optional_text),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    shares = [
        CofinancingRecord(o, draw(st.integers(0, 10**10)))  # an index until built
        for o in draw(st.lists(st.sampled_from(partner_orgs), max_size=2, unique=True))
    ] if partner_orgs else []  # fmt: skip
    spread = [
        YearAmount(year, draw(st.integers(0, 10**10)))
        for year in draw(st.lists(st.integers(2005, 2035), max_size=3, unique=True))
    ]
    return LineMoney(tranches, payments, shares, spread)


def build(db: Database, spec: dict[str, Any]) -> None:
    """Creates the portfolio through the services, as the editor would."""
    from portfolio_desktop.storage import money as money_storage

    org_ids = [reference.save_organisation(db, o).id for o in spec["organisations"]]
    funder_ids = [reference.save_funder(db, f) for f in spec["funders"]]
    call_ids = [
        reference.save_call(db, CallRecord(n, funder_ids[f] if f is not None else None, p, y))
        for n, f, p, y in spec["calls"]
    ]
    domain_ids = [d.id for d in reference.domains(db)]
    clusters: dict[str, int] = {}
    with db.write() as session:
        for code, name in (("IR", "Images & Réseaux"), ("SYS", "Systematic")):
            if any(p["cluster"] == code for p in spec["projects"]):
                clusters[code] = reference.add_cluster(session, code, name)
    for p in spec["projects"]:
        # Money is granted (and paid) only from the label on: other statuses keep requests.
        grants = p["status"] in GRANTED_FROM
        record = ProjectRecord(
            cluster_id=clusters[p["cluster"]],
            reference=p["reference"],
            acronym=p["acronym"],
            title=p["title"],
            summary=p["summary"],
            call_id=call_ids[p["call"]] if p["call"] is not None else None,
            status=p["status"],
            **{
                k: p[k]
                for k in (
                    "submitted_on",
                    "evaluated_on",
                    "labelling_decided_on",
                    "funding_decided_on",
                    "start_on",
                    "end_on",
                    "closed_on",
                    "abandoned_on",
                    "total_budget_cents",
                    "eligible_costs_cents",
                    "regions",
                    "keywords",
                    "notes",
                    "responsible_digital",
                )
            },
            assessment=Assessment(*p["scores"]),
            partners=[PartnerRecord(org_ids[o], role, budget) for o, role, budget in p["partners"]],
            funding_lines=[
                FundingLineRecord(
                    funder_ids[f],
                    instrument,
                    requested,
                    granted if grants else None,
                    paid if grants else None,
                    on,
                    org_ids[b] if b is not None else None,
                    override,
                    # A schedule, payments, shares and a spread belong to a granted line.
                    money=LineMoney(
                        money.tranches,
                        money.payments,
                        [
                            CofinancingRecord(org_ids[c.organisation_id], c.amount_cents)
                            for c in money.shares
                        ],
                        money.spread,
                    )
                    if grants
                    else LineMoney(),
                )
                for f, instrument, requested, granted, paid, on, b, override, money in p["lines"]
            ],
            domains=[DomainShare(domain_ids[d], percent) for d, percent in p["split"]],
        )
        portfolio.create_project(db, record, user="test", source="test")
    with db.write() as session:
        money_storage.add_rules(
            session,
            [
                dataclasses.replace(r, call_id=call_ids[r.call_id])
                if r.call_id is not None
                else dataclasses.replace(r, funder_id=funder_ids[r.funder_id or 0])
                for r in spec["rules"]
            ],
        )


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty database file, copied for each example (migrating takes a while)."""
    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    db = open_database(path)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


def fresh(template: Path, folder: Path, name: str) -> Database:
    copy = folder / f"{name}-{uuid.uuid4().hex[:8]}.sqlite"
    shutil.copyfile(template, copy)
    return open_database(copy)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(spec=portfolios())
def test_random_portfolios_come_back_identical(spec, empty_database: Path, tmp_path: Path) -> None:
    source = fresh(empty_database, tmp_path, "source")
    target = fresh(empty_database, tmp_path, "target")
    try:
        build(source, spec)
        workbook = tmp_path / f"export-{uuid.uuid4().hex[:8]}.xlsx"
        export_workbook(source, workbook)
        report = import_workbook(target, workbook)
        assert report.ok, report.to_json()["errors"]
        assert portfolio_stats(target) == portfolio_stats(source)
        before, after = snapshot(source), snapshot(target)
        for table in SNAPSHOT_SQL:
            assert after[table] == before[table], table
    finally:
        source.dispose()
        target.dispose()


# -- exact cases that once did not come back (importer, issue 4) ---------------------------------


def _round_trip(empty_database: Path, tmp_path: Path, fill) -> tuple[dict, dict]:  # type: ignore[no-untyped-def]
    source = fresh(empty_database, tmp_path, "source")
    target = fresh(empty_database, tmp_path, "target")
    try:
        fill(source)
        workbook = tmp_path / "export.xlsx"
        export_workbook(source, workbook)
        assert import_workbook(target, workbook).ok
        return snapshot(source), snapshot(target)
    finally:
        source.dispose()
        target.dispose()


def test_establishments_sharing_a_siren_stay_apart(empty_database: Path, tmp_path: Path) -> None:
    def fill(db: Database) -> None:
        reference.save_organisation(
            db, OrganisationRecord("Lyrays France SAS", siren="392131850", siret="39213185020488")
        )
        reference.save_organisation(
            db,
            OrganisationRecord("Photomind France SAS", siren="392131850", siret="39213185084005"),
        )

    before, after = _round_trip(empty_database, tmp_path, fill)
    assert after["organisations"] == before["organisations"]


def test_funders_differing_by_punctuation_stay_apart(empty_database: Path, tmp_path: Path) -> None:
    def fill(db: Database) -> None:
        reference.save_funder(db, FunderRecord("Région Bretagne"))
        reference.save_funder(db, FunderRecord("Region-Bretagne"))

    before, after = _round_trip(empty_database, tmp_path, fill)
    assert after["funders"] == before["funders"]


def test_cluster_names_come_back(empty_database: Path, tmp_path: Path) -> None:
    def fill(db: Database) -> None:
        with db.write() as session:
            cluster = reference.add_cluster(session, "IR", "Images & Réseaux")
        portfolio.create_project(db, ProjectRecord(cluster, "IR-2024-0001", acronym="A"), user="t")

    def names(db: Database) -> list[str]:
        with db.engine.connect() as conn:
            return [r[0] for r in conn.execute(text("SELECT name FROM cluster"))]

    source = fresh(empty_database, tmp_path, "source")
    target = fresh(empty_database, tmp_path, "target")
    try:
        fill(source)
        export_workbook(source, tmp_path / "export.xlsx")
        assert import_workbook(target, tmp_path / "export.xlsx").ok
        assert names(target) == names(source)
    finally:
        source.dispose()
        target.dispose()


# -- experts, evaluations, committees, submissions and follow-up (issue 15) ------------------------

FOLLOW_UP_SQL = {
    "experts": "SELECT name, email, affiliation FROM expert",
    "expert_domains": (
        "SELECT e.name, e.email, d.name FROM expert_domain x JOIN expert e ON e.id = x.expert_id"
        " JOIN domain d ON d.id = x.domain_id"
    ),
    "expert_ties": (
        "SELECT e.name, e.email, o.name FROM expert_tie x JOIN expert e ON e.id = x.expert_id"
        " JOIN organisation o ON o.id = x.organisation_id"
    ),
    "evaluations": (
        "SELECT p.reference, e.name, e.email, v.evaluated_on, v.score_innovation,"
        " v.score_consortium, v.score_impact, v.score_feasibility, v.recommendation, v.opinion"
        " FROM evaluation v JOIN project p ON p.id = v.project_id"
        " JOIN expert e ON e.id = v.expert_id"
    ),
    "committees": "SELECT name, held_on, members, notes FROM committee",
    "submissions": (
        "SELECT p.reference, c.name, s.submitted_on, s.requested_cents, s.label_decision,"
        " s.label_decided_on, k.name, s.label_override, s.funder_decision, s.funder_decided_on,"
        " s.withdrawn_on, s.notes FROM submission s JOIN project p ON p.id = s.project_id"
        " LEFT JOIN call c ON c.id = s.call_id LEFT JOIN committee k ON k.id = s.committee_id"
    ),
    "follow_up": (
        "SELECT p.reference, f.kind, f.title, u.name, f.due_on, f.done_on, f.notes"
        " FROM follow_up f JOIN project p ON p.id = f.project_id"
        " LEFT JOIN funder u ON u.id = f.funder_id"
    ),
}


def follow_up_snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.read() as session:
        return {
            name: sorted(
                (tuple(row) for row in session.execute(text(sql))),
                key=lambda row: tuple((v is None, str(v)) for v in row),
            )
            for name, sql in FOLLOW_UP_SQL.items()
        }


def test_the_demo_keeps_its_experts_evaluations_submissions_and_deadlines(
    pole_demo_file: Path, empty_database: Path, tmp_path: Path
) -> None:
    """Once 2,522 evaluations and 70 experts became 0 after a round trip."""
    source = open_database(pole_demo_file)
    target = fresh(empty_database, tmp_path, "target")
    try:
        workbook = tmp_path / "demo.xlsx"
        export_workbook(source, workbook)
        report = import_workbook(target, workbook)
        assert report.ok, report.to_json()["errors"][:5]
        before, after = follow_up_snapshot(source), follow_up_snapshot(target)
        # The demo's own counts (2,530 evaluations and 70 experts with today's generator).
        assert len(before["evaluations"]) > 2000 and len(before["experts"]) == 70
        assert len(before["submissions"]) > 1300 and len(before["follow_up"]) > 0
        for name in FOLLOW_UP_SQL:
            assert after[name] == before[name], name
        assert report.count("evaluations", "created") == len(before["evaluations"])
        assert portfolio_stats(target) == portfolio_stats(source)
        # Imported again, every row is recognised: nothing is created twice.
        again = import_workbook(target, workbook)
        assert again.ok and again.batch_id is None
        for record in ("experts", "evaluations", "committees", "submissions", "follow_up"):
            assert again.count(record, "created") == again.count(record, "updated") == 0
            assert again.count(record, "unchanged") == len(before[record]), record
    finally:
        source.dispose()
        target.dispose()

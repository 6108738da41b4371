"""The headless command line: `portfolio-desktop <command> …` (no command opens the desktop).

Each command is a small function over the services, declared with `@register`; the commands
themselves are at the end of this module.
Exit codes: 0 done, 1 the data has problems (rows invalid, checks failed), 2 the input or the
environment prevented the work (a one-line reason on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from . import __version__, messages, paths
from .errors import KnownError

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Command:
    """A subcommand: how to declare its arguments and how to run it."""

    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {}


def register(
    name: str, help: str, arguments: Callable[[argparse.ArgumentParser], None]
) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    """Declares the decorated function as `portfolio-desktop NAME`, with its arguments."""

    def decorate(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = Command(name, help, arguments, run)
        return run

    return decorate


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        dest="db",
        metavar="PATH",
        help="database file or SQLAlchemy URL (default: the one in the user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="portfolio-desktop",
        description="Portfolio of collaborative R&D projects for competitiveness clusters.",
    )
    parser.add_argument("--version", action="version", version=f"portfolio-desktop {__version__}")
    parser.add_argument(
        "--db", dest="gui_db", metavar="PATH", help="open this database in the desktop"
    )
    parser.add_argument(
        "--lang", choices=messages.LANGUAGES, help="language of messages (default: fr)"
    )
    parser.add_argument(
        "--self-test", action="store_true", help="check the installation end to end and exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for cmd in COMMANDS.values():
        child = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        add_db_argument(child)
        child.add_argument(
            "--lang", dest="sub_lang", choices=messages.LANGUAGES, help=argparse.SUPPRESS
        )
        cmd.arguments(child)
    return parser


def database_target(args: argparse.Namespace) -> str | Path:
    return getattr(args, "db", None) or getattr(args, "gui_db", None) or paths.default_database()


def open_db(args: argparse.Namespace, *, must_exist: bool = True, writes: bool = False):  # type: ignore[no-untyped-def]
    """Opens (and migrates) the database named by --db; a missing file is an error unless allowed.

    A damaged file is refused with the newest good backup named; a command that `writes` checks
    the file first as `check` would see its damage (SQLite's quick check, then every value), and
    never writes into a damaged one."""
    from .errors import DatabaseCorruptError
    from .services import safety
    from .storage.schema import open_database

    target = database_target(args)
    is_file = "://" not in str(target)
    if must_exist and is_file and not Path(target).exists():
        raise KnownError("file_not_found", path=str(target))
    backup_dir = paths.backup_dir(Path(target)) if is_file else None
    try:
        db = open_database(target, backup_dir)
    except DatabaseCorruptError as error:
        raise safety.damaged_error(Path(target)) from error
    if writes and is_file:
        from .services.check import damage_findings

        try:
            findings = damage_findings(db)
        except DatabaseCorruptError as error:
            db.dispose()
            raise safety.damaged_error(Path(target)) from error
        except BaseException:
            db.dispose()
            raise
        if findings:
            db.dispose()
            raise safety.damaged_error(Path(target))
    return db


def fail(error: KnownError) -> int:
    print(messages.text(error.code, error.params), file=sys.stderr)
    return EXIT_UNREADABLE


def run(args: argparse.Namespace) -> int:
    """Runs the chosen command; environment errors become one line on stderr and exit code 2.

    Driver errors that escaped a unit of work (a raw connection's) are classified the same way,
    by code; anything else is a bug and keeps its traceback."""
    import os

    from .errors import classify_database_error

    lang = getattr(args, "sub_lang", None) or args.lang
    if lang:
        os.environ["PORTFOLIO_DESKTOP_LANG"] = lang
    try:
        return COMMANDS[args.command].run(args)
    except KnownError as error:
        return fail(error)
    except Exception as error:
        known = classify_database_error(error, str(database_target(args)))
        if known is None:
            raise
        return fail(known)


# -- as of a date, snapshots, decks (issue 16: storage/as_of.py, services/snapshots.py) -------------


def _as_of_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        dest="as_of",
        metavar="DATE",
        help="the portfolio as it stood at the end of that day (2025-12-31 or 31/12/2025)",
    )


def parse_day(text: str, option: str = "--as-of"):  # type: ignore[no-untyped-def]
    """A day typed on the command line (ISO or French order); a clear sentence otherwise."""
    from datetime import date, datetime

    for layout in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.strptime(text.strip(), layout).date()
        except ValueError:
            continue
        if day > date.today():
            raise KnownError("as_of_future", option=option, value=text)
        return day
    raise KnownError("as_of_bad_date", option=option, value=text)


@contextmanager
def portfolio_at(args: argparse.Namespace) -> Iterator[Any]:
    """The database named by --db, or with --as-of the portfolio as it stood at that day's end
    (a throw-away copy rebuilt from the histories)."""
    day = parse_day(args.as_of) if getattr(args, "as_of", None) else None
    db = open_db(args)
    try:
        if day is None:
            yield db
            return
        from .storage.as_of import AsOf, portfolio_as_of

        with portfolio_as_of(db, AsOf.end_of(day)) as then:
            yield then
    finally:
        db.dispose()


def _snapshot_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action", choices=("take", "list", "compare", "delete"), help="take, list, compare, delete"
    )
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help="the snapshot's name (compare: two names)"
    )
    _as_of_argument(parser)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--all", action="store_true", help="compare: list the lines that did not move too"
    )


def _snapshot_row_json(row: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return {
        "name": row.name,
        "as_of": row.as_of.isoformat(),
        "taken_at": row.taken_at.isoformat() + "Z",
        "taken_by": row.taken_by,
        "figures": asdict(row.figures),
    }


@register(
    "snapshot",
    "named, frozen figures: take NAME [--as-of DATE], list, compare NAME NAME, delete NAME",
    _snapshot_arguments,
)
def snapshot_command(args: argparse.Namespace) -> int:
    from .domain.money import format_money
    from .services import snapshots
    from .services.charts import format_date

    lang = messages.current_language()
    wanted = {"take": 1, "list": 0, "compare": 2, "delete": 1}[args.action]
    if len(args.names) != wanted:
        raise KnownError("snapshot_names_needed", action=args.action, count=wanted)
    day = parse_day(args.as_of) if args.as_of else None
    db = open_db(args, writes=args.action in ("take", "delete"))
    try:
        if args.action == "take":
            row = snapshots.take(db, args.names[0], day)
        elif args.action == "delete":
            snapshots.delete(db, args.names[0])
            print(messages.text("snapshot_deleted", {"name": args.names[0]}))
            return EXIT_OK
        elif args.action == "list":
            rows = snapshots.list_snapshots(db)
        else:
            first, second = (snapshots.find(db, name) for name in args.names)
    finally:
        db.dispose()
    if args.action == "take":
        if args.json:
            print_json(_snapshot_row_json(row))
        else:
            params = {
                "name": row.name,
                "date": format_date(row.as_of, lang),
                "count": row.figures.projects,
                "granted": format_money(row.figures.granted_cents, lang, decimals=False),
            }
            print(messages.text("snapshot_taken", params))
        return EXIT_OK
    if args.action == "list":
        if args.json:
            print_json([_snapshot_row_json(r) for r in rows])
        for r in rows if not args.json else []:
            granted = format_money(r.figures.granted_cents, lang, decimals=False)
            print(f"{r.name}\t{format_date(r.as_of, lang)}\t{r.figures.projects}\t{granted}")
        return EXIT_OK
    movements = snapshots.compare(first.figures, second.figures)
    if args.json:
        print_json(
            {
                "first": {"name": first.name, "as_of": first.as_of.isoformat()},
                "second": {"name": second.name, "as_of": second.as_of.isoformat()},
                "movements": [
                    {
                        "dimension": m.dimension,
                        "key": m.key,
                        "measure": m.measure,
                        "first": m.before,
                        "second": m.after,
                        "delta": m.delta,
                    }
                    for m in movements
                ],
            }
        )
        return EXIT_OK

    def shown(measure: str, value: int, signed: bool = False) -> str:
        if measure in ("granted", "budget"):
            text = format_money(abs(value) if signed else value, lang, decimals=False)
        else:
            text = str(abs(value) if signed else value)
        if signed:
            text = ("+" if value > 0 else "−" if value < 0 else "") + text
        return text

    print(
        messages.text(
            "snapshot_compare_title",
            {
                "first": first.name,
                "first_date": format_date(first.as_of, lang),
                "second": second.name,
                "second_date": format_date(second.as_of, lang),
            },
        )
    )
    heading = ""
    for m in movements:
        if m.delta == 0 and not args.all and m.dimension != "total":
            continue
        title = messages.text(f"snapshot_{m.dimension}_{m.measure}")
        if title != heading:
            print(f"\n{title}")
            heading = title
        key = m.key or messages.text("snapshot_whole")
        if m.dimension == "status":
            key = messages.label("ProjectStatus", m.key)
        print(
            f"  {key[:44]:<44} {shown(m.measure, m.before):>20} {shown(m.measure, m.after):>20}"
            f" {shown(m.measure, m.delta, signed=True):>20}"
        )
    return EXIT_OK


def _cluster_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("list", "add", "rename", "merge"))
    parser.add_argument(
        "values",
        nargs="*",
        metavar="VALUE",
        help="add CODE NAME; rename CODE NEW_CODE NEW_NAME; merge CODE INTO_CODE",
    )
    parser.add_argument("--json", action="store_true", help="list: print the poles as JSON")


@register(
    "cluster",
    "the poles of a national base: list, add CODE NAME, rename CODE NEW_CODE NEW_NAME, "
    "merge CODE INTO_CODE",
    _cluster_arguments,
)
def cluster_command(args: argparse.Namespace) -> int:
    from .services import clusters

    wanted = {"list": 0, "add": 2, "rename": 3, "merge": 2}[args.action]
    if len(args.values) != wanted:
        raise KnownError("cluster_values_needed", action=args.action, count=wanted)
    db = open_db(args, writes=args.action != "list")
    try:
        by_code = {row.code: row for row in clusters.list_clusters(db)}

        def find(code: str) -> Any:
            row = by_code.get(code.strip().upper())
            if row is None:
                raise KnownError("cluster_unknown", value=code)
            return row

        if args.action == "list":
            rows = list(by_code.values())
            if args.json:
                print_json([{"code": r.code, "name": r.name, "projects": r.projects} for r in rows])
            for r in rows if not args.json else []:
                print(f"{r.code}\t{r.name}\t{r.projects}")
            return EXIT_OK
        if args.action == "add":
            clusters.create_cluster(db, args.values[0], args.values[1])
        elif args.action == "rename":
            clusters.rename_cluster(db, find(args.values[0]).id, args.values[1], args.values[2])
        else:
            merged, kept = find(args.values[0]), find(args.values[1])
            moved = clusters.merge_clusters(db, kept.id, merged.id)
            print(
                messages.text(
                    "cluster_merged", {"count": moved, "merged": merged.name, "kept": kept.name}
                )
            )
            return EXIT_OK
    finally:
        db.dispose()
    print(messages.text("cluster_saved"))
    return EXIT_OK


def print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


# -- the commands -----------------------------------------------------------------------------------


def _demo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scale", choices=("pole", "national"), default="pole")
    parser.add_argument("--seed", type=int, default=1)


@register("demo", "create a demo portfolio in an empty database", _demo_arguments)
def demo_command(args: argparse.Namespace) -> int:
    from .services.demo import create_demo

    db = open_db(args, must_exist=False, writes=True)
    try:
        report = create_demo(db, args.scale, args.seed)
    finally:
        db.dispose()
    counts = report.counts
    print(
        f"{counts['project']} projects, {counts['funding_line']} funding lines, "
        f"{counts['organisation']} organisations → {db.location}"
    )
    return EXIT_OK


def _stats_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    _as_of_argument(parser)


@register("stats", "print the portfolio's headline figures", _stats_arguments)
def stats_command(args: argparse.Namespace) -> int:
    from .domain.money import format_money, to_cents
    from .services.stats import portfolio_stats

    with portfolio_at(args) as db:
        stats = portfolio_stats(db)
    if args.json:
        print_json(stats)
        return EXIT_OK
    lang = messages.current_language()
    funding = format_money(to_cents(stats["funding_total"]), lang)
    label = (
        ("projets", "lignes de financement", "accordé")
        if lang == "fr"
        else ("projects", "funding lines", "granted")
    )
    print(
        f"{stats['projects']} {label[0]}, {stats['funding_lines']} {label[1]}, {funding} {label[2]}"
    )
    for status, count in stats["projects_by_status"].items():
        print(f"  {status:<14}{count:>8}")
    return EXIT_OK


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--repair", action="store_true", help="recompute stale summary columns first"
    )
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")


@register("check", "check the database's integrity and the domain's rules", _check_arguments)
def check_command(args: argparse.Namespace) -> int:
    """Every finding, per project, in the editor's words; exit 1 when any is an error (warnings
    alone are listed and exit 0)."""
    from .services.check import check_database, finding_message

    db = open_db(args)
    try:
        findings = check_database(db, repair=args.repair)
    finally:
        db.dispose()
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    if args.json:
        print_json(
            {
                "ok": errors == 0,
                "errors": errors,
                "warnings": warnings,
                "findings": [
                    {
                        "code": f.code,
                        "severity": f.severity,
                        "project": f.project,
                        "organisation": f.organisation,
                        "field": f.field,
                        "message": finding_message(f),
                    }
                    for f in findings
                ],
            }
        )
    elif findings:
        for finding in findings:
            print(finding_message(finding))
        print(messages.text("check_summary", {"errors": errors, "warnings": warnings}))
    else:
        print(messages.text("check_ok"))
    return EXIT_PROBLEMS if errors else EXIT_OK


# -- export (issue 5: services/excel_export.py) -----------------------------------------------------


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    from .domain.enums import FunderKind, Instrument, ProjectStatus, Region

    parser.add_argument("out", metavar="OUT.xlsx", help="the workbook to write (replaced whole)")
    parser.add_argument(
        "--template", action="store_true", help="a blank template: headers and drop-down lists"
    )
    parser.add_argument("--search", default="", metavar="TEXT", help="projects matching the text")
    parser.add_argument(
        "--status", action="append", default=[], choices=[s.value for s in ProjectStatus]
    )
    parser.add_argument("--cluster", action="append", default=[], metavar="CODE")
    parser.add_argument("--domain", action="append", default=[], metavar="NAME")
    parser.add_argument("--funder", action="append", default=[], metavar="NAME")
    parser.add_argument(
        "--funder-kind", action="append", default=[], choices=[k.value for k in FunderKind]
    )
    parser.add_argument(
        "--instrument", action="append", default=[], choices=[i.value for i in Instrument]
    )
    parser.add_argument("--region", action="append", default=[], choices=[r.value for r in Region])
    parser.add_argument("--call", action="append", default=[], metavar="NAME")
    parser.add_argument("--year-from", type=int, metavar="YEAR", help="submitted in or after")
    parser.add_argument("--year-to", type=int, metavar="YEAR", help="submitted in or before")
    parser.add_argument("--funding-year-from", type=int, metavar="YEAR")
    parser.add_argument("--funding-year-to", type=int, metavar="YEAR")
    parser.add_argument("--responsible-digital", choices=("yes", "no"))
    _as_of_argument(parser)


def export_filter(args: argparse.Namespace, db: object):  # type: ignore[no-untyped-def]
    """The command line's filter options as a ProjectFilter (names resolved to ids)."""
    from .domain.filters import ProjectFilter
    from .services.excel_export import resolve_names

    def ids(table: str, option: str, names: list[str]) -> tuple[int, ...]:
        found = resolve_names(db, table, names)  # type: ignore[arg-type]
        for name, found_id in found.items():
            if found_id is None:
                raise KnownError("export_unknown_value", option=option, value=name)
        return tuple(i for i in found.values() if i is not None)

    rd = getattr(args, "responsible_digital", None)
    return ProjectFilter(
        search=args.search,
        cluster_ids=ids("cluster", "--cluster", args.cluster),
        statuses=tuple(args.status),
        domain_ids=ids("domain", "--domain", args.domain),
        regions=tuple(args.region),
        funder_ids=ids("funder", "--funder", args.funder),
        funder_kinds=tuple(args.funder_kind),
        instruments=tuple(args.instrument),
        call_ids=ids("call", "--call", args.call),
        year_from=args.year_from,
        year_to=args.year_to,
        funding_year_from=args.funding_year_from,
        funding_year_to=args.funding_year_to,
        responsible_digital=None if rd is None else rd == "yes",
    )


@register(
    "export", "write the portfolio (or a filtered part, or a template) to Excel", _export_arguments
)
def export_command(args: argparse.Namespace) -> int:
    from .services.excel_export import export_workbook

    lang = messages.current_language()
    with portfolio_at(args) as db:
        flt = export_filter(args, db)
        result = export_workbook(
            db, Path(args.out), project_filter=flt, template=args.template, lang=lang
        )
    for sheet in dict.fromkeys(result.truncated):
        print(messages.text("export_truncated", {"sheet": sheet}), file=sys.stderr)
    if result.template:
        print(messages.text("export_template_done", {"path": str(result.path)}))
    else:
        print(
            messages.text(
                "export_done",
                {
                    "projects": result.projects,
                    "lines": result.funding_lines,
                    "path": str(result.path),
                },
            )
        )
    return EXIT_OK


# -- charts (issue 6: services/analytics.py, charts.py, report.py) ----------------------------------

#: The charts `portfolio-desktop chart` draws (services.charts.CHARTS; kept here so that building the
#: parser does not import NumPy).
CHART_NAMES = (
    "funding-over-time",
    "pipeline",
    "funding-by-domain",
    "funding-by-funder",
    "partners-by-kind",
    "partners-by-region",
    "maturity",
    "key-figures",
    "poles",
)
STACK_CHOICES = ("domain", "funder", "funder-kind", "instrument", "region")
#: The filter options, declared once by `export` and shared here (one filter everywhere).
_FILTER_DESTS = frozenset(
    {"search", "status", "cluster", "domain", "funder", "funder_kind", "instrument", "region",
     "call", "year_from", "year_to", "funding_year_from", "funding_year_to", "responsible_digital"}
)  # fmt: skip


def _filter_options(parser: argparse.ArgumentParser) -> None:
    scratch = argparse.ArgumentParser(add_help=False)
    _export_arguments(scratch)
    group = parser.add_argument_group("filters (as for export)")
    for action in scratch._actions:
        if action.dest in _FILTER_DESTS:
            group._add_action(action)


def _by_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--by", choices=STACK_CHOICES, default="domain", help="how funding over time is stacked"
    )


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT.pdf", help="the PDF to write (replaced whole)")
    _by_argument(parser)
    _filter_options(parser)
    _as_of_argument(parser)


@register(
    "report",
    "write the executive PDF report: key figures, every chart, the largest funded projects",
    _report_arguments,
)
def report_command(args: argparse.Namespace) -> int:
    from .services.analytics import Analytics
    from .services.charts import check_output
    from .services.report import write_report

    out = Path(args.out)
    check_output(out, (".pdf",))
    with portfolio_at(args) as db:
        flt = export_filter(args, db)
        write_report(
            Analytics(db),
            flt,
            out,
            messages.current_language(),
            by=args.by.replace("-", "_"),
            as_of=parse_day(args.as_of) if args.as_of else None,
        )
    print(messages.text("report_done", {"path": str(out)}))
    return EXIT_OK


def _deck_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT.pptx", help="the deck to write (replaced whole)")
    _by_argument(parser)
    _filter_options(parser)
    _as_of_argument(parser)


@register(
    "deck",
    "write the charts to a PowerPoint deck: one slide per chart, the filter and date in the footer",
    _deck_arguments,
)
def deck_command(args: argparse.Namespace) -> int:
    from .services.analytics import Analytics
    from .services.deck import write_deck

    out = Path(args.out)
    if out.suffix.lower() != ".pptx":
        raise KnownError("deck_not_pptx", path=str(out))
    if not out.parent.is_dir():
        raise KnownError("chart_folder_missing", path=str(out.parent))
    with portfolio_at(args) as db:
        flt = export_filter(args, db)
        write_deck(
            Analytics(db),
            flt,
            out,
            messages.current_language(),
            by=args.by.replace("-", "_"),
            as_of=parse_day(args.as_of) if args.as_of else None,
        )
    print(messages.text("deck_done", {"path": str(out)}))
    return EXIT_OK


def _chart_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", choices=CHART_NAMES, metavar="NAME", help=", ".join(CHART_NAMES))
    parser.add_argument("out", metavar="OUT", help="the image to write: .png, .svg or .pdf")
    _by_argument(parser)
    parser.add_argument("--width", type=float, default=10.0, help="inches (default 10)")
    parser.add_argument("--height", type=float, default=5.6, help="inches (default 5.6)")
    _filter_options(parser)
    _as_of_argument(parser)


@register("chart", "draw one chart of the dashboard to PNG, SVG or PDF", _chart_arguments)
def chart_command(args: argparse.Namespace) -> int:
    from .services.analytics import Analytics
    from .services.charts import check_output, export_chart

    out = Path(args.out)
    check_output(out)
    size = (min(max(args.width, 3.0), 40.0), min(max(args.height, 2.0), 40.0))
    with portfolio_at(args) as db:
        flt = export_filter(args, db)
        export_chart(
            Analytics(db),
            args.name,
            flt,
            out,
            messages.current_language(),
            by=args.by.replace("-", "_"),
            size=size,
            as_of=parse_day(args.as_of) if args.as_of else None,
        )
    print(messages.text("chart_done", {"path": str(out)}))
    return EXIT_OK


# -- import (issue 4: services/excel_import/) --------------------------------------------------------


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=".xlsx, .xlsm, .xls, .ods or .csv")
    parser.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    parser.add_argument(
        "--valid-only", action="store_true", help="import the valid rows, leave out the others"
    )
    parser.add_argument("--profile", metavar="NAME", help="a saved or built-in mapping profile")
    parser.add_argument(
        "--json", action="store_true", help="print the report as one JSON object on stdout"
    )
    parser.add_argument(
        "--header-row", metavar="N", type=int, help="the headers are on row N (1 = the first)"
    )
    parser.add_argument(
        "--map", metavar="HEADER=FIELD", action="append", default=[],
        help="the column HEADER fills FIELD (a field's code or its French or English header; "
        "empty: leave the column out); repeatable",
    )  # fmt: skip
    parser.add_argument(
        "--mapping", metavar="FILE.json",
        help='header row, columns and values from a file: {"header_row": 2, "columns": '
        '{"HEADER": "FIELD"}, "set": {"FIELD": "VALUE"}}',
    )  # fmt: skip
    parser.add_argument(
        "--set", metavar="FIELD=VALUE", action="append", default=[],
        help="one value of FIELD for every row (status, funder, instrument, cluster, call…); "
        "repeatable",
    )  # fmt: skip
    parser.add_argument(
        "--ignore-value", metavar="FIELD=VALUE", action="append", default=[],
        help="read VALUE in FIELD as empty, with a warning, instead of refusing its row (an "
        "unknown funder, status, region…); repeatable",
    )  # fmt: skip
    parser.add_argument(
        "--create-missing", action="store_true",
        help="create the funders, calls and domains the file names that the portfolio lacks",
    )  # fmt: skip
    parser.add_argument(
        "--save-profile", metavar="NAME",
        help="save the mapping used as a profile, recognised in the next files of this layout",
    )  # fmt: skip
    parser.add_argument(
        "--error-report", metavar="FILE.xlsx",
        help="write the rows not imported (rejected or skipped), as they were, with their "
        "reasons, to FILE.xlsx: the workbook to send back",
    )  # fmt: skip


#: The import's warnings printed one by one (`--json` gives them all).
_WARNINGS_SHOWN = 20


@register("import", "import a workbook (projects, funding lines, partners)", _import_arguments)
def import_command(args: argparse.Namespace) -> int:
    from .services.excel_import import import_workbook
    from .services.excel_import.choices import choices_from_arguments

    choices = choices_from_arguments(
        header_row=args.header_row, maps=args.map, sets=args.set, mapping_file=args.mapping,
        create_missing=args.create_missing, ignores=args.ignore_value,
    )  # fmt: skip
    if args.error_report:
        from .services.excel_export import check_target

        check_target(Path(args.error_report))  # refused before the import, not after it
    db = open_db(args, must_exist=False, writes=not args.dry_run)
    try:
        report = import_workbook(
            db, Path(args.file), dry_run=args.dry_run, valid_only=args.valid_only,
            profile=args.profile, choices=choices, save_as=args.save_profile,
        )  # fmt: skip
    finally:
        db.dispose()
    if args.json:
        if args.error_report:
            _write_error_report(report, Path(args.error_report), sys.stderr)
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
        return EXIT_OK if report.ok else EXIT_PROBLEMS
    payload = report.to_json()
    note = report.encoding_note()
    if note:
        print(note, file=sys.stderr)
    for problem in payload["errors"]:
        column = f", {problem['column']}" if problem["column"] else ""
        print(
            f"{problem['sheet']}, {problem['row']}{column}: {problem['message']}", file=sys.stderr
        )
    projects = report.counts.get("projects", {})
    params = {
        "projects": projects.get("created", 0),
        "updated": projects.get("updated", 0),
        "unchanged": projects.get("unchanged", 0),
        "lines": report.count("funding_lines", "created"),
        "batch": report.batch_id,
        "count": len(report.problems),
    }
    if payload["cell_warnings"]:
        count = {"count": len(payload["cell_warnings"])}
        print(messages.text("import_cells_read_otherwise", count), file=sys.stderr)
    for warning in payload["cell_warnings"]:
        column = f", {warning['column']}" if warning["column"] else ""
        print(
            f"{warning['sheet']}, {warning['row']}{column}: {warning['message']}", file=sys.stderr
        )
    for sheet, rows in payload["rows"].items():
        print(messages.text("import_rows_summary", {"sheet": sheet, **rows}))
    if report.dry_run:
        print(messages.text("import_dry_run_done", params))
    elif report.batch_id is not None:
        print(messages.text("import_done", params))
    warnings = payload["warnings"]
    if warnings and (report.dry_run or report.batch_id is not None):
        code = "import_warnings_to_accept" if report.dry_run else "import_warnings_accepted"
        print(messages.text(code, {"count": len(warnings)}), file=sys.stderr)
        for warning in warnings[:_WARNINGS_SHOWN]:
            print(
                f"{warning['sheet']}, {warning['row']} ({warning['reference']}): "
                f"{warning['message']}",
                file=sys.stderr,
            )
        if len(warnings) > _WARNINGS_SHOWN:
            more = {"count": len(warnings) - _WARNINGS_SHOWN}
            print(messages.text("import_warnings_more", more), file=sys.stderr)
    if report.problems and not args.valid_only:
        print(messages.text("import_nothing_written", params), file=sys.stderr)
    if args.error_report:
        _write_error_report(report, Path(args.error_report), sys.stdout)
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def _write_error_report(report: Any, target: Path, out: TextIO) -> None:
    """`--error-report`: the rows not imported written to `target`, or said to be none."""
    from .services.excel_import.error_report import rows_not_imported, write_plan_errors

    if report.plan is None:  # no sheet read: nothing of it to write back
        print(messages.text("import_error_report_none"), file=out)
        return
    rejected, skipped = rows_not_imported(report.plan, report.problems)
    if not rejected and not skipped:
        print(messages.text("import_error_report_none"), file=out)
        return
    write_plan_errors(report.plan, report.problems, target)
    rejected_rows = {(p.sheet, p.row) for p in rejected}
    params = {
        "path": str(target),
        "rejected": len(rejected_rows),
        "skipped": len({(s.sheet, s.row) for s in skipped} - rejected_rows),
    }
    print(messages.text("import_error_report_written", params), file=out)


def _undo_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("batch", metavar="BATCH_ID", type=int, help="the import's number")


@register("undo-import", "undo a whole import batch", _undo_import_arguments)
def undo_import_command(args: argparse.Namespace) -> int:
    from .services.excel_import import undo_import

    db = open_db(args, writes=True)
    try:
        result = undo_import(db, args.batch)
    finally:
        db.dispose()
    print(messages.text("import_undone", {"batch": args.batch, **result}))
    return EXIT_OK


# -- data safety and team mode -- (issue 7: backups, restore, history, the team server)


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def _database_file(args: argparse.Namespace) -> Path:
    target = database_target(args)
    if "://" in str(target):
        raise KnownError("backup_server_side", path=str(target))
    path = Path(target).expanduser().absolute()
    if not path.exists():
        raise KnownError("file_not_found", path=str(path))
    return path


@register("backup", "take a verified backup of a database file now", _no_arguments)
def backup_command(args: argparse.Namespace) -> int:
    from .services import safety

    _database_file(args)
    db = open_db(args)
    try:
        backup = safety.backup_now(db)
    finally:
        db.dispose()
    assert backup is not None
    print(messages.text("backup_done", {"path": str(backup.path)}))
    return EXIT_OK


def _backups_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the list as JSON")


@register("backups", "list the automatic backups of a database file", _backups_arguments)
def backups_command(args: argparse.Namespace) -> int:
    from .services import safety
    from .storage.backups import local_time

    found = safety.list_backups(_database_file(args))
    if args.json:
        print_json(
            [
                {
                    "path": str(b.path),
                    "reason": b.reason,
                    "taken_at": b.taken_at.isoformat() + "Z",
                    "size": b.size,
                }
                for b in found
            ]
        )
        return EXIT_OK
    for b in found:
        reason = messages.text(f"backup_reason_{b.reason}")
        print(f"{local_time(b.taken_at):%Y-%m-%d %H:%M}\t{reason}\t{b.path}")
    return EXIT_OK


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", metavar="BACKUP", help="the backup file to put back")


@register("restore", "put a backup back in place of a database file", _restore_arguments)
def restore_command(args: argparse.Namespace) -> int:
    from .services import safety
    from .storage import locking

    path = _database_file(args)
    backup = Path(args.backup).expanduser().absolute()
    if not backup.exists():
        raise KnownError("file_not_found", path=str(backup))
    lock = locking.acquire(path, heartbeat=0)
    if isinstance(lock, locking.LockHolder):
        raise KnownError(
            "db_in_use_restore", path=str(path), user=lock.user or "?", host=lock.host or "?"
        )
    try:
        report = safety.restore_backup(path, backup)
    finally:
        lock.release()
    kept = report.previous_backup or report.previous_moved_to
    print(messages.text("backup_restored", {"path": str(path), "kept": str(kept or "")}))
    return EXIT_OK


def _history_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", metavar="REFERENCE", help="one project (its reference)")
    parser.add_argument("--limit", type=int, default=50, help="how many changes (default 50)")
    parser.add_argument("--json", action="store_true", help="print the changes as JSON")


def _history_value(kind: str, value: object) -> str:
    from .domain.money import format_money

    if value is None or value == "":
        return "—"
    if kind == "money" and isinstance(value, int):
        return format_money(value, messages.current_language())
    if kind in ("ProjectStatus", "PartnerRole", "Instrument", "Recommendation"):
        return messages.label(kind, str(value))
    if kind == "domains" and isinstance(value, list):
        return ", ".join(f"{name} {percent} %" for name, percent in value)
    if kind == "regions" and isinstance(value, list):
        return ",".join(value)
    if kind == "bool":
        return "✓" if value else "✗"
    return str(value)


@register("history", "the change history of a project, or the latest changes", _history_arguments)
def history_command(args: argparse.Namespace) -> int:
    from .services import history

    db = open_db(args)
    try:
        if args.project:
            with db.read() as session:
                found = (
                    session.connection()
                    .exec_driver_sql(
                        "SELECT id FROM project WHERE reference = "
                        + ("?" if db.is_sqlite else "%(r)s"),
                        (args.project,) if db.is_sqlite else {"r": args.project},
                    )
                    .first()
                )
            if found is None:
                raise KnownError("history_project_unknown", reference=args.project)
            changes = history.project_history(db, int(found[0]), args.limit)
        else:
            changes = history.recent_changes(db, args.limit)
    finally:
        db.dispose()
    if args.json:
        print_json(
            [
                {
                    "at": c.at.isoformat() + "Z",
                    "user": c.user,
                    "source": c.source,
                    "batch": c.batch,
                    "table": c.table,
                    "row_id": c.row_id,
                    "action": c.action,
                    "field": c.field,
                    "old": _history_value(c.kind, c.old) if c.field else None,
                    "new": _history_value(c.kind, c.new) if c.field else None,
                }
                for c in changes
            ]
        )
        return EXIT_OK
    for c in changes:
        source = messages.text(f"history_source_{c.source}", {"batch": c.batch or ""})
        what = messages.label("HistoryTable", c.table) + (f" {c.subject}" if c.subject else "")
        if c.field:
            change = (
                f"{messages.label('HistoryField', c.field)}: "
                f"{_history_value(c.kind, c.old)} → {_history_value(c.kind, c.new)}"
            )
        else:
            change = messages.text(f"history_{c.action}")
        # Named by what users know (a project's reference, a partner's organisation), the row's
        # number only when it has no name (a record since deleted).
        row = what if c.subject else f"{what} #{c.row_id}"
        print(f"{c.at:%Y-%m-%d %H:%M}Z\t{c.user}\t{source}\t{row}\t{change}")
    return EXIT_OK


def _server_setup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--print-sql", action="store_true", help="only print the roles script (for psql)"
    )


@register(
    "server-setup",
    "team server: create the roles (owner, editor, reader) and the schema; run as administrator",
    _server_setup_arguments,
)
def server_setup_command(args: argparse.Namespace) -> int:
    import os

    from .services import team

    target = str(database_target(args))
    if "://" not in target:
        raise KnownError("server_url_needed", path=target)
    if args.print_sql:
        from .storage.database import database_url
        from .storage.server import roles_sql

        print(roles_sql(database_url(target).database or ""))
        return EXIT_OK
    revision = team.setup_server(target, password=os.environ.get("PGPASSWORD"))
    print(messages.text("server_ready", {"revision": revision}))
    return EXIT_OK


def _server_user_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="LOGIN", help="the person's login on the server")
    parser.add_argument(
        "--role", choices=("editor", "reader"), required=True, help="editor, or reader (executives)"
    )


@register(
    "server-user",
    "team server: create or update a person's login (the password is read from standard input)",
    _server_user_arguments,
)
def server_user_command(args: argparse.Namespace) -> int:
    import getpass
    import os

    from .services import team

    target = str(database_target(args))
    if "://" not in target:
        raise KnownError("server_url_needed", path=target)
    password = (
        getpass.getpass(messages.text("server_new_password", {"name": args.name}))
        if sys.stdin.isatty()
        else sys.stdin.readline().rstrip("\n")
    )
    if not password:
        raise KnownError("server_password_empty")
    team.add_login(
        target, args.name, password, args.role, admin_password=os.environ.get("PGPASSWORD")
    )
    print(messages.text("server_user_ready", {"name": args.name, "role": args.role}))
    return EXIT_OK


# -- end of data safety --


# -- submissions and follow-up (issue 15) ----------------------------------------------------------


def _due_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--days", default="30", metavar="N", help="the window after today (default: 30 days)"
    )
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", help="count from this day instead of today"
    )
    parser.add_argument("--json", action="store_true", help="print the lists as one JSON object")


@register(
    "due", "list the milestones, deliverables and reports overdue or due soon", _due_arguments
)
def due_command(args: argparse.Namespace) -> int:
    from datetime import date

    from .services.follow_up import due_json, due_report

    try:
        days = int(args.days)
    except ValueError:
        days = -1
    if not 0 <= days <= 3650:
        raise KnownError("due_bad_days", value=args.days)
    today = None
    if args.today:
        try:
            today = date.fromisoformat(args.today)
        except ValueError:
            raise KnownError("due_bad_today", value=args.today) from None
    db = open_db(args)
    try:
        report = due_report(db, today, days)
    finally:
        db.dispose()
    if args.json:
        print_json(due_json(report))
        return EXIT_OK
    lang = messages.current_language()
    if not report.overdue and not report.due:
        print(messages.text("due_nothing", {"days": days}))
        return EXIT_OK
    for title, items in (
        (messages.text("due_overdue_title"), report.overdue),
        (messages.text("due_soon_title", {"days": days}), report.due),
    ):
        if not items:
            continue
        print(title)
        for item in items:
            day = item.due_on.strftime("%d/%m/%Y") if lang == "fr" else item.due_on.isoformat()
            what = messages.label("FollowUpKind", item.kind.value)
            if item.title and item.title != what:
                what = f"{what} — {item.title}"
            if item.funder:
                what = f"{what} ({item.funder})"
            late = (
                f"  {messages.text('due_days_late', {'count': -item.days})}"
                if item.days < 0
                else ""
            )
            print(f"  {day}  {item.reference}  {item.acronym}  {what}{late}")
    return EXIT_OK


def _sheet_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reference", metavar="REFERENCE", help="the project's reference")
    parser.add_argument("out", metavar="OUT.pdf", help="the PDF to write")


@register("sheet", "write a project's one-page sheet (PDF)", _sheet_arguments)
def sheet_command(args: argparse.Namespace) -> int:
    from .services.project_sheet import write_sheet

    db = open_db(args)
    try:
        path = write_sheet(db, args.reference, Path(args.out), messages.current_language())
    finally:
        db.dispose()
    print(messages.text("sheet_written", {"path": str(path)}))
    return EXIT_OK


# -- end of submissions and follow-up --

"""The benchmark runner: `python benchmarks/run.py [NAME ...] [--repeat N]`.

Each benchmark measures the application and a bare-library floor in the same run, and reports
medians, their ratio against the goal, and peak memory. Results are merged by name into
`benchmarks/results.json` and rendered into `benchmarks/RESULTS.md` (both committed).

Benchmarks live in `benchmarks/bench_*.py`; each module exposes `BENCHMARKS`, a list of
`Benchmark`. The national demo database, which several need, is built once per run into
`benchmarks/.work/` (or reused with --reuse when it is already there).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / ".work"
RESULTS_JSON = HERE / "results.json"
RESULTS_MD = HERE / "RESULTS.md"
sys.path.insert(0, str(HERE))


@dataclass
class Measurement:
    """What one benchmark found."""

    name: str
    unit: str
    value: float
    floor: float | None = None
    floor_label: str = ""
    goal: str = ""
    ok: bool | None = None
    peak_rss_mb: float | None = None
    samples: list[float] = field(default_factory=list)
    floor_samples: list[float] = field(default_factory=list)
    notes: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.floor if self.floor else None


@dataclass
class Benchmark:
    """A named measurement: `run(context)` returns a Measurement."""

    name: str
    description: str
    run: Callable[[Context], Measurement]


@dataclass
class Context:
    """Shared state for one run: repetitions, the python to use, the national database."""

    repeat: int
    reuse: bool
    python: str = sys.executable
    _national: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def national_db(self) -> Path:
        """The national demo (seed 1), built once per run (or reused with --reuse)."""
        if self._national is not None:
            return self._national
        path = WORK / "national.sqlite"
        if not (self.reuse and path.exists()):
            WORK.mkdir(exist_ok=True)
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            result = timed_process(
                [
                    self.python,
                    "-m",
                    "portfolio_desktop",
                    "demo",
                    "--db",
                    str(path),
                    "--scale",
                    "national",
                    "--seed",
                    "1",
                ]
            )
            self.extra["national_demo"] = result
        self._national = path
        return path


def timed_process(argv: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Runs a process to completion; returns its wall time (s) and peak RSS (MB) of the process
    and its children together (an import reads its workbook in a child process)."""
    import os

    import psutil

    start = time.perf_counter()
    process = psutil.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})}
    )
    peak = 0
    while process.poll() is None:
        with contextlib.suppress(psutil.Error):
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{argv} failed: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
    return {"seconds": elapsed, "peak_rss_mb": peak / 2**20}


def median_of(fn: Callable[[], float], repeat: int) -> tuple[float, list[float]]:
    samples = [fn() for _ in range(repeat)]
    return statistics.median(samples), samples


def alternated(
    app: Callable[[], Any], floor: Callable[[], Any], repeat: int
) -> tuple[list[Any], list[Any]]:
    """Runs the application and its floor in turn, `repeat` times each (app, floor, app, …), so
    that a machine busy with other work weighs on both sides alike; returns both lists of
    results, in the order they were run."""
    apps: list[Any] = []
    floors: list[Any] = []
    for _ in range(repeat):
        apps.append(app())
        floors.append(floor())
    return apps, floors


def load_benchmarks() -> dict[str, Benchmark]:
    found: dict[str, Benchmark] = {}
    for path in sorted(HERE.glob("bench_*.py")):
        module = importlib.import_module(path.stem)
        for bench in module.BENCHMARKS:
            found[bench.name] = bench
    return found


def render_markdown(results: dict[str, Any]) -> str:
    lines = [
        "# Benchmark results",
        "",
        "Written by `python benchmarks/run.py`; each ratio compares the application with a bare-library",
        "floor measured in the same run on the same machine.",
        "",
        "| benchmark | value | floor | ratio | goal | met | peak RSS | measured |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name in sorted(results["benchmarks"]):
        r = results["benchmarks"][name]
        floor = f"{r['floor']:.3g} ({r['floor_label']})" if r.get("floor") else "—"
        ratio = f"{r['ratio']:.2f}×" if r.get("ratio") else "—"
        met = {True: "yes", False: "**no**", None: "—"}[r.get("ok")]
        rss = f"{r['peak_rss_mb']:.0f} MB" if r.get("peak_rss_mb") else "—"
        lines.append(
            f"| {name} | {r['value']:.3g} {r['unit']} | {floor} | {ratio} | {r.get('goal') or '—'} | {met} | {rss} "
            f"| {r['measured_at'][:10]} |"
        )
    notes = [(n, r["notes"]) for n, r in sorted(results["benchmarks"].items()) if r.get("notes")]
    if notes:
        lines += ["", "Notes:", ""] + [f"- **{n}**: {text}" for n, text in notes]
    lines += ["", f"Machine: {results.get('machine', '')}", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--reuse", action="store_true", help="reuse benchmarks/.work/national.sqlite"
    )
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)
    benchmarks = load_benchmarks()
    if args.list:
        for bench in benchmarks.values():
            print(f"{bench.name:<32} {bench.description}")
        return 0
    chosen = [benchmarks[n] for n in args.names] if args.names else list(benchmarks.values())
    context = Context(repeat=args.repeat, reuse=args.reuse)
    results = json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else {"benchmarks": {}}
    import os

    results["machine"] = (
        f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs"
    )
    failed = False
    for bench in chosen:
        print(f"-- {bench.name}: {bench.description}", flush=True)
        m = bench.run(context)
        entry = {
            "unit": m.unit,
            "value": m.value,
            "floor": m.floor,
            "floor_label": m.floor_label,
            "ratio": m.ratio,
            "goal": m.goal,
            "ok": m.ok,
            "peak_rss_mb": m.peak_rss_mb,
            "samples": m.samples,
            "floor_samples": m.floor_samples,
            "notes": m.notes,
            "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        results["benchmarks"][m.name] = entry
        ratio = f" ratio {m.ratio:.2f}×" if m.ratio else ""
        rss = f" peak {m.peak_rss_mb:.0f} MB" if m.peak_rss_mb else ""
        verdict = {True: "OK", False: "MISSED", None: ""}[m.ok]
        print(f"   {m.value:.4g} {m.unit}{ratio}{rss} goal: {m.goal or '—'} {verdict}", flush=True)
        failed |= m.ok is False
        RESULTS_JSON.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        RESULTS_MD.write_text(render_markdown(results))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

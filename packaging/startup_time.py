"""Measures how long the application takes to show its main window, as a user sees it.

    python packaging/startup_time.py EXECUTABLE [--runs N] [--drop-caches] [--db PATH]

Starts a private X server (Xvfb), launches EXECUTABLE on it with the xcb platform, a throw-away
home folder and `--db` (a new database unless PATH is given), and polls the X server (xwininfo)
until a top-level window titled "portfolio-desktop…" is viewable: that is *window shown*. It then
waits until the title names the database: that is *portfolio open* (the database opened and
migrated off the GUI thread). With --drop-caches, the page cache is dropped before each run
(root only; said so when the kernel refuses), which gives a cold start. Prints one line per run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

POLL = 0.01  # seconds between two looks at the X server
TITLE = re.compile(r'^\s+(0x[0-9a-f]+) "(portfolio-desktop[^"]*)"', re.M)


@dataclass(frozen=True, slots=True)
class Launch:
    """One launch: seconds to the window shown and to the portfolio open (None: never)."""

    shown: float | None
    opened: float | None
    cold: bool


def drop_caches() -> bool:
    """Drops the page cache (a cold start); False when not allowed."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private X server on a free display, and that display."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as handle:
        number = handle.readline().strip()
    if not number:
        server.kill()
        raise SystemExit("Xvfb did not start")
    return server, f":{number}"


def viewable_title(display: str) -> str | None:
    """The title of a viewable top-level portfolio-desktop window, if there is one."""
    env = {**os.environ, "DISPLAY": display}
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"], capture_output=True, text=True, env=env
    ).stdout
    for window, title in TITLE.findall(tree):
        info = subprocess.run(
            ["xwininfo", "-id", window], capture_output=True, text=True, env=env
        ).stdout
        if "Map State: IsViewable" in info:
            return title
    return None


def launch(
    executable: list[str], display: str, db: Path | None, cold: bool, timeout: float = 120
) -> Launch:
    with tempfile.TemporaryDirectory(prefix="portfolio-startup-") as home:
        target = db or Path(home) / "portfolio.sqlite"
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "PORTFOLIO_DESKTOP_HOME": home,
        }
        env.pop("WAYLAND_DISPLAY", None)
        began = time.perf_counter()
        process = subprocess.Popen(
            [*executable, "--db", str(target)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shown = opened = None
        try:
            while time.perf_counter() - began < timeout and process.poll() is None:
                title = viewable_title(display)
                now = time.perf_counter() - began
                if title is not None and shown is None:
                    shown = now
                if title is not None and target.name in title:
                    opened = now
                    break
                time.sleep(POLL)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        return Launch(shown, opened, cold)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("executable", nargs="+", help="the bundle's executable (or a command)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--drop-caches", action="store_true", help="cold start: drop the page cache"
    )
    parser.add_argument("--db", type=Path, help="an existing database to open (copy it first)")
    args = parser.parse_args(argv)
    for tool in ("Xvfb", "xwininfo"):
        if shutil.which(tool) is None:
            print(f"{tool} is needed (Debian: xvfb, x11-utils)", file=sys.stderr)
            return 2
    server, display = start_xvfb()
    failed = False
    try:
        for run in range(1, args.runs + 1):
            cold = drop_caches() if args.drop_caches else False
            if args.drop_caches and not cold:
                print("page cache not dropped (not allowed here): a warm start", file=sys.stderr)
            result = launch(args.executable, display, args.db, cold)
            shown = f"{result.shown:.2f} s" if result.shown is not None else "never"
            opened = f"{result.opened:.2f} s" if result.opened is not None else "never"
            kind = "cold" if result.cold else "warm"
            print(f"run {run} ({kind}): window shown {shown}, portfolio open {opened}", flush=True)
            failed = failed or result.opened is None
    finally:
        server.terminate()
        server.wait(10)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

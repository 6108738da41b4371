"""Entry point: arguments, paths, logging and the excepthook, then the command or the desktop.

Kept light: the command line never imports Qt, the desktop imports matplotlib/openpyxl only when
a view first needs them.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys

from . import paths


def setup_logging(*, console: bool) -> None:
    """A rotating log file in the user's log folder; warnings on stderr for the command line."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "portfolio-desktop.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    except OSError:
        pass  # a read-only home must not stop the application; stderr still gets warnings
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        root.addHandler(stream)


def _stdout_closed() -> int:
    """The reader of our output went away (`stats | head -1`): the rest of the output goes
    nowhere, quietly, and the command's work stands (exit 0)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's final flush writes nowhere
    except (OSError, ValueError, AttributeError):
        pass
    return 0


def main(argv: list[str] | None = None) -> int:
    from . import cli

    parser = cli.build_parser()
    args = parser.parse_args(argv)
    if args.command:
        setup_logging(console=True)
        try:
            code = cli.run(args)
            sys.stdout.flush()
        except BrokenPipeError:
            return _stdout_closed()
        return code
    if args.self_test:
        setup_logging(console=True)
        if args.lang:
            os.environ["PORTFOLIO_DESKTOP_LANG"] = args.lang
        from .selftest import run_self_test

        try:
            code = run_self_test()
            sys.stdout.flush()
        except BrokenPipeError:
            return _stdout_closed()
        return code
    setup_logging(console=False)
    from .app import run_desktop

    return run_desktop(args)


if __name__ == "__main__":
    sys.exit(main())

"""The frozen application's entry script: the same `main()` as the `portfolio-desktop` command."""

import multiprocessing
import sys

from portfolio_desktop.__main__ import main

if __name__ == "__main__":
    # Workbooks are read in a child process (services/excel_import/isolation.py): in the frozen
    # application that process, and the fork server it comes from, start as this executable.
    multiprocessing.freeze_support()
    sys.exit(main())

"""The frozen application's entry script: the same `main()` as the `portfolio-desktop` command."""

import sys

from portfolio_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())

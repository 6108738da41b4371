"""portfolio-desktop: the R&D project portfolio of French competitiveness clusters."""

__version__ = "0.1.0"
APP_NAME = "portfolio-desktop"
APP_ID = "fr.poles.PortfolioDesktop"

"""Use cases over the portfolio: edits, statistics, demo, import, export, charts, reports. No Qt."""

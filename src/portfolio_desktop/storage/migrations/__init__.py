"""Alembic migrations of the portfolio schema."""

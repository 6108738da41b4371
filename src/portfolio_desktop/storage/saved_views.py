"""Named views of the projects table (filters, columns, sort), shared by everyone on the database."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .repository import utcnow
from .tables import SavedView


def list_views(session: Session) -> list[tuple[str, str]]:
    return [
        (v.name, v.payload) for v in session.scalars(select(SavedView).order_by(SavedView.name))
    ]


def save_view(session: Session, name: str, payload: str) -> None:
    existing = session.scalar(select(SavedView).where(SavedView.name == name))
    if existing is None:
        session.add(SavedView(name=name, payload=payload, created_at=utcnow()))
    else:
        existing.payload = payload
    session.flush()


def delete_view(session: Session, name: str) -> None:
    session.execute(delete(SavedView).where(SavedView.name == name))

"""Talks and teaching: filtered, paginated reads, newest first (undated entries last)."""

from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from schemas.talk import Talk
from schemas.teaching import Teaching
from store.errors import NotFound
from store.search import matches

E = TypeVar("E", Talk, Teaching)
NOUNS: dict[type[Talk] | type[Teaching], str] = {Talk: "Talk", Teaching: "Teaching entry"}


@dataclass(frozen=True)
class EventFilters:
    year: int | None = None
    q: str | None = None


def _conditions(
    dialect: str, model: type[Talk] | type[Teaching], filters: EventFilters
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.year is not None:
        conditions.append(col(model.year) == filters.year)
    if filters.q:
        conditions.append(matches(dialect, model, "all", filters.q))
    return conditions


def list_events(
    session: Session, model: type[E], filters: EventFilters, limit: int, offset: int
) -> tuple[list[E], int]:
    """One page, newest first: by date, undated entries last, then in the order they came."""
    conditions = _conditions(session.get_bind().dialect.name, model, filters)
    total = session.exec(select(func.count()).select_from(model).where(*conditions)).one()
    newest_first = (
        col(model.date).is_(None),
        col(model.date).desc(),
        col(model.position),
        col(model.id),
    )
    rows = session.exec(
        select(model).where(*conditions).order_by(*newest_first).limit(limit).offset(offset)
    )
    return list(rows), total


def read_event(session: Session, model: type[E], slug: str) -> E:
    item = session.exec(select(model).where(col(model.slug) == slug)).first()
    if item is None:
        raise NotFound(f"{NOUNS[model]} '{slug}' not found")
    return item


EVERY = 100_000


def every_event(session: Session, model: type[E], filters: EventFilters) -> list[E]:
    """Every match of the filters, newest first: for the JSON-LD documents, not one page."""
    rows, _ = list_events(session, model, filters, EVERY, 0)
    return rows

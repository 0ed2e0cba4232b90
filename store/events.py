"""Talks and teaching: filtered, paginated reads, newest first (undated entries last)."""

from dataclasses import dataclass
from functools import cache
from typing import TypeVar, cast

from sqlalchemy import ColumnElement, Integer, bindparam, func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from schemas.event import EventRow
from schemas.talk import Talk
from schemas.teaching import Teaching
from store.errors import NotFound
from store.search import matches, parameter, search_value, with_year

E = TypeVar("E", Talk, Teaching)
NOUNS: dict[type[Talk] | type[Teaching], str] = {Talk: "Talk", Teaching: "Teaching entry"}


@dataclass(frozen=True)
class EventFilters:
    year: int | None = None
    q: str | None = None


def _values(
    dialect: str, model: type[Talk] | type[Teaching], filters: EventFilters
) -> dict[str, object] | None:
    """The filters as the values bound in `_statements`; None when `q` has no words. On
    PostgreSQL a year goes with `q`, if any."""
    values: dict[str, object] = {}
    year = filters.year
    if filters.q:
        if (value := search_value(dialect, model, "all", filters.q)) is None:
            return None
        values[parameter("all")], year = with_year(dialect, value, year)
    if year is not None:
        values["year"] = year
    return values


@cache
def _statements(
    dialect: str, model: type[Talk] | type[Teaching], bound: frozenset[str]
) -> tuple[SelectOfScalar[EventRow], SelectOfScalar[int]]:
    """The page and the count for filters on the `bound` names, made once per model and
    combination of filters (see `store.works._statements`)."""
    conditions: list[ColumnElement[bool]] = []
    if "year" in bound:
        conditions.append(col(model.year) == bindparam("year"))
    if parameter("all") in bound:
        conditions.append(matches(dialect, model, "all"))
    newest_first = (
        col(model.date).is_(None),
        col(model.date).desc(),
        col(model.position),
        col(model.id),
    )
    rows: SelectOfScalar[EventRow] = (
        select(model)
        .where(*conditions)
        .order_by(*newest_first)
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
    )
    return rows, select(func.count()).select_from(model).where(*conditions)


def list_events(
    session: Session, model: type[E], filters: EventFilters, limit: int, offset: int
) -> tuple[list[E], int]:
    """One page, newest first: by date, undated entries last, then in the order they came."""
    dialect = session.get_bind().dialect.name
    values = _values(dialect, model, filters)
    if values is None:
        return [], 0
    rows_statement, count_statement = _statements(dialect, model, frozenset(values))
    total = session.exec(count_statement, params=values).one()
    rows = session.exec(rows_statement, params={**values, "limit": limit, "offset": offset})
    return [cast(E, row) for row in rows], total  # of `model`, so of E


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

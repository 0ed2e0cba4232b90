"""Publications and projects: filtered, paginated reads in page order."""

from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from schemas.project import Project
from schemas.publication import Publication
from store.errors import NotFound
from store.search import matches

Work = Publication | Project
W = TypeVar("W", Publication, Project)


@dataclass(frozen=True)
class WorkFilters:
    year: int | None = None
    author: str | None = None
    venue: str | None = None
    q: str | None = None
    featured: bool | None = None


def _conditions(dialect: str, model: type[Work], filters: WorkFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.year is not None:
        conditions.append(col(model.year) == filters.year)
    if filters.featured is not None:
        conditions.append(col(model.featured) == filters.featured)
    for field, query in (("author", filters.author), ("venue", filters.venue), ("all", filters.q)):
        if query:
            conditions.append(matches(dialect, model, field, query))
    return conditions


def list_works(
    session: Session, model: type[W], filters: WorkFilters, limit: int, offset: int
) -> tuple[list[W], int]:
    """One page in page order, and the total, in one statement. The filter is evaluated once,
    on its own (a materialized CTE, so PostgreSQL uses the search index rather than walking
    the page order), then a window count gives the total beside the page's ids, and only the
    page's rows are read."""
    conditions = _conditions(session.get_bind().dialect.name, model, filters)
    matched = (
        select(col(model.id).label("id"), col(model.position).label("position"))
        .where(*conditions)
        .cte("matched")
        .prefix_with("MATERIALIZED")
    )
    page = (
        select(matched.c.id, matched.c.position, func.count().over().label("total"))
        .order_by(matched.c.position, matched.c.id)
        .limit(limit)
        .offset(offset)
        .subquery("page")
    )
    rows = session.exec(
        select(model, page.c.total)
        .join(page, col(model.id) == page.c.id)
        .order_by(page.c.position, page.c.id)
    ).all()
    if rows:
        return [row for row, _ in rows], rows[0][1]
    if offset == 0:  # nothing matched at all
        return [], 0
    # Past the end: the window saw no rows, so count them on their own.
    return [], session.exec(select(func.count()).select_from(model).where(*conditions)).one()


def read_work(session: Session, model: type[W], slug: str) -> W:
    item = session.exec(select(model).where(col(model.slug) == slug)).first()
    if item is None:
        raise NotFound(f"{model.__name__} '{slug}' not found")
    return item

"""Publications and projects: filtered, paginated reads in page order."""

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from api.store.search import matches
from schemas.project import Project
from schemas.publication import Publication

Work = Publication | Project
W = TypeVar("W", Publication, Project)


@dataclass(frozen=True)
class WorkFilters:
    year: int | None = None
    author: str | None = None
    venue: str | None = None
    q: str | None = None
    featured: bool | None = None


def search_text_of(fields: dict[str, Any]) -> str:
    """Lower-cased title, author names and venue, for `q=` search."""
    names = " ".join(str(author.get("name", "")) for author in fields.get("authors", []))
    return " ".join(
        f"{fields.get('title', '')} {names} {fields.get('venue') or ''}".lower().split()
    )


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
    conditions = _conditions(session.get_bind().dialect.name, model, filters)
    total = session.exec(select(func.count()).select_from(model).where(*conditions)).one()
    rows = session.exec(
        select(model)
        .where(*conditions)
        .order_by(col(model.position), col(model.id))
        .limit(limit)
        .offset(offset)
    ).all()
    return list(rows), total


def read_work(session: Session, model: type[W], slug: str) -> W | None:
    return session.exec(select(model).where(col(model.slug) == slug)).first()


def search_text(work: Work) -> str:
    return search_text_of({"title": work.title, "authors": work.authors, "venue": work.venue})

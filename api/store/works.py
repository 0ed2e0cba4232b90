"""Publications and projects: filtered, paginated reads in page order."""

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col, select

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


def _contains(column: ColumnElement[str] | Mapped[str], needle: str) -> ColumnElement[bool]:
    escaped = needle.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")


def search_text_of(fields: dict[str, Any]) -> str:
    """Lower-cased title, author names and venue, for `q=` search."""
    names = " ".join(str(author.get("name", "")) for author in fields.get("authors", []))
    return " ".join(
        f"{fields.get('title', '')} {names} {fields.get('venue') or ''}".lower().split()
    )


def _conditions(model: type[Work], filters: WorkFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.year is not None:
        conditions.append(col(model.year) == filters.year)
    if filters.featured is not None:
        conditions.append(col(model.featured) == filters.featured)
    if filters.author:
        conditions.append(_contains(col(model.author_names), filters.author))
    if filters.venue:
        conditions.append(_contains(func.lower(col(model.venue)), filters.venue))
    if filters.q:
        conditions.extend(_contains(col(model.search_text), word) for word in filters.q.split())
    return conditions


def list_works(
    session: Session, model: type[W], filters: WorkFilters, limit: int, offset: int
) -> tuple[list[W], int]:
    conditions = _conditions(model, filters)
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

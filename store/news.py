"""News: newest first; undated items last, in the order the page gives them."""

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from schemas.common import Source
from schemas.news import News
from store.errors import NotFound

NEWEST_FIRST = (
    col(News.date).is_(None),
    col(News.date).desc(),
    case((col(News.source) == Source.api, col(News.created_at)), else_=None).desc().nulls_last(),
    col(News.position),
    col(News.id),
)


def list_news(session: Session, limit: int, offset: int) -> tuple[list[News], int]:
    total = session.exec(select(func.count()).select_from(News)).one()
    rows = session.exec(select(News).order_by(*NEWEST_FIRST).limit(limit).offset(offset)).all()
    return list(rows), total


def read_news(session: Session, slug: str) -> News:
    item = session.exec(select(News).where(col(News.slug) == slug)).first()
    if item is None:
        raise NotFound(f"News item '{slug}' not found")
    return item

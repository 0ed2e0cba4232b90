"""Create, update and delete news through the API. Only `source = api` items can be changed;
items that come from the Markdown page belong to it and are refused with a 409."""

import datetime as dt

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from schemas.audit import AuditEntry
from schemas.common import DatePrecision, Link, LinkIn, Source, utc_now
from schemas.news import News, NewsCreate, NewsUpdate
from seed.document.render import render_html
from seed.recognise.citation import link_kind
from store.changes import bump_version
from store.errors import OwnedByPage
from store.news import read_news
from store.slugs import content_suffix, news_slug, unique_slug

_ATTEMPTS = 3


def _links(links: list[LinkIn]) -> list[dict[str, str]]:
    typed = [
        Link(label=link.label, url=str(link.url), kind=link_kind(link.label)) for link in links
    ]
    return [link.model_dump(mode="json") for link in typed]


def _owned_by_api(item: News, slug: str) -> News:
    if item.source != Source.api:
        raise OwnedByPage(
            f"News item '{slug}' comes from the Markdown page; edit the page and run "
            "`homepage seed` instead, so the next re-seed does not undo the change.",
        )
    return item


def _audit(session: Session, token_name: str, action: str, slug: str) -> None:
    session.add(AuditEntry(token_name=token_name, action=action, resource="news", slug=slug))
    bump_version(session)


def _slug(base: str, taken: set[str], text: str) -> str:
    """The base, or when another item holds it, the base with a suffix from this text."""
    return base if base not in taken else unique_slug(f"{base}-{content_suffix(text)}", taken)


def _insert(session: Session, body: NewsCreate, token_name: str) -> News:
    date = body.date or dt.date.today()
    text_html = render_html(body.text)
    base = news_slug(date, body.date_precision, text_html)
    taken = set(session.exec(select(News.slug).where(col(News.slug).startswith(base))))
    now = utc_now()
    item = News(
        slug=base
        if base not in taken
        else unique_slug(f"{base}-{content_suffix(body.text)}", taken),
        date=date,
        date_precision=body.date_precision,
        text=body.text,
        text_html=text_html,
        source=Source.api,
        links=_links(body.links),
        created_at=now,
        updated_at=now,
        created_by=token_name,
        updated_by=token_name,
    )
    session.add(item)
    _audit(session, token_name, "create", item.slug)
    session.flush()
    return item


def create_news(session: Session, body: NewsCreate, token_name: str) -> News:
    """Insert an API-owned item and commit. When a concurrent writer took the same slug, only
    the insert is rolled back (a savepoint) and tried again with the next free slug."""
    for attempt in range(_ATTEMPTS):
        try:
            with session.begin_nested():
                item = _insert(session, body, token_name)
            break
        except IntegrityError:
            if attempt == _ATTEMPTS - 1:
                raise
    return _committed(session, item)


def update_news(session: Session, slug: str, body: NewsUpdate, token_name: str) -> News:
    """Change an API-owned item and commit."""
    item = _owned_by_api(read_news(session, slug), slug)
    changes = body.model_dump(exclude_unset=True)
    if "text" in changes and body.text is not None:
        item.text = body.text
        item.text_html = render_html(body.text)
    if "date" in changes:
        item.date = body.date
        item.date_precision = (
            None if body.date is None else body.date_precision or DatePrecision.day
        )
    elif body.date_precision is not None and item.date is not None:
        item.date_precision = body.date_precision
    if body.links is not None:
        item.links = _links(body.links)
    item.updated_at = utc_now()
    item.updated_by = token_name
    session.add(item)
    _audit(session, token_name, "update", slug)
    return _committed(session, item)


def delete_news(session: Session, slug: str, token_name: str) -> None:
    """Delete an API-owned item and commit."""
    session.delete(_owned_by_api(read_news(session, slug), slug))
    _audit(session, token_name, "delete", slug)
    session.commit()


def _committed(session: Session, item: News) -> News:
    """Commit before the answer goes out, and hand back the item as stored."""
    session.commit()
    session.refresh(item)
    session.expunge(item)
    return item

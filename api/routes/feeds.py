"""Atom and RSS feeds of news, publications and talks."""

from collections.abc import Callable
from typing import Any

from fastapi import Request, Response
from sqlmodel import Session

from api.deps import FiltersDep, SessionDep
from api.formats.feed_entries import news_entry, publication_entry, talk_entry
from api.formats.feeds import Feed, FeedEntry, atom, rss
from api.formats.media import ATOM, RSS, AtomResponse, RSSResponse
from api.routes import resource_router
from api.urls import identifier
from schemas.news import NewsPublic
from schemas.publication import PublicationPublic
from schemas.talk import Talk, TalkPublic
from store import news as news_store
from store.changes import current_version
from store.events import EventFilters, list_events
from store.profile import find_profile
from store.works import list_works

FEED_SIZE = 100
news_feeds = resource_router("news")
publication_feeds = resource_router("publications")
talk_feeds = resource_router("talks")


def _content(media_type: str, what: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {media_type: {"schema": {"type": "string"}}}, "description": what}}


def _feed(
    request: Request, session: Session, kind: str, list_route: str, entries: list[FeedEntry]
) -> Feed:
    profile = find_profile(session)
    owner = profile.name if profile and profile.name else None
    return Feed(
        id=identifier(request),
        title=f"{owner}: {kind}" if owner else kind,
        link=identifier(request, list_route),
        self_link=identifier(request),
        updated=max((e.updated for e in entries), default=current_version(session).changed_at),
        entries=entries,
        author=owner,
    )


def _news_feed(request: Request, session: Session) -> Feed:
    items, _ = news_store.list_news(session, FEED_SIZE, 0)
    entries = [
        news_entry(
            NewsPublic.model_validate(item), identifier(request, "read_news", slug=item.slug)
        )
        for item in items
    ]
    return _feed(request, session, "News", "list_news", entries)


def _publications_feed(request: Request, session: Session, filters: FiltersDep) -> Feed:
    found = list_works(session.connection(), PublicationPublic, filters, FEED_SIZE, 0)
    entries = [
        publication_entry(item, identifier(request, "read_publication", slug=item.slug))
        for item in found.items
    ]
    return _feed(request, session, "Publications", "list_publications", entries)


def _talks_feed(request: Request, session: Session) -> Feed:
    rows, _ = list_events(session, Talk, EventFilters(), FEED_SIZE, 0)
    entries = [
        talk_entry(TalkPublic.model_validate(row), identifier(request, "read_talk", slug=row.slug))
        for row in rows
    ]
    return _feed(request, session, "Talks", "list_talks", entries)


def _write(render: Callable[[Feed], bytes], response: type[Response], feed: Feed) -> Response:
    return response(render(feed))


@news_feeds.get("/news.atom", response_class=AtomResponse, responses=_content(ATOM, "Atom."))
def list_news_atom(request: Request, session: SessionDep) -> Response:
    """The latest news as an Atom feed."""
    return _write(atom, AtomResponse, _news_feed(request, session))


@news_feeds.get("/news.rss", response_class=RSSResponse, responses=_content(RSS, "RSS 2.0."))
def list_news_rss(request: Request, session: SessionDep) -> Response:
    """The latest news as an RSS 2.0 feed."""
    return _write(rss, RSSResponse, _news_feed(request, session))


@publication_feeds.get(
    "/publications.atom", response_class=AtomResponse, responses=_content(ATOM, "Atom.")
)
def list_publications_atom(request: Request, session: SessionDep, filters: FiltersDep) -> Response:
    """Publications in page order as an Atom feed (the list's filters apply)."""
    return _write(atom, AtomResponse, _publications_feed(request, session, filters))


@publication_feeds.get(
    "/publications.rss", response_class=RSSResponse, responses=_content(RSS, "RSS 2.0.")
)
def list_publications_rss(request: Request, session: SessionDep, filters: FiltersDep) -> Response:
    """Publications in page order as an RSS 2.0 feed (the list's filters apply)."""
    return _write(rss, RSSResponse, _publications_feed(request, session, filters))


@talk_feeds.get("/talks.atom", response_class=AtomResponse, responses=_content(ATOM, "Atom."))
def list_talks_atom(request: Request, session: SessionDep) -> Response:
    """The latest talks as an Atom feed."""
    return _write(atom, AtomResponse, _talks_feed(request, session))


@talk_feeds.get("/talks.rss", response_class=RSSResponse, responses=_content(RSS, "RSS 2.0."))
def list_talks_rss(request: Request, session: SessionDep) -> Response:
    """The latest talks as an RSS 2.0 feed."""
    return _write(rss, RSSResponse, _talks_feed(request, session))


routers = (news_feeds, publication_feeds, talk_feeds)

"""News items, publications and talks as feed entries: ids are their URLs, which stay the same as
long as their slugs do (slugs come from the content, never from row ids)."""

import html
from datetime import UTC, datetime, time

from api.formats.feeds import FeedEntry
from schemas.event import EventPublic
from schemas.news import NewsPublic
from schemas.publication import PublicationPublic
from seed.document.html_reader import html_text

TITLE_MAX = 100


def plain(text_html: str) -> str:
    return " ".join(html_text(text_html).split())


def _shortened(text: str) -> str:
    return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1].rstrip() + "…"


def news_entry(item: NewsPublic, url: str) -> FeedEntry:
    published = datetime.combine(item.date, time(), UTC) if item.date else item.created_at
    return FeedEntry(
        id=url,
        title=_shortened(plain(item.text_html)),
        link=url,
        updated=item.updated_at,
        published=published,
        content_html=item.text_html,
    )


def publication_html(publication: PublicationPublic) -> str:
    """`<p>A*, <strong>B</strong>*, C. <em>Venue</em> (Note). <a>Paper</a></p>`."""
    names = []
    for author in publication.authors:
        name = html.escape(author.name)
        name = f"<strong>{name}</strong>" if author.is_owner else name
        names.append(name + ("*" if author.equal_contribution else ""))
    parts = [", ".join(names)] if names else []
    if publication.venue:
        parts.append(f"<em>{html.escape(publication.venue)}</em>")
    if publication.note:
        parts.append(f"({html.escape(publication.note)})")
    links = " ".join(
        f'<a href="{html.escape(link.url)}">{html.escape(link.label)}</a>'
        for link in publication.links
    )
    if links:
        parts.append(links)
    return f"<p>{'. '.join(parts)}</p>"


def publication_entry(publication: PublicationPublic, url: str) -> FeedEntry:
    return FeedEntry(
        id=url,
        title=publication.title,
        link=url,
        updated=publication.updated_at,
        published=publication.created_at,
        content_html=publication_html(publication),
        authors=[author.name for author in publication.authors],
    )


def talk_html(talk: EventPublic) -> str:
    """`<p><em>Invited talk</em>. Venue, Location.</p>` and the talk's own description."""
    where = ", ".join(html.escape(part) for part in (talk.venue, talk.location) if part)
    parts = [f"<em>{html.escape(talk.type)}</em>"] if talk.type else []
    if where:
        parts.append(where)
    said = f"<p>{'. '.join(parts)}.</p>" if parts else ""
    return said + talk.body_html


def talk_entry(talk: EventPublic, url: str) -> FeedEntry:
    published = datetime.combine(talk.date, time(), UTC) if talk.date else talk.created_at
    return FeedEntry(
        id=url,
        title=talk.title,
        link=url,
        updated=talk.updated_at,
        published=published,
        content_html=talk_html(talk),
    )

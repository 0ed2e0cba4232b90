"""Atom (RFC 4287) and RSS 2.0 documents from a feed's entries, with stable ids and times."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from xml.etree.ElementTree import Element, SubElement, tostring

from schemas.common import as_utc, text_only

ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    link: str
    updated: datetime
    content_html: str
    published: datetime | None = None
    authors: Sequence[str] = ()


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    link: str
    self_link: str
    updated: datetime
    entries: Sequence[FeedEntry] = field(default_factory=list)
    author: str | None = None


def _rfc3339(moment: datetime) -> str:
    return as_utc(moment).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _text(parent: Element, tag: str, text: str, **attributes: str) -> Element:
    text = text_only(text)  # whatever is stored, the feed stays well-formed XML
    element = SubElement(parent, tag, attributes)
    element.text = text
    return element


def atom(feed: Feed) -> bytes:
    root = Element("feed", {"xmlns": ATOM_NS})
    _text(root, "id", feed.id)
    _text(root, "title", feed.title)
    _text(root, "updated", _rfc3339(feed.updated))
    SubElement(root, "link", {"rel": "alternate", "href": feed.link})
    SubElement(root, "link", {"rel": "self", "href": feed.self_link})
    if feed.author:
        _text(SubElement(root, "author"), "name", feed.author)
    for entry in feed.entries:
        node = SubElement(root, "entry")
        _text(node, "id", entry.id)
        _text(node, "title", entry.title)
        _text(node, "updated", _rfc3339(entry.updated))
        if entry.published is not None:
            _text(node, "published", _rfc3339(entry.published))
        SubElement(node, "link", {"rel": "alternate", "href": entry.link})
        for name in entry.authors:
            _text(SubElement(node, "author"), "name", name)
        _text(node, "content", entry.content_html, type="html")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(root, encoding="unicode").encode()


def rss(feed: Feed) -> bytes:
    root = Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS})
    channel = SubElement(root, "channel")
    _text(channel, "title", feed.title)
    _text(channel, "link", feed.link)
    _text(channel, "description", feed.title)
    _text(channel, "lastBuildDate", format_datetime(as_utc(feed.updated), usegmt=True))
    SubElement(
        channel,
        "atom:link",
        {"href": feed.self_link, "rel": "self", "type": "application/rss+xml"},
    )
    for entry in feed.entries:
        item = SubElement(channel, "item")
        _text(item, "title", entry.title)
        _text(item, "link", entry.link)
        _text(item, "guid", entry.id, isPermaLink="false")
        moment = entry.published or entry.updated
        _text(item, "pubDate", format_datetime(as_utc(moment), usegmt=True))
        _text(item, "description", entry.content_html)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(root, encoding="unicode").encode()

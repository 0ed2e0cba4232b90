"""Write a site's collections back: one academicpages file per talk, teaching entry,
collection publication and portfolio project, in the form the site reader reads, so that
seeding the written site changes nothing. Pure: models in, (path, text) out."""

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

import yaml

from api.formats.markdown import author_mark
from schemas.common import DatePrecision, Link
from schemas.event import EventPublic
from schemas.work import WorkPublic
from seed.site.fields import body_links

_UNSAFE_NAME = re.compile(r"[^\w.\-]+")
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|&$~])")


def _date(date: dt.date | None, precision: DatePrecision | None) -> dt.date | str | None:
    if date is None:
        return None
    if precision is DatePrecision.year:
        return str(date.year)
    if precision is DatePrecision.month:
        return date.strftime("%Y-%m")
    return date


def _escaped(text: str) -> str:
    """Plain text that Markdown shows as it is: every punctuation mark escaped."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def _links(links: Sequence[Link], body: str) -> list[dict[str, str]]:
    """The links the body does not already give, exactly as stored."""
    in_body = {(link.label, link.url, link.kind) for link in body_links(body, str)}
    return [
        {"label": link.label, "url": link.url, "kind": link.kind.value}
        for link in links
        if (link.label, link.url, link.kind) not in in_body
    ]


def _file(front_matter: dict[str, Any], body: str) -> str:
    kept = {key: value for key, value in front_matter.items() if value not in (None, [], "")}
    head = yaml.safe_dump(kept, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{head}---\n\n{body.strip()}\n" if body.strip() else f"---\n{head}---\n"


def file_path(folder: str, stored: str | None, slug: str) -> str:
    """The file's path under the site root: the one it was read from, inside its folder, or
    one named after the slug."""
    name = PurePosixPath(stored).name if stored else f"{slug}.md"
    name = _UNSAFE_NAME.sub("-", name).lstrip(".") or f"{slug}.md"
    return f"{folder}/{name}"


def event_file(collection: str, event: EventPublic) -> str:
    front_matter = {
        "title": event.title,
        "collection": collection,
        "type": event.type,
        "venue": event.venue,
        "date": _date(event.date, event.date_precision),
        "location": event.location,
        "links": _links(event.links, event.body),
    }
    return _file(front_matter, event.body)


def work_file(collection: str, work: WorkPublic) -> str:
    """A publication or portfolio project; its authors as the page writes them (the owner in
    bold, `\\*` for equal contribution, `†` for corresponding)."""
    authors = ", ".join(
        author_mark(a.name, a.is_owner, a.equal_contribution, a.corresponding) for a in work.authors
    )
    date: dt.date | str | None = work.date or (str(work.year) if work.year else None)
    front_matter = {
        "title": work.title,
        "collection": collection,
        "category": work.group,
        "authors": authors or None,
        "date": date,
        "venue": work.venue,
        "excerpt": _escaped(work.abstract) if work.abstract else None,
        "featured": True if work.featured else None,
        "links": _links(work.links, ""),
    }
    return _file(front_matter, "")

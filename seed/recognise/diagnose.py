"""Warnings the owner can act on: every field the reader is unsure of, with `file:line`."""

import datetime as dt
import re
from collections.abc import Iterator

from schemas.common import is_safe_url
from schemas.work import WorkIn
from seed.document.front_matter import PageSource
from seed.errors import Diagnostic

_MARKUP = re.compile(r"<[a-zA-Z/][^>]*>|\*\*|__|\]\(|https?://")
_LETTER = re.compile(r"[^\W\d_]")
_NAME_LIMIT = 60


_LINK_TARGET = re.compile(
    r"\]\(\s*<?([^)\s>]+)|\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))|\]:\s*<?(\S+)",
    re.IGNORECASE,
)


def source_warnings(source: PageSource) -> Iterator[Diagnostic]:
    """What the reader left out of the page as it read it: characters no feed can hold, and
    links a browser would run as a script (`javascript:`, `data:`, `vbscript:`)."""
    for number in source.stripped_lines:
        yield Diagnostic(source.path, number, "control characters no feed can hold were removed")
    for index, text in enumerate(source.body.split("\n")):
        for match in _LINK_TARGET.finditer(text):
            url = next(group for group in match.groups() if group is not None).strip()
            if not is_safe_url(url):
                yield Diagnostic(
                    source.path,
                    source.file_line(index),
                    f"link to {url[:40]!r} left out: not http(s) or mailto",
                )


def work_warnings(path: str, works: list[WorkIn], noun: str) -> Iterator[Diagnostic]:
    """What looks wrong in each work the reader found, as a reader would say it."""
    next_year = dt.date.today().year + 1
    for work in works:
        at = work.line
        if _MARKUP.search(work.title):
            yield Diagnostic(
                path, at, f"{noun} title still holds markup or a URL: {work.title[:60]!r}"
            )
        for author in work.authors:
            if author.name[-1] in ".,;:" and not re.search(r"\b[A-Z]\.$", author.name):
                yield Diagnostic(path, at, f"{noun} author ends in punctuation: {author.name!r}")
            elif len(author.name) > _NAME_LIMIT:
                yield Diagnostic(
                    path, at, f"{noun} author is longer than a name: {author.name[:60]!r}"
                )
        if work.venue is not None and not _LETTER.search(work.venue):
            yield Diagnostic(path, at, f"{noun} venue has no letters: {work.venue!r}")
        if work.year is not None and not 1950 <= work.year <= next_year:
            yield Diagnostic(path, at, f"{noun} year {work.year} is outside 1950…{next_year}")

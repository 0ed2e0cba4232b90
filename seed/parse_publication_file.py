"""academicpages `_publications/*.md`: one publication per file, described in its front matter
(title, date, venue, paperurl, citation, excerpt, and the URL keys people add)."""

import datetime as dt
import re
from typing import Any

from schemas.common import Author, Link, LinkKind, is_safe_url
from schemas.work import WorkIn
from seed.document.front_matter import read_page_source
from seed.document.inline import inline_runs, marked_text, without_bold_marks
from seed.document.render import inline_children, markdown_parser
from seed.errors import Diagnostic
from seed.recognise.author_list import author_segments
from seed.recognise.authors import is_et_al, parse_author
from seed.recognise.citation import clean_field, link_kind, typed_links

_URL_KEYS = {
    "paperurl": LinkKind.paper,
    "viewpaperurl": LinkKind.paper,
    "downloadurl": LinkKind.paper,
    "pdf": LinkKind.paper,
    "doi": LinkKind.paper,
    "slidesurl": LinkKind.slides,
    "codeurl": LinkKind.code,
    "posterurl": LinkKind.poster,
    "videourl": LinkKind.video,
}
_YEAR_TAIL = re.compile(r"\s*[(（]?(?:19|20)\d\d[a-z]?[)）]?[\s,.]*$")
_WORD = re.compile(r"\w+")


def _text(value: Any) -> str | None:
    """A front-matter value as text; empty keys (`excerpt:`) are None. A byte order mark
    (left where a value was pasted from a file saved with one) shows nothing: it is dropped."""
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).replace("\ufeff", "").strip()
    return text or None


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def citation_authors(citation: str, title: str) -> list[Author]:
    """The authors a citation lists before the title (APA, MLA and Chicago all do)."""
    tokens = markdown_parser().parseInline(citation)
    marked = marked_text(inline_runs(inline_children(tokens[0]))) if tokens else citation
    wanted = _words(title)[:40]
    head = marked
    for match in re.finditer(r"[.\"“]\s+|\)\.\s*", marked):
        if _words(marked[match.end() :]).startswith(wanted):
            head = marked[: match.start() + 1]
            break
    else:
        return []
    head = _YEAR_TAIL.sub("", head.strip(' "“')).strip()
    segments = author_segments(head)
    if len(segments) >= 2 and all(" " not in _bare(s) for s in segments[:2]):
        segments[:2] = [f"{segments[1]} {segments[0]}"]  # Chicago: `Yang, Jiaxi, Han Qiu, …`
    authors = []
    for segment in segments:
        if is_et_al(segment):
            continue
        if author := parse_author(segment.rstrip(".")) or parse_author(segment):
            authors.append(author)
    return authors


def _bare(segment: str) -> str:
    return without_bold_marks(segment).strip(" *")


def _links(front_matter: dict[str, Any]) -> list[Link]:
    links: list[Link] = []
    for key, value in front_matter.items():
        url = _text(value)
        lowered = key.lower()
        if url is None or not (lowered in _URL_KEYS or lowered.endswith("url")):
            continue
        if lowered == "doi" and not url.startswith("http"):
            url = f"https://doi.org/{url}"
        if url.startswith(("http://", "https://", "/")) and len(url) <= 2000:
            kind = _URL_KEYS.get(lowered) or link_kind(lowered.removesuffix("url"))
            if is_safe_url(url):
                links.append(Link(label=lowered.removesuffix("url") or "link", url=url, kind=kind))
    return links


def _body_links(body: str) -> list[Link]:
    """The links the file's body gives (`[[paper]](…) [[code]](…)`), as a page's entry's are."""
    tokens = markdown_parser().parse(body)
    runs = [run for t in tokens if t.type == "inline" for run in inline_runs(inline_children(t))]
    return typed_links(runs)


def parse_publication_file(path: str, text: str) -> tuple[WorkIn | None, list[Diagnostic]]:
    """One `_publications/*.md` file; a file with no title is skipped with a warning."""
    source = read_page_source(path, text)
    meta = source.front_matter
    title = " ".join((_text(meta.get("title")) or "").split())
    if not title:
        return None, [Diagnostic(path, 1, "publication has no title in its front matter")]
    date = meta.get("date")
    year = date.year if isinstance(date, dt.date) else None
    if year is None and (match := re.search(r"(?:19|20)\d\d", _text(date) or "")):
        year = int(match.group(0))
    citation = _text(meta.get("citation"))
    links = _links(meta)
    # The body often repeats a front-matter URL (`[Download paper here](paperurl)`): each once.
    known = {link.url for link in links}
    for link in _body_links(source.body):
        if link.url not in known:
            links.append(link)
            known.add(link.url)
    work = WorkIn(
        title=title,
        authors=citation_authors(citation, title) if citation else [],
        venue=clean_field(_text(meta.get("venue")) or "") or None,
        year=year,
        group=_text(meta.get("category")),
        links=links,
        line=1,
    )
    warnings = [] if work.venue else [Diagnostic(path, 1, "publication has no venue")]
    return work, warnings

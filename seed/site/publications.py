"""academicpages `_publications/*.md`: one publication per file, described in its front matter
(title, date, venue, paperurl, citation or an author list, excerpt, and the URL keys people
add)."""

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from schemas.common import Author, DatePrecision
from schemas.work import WorkIn
from seed.document.front_matter import PageSource, read_page_source
from seed.document.inline import inline_runs, marked_text, without_bold_marks
from seed.document.render import inline_children, markdown_parser
from seed.errors import Diagnostic
from seed.recognise.author_list import author_segments
from seed.recognise.authors import is_et_al, parse_author
from seed.recognise.citation import clean_field
from seed.site.excerpts import excerpt_text
from seed.site.fields import body_links, date_value, key_links, merged_links, text_value

_YEAR_TAIL = re.compile(r"\s*[(（]?(?:19|20)\d\d[a-z]?[)）]?[\s,.]*$")
_WORD = re.compile(r"\w+")


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


def _group(meta: dict[str, Any], categories: Mapping[str, str]) -> str | None:
    """The template's `category:` under the heading the config gives it (`manuscripts`:
    "Journal Articles"), else the key as written, else a `pubtype:`."""
    category = text_value(meta.get("category"))
    if category is not None:
        return categories.get(category, category)
    return text_value(meta.get("pubtype"))


def listed_authors(value: str) -> list[Author]:
    """An `authors:` or `authorlist:` key: names split as a page's author list is, the
    owner in bold (`<b>Zhehua Zhou</b>, Jiayang Song`)."""
    tokens = markdown_parser().parseInline(value)
    marked = marked_text(inline_runs(inline_children(tokens[0]))) if tokens else value
    authors = []
    for segment in author_segments(marked):
        if not is_et_al(segment) and (author := parse_author(segment)):
            authors.append(author)
    return authors


def _authors(meta: dict[str, Any], title: str) -> list[Author]:
    for key in ("authors", "authorlist", "author_list"):
        value = meta.get(key)
        if isinstance(value, list):
            value = ", ".join(str(name) for name in value if name)
        if text := text_value(value):
            return listed_authors(text)
    citation = text_value(meta.get("citation"))
    return citation_authors(citation, title) if citation else []


def _year(value: Any) -> tuple[dt.date | None, int | None]:
    date, precision = date_value(value)
    if date is not None:
        return (date if precision is DatePrecision.day else None), date.year
    match = re.search(r"(?:19|20)\d\d", text_value(value) or "")
    return None, int(match.group(0)) if match else None


_YES = frozenset({"yes", "true", "y", "1"})


def _featured(meta: dict[str, Any]) -> bool:
    """`featured: true`, `selected: yes`, `highlight: 'yes'`: the owner's selected works."""
    return any(str(meta.get(key)).strip().lower() in _YES for key in FEATURED_KEYS)


FEATURED_KEYS = ("featured", "selected", "highlight")


def read_publication(
    source: PageSource,
    file: str | None = None,
    absolute: Callable[[str], str] = str,
    categories: Mapping[str, str] | None = None,
) -> tuple[WorkIn | None, list[Diagnostic]]:
    """One `_publications/*.md` file; a file with no title is skipped with a warning."""
    meta = source.front_matter
    path = source.path
    title = " ".join((text_value(meta.get("title")) or "").split())
    if not title:
        return None, [Diagnostic(path, 1, "publication has no title in its front matter")]
    date, year = _year(meta.get("date"))
    # The body often repeats a front-matter URL (`[Download paper here](paperurl)`): each once.
    links = merged_links(key_links(meta, absolute), body_links(source.body, absolute))
    work = WorkIn(
        title=title,
        authors=_authors(meta, title),
        venue=clean_field(text_value(meta.get("venue")) or "") or None,
        year=year,
        date=date,
        abstract=excerpt_text(text_value(meta.get("excerpt")) or ""),
        group=_group(meta, categories or {}),
        featured=_featured(meta),
        links=links,
        file=file,
        on_page=False,
        line=1,
    )
    warnings = [] if work.venue else [Diagnostic(path, 1, "publication has no venue")]
    return work, warnings


def parse_publication_file(path: str, text: str) -> tuple[WorkIn | None, list[Diagnostic]]:
    """One `_publications/*.md` file given as text."""
    return read_publication(read_page_source(path, text))

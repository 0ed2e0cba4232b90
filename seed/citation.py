r"""One publication or project entry, as written in a list: authors, title, venue, year, note.

`Shwai He\*, **Daize Dong**\*, Liang Ding, Towards Efficient …, TMLR. [[Paper](…)]`
"""

import re

from schemas.common import Author, Link, LinkKind
from schemas.work import WorkIn
from seed.authors import is_et_al, parse_author
from seed.inline import Run, links_of, marked_text, without_bold_marks

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_TRAILING_NOTE = re.compile(r"\s*[(（\[]([^()（）\[\]]*[a-z][^()（）\[\]]*)[)）\]]\s*$")
_DANGLING_LABEL = re.compile(r"[\s.,;]*\b(?:DOI|URL|Paper|PDF|Link|Code)s?\s*:?\s*$", re.I)
"""A link's label left at the end of a venue once its link is taken out: `…, 2022. DOI:`."""
_NOTE_FROM = re.compile(
    r"[\s,;.\-–—]+((?:oral|spotlight|highlight|poster|best\s+\w*\s*paper(?:\s+award)?|award|"
    r"nominee|finalist)\b.*)$",
    re.IGNORECASE,
)
"""Where a venue turns into what the work received: `ICLR 2024 Oral (top 1.5%)`."""
_SET_APART = re.compile(r'^\s*(?:\[([^\]]+)\]|"([^"]+)"|“([^”]+)”)\s*$')
_EMPTY_BRACKETS = re.compile(r"\[\s*\]|\(\s*\)|\|")
_VENUE_WORDS = re.compile(
    r"\b(conference|journal|proceedings|workshop|transactions|symposium|letters|arxiv|preprint|"
    r"review|findings|annual|international|ieee|acm|springer|elsevier|in submission|"
    r"under review|to appear)\b",
    re.IGNORECASE,
)
PREPRINT_VENUE = re.compile(r"arxiv|preprint|biorxiv|medrxiv|ssrn", re.IGNORECASE)
"""A venue that names a preprint server or says `preprint`: `arXiv`, `bioRxiv preprint`."""
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]{1,}[A-Za-z]*\b")
_LINK_KINDS = {
    LinkKind.paper: ("paper", "pdf", "arxiv", "doi", "publication", "article", "openreview"),
    LinkKind.code: ("code", "github", "gitlab", "repo", "software", "implementation"),
    LinkKind.project: ("project", "demo"),
    LinkKind.slides: ("slides", "slide"),
    LinkKind.video: ("video", "youtube", "talk", "recording"),
    LinkKind.poster: ("poster",),
    LinkKind.website: ("website", "homepage", "page", "web", "blog"),
}


def link_kind(label: str) -> LinkKind:
    words = set(re.findall(r"[a-z]+", label.lower()))
    for kind, names in _LINK_KINDS.items():
        if words.intersection(names):
            return kind
    return LinkKind.other


def typed_links(runs: list[Run]) -> list[Link]:
    """The entry's links; in-page anchors and URLs too long to be real are left out."""
    return [
        Link(label=_shortened(label or url, 200), url=url, kind=link_kind(label))
        for label, url in links_of(runs)
        if url and not url.startswith("#") and len(url) <= 2000
    ]


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """Split on a separator that is not inside parentheses or brackets."""
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in "([（":
            depth += 1
        elif char in ")]）":
            depth = max(0, depth - 1)
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part for part in (p.strip() for p in parts) if part]


def clean_field(text: str) -> str:
    text = without_bold_marks(text)
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = " ".join(text.split())
    return text.strip(" *_\"'“”‘’").rstrip(".").strip(" *_")


def looks_like_venue(text: str) -> bool:
    return bool(_YEAR.search(text) or _VENUE_WORDS.search(text) or _ACRONYM.search(text))


def _certainly_venue(text: str) -> bool:
    return bool(_YEAR.search(text) or _VENUE_WORDS.search(text))


def split_venue(venue: str) -> tuple[str | None, int | None, str | None]:
    """The venue without its trailing note, the year it states, and the note: in parentheses
    at the end (`(Oral)`), or from a presentation or award word on (`ICLR Oral (top 1.5%)`)."""
    venue = clean_field(_DANGLING_LABEL.sub("", venue))
    note = None
    award = _NOTE_FROM.search(venue)
    if award is not None and award.start() > 0:
        venue, note = venue[: award.start()], clean_field(award.group(1)) or None
    else:
        match = _TRAILING_NOTE.search(venue)
        if match is not None:
            note = clean_field(match.group(1)) or None
            venue = venue[: match.start()]
    venue = clean_field(venue)
    years = _YEAR.findall(venue)
    return venue or None, int(years[-1]) if years else None, note


def _author_run(segments: list[str], start: int) -> tuple[list[Author], int]:
    """The authors from `start` on, and the index of the first segment that is not one."""
    authors: list[Author] = []
    index = start
    while index < len(segments):
        if is_et_al(segments[index]):
            index += 1
            continue
        author = parse_author(segments[index].removeprefix("and ").removeprefix("& "))
        if author is None:
            break
        authors.append(author)
        index += 1
    return authors, index


def _marked_title(segment: str) -> str | None:
    """A title set apart at the start of an entry: `[Title]`, `"Title"` or `“Title”`."""
    match = _SET_APART.match(without_bold_marks(segment))
    return clean_field(next(filter(None, match.groups()))) if match else None


def parse_citation(runs: list[Run], *, line: int = 0, group: str | None = None) -> WorkIn | None:
    """Authors, title and venue from one entry; None when it has no title."""
    segments = split_top_level(marked_text(runs))
    authors, index = _author_run(segments, 0)
    rest = segments[index:]
    if len(authors) >= 2 and len(rest) == 1 and _certainly_venue(clean_field(rest[0])):
        # A short capitalised title reads like a name; the entry still needs a title.
        authors.pop()
        rest = segments[index - 1 :]
    venue: str | None = None
    year: int | None = None
    note: str | None = None
    title = _marked_title(rest[0]) if rest and not authors else None
    if title is not None:
        start = next((i for i, s in enumerate(rest) if i and parse_author(s)), len(rest))
        authors, end = _author_run(rest, start)
        venue_parts = rest[1:start] + rest[end:]
        if venue_parts:
            venue, year, note = split_venue(", ".join(venue_parts))
    else:
        if len(rest) >= 2 and looks_like_venue(clean_field(rest[-1])):
            venue, year, note = split_venue(rest[-1])
            rest = rest[:-1]
        title = clean_field(", ".join(rest))
    if not title:
        return None
    return WorkIn(
        title=title,
        authors=authors,
        venue=venue,
        year=year,
        note=note,
        group=group,
        links=typed_links(runs),
        line=line,
    )

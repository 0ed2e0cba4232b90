r"""One publication or project entry, as written in a list: authors, title, venue, year, note.

`Shwai He\*, **Daize Dong**\*, Liang Ding, Towards Efficient …, TMLR. [[Paper](…)]`
"""

import datetime as dt
import re

from schemas.common import Author, Link, LinkKind
from schemas.work import WorkIn
from seed.document.inline import Run, links_of, marked_text, plain_text, without_bold_marks
from seed.recognise.author_list import parse_author_line, without_footnote_marks
from seed.recognise.authors import is_et_al, is_name, parse_author
from seed.recognise.segments import AND, split_top_level

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_TRAILING_NOTE = re.compile(r"\s*[(（\[]([^()（）\[\]]*[a-z][^()（）\[\]]*)[)）\]]\s*$")
_JOINED_NAME = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")
"""`XitingLiu`: a name printed without its space, read as one when names stand on both sides."""
_SENTENCE_STOP = re.compile(r"(?<=[^\W\d_]{2})\.$|(?<=\))\.$")
"""The full stop after the last author or the date, not the one after an initial (`J. N.`)."""
_APA_WHEN = re.compile(r"\s*[(（]([^()（）]*(?:19|20)\d\d[^()（）]*)[)）]\s*$")
"""The date in parentheses after APA authors: `(2025)`, `(Jan 22, 2024)`."""
_PUBLISHER = re.compile(
    r"Nature|Science|IEEE|ACM|Springer|Elsevier|Wiley|Cell Press|PMLR|AAAI|MIT Press|OUP",
    re.IGNORECASE,
)
"""`Scientific Reports (Nature)`: the publisher in parentheses belongs to the venue."""
_SHORT_YEAR = re.compile(r"(?<=[A-Za-z])\s?['’](\d\d)(?!\d)")
"""A venue's two-digit year, `ICML'26` or `NeurIPS ’24`: 2026, 2024."""
_IDENTIFIER = re.compile(r"[,;.]?\s*(?:DOI\s*:?\s*10\.\S+|https?://\S+).*$", re.IGNORECASE)
"""A DOI or address printed after the venue, and what follows it: the work's link, no venue."""
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
    r"under review|to appear|manuscript|in preparation|working paper)\b",
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


def clean_field(text: str) -> str:
    text = without_bold_marks(text)
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = " ".join(text.split())
    text = text.strip(" *_\"'“”‘’").rstrip(".").strip(" *_")
    return _LEADING_DECORATION.sub("", text)


_LEADING_DECORATION = re.compile(r"^(?:[—–·•]|\s|[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F])+")
"""A dash left by a separator, or an emoji marking the item (`📝`), before a field's words."""


def looks_like_venue(text: str) -> bool:
    return bool(_YEAR.search(text) or _VENUE_WORDS.search(text) or _ACRONYM.search(text))


def certainly_venue(text: str) -> bool:
    return bool(_YEAR.search(text) or _VENUE_WORDS.search(text))


def split_venue(venue: str) -> tuple[str | None, int | None, str | None]:
    """The venue without its trailing note, the year it states, and the note: in parentheses
    at the end (`(Oral)`), or from a presentation or award word on (`ICLR Oral (top 1.5%)`)."""
    venue = clean_field(_DANGLING_LABEL.sub("", _IDENTIFIER.sub("", venue)))
    note = None
    award = _NOTE_FROM.search(venue)
    if award is not None and award.start() > 0:
        venue, note = venue[: award.start()], clean_field(award.group(1)) or None
    else:
        match = _TRAILING_NOTE.search(venue)
        if match is not None and not _PUBLISHER.fullmatch(match.group(1).strip()):
            note = clean_field(match.group(1)) or None
            venue = venue[: match.start()]
    venue = clean_field(venue)
    if note is None and (short := _SHORT_YEAR.search(venue)) and short.end() < len(venue):
        # `ICLR'26 Oral`: the venue ends with its two-digit year, what follows is the note
        venue, note = venue[: short.end()], clean_field(venue[short.end() :]) or None
    years = _YEAR.findall(venue)
    if years:
        return venue or None, int(years[-1]), note
    short = _SHORT_YEAR.search(venue)
    return venue or None, _century(int(short.group(1))) if short else None, note


def _century(two_digits: int) -> int:
    """`'26` is 2026 and `'98` 1998: the latest such year no later than next year."""
    year = 2000 + two_digits
    return year if year <= dt.date.today().year + 1 else year - 100


def _author_run(segments: list[str], start: int) -> tuple[list[Author], int]:
    """The authors from `start` on, and the index of the first segment that is not one."""
    authors: list[Author] = []
    index = start
    while index < len(segments):
        if is_et_al(segments[index]):
            index += 1
            continue
        segment = without_footnote_marks(segments[index])
        names = [parse_author(part) for part in AND.split(segment) if part.strip()]
        if names == [None] and _JOINED_NAME.match(
            without_bold_marks(segments[index]).strip("*#†‡ ")
        ):
            following = segments[index + 1] if index + 1 < len(segments) else ""
            if authors and parse_author(following) is not None:
                names = [Author(name=without_bold_marks(segments[index]).strip("*#†‡ "))]
        if not names or None in names:
            break
        authors.extend(name for name in names if name is not None)
        index += 1
    return authors, index


def _marked_title(segment: str) -> str | None:
    """A title set apart at the start of an entry: `[Title]`, `"Title"` or `“Title”`."""
    match = _SET_APART.match(without_bold_marks(segment))
    return clean_field(next(filter(None, match.groups()))) if match else None


_DOCUMENT_TYPE = re.compile(r"\[(?:J|C|M|D|P|R|S|N|Z|A|G|EB/OL|J/OL|C/OL|M/OL|DB/OL)\]")
"""GB/T 7714 document types after a title (`[J]` journal, `[C]` proceedings): markup, not text."""
LABEL_WORDS = frozenset(
    {"paper", "pdf", "code", "arxiv", "project", "page", "slides", "video", "poster", "website",
     "doi", "github", "bibtex", "bib", "link", "demo", "html", "supp", "supplementary"}
)  # fmt: skip
_WORDS = re.compile(r"[^\W\d_]+")


def _title_link(runs: list[Run]) -> tuple[int, int] | None:
    """Where the link whose text reads as a title is (three words or more, not a label such as
    `[Paper]`, not a person's name in a list of names), as a range of runs."""
    index = 0
    while index < len(runs):
        href = runs[index].href
        if href is None:
            index += 1
            continue
        end = index
        while end < len(runs) and runs[end].href == href:
            end += 1
        text = "".join(run.text for run in runs[index:end]).strip()
        before = "".join(run.text for run in runs[:index]).rstrip()
        labelled = text.startswith("[") or before.endswith("[")
        words = set(_WORDS.findall(text.lower()))
        after = "".join(run.text for run in runs[end:]).lstrip()
        among_names = is_name(without_bold_marks(text)) and (
            after.startswith((",", "and ", "&")) or before.endswith((",", " and", "&"))
        )
        if len(text.split()) >= 3 and not (labelled or among_names or words <= LABEL_WORDS):
            return index, end
        index = end
    return None


def _emphasised_venue(runs: list[Run]) -> str:
    """A venue part that opens with an emphasised span (`*Journal*, 35(7)`, `**ACL 2026**`) is
    that span; otherwise all of its text. Links are not venue."""
    span: list[str] = []
    before = ""
    for run in runs:
        if run.href is not None:
            continue
        text = _DOCUMENT_TYPE.sub(" ", run.text)
        if (run.italic or run.bold) and text.strip() and not before.strip(" .,;:|[]()"):
            span.append(text)
        elif span and text.strip():
            break
        else:
            before += text
    if span:
        return clean_field("".join(span)).strip(" ,;")
    return clean_field(before).strip(" ,;:.|")


_NAME_PREFIX = re.compile(r"^\W*(?P<name>\w[^,;:：—–]{0,30}?)\s*(?P<sep>[:：]|\s[—–])$")
"""A short name and a colon or dash before a linked title, which it opens."""


_AUTHORS_STOP = re.compile(r"(?<=[^\W\d_]{2})\.\s+")
"""The full stop after the last author's name (`Maria Lopez. ICSE'2022`), not after an initial."""


def _authors_then_venue(text: str) -> tuple[list[Author], str]:
    """The authors after a linked title and the venue after them: up to a full stop when
    what comes before it is all names, else as many names as open the text."""
    stop = _AUTHORS_STOP.search(text)
    if stop is not None and (authors := parse_author_line(text[: stop.start()])):
        return authors, text[stop.end() :]
    segments = split_top_level(text)
    authors, index = _author_run(segments, 0)
    return authors, ", ".join(segments[index:])


def _with_linked_title(
    runs: list[Run], at: tuple[int, int], line: int, group: str | None
) -> WorkIn:
    """`Authors. [Title](url). *Venue*, 2023` or `[Title](url), Authors, Venue`: the linked
    title splits the entry into authors before it (or just after it) and the venue."""
    start, end = at
    title = clean_field("".join(run.text for run in runs[start:end]).strip("[]"))
    before, after = runs[:start], runs[end:]
    if plain_text(after).startswith((":", "：")):
        after = []  # `[Helios](url): what it is` describes the work; it names no venue
    lead = _SENTENCE_STOP.sub("", marked_text(before).strip().rstrip(",;: "))
    when = _APA_WHEN.search(lead)
    if when is not None:  # APA: `Orben, A., & Matias, J. N. (2025). [Title](url). Venue.`
        lead = lead[: when.start()].rstrip(",;: ")
    authors = parse_author_line(lead) if plain_text(before) else None
    if not authors and (prefix := _NAME_PREFIX.match(plain_text(before))) is not None:
        # `**Helios** — [A Solver for Sparse Systems](url)`: the system's name opens the title
        separator = prefix["sep"].strip()
        title = f"{prefix['name']}{separator if separator in ':：' else ' ' + separator} {title}"
        before = []
    if authors:
        venue_text = _emphasised_venue(after)
        whole = "".join(run.text for run in after if run.href is None) + (
            when.group(1) if when else ""
        )
    else:
        authors, venue_text = _authors_then_venue(
            _DOCUMENT_TYPE.sub(" ", marked_text(after)).strip(" ,.;:")
        )
        whole = venue_text
    venue, year, note = split_venue(venue_text) if venue_text else (None, None, None)
    years = _YEAR.findall(_DOCUMENT_TYPE.sub(" ", whole))
    return WorkIn(
        title=title,
        authors=authors,
        venue=venue,
        year=year or (int(years[-1]) if years else None),
        note=note,
        group=group,
        links=typed_links(runs),
        line=line,
    )


def _leading_badge(runs: list[Run]) -> tuple[str | None, list[Run]]:
    """A code span or badge that opens an entry (`` `ICLR'26 Oral` `` Title, …) is its venue."""
    first = next((i for i, run in enumerate(runs) if run.text.strip()), None)
    if first is None or not (runs[first].code or runs[first].badge) or runs[first].href:
        return None, runs
    if is_name(runs[first].text.strip()):
        return None, runs  # `` `Jane Doe`, Wei Chen, … ``: the owner, marked in code
    return runs[first].text.strip(), runs[first + 1 :]


def parse_citation(runs: list[Run], *, line: int = 0, group: str | None = None) -> WorkIn | None:
    """Authors, title and venue from one entry; None when it has no title. A badge that opens
    the entry is its venue (and note), whatever the rest says."""
    badge, rest_runs = _leading_badge(runs)
    work = _citation(rest_runs, line, group) if badge else _citation(runs, line, group)
    if work is not None and badge is not None:
        work.venue, work.year, work.note = split_venue(badge)
        work.links = typed_links(runs)
    return work


_SPACED_DASH = re.compile(r"\s+[—–]\s+|\s+-{1,2}\s+")


def _title_then_venue(text: str) -> tuple[str, str] | None:
    """`Name — Title — Venue` with no authors: the parts between spaced dashes, the last one
    the venue when it reads as one, the others the title."""
    parts = [part.strip() for part in _SPACED_DASH.split(without_bold_marks(text))]
    if len(parts) < 2 or not all(parts):
        return None
    venue = clean_field(parts[-1])
    if not certainly_venue(venue) or len(venue.split()) > 12:
        return None
    return clean_field(" — ".join(parts[:-1])), venue


_PAGES = re.compile(r"(?<!\d)\d+\s*[-–—]{1,2}\s*\d+(?!\d)")
"""A range of pages (`2015-2031`), whose numbers may look like years but are none."""


def _years_outside_pages(text: str) -> list[str]:
    return _YEAR.findall(_PAGES.sub(" ", text)) or _YEAR.findall(text)


def _italic_opening(part: str, italic: set[str]) -> str | None:
    """The italic span a part opens with (`*Acoustics Letters* 12`: the volume follows)."""
    text = clean_field(part)
    spans = sorted(italic, key=len, reverse=True)
    return next((it for it in spans if it and (text == it or text.startswith(it + " "))), None)


def _with_italic_venue(
    runs: list[Run], authors: list[Author], rest: list[str], line: int, group: str | None
) -> WorkIn | None:
    """`Authors, Title, *Journal*, 316 (2022), 552--598`: the italic part after the title is
    the venue, and the year is the first one after it (never the pages)."""
    italic = {clean_field(run.text) for run in runs if run.italic and run.href is None}
    at, span = next(
        ((i, it) for i, part in enumerate(rest) if i and (it := _italic_opening(part, italic))),
        (None, ""),
    )
    if at is None:
        return None
    venue, year, note = split_venue(span)
    years = _years_outside_pages(", ".join(rest[at + 1 :]))
    return WorkIn(
        title=clean_field(", ".join(rest[:at])),
        authors=authors,
        venue=venue,
        year=year or (int(years[0]) if years else None),
        note=note,
        group=group,
        links=typed_links(runs),
        line=line,
    )


def _citation(runs: list[Run], line: int, group: str | None) -> WorkIn | None:
    if (at := _title_link(runs)) is not None:
        return _with_linked_title(runs, at, line, group)
    segments = split_top_level(marked_text(runs))
    authors, index = _author_run(segments, 0)
    if not authors and (dashed := _title_then_venue(marked_text(runs))) is not None:
        named_venue, named_year, named_note = split_venue(dashed[1])
        return WorkIn(
            title=dashed[0],
            venue=named_venue,
            year=named_year,
            note=named_note,
            group=group,
            links=typed_links(runs),
            line=line,
        )
    rest = segments[index:]
    if not rest and len(segments) == 1:
        authors, rest = [], segments  # a lone segment is a title, however much it reads as a name
    if len(authors) >= 2 and len(rest) == 1 and certainly_venue(clean_field(rest[0])):
        # A short capitalised title reads like a name; the entry still needs a title.
        authors.pop()
        rest = segments[index - 1 :]
    venue: str | None = None
    year: int | None = None
    note: str | None = None
    if authors and (italic := _with_italic_venue(runs, authors, rest, line, group)) is not None:
        return italic
    title = _marked_title(rest[0]) if rest and not authors else None
    if title is None and not authors and len(rest) >= 3 and len(_author_run(rest, 1)[0]) >= 2:
        title = clean_field(rest[0])  # `Title, A, B, Venue`: the names come after the title
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

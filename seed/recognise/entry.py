"""One publication or project written over several lines (title / authors / venue / links), as
in paper boxes, blockquotes and APA lists; one-line entries go to `seed.recognise.citation`."""

import re
from dataclasses import dataclass, replace

from schemas.common import Author, Link, LinkKind
from schemas.work import WorkIn
from seed.document.inline import Run, marked_text, plain_text
from seed.recognise.asides import is_description, is_legend
from seed.recognise.author_list import parse_author_line
from seed.recognise.citation import (
    _YEAR,
    LABEL_WORDS,
    clean_field,
    parse_citation,
    split_venue,
    typed_links,
)

_APA = re.compile(
    r"^(?P<authors>.+?)\s*[(（](?P<when>(?:19|20)\d\d[a-z]?|in press|forthcoming|n\.\s?d\.|"
    r"accepted|submitted|under review)[^()（）]*[)）]\.?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_CODE_HOST = re.compile(r"^https?://(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org)/")
_PUNCTUATION = re.compile(r"^[\s\[\]()|,.;:·•/\\-]*$")
_ROLE = re.compile(
    r"^\W*(?:supervisors?|advisors?|supervised by|advised by|mentors?|collaborators?|"
    r"keywords?|tools?|tech stack)\s*[:：]",
    re.IGNORECASE,
)
_DATE = (
    r"(?:(?:19|20)\d\d\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d(?:[./-]\d{1,2})?)"
)
_OPENING_PERIOD = re.compile(
    rf"^[\s*_\[(]*{_DATE}\s*(?:[-–—~]|to)\s*(?:{_DATE}|present|now|today|current|ongoing)"
    r"(?:\s*\([^)]*\))?[\s*_\])]*[,:;|\-–—]?\s*",
    re.IGNORECASE,
)
_NAME_THEN_PERIOD = re.compile(r"[^\W\d_]{2,}\.\s+")
"""The first word of two or more letters that ends a sentence (an initial such as `M.` does not)."""


@dataclass
class _Line:
    runs: list[Run]

    @property
    def text(self) -> str:
        return plain_text(self.runs)

    def unlinked(self) -> str:
        return clean_field(marked_text(self.runs)).strip(" ,;")

    def is_links(self) -> bool:
        return _PUNCTUATION.match(marked_text(self.runs)) is not None and not self.title_link()

    def is_role(self) -> bool:
        """`Supervisor: …`, `Keywords: …`: a detail of the work, never its title or venue."""
        return _ROLE.match(self.text) is not None

    def is_heading(self) -> bool:
        return all(run.heading or not run.text.strip() for run in self.runs)

    def is_badge(self) -> bool:
        return all(run.badge or not run.text.strip() for run in self.runs)

    def title_link(self) -> Run | None:
        first = next((run for run in self.runs if run.text.strip()), None)
        if first is None or first.href is None or first.text.lstrip().startswith("["):
            return None
        words = first.text.split()
        # One bold linked word (`**[Helios](url)**`) is a project's name, unless it is a label.
        named = first.bold and len(words) == 1 and words[0].lower().strip(".:") not in LABEL_WORDS
        return first if len(words) >= 2 or named else None


def split_lines(runs: list[Run]) -> list[_Line]:
    """The entry's lines; a line that opens with its authors and goes on after a sentence
    period (`A Ruiz, M Lopez. ACM Computing Surveys, 2022.`) is an author line and the next."""
    lines: list[list[Run]] = [[]]
    for run in runs:
        if run.text == "\n":
            lines.append([])
        else:
            lines[-1].append(run)
    return [part for line in lines if plain_text(line) for part in _authors_then_rest(line)]


def _authors_then_rest(runs: list[Run]) -> list[_Line]:
    text = "".join(run.text for run in runs)
    match = _NAME_THEN_PERIOD.search(text)
    if match is not None:
        left, right = split_runs(runs, match.end())
        if plain_text(right) and parse_author_line(marked_text(left)):
            return [_Line(left), _Line(right)]
    return [_Line(runs)]


def split_runs(runs: list[Run], offset: int) -> tuple[list[Run], list[Run]]:
    """The runs before and after a character offset into their joined text."""
    left: list[Run] = []
    right: list[Run] = []
    position = 0
    for run in runs:
        end = position + len(run.text)
        if end <= offset:
            left.append(run)
        elif position >= offset:
            right.append(run)
        else:
            cut = offset - position
            left.append(replace(run, text=run.text[:cut]))
            right.append(replace(run, text=run.text[cut:]))
        position = end
    return left, right


def _venue_text(line: _Line, *, anywhere: bool = False) -> str:
    """The italic span a venue line starts with (`*Ergonomics*, *66*(11)`), else the whole line
    up to an unclosed bracket; `anywhere` takes the first italic span wherever it is."""
    span: list[str] = []
    for run in line.runs:
        if run.italic and run.href is None:
            span.append(run.text)
        elif (span and run.text.strip()) or (not anywhere and run.text.strip() not in ("", "In")):
            break
    text = clean_field("".join(span)).strip(" ,;")
    if text and not text.isdigit():
        return text
    whole = line.unlinked()
    if whole.count("[") > whole.count("]"):
        whole = whole[: whole.rindex("[")].strip(" ,;")
    return whole


def _year(*texts: str) -> int | None:
    for text in texts:
        years = _YEAR.findall(text)
        if years:
            return int(years[-1])
    return None


def without_period(runs: list[Run]) -> list[Run]:
    """The entry without the period of time that opens it (`*2025.09 - Present*, Title`):
    when the work was done, not its title or its year."""
    match = _OPENING_PERIOD.match("".join(run.text for run in runs))
    return split_runs(runs, match.end())[1] if match else runs


def _title(line: _Line) -> tuple[str, str | None]:
    """The title of a title line, and a note in parentheses after a linked title."""
    line = _Line(without_period(line.runs))
    link = line.title_link()
    if link is None:
        return clean_field(line.text.strip("[]")), None
    rest = clean_field(marked_text(line.runs)).strip(" ()[]")
    return clean_field(link.text.strip("[]")), rest or None


def _links(runs: list[Run], title_url: str | None) -> list[Link]:
    """The entry's links; a linked title is its paper (or code) link, unless the same URL is
    listed again under its own label."""
    links = typed_links(runs)
    index = next((i for i, link in enumerate(links) if link.url == title_url), None)
    if index is None:
        return links
    if any(link.url == title_url for i, link in enumerate(links) if i != index):
        return links[:index] + links[index + 1 :]
    kind = LinkKind.code if _CODE_HOST.search(links[index].url) else LinkKind.paper
    links[index] = links[index].model_copy(update={"label": kind.value.title(), "kind": kind})
    return links


def _authors_at(lines: list[_Line]) -> tuple[int, list[Author], str | None, str | None] | None:
    """The first author line (lines of several authors first, then of one marked author): its
    index, authors, and for APA lines the year and the rest."""
    for least in (2, 1):
        for index, line in enumerate(lines):
            text = marked_text(line.runs)
            apa = _APA.match(text)
            if apa and (authors := parse_author_line(apa.group("authors"))):
                return index, authors, apa.group("when"), apa.group("rest")
            if (authors := parse_author_line(text)) and len(authors) >= least:
                return index, authors, None, None
    return None


def is_aside(text: str) -> bool:
    return is_legend(text) or is_description(text)


def _without_badges(lines: list[_Line]) -> tuple[list[_Line], str | None]:
    """The lines without their badges, and the badges' text: a badge line of its own, or a
    badge that opens a line (`<span class="venue">ICLR 2025</span> **Title**`)."""
    kept: list[_Line] = []
    badges: list[str] = []
    heading = next((i for i, line in enumerate(lines) if line.is_heading()), 0)
    badges += [line.text for line in lines[:heading]]  # a card's caption over its heading
    for line in lines[heading:]:
        if line.is_badge():
            badges.append(line.text)
            continue
        first = next(i for i, run in enumerate(line.runs) if run.text.strip())
        end = next(i for i, run in enumerate(line.runs) if i >= first and not run.badge)
        if end > first and line.runs[first].href is None:
            badges.append(plain_text(line.runs[:end]))
            line = _Line(line.runs[end:])
        kept.append(line)
    return kept, " ".join(badges) or None


def parse_entry(runs: list[Run], *, line: int = 0, group: str | None = None) -> WorkIn | None:
    lines, badge = _without_badges(split_lines(runs))
    found = _authors_at(lines) if len(lines) > 1 else None
    if found is None:
        return _one_line(lines, runs, line, group, badge)
    at, authors, when, apa_rest = found
    rest = [x for i, x in enumerate(lines) if i != at and not x.is_links() and not x.is_role()]
    title_line = next((x for x in rest if lines.index(x) < at), rest[0] if rest else None)
    if title_line is None:
        return None
    title, title_note = _title(title_line)
    others = [x for x in rest if x is not title_line and not is_aside(x.text)]
    venue_text = clean_field(apa_rest or "").removeprefix("In ").strip(" ,")
    if apa_rest is not None:
        italic = any(run.italic for run in lines[at].runs)
        venue_text = _venue_text(lines[at], anywhere=True) if italic else venue_text
    elif others:
        venue_text = _venue_text(others[0])
    venue, year, note = split_venue(venue_text or badge or "")
    year = year or _year(when or "", *(x.text for x in others), badge or "")
    link = title_line.title_link()
    return WorkIn(
        title=title,
        authors=authors,
        venue=venue,
        year=year,
        note=note or title_note,
        group=group,
        links=_links(runs, link.href if link else None),
        line=line,
    )


def _one_line(
    lines: list[_Line], runs: list[Run], line: int, group: str | None, badge: str | None
) -> WorkIn | None:
    """Entries with no author line of their own: a one-line citation, or a bare title."""
    content = [x for x in lines if not x.is_links()]
    if not content:
        return None
    work = parse_citation(content[0].runs, line=line, group=group)
    if work is None and (named := content[0].title_link()) is not None:
        work = WorkIn(title=clean_field(named.text), group=group, line=line)
    if work is None:
        return None
    if len(content) > 1 and not work.authors:
        title, note = _title(content[0])
        work.title, work.note = title, work.note or note
    if work.venue is None and badge:
        work.venue, work.year, work.note = split_venue(badge)[0], _year(badge), work.note
    link = content[0].title_link()
    work.links = _links(runs, link.href if link else None)
    return work

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
    certainly_venue,
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
_AUTHOR_COLON = re.compile(r"\s*[:：]\s+")
_QUOTED = re.compile(r'^\s*(?:"[^"]+"|“[^”]+”)')
"""A title in quotes, as MLA, IEEE and some APA lists print it."""
_NUMBER = re.compile(r"^\s*(?:\[[A-Z]{0,3}\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])\s+")
"""An entry's number or label: `1.`, `2)`, `(3)`, `[12]`, `[J1]`, `[C3]`."""
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
    for index, run in enumerate(runs):
        if run.text == "\n" and (href := _link_around(runs, index)) is not None:
            lines[-1].append(Run(" ", href=href))  # a link's text wrapped onto the next line
        elif run.text == "\n":
            lines.append([])
        else:
            lines[-1].append(run)
    return [part for line in lines if plain_text(line) for part in _authors_then_rest(line)]


def _link_around(runs: list[Run], index: int) -> str | None:
    """The link a line break falls inside of: the runs on both sides share its address."""
    if 0 < index < len(runs) - 1 and runs[index - 1].href == runs[index + 1].href:
        return runs[index - 1].href
    return None


def _author_ends(text: str) -> list[tuple[int, int, int]]:
    """Where an author list may end in a one-line entry, as (end of the authors, start of the
    rest, the least authors it takes): at the first sentence period, after an APA date
    (`(2026).`), or at a colon after two authors or more (`A, B: Title`)."""
    ends = []
    if (stop := _NAME_THEN_PERIOD.search(text)) is not None:
        ends.append((stop.end(), stop.end(), 1))
    if (apa := _APA.match(text)) is not None:
        ends.append((apa.start("rest"), apa.start("rest"), 1))
    if (colon := _AUTHOR_COLON.search(text)) is not None:
        ends.append((colon.start(), colon.end(), 2))
    return sorted(ends)


def _author_count(text: str) -> int:
    apa = _APA.match(text)
    return len(parse_author_line(apa.group("authors") if apa else text) or [])


def _authors_then_rest(runs: list[Run]) -> list[_Line]:
    """A line that opens with its authors (`A Ruiz, M Lopez. Title. Venue 2022.`) is an
    author line, then the title and the venue."""
    for end, start, least in _author_ends("".join(run.text for run in runs)):
        left, right = split_runs(runs, end)[0], split_runs(runs, start)[1]
        if least > 1 and left and left[-1].href is not None:
            continue  # a colon in a link's text is part of the title
        if plain_text(right).strip() and _author_count(marked_text(left)) >= least:
            rest = _title_and_venue(right)
            if len(rest) == 1 and _APA.match(marked_text(left)):
                break  # an APA line keeps what follows its date: its venue, read with it
            return [_Line(left), *rest]
    return [_Line(runs)]


def _title_end(runs: list[Run], text: str) -> int | None:
    """Where the title that opens a line ends: after its link (unless a note in brackets
    follows) or its quotes, or at the first sentence period when a venue follows."""
    link = _Line(runs).title_link()
    if link is not None:
        at = next(i for i, run in enumerate(runs) if run is link)
        end = next((i for i in range(at, len(runs)) if runs[i].href != link.href), len(runs))
        cut = len("".join(run.text for run in runs[:end]))
        after = text[cut:].lstrip(" .,;:")  # a note in brackets stays with the title
        return cut if after[:1].isalnum() else None
    if (quoted := _QUOTED.match(text)) is not None:
        return quoted.end()
    stop = _NAME_THEN_PERIOD.search(text)
    return stop.end() if stop is not None and certainly_venue(text[stop.end() :]) else None


def _title_and_venue(runs: list[Run]) -> list[_Line]:
    """The title and the venue of what follows the authors, when a link, quotes or a period
    sets the title apart (`Title. NeurIPS 2023.`); else the one line."""
    text = "".join(run.text for run in runs)
    cut = _title_end(runs, text)
    if cut is None:
        return [_Line(runs)]
    skip = len(text[cut:]) - len(text[cut:].lstrip(" .,;:"))
    title, venue = split_runs(runs, cut)[0], split_runs(runs, cut + skip)[1]
    return [_Line(title), _Line(venue)] if plain_text(venue).strip() else [_Line(title)]


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


def without_number(runs: list[Run]) -> list[Run]:
    """The entry without the number or label it opens with (`**1.**`, `[J1]`, `(3)`): its
    place in the list, never a word of its title or its first author."""
    match = _NUMBER.match("".join(run.text for run in runs))
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
    index, authors, and for APA lines the year and the rest (the venue, when it ends the line)."""
    for least in (2, 1):
        for index, line in enumerate(lines):
            text = marked_text(line.runs)
            apa = _APA.match(text)
            if apa and (authors := parse_author_line(apa.group("authors"))):
                return index, authors, apa.group("when"), apa.group("rest")
            if (authors := parse_author_line(text)) and len(authors) >= least:
                return index, authors, None, None
            if (glued := _glued_venue(text)) is not None and len(glued[0]) >= least:
                return index, glued[0], None, glued[1]
    return None


def _glued_venue(text: str) -> tuple[list[Author], str] | None:
    """`A Ruiz, J Doe, TOSEM'2021`: an author line whose last part is the venue and year."""
    head, comma, last = text.rpartition(",")
    if comma and _YEAR.search(last) and (authors := parse_author_line(head)):
        return authors, last
    return None


def _is_venue_line(line: _Line) -> bool:
    """A line all in italics that states a year or a venue word: a venue, not a title."""
    runs = [run for run in line.runs if run.text.strip()]
    return all(run.italic and run.href is None for run in runs) and certainly_venue(line.text)


def is_aside(text: str) -> bool:
    return is_legend(text) or is_description(text)


def _badge(run: Run) -> bool:
    """A badge, or a code span that names a venue (`` `TPAMI 2025` ``): a venue label."""
    return run.badge or (run.code and certainly_venue(run.text))


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
        runs = line.runs
        end = next((i for i, run in enumerate(runs) if i >= first and not _badge(run)), len(runs))
        if end > first and runs[first].href is None:
            badges.append(plain_text(runs[:end]))
            line = _Line(runs[end:])
        if plain_text(line.runs).strip():
            kept.append(line)
    return kept, " ".join(badges) or None


def parse_entry(runs: list[Run], *, line: int = 0, group: str | None = None) -> WorkIn | None:
    runs = without_number(runs)
    lines, badge = _without_badges(split_lines(runs))
    found = _authors_at(lines) if len(lines) > 1 else None
    if found is None:
        return _one_line(lines, runs, line, group, badge)
    at, authors, when, apa_rest = found
    rest = [x for i, x in enumerate(lines) if i != at and not x.is_links() and not x.is_role()]
    above = [x for x in rest if lines.index(x) < at]
    title_line = above[0] if above else (rest[0] if rest else None)
    if title_line is None:
        return None
    if len(above) >= 2 and _is_venue_line(above[0]):
        title_line = above[1]  # `*NeurIPS 2023*` printed over the title
    title, title_note = _title(title_line)
    others = [x for x in rest if x is not title_line and not is_aside(x.text)]
    venue_text = clean_field(apa_rest or "").removeprefix("In ").strip(" ,")
    if apa_rest:
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

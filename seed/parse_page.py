"""A whole page: Markdown text in, a typed `PageIn` and warnings out. No database here."""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pydantic import ValidationError

from schemas.interest import InterestIn
from schemas.news import NewsIn
from schemas.page import PageIn
from schemas.section import SectionIn
from schemas.work import WorkIn
from seed.document.blocks import Lines
from seed.document.front_matter import PageSource, read_page_source
from seed.document.html_reader import html_text
from seed.document.pieces import PIECE_LINES
from seed.document.render import render_html
from seed.errors import Diagnostic, PageError
from seed.packed import Packed, PackedPage
from seed.recognise.authors import same_person
from seed.recognise.diagnose import source_warnings, work_warnings
from seed.recognise.headings import SectionKind, is_about_heading
from seed.recognise.hints import read_hints
from seed.recognise.interests import interests_of_intro, interests_of_section
from seed.recognise.marked_items import marked_publications
from seed.recognise.news import parse_news, read_news
from seed.recognise.page_parts import outline_parts
from seed.recognise.profile import marked_authors, names_the_owner, parse_profile
from seed.recognise.sections import Outline
from seed.recognise.works import parse_works, read_works
from seed.report import FileRead

_LIQUID_LEFTOVER = re.compile(r"(?:\s*(?:[-*+]|\d{1,3}[.)])(?:[ \t]+|$))+\s*")
"""Only list markers: the items a Liquid loop would have filled (`- {{ talk.title }}`)."""
_PUBLICATIONS_NAMED = re.compile(r"\b(?:publications?|papers|preprints|articles)\b", re.IGNORECASE)


_LISTED_KINDS = (SectionKind.news, SectionKind.publications, SectionKind.projects)


@dataclass
class ParsedPage:
    content: PageIn | PackedPage
    """The page; a page read from Markdown keeps its long lists packed until they are loaded."""
    warnings: list[Diagnostic] = field(default_factory=list)
    read: list[FileRead] = field(default_factory=list)

    @property
    def page(self) -> PageIn:
        """The page, every list in it (site collections are merged into it, in place)."""
        if isinstance(self.content, PackedPage):
            self.content = self.content.unpacked()
        return self.content


def _other_section(
    section: Outline, lines: Lines, source: PageSource, moved: Sequence[tuple[int, int]] = ()
) -> SectionIn | None:
    """The section as the owner wrote it, less the `moved` line ranges (its items read as
    publications)."""
    kept = [
        line
        for number, line in enumerate(lines.lines[section.content_line : section.end_line])
        if not any(start <= section.content_line + number < end for start, end in moved)
    ]
    markdown = "\n".join(kept).strip()
    if not section.title or not markdown or _LIQUID_LEFTOVER.fullmatch(markdown):
        return None
    return SectionIn(
        title=section.title,
        markdown=markdown,
        html=render_html(markdown),
        line=source.file_line(section.line),
    )


def visible_text(markdown: str) -> str:
    """What a reader sees of some Markdown: no tags (`<span class='anchor'>`), no blank space."""
    # Entities stay as written: an introduction of only `&nbsp;` has always counted as text.
    return " ".join(html_text(markdown, decode_entities=False).split())


def _cited(works: list[WorkIn]) -> list[WorkIn]:
    """The works that read as citations: authors, with a venue or a year."""
    return [work for work in works if work.authors and (work.venue or work.year)]


def _lists_publications(section: Outline, works: list[WorkIn]) -> bool:
    """A section of unknown kind lists publications, whatever its heading says, when its
    entries (`works`, read as publications) are citations, two or more and most of them, and
    either its opening sentence says they are publications or papers, or the owner is marked
    in bold among the authors of most of them, as publication lists do."""
    cited = _cited(works)
    if len(cited) < 2 or len(cited) < 0.6 * len(works):
        return False
    marked = sum(any(author.is_owner for author in work.authors) for work in cited)
    return marked >= 0.6 * len(works) or _introduces_publications(section)


def _looks_like(section: Outline, source: PageSource, works: list[WorkIn]) -> str | None:
    """What a section read as plain text looks like it lists: citations, dated news, or
    neither."""
    if len(_cited(works)) >= 2:
        return "citations"
    items = parse_news(section, source)[0]
    if len(items) >= 2 and all(item.date is not None for item in items):
        return "dated news"
    return None


def _unknown_kind_warnings(
    unknown: list[tuple[Outline, str]], source: PageSource, has_news: bool
) -> list[Diagnostic]:
    """The owner may want a `homepage: sections:` hint for these (dated lists only where the
    page has no news, since awards and positions are dated too)."""
    return [
        Diagnostic(
            source.path,
            source.file_line(section.line),
            f"section {section.title!r} is read as plain text, but its items look like {kind}; "
            "a `homepage: sections:` hint can say what it is",
        )
        for section, kind in unknown
        if kind == "citations" or not has_news
    ]


def _introduces_publications(section: Outline) -> bool:
    first = next((token for token in section.tokens if token.type == "inline"), None)
    if first is None or section.tokens.index(first) > 2:
        return False
    return len(first.content) <= 300 and _PUBLICATIONS_NAMED.search(first.content) is not None


def mark_owner(
    works: list[WorkIn],
    owner: str | None,
    aliases: Sequence[str] = (),
    known: dict[str, bool] | None = None,
) -> None:
    """Authors named like the owner (or as one of the names the owner's hints give) are the
    owner, bold or not. `known` holds the names already told apart, from batch to batch."""
    names = [name for name in (owner, *aliases) if name]
    known = {} if known is None else known  # an author list names the same people again and again
    for work in works:
        for author in work.authors:
            if author.name not in known:
                known[author.name] = any(same_person(author.name, name) for name in names)
            if known[author.name]:
                author.is_owner = True


class _Found:
    """What the sections yield, kept packed, with the warnings about works to come last."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.news: Packed[NewsIn] = Packed()
        self.works: dict[str, Packed[WorkIn]] = {"publication": Packed(), "project": Packed()}
        self.marked: dict[str, Counter[str]] = {"publication": Counter(), "project": Counter()}
        self.notes: dict[str, list[Diagnostic]] = {"publication": [], "project": []}

    def add_works(
        self, noun: str, works: Iterable[WorkIn | Diagnostic], into: list[Diagnostic]
    ) -> None:
        for found in works:
            if isinstance(found, Diagnostic):
                into.append(found)
                continue
            self.works[noun].append(found)
            marked_authors([found], self.marked[noun])
            self.notes[noun].extend(work_warnings(self.path, [found], noun))


def parse_source(
    source: PageSource, owner_name: str | None = None, window_lines: int = PIECE_LINES
) -> ParsedPage:
    """The page read from its source; a long list is read `window_lines` lines at a time."""
    if not source.body.strip():
        raise PageError(source.path, source.body_line, "the page has no content to load")
    lines = Lines.of(source.body)
    hints = read_hints(source)
    intro, sections, parts = outline_parts(lines.lines, hints.kind_of, window_lines)
    if not visible_text(lines.text(0, intro.end_line)):
        about = next((section for section in sections if is_about_heading(section.title)), None)
        first = sections[0] if sections else None
        if (
            about is None
            and first is not None
            and first.level == 1
            and names_the_owner(first.title, source.body)
        ):
            about = first  # the page opens with its owner's name, as its title, over the bio
        if about is not None:
            sections.remove(about)
            intro = about
    intro.tokens = parts.tokens(intro)
    found = _Found(source.path)
    interests: list[InterestIn] = []
    others: list[SectionIn] = []
    other_outlines: list[Outline] = [intro]
    unknown: list[tuple[Outline, str]] = []
    warnings: list[Diagnostic] = []
    for section in sections:
        windows = parts.windows(section) if section.kind in _LISTED_KINDS else None
        section.tokens = parts.tokens(section) if windows is None else []
        as_works: tuple[list[WorkIn], list[Diagnostic]] = ([], [])
        moved: list[tuple[int, int]] = []
        unhinted = section.kind is SectionKind.other and hints.kind_of(section.title) is None
        if unhinted and (marked := marked_publications(section)) is not None:
            found_works, found_warnings = parse_works(marked[0], source, "publication")
            found.add_works("publication", found_works, warnings)
            warnings.extend(found_warnings)
            moved = marked[1]
        elif unhinted:
            as_works = parse_works(section, source, "publication")  # read once, kept if it fits
            if _lists_publications(section, as_works[0]):
                section.kind = SectionKind.publications
        if section.kind is SectionKind.news:
            undated: list[Diagnostic] = []
            for item in read_news(section, source, lines, windows):
                found.news.append(item)
                if item.date is None:
                    undated.append(Diagnostic(source.path, item.line, "news item has no date"))
            warnings.extend(undated)
        elif section.kind in (SectionKind.publications, SectionKind.projects):
            noun = "publication" if section.kind is SectionKind.publications else "project"
            if as_works[0]:
                found.add_works(noun, [*as_works[0], *as_works[1]], warnings)
            else:
                listed = True if windows is not None else None
                found.add_works(
                    noun, read_works(section, source, noun, windows, listed=listed), warnings
                )
        elif section.kind is SectionKind.interests:
            interests.extend(interests_of_section(section))
        else:
            if (looks := _looks_like(section, source, as_works[0])) is not None:
                unknown.append((section, looks))
            other_outlines.append(section)
            if (other := _other_section(section, lines, source, moved)) is not None:
                others.append(other)
        if section.kind is not SectionKind.other:
            section.tokens = []  # read: let its tokens go
    for outline in other_outlines:
        interests = interests or interests_of_intro(outline)
    warnings.extend(source_warnings(source))
    warnings.extend(_unknown_kind_warnings(unknown, source, bool(len(found.news))))
    warnings.extend(found.notes["publication"])
    warnings.extend(found.notes["project"])
    publications, projects = found.works["publication"], found.works["project"]
    named_publications = [s for s in sections if s.kind is SectionKind.publications]
    if named_publications and not len(publications):
        line = source.file_line(named_publications[0].line)
        warnings.append(
            Diagnostic(
                source.path, line, "a publications heading, and no publications read under it"
            )
        )
    bold = found.marked["publication"] + found.marked["project"]
    profile = parse_profile(intro, lines, bold, source.front_matter)
    profile.name = owner_name or hints.owner or profile.name

    known: dict[str, bool] = {}

    def mark(works: list[WorkIn]) -> None:
        mark_owner(works, profile.name, hints.aliases, known)

    publications.prepare = projects.prepare = mark
    page = PackedPage(
        profile=profile,
        interests=interests,
        news=found.news,
        publications=publications,
        projects=projects,
        sections=others,
    )
    return ParsedPage(content=page, warnings=warnings)


def parse_page(path: str, text: str, owner_name: str | None = None) -> ParsedPage:
    """Parse one page given as text; `path` only names it in diagnostics."""
    source = read_page_source(path, text)
    try:
        return parse_source(source, owner_name)
    except ValidationError as error:
        # A value the typed models refuse is a problem in the page, reported like any other.
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise PageError(path, 0, f"cannot be loaded: {where}: {first['msg']}") from None

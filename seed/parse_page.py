"""A whole page: Markdown text in, a typed `PageIn` and warnings out. No database here."""

import re
from collections.abc import Sequence
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
from seed.document.render import render_html
from seed.errors import Diagnostic, PageError
from seed.recognise.authors import same_person
from seed.recognise.diagnose import source_warnings, work_warnings
from seed.recognise.headings import SectionKind, is_about_heading
from seed.recognise.hints import read_hints
from seed.recognise.interests import interests_of_intro, interests_of_section
from seed.recognise.marked_items import marked_publications
from seed.recognise.news import parse_news
from seed.recognise.profile import names_the_owner, parse_profile
from seed.recognise.sections import Outline, outline_page
from seed.recognise.works import parse_works
from seed.report import FileRead

_LIQUID_LEFTOVER = re.compile(r"(?:\s*(?:[-*+]|\d{1,3}[.)])(?:[ \t]+|$))+\s*")
"""Only list markers: the items a Liquid loop would have filled (`- {{ talk.title }}`)."""
_PUBLICATIONS_NAMED = re.compile(r"\b(?:publications?|papers|preprints|articles)\b", re.IGNORECASE)


@dataclass
class ParsedPage:
    page: PageIn
    warnings: list[Diagnostic] = field(default_factory=list)
    read: list[FileRead] = field(default_factory=list)


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


def mark_owner(works: list[WorkIn], owner: str | None, aliases: Sequence[str] = ()) -> None:
    """Authors named like the owner (or as one of the names the owner's hints give) are the
    owner, bold or not."""
    names = [name for name in (owner, *aliases) if name]
    known: dict[str, bool] = {}  # an author list names the same people again and again
    for work in works:
        for author in work.authors:
            if author.name not in known:
                known[author.name] = any(same_person(author.name, name) for name in names)
            if known[author.name]:
                author.is_owner = True


def parse_source(source: PageSource, owner_name: str | None = None) -> ParsedPage:
    if not source.body.strip():
        raise PageError(source.path, source.body_line, "the page has no content to load")
    lines = Lines.of(source.body)
    hints = read_hints(source)
    intro, sections = outline_page(source.body, hints.kind_of)
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
    news: list[NewsIn] = []
    publications: list[WorkIn] = []
    projects: list[WorkIn] = []
    interests: list[InterestIn] = []
    others: list[SectionIn] = []
    other_outlines: list[Outline] = [intro]
    unknown: list[tuple[Outline, str]] = []
    warnings: list[Diagnostic] = []
    for section in sections:
        as_works: tuple[list[WorkIn], list[Diagnostic]] = ([], [])
        moved: list[tuple[int, int]] = []
        unhinted = section.kind is SectionKind.other and hints.kind_of(section.title) is None
        if unhinted and (marked := marked_publications(section)) is not None:
            found_works, found_warnings = parse_works(marked[0], source, "publication")
            publications.extend(found_works)
            warnings.extend(found_warnings)
            moved = marked[1]
        elif unhinted:
            as_works = parse_works(section, source, "publication")  # read once, kept if it fits
            if _lists_publications(section, as_works[0]):
                section.kind = SectionKind.publications
        if section.kind is SectionKind.news:
            found_news, found_warnings = parse_news(section, source)
            news.extend(found_news)
            warnings.extend(found_warnings)
        elif section.kind in (SectionKind.publications, SectionKind.projects):
            noun = "publication" if section.kind is SectionKind.publications else "project"
            works, found_warnings = as_works if as_works[0] else parse_works(section, source, noun)
            (publications if noun == "publication" else projects).extend(works)
            warnings.extend(found_warnings)
        elif section.kind is SectionKind.interests:
            interests.extend(interests_of_section(section))
        else:
            if (looks := _looks_like(section, source, as_works[0])) is not None:
                unknown.append((section, looks))
            other_outlines.append(section)
            if (other := _other_section(section, lines, source, moved)) is not None:
                others.append(other)
    for outline in other_outlines:
        interests = interests or interests_of_intro(outline)
    warnings.extend(source_warnings(source))
    warnings.extend(_unknown_kind_warnings(unknown, source, bool(news)))
    warnings.extend(work_warnings(source.path, publications, "publication"))
    warnings.extend(work_warnings(source.path, projects, "project"))
    named_publications = [s for s in sections if s.kind is SectionKind.publications]
    if named_publications and not publications:
        line = source.file_line(named_publications[0].line)
        warnings.append(
            Diagnostic(
                source.path, line, "a publications heading, and no publications read under it"
            )
        )
    all_works: list[WorkIn] = [*publications, *projects]
    profile = parse_profile(intro, lines, all_works, source.front_matter)
    profile.name = owner_name or hints.owner or profile.name
    mark_owner(all_works, profile.name, hints.aliases)
    page = PageIn(
        profile=profile,
        interests=interests,
        news=news,
        publications=publications,
        projects=projects,
        sections=others,
    )
    return ParsedPage(page=page, warnings=warnings)


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

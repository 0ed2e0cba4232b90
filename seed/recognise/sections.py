"""Cut a page body into its sections, by headings, using markdown-it's block tokens."""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it.token import Token

from seed.document.inline import inline_runs, plain_text
from seed.document.render import inline_children, parse_blocks
from seed.recognise.asides import is_sentences
from seed.recognise.headings import SectionKind, clean_title, section_kind


@dataclass
class Outline:
    title: str
    kind: SectionKind
    line: int
    """0-based body line of the heading (or of the first block, for the introduction)."""
    level: int
    tokens: list[Token] = field(default_factory=list)
    end_line: int = 0
    """0-based body line where the section ends (exclusive)."""
    content_line: int = 0
    """0-based body line where the section's content starts (after a setext underline too)."""
    tokens_line: int = 0
    """0-based body line where its tokens start: the content, or the heading of a year."""


def heading_text(tokens: list[Token], index: int) -> str:
    """The heading's words; a superscript on it is a mark (`Jane Smith<sup>PhD</sup>`)."""
    inline = tokens[index + 1]
    return plain_text([run for run in inline_runs(inline_children(inline)) if not run.sup])


def _level(token: Token) -> int:
    return int(token.tag[1:])


Hinted = Callable[[str], SectionKind | None]
"""The kind the owner's hints give a heading's text, if they name it (`seed.recognise.hints`)."""


def _no_hints(_title: str) -> SectionKind | None:
    return None


def label_kind(
    tokens: list[Token], index: int, hinted: Hinted = _no_hints
) -> tuple[str, SectionKind] | None:
    """A paragraph that is only a section label (`**Publications**`, `Recent news:`) and
    names a known kind of section."""
    if tokens[index].type != "paragraph_open" or index + 1 >= len(tokens):
        return None
    runs = [run for run in inline_runs(inline_children(tokens[index + 1])) if run.text.strip()]
    text = plain_text(runs)
    if not runs or "\n" in "".join(run.text for run in runs) or len(text) > 60:
        return None
    if (kind := hinted(text)) is not None:
        return text, kind
    styled = all(run.bold for run in runs) or text.rstrip().endswith((":", "："))
    if not (styled or _plain_label(text, tokens, index)):
        return None
    kind = section_kind(text)
    return (text, kind) if kind is not SectionKind.other else None


def _plain_label(text: str, tokens: list[Token], index: int) -> bool:
    """A plain line of a few words over a list (`🔥 News`, then the items), or one that opens
    with an emoji as headings do, reads as a label."""
    if len(text.split()) > 4:
        return False
    after = tokens[index + 3] if index + 3 < len(tokens) else None
    over_list = after is not None and after.type in ("bullet_list_open", "ordered_list_open")
    return over_list or unicodedata.category(text[0]) == "So"


_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")
"""A heading that is only a year: a part of a list of works or news, never its kind."""


def _continues_years(current: Outline, text: str, level: int) -> bool:
    """Headings that are only years (`## 2025`, `## 2024`), one after another at one level,
    divide one section by year: each after the first is a sub-heading of it."""
    return (
        current.level == level
        and _YEAR_ONLY.match(current.title) is not None
        and _YEAR_ONLY.match(clean_title(text)) is not None
    )


def _starts_section(current: Outline, level: int, kind: SectionKind, top: int) -> bool:
    """A heading at the page's top level starts a section, and so does one at or above the
    level of the news, publications, projects or interests section it follows; a deeper one
    starts a section only when it names a known kind."""
    if level <= top:
        return True
    if current.kind is not SectionKind.other and current.level and level <= current.level:
        return True
    if kind is SectionKind.other:
        return False
    return current.kind is SectionKind.other or level <= current.level


def outline_page(body: str, hinted: Hinted = _no_hints) -> tuple[Outline, list[Outline]]:
    """The introduction (everything before the first section) and the sections, in page order.

    A heading starts a section when it is at the page's top heading level or names a known
    kind of section; deeper headings stay inside their section as sub-headings.
    """
    tokens = parse_blocks(body)
    return outline_tokens(tokens, body.count("\n") + 1, top_level(tokens), hinted)


def top_level(tokens: list[Token]) -> int:
    """The page's top heading level: its biggest headings, wherever they stand."""
    return min((_level(t) for t in tokens if t.type == "heading_open"), default=1)


def outline_tokens(
    tokens: list[Token], line_count: int, top: int, hinted: Hinted = _no_hints
) -> tuple[Outline, list[Outline]]:
    """`outline_page` of the page's block tokens, or of only its top-level ones (those of level
    0, and the inline tokens of its paragraphs and headings): the sections are the same."""
    intro = Outline(title="", kind=SectionKind.other, line=0, level=0)
    sections: list[Outline] = []
    current = intro
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.level == 0:
            level = _level(token)
            text = heading_text(tokens, index)
            named = hinted(text)
            kind = named or section_kind(text)
            if named is None and _continues_years(current, text, level):
                current.tokens += tokens[index : index + 3]  # the next year: a sub-heading
                index += 3
                continue
            if named is not None or _starts_section(current, level, kind, top):
                line = token.map[0] if token.map else 0
                current.end_line = line
                current = Outline(title=clean_title(text), kind=kind, line=line, level=level)
                current.content_line = token.map[1] if token.map else line + 1
                current.tokens_line = current.content_line
                sections.append(current)
                if _YEAR_ONLY.match(current.title):
                    current.tokens += tokens[index : index + 3]  # its year groups its entries
                    current.tokens_line = line
                index += 3
                continue
        if token.level == 0 and (label := label_kind(tokens, index, hinted)) is not None:
            line = token.map[0] if token.map else 0
            level = current.level if current is not intro else top
            current.end_line = line
            current = Outline(title=clean_title(label[0]), kind=label[1], line=line, level=level)
            current.content_line = token.map[1] if token.map else line + 1
            current.tokens_line = current.content_line
            sections.append(current)
            index += 3
            continue
        current.tokens.append(token)
        index += 1
    current.end_line = line_count
    for section in sections:
        if section.kind is SectionKind.projects and is_prose(section.tokens):
            section.kind = SectionKind.other  # it tells of the work; it lists no projects
    return intro, sections


def is_prose(tokens: list[Token]) -> bool:
    """Whether the blocks are all paragraphs of plain sentences (`is_sentences`): no list, no
    HTML box, no name set apart in bold or a link."""
    inlines = [token for token in tokens if token.type == "inline"]
    blocks = all(t.type in ("paragraph_open", "inline", "paragraph_close") for t in tokens)
    return (
        bool(inlines)
        and blocks
        and all(is_sentences(inline_runs(inline_children(token))) for token in inlines)
    )

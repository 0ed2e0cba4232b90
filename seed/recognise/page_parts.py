"""A page's sections, read so that only one part of a long page is in memory as tokens.

The page is cut into pieces (`seed.document.pieces`) and outlined from the top-level tokens
of each. Each section's tokens are then read again from its own lines when it is recognised;
a long list of news or works, in windows of a few thousand lines, each dropped once read. A
page where a block decides how the ones after it read (an HTML block cut by a heading,
furniture left open) is read whole, as it always was."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from seed.document.pieces import PIECE_LINES, parse_lines, pieces
from seed.document.render import SPANS_BLOCKS, parse_blocks
from seed.recognise.headings import SectionKind
from seed.recognise.sections import Hinted, Outline, outline_tokens, top_level

_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]*")
_NOT_WORDS = re.compile(r"[\[<!&`\\]|https?:|www\.", re.IGNORECASE)


@dataclass
class PageParts:
    lines: list[str]
    env: dict[str, Any] = field(default_factory=dict)
    whole: bool = False
    """Read whole: every section holds its tokens already."""
    window_lines: int = PIECE_LINES

    def tokens(self, section: Outline) -> list[Token]:
        """All the section's block tokens."""
        if self.whole:
            return section.tokens
        return parse_lines(self.lines, section.tokens_line, section.end_line, self.env)

    def windows(self, section: Outline) -> Iterator[list[Token]] | None:
        """The tokens of a long list of news or works, window by window, where reading them so
        reads them as a whole would: no sub-heading, and among works no HTML box, and an entry
        that is surely a list item (`read_works(listed=True)`). None where it must be read
        whole."""
        if self.whole or any(t.level == 0 and t.type == "heading_open" for t in section.tokens):
            return None
        start, end = section.tokens_line, section.end_line
        if section.kind is not SectionKind.news:
            if any(t.level == 0 and t.type == "html_block" for t in section.tokens):
                return None
            first_list = next((t for t in section.tokens if t.type.endswith("list_open")), None)
            if first_list is None or first_list.map is None:
                return None
            if not opens_with_words(self.lines[first_list.map[0]]):
                return None  # maybe only links, joining the entry before: maybe no list entry
        return pieces(self.lines, start, end, self.env, size=self.window_lines)


def opens_with_words(line: str) -> bool:
    """Whether a list item's first line has words before any link, tag, entity or escape: its
    entry is more than a line of links, so it never joins the entry before it."""
    marker = _MARKER.match(line)
    text = line[marker.end() :] if marker else line
    cut = _NOT_WORDS.search(text)
    words = text[: cut.start()] if cut else text
    return any(char.isalnum() for char in words)


def outline_parts(
    lines: list[str], hinted: Hinted, window_lines: int = PIECE_LINES
) -> tuple[Outline, list[Outline], PageParts]:
    """The introduction and sections of the page of `lines`, as `outline_page` finds them, and
    how to read each."""
    parts = PageParts(lines, window_lines=window_lines)
    top: int | None = None
    outline: list[Token] = []
    for piece in pieces(lines, 0, len(lines), parts.env, size=window_lines):
        if any(token.type == "heading_open" for token in piece):
            top = min(top or 6, top_level(piece))
        outline += [t for t in piece if t.level == 0 or (t.type == "inline" and t.level == 1)]
    if parts.env.get(SPANS_BLOCKS):
        tokens = parse_blocks("\n".join(lines))
        intro, sections = outline_tokens(tokens, len(lines), top_level(tokens), hinted)
        return intro, sections, PageParts(lines, whole=True)
    intro, sections = outline_tokens(outline, len(lines), top or 1, hinted)
    return intro, sections, parts

"""A long page read a piece at a time: block tokens for a few thousand lines, never the whole
page's at once (a page of 100,000 entries has millions of tokens).

A piece ends only where a top-level list goes on with its next item at the start of a line.
The two halves then read as two lists one after the other, which every reader of the page
treats as the one list (none reads a list's tightness or its start number). Each cut is
checked: unless the piece before ends with that list and the piece after opens with the same
kind of list (a fence or an HTML block held the line, say), the rest is read as one piece."""

import re
from collections.abc import Iterator
from typing import Any

from markdown_it.token import Token

from seed.document.render import parse_blocks

PIECE_LINES = 2000
"""About how many lines a piece holds: a few thousand tokens."""

_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_LIST_CLOSE = ("bullet_list_close", "ordered_list_close")


def parse_lines(lines: list[str], start: int, end: int, env: dict[str, Any]) -> list[Token]:
    """The block tokens of lines `start` to `end` (0-based, end exclusive) of the page, their
    `map`s pointing into the whole page."""
    text = "\n".join(lines[start:end])
    tokens = parse_blocks(text + "\n" if end < len(lines) else text, env)
    if start:
        for token in tokens:
            if token.map is not None:
                token.map = [token.map[0] + start, token.map[1] + start]
    return tokens


def _cut(lines: list[str], start: int, end: int, size: int) -> int:
    """The first line at or after `start + size` that opens a list item at the margin."""
    for number in range(start + size, end):
        if _ITEM.match(lines[number]):
            return number
    return end


def _continues(before: list[Token], after: list[Token]) -> bool:
    """Whether `after` opens with the list `before` ends with (the same marker)."""
    if not before or not after:
        return False
    last, first = before[-1], after[0]
    return (
        last.level == 0
        and first.level == 0
        and last.type in _LIST_CLOSE
        and first.type == last.type.replace("_close", "_open")
        and first.markup == last.markup
    )


def pieces(
    lines: list[str],
    start: int,
    end: int,
    env: dict[str, Any],
    *,
    size: int = PIECE_LINES,
) -> Iterator[list[Token]]:
    """The block tokens of lines `start` to `end`, piece by piece."""
    references: dict[str, Any] = env.setdefault("references", {})
    cut = _cut(lines, start, end, size)
    first, current = start, parse_lines(lines, start, cut, env)
    while cut < end:
        known = set(references)
        following_end = _cut(lines, cut, end, size)
        following = parse_lines(lines, cut, following_end, env)
        if not _continues(current, following):
            for label in set(references) - known:  # read out of place: maybe not a definition
                del references[label]
            yield parse_lines(lines, first, end, env)
            return
        yield current
        first, current, cut = cut, following, following_end
    yield current

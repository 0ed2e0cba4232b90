"""HTML boxes around works: where a `<div>` opens and closes, and whether it is one work's box
or a wrapper around several."""

import re

from markdown_it.token import Token

from seed.document.html_reader import html_text

_LISTS = ("bullet_list_open", "ordered_list_open")
_DIV_OPEN = re.compile(r"<div\b", re.IGNORECASE)
_PICTURE = re.compile(r"<(?:img|picture|video|svg|iframe)\b", re.IGNORECASE)
_DIV_CLOSE = re.compile(r"</div\s*>", re.IGNORECASE)


def div_depth(token: Token) -> int:
    return len(_DIV_OPEN.findall(token.content)) - len(_DIV_CLOSE.findall(token.content))


def shows_nothing(token: Token) -> bool:
    return not html_text(token.content).strip() and not _PICTURE.search(token.content)


def container(tokens: list[Token], index: int) -> tuple[list[Token], int]:
    """The blocks from an HTML block that opens `<div>`s to the block that closes them."""
    depth = 0
    for position in range(index, len(tokens)):
        token = tokens[position]
        if token.type == "html_block" and token.level == 0:
            depth += div_depth(token)
            if depth <= 0:
                return tokens[index : position + 1], position + 1
    return tokens[index:], len(tokens)


def is_wrapper(tokens: list[Token], index: int) -> bool:
    """Whether the `<div>` opening at `index` holds several entries rather than being one box.
    An opening that shows nothing is a box (one entry: its title, authors, links and nested
    details) unless it holds two or more boxes, or a list before any text of its own, or is
    never closed; one that shows text (a paper box's badge) is always a box."""
    if not shows_nothing(tokens[index]):
        return False
    inner, end = container(tokens, index)
    if end == len(tokens) and div_depth(inner[-1]) >= 0 and len(inner) > 1:
        return True
    boxes = 0
    text_seen = False
    position = 1
    while position < len(inner) - 1:
        token = inner[position]
        if token.type == "html_block" and div_depth(token) > 0:
            child = container(inner, position)[0]
            boxes += any(t.type == "inline" or not shows_nothing(t) for t in child)
            position += max(1, len(child))
            continue
        if token.type in _LISTS and not text_seen:
            return True
        if token.type in ("heading_open", "paragraph_open"):
            text_seen = True
        position += 1
    return boxes >= 2 or (not text_seen and boxes == 0)

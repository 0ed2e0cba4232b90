"""The Markdown source behind block tokens, so served Markdown is what the owner wrote."""

import re
from dataclasses import dataclass

from markdown_it.token import Token

_LIST_MARKER = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")


@dataclass(frozen=True)
class Lines:
    """The body's lines, to slice by the 0-based `token.map` ranges markdown-it reports."""

    lines: list[str]

    @classmethod
    def of(cls, body: str) -> "Lines":
        return cls(body.split("\n"))

    def text(self, start: int, end: int) -> str:
        return "\n".join(self.lines[start:end]).strip("\n")

    def block(self, token: Token) -> str:
        start, end = token.map or (0, 0)
        return self.text(start, end)

    def list_item(self, token: Token) -> str:
        """A list item's Markdown without its marker, continuation lines dedented."""
        start, end = token.map or (0, 0)
        lines = self.lines[start:end]
        if not lines:
            return ""
        match = _LIST_MARKER.match(lines[0])
        width = match.end() if match else 0
        first = lines[0][width:]
        rest = [line[width:] if line[:width].strip() == "" else line.lstrip() for line in lines[1:]]
        return "\n".join([first, *rest]).strip()


def children_until_close(tokens: list[Token], index: int) -> tuple[list[Token], int]:
    """The tokens inside the block that opens at `index`, and the index after it closes."""
    opening = tokens[index]
    if opening.nesting != 1:
        return [], index + 1
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return tokens[index + 1 : position], position + 1
    return tokens[index + 1 :], len(tokens)


def top_level_items(list_tokens: list[Token]) -> list[tuple[Token, list[Token]]]:
    """The direct items of a list: each list_item_open token and the tokens inside it."""
    items: list[tuple[Token, list[Token]]] = []
    index = 0
    while index < len(list_tokens):
        token = list_tokens[index]
        if token.type == "list_item_open":
            inner, index = children_until_close(list_tokens, index)
            items.append((token, inner))
        else:
            index += 1
    return items


def first_inline(tokens: list[Token]) -> Token | None:
    return next((token for token in tokens if token.type == "inline"), None)

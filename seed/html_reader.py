"""HTML read with the standard library's parser, as tags and text in document order: the one
reader behind Markdown's inline tags, raw HTML blocks and the visible text of rendered HTML."""

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class Tag:
    name: str
    attrs: tuple[tuple[str, str | None], ...] = ()
    closing: bool = False
    self_closing: bool = False

    def attr(self, name: str) -> str | None:
        """The attribute's first value; None when it is missing or given without a value."""
        return next((value for key, value in self.attrs if key == name), None)


OTHER_MARKUP = Tag("!")
"""A comment, declaration or processing instruction: markup that shows nothing."""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[Tag | str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.pieces.append(Tag(tag, tuple(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.pieces.append(Tag(tag, tuple(attrs), self_closing=True))

    def handle_endtag(self, tag: str) -> None:
        self.pieces.append(Tag(tag, closing=True))

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)

    def handle_comment(self, data: str) -> None:
        self.pieces.append(OTHER_MARKUP)

    def handle_decl(self, decl: str) -> None:
        self.pieces.append(OTHER_MARKUP)

    def handle_pi(self, data: str) -> None:
        self.pieces.append(OTHER_MARKUP)

    def unknown_decl(self, data: str) -> None:
        self.pieces.append(OTHER_MARKUP)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:  # `<![x` is no marked section; HTML reads it as a comment
            return self.parse_bogus_comment(i)


def read_html(markup: str) -> list[Tag | str]:
    """The tags and text of an HTML fragment in order, the text with its entities decoded and
    in the pieces the parser found it."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    return reader.pieces


def html_text(markup: str, *, decode_entities: bool = True) -> str:
    """The text an HTML fragment shows, with a space for every tag; white space is kept as it
    is. `decode_entities=False` leaves `&amp;` and the like as written."""
    if not decode_entities:
        markup = markup.replace("&", "&amp;")
    return "".join(" " if isinstance(piece, Tag) else piece for piece in read_html(markup))

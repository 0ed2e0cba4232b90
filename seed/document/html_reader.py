"""HTML read with the standard library's parser, as tags and text in document order: the one
reader behind Markdown's inline tags, raw HTML blocks and the visible text of rendered HTML."""

from dataclasses import dataclass, field
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


@dataclass
class _Element:
    name: str
    css_class: str
    style: str
    parent: "_Element | None"
    inner_start: int
    inner_end: int = -1
    children: list["_Element"] = field(default_factory=list)


class _Outliner(HTMLParser):
    """The elements of a fragment as a tree, each with where its content starts and ends."""

    _VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col"})

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = [0]
        for line in markup.split("\n")[:-1]:
            self.line_starts.append(self.line_starts[-1] + len(line) + 1)
        self.root = _Element("", "", "", None, 0, len(markup))
        self.open = self.root

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._VOID:
            return
        start = self._offset() + len(self.get_starttag_text() or "")
        css = next((value or "" for key, value in attrs if key == "class"), "")
        style = next((value or "" for key, value in attrs if key == "style"), "")
        element = _Element(tag, css, " ".join(style.split()), self.open, start)
        self.open.children.append(element)
        self.open = element

    def handle_endtag(self, tag: str) -> None:
        element: _Element | None = self.open
        while element is not None and element.name != tag:
            element = element.parent
        if element is None or element.parent is None:
            return  # a stray closing tag
        end = self._offset()
        closing: _Element | None = self.open
        while closing is not None and closing is not element.parent:
            if closing.inner_end < 0:
                closing.inner_end = end
            closing = closing.parent
        self.open = element.parent


def _kind(element: _Element) -> tuple[str, str]:
    """What makes siblings alike: their tag and class, or, with no class, their inline style
    (cards styled one by one, `<div style="border:1px solid #ddd">` after the same again)."""
    return element.name, element.css_class or element.style


def _items(element: _Element) -> list[_Element]:
    """In document order, the items of every list in the fragment: each outermost `<li>`, and
    children that repeat a tag and class (or style) two times or more (a list of `<div>`s)."""
    kinds = [_kind(child) for child in element.children]
    items: list[_Element] = []
    for child, kind in zip(element.children, kinds, strict=True):
        if child.name == "li" or (kind[1] and kinds.count(kind) >= 2):
            items.append(child)
        else:
            items.extend(_items(child))
    return items


def html_items(markup: str) -> list[str]:
    """The items of the lists in an HTML fragment, as their inner HTML."""
    outliner = _Outliner(markup)
    outliner.feed(markup)
    outliner.close()
    items = _items(outliner.root)
    return [
        markup[item.inner_start : item.inner_end if item.inner_end >= 0 else len(markup)]
        for item in items
    ]


HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _inner(markup: str, element: _Element) -> str:
    end = element.inner_end if element.inner_end >= 0 else len(markup)
    return markup[element.inner_start : end]


_WRAPPERS = frozenset({"div", "p"})


def unwrapped(markup: str) -> str:
    """What a fragment that is one layout element (`<div style="margin-top:4px">Joined the
    lab.</div>`) shows: that element's content, since the wrapper only places it. Any other
    fragment is given back as it is."""
    outliner = _Outliner(markup)
    outliner.feed(markup)
    outliner.close()
    children = outliner.root.children
    if len(children) != 1 or children[0].name not in _WRAPPERS or children[0].inner_end < 0:
        return markup
    only = children[0]
    outside = markup[: only.inner_start] + markup[only.inner_end :]
    return _inner(markup, only) if not html_text(outside).strip() else markup


def _descendants(element: _Element, name: str) -> list[_Element]:
    found: list[_Element] = []
    for child in element.children:
        found.extend([child] if child.name == name else _descendants(child, name))
    return found


def _headed(element: _Element) -> list[tuple[_Element, list[_Element]]]:
    heading = next((child for child in element.children if child.name in HEADINGS), None)
    if heading is not None:
        return [(heading, _descendants(element, "li"))]
    return [pair for child in element.children for pair in _headed(child)]


def headed_lists(markup: str) -> list[tuple[str, list[str]]]:
    """Cards with a heading (`<article><h3>Area</h3><ul><li>…</li></ul></article>`): each
    heading's text and the texts of the list items under it."""
    outliner = _Outliner(markup)
    outliner.feed(markup)
    outliner.close()

    def text(element: _Element) -> str:
        return " ".join(html_text(_inner(markup, element)).split())

    return [
        (text(heading), [text(item) for item in items]) for heading, items in _headed(outliner.root)
    ]


_CARDS = frozenset({"article", "section", "div", "li"})


def html_cards(markup: str) -> list[str]:
    """The cards of an HTML fragment that lists two or more (`<article class="card">` after
    `<article class="card">`, or `<li>`s), as their inner HTML; none for a single box."""
    outliner = _Outliner(markup)
    outliner.feed(markup)
    outliner.close()
    cards = [item for item in _items(outliner.root) if item.name in _CARDS]
    return [_inner(markup, card) for card in cards] if len(cards) >= 2 else []

"""Markdown parsing and rendering: markdown-it-py parses and renders, nh3 removes anything
unsafe from the HTML."""

import re
import textwrap
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

# URLs made only of characters that percent-encoding leaves alone come out of markdown-it's
# normalizeLink unchanged; skipping its parse-and-format for them saves a tenth of a seed.
_PLAIN_URL = re.compile(r"[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]*")


def _normalize_link(parser: MarkdownIt) -> Callable[[str], str]:
    normalize = parser.normalizeLink

    def fast(url: str) -> str:
        return url if _PLAIN_URL.fullmatch(url) else normalize(url)

    return fast


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    parser.normalizeLink = _normalize_link(parser)  # type: ignore[method-assign,assignment]
    return parser


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    return (
        markdown_parser()
        .__class__("commonmark", {"html": True})
        .enable(["table", "strikethrough"])
        .disable("inline")
    )


@lru_cache(maxsize=1)
def _paragraph_parser() -> MarkdownIt:
    """The block parser, less HTML blocks: HTML in the text is inline HTML."""
    return (
        _block_parser()
        .__class__("commonmark", {"html": True})
        .enable(["table", "strikethrough"])
        .disable(["inline", "html_block"])
    )


# kramdown's span-level elements: a line that starts with one starts a paragraph there.
_SPAN_TAGS = (
    "a|abbr|acronym|b|bdo|big|br|button|cite|code|del|dfn|em|font|i|img|input|ins|kbd|label"
    "|mark|q|s|samp|small|span|strike|strong|sub|sup|tt|u|var"
)
_LONE_SPAN_TAG = re.compile(rf"^[ ]{{0,3}}</?(?:{_SPAN_TAGS})\b[^>]*>[ \t]*\n", re.IGNORECASE)


def _with_span_tags_as_paragraphs(tokens: list[Token], env: dict[str, Any]) -> list[Token]:
    """CommonMark starts an HTML block at a line holding only a tag, any tag; kramdown (GitHub
    Pages' Markdown) only at a block-level one. A line holding only `<img …>` or `<a …>` and
    followed by text is the start of a paragraph, as the site shows it: `<img …>` then
    `[Title](…)` underlined with `---` is a heading."""
    result: list[Token] = []
    for token in tokens:
        if (
            token.type != "html_block"
            or token.level != 0
            or token.map is None
            or not _LONE_SPAN_TAG.match(token.content)
        ):
            result.append(token)
            continue
        inner = _paragraph_parser().parse(token.content, env)
        for part in inner:
            if part.map is not None:
                part.map = [part.map[0] + token.map[0], part.map[1] + token.map[0]]
        result.extend(inner)
    return result


def parse_blocks(markdown: str, env: dict[str, Any] | None = None) -> list[Token]:
    """Block tokens only: an inline token's children are parsed when first asked for (see
    `inline_children`), so text the importer re-reads from source is parsed once, not twice.
    Inside an HTML element marked `markdown="1"`, the text is Markdown, as kramdown reads it.

    `env` is the page's, when its parts are parsed one by one: link reference definitions go
    there, and every inline token reads them there (`seed.document.pieces`)."""
    env = {} if env is None else env
    tokens = _with_html_headings(
        _without_page_furniture(
            _with_markdown_inside_html(
                _with_span_tags_as_paragraphs(_block_parser().parse(markdown, env), env), env
            ),
            env,
        ),
        env,
    )
    for token in tokens:
        if token.type == "inline":
            token.meta = {**(token.meta or {}), "env": env}
    return tokens


_FURNITURE_OPEN = re.compile(r"^\s*<(footer|nav)\b", re.IGNORECASE)


SPANS_BLOCKS = "spans_blocks"
"""Set in `env` when a heading was cut out of an HTML block or furniture was left open: what
follows depends on blocks before it, so the page cannot be re-read part by part."""


def _without_page_furniture(tokens: list[Token], env: dict[str, Any]) -> list[Token]:
    """A `<footer>` or `<nav>` in the body is the site's furniture (contact links, `Back to
    top`), not content: it is left out up to the block that closes it."""
    kept: list[Token] = []
    closing: re.Pattern[str] | None = None
    for token in tokens:
        if closing is not None:
            if token.type == "html_block" and closing.search(token.content):
                closing = None
            continue
        opening = _FURNITURE_OPEN.match(token.content) if token.type == "html_block" else None
        if opening is None or token.level != 0:
            kept.append(token)
            continue
        end = re.compile(rf"</{opening.group(1)}\s*>", re.IGNORECASE)
        if not end.search(token.content):
            closing = end
            env[SPANS_BLOCKS] = True
    return kept


_MARKDOWN_INSIDE = re.compile(r"<[a-z][^>]*\bmarkdown\s*=\s*[\"']?1[\"']?[^>]*>", re.IGNORECASE)


_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)


def _with_html_headings(tokens: list[Token], env: dict[str, Any]) -> list[Token]:
    """An HTML block that opens with `<h2>…</h2>` is a heading of that level, as the browser
    shows it, and what follows it in the block is the section's first content."""
    result: list[Token] = []
    for token in tokens:
        match = _HTML_HEADING.match(token.content) if token.type == "html_block" else None
        if match is None or token.level != 0 or token.map is None:
            result.append(token)
            continue
        env[SPANS_BLOCKS] = True
        level, inner = match.group(1), " ".join(match.group(2).split())
        line = token.map[0] + token.content[: match.start(2)].count("\n")
        end = token.map[0] + token.content[: match.end()].count("\n") + 1
        result += [
            Token("heading_open", f"h{level}", 1, map=[line, end], markup="#" * int(level)),
            Token("inline", "", 0, map=[line, end], content=inner, children=[]),
            Token("heading_close", f"h{level}", -1, markup="#" * int(level)),
        ]
        rest = token.content[match.end() :]
        if rest.strip():
            after = token.copy()
            after.content = rest.lstrip("\n")
            after.map = [end - 1 if not rest.startswith("\n") else end, token.map[1]]
            result.append(after)
    return result


def _with_markdown_inside_html(tokens: list[Token], env: dict[str, Any]) -> list[Token]:
    """CommonMark ends an HTML block only at a blank line, so the Markdown that follows a
    `markdown="1"` tag on the next lines is read as HTML. Parse what follows the tag again, as
    Markdown, with its tokens' lines still pointing into the page."""
    expanded: list[Token] = []
    for token in tokens:
        match = _MARKDOWN_INSIDE.search(token.content) if token.type == "html_block" else None
        tail = token.content[match.end() :] if match else ""
        if match is None or token.level != 0 or not tail.strip() or token.map is None:
            expanded.append(token)
            continue
        head = token.content[: match.end()]
        offset = token.map[0] + head.count("\n") + (1 if tail.startswith("\n") else 0)
        opening = token.copy()
        opening.content = head + "\n"
        opening.map = [token.map[0], offset]
        inner = _block_parser().parse(textwrap.dedent(tail.removeprefix("\n")), env)
        for part in inner:
            if part.map is not None:
                part.map = [part.map[0] + offset, part.map[1] + offset]
        expanded.extend([opening, *_with_markdown_inside_html(inner, env)])
    return expanded


def inline_children(token: Token) -> list[Token]:
    """The inline token's children, parsed now if the block parse left them out."""
    if not token.children and token.content:
        parsed = markdown_parser().parseInline(token.content, (token.meta or {}).get("env", {}))
        token.children = parsed[0].children if parsed else []
    return token.children or []


def _without_empty_addresses(tag: str, attribute: str, value: str) -> str | None:
    """`href=""` (a Liquid variable the page could not fill) points nowhere: left out."""
    return None if attribute in ("href", "src") and not value.strip() else value


def clean_html(html: str) -> str:
    return nh3.clean(
        html, url_schemes={"http", "https", "mailto"}, attribute_filter=_without_empty_addresses
    ).strip()


def render_html(markdown: str) -> str:
    """Render Markdown to HTML with scripts, styles, handlers and unsafe URLs removed."""
    return clean_html(markdown_parser().render(markdown))


def render_tokens(tokens: list[Token]) -> str:
    """Safe HTML from tokens already parsed with `markdown_parser().parse`."""
    parser = markdown_parser()
    return clean_html(parser.renderer.render(tokens, parser.options, {}))

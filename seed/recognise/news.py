"""News items: list items, lines of a paragraph, or dated sub-headings, each with its date."""

import re
from collections.abc import Iterable, Iterator

from markdown_it.token import Token

from schemas.news import NewsIn
from seed.document.blocks import Lines, children_until_close, top_level_items
from seed.document.front_matter import PageSource
from seed.document.html_reader import html_items, html_text, unwrapped
from seed.document.inline import inline_runs
from seed.document.render import markdown_parser, render_tokens
from seed.errors import Diagnostic
from seed.recognise.citation import typed_links
from seed.recognise.dates import leading_date, parse_date, sentence_date, trailing_date
from seed.recognise.sections import Outline, heading_text

_WORDS = re.compile(r"[^\W\d_]+")
_MORE = frozenset({"more", "older", "all", "previous", "archive", "archived"})
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_SUMMARY = re.compile(r"<summary\b.*?</summary\s*>", re.IGNORECASE | re.DOTALL)
_TIME = re.compile(
    r"<time\b[^>]*?datetime\s*=\s*[\"'](?P<datetime>[^\"']+)[\"'][^>]*>(?P<text>.*?)</time\s*>",
    re.IGNORECASE | re.DOTALL,
)
_DATE_ELEMENT = re.compile(
    r"^\s*<(?P<tag>[a-z]+)\b[^>]*>(?P<text>[^<]{4,40})</(?P=tag)\s*>", re.IGNORECASE
)
_SEPARATOR = re.compile(r"^\s*(?:[—–\-:|·]|&mdash;|&ndash;)\s*")
_TRAILING_BREAK = re.compile(r"(?:\s|<br\s*/?>|&nbsp;)+$", re.IGNORECASE)


def _item(markdown: str, line: int, heading_date: NewsIn | None = None) -> NewsIn | None:
    found = leading_date(markdown)
    if found is not None:
        markdown = markdown[: found.start] + markdown[found.end :]
    else:
        found = trailing_date(markdown)  # kept in the text: it sits inside the sentence's HTML
    text = _TRAILING_BREAK.sub("", markdown).strip()
    if not text:
        return None
    tokens = markdown_parser().parse(text)
    runs = [run for t in tokens if t.type == "inline" for run in inline_runs(t.children or [])]
    date, precision = (found.date, found.precision) if found else (None, None)
    if found is None and heading_date is not None:
        date, precision = heading_date.date, heading_date.date_precision
    elif found is None and (said := sentence_date(text)) is not None:
        # The weakest sign, read last: a date the sentence mentions may be of something else.
        date, precision = said.date, said.precision
    return NewsIn(
        date=date,
        date_precision=precision,
        text=text,
        text_html=render_tokens(tokens),
        links=typed_links(runs),
        line=line,
    )


def _paragraph_items(markdown: str, first_line: int) -> Iterator[tuple[str, int]]:
    """A paragraph whose lines start with dates holds one item per dated line."""
    lines = markdown.split("\n")
    if sum(leading_date(line) is not None for line in lines) < 2:
        yield markdown, first_line
        return
    current: list[str] = []
    start = first_line
    for offset, line in enumerate(lines):
        if leading_date(line) is not None and current:
            yield "\n".join(current), start
            current, start = [], first_line + offset
        current.append(line)
    yield "\n".join(current), start


def _next_heading(tokens: list[Token], index: int) -> int:
    return next(
        (i for i in range(index, len(tokens)) if tokens[i].type == "heading_open"), len(tokens)
    )


def _raw_items(
    section: Outline, lines: Lines, windows: Iterable[list[Token]]
) -> Iterator[tuple[str, int, NewsIn | None]]:
    """(Markdown, 0-based body line, dated heading) of each item. Under a dated sub-heading
    (`#### September 2020`) everything up to the next heading is one item. The tokens come in
    one window or, a long list with no heading cut between its items, several
    (`seed.recognise.page_parts`)."""
    for tokens in windows:
        yield from _window_items(section, lines, tokens)


def _window_items(
    section: Outline, lines: Lines, tokens: list[Token]
) -> Iterator[tuple[str, int, NewsIn | None]]:
    heading: NewsIn | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        start = token.map[0] if token.map else section.line
        if token.type == "heading_open":
            text = heading_text(tokens, index)
            dated = parse_date(text)
            heading = (
                NewsIn(text=text, text_html="", date=dated[0], date_precision=dated[1])
                if dated
                else None
            )
            index += 3
            if heading is not None:
                end = _next_heading(tokens, index)
                body = tokens[index:end]
                first = next((t.map[0] for t in body if t.map), None)
                stop = section.end_line
                if end < len(tokens) and (heading_map := tokens[end].map) is not None:
                    stop = heading_map[0]
                if first is not None:
                    yield lines.text(first, stop), first, heading
                index = end
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            inner, index = children_until_close(tokens, index)
            for item, _ in top_level_items(inner):
                yield lines.list_item(item), item.map[0] if item.map else start, heading
        elif token.type == "paragraph_open":
            _, index = children_until_close(tokens, index)
            for markdown, line in _paragraph_items(lines.block(token), start):
                yield markdown, line, heading
        elif token.type == "html_block":
            for markdown, stamped in _html_items(token.content):
                yield markdown, start, stamped or heading
            index += 1
        else:
            index += 1


def _html_items(markup: str) -> Iterator[tuple[str, NewsIn | None]]:
    """Each item of an HTML list (`<li>`, or repeated `<div class="news-item">`), with the date
    its own element states (`<time datetime="2026-05">`, `<span class="date">2026.03</span>`);
    a `<summary>` that folds older news away is no item."""
    for item in html_items(_SUMMARY.sub("", markup)):
        dated: NewsIn | None = None
        if (stamp := _TIME.search(item) or _DATE_ELEMENT.match(item)) is not None:
            stated = stamp.groupdict().get("datetime") or html_text(stamp["text"])
            if (stated_date := parse_date(stated)) is not None:
                item = item[: stamp.start()] + item[stamp.end() :]
                day, precision = stated_date
                dated = NewsIn(text="", text_html="", date=day, date_precision=precision)
        item = _SEPARATOR.sub("", " ".join(unwrapped(item).split()))
        if item:
            yield item, dated


def _is_more_link(item: NewsIn) -> bool:
    """`**Show more...**`, `[All news](/news)`: a pointer to more news, not an item."""
    # Entities stay as written, so `&amp;` is still counted as a word as it always was.
    text = html_text(_LINK_TARGET.sub(" ", item.text), decode_entities=False)
    words = _WORDS.findall(text.lower())
    return item.date is None and len(words) <= 4 and bool(_MORE.intersection(words))


def parse_news(section: Outline, source: PageSource) -> tuple[list[NewsIn], list[Diagnostic]]:
    news = list(read_news(section, source, Lines.of(source.body)))
    warnings = [
        Diagnostic(source.path, n.line, "news item has no date") for n in news if n.date is None
    ]
    return news, warnings


def read_news(
    section: Outline,
    source: PageSource,
    lines: Lines,
    windows: Iterable[list[Token]] | None = None,
) -> Iterator[NewsIn]:
    """`parse_news` one item at a time, from the section's tokens cut into `windows`."""
    for markdown, body_line, heading in _raw_items(section, lines, windows or [section.tokens]):
        item = _item(markdown, source.file_line(body_line), heading)
        if item is not None and not _is_more_link(item):
            yield item

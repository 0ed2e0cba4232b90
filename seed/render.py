"""Markdown to safe HTML: markdown-it-py renders, nh3 removes anything unsafe."""

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


def render_html(markdown: str) -> str:
    """Render Markdown to HTML with scripts, styles, handlers and unsafe URLs removed."""
    html = markdown_parser().render(markdown)
    return nh3.clean(html, url_schemes={"http", "https", "mailto"}).strip()

"""An `excerpt` (or a body standing in for one) as the text a reader sees: Markdown and HTML
rendered, tags and images dropped, links kept as their text, entities decoded."""

import html

import nh3

from seed.document.render import render_html


def excerpt_text(markdown: str) -> str | None:
    """Paragraphs of plain text, or None when nothing is left to read."""
    if not markdown.strip():
        return None
    rendered = render_html(markdown)
    rendered = rendered.replace("<br>", "\n").replace("<br/>", "\n").replace("</p>", "\n\n")
    text = html.unescape(nh3.clean(rendered, tags=set()))
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
    joined = "\n\n".join(part for part in paragraphs if part)
    return joined or None

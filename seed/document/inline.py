"""Flatten markdown-it inline tokens into runs of text that remember their emphasis and link.

Markdown emphasis and the HTML tags people use for the same thing (`<b>`, `<strong>`, `<u>`,
`<sup>`, `<a href>`) end up as the same flags, so the scholarly parsers need not care which.
"""

import re
from dataclasses import dataclass, field, replace

from markdown_it.token import Token

from schemas.common import is_safe_url
from seed.document.html_reader import read_html

FLAG_OF_TAG = {
    "b": "bold",
    "strong": "bold",
    "u": "bold",
    "i": "italic",
    "em": "italic",
    "code": "code",
    "sup": "sup",
}

_BADGE_WORDS = frozenset({"badge", "venue"})


def names_a_badge(class_attribute: str | None) -> bool:
    """`<div class="badge">`, `<span class="pub-venue">`: a styled label naming the venue."""
    words = re.split(r"[\s_-]+", (class_attribute or "").lower())
    return not _BADGE_WORDS.isdisjoint(words)


BOLD_ON = "\x01"
BOLD_OFF = "\x02"


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    sup: bool = False
    href: str | None = None
    badge: bool = False
    """Text of an AcadHomepage `<div class="badge">`: the venue shown on a paper's image."""
    heading: bool = False
    """Text of an HTML heading inside a card (`<article><h3>SemServe</h3>…`): its title."""


@dataclass
class _State:
    bold: int = 0
    italic: int = 0
    code: int = 0
    sup: int = 0
    href: str | None = None
    spans: list[bool] = field(default_factory=list)
    """For each open `<span>`, whether it is a badge."""

    def run(self, text: str) -> Run:
        return Run(
            text,
            self.bold > 0,
            self.italic > 0,
            self.code > 0,
            self.sup > 0,
            self.href,
            badge=any(self.spans),
        )


def _html_tag(state: _State, runs: list[Run], content: str) -> None:
    # `<b/>` opens like `<b>`, as it does in a browser.
    for tag in read_html(content):
        if isinstance(tag, str):
            continue
        if tag.name == "br":
            runs.append(Run("\n"))
        elif tag.name == "a":
            state.href = None if tag.closing else safe_href(tag.attr("href"))
        elif tag.name == "span" and tag.closing:
            state.spans = state.spans[:-1]
        elif tag.name == "span" and not tag.self_closing:
            state.spans.append(names_a_badge(tag.attr("class")))
        elif tag.name in FLAG_OF_TAG:
            flag = FLAG_OF_TAG[tag.name]
            setattr(state, flag, max(0, getattr(state, flag) + (-1 if tag.closing else 1)))


def safe_href(url: str | None) -> str | None:
    """The link's address, unless it is one a browser would run (`javascript:` and kin):
    such a link is only its text. An address left empty (`href="{{ post.paperurl }}"` once
    its Liquid is gone) is `""`: a dead link, whose label (`[PDF]`) is no text of the page."""
    if url is not None and not url.strip():
        return ""
    return url if url and is_safe_url(url) else None


def inline_runs(children: list[Token]) -> list[Run]:
    """The runs of an inline token's children, in order."""
    state = _State()
    runs: list[Run] = []
    for token in children:
        kind = token.type
        if kind == "text":
            runs.append(state.run(token.content))
        elif kind == "code_inline":
            runs.append(replace(state.run(token.content), code=True))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run("\n"))
        elif kind == "strong_open":
            state.bold += 1
        elif kind == "strong_close":
            state.bold -= 1
        elif kind == "em_open":
            state.italic += 1
        elif kind == "em_close":
            state.italic -= 1
        elif kind == "link_open":
            state.href = safe_href(str(token.attrs.get("href", "")))
        elif kind == "link_close":
            state.href = None
        elif kind == "image" and state.href is not None:
            runs.append(state.run(token.content))
        elif kind == "html_inline":
            _html_tag(state, runs, token.content)
    return [run for run in runs if run.text]


def plain_text(runs: list[Run]) -> str:
    """The visible text, with white space folded."""
    return " ".join("".join(run.text for run in runs).split())


def marked_text(runs: list[Run], *, drop_links: bool = True) -> str:
    """The text with bold spans between BOLD_ON and BOLD_OFF (a name in code is marked as bold
    ones are: `` `Yuhua Li`, Wei Chen ``); link labels left out by default."""
    out: list[str] = []
    bold = False
    for run in runs:
        if drop_links and run.href is not None:
            continue
        marked = run.bold or run.code
        if marked != bold:
            out.append(BOLD_ON if marked else BOLD_OFF)
            bold = marked
        out.append(run.text)
    if bold:
        out.append(BOLD_OFF)
    return "".join(out)


def without_bold_marks(text: str) -> str:
    """The text with every BOLD_ON and BOLD_OFF mark taken out."""
    return text.replace(BOLD_ON, "").replace(BOLD_OFF, "")


def links_of(runs: list[Run]) -> list[tuple[str, str]]:
    """Each link's (label, url), in order; consecutive runs of one link are joined."""
    links: list[tuple[str, str]] = []
    previous: str | None = None
    for run in runs:
        if run.href is None:
            previous = None
            continue
        if run.href == previous and links:
            label, url = links[-1]
            links[-1] = (label + run.text, url)
        else:
            links.append((run.text, run.href))
        previous = run.href
    return [(" ".join(label.split()), url) for label, url in links]

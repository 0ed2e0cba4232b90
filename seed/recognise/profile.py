"""The profile: biography from the introduction, the owner's name, affiliation and links."""

import re
from collections import Counter
from typing import Any

from schemas.common import is_safe_url
from schemas.profile import ProfileIn
from schemas.work import WorkIn
from seed.document.blocks import Lines
from seed.document.html_reader import html_text
from seed.document.inline import inline_runs
from seed.document.render import inline_children, markdown_parser, render_html
from seed.recognise.authors import is_name
from seed.recognise.citation import typed_links
from seed.recognise.sections import Outline

_AFFILIATION = re.compile(r"\bat\s+(?:the\s+)?\[([^\]]+)\]\(([^)\s]+)\)")
# Not NAME_PARTICLES: a particle here needs no word end after it, so each one added would take
# in the start of the next word (`al` of `I am Ada Lee always`), and the first that matches wins
# (`de` of `della`): the words and their order stay as they are.
_SELF_NAMED = re.compile(
    r"\b(?:I am|I'm|I’m|This is|My name is)\s+(?:\*\*([^*]+)\*\*|"
    r"([A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|van|von|de|da|di|del|le|la)){1,4}))"
)
_NOT_NAMES = frozenset(
    {"about", "me", "home", "homepage", "welcome", "biography", "bio", "page", "cv", "hello",
     "greetings", "hi", "profile", "professor", "student", "researcher", "assistant",
     "associate", "candidate", "engineer", "lecturer", "scientist", "postdoc", "doctoral",
     "phd", "ph", "d", "research", "university", "my", "to", "the", "of", "and", "fellow"}
)  # fmt: skip


_LONE_SELF_NAMED = re.compile(
    r"\b(?:I am|I'm|I’m|This is|My name is)\s+([A-Z][a-z][\w'’\-]*)\s*[,.!;](?:\s|$)"
)
"""`Hi, I'm Vignesh, welcome`: a given name alone, closed by punctuation."""
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Professor)\.?\s+")
_GLOSS = re.compile(r"\s*[(（][^)）]*[^\x00-\u024f\s][^)）]*[)）]")
"""A name's spelling in another script, in parentheses: `Yongjie Liu (刘勇杰)`."""


def _is_owner_name(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return is_name(text) and not any(word in _NOT_NAMES for word in words)


def _as_name(text: str) -> str:
    """A stated name without an honorific or a gloss in another script."""
    return " ".join(_HONORIFIC.sub("", _GLOSS.sub("", text)).split())


def _self_named(text: str) -> str | None:
    """The name in `I am X` / `I'm X` / `My name is X`, if it reads as the owner's."""
    text = _GLOSS.sub("", " ".join(html_text(text).split()))
    for match in _SELF_NAMED.finditer(text):
        name = _as_name(match.group(1) or match.group(2))
        if _is_owner_name(name):
            return name
    lone = _LONE_SELF_NAMED.search(text)
    if lone is not None and lone.group(1).casefold() not in _NOT_NAMES:
        return lone.group(1)
    return None


def infer_owner_name(
    works: list[WorkIn], biography: str, front_matter: dict[str, Any]
) -> str | None:
    """The name the page states for its owner: a name-like front-matter title, else the author
    marked in bold most often in the publication lists, else a bold name in the biography."""
    title = front_matter.get("title")
    if isinstance(title, str):
        named = _as_name(title.strip())
        if _is_owner_name(named) and len(named.split()) >= 2:
            return named
        if (introduced := _self_named(title)) is not None:
            return introduced
    marked = Counter(author.name for work in works for author in work.authors if author.is_owner)
    if marked:
        return _as_name(marked.most_common(1)[0][0])
    return _self_named(biography)


def _safe(url: str) -> str | None:
    return url if is_safe_url(url) else None


def parse_profile(
    intro: Outline, lines: Lines, works: list[WorkIn], front_matter: dict[str, Any]
) -> ProfileIn:
    start = intro.content_line if intro.title else 0
    biography = lines.text(start, intro.end_line).strip()
    tokens = markdown_parser().parse(biography)
    runs = [
        run
        for token in tokens
        if token.type == "inline"
        for run in inline_runs(inline_children(token))
    ]
    first_paragraph = biography.split("\n\n", 1)[0]
    affiliation = _AFFILIATION.search(first_paragraph)
    page_title = front_matter.get("title")
    return ProfileIn(
        name=infer_owner_name(works, biography, front_matter),
        biography=biography,
        biography_html=render_html(biography),
        affiliation=affiliation.group(1).strip() if affiliation else None,
        affiliation_url=affiliation.group(2)
        if affiliation and is_safe_url(affiliation.group(2))
        else None,
        page_title=page_title.strip() or None if isinstance(page_title, str) else None,
        links=typed_links(runs),
    )

"""The profile: biography from the introduction, the owner's name, affiliation and links."""

import re
from collections import Counter
from typing import Any

from schemas.profile import ProfileIn
from schemas.work import WorkIn
from seed.authors import is_name
from seed.blocks import Lines
from seed.citation import typed_links
from seed.html_reader import html_text
from seed.inline import inline_runs
from seed.outline import Outline
from seed.render import inline_children, markdown_parser, render_html

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


def _is_owner_name(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return is_name(text) and not any(word in _NOT_NAMES for word in words)


def infer_owner_name(
    works: list[WorkIn], biography: str, front_matter: dict[str, Any]
) -> str | None:
    """The name the page states for its owner: a name-like front-matter title, else the author
    marked in bold most often in the publication lists, else a bold name in the biography."""
    title = front_matter.get("title")
    if isinstance(title, str) and _is_owner_name(title.strip()) and len(title.split()) >= 2:
        return title.strip()
    marked = Counter(author.name for work in works for author in work.authors if author.is_owner)
    if marked:
        return marked.most_common(1)[0][0]
    for match in _SELF_NAMED.finditer(" ".join(html_text(biography).split())):
        name = " ".join((match.group(1) or match.group(2)).split())
        if _is_owner_name(name):
            return name
    return None


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
        affiliation_url=affiliation.group(2) if affiliation else None,
        page_title=page_title.strip() or None if isinstance(page_title, str) else None,
        links=typed_links(runs),
    )

"""The profile: biography from the introduction, the owner's name, affiliation and links."""

import re
from collections import Counter
from typing import Any

from schemas.profile import ProfileIn
from schemas.work import WorkIn
from seed.authors import is_name
from seed.blocks import Lines
from seed.citation import typed_links
from seed.inline import inline_runs
from seed.outline import Outline
from seed.render import markdown_parser, render_html

_AFFILIATION = re.compile(r"\bat\s+(?:the\s+)?\[([^\]]+)\]\(([^)\s]+)\)")
_BOLD_NAME = re.compile(r"\b(?:I am|I'm|I’m|This is|My name is)\s+\*\*([^*]+)\*\*")


def infer_owner_name(
    works: list[WorkIn], biography: str, front_matter: dict[str, Any]
) -> str | None:
    """The name the page states for its owner: a name-like front-matter title, else the author
    marked in bold most often in the publication lists, else a bold name in the biography."""
    title = front_matter.get("title")
    if isinstance(title, str) and is_name(title.strip()) and len(title.split()) >= 2:
        return title.strip()
    marked = Counter(author.name for work in works for author in work.authors if author.is_owner)
    if marked:
        return marked.most_common(1)[0][0]
    match = _BOLD_NAME.search(biography)
    if match and is_name(match.group(1).strip()):
        return match.group(1).strip()
    return None


def parse_profile(
    intro: Outline, lines: Lines, works: list[WorkIn], front_matter: dict[str, Any]
) -> ProfileIn:
    biography = lines.text(0, intro.end_line).strip()
    tokens = markdown_parser().parse(biography)
    runs = [
        run
        for token in tokens
        if token.type == "inline"
        for run in inline_runs(token.children or [])
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

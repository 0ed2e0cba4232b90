"""The profile: biography from the introduction, the owner's name, affiliation and links."""

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from schemas.common import is_safe_url
from schemas.profile import ProfileIn
from schemas.work import WorkIn
from seed.document.blocks import Lines
from seed.document.html_reader import html_text
from seed.document.inline import inline_runs, plain_text
from seed.document.render import inline_children, markdown_parser, parse_blocks, render_html
from seed.recognise.authors import another_form, is_person_name
from seed.recognise.citation import typed_links
from seed.recognise.headings import SectionKind, section_kind
from seed.recognise.sections import Outline

_AFFILIATION = re.compile(r"\bat\s+(?:the\s+)?\[([^\]]+)\]\(([^)\s]+)\)")
# Not NAME_PARTICLES: a particle here needs no word end after it, so each one added would take
# in the start of the next word (`al` of `I am Ada Lee always`), and the first that matches wins
# (`de` of `della`): the words and their order stay as they are.
_CAPITALISED = r"[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|van|von|de|da|di|del|le|la)){1,4}"
_SITE = r"(?:personal\s+|academic\s+|official\s+)?(?:home\s*page|web\s*site|web\s*page|site|page)"
_SELF_NAMED = re.compile(
    rf"\b(?:(?:This is|Welcome to) the {_SITE} of|I am|I'm|I’m|This is|My name is)\s+"
    rf"(?:\*\*([^*]+)\*\*|({_CAPITALISED}))"
)
_SITE_OF = re.compile(rf"^(?:(.+?)['’]s?\s+{_SITE}|(?:the\s+)?{_SITE}\s+of\s+(.+?))[.!]?$", re.I)
"""A title naming the owner's website: `Jane Doe's Homepage`, `Website of Jane Doe`."""
_ABOUT_NAMED = re.compile(rf"^(?:(?:Dr|Prof)\.\s+)?({_CAPITALISED})\s+(?:is|was)\s")
"""A biography opening about its owner: `Jane Smith is an assistant professor …`."""
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
    return is_person_name(text) and not any(word in _NOT_NAMES for word in words)


def _as_name(text: str) -> str:
    """A stated name without an honorific or a gloss in another script."""
    return " ".join(_HONORIFIC.sub("", _GLOSS.sub("", text)).split())


def _self_named(text: str) -> str | None:
    """The name in `I am X` / `My name is X` / `This is the homepage of X`, if it reads as the
    owner's."""
    text = _GLOSS.sub("", " ".join(html_text(text).split()))
    for match in _SELF_NAMED.finditer(text):
        name = _as_name(match.group(1) or match.group(2))
        if _is_owner_name(name):
            return name
    lone = _LONE_SELF_NAMED.search(text)
    if lone is not None and lone.group(1).casefold() not in _NOT_NAMES:
        return lone.group(1)
    return None


def names_the_owner(heading: str, page: str = "") -> bool:
    """Whether a heading (or title) is a person's full name, as one over a homepage's
    introduction is. Given the page's text, none of its words may be written in lower case
    there: a name is always capitalised, and `Teaching Experience` reads like one, but the
    page's prose writes `teaching` and `experience`."""
    named = _as_name(heading)
    if not _is_owner_name(named) or len(named.split()) < 2:
        return False
    if section_kind(named) is not SectionKind.other:
        return False  # `Recent News`
    words = {word.lower() for word in named.split() if len(word) > 2 and not word.islower()}
    return not any(re.search(rf"\b{re.escape(word)}\b", page) for word in words)


def _titled(title: str) -> str | None:
    """The owner's name in the page title: the whole title (`Dr. Jane Doe`, markup left out),
    the owner of the website it names (`Jane Doe's Homepage`), or a self-introduction."""
    text = " ".join(html_text(title).split())
    site = _SITE_OF.match(text)
    named = (site.group(1) or site.group(2)) if site else text
    return _as_name(named) if names_the_owner(named) else _self_named(text)


def _opening(biography: str) -> str:
    """The biography's first paragraph, as a reader sees it."""
    for token in markdown_parser().parse(biography):
        if token.type == "inline" and (text := plain_text(inline_runs(inline_children(token)))):
            return text
    return ""


def _introduced(biography: str) -> str | None:
    """The name the biography gives its owner: `I am X`, `the homepage of X`, or an opening
    sentence about X, as the third-person biographies of faculty pages begin."""
    if (named := _self_named(biography)) is not None:
        return named
    about = _ABOUT_NAMED.match(_GLOSS.sub("", _opening(biography)))
    if about is not None and _is_owner_name(name := _as_name(about.group(1))):
        return name
    return None


def marked_authors(works: Iterable[WorkIn], marked: Counter[str] | None = None) -> Counter[str]:
    """How often each author is marked in bold as the page's owner, added to `marked`."""
    marked = Counter() if marked is None else marked
    marked.update(author.name for work in works for author in work.authors if author.is_owner)
    return marked


def infer_owner_name(
    marked: Counter[str], biography: str, front_matter: dict[str, Any], heading: str = ""
) -> str | None:
    """The name the page states for its owner: a name-like front-matter title or heading over
    the biography, else the author marked in bold most often in the publication lists, else the
    name the biography gives.

    When the biography names the bold author's person in another form (`Wei Chen` for `Chen
    Wei`, `Jane Smith` for `J. Smith`), its form wins: that is how the owner names themself,
    the bold one how they are cited."""
    title = front_matter.get("title")
    if isinstance(title, str) and (titled := _titled(title)) is not None:
        return titled
    if names_the_owner(heading):
        return _as_name(heading)
    introduced = _introduced(biography)
    if not marked:
        return introduced
    bold = _as_name(marked.most_common(1)[0][0])
    if introduced is not None and another_form(bold, introduced):
        return introduced
    return bold


def _safe(url: str) -> str | None:
    return url if is_safe_url(url) else None


def parse_profile(
    intro: Outline, lines: Lines, marked: Counter[str], front_matter: dict[str, Any]
) -> ProfileIn:
    """The owner's profile; `marked` counts the authors in bold in the page's works
    (`marked_authors`)."""
    start = intro.content_line if intro.title else 0
    biography = lines.text(start, intro.end_line).strip()
    tokens = parse_blocks(biography)
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
        name=infer_owner_name(marked, biography, front_matter, intro.title),
        biography=biography,
        biography_html=render_html(biography),
        affiliation=affiliation.group(1).strip() if affiliation else None,
        affiliation_url=affiliation.group(2)
        if affiliation and is_safe_url(affiliation.group(2))
        else None,
        page_title=" ".join(html_text(page_title).split()) or None
        if isinstance(page_title, str)
        else None,
        links=typed_links(runs),
    )

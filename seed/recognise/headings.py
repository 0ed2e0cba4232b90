"""What a heading means: its words without emoji, shortcodes, images, legends and punctuation."""

import re
import unicodedata
from enum import StrEnum

_SHORTCODE = re.compile(r":[a-z0-9_+\-]+:")
_ATTRIBUTE_LIST = re.compile(r"\s*\{:?\s*[#.:][^{}]*\}\s*$")
"""kramdown's `{#id}` or `{: .class}` after a heading: markup, not words."""
_PARENTHESES = re.compile(r"[(（][^)）]*[)）]")
_WORD = re.compile(r"[^\W\d_]+")
_DECORATION = frozenset({"So", "Sk", "Cf"})  # emoji and other symbols, joiners


class SectionKind(StrEnum):
    news = "news"
    publications = "publications"
    projects = "projects"
    interests = "interests"
    other = "other"


_CORE_WORDS: dict[SectionKind, frozenset[str]] = {
    SectionKind.news: frozenset({"news", "updates", "update", "announcements"}),
    SectionKind.publications: frozenset(
        {"publications", "publication", "papers", "preprints", "preprint", "manuscripts"}
    ),
    SectionKind.projects: frozenset({"projects", "project"}),
    SectionKind.interests: frozenset({"interests", "interest"}),
}
_RESEARCH_THEMES = frozenset({"topics", "topic", "areas", "area", "directions", "themes", "focus"})
"""With `research`, these name an interests section: `Research Areas`, `Research Topics`."""
_ENUMERATOR = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})[.)]?\s+(?=[^\W\d_])")
"""A section's number before its name (`01 Research Interests`, `II. Teaching`): no word of it."""
_JOINED = re.compile(r"\s(?:&|and)\s|\s*/\s*", re.IGNORECASE)
_QUALIFIERS = frozenset(
    {
        "recent", "latest", "selected", "research", "and", "current", "my", "the", "of", "our",
        "some", "featured", "key", "ongoing", "main", "all", "full", "list", "whats", "what",
        "s", "new", "peer", "reviewed", "other", "representative", "past", "areas", "topics",
        "personal", "side", "academic", "course", "open", "source", "hobby", "specific",
        "old", "older", "earlier", "previous", "archived",
    }
)  # fmt: skip


def heading_words(title: str) -> list[str]:
    """The lower-case words of a heading, without legends in parentheses or decoration."""
    title = _PARENTHESES.sub(" ", _SHORTCODE.sub(" ", _ATTRIBUTE_LIST.sub("", title.lower())))
    return _WORD.findall(title)


def clean_title(title: str) -> str:
    """The heading as a reader sees it, without leading emoji, shortcodes or trailing colons."""
    title = _SHORTCODE.sub(" ", _ATTRIBUTE_LIST.sub("", title))
    start = next((i for i, char in enumerate(title) if char.isalnum()), len(title))
    title = _ENUMERATOR.sub("", title[start:])
    start = 0
    title = " ".join(title[start:].split()).rstrip(":：").strip()
    while title and (unicodedata.category(title[-1]) in _DECORATION or title[-1] in "\ufe0f "):
        title = title[:-1]
    return title


def section_kind(title: str) -> SectionKind:
    """The kind of a section from its heading, matched against the usual names for it; a
    heading that joins two names (`Projects & Internships`) is of its first part's kind."""
    kind = _kind_of_words(heading_words(title))
    if kind is SectionKind.other and len(parts := _JOINED.split(title, maxsplit=1)) == 2:
        return _kind_of_words(heading_words(parts[0]))
    return kind


def _kind_of_words(words: list[str]) -> SectionKind:
    themed = "research" in words and bool(_RESEARCH_THEMES.intersection(words))
    if themed and all(word in _QUALIFIERS or word in _RESEARCH_THEMES for word in words):
        return SectionKind.interests
    for kind, core in _CORE_WORDS.items():
        if any(word in core for word in words) and all(
            word in core or word in _QUALIFIERS or _is_core(word) for word in words
        ):
            return kind
    return SectionKind.other


def _is_core(word: str) -> bool:
    return any(word in core for core in _CORE_WORDS.values())


_ABOUT_WORDS = frozenset(
    {"about", "me", "myself", "biography", "bio", "who", "am", "i", "introduction", "hi",
     "hello", "welcome", "short"}
)  # fmt: skip


def is_about_heading(title: str) -> bool:
    """`About Me`, `👨‍💻 About`, `Biography`, `Who Am I?`: the section that is the introduction."""
    words = heading_words(title)
    return bool(words) and all(word in _ABOUT_WORDS for word in words) and words != ["i"]

r"""Whole author lines: `A\*, **B**\*, C†`, `Liu, P., **Chu, Y.**, and Xu, Z.★` (APA), with the
legend some pages append (`(* Equal contribution)`) left out."""

import re

from schemas.common import Author
from seed.document.inline import BOLD_OFF, BOLD_ON, without_bold_marks
from seed.recognise.authors import CORRESPONDING_MARKS, EQUAL_MARKS, is_et_al, parse_author
from seed.recognise.segments import AND, split_top_level

_LEGEND = re.compile(
    r"[(（][^()（）]*(?:equal|contribut|correspond|co-first|joint first)[^()（）]*[)）]", re.I
)
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.(?:\s*-\s*|\s*)?)+$")
_MARK_CHARS = "".join(EQUAL_MARKS | CORRESPONDING_MARKS) + "\ufe0f\u200d0123456789^ "


_FOOTNOTE_MARK = re.compile(r"\\?[*∗＊⁎#](?=\d)")
"""`Ana Ruiz*1`: a mark with a number points at an affiliation, not at equal contribution."""


def without_legend(text: str) -> str:
    return _LEGEND.sub(" ", text)


def without_footnote_marks(text: str) -> str:
    return _FOOTNOTE_MARK.sub("", text)


def _bare(segment: str) -> str:
    return without_bold_marks(segment).replace("\\", "").strip(_MARK_CHARS)


def author_segments(text: str) -> list[str]:
    """Comma-separated parts, with `and`/`&` between names split off and APA `Surname, I.`
    pairs joined again."""
    parts: list[str] = []
    for segment in split_top_level(without_footnote_marks(without_legend(text))):
        parts.extend(part for part in AND.split(segment) if part.strip(" " + BOLD_OFF + BOLD_ON))
    joined: list[str] = []
    for part in parts:
        if joined and _INITIALS.match(_bare(part)) and not _INITIALS.match(_bare(joined[-1])):
            joined[-1] = f"{joined[-1]}, {part.strip()}"
        else:
            joined.append(part.strip())
    return joined


def parse_author_line(text: str) -> list[Author] | None:
    """The authors when every part of the line is a name (or `et al.`), else None."""
    authors: list[Author] = []
    for segment in author_segments(text):
        if is_et_al(segment):
            continue
        author = parse_author(segment)
        if author is None:
            return None
        authors.append(author)
    if len(authors) >= 2 or (authors and (authors[0].is_owner or "," in authors[0].name)):
        return authors
    return None

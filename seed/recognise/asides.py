"""What an entry says besides its fields: a legend that explains the author marks, and
sentences about the work. Neither is ever a title, an author or a venue."""

import re

from seed.document.inline import Run, plain_text

_LEGEND = re.compile(r"^\W*(?:equal contribution|corresponding author|co-first)", re.IGNORECASE)
_MARK_MEANING = re.compile(
    r"equal(?:ly)? contribut|corresponding|co-first|joint first|alphabetical", re.IGNORECASE
)
_MARK_SYMBOL = re.compile(r"[*#†‡✉★^]")
_FOOTNOTE = re.compile(r"^[*∗†‡#✉]\s*[A-Z][a-z]+\s+[a-z]")
"""`* All papers below are first-author.`: a footnote to the marks, opened by the mark."""
_DESCRIPTION = re.compile(
    r"^\W*(?:(?:we|i|our|this (?:paper|work|project))\b|(?:tl;\s?dr|abstract)\W*[:：])",
    re.IGNORECASE,
)
"""`We propose …`, `TL;DR: …`, `Abstract: …`: sentences about the work, by how they open."""


def is_legend(text: str) -> bool:
    """A line that explains the author marks (`* denotes equal contribution`), not a work."""
    if _LEGEND.match(text) or _FOOTNOTE.match(text):
        return True
    return (
        len(text.split()) <= 15
        and _MARK_SYMBOL.search(text) is not None
        and _MARK_MEANING.search(text) is not None
    )


def is_description(text: str) -> bool:
    """A sentence about the work (`We propose …`, or a long one that ends in a period): what
    it is about, never its title, authors or venue."""
    words = text.split()
    return bool(_DESCRIPTION.match(text)) or (len(words) >= 15 and text.rstrip().endswith("."))


def is_sentences(runs: list[Run]) -> bool:
    """Plain sentences (`My group builds tools for labs.`): text that ends in a full stop and
    sets no name apart in bold, italics or a link, as a work's title or name would be."""
    shown = [run for run in runs if run.text.strip()]
    text = plain_text(shown).strip()
    plain = all(not (run.bold or run.italic or run.href or run.code) for run in shown)
    return plain and text.endswith(".") and len(text.split()) >= 3

"""What an entry says besides its fields: a legend that explains the author marks, and
sentences about the work. Neither is ever a title, an author or a venue."""

import re

_LEGEND = re.compile(r"^\W*(?:equal contribution|corresponding author|co-first)", re.IGNORECASE)
_MARK_MEANING = re.compile(
    r"equal(?:ly)? contribut|corresponding|co-first|joint first|alphabetical", re.IGNORECASE
)
_MARK_SYMBOL = re.compile(r"[*#†‡✉★^]")
_FOOTNOTE = re.compile(r"^[*∗†‡#✉]\s*[A-Z][a-z]+\s+[a-z]")
"""`* All papers below are first-author.`: a footnote to the marks, opened by the mark."""
_DESCRIPTION = re.compile(r"^\W*(?:we|i|our|this (?:paper|work|project))\b", re.IGNORECASE)


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

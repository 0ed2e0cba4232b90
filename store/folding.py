"""Accents folded as SQLite's FTS5 tokenizer folds them (`unicode61 remove_diacritics 2`), so
a search on PostgreSQL finds what the same search finds on SQLite: `muller` finds "Müller" and
`müller` finds "Muller".

FTS5 folds a Latin letter whose canonical decomposition is one ASCII letter and accents, in
Latin-1 Supplement, Latin Extended-A and -B and Latin Extended Additional, except the two below,
and folds the long s. Revision 0004 builds PostgreSQL's search columns with a frozen copy of
this table (a migration never changes), so change the two together.
"""

import unicodedata

_RANGES = (range(0x00C0, 0x0250), range(0x1E00, 0x1F00))
_KEPT = frozenset("Ǡǡ")  # FTS5 keeps these, though they decompose to `a` and accents
_LONG_S = {"ſ": "s", "ẛ": "s"}


def _folded(char: str) -> str | None:
    if char in _LONG_S:
        return _LONG_S[char]
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    if len(base) == 1 and base.isascii() and base != char and char not in _KEPT:
        return base.lower()
    return None


FOLDED: dict[str, str] = {
    char: folded
    for block in _RANGES
    for char in map(chr, block)
    if (folded := _folded(char)) is not None
}
_TABLE = str.maketrans(FOLDED)


def fold(text: str) -> str:
    """`text` with its accented Latin letters as their plain lowercase letters."""
    return text.translate(_TABLE)

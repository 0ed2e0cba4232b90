"""Personal names as the formats want them: given and family parts, and citation-key words."""

import re
import unicodedata

from seed.recognise.authors import FAMILY_PARTICLES

_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def name_parts(name: str) -> tuple[str, str, str]:
    """(given, family, suffix) of a name written given-first: `Stan Z. Li` is (`Stan Z.`, `Li`);
    `Ludwig van Beethoven` keeps `van Beethoven` as the family name. One word is all family."""
    main, _, suffix = name.partition(",")
    words = main.split()
    if words and words[-1].lower() in _SUFFIXES and not suffix:
        suffix = words.pop()
    if len(words) <= 1:
        return "", " ".join(words), suffix.strip()
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in FAMILY_PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:]), suffix.strip()


def ascii_word(text: str) -> str:
    """Lower-case ASCII letters and digits only: `Müller` is `muller`."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())

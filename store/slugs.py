"""URL-safe slugs derived from content, so they stay the same across re-seeds."""

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Container, Iterable, Sequence

from schemas.common import DatePrecision
from seed.document.html_reader import html_text

MAX_SLUG = 80


def slugify(text: str, *, max_length: int = 60) -> str:
    """`LLaMA-MoE: Building …` → `llama-moe-building-…`, accents folded; a title with no Latin
    word keeps its own letters (`Нейронные сети` → `нейронные-сети`, `深度学习：综述` →
    `深度学习-综述`), so no slug depends on where its item stands."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[^\W_]+", folded.lower()) or re.findall(r"[^\W_]+", text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    return slug or "item"


def content_suffix(content: str) -> str:
    """Six hex digits of the content's SHA-256: the same content, the same suffix."""
    return hashlib.sha256(content.encode("utf-8", "replace")).hexdigest()[:6]


def distinct_slugs(bases: Sequence[str], contents: Sequence[str], taken: set[str]) -> list[str]:
    """Each item's base slug where it alone has it; where several items share a base (or an
    item the API owns holds it), each takes a suffix from its own content, never from its
    place in the list, so removing one item renames no other. `taken` gains every slug."""
    chooser = SlugChooser(bases, taken)
    return [chooser.choose(base, content) for base, content in zip(bases, contents, strict=True)]


class SlugChooser:
    """`distinct_slugs` one item at a time, in order, once every item's base is known: a long
    list's contents are read only for the few items that need them."""

    def __init__(self, bases: Iterable[str], taken: set[str]) -> None:
        self._shared = Counter(bases)
        self._taken = taken

    def choose(self, base: str, content: str | Callable[[], str]) -> str:
        alone = self._shared[base] == 1 and base not in self._taken
        if not alone:
            said = content if isinstance(content, str) else content()
            base = f"{base}-{content_suffix(said)}"
        slug = unique_slug(base, self._taken)
        self._taken.add(slug)
        return slug


def unique_slug(base: str, taken: Container[str]) -> str:
    """`base`, or `base-2`, `base-3`, … whichever is not taken yet."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def news_slug(date: dt.date | None, precision: DatePrecision | None, text_html: str) -> str:
    """`2025-04-will-join-rutgers-…`: the date as precise as it is known, then the first words."""
    if date is None:
        prefix = "undated"
    elif precision is DatePrecision.year:
        prefix = f"{date:%Y}"
    elif precision is DatePrecision.month:
        prefix = f"{date:%Y-%m}"
    else:
        prefix = date.isoformat()
    return f"{prefix}-{slugify(html_text(text_html), max_length=50)}"

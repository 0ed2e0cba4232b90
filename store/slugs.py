"""URL-safe slugs derived from content, so they stay the same across re-seeds."""

import datetime as dt
import re
import unicodedata
from collections.abc import Container

from schemas.common import DatePrecision
from seed.document.html_reader import html_text

MAX_SLUG = 80


def slugify(text: str, *, max_length: int = 60) -> str:
    """`LLaMA-MoE: Building …` → `llama-moe-building-…`; non-Latin text keeps its letters."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode() or text
    words = re.findall(r"[^\W_]+", text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    return slug or "item"


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

"""Split citation text on separators that are not inside brackets, and names on `and`."""

import re

AND = re.compile(r"(?:^|\s+)(?:and|&)\s+", re.IGNORECASE)
"""`and` or `&` between two names (or before the first, after a comma)."""


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """Split on a separator that is not inside parentheses or brackets."""
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in "([（":
            depth += 1
        elif char in ")]）":
            depth = max(0, depth - 1)
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part for part in (p.strip() for p in parts) if part]

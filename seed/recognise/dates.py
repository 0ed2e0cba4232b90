"""Dates as people write them in news lists, with how precise each one is.

`[2025/04]`, `*2025.03*:`, `2024.04:`, `**[Jun 2025]**`, `[DEC. 2024]`, `[2020.11.26]`,
`October, 2020.`, `September 2020`, `2025-04-01`, `Mar 3, 2024`.
"""

import datetime as dt
import re
from dataclasses import dataclass

from schemas.common import DatePrecision

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_SEP = r"[./\-]"
_FORMS = [
    rf"(?P<year>(?:19|20)\d\d){_SEP}(?P<month>\d{{1,2}}){_SEP}(?P<day>\d{{1,2}})",
    rf"(?P<year>(?:19|20)\d\d){_SEP}(?P<month>\d{{1,2}})(?!\d)",
    rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)",
    rf"{_MONTH},?\s+(?P<year>(?:19|20)\d\d)",
    r"(?P<year>(?:19|20)\d\d)(?![\d./\-])(?=\s*(?:\]|\)|\*|:|：|</))",
]
_DECORATION = r"(?:\s|&nbsp;|\*|_|\[|\(|<[^>]{0,200}>|#)*"
_AFTER = (
    r"(?:\s|&nbsp;|\*|_|\]|\)|</[^>]{0,40}>)*"
    r"(?:[:：\-–—|,.]|\s)?"
    r"(?:\s|&nbsp;|\*{1,2}(?=\s)|</[^>]{0,40}>)*"
)
_LEADING = [
    re.compile(rf"^{_DECORATION}(?:{form})(?![A-Za-z\d]){_AFTER}", re.IGNORECASE) for form in _FORMS
]
_ANYWHERE = [
    re.compile(rf"(?<![\w/.\-])(?:{form})(?![A-Za-z\d])", re.IGNORECASE) for form in _FORMS
]


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    precision: DatePrecision
    start: int
    end: int


def _to_date(match: re.Match[str]) -> tuple[dt.date, DatePrecision] | None:
    groups = match.groupdict()
    year = int(groups["year"])
    month_text = groups.get("month")
    month_name = groups.get("month_name")
    day_text = groups.get("day")
    month = int(month_text) if month_text else _MONTHS.get((month_name or "").lower(), 0)
    precision = (
        DatePrecision.day if day_text else DatePrecision.month if month else DatePrecision.year
    )
    try:
        return dt.date(year, month or 1, int(day_text) if day_text else 1), precision
    except ValueError:
        return None


def leading_date(text: str) -> FoundDate | None:
    """The date a news item starts with, and where the item's own text begins."""
    for pattern in _LEADING:
        match = pattern.match(text)
        if match is not None and (found := _to_date(match)) is not None:
            return FoundDate(found[0], found[1], match.start(), match.end())
    return None


def parse_date(text: str) -> tuple[dt.date, DatePrecision] | None:
    """A whole string that is one date (a sub-heading such as `September 2020`)."""
    found = leading_date(text.strip())
    if found is None or text.strip()[found.end :].strip():
        return None
    return found.date, found.precision


_SET_APART_BEFORE = re.compile(r"(?:[(\[>—–|·]|&nbsp;)(?:\s|&nbsp;|\*|_)*$")
_NOTHING_AFTER = re.compile(r"^(?:\s|&nbsp;|[*_\])）.:;,|]|</?[a-zA-Z][^>]{0,200}>)*$")


def trailing_date(text: str) -> FoundDate | None:
    """A date set apart at the end of an item, often in HTML: `… <small>(2024.05)</small>`.
    A bare year there is a venue's year (`ICML 2024`), not the item's date."""
    for pattern in _ANYWHERE[:-1]:
        for match in pattern.finditer(text):
            before, after = text[: match.start()], text[match.end() :]
            if not (_SET_APART_BEFORE.search(before) and _NOTHING_AFTER.match(after)):
                continue
            if (found := _to_date(match)) is not None:
                return FoundDate(found[0], found[1], match.start(), match.end())
    return None

"""Dates as people write them in news lists, with how precise each one is.

`[2025/04]`, `*2025.03*:`, `2024.04:`, `**[Jun 2025]**`, `[DEC. 2024]`, `[2020.11.26]`,
`October, 2020.`, `September 2020`, `2025-04-01`, `Mar 3, 2024`, `[14/03/2025]`, `28.02.2024`,
`**Fall 2024**:`, and after an emoji that marks the item: `🎉 [2025/04]`.
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
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_SEP = r"[./\-]"
_FORMS = [
    rf"(?P<year>(?:19|20)\d\d){_SEP}(?P<month>\d{{1,2}}){_SEP}(?P<day>\d{{1,2}})",
    rf"(?P<year>(?:19|20)\d\d){_SEP}(?P<month>\d{{1,2}})(?!\d)",
    r"(?P<first>\d{1,2})(?P<sep>[./\-])(?P<second>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)",
    rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)",
    rf"{_MONTH},?\s+(?P<year>(?:19|20)\d\d)",
    rf"{_SEASON},?\s+(?P<year>(?:19|20)\d\d)",
    r"(?P<year>(?:19|20)\d\d)(?![\d./\-])(?=\s*(?:\]|\)|\*|:|：|</))",
]
_DECORATION = r"(?:\s|&nbsp;|\*|_|\[|\(|<[^>]{0,200}>|#)*"
_AFTER = (
    r"(?:\s|&nbsp;|\*|_|\]|\)|</[^>]{0,40}>)*"
    r"(?:[:：\-–—|,.]|\s)?"
    r"(?:\s|&nbsp;|\*{1,2}(?=\s)|</[^>]{0,40}>)*"
)
_EMOJI = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]"
_MARK = rf"(?P<mark>(?:{_EMOJI}(?:\s|&nbsp;)*)*)"
"""Emoji that mark the item (`🎉 [2025/04] …`): they belong to its text, the date after them
is still the one it starts with."""
_LEADING = [
    re.compile(rf"^{_MARK}{_DECORATION}(?:{form})(?![A-Za-z\d]){_AFTER}", re.IGNORECASE)
    for form in _FORMS
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


def _day_and_month(first: int, second: int, separator: str) -> tuple[int | None, int | None]:
    """The day and month of `14/03/2025` or `03/14/2025`: day first when the first number
    cannot be a month, month first when the second cannot, and day first in the dotted form
    (`28.02.2024`), which only day-first countries write. `03/04/2025` with slashes or dashes
    is written both ways, so only its year is taken: a guess could put the item a season off."""
    if separator == "." or first > 12:
        return first, second
    if second > 12:
        return second, first
    return None, None


def _to_date(match: re.Match[str]) -> tuple[dt.date, DatePrecision] | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("first"):
        day, month = _day_and_month(int(groups["first"]), int(groups["second"]), groups["sep"])
    else:
        day = int(groups["day"]) if groups.get("day") else None
        month_name = (groups.get("month_name") or "").lower()
        month = int(groups["month"]) if groups.get("month") else _MONTHS.get(month_name)
    if month is None:
        return dt.date(year, 1, 1), DatePrecision.year
    precision = DatePrecision.month if day is None else DatePrecision.day
    try:
        return dt.date(year, month, 1 if day is None else day), precision
    except ValueError:
        return None


def leading_date(text: str) -> FoundDate | None:
    """The date a news item starts with: `start` is where it begins after any emoji marking
    the item, `end` where the item's own text resumes."""
    for pattern in _LEADING:
        match = pattern.match(text)
        if match is not None and (found := _to_date(match)) is not None:
            return FoundDate(found[0], found[1], match.end("mark"), match.end())
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


def sentence_date(text: str) -> FoundDate | None:
    """The first date the item's sentence says (`In June 2024, I presented …`), for an item
    with no date of its own; a bare year is a venue's year here too."""
    found = [
        FoundDate(date[0], date[1], match.start(), match.end())
        for pattern in _ANYWHERE[:-1]
        for match in pattern.finditer(text)
        if (date := _to_date(match)) is not None
    ]
    return min(found, key=lambda date: date.start, default=None)

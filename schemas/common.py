"""Value types every resource shares: links, authors, dates, sources."""

import html
import re
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    UrlConstraints,
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """The same instant in UTC; a naive value (as SQLite returns them) is taken to be UTC."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _full_date(value: object) -> object:
    if (isinstance(value, str) and _FULL_DATE.fullmatch(value)) or type(value) is date:
        return value
    raise ValueError("must be a date written YYYY-MM-DD")


EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)


def _plausible(value: date) -> date:
    if not EARLIEST <= value <= LATEST:
        raise ValueError("must be a date from 1900 to 2100")
    return value


# A date as the OpenAPI document states it (`format: date`, years 1900 to 2100): a number, a
# timestamp or another ISO 8601 form is refused rather than read as something the client may
# not have meant, and so is `0001-01-01` or `9999-12-31`.
FullDate = Annotated[
    date,
    BeforeValidator(_full_date),
    AfterValidator(_plausible),
    Field(json_schema_extra={"pattern": r"^(?:19[0-9]{2}|20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$"}),
]


class Source(StrEnum):
    """Who owns an item: the Markdown page (`seed`), a write through the API (`api`), or a
    BibTeX import (`bibtex`, publications only: the slug is the entry's citation key, which
    re-imports match on). Each writer changes only its own items."""

    seed = "seed"
    api = "api"
    bibtex = "bibtex"


class DatePrecision(StrEnum):
    """How much of `date` the page states: `[2025/04]` is `month`, stored as 2025-04-01."""

    day = "day"
    month = "month"
    year = "year"


class LinkKind(StrEnum):
    paper = "paper"
    code = "code"
    project = "project"
    slides = "slides"
    video = "video"
    poster = "poster"
    website = "website"
    other = "other"


# PostgreSQL cannot store NUL in text, and XML (Atom, RSS) cannot hold the other control
# characters but tab, newline and carriage return, nor U+FFFE/U+FFFF: refused as input,
# stripped on import, so one post can never break the feeds for everyone.
NOT_IN_TEXT = "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff"
TEXT_ONLY = rf"^[^{NOT_IN_TEXT}]*$"


def _encodable(value: str) -> str:
    """JSON may carry a lone surrogate (`"\\ud800"`), which no UTF-8 text can hold."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be Unicode text (it holds a lone surrogate)") from None
    return value


Text = Annotated[str, StringConstraints(pattern=TEXT_ONLY), AfterValidator(_encodable)]
_BLANK = "\\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff"
VISIBLE_TEXT = rf"^[^{NOT_IN_TEXT}]*[^{NOT_IN_TEXT}{_BLANK}][^{NOT_IN_TEXT}]*$"
VisibleText = Annotated[str, StringConstraints(pattern=VISIBLE_TEXT), AfterValidator(_encodable)]
"""Text with at least one character a reader sees: not only spaces or zero-width marks."""
_NOT_IN_TEXT = re.compile(f"[{NOT_IN_TEXT}]")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def text_only(value: str) -> str:
    """The text without the characters no feed or database can hold."""
    return _NOT_IN_TEXT.sub("", value)


def is_safe_url(url: str) -> bool:
    """The one rule for every URL field: http, https and mailto, or a site-relative path;
    never `javascript:`, `data:`, `vbscript:` or their disguises (`java&#9;script:`, ` JaVa
    script:`), which browsers would still run."""
    seen = _INVISIBLE.sub("", html.unescape(url))
    if seen.startswith("//"):
        return True  # same scheme as the page: http(s)
    scheme = _SCHEME.match(seen)
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


URL_MAX = 2000
# A posted URL is stored as pydantic normalises it (`/` after a bare host, non-ASCII
# percent-encoded), which can be longer than what the client sent.
STORED_URL_MAX = 4 * URL_MAX


def _fits_once_normalised(url: HttpUrl) -> HttpUrl:
    if len(str(url)) > STORED_URL_MAX:
        raise ValueError(f"is longer than {STORED_URL_MAX} characters once percent-encoded")
    return url


class Link(BaseModel):
    """A labelled link as the page shows it, e.g. `[[Paper](https://…)]`."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=1, max_length=200, examples=["Paper"])
    url: str = Field(
        min_length=1, max_length=STORED_URL_MAX, examples=["https://arxiv.org/abs/2406.02500"]
    )
    kind: LinkKind = LinkKind.other


class LinkIn(BaseModel):
    """A link sent by a client: the URL must be an absolute http(s) URL."""

    model_config = ConfigDict(extra="forbid")

    label: Text = Field(min_length=1, max_length=200, examples=["Paper"])
    url: Annotated[
        HttpUrl, UrlConstraints(max_length=URL_MAX), AfterValidator(_fits_once_normalised)
    ] = Field(examples=["https://arxiv.org/abs/2406.02500"])


class Author(BaseModel):
    """One author of a publication or project, in the order the page lists them."""

    name: str = Field(min_length=1, max_length=200, examples=["Daize Dong"])
    is_owner: bool = Field(default=False, description="The page's owner (marked in bold).")
    equal_contribution: bool = Field(default=False, description="Marked `*`: equal contribution.")
    corresponding: bool = Field(default=False, description="Marked `†` or `✉`: corresponding.")

"""Value types every resource shares: links, authors, dates, sources."""

from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, HttpUrl


def utc_now() -> datetime:
    return datetime.now(UTC)


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


class Link(BaseModel):
    """A labelled link as the page shows it, e.g. `[[Paper](https://…)]`."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=1, max_length=200, examples=["Paper"])
    url: str = Field(min_length=1, max_length=2000, examples=["https://arxiv.org/abs/2406.02500"])
    kind: LinkKind = LinkKind.other


class LinkIn(BaseModel):
    """A link sent by a client: the URL must be an absolute http(s) URL."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=1, max_length=200, examples=["Paper"])
    url: HttpUrl = Field(examples=["https://arxiv.org/abs/2406.02500"])


class Author(BaseModel):
    """One author of a publication or project, in the order the page lists them."""

    name: str = Field(min_length=1, max_length=200, examples=["Daize Dong"])
    is_owner: bool = Field(default=False, description="The page's owner (marked in bold).")
    equal_contribution: bool = Field(default=False, description="Marked `*`: equal contribution.")
    corresponding: bool = Field(default=False, description="Marked `†` or `✉`: corresponding.")

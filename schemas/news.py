"""News items: dated announcements, from the page (`seed`) or posted through the API (`api`)."""

import datetime as dt

from pydantic import BaseModel, ConfigDict
from sqlmodel import JSON, Column, Field, SQLModel

from schemas.common import DatePrecision, FullDate, Link, LinkIn, Source, VisibleText, utc_now

NEWS_TEXT_MAX = 5000
API_NEWS_MARK = '<span class="homepage-api"></span>'
"""Ends a news item written back from the API: invisible on the site, and a re-seed leaves the
item to the API instead of adding it again as the page's own."""


class NewsBase(SQLModel):
    slug: str = Field(
        max_length=120,
        unique=True,
        index=True,
        schema_extra={"examples": ["2025-04-will-join-rutgers-university"]},
    )
    date: dt.date | None = Field(
        default=None, description="ISO date; null when the page gives none."
    )
    date_precision: DatePrecision | None = Field(
        default=None, description="How much of `date` is known: `day`, `month` or `year`."
    )
    text: str = Field(description="The item as Markdown.")
    text_html: str = Field(description="The item rendered to safe HTML.")
    source: Source


class News(NewsBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    position: int = Field(default=0, description="Order on the page, for items of one date.")
    links: list[dict[str, str]] = Field(default_factory=list, sa_column=Column(JSON))
    created_at: dt.datetime = Field(default_factory=utc_now)
    updated_at: dt.datetime = Field(default_factory=utc_now)
    created_by: str | None = Field(default=None, max_length=100)
    updated_by: str | None = Field(default=None, max_length=100)


class NewsPublic(NewsBase):
    links: list[Link]
    created_at: dt.datetime
    updated_at: dt.datetime


class NewsIn(BaseModel):
    """A news item as the importer reads it from a page."""

    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    text: str
    text_html: str
    links: list[Link] = []
    line: int = 0


class NewsCreate(BaseModel):
    """A news item posted by the owner."""

    model_config = ConfigDict(extra="forbid")

    text: VisibleText = Field(
        min_length=1,
        max_length=NEWS_TEXT_MAX,
        schema_extra={"examples": ["Paper accepted at ICML!"]},
    )
    date: FullDate | None = Field(default=None, description="Defaults to today.")
    date_precision: DatePrecision = DatePrecision.day
    links: list[LinkIn] = Field(default=[], max_length=20)


class NewsUpdate(BaseModel):
    """Fields to change on a news item; fields left out stay as they are."""

    model_config = ConfigDict(extra="forbid")

    text: VisibleText | None = Field(default=None, min_length=1, max_length=NEWS_TEXT_MAX)
    date: FullDate | None = None
    date_precision: DatePrecision | None = None
    links: list[LinkIn] | None = Field(default=None, max_length=20)

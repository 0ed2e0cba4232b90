"""Fields shared by publications and projects: a scholarly work with ordered authors."""

import datetime as dt

from pydantic import BaseModel
from sqlmodel import JSON, Field, SQLModel

from schemas.common import Author, Link, Source, utc_now


class WorkBase(SQLModel):
    slug: str = Field(max_length=120, unique=True, index=True)
    title: str = Field(max_length=1000)
    venue: str | None = Field(default=None, max_length=500)
    year: int | None = Field(default=None, index=True)
    note: str | None = Field(default=None, max_length=300, schema_extra={"examples": ["Oral"]})
    group: str | None = Field(
        default=None, max_length=200, description="The page's sub-heading, e.g. `Conference`."
    )
    featured: bool = Field(
        default=False, index=True, description="Marked `⭐` on the page: a selected work."
    )
    date: dt.date | None = Field(
        default=None, description="The full date, where a site's collection file gives one."
    )
    abstract: str | None = Field(
        default=None, max_length=20_000, description="The abstract or excerpt, as Markdown."
    )


class WorkRow(WorkBase):
    """The stored columns of a work; `Publication` and `Project` are one table each."""

    id: int | None = Field(default=None, primary_key=True)
    position: int = Field(default=0, index=True)
    source: Source = Field(default=Source.seed)
    authors: list[dict[str, object]] = Field(default_factory=list, sa_type=JSON)
    links: list[dict[str, str]] = Field(default_factory=list, sa_type=JSON)
    author_names: str = Field(default="", description="Lower-cased author names, one a line.")
    file: str | None = Field(
        default=None, max_length=500, description="The collection file, from the site root."
    )
    on_page: bool = Field(default=True, description="Listed on the about page itself.")
    created_at: dt.datetime = Field(default_factory=utc_now)
    updated_at: dt.datetime = Field(default_factory=utc_now)


class WorkPublic(WorkBase):
    authors: list[Author]
    links: list[Link]
    source: Source
    created_at: dt.datetime
    updated_at: dt.datetime


class WorkIn(BaseModel):
    """A publication or project as the importer reads it from a page."""

    title: str
    authors: list[Author] = []
    venue: str | None = None
    year: int | None = None
    note: str | None = None
    group: str | None = None
    featured: bool = False
    date: dt.date | None = None
    abstract: str | None = None
    links: list[Link] = []
    file: str | None = None
    on_page: bool = True
    line: int = 0

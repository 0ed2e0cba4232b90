"""Fields shared by publications and projects: a scholarly work with ordered authors."""

from datetime import datetime

from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from schemas.common import Author, Link, Source


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


class WorkPublic(WorkBase):
    authors: list[Author]
    links: list[Link]
    source: Source
    created_at: datetime
    updated_at: datetime


class WorkIn(BaseModel):
    """A publication or project as the importer reads it from a page."""

    title: str
    authors: list[Author] = []
    venue: str | None = None
    year: int | None = None
    note: str | None = None
    group: str | None = None
    featured: bool = False
    links: list[Link] = []
    line: int = 0

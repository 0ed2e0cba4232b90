"""Fields shared by talks and teaching: a dated event with a type, a venue and a place, as
an academicpages `_talks/*.md` or `_teaching/*.md` file describes it."""

import datetime as dt

from pydantic import BaseModel
from sqlmodel import JSON, Field, SQLModel

from schemas.common import DatePrecision, Link, Source, utc_now


class EventBase(SQLModel):
    slug: str = Field(max_length=120, unique=True, index=True)
    title: str = Field(max_length=1000)
    type: str | None = Field(
        default=None, max_length=200, schema_extra={"examples": ["Invited Talk"]}
    )
    venue: str | None = Field(default=None, max_length=500)
    date: dt.date | None = Field(
        default=None, index=True, description="ISO date; null when the file gives none."
    )
    date_precision: DatePrecision | None = Field(
        default=None, description="How much of `date` is known: `day`, `month` or `year`."
    )
    year: int | None = Field(default=None, index=True)
    location: str | None = Field(default=None, max_length=300)
    body: str = Field(default="", description="The description as Markdown.")
    body_html: str = Field(default="", description="The description rendered to safe HTML.")


class EventRow(EventBase):
    """The stored columns of an event; `Talk` and `Teaching` are one table each."""

    id: int | None = Field(default=None, primary_key=True)
    position: int = Field(default=0, index=True)
    source: Source = Field(default=Source.seed)
    links: list[dict[str, str]] = Field(default_factory=list, sa_type=JSON)
    file: str | None = Field(
        default=None, max_length=500, description="The collection file, from the site root."
    )
    created_at: dt.datetime = Field(default_factory=utc_now)
    updated_at: dt.datetime = Field(default_factory=utc_now)


class EventPublic(EventBase):
    links: list[Link]
    source: Source
    created_at: dt.datetime
    updated_at: dt.datetime


class EventIn(BaseModel):
    """A talk or a teaching entry as the importer reads it from its file."""

    title: str
    type: str | None = None
    venue: str | None = None
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    location: str | None = None
    links: list[Link] = []
    body: str = ""
    body_html: str = ""
    file: str | None = None
    line: int = 0

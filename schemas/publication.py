"""Publications, in page order."""

from datetime import datetime

from pydantic import BaseModel
from sqlmodel import JSON, Column, Field

from schemas.common import Source, utc_now
from schemas.work import WorkBase, WorkPublic


class Publication(WorkBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    position: int = Field(default=0, index=True)
    source: Source = Field(default=Source.seed)
    authors: list[dict[str, object]] = Field(default_factory=list, sa_column=Column(JSON))
    links: list[dict[str, str]] = Field(default_factory=list, sa_column=Column(JSON))
    search_text: str = Field(default="", description="Lower-cased title, authors and venue.")
    author_names: str = Field(default="", description="Lower-cased author names, one a line.")
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class PublicationPublic(WorkPublic):
    pass


class PublicationYear(BaseModel):
    """The publications of one year, for a "by year" page; `year` is null for undated ones."""

    year: int | None
    publications: list[PublicationPublic]

"""The owner's profile: name, biography and what the page states about them."""

from pydantic import BaseModel
from sqlmodel import JSON, Column, Field, SQLModel

from schemas.common import Link


class ProfileBase(SQLModel):
    name: str | None = Field(default=None, max_length=200)
    biography: str = Field(default="", description="The biography as Markdown.")
    biography_html: str = Field(default="", description="The biography rendered to safe HTML.")
    affiliation: str | None = Field(default=None, max_length=300)
    affiliation_url: str | None = Field(default=None, max_length=2000)
    page_title: str | None = Field(default=None, max_length=300)


class Profile(ProfileBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    links: list[dict[str, str]] = Field(default_factory=list, sa_column=Column(JSON))


class ProfilePublic(ProfileBase):
    links: list[Link] = Field(description="Links in the biography, in page order.")


class ProfileIn(BaseModel):
    """The profile as the importer reads it from a page."""

    name: str | None = None
    biography: str = ""
    biography_html: str = ""
    affiliation: str | None = None
    affiliation_url: str | None = None
    page_title: str | None = None
    links: list[Link] = []

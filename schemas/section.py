"""Every other section of the page (Education, Honors, Teaching, …), in page order."""

from pydantic import BaseModel
from sqlmodel import Field, SQLModel


class SectionBase(SQLModel):
    slug: str = Field(
        max_length=120, unique=True, index=True, schema_extra={"examples": ["education"]}
    )
    title: str = Field(max_length=300, schema_extra={"examples": ["Education"]})
    markdown: str = Field(description="The section's body as Markdown.")
    html: str = Field(description="The section's body rendered to safe HTML.")


class Section(SectionBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    position: int = Field(default=0, index=True)


class SectionPublic(SectionBase):
    pass


class SectionIn(BaseModel):
    title: str
    markdown: str
    html: str
    line: int = 0

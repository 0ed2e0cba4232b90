"""CSL-JSON items (the Citation Style Language's data format), as the API serves them."""

from pydantic import BaseModel, ConfigDict, Field


class CSLName(BaseModel):
    """A name in parts; a name that cannot be split (one word, no case) is `literal`."""

    family: str | None = None
    given: str | None = None
    suffix: str | None = None
    literal: str | None = None


class CSLDate(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    date_parts: list[list[int]] = Field(alias="date-parts", examples=[[[2024]]])


class CSLCustom(BaseModel):
    """What CSL has no field for: the slug, `featured`, and 0-based positions in `author` of
    the owner and of equal-contribution and corresponding authors."""

    slug: str
    featured: bool
    owner: list[int]
    equal_contribution: list[int]
    corresponding: list[int]


class CSLItem(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: str = Field(description="The citation key, the same as in the BibTeX export.")
    type: str = Field(examples=["paper-conference", "article-journal", "article"])
    title: str
    author: list[CSLName]
    container_title: str | None = Field(default=None, alias="container-title")
    issued: CSLDate | None = None
    note: str | None = None
    DOI: str | None = None
    URL: str | None = None
    number: str | None = None
    custom: CSLCustom

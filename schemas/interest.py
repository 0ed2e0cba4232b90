"""Research interests: an area and its topics, in page order."""

from pydantic import BaseModel
from sqlmodel import JSON, Column, Field, SQLModel


class InterestBase(SQLModel):
    area: str = Field(
        min_length=1, max_length=300, schema_extra={"examples": ["Conditional Computation"]}
    )


class Interest(InterestBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    position: int = Field(index=True)
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON))


class InterestPublic(InterestBase):
    topics: list[str] = Field(
        schema_extra={"examples": [["Mixture of Experts", "Sparse Activation Models"]]}
    )


class InterestIn(BaseModel):
    area: str
    topics: list[str] = []

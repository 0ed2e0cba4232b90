"""One row whose counter every write bumps, so readers can tell cheaply that content changed."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from schemas.common import utc_now


class ContentVersion(SQLModel, table=True):
    __tablename__ = "content_version"

    id: int = Field(default=1, primary_key=True)
    version: int = 0
    changed_at: datetime = Field(default_factory=utc_now)

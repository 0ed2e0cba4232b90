"""A record of every write through the API: which token, what, and when."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from schemas.common import utc_now


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utc_now)
    token_name: str = Field(max_length=100, index=True)
    action: str = Field(max_length=20, description="create, update or delete")
    resource: str = Field(max_length=40)
    slug: str = Field(max_length=120)

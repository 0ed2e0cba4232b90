"""API tokens: only a SHA-256 hash of each token is stored, with its scopes and lifetime."""

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel
from sqlmodel import JSON, Column, Field, SQLModel

from schemas.common import utc_now


class Scope(StrEnum):
    """What a token may do; one scope per write path, so new ones slot in beside these."""

    news_write = "news:write"


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True, index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    scopes: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utc_now)
    last_used_at: datetime | None = Field(default=None)
    expires_at: datetime | None = Field(default=None)
    revoked_at: datetime | None = Field(default=None)


class TokenPublic(BaseModel):
    """A token as `homepage token list` shows it: never the token itself."""

    name: str
    scopes: list[str]
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None

"""What the API owns, as `homepage export json` writes it and `homepage import json` reads it:
news posted through the API with its provenance, token metadata (never a hash) and the audit
log. Everything else comes from the page and is seeded again from it."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from schemas.common import DatePrecision, Link
from schemas.token import TokenPublic


class ArchivedNews(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    slug: str
    date: dt.date | None
    date_precision: DatePrecision | None
    text: str
    text_html: str
    links: list[Link]
    created_at: dt.datetime
    updated_at: dt.datetime
    created_by: str | None
    updated_by: str | None


class ArchivedToken(TokenPublic):
    model_config = ConfigDict(from_attributes=True)


class ArchivedAuditEntry(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    at: dt.datetime
    token_name: str
    action: str
    resource: str
    slug: str


class OwnedArchive(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["homepage-api/owned/1"] = "homepage-api/owned/1"
    news: list[ArchivedNews]
    tokens: list[ArchivedToken]
    audit: list[ArchivedAuditEntry]

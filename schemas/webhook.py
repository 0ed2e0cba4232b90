"""The webhook outbox: one row per content change, written in the change's own transaction and
delivered later by the dispatcher, so a write never waits for a receiver."""

from datetime import datetime

from sqlmodel import JSON, Column, Field, SQLModel

from schemas.common import utc_now


class WebhookEvent(SQLModel, table=True):
    __tablename__ = "webhook_outbox"

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(description="The content version the change produced.")
    created_at: datetime = Field(default_factory=utc_now, index=True)
    next_attempt_at: datetime = Field(default_factory=utc_now, index=True)
    claimed_until: datetime | None = None
    attempts: int = 0
    pending_urls: list[str] | None = Field(
        default=None, sa_column=Column(JSON), description="URLs still to reach; null: all."
    )
    delivered_at: datetime | None = Field(default=None, index=True)
    gave_up_at: datetime | None = None
    last_error: str | None = Field(default=None, max_length=500)

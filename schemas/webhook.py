"""The webhook outbox: one event per content change, written in the change's own transaction,
and one delivery per (event, receiver URL), each with its own retries, so that a slow
receiver delays only itself and each receiver hears of each event once."""

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from schemas.common import utc_now


class WebhookEvent(SQLModel, table=True):
    __tablename__ = "webhook_outbox"

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(description="The content version the change produced.")
    created_at: datetime = Field(default_factory=utc_now, index=True)
    fanned_out_at: datetime | None = Field(
        default=None,
        index=True,
        description="When a delivery was queued for each configured URL; null: not yet.",
    )


class WebhookDelivery(SQLModel, table=True):
    __tablename__ = "webhook_delivery"
    __table_args__ = (
        UniqueConstraint("event_id", "url", name="uq_webhook_delivery_event_id_url"),
        Index("ix_webhook_delivery_url_next_attempt_at", "url", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="webhook_outbox.id", ondelete="CASCADE")
    url: str = Field(max_length=2000)
    next_attempt_at: datetime = Field(default_factory=utc_now)
    claimed_until: datetime | None = Field(
        default=None, description="Until when one worker owns it; outlasts the whole delivery."
    )
    attempts: int = 0
    delivered_at: datetime | None = None
    gave_up_at: datetime | None = None
    last_error: str | None = Field(default=None, max_length=500)

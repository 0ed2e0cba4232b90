"""Record a content change for delivery, in the transaction that makes the change."""

from datetime import timedelta

from sqlalchemy import delete, insert
from sqlmodel import Session, col

from schemas.common import utc_now
from schemas.webhook import WebhookEvent

KEPT_FOR = timedelta(days=7)
"""Events older than this are dropped, delivered or not, so the table stays small."""


def enqueue_change(session: Session, version: int) -> None:
    now = utc_now()
    session.execute(
        insert(WebhookEvent).values(version=version, created_at=now, next_attempt_at=now)
    )
    session.execute(delete(WebhookEvent).where(col(WebhookEvent.created_at) < now - KEPT_FOR))

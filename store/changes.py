"""Record a content change: the content version, bumped in every transaction that changes what
readers see, and the webhook event for it, delivered after the commit."""

from datetime import timedelta

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col
from sqlmodel import select as select_model

from schemas.common import utc_now
from schemas.content_version import ContentVersion
from schemas.webhook import WebhookDelivery, WebhookEvent

_TABLE = ContentVersion.__table__  # type: ignore[attr-defined]
WEBHOOK_EVENTS = "webhook_events"
"""The execution option of an engine whose changes are recorded for webhooks (see
`recording_webhook_events`); without webhook URLs, no outbox row is written."""
EVENTS_KEPT_FOR = timedelta(days=7)
"""Webhook events older than this are dropped, delivered or not, so the table stays small."""


def ensure_version_row(connection: Connection) -> None:
    """The single row exists from the start, so concurrent first writers only update it."""
    if connection.execute(select(_TABLE.c.id)).first() is None:
        connection.execute(insert(_TABLE).values(id=1, version=0, changed_at=utc_now()))


def bump_version(session: Session) -> int:
    """Increment atomically in the caller's transaction; the row lock orders writers."""
    statement = (
        update(_TABLE)
        .values(version=_TABLE.c.version + 1, changed_at=utc_now())
        .returning(_TABLE.c.version)
    )
    version = session.execute(statement).scalar()
    if version is None:  # a database created before the row existed
        session.execute(insert(_TABLE).values(id=1, version=1, changed_at=utc_now()))
        version = 1
    if session.connection().get_execution_options().get(WEBHOOK_EVENTS, False):
        enqueue_change(session, int(version))  # webhooks, delivered after the commit
    return int(version)


def current_version(session: Session) -> ContentVersion:
    row = session.exec(select_model(ContentVersion)).first()
    return row if row is not None else ContentVersion(id=1, version=0)


def enqueue_change(session: Session, version: int) -> None:
    """The event only: the dispatcher queues one delivery per receiver URL, which it knows."""
    now = utc_now()
    session.execute(insert(WebhookEvent).values(version=version, created_at=now))
    expired = select(col(WebhookEvent.id)).where(
        col(WebhookEvent.created_at) < now - EVENTS_KEPT_FOR
    )
    session.execute(delete(WebhookDelivery).where(col(WebhookDelivery.event_id).in_(expired)))
    session.execute(delete(WebhookEvent).where(col(WebhookEvent.id).in_(expired)))


def recording_webhook_events(engine: Engine) -> Engine:
    """The engine, with every content change also recorded in the webhook outbox."""
    return engine.execution_options(**{WEBHOOK_EVENTS: True})

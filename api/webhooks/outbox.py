"""The outbox as the dispatcher works it: queue a delivery per receiver URL for each new event,
claim a due delivery (an UPDATE that only one worker process can win, for longer than the
delivery can last), and record how it went."""

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, insert, or_, select, update
from sqlalchemy.engine import Engine
from sqlmodel import col

from schemas.common import as_utc, utc_now
from schemas.webhook import WebhookDelivery, WebhookEvent

log = logging.getLogger("homepage.webhooks")
BATCH = 20


@dataclass(frozen=True)
class WebhookConfig:
    urls: tuple[str, ...]
    secret: str
    retry_base: float = 2.0
    max_attempts: int = 8
    poll_interval: float = 0.5
    deadline: float = 10.0
    """Seconds for a whole POST, connect to last byte of the answer."""
    claim_margin: float = 30.0
    """Seconds a claim outlasts the deadline: time to record the outcome before the claim ends."""

    @property
    def claim_for(self) -> timedelta:
        return timedelta(seconds=self.deadline + self.claim_margin)

    def backoff(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.retry_base * 2 ** (attempts - 1), 3600))


@dataclass(frozen=True)
class Claim:
    delivery: WebhookDelivery
    event: WebhookEvent
    until: datetime
    """The claim's end as written, which the outcome must still find there."""

    def seconds_to_deliver(self, config: WebhookConfig) -> float:
        """What is left for the POST: the deadline, less any time spent since the claim was
        taken, so the outcome always has the claim's margin to be recorded in."""
        left = (self.until - utc_now()).total_seconds() - config.claim_margin
        return max(0.0, min(config.deadline, left))

    def body(self) -> bytes:
        body = {
            "event": "content.changed",
            "id": self.event.id,
            "version": self.event.version,
            "changed_at": as_utc(self.event.created_at).isoformat().replace("+00:00", "Z"),
        }
        return json.dumps(body, separators=(",", ":")).encode()


def fan_out(engine: Engine, urls: tuple[str, ...]) -> int:
    """Queue a delivery to each URL for every event not yet queued; the number of events. The
    UPDATE marks each event in one transaction only, so no delivery is queued twice."""
    now = utc_now()
    with engine.execution_options(write=True).begin() as connection:
        ids = (
            connection.execute(
                update(WebhookEvent)
                .where(col(WebhookEvent.fanned_out_at).is_(None))
                .values(fanned_out_at=now)
                .returning(col(WebhookEvent.id))
            )
            .scalars()
            .all()
        )
        if ids:
            connection.execute(
                insert(WebhookDelivery),
                [
                    {"event_id": event_id, "url": url, "next_attempt_at": now, "attempts": 0}
                    for event_id in ids
                    for url in urls
                ],
            )
    return len(ids)


def _due(now: datetime) -> ColumnElement[bool]:
    return and_(
        col(WebhookDelivery.delivered_at).is_(None),
        col(WebhookDelivery.gave_up_at).is_(None),
        col(WebhookDelivery.next_attempt_at) <= now,
        or_(
            col(WebhookDelivery.claimed_until).is_(None),
            col(WebhookDelivery.claimed_until) < now,
        ),
    )


def due_deliveries(engine: Engine, url: str) -> list[int]:
    """The ids of the deliveries to `url` that are due and unclaimed, oldest first."""
    with engine.connect() as connection:
        ids = connection.execute(
            select(col(WebhookDelivery.id))
            .where(col(WebhookDelivery.url) == url, _due(utc_now()))
            .order_by(col(WebhookDelivery.id))
            .limit(BATCH)
        ).scalars()
        return [delivery_id for delivery_id in ids if delivery_id is not None]


def claim(engine: Engine, delivery_id: int, claim_for: timedelta) -> Claim | None:
    with engine.execution_options(write=True).begin() as connection:
        # Timed from inside the transaction (on SQLite, once the write lock is held), so
        # waiting for the lock does not shorten the claim.
        now = utc_now()
        until = now + claim_for
        claimed = connection.execute(
            update(WebhookDelivery)
            .where(col(WebhookDelivery.id) == delivery_id, _due(now))
            .values(claimed_until=until)
        )
        if claimed.rowcount != 1:
            return None
        delivery = WebhookDelivery.model_validate(
            connection.execute(
                select(WebhookDelivery.__table__).where(  # type: ignore[attr-defined]
                    col(WebhookDelivery.id) == delivery_id
                )
            )
            .one()
            ._asdict()
        )
        event = WebhookEvent.model_validate(
            connection.execute(
                select(WebhookEvent.__table__).where(  # type: ignore[attr-defined]
                    col(WebhookEvent.id) == delivery.event_id
                )
            )
            .one()
            ._asdict()
        )
    return Claim(delivery, event, until)


def record(engine: Engine, claim: Claim, error: str | None, config: WebhookConfig) -> None:
    """The outcome of a claimed delivery: delivered, retried after a backoff, or given up."""
    delivery = claim.delivery
    attempts = delivery.attempts + 1
    now = utc_now()
    values: dict[str, object] = {"attempts": attempts, "claimed_until": None}
    if error is None:
        values |= {"delivered_at": now, "last_error": None}
    else:
        values["last_error"] = error[:500]
        if attempts >= config.max_attempts:
            values["gave_up_at"] = now
            log.warning(
                "webhook %s to %s given up after %d attempts: %s",
                delivery.event_id,
                delivery.url,
                attempts,
                error,
            )
        else:
            values["next_attempt_at"] = now + config.backoff(attempts)
    with engine.execution_options(write=True).begin() as connection:
        recorded = connection.execute(
            update(WebhookDelivery)
            .where(
                col(WebhookDelivery.id) == delivery.id,
                col(WebhookDelivery.claimed_until) == claim.until,
            )
            .values(**values)
        )
    if recorded.rowcount != 1:  # only if recording took longer than the claim's margin
        log.error(
            "webhook %s to %s: claim lost before its outcome", delivery.event_id, delivery.url
        )

"""Deliver outbox events from a background thread: claim a due event (an UPDATE that only one
worker process can win), POST it to each URL still pending, then record the outcome and, on
failure, the next attempt after an exponential backoff."""

import json
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
from sqlalchemy import or_, select, update
from sqlalchemy.engine import Engine
from sqlmodel import col

from api.settings import Settings
from api.webhooks.signature import HEADER, signature
from schemas.common import as_utc, utc_now
from schemas.webhook import WebhookEvent

log = logging.getLogger("homepage.webhooks")
CLAIM_FOR = timedelta(seconds=60)
BATCH = 20


@dataclass(frozen=True)
class WebhookConfig:
    urls: tuple[str, ...]
    secret: str
    retry_base: float = 2.0
    max_attempts: int = 8
    poll_interval: float = 0.5
    timeout: float = 5.0

    def backoff(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.retry_base * 2 ** (attempts - 1), 3600))


def event_body(event: WebhookEvent, changed_at: datetime) -> bytes:
    body = {
        "event": "content.changed",
        "id": event.id,
        "version": event.version,
        "changed_at": as_utc(changed_at).isoformat().replace("+00:00", "Z"),
    }
    return json.dumps(body, separators=(",", ":")).encode()


class Dispatcher:
    def __init__(self, engine: Engine, config: WebhookConfig) -> None:
        self.engine = engine
        self.config = config
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="webhook-dispatcher", daemon=True)
        self.client = httpx.Client(timeout=config.timeout)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=self.config.timeout + 5)
        self.client.close()

    def _run(self) -> None:
        while not self.stopping.is_set():
            try:
                self.deliver_due()
            except Exception:  # a bad moment for the database must not end the thread
                log.exception("webhook delivery round failed")
            self.stopping.wait(self.config.poll_interval)

    def deliver_due(self) -> int:
        """Deliver every due event this process claims; the number attempted."""
        table = WebhookEvent.__table__  # type: ignore[attr-defined]
        now = utc_now()
        with self.engine.connect() as connection:
            due = connection.execute(
                select(table.c.id)
                .where(
                    table.c.delivered_at.is_(None),
                    table.c.gave_up_at.is_(None),
                    table.c.next_attempt_at <= now,
                    or_(table.c.claimed_until.is_(None), table.c.claimed_until < now),
                )
                .order_by(table.c.id)
                .limit(BATCH)
            ).all()
        attempted = 0
        for (event_id,) in due:
            event = self._claim(event_id)
            if event is not None and not self.stopping.is_set():
                self._deliver(event)
                attempted += 1
        return attempted

    def _claim(self, event_id: int) -> WebhookEvent | None:
        now = utc_now()
        with self.engine.execution_options(write=True).begin() as connection:
            claimed = connection.execute(
                update(WebhookEvent)
                .where(
                    col(WebhookEvent.id) == event_id,
                    col(WebhookEvent.delivered_at).is_(None),
                    or_(
                        col(WebhookEvent.claimed_until).is_(None),
                        col(WebhookEvent.claimed_until) < now,
                    ),
                )
                .values(claimed_until=now + CLAIM_FOR)
            )
            if claimed.rowcount != 1:
                return None
            row = connection.execute(
                select(WebhookEvent.__table__).where(  # type: ignore[attr-defined]
                    col(WebhookEvent.id) == event_id
                )
            ).one()
        return WebhookEvent.model_validate(row._asdict())

    def _post(self, url: str, body: bytes, event_id: int) -> str | None:
        """None when the receiver took it (2xx), else what went wrong."""
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "homepage-api webhooks",
            "X-Homepage-Event": "content.changed",
            "X-Homepage-Delivery": str(event_id),
            HEADER: signature(body, self.config.secret),
        }
        try:
            response = self.client.post(url, content=body, headers=headers)
        except httpx.HTTPError as error:
            return f"{url}: {type(error).__name__}"
        return None if response.is_success else f"{url}: HTTP {response.status_code}"

    def _deliver(self, event: WebhookEvent) -> None:
        assert event.id is not None
        body = event_body(event, event.created_at)
        urls = event.pending_urls if event.pending_urls is not None else list(self.config.urls)
        errors = {url: error for url in urls if (error := self._post(url, body, event.id))}
        attempts = event.attempts + 1
        now = utc_now()
        values: dict[str, object] = {"attempts": attempts, "claimed_until": None}
        if not errors:
            values |= {"delivered_at": now, "pending_urls": [], "last_error": None}
        else:
            values |= {"pending_urls": list(errors), "last_error": "; ".join(errors.values())[:500]}
            if attempts >= self.config.max_attempts:
                values["gave_up_at"] = now
                log.warning("webhook %s given up after %d attempts", event.id, attempts)
            else:
                values["next_attempt_at"] = now + self.config.backoff(attempts)
        with self.engine.execution_options(write=True).begin() as connection:
            connection.execute(
                update(WebhookEvent).where(col(WebhookEvent.id) == event.id).values(**values)
            )


@contextmanager
def webhook_dispatcher(settings: Settings, engine: Engine) -> Iterator[Dispatcher | None]:
    """Deliver webhooks while the block runs, when any URL is configured."""
    if not settings.webhook_urls or not settings.webhook_secret:
        yield None
        return
    config = WebhookConfig(
        urls=tuple(settings.webhook_urls),
        secret=settings.webhook_secret,
        retry_base=settings.webhook_retry_base,
    )
    dispatcher = Dispatcher(engine, config)
    dispatcher.start()
    try:
        yield dispatcher
    finally:
        dispatcher.stop()

"""Deliver outbox events from a background thread running one asyncio loop: a task queues a
delivery per receiver URL for each new event, and each URL has its own task, so a slow
receiver delays only its own deliveries. Each POST has a total deadline (httpx times single
reads only, so a receiver trickling a byte at a time would hold it forever), and its claim
lasts longer than that deadline, so no other worker process takes it up meanwhile."""

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from functools import partial

import httpx
from sqlalchemy.engine import Engine

from api.settings import Settings
from api.webhooks import outbox
from api.webhooks.outbox import Claim, WebhookConfig
from api.webhooks.signature import HEADER, signature

log = logging.getLogger("homepage.webhooks")
__all__ = ["Dispatcher", "WebhookConfig", "webhook_dispatcher"]


class Dispatcher:
    def __init__(self, engine: Engine, config: WebhookConfig) -> None:
        self.engine = engine
        self.config = config
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="webhook-dispatcher", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        """Stop taking deliveries; one under way finishes (within its deadline) first."""
        self.stopping.set()
        self.thread.join(timeout=self.config.deadline + self.config.poll_interval + 5)

    def _run(self) -> None:
        asyncio.run(self.run())

    async def run(self) -> None:
        """Deliver until `stopping` is set."""
        async with httpx.AsyncClient(timeout=self.config.deadline) as client:
            await asyncio.gather(
                self._forever(self._fan_out, "queueing"),
                *(
                    self._forever(partial(self.deliver_due, client, url), url)
                    for url in self.config.urls
                ),
            )

    async def _forever(self, round_: Callable[[], Awaitable[object]], name: str) -> None:
        while not self.stopping.is_set():
            try:
                await round_()
            except Exception:  # a bad moment for the database must not end the task
                log.exception("webhook round failed (%s)", name)
            await asyncio.sleep(self.config.poll_interval)

    async def _fan_out(self) -> int:
        return await asyncio.to_thread(outbox.fan_out, self.engine, self.config.urls)

    async def deliver_due(self, client: httpx.AsyncClient, url: str) -> int:
        """Deliver, one after another, the due deliveries to `url` this process claims; the
        number attempted."""
        attempted = 0
        for delivery_id in await asyncio.to_thread(outbox.due_deliveries, self.engine, url):
            if self.stopping.is_set():
                break
            claim = await asyncio.to_thread(
                outbox.claim, self.engine, delivery_id, self.config.claim_for
            )
            if claim is None:
                continue
            error = await self._post(client, claim)
            await asyncio.to_thread(outbox.record, self.engine, claim, error, self.config)
            attempted += 1
        return attempted

    async def _post(self, client: httpx.AsyncClient, claim: Claim) -> str | None:
        """None when the receiver took it (2xx) within the deadline, else what went wrong."""
        body = claim.body()
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "homepage-api webhooks",
            "X-Homepage-Event": "content.changed",
            "X-Homepage-Delivery": str(claim.event.id),
            HEADER: signature(body, self.config.secret),
        }
        try:
            async with asyncio.timeout(claim.seconds_to_deliver(self.config)):
                response = await client.post(claim.delivery.url, content=body, headers=headers)
        except TimeoutError:
            return f"no complete answer within the {self.config.deadline:g} s deadline"
        except httpx.HTTPError as error:
            return type(error).__name__
        return None if response.is_success else f"HTTP {response.status_code}"


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
        deadline=settings.webhook_deadline,
    )
    dispatcher = Dispatcher(engine, config)
    dispatcher.start()
    try:
        yield dispatcher
    finally:
        dispatcher.stop()

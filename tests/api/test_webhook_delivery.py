"""Webhook delivery against real receivers on 127.0.0.1: one receiver trickling its answer
delays only itself and is cut at the deadline; with two workers on one database, each event
reaches each receiver once, however slow it is; events queued before per-receiver deliveries
existed reach every receiver once."""

import asyncio
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import httpx
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from api.settings import Settings
from api.webhooks import outbox
from api.webhooks.dispatcher import Dispatcher, WebhookConfig
from schemas.common import utc_now
from schemas.webhook import WebhookDelivery
from store import schema
from store.changes import bump_version, recording_webhook_events
from store.engine import make_engine, write_session
from tests.webhook_receivers import Receiver, serving

SECRET = "a-test-secret-of-some-length"


def change_content(engine: Engine, times: int) -> None:
    for _ in range(times):
        with write_session(recording_webhook_events(engine)) as session:
            bump_version(session)


@contextmanager
def dispatching(url: str, count: int, config: WebhookConfig) -> Iterator[list[Dispatcher]]:
    """`count` dispatchers, each on its own engine (its own connections), as worker processes
    have; stopped, their deliveries under way finished, when the block ends."""
    engines = [make_engine(url) for _ in range(count)]
    dispatchers = [Dispatcher(engine, config) for engine in engines]
    for dispatcher in dispatchers:
        dispatcher.start()
    try:
        yield dispatchers
    finally:
        for dispatcher in dispatchers:
            dispatcher.stop()
        for engine in engines:
            engine.dispose()


def deliveries(engine: Engine) -> dict[str, list[WebhookDelivery]]:
    by_url: dict[str, list[WebhookDelivery]] = {}
    with Session(engine) as session:
        for delivery in session.exec(select(WebhookDelivery).order_by("id")):
            by_url.setdefault(delivery.url, []).append(delivery)
    return by_url


def test_a_trickling_receiver_delays_only_itself_and_is_cut_at_the_deadline(
    settings: Settings, engine: Engine
) -> None:
    with ExitStack() as stack:
        # Each byte comes well within any per-read timeout; the whole answer takes 14 s.
        trickling = stack.enter_context(serving(Receiver(drip=0.3)))
        healthy = stack.enter_context(serving(Receiver()))
        config = WebhookConfig(
            urls=(trickling.url, healthy.url),  # the slow one first
            secret=SECRET,
            retry_base=1.0,
            poll_interval=0.05,
            deadline=1.0,
        )
        change_content(engine, 1)
        started = time.monotonic()
        with dispatching(settings.database_url, 1, config):
            healthy.wait_for(1, timeout=2)
            reached_healthy = time.monotonic() - started
            first, second = trickling.wait_for_arrivals(2, timeout=8)
        by_url = deliveries(engine)
    assert reached_healthy < 1.0
    # Cut at the 1 s deadline, then tried again after the 1 s backoff.
    assert second - first >= 1.9
    assert (len(healthy.received), trickling.received) == (1, [])
    [slow] = by_url[trickling.url]
    assert (slow.attempts >= 1, slow.delivered_at, slow.last_error) == (
        True,
        None,
        "no complete answer within the 1 s deadline",
    )
    [fast] = by_url[healthy.url]
    assert (fast.attempts, fast.last_error, fast.delivered_at is not None) == (1, None, True)


def test_two_workers_deliver_each_event_to_each_receiver_once_however_slow(
    settings: Settings, engine: Engine
) -> None:
    with ExitStack() as stack:
        # The answer takes about 1.4 s, longer than the claim margin and well within the
        # deadline: an old-style claim this short would end mid-delivery and the other worker
        # resend it.
        slow = stack.enter_context(serving(Receiver(drip=0.03)))
        healthy = stack.enter_context(serving(Receiver()))
        config = WebhookConfig(
            urls=(slow.url, healthy.url),
            secret=SECRET,
            poll_interval=0.05,
            deadline=3.0,
            claim_margin=0.5,
        )
        change_content(engine, 4)
        with dispatching(settings.database_url, 2, config):
            slow.wait_for(4, timeout=15)
            healthy.wait_for(4, timeout=5)
            time.sleep(1.0)  # long enough for a second delivery to arrive, were there one
    for receiver in (slow, healthy):
        assert Counter(body["id"] for _, body in receiver.arrivals) == dict.fromkeys(range(1, 5), 1)
        assert len(receiver.received) == 4


def test_a_post_begun_late_in_its_claim_ends_with_the_claims_margin_left(
    engine: Engine,
) -> None:
    with serving(Receiver(drip=0.3)) as trickling:
        config = WebhookConfig(urls=(trickling.url,), secret=SECRET, deadline=1.0, claim_margin=0.5)
        change_content(engine, 1)
        outbox.fan_out(engine, config.urls)
        [delivery_id] = outbox.due_deliveries(engine, trickling.url)
        claim = outbox.claim(engine, delivery_id, config.claim_for)
        assert claim is not None
        time.sleep(0.6)  # as if the process had been busy: 0.4 s of the deadline is left

        async def post() -> str | None:
            async with httpx.AsyncClient() as client:
                return await Dispatcher(engine, config)._post(client, claim)

        error = asyncio.run(post())
        margin_left = (claim.until - utc_now()).total_seconds()
    assert error == "no complete answer within the 1 s deadline"
    assert 0.25 < margin_left <= 0.5


def test_events_queued_before_per_receiver_deliveries_reach_each_receiver_once(
    settings: Settings, engine: Engine
) -> None:
    with ExitStack() as stack:
        first = stack.enter_context(serving(Receiver()))
        second = stack.enter_context(serving(Receiver()))
        schema.downgrade(engine, "0001")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO webhook_outbox (id, version, created_at, next_attempt_at, "
                    "attempts, pending_urls, delivered_at, last_error) VALUES "
                    "(1, 1, :now, :now, 0, NULL, NULL, NULL), "  # never tried
                    "(2, 2, :now, :now, 1, :pending, NULL, 'HTTP 503'), "  # one URL left
                    "(3, 3, :now, :now, 1, '[]', :now, NULL)"  # delivered to both
                ),
                {"now": "2026-12-01 10:00:00.000000", "pending": f'["{second.url}"]'},
            )
        schema.upgrade(engine)
        config = WebhookConfig(urls=(first.url, second.url), secret=SECRET, poll_interval=0.05)
        with dispatching(settings.database_url, 2, config):
            second.wait_for(2)
            first.wait_for(1)
            time.sleep(0.5)
    assert sorted(body["id"] for _, body in first.arrivals) == [1]
    assert sorted(body["id"] for _, body in second.arrivals) == [1, 2]

"""Webhooks against a real receiver on 127.0.0.1: signed, sent after a seed and an API write,
retried with backoff, never holding up the write, and sent once with several dispatchers."""

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from api.main import create_app
from api.settings import Settings
from api.webhooks.dispatcher import Dispatcher, WebhookConfig
from schemas.webhook import WebhookDelivery, WebhookEvent
from seed.files import read_page
from store.changes import bump_version, recording_webhook_events
from store.engine import write_session
from store.load_page import load_page
from tests.conftest import SEED_PAGE, make_token
from tests.webhook_receivers import Receiver, serving

SECRET = "a-test-secret-of-some-length"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with serving(Receiver()) as state:
        yield state


def webhook_settings(settings: Settings, receiver: Receiver) -> Settings:
    return settings.model_copy(
        update={
            "webhook_urls": [receiver.url],
            "webhook_secret": SECRET,
            "webhook_retry_base": 0.05,
        }
    )


def assert_signed(headers: dict[str, str], body: bytes) -> None:
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Homepage-Signature"] == expected
    assert headers["Content-Type"] == "application/json"


def test_seed_and_api_writes_are_posted_signed(
    settings: Settings, engine: Engine, receiver: Receiver
) -> None:
    with TestClient(create_app(webhook_settings(settings, receiver), engine)) as client:
        load_page(recording_webhook_events(engine), read_page(SEED_PAGE).page)
        [seeded] = receiver.wait_for(1)
        token = make_token(engine)
        response = client.post(
            "/news", json={"text": "Talk at MIT."}, headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 201
        events = receiver.wait_for(2)
    assert [{k: v for k, v in e.items() if k != "changed_at"} for e in events] == [
        {"event": "content.changed", "id": 1, "version": 1},
        {"event": "content.changed", "id": 2, "version": 2},
    ]
    assert seeded["changed_at"].endswith("Z")
    for headers, body in receiver.received:
        assert_signed(headers, body)
        assert headers["X-Homepage-Event"] == "content.changed"
    assert [h["X-Homepage-Delivery"] for h, _ in receiver.received] == ["1", "2"]


def test_failed_deliveries_are_retried_with_backoff(
    settings: Settings, engine: Engine, receiver: Receiver
) -> None:
    receiver.failures_left = 2
    with TestClient(create_app(webhook_settings(settings, receiver), engine)):
        load_page(recording_webhook_events(engine), read_page(SEED_PAGE).page)
        receiver.wait_for(1)
    with Session(engine) as session:
        delivery = session.exec(select(WebhookDelivery)).one()
    assert (delivery.url, delivery.attempts, delivery.last_error) == (receiver.url, 3, None)
    assert delivery.delivered_at is not None


def test_a_slow_receiver_never_holds_up_a_write(
    settings: Settings, engine: Engine, receiver: Receiver
) -> None:
    receiver.hold = threading.Event()
    auth = {"Authorization": f"Bearer {make_token(engine)}"}
    with TestClient(create_app(webhook_settings(settings, receiver), engine)) as client:
        first = client.post("/news", json={"text": "One."}, headers=auth)
        assert receiver.arrived.wait(timeout=10)  # its delivery is under way, and held
        second = client.post("/news", json={"text": "Two."}, headers=auth)
        assert ([first.status_code, second.status_code], receiver.received) == ([201, 201], [])
        receiver.hold.set()
        receiver.wait_for(1)


def test_several_dispatchers_send_each_event_once(engine: Engine, receiver: Receiver) -> None:
    for _ in range(6):
        with write_session(recording_webhook_events(engine)) as session:
            bump_version(session)
    config = WebhookConfig(urls=(receiver.url,), secret=SECRET, poll_interval=0.05)
    dispatchers = [Dispatcher(engine, config) for _ in range(3)]
    for dispatcher in dispatchers:
        dispatcher.start()
    receiver.wait_for(6)
    for dispatcher in dispatchers:
        dispatcher.stop()
    ids = [json.loads(body)["id"] for _, body in receiver.received]
    assert sorted(ids) == list(range(1, 7))


def test_urls_without_a_secret_are_refused() -> None:
    with pytest.raises(ValidationError, match="HOMEPAGE_WEBHOOK_SECRET"):
        Settings(webhook_urls=["http://127.0.0.1:9/hook"])


def test_without_webhook_urls_no_outbox_row_is_written(
    client: TestClient, engine: Engine, auth: dict[str, str]
) -> None:
    load_page(engine, read_page(SEED_PAGE).page)
    assert client.post("/news", json={"text": "Quiet."}, headers=auth).status_code == 201
    with Session(engine) as session:
        assert session.exec(select(WebhookEvent)).all() == []
        assert session.exec(select(WebhookDelivery)).all() == []

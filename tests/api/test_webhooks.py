"""Webhooks against a real receiver on 127.0.0.1: signed, sent after a seed and an API write,
retried with backoff, never holding up the write, and sent once with several dispatchers."""

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from api.main import create_app
from api.settings import Settings
from api.webhooks.dispatcher import Dispatcher, WebhookConfig
from schemas.webhook import WebhookEvent
from seed.files import read_page
from store.changes import bump_version, recording_webhook_events
from store.engine import write_session
from store.load_page import load_page
from tests.conftest import SEED_PAGE, make_token

SECRET = "a-test-secret-of-some-length"


@dataclass
class Receiver:
    url: str
    failures_left: int = 0
    hold: threading.Event | None = None
    """While set to an unset event, each delivery arrives and then waits for it."""
    arrived: threading.Event = field(default_factory=threading.Event)
    received: list[tuple[dict[str, str], bytes]] = field(default_factory=list)

    def wait_for(self, count: int, timeout: float = 10) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(self.received) >= count, self.received
        return [json.loads(body) for _, body in self.received]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            state.arrived.set()
            if state.hold is not None:
                state.hold.wait(timeout=10)
            if state.failures_left > 0:
                state.failures_left -= 1
                self.send_response(503)
            else:
                state.received.append((dict(self.headers.items()), body))
                self.send_response(204)
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


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
        event = session.exec(select(WebhookEvent)).one()
    assert (event.attempts, event.pending_urls, event.last_error) == (3, [], None)
    assert event.delivered_at is not None


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
    config = WebhookConfig(urls=(receiver.url,), secret=SECRET)
    dispatchers = [Dispatcher(engine, config) for _ in range(3)]
    threads = [threading.Thread(target=d.deliver_due) for d in dispatchers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for dispatcher in dispatchers:
        dispatcher.client.close()
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

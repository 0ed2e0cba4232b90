"""When the response cache keeps an answer it did not check the content's version for: the
version the handler read it at (a page of works reads it in its own statement), or the
version asked after the app ran, if it is still the one from before."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.types import Receive, Scope, Send

from api.main import create_app
from api.middleware.cache import ResponseCache, read_at
from api.settings import Settings
from store.changes import bump_version, current_version


class CountedWatcher:
    """The content version row, as `store.change_watch.ContentVersionRow` reads it on
    PostgreSQL, but on a new connection each time (on SQLite a connection kept would stay in
    its first snapshot), counting how often it is asked."""

    reads_version_row = True

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.asked = 0

    def token(self) -> object:
        self.asked += 1
        return _version(self.engine)

    def close(self) -> None:
        pass


def _version(engine: Engine) -> int:
    with Session(engine) as session:
        return current_version(session).version


def _bump(engine: Engine) -> int:
    with Session(engine) as session:
        version = bump_version(session)
        session.commit()
    return version


class Handler:
    """An app that answers how often it has run, and on each run first does `before_answer`
    (a write, say) and then reports `reported()` as the version it read at, if not None."""

    def __init__(self, reported: Callable[[], int | None], before_answer: Callable[[], object]):
        self.reported = reported
        self.before_answer = before_answer
        self.runs = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.runs += 1
        self.before_answer()
        read_at(Request(scope), self.reported())
        await PlainTextResponse(f"run {self.runs}")(scope, receive, send)


@pytest.fixture
def watcher(seeded: Engine) -> CountedWatcher:
    return CountedWatcher(seeded)


def _cache(engine: Engine, watcher: CountedWatcher, handler: Handler) -> TestClient:
    """The cache in front of `handler`, served without a lifespan (it has none)."""
    return TestClient(ResponseCache(handler, engine=engine, watcher=watcher, max_age=60))


def test_a_page_of_works_is_kept_at_the_version_its_own_statement_read(
    settings: Settings, seeded: Engine, watcher: CountedWatcher
) -> None:
    """On a miss the page's own version is enough: no change check before or after it; a
    repeat is a hit, which is checked."""
    app = create_app(settings, seeded)
    with TestClient(app) as client:
        cache = app.front.app  # type: ignore[union-attr]
        cache.watcher = watcher
        first = client.get("/publications", params={"q": "sparse"})
        asked_first = watcher.asked
        other = client.get("/publications", params={"year": 2025})
        asked_other = watcher.asked - asked_first
        again = client.get("/publications", params={"q": "sparse"})

    assert (first.status_code, other.status_code, again.status_code) == (200, 200, 200)
    assert (asked_first, asked_other, watcher.asked) == (1, 0, 2)  # the first: none known yet
    assert again.headers["etag"] == first.headers["etag"]
    assert cache.token == _version(seeded)


def test_an_answer_read_at_the_current_version_is_kept(
    seeded: Engine, watcher: CountedWatcher
) -> None:
    handler = Handler(lambda: _version(seeded), lambda: None)
    client = _cache(seeded, watcher, handler)
    bodies = [client.get("/thing").text for _ in range(3)]
    assert bodies == ["run 1", "run 1", "run 1"]


def test_an_answer_read_before_a_change_the_cache_has_seen_is_sent_but_not_kept(
    seeded: Engine, watcher: CountedWatcher
) -> None:
    stale = _version(seeded)
    handler = Handler(lambda: stale, lambda: None)
    client = _cache(seeded, watcher, handler)
    assert client.get("/other").text == "run 1"  # kept at the version of now
    _bump(seeded)
    assert client.get("/other").text == "run 2"  # the hit's check sees the change
    answers = [client.get("/thing").text for _ in range(2)]
    assert answers == ["run 3", "run 4"]


def test_an_answer_read_at_a_version_the_cache_had_not_seen_drops_what_it_kept(
    seeded: Engine, watcher: CountedWatcher
) -> None:
    version: list[int | None] = [_version(seeded)]
    handler = Handler(lambda: version[0], lambda: None)
    client = _cache(seeded, watcher, handler)
    first = client.get("/old").text
    version[0] = _bump(seeded)
    newer = client.get("/new").text  # read after the change, which no check has seen yet
    version[0] = None
    after = [client.get("/new").text, client.get("/old").text]
    assert (first, newer, after) == ("run 1", "run 2", ["run 2", "run 3"])


def test_without_a_version_an_answer_is_kept_only_if_nothing_changed_while_it_was_made(
    seeded: Engine, watcher: CountedWatcher
) -> None:
    writes = iter([True, False])
    handler = Handler(lambda: None, lambda: next(writes, False) and _bump(seeded))
    client = _cache(seeded, watcher, handler)
    bodies = [client.get("/thing").text for _ in range(3)]
    assert bodies == ["run 1", "run 2", "run 2"]

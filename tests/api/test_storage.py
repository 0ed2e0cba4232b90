"""SQLite as configured for an always-on server: pragmas on every connection, writers that
queue instead of failing, and a full disk that refuses writes with a 507 but keeps reads."""

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, func
from sqlalchemy.engine import Engine
from sqlalchemy.pool import ConnectionPoolEntry
from sqlmodel import select

from api.main import create_app
from api.settings import Settings
from schemas.common import Source
from schemas.news import News
from store.engine import make_engine, write_session

pytestmark = pytest.mark.sqlite_only
STORAGE_FULL = {"detail": "The server's storage is full; the write was not saved."}


def pragmas(engine: Engine) -> dict[str, object]:
    with engine.connect() as connection:
        return {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "busy_timeout", "foreign_keys", "synchronous")
        }


def test_a_fresh_pooled_connection_has_every_pragma(settings: Settings) -> None:
    engine = make_engine(settings.database_url)
    expected = {"journal_mode": "wal", "busy_timeout": 10000, "foreign_keys": 1, "synchronous": 1}
    assert pragmas(engine) == expected
    assert pragmas(engine) == expected  # the same connection, back from the pool
    engine.dispose()
    assert pragmas(engine) == expected  # a new one after the pool was emptied
    engine.dispose()


def news_row(text: str) -> News:
    return News(slug=text.lower().replace(" ", "-"), text=text, text_html=text, source=Source.api)


@dataclass
class Writer:
    started: float = 0.0
    finished: float = 0.0
    error: BaseException | None = None


def read_then_write(engine: Engine, text: str, hold: float, writer: Writer) -> None:
    """Read, pause, then write: with a deferred BEGIN the second of two such writers would
    fail with "database is locked" when it upgrades its stale read to a write."""
    writer.started = time.monotonic()
    try:
        with write_session(engine) as session:
            session.exec(select(func.count()).select_from(News)).one()
            time.sleep(hold)
            session.add(news_row(text))
    except BaseException as error:  # reported by the test
        writer.error = error
    writer.finished = time.monotonic()


def test_a_second_writer_waits_for_the_first_instead_of_failing(engine: Engine) -> None:
    first, second = Writer(), Writer()
    one = threading.Thread(target=read_then_write, args=(engine, "First", 0.5, first))
    two = threading.Thread(target=read_then_write, args=(engine, "Second", 0.0, second))
    one.start()
    time.sleep(0.1)
    two.start()
    one.join()
    two.join()
    assert (first.error, second.error) == (None, None)
    assert second.finished >= first.finished
    assert second.finished - second.started >= 0.3  # it queued behind the first writer
    with write_session(engine) as session:
        assert sorted(session.exec(select(News.slug))) == ["first", "second"]


class PageLimit:
    """`PRAGMA max_page_count` on every connection as it leaves the pool: a disk of that size."""

    def __init__(self, engine: Engine) -> None:
        self.pages = 1_000_000_000
        event.listen(engine.pool, "checkout", self.apply)

    def apply(self, dbapi_connection: object, _entry: ConnectionPoolEntry, _proxy: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={self.pages}")  # type: ignore[attr-defined]


@pytest.fixture
def disk(seeded: Engine) -> PageLimit:
    return PageLimit(seeded)


@pytest.fixture
def full_client(settings: Settings, seeded: Engine, disk: PageLimit) -> Iterator[TestClient]:
    with TestClient(create_app(settings, seeded)) as client:
        yield client


def test_a_full_disk_refuses_writes_with_507_keeps_reads_and_recovers(
    full_client: TestClient, seeded: Engine, disk: PageLimit, auth: dict[str, str]
) -> None:
    with seeded.connect() as connection:
        used = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())
    disk.pages = used + 12  # room for a few posts of 10 KB (text and its HTML)
    answers = []
    for n in range(40):
        answers.append(full_client.post("/news", json={"text": f"{n} " + "x" * 4990}, headers=auth))
        if answers[-1].status_code != 201:
            break
    refused = answers[-1]
    assert len(answers) > 2
    assert [a.status_code for a in answers] == [201] * (len(answers) - 1) + [507]
    assert refused.json() == STORAGE_FULL
    listed = full_client.get("/news?limit=1000")
    assert listed.status_code == 200
    assert listed.headers["x-total-count"] == str(1 + len(answers) - 1)

    disk.pages = 1_000_000_000
    again = full_client.post("/news", json={"text": "Space again"}, headers=auth)
    assert again.status_code == 201
    assert full_client.get(f"/news/{again.json()['slug']}").status_code == 200

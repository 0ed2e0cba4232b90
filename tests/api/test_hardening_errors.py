"""Errors never show internals: a bug is a logged 500 with a sentence, a busy database a 503,
a wrong method a 405 naming every method the path has; the schemas cap every size."""

import sqlite3
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError

from api.main import create_app
from api.settings import Settings

INTERNAL = {"detail": "Internal error; it has been logged."}
SECRET = "secret: /srv/homepage/var/homepage.db row 42"


@pytest.fixture
def api(settings: Settings, seeded: Engine) -> FastAPI:
    return create_app(settings, seeded)


def test_an_unexpected_exception_is_a_500_with_a_sentence_and_is_logged(
    api: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    def explode() -> None:
        raise RuntimeError(SECRET)

    api.add_api_route("/explode", explode)
    with TestClient(api, raise_server_exceptions=False) as client:
        response = client.get("/explode")
    assert (response.status_code, response.json()) == (500, INTERNAL)
    assert "secret" not in response.text
    logged = [
        (record.getMessage(), repr(record.exc_info[1] if record.exc_info else None))
        for record in caplog.records
        if record.name == "homepage"
    ]
    assert logged == [("GET /explode: unhandled error", f"RuntimeError('{SECRET}')")]


def test_a_value_the_database_refuses_is_422_with_a_sentence(api: FastAPI) -> None:
    def store_refuses() -> None:
        raise DataError("INSERT ...", {}, ValueError("text fields cannot contain NUL (0x00)"))

    api.add_api_route("/refuse", store_refuses)
    with TestClient(api) as client:
        response = client.get("/refuse")
    assert (response.status_code, response.json()) == (
        422,
        {"detail": "A value in the request cannot be stored, such as text with a NUL character."},
    )


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", "/news", "GET, POST"),
        ("OPTIONS", "/news", "GET, POST"),
        ("POST", "/news/some-item", "DELETE, GET, PATCH"),
        ("DELETE", "/publications", "GET"),
    ],
)
def test_a_wrong_method_is_405_naming_every_method_of_the_path(
    seeded_client: TestClient, method: str, path: str, allow: str
) -> None:
    response = seeded_client.request(method, path)
    assert (response.status_code, response.headers["allow"]) == (405, allow)
    assert response.json() == {"detail": "Method Not Allowed"}


def test_a_body_that_is_not_utf8_is_a_documented_400(
    client: TestClient, auth: dict[str, str]
) -> None:
    response = client.post(
        "/news", content=b"\xff\xfe{", headers={**auth, "Content-Type": "application/json"}
    )
    assert (response.status_code, response.json()) == (
        400,
        {"detail": "There was an error parsing the body"},
    )
    documented = client.get("/openapi.json").json()["paths"]["/news"]["post"]["responses"]
    assert "400" in documented


@pytest.fixture
def impatient(seeded: Engine) -> Engine:
    """The store with a 100 ms busy timeout, so a held write lock shows quickly."""

    @event.listens_for(seeded, "connect")
    def short_timeout(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout=100")

    seeded.dispose()
    return seeded


@pytest.fixture
def locked(impatient: Engine) -> Iterator[None]:
    database = impatient.url.database
    assert database is not None
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield
    holder.rollback()
    holder.close()


@pytest.mark.sqlite_only
def test_a_write_that_cannot_get_the_lock_is_503_and_reads_go_on(
    settings: Settings, impatient: Engine, auth: dict[str, str], locked: None
) -> None:
    with TestClient(create_app(settings, impatient)) as client:
        refused = client.post("/news", json={"text": "Waiting"}, headers=auth)
        read = client.get("/news")
    assert (refused.status_code, refused.json(), refused.headers["retry-after"]) == (
        503,
        {"detail": "The database is not answering; try again in a moment."},
        "5",
    )
    assert "locked" not in refused.text
    assert (read.status_code, len(read.json())) == (200, 1)


A = "https://a.example/"
LONG = A + "a" * 1990


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ({"text": "x" * 5001}, ["body", "text"]),
        ({"text": "ok", "links": [{"label": "a", "url": A}] * 21}, ["body", "links"]),
        ({"text": "ok", "links": [{"label": "a" * 201, "url": A}]}, ["body", "links", 0, "label"]),
        ({"text": "ok", "links": [{"label": "a", "url": LONG}]}, ["body", "links", 0, "url"]),
        ({"text": "ok", "date": 0}, ["body", "date"]),
        ({"text": "ok", "date": "20250602"}, ["body", "date"]),
        ({"text": "ok", "extra": 1}, ["body", "extra"]),
        ({"text": "a\x00b"}, ["body", "text"]),
        ({"text": "ok", "links": [{"label": "\x00", "url": A}]}, ["body", "links", 0, "label"]),
    ],
)  # fmt: skip
def test_sizes_and_forms_beyond_the_schema_are_422(
    client: TestClient, auth: dict[str, str], body: dict[str, object], location: list[object]
) -> None:
    response = client.post("/news", json=body, headers=auth)
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [location]


@pytest.mark.parametrize(
    "query", ["limit=1001", "limit=0", "offset=-1", "offset=10000001", f"q={'a' * 201}"]
)
def test_page_sizes_and_filters_beyond_their_caps_are_422(
    seeded_client: TestClient, query: str
) -> None:
    assert seeded_client.get(f"/publications?{query}").status_code == 422

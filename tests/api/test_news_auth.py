"""Who may write news: every way a token can be missing, wrong or insufficient."""

import datetime as dt
import sqlite3
from datetime import UTC, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from schemas.common import utc_now
from store.engine import write_session
from store.tokens import create_token, list_tokens, revoke_token
from tests.conftest import make_token
from tests.timestamps import without_times

BODY = {"text": "Paper accepted!"}
CHALLENGE = 'Bearer realm="homepage"'
INVALID = "The token is not valid: unknown, revoked or expired."


def assert_401(response_json: dict[str, str], headers: dict[str, str], detail: str) -> None:
    assert response_json == {"detail": detail}
    assert headers["www-authenticate"] == CHALLENGE


def test_post_without_token_is_401(client: TestClient) -> None:
    response = client.post("/news", json=BODY)
    assert response.status_code == 401
    assert_401(
        response.json(),
        dict(response.headers),
        "This needs a token: send `Authorization: Bearer <token>`.",
    )


@pytest.mark.parametrize(
    "header",
    ["Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Token abc", "Bearer two words", "bearer"],
)
def test_malformed_authorization_is_401(client: TestClient, header: str) -> None:
    response = client.post("/news", json=BODY, headers={"Authorization": header})
    assert response.status_code == 401
    assert_401(
        response.json(),
        dict(response.headers),
        "The Authorization header must be `Bearer <token>`.",
    )


def test_wrong_token_is_401(client: TestClient, token: str) -> None:
    response = client.post("/news", json=BODY, headers={"Authorization": "Bearer " + "x" * 43})
    assert response.status_code == 401
    assert_401(response.json(), dict(response.headers), INVALID)


def test_non_ascii_token_is_401_not_500(client: TestClient) -> None:
    response = client.post(
        "/news", json=BODY, headers=[(b"authorization", "Bearer tökén✓".encode())]
    )
    assert response.status_code == 401
    assert_401(response.json(), dict(response.headers), "The token is not valid.")


def test_revoked_token_is_401(client: TestClient, engine: Engine, token: str) -> None:
    with write_session(engine) as session:
        revoke_token(session, "laptop")
    response = client.post("/news", json=BODY, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert_401(response.json(), dict(response.headers), INVALID)


def test_expired_token_is_401(client: TestClient, engine: Engine) -> None:
    with write_session(engine) as session:
        expired = create_token(session, "old", [], timedelta(seconds=-1))
    response = client.post("/news", json=BODY, headers={"Authorization": f"Bearer {expired}"})
    assert response.status_code == 401
    assert_401(response.json(), dict(response.headers), INVALID)


def test_token_without_the_scope_is_403(client: TestClient, engine: Engine) -> None:
    reader = make_token(engine, "reader", scopes=[])
    response = client.post("/news", json=BODY, headers={"Authorization": f"Bearer {reader}"})
    assert response.status_code == 403
    assert response.json() == {"detail": "The token 'reader' lacks the scope 'news:write'."}


def test_token_in_the_query_string_is_refused(client: TestClient, token: str) -> None:
    response = client.post(f"/news?token={token}", json=BODY)
    assert response.status_code == 401
    assert_401(
        response.json(),
        dict(response.headers),
        "Send the token in the Authorization header, never in the URL.",
    )


def test_valid_token_writes_and_is_recorded_as_last_used(
    client: TestClient, engine: Engine, auth: dict[str, str]
) -> None:
    before = utc_now().replace(tzinfo=None)
    response = client.post("/news", json=BODY, headers=auth)
    today = dt.date.today().isoformat()
    assert (response.status_code, without_times(response.json())) == (
        201,
        {
            "slug": f"{today}-paper-accepted",
            "date": today,
            "date_precision": "day",
            "text": "Paper accepted!",
            "text_html": "<p>Paper accepted!</p>",
            "source": "api",
            "links": [],
        },
    )
    with write_session(engine) as session:
        [row] = list_tokens(session)
        name, used = row.name, row.last_used_at
    assert used is not None
    used = used.astimezone(UTC).replace(tzinfo=None) if used.tzinfo else used
    assert (name, before <= used <= utc_now().replace(tzinfo=None)) == ("laptop", True)


def test_repeated_failures_are_slowed_but_the_owner_still_gets_in(
    client: TestClient, auth: dict[str, str]
) -> None:
    bad = {"Authorization": "Bearer " + "y" * 43}
    codes = [client.post("/news", json=BODY, headers=bad).status_code for _ in range(12)]
    assert codes == [401] * 10 + [429] * 2
    throttled = client.post("/news", json=BODY, headers=bad)
    wait = int(throttled.headers["retry-after"])
    assert (throttled.status_code, throttled.json()) == (
        429,
        {"detail": f"Too many failed attempts; try again in {wait} seconds."},
    )
    assert 1 <= wait <= 60
    owner = client.post("/news", json=BODY, headers=auth)
    assert (owner.status_code, owner.json()["text"]) == (201, BODY["text"])


@pytest.mark.sqlite_only
def test_bad_tokens_are_refused_at_once_while_a_writer_holds_the_lock(
    client: TestClient, engine: Engine, token: str
) -> None:
    holder = sqlite3.connect(str(engine.url.database), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a seed in progress, say
    try:
        codes = [
            client.post(
                "/news", json=BODY, headers={"Authorization": "Bearer " + "z" * 43}
            ).status_code
            for _ in range(5)
        ]
    finally:
        holder.rollback()
        holder.close()
    # Had an attempt asked for the write lock, it would have waited out busy_timeout and been
    # a 503 "the database is not answering".
    assert codes == [401] * 5


def test_a_burst_of_writes_records_the_tokens_use_once_a_minute(
    client: TestClient, engine: Engine, auth: dict[str, str]
) -> None:
    def last_used() -> object:
        with write_session(engine) as session:
            return list_tokens(session)[0].last_used_at

    assert client.post("/news", json={"text": "First"}, headers=auth).status_code == 201
    first = last_used()
    for number in range(3):
        assert (
            client.post("/news", json={"text": f"Next {number}"}, headers=auth).status_code == 201
        )
    assert last_used() == first

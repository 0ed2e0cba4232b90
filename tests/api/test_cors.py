"""CORS: any listed origin may read; no origin may write from a browser; never credentials."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from api.main import create_app
from api.settings import Settings
from tests.conftest import SEED_PAGE


def preflight(client: TestClient, origin: str, method: str, headers: str = "") -> dict[str, str]:
    request_headers = {"Origin": origin, "Access-Control-Request-Method": method}
    if headers:
        request_headers["Access-Control-Request-Headers"] = headers
    response = client.options("/news", headers=request_headers)
    allow_origin = response.headers.get("access-control-allow-origin")
    credentials = response.headers.get("access-control-allow-credentials")
    return {
        "status": str(response.status_code),
        "origin": str(allow_origin),
        "cred": str(credentials),
    }


@pytest.mark.parametrize("method", ["POST", "PATCH", "DELETE", "PUT"])
def test_a_write_preflight_from_any_origin_gets_no_allow_origin(
    client: TestClient, method: str
) -> None:
    answer = preflight(client, "https://evil.example", method, "authorization,content-type")
    assert answer == {"status": "400", "origin": "None", "cred": "None"}


def test_a_read_preflight_from_any_origin_is_allowed_without_credentials(
    client: TestClient,
) -> None:
    answer = preflight(client, "https://someone.example", "GET")
    assert answer == {"status": "200", "origin": "*", "cred": "None"}


def test_a_simple_read_never_allows_credentials(seeded_client: TestClient) -> None:
    response = seeded_client.get(
        "/news", headers={"Origin": "https://someone.example", "Cookie": "session=1"}
    )
    assert response.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in response.headers


@pytest.fixture
def listed_client(
    settings: Settings, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    monkeypatch.setenv("HOMEPAGE_CORS_ORIGINS", "https://owner.example, https://lab.example")
    listed = Settings(database_url=settings.database_url, content=SEED_PAGE)
    with TestClient(create_app(listed, engine)) as client:
        yield client


def test_with_a_list_a_listed_origin_may_read(listed_client: TestClient) -> None:
    answer = preflight(listed_client, "https://lab.example", "GET")
    assert answer == {"status": "200", "origin": "https://lab.example", "cred": "None"}


def test_with_a_list_another_origin_gets_nothing(listed_client: TestClient) -> None:
    assert preflight(listed_client, "https://evil.example", "GET") == {
        "status": "400",
        "origin": "None",
        "cred": "None",
    }
    response = listed_client.get("/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers


def test_with_a_list_a_listed_origin_still_may_not_write(listed_client: TestClient) -> None:
    answer = preflight(listed_client, "https://owner.example", "POST", "authorization")
    assert answer == {"status": "400", "origin": "None", "cred": "None"}

"""Absolute URLs come from one configured public URL, never from the request: forged `Host`
and forwarded headers leave no trace in any cached response, and with HOMEPAGE_PUBLIC_URL set
every Link, Location, feed id and JSON-LD @id is under it."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from api.main import create_app
from api.settings import Settings

CACHED = [
    "/publications?limit=2",
    "/news?limit=2",
    "/projects?limit=1",
    "/news.atom",
    "/news.rss",
    "/publications.atom",
    "/publications.rss",
    "/publications.jsonld",
    "/profile.jsonld",
]
FORGED = {
    "Host": "evil.example",
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Proto": "gopher",
    "Forwarded": "host=evil.example;proto=gopher",
}


def everything(response_text: str, headers: dict[str, str]) -> str:
    return response_text + " ".join(f"{name}: {value}" for name, value in headers.items())


@pytest.mark.parametrize("path", CACHED)
def test_forged_host_and_forwarded_headers_leave_no_trace(
    seeded_client: TestClient, path: str
) -> None:
    forged = seeded_client.get(path, headers=FORGED)
    plain = seeded_client.get(path)
    for response in (forged, plain):
        seen = everything(response.text, dict(response.headers))
        assert ("evil.example" in seen, "gopher" in seen) == (False, False)
    assert forged.content == plain.content


def test_every_absolute_url_is_under_the_public_url(
    settings: Settings, seeded: Engine, auth: dict[str, str]
) -> None:
    public = settings.model_copy(update={"public_url": "https://api.jane.example"})
    with TestClient(create_app(public, seeded)) as client:
        listed = client.get("/publications?limit=2", headers=FORGED)
        posted = client.post("/news", json={"text": "Hello"}, headers={**auth, **FORGED})
        feed = client.get("/news.atom", headers=FORGED).text
        document = client.get("/profile.jsonld", headers=FORGED).json()
    assert listed.headers["link"].startswith("<https://api.jane.example/publications?offset=0&")
    assert posted.headers["location"] == f"https://api.jane.example/news/{posted.json()['slug']}"
    assert "<id>https://api.jane.example/news.atom</id>" in feed
    assert document["@id"] == "https://api.jane.example/profile#person"


def test_a_public_url_that_is_not_http_is_refused() -> None:
    with pytest.raises(ValueError, match="public_url"):
        Settings(public_url="javascript:alert(1)")


def test_with_allowed_hosts_another_host_is_400(settings: Settings, seeded: Engine) -> None:
    strict = settings.model_copy(update={"allowed_hosts": ["api.jane.example"]})
    with TestClient(create_app(strict, seeded), base_url="http://api.jane.example") as client:
        assert client.get("/news").status_code == 200
        refused = client.get("/news", headers={"Host": "evil.example"})
    assert (refused.status_code, refused.text) == (400, "Invalid host header")

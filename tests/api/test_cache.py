"""The in-memory read path: ETag and Last-Modified, 304s, gzip, and instant invalidation."""

from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from api.middleware.cache import BIG_BODY
from seed.parse_page import parse_page
from store.load_page import load_page
from tests.conftest import SEED_PAGE
from tests.expected import NEWS
from tests.timestamps import without_times


def test_get_carries_strong_etag_last_modified_and_cache_control(seeded_client: TestClient) -> None:
    response = seeded_client.get("/publications", headers={"Accept-Encoding": "identity"})
    assert response.headers["etag"].startswith('"')
    assert not response.headers["etag"].startswith("W/")
    assert response.headers["last-modified"].endswith(" GMT")
    assert response.headers["cache-control"] == "public, max-age=60"
    assert response.headers["vary"] == "Accept, Accept-Encoding, Origin"
    assert response.headers["x-total-count"] == "8"
    assert "content-encoding" not in response.headers


def test_repeat_get_is_byte_identical(seeded_client: TestClient) -> None:
    first = seeded_client.get("/publications?year=2024")
    second = seeded_client.get("/publications?year=2024")
    assert first.content == second.content
    assert first.headers["etag"] == second.headers["etag"]


def test_if_none_match_gives_304_without_body(seeded_client: TestClient) -> None:
    etag = seeded_client.get("/profile").headers["etag"]
    response = seeded_client.get("/profile", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["etag"] == etag
    assert "content-length" not in response.headers


def test_if_none_match_with_a_list_or_weak_tag_matches(seeded_client: TestClient) -> None:
    etag = seeded_client.get("/news").headers["etag"]
    for header in (f'"nope", {etag}', f"W/{etag}", "*"):
        assert seeded_client.get("/news", headers={"If-None-Match": header}).status_code == 304


def test_a_stale_etag_gets_the_full_body(seeded_client: TestClient) -> None:
    response = seeded_client.get("/news", headers={"If-None-Match": '"stale"'})
    assert response.status_code == 200
    assert without_times(response.json()) == NEWS


def test_if_modified_since_gives_304_only_past_the_second_of_the_last_change(
    seeded_client: TestClient,
) -> None:
    last_modified = seeded_client.get("/interests").headers["last-modified"]
    later = format_datetime(parsedate_to_datetime(last_modified) + timedelta(seconds=1), True)
    response = seeded_client.get("/interests", headers={"If-Modified-Since": later})
    assert (response.status_code, response.content) == (304, b"")
    same_second = seeded_client.get("/interests", headers={"If-Modified-Since": last_modified})
    assert same_second.status_code == 200
    old = seeded_client.get(
        "/interests", headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}
    )
    assert old.status_code == 200
    bad = seeded_client.get("/interests", headers={"If-Modified-Since": "yesterday"})
    assert bad.status_code == 200


def test_a_change_in_the_same_second_is_never_answered_304(
    seeded_client: TestClient, auth: dict[str, str]
) -> None:
    before = seeded_client.get("/news")
    posted = seeded_client.post("/news", json={"text": "Fresh"}, headers=auth).json()
    after = seeded_client.get(
        "/news", headers={"If-Modified-Since": before.headers["last-modified"]}
    )
    assert after.status_code == 200
    assert after.json()[0] == posted


def test_an_etag_is_preferred_to_a_date_when_both_are_sent(seeded_client: TestClient) -> None:
    first = seeded_client.get("/news")
    headers = {"If-None-Match": '"stale"', "If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"}
    assert seeded_client.get("/news", headers=headers).status_code == 200
    headers["If-None-Match"] = first.headers["etag"]
    assert seeded_client.get("/news", headers=headers).status_code == 304


def test_head_works_on_uncached_paths_too(seeded_client: TestClient) -> None:
    for path in ("/health", "/docs"):
        response = seeded_client.head(path)
        get = seeded_client.get(path)
        assert (response.status_code, response.content) == (200, b"")
        assert response.headers["content-length"] == get.headers["content-length"]


def test_large_bodies_are_gzipped_for_clients_that_accept_it(seeded_client: TestClient) -> None:
    plain = seeded_client.get("/publications", headers={"Accept-Encoding": "identity"})
    packed = seeded_client.get("/publications", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert packed.headers["etag"] != plain.headers["etag"]
    assert packed.content == plain.content  # decoded by the client
    assert int(packed.headers["content-length"]) < len(plain.content)


def test_a_long_page_is_kept_and_revalidated_like_a_short_one(
    seeded_client: TestClient, auth: dict[str, str]
) -> None:
    for n in range(16):
        posted = seeded_client.post("/news", json={"text": f"{n} " + "x" * 4990}, headers=auth)
        assert posted.status_code == 201
    plain = seeded_client.get("/news?limit=100", headers={"Accept-Encoding": "identity"})
    packed = seeded_client.get("/news?limit=100", headers={"Accept-Encoding": "gzip"})
    again = seeded_client.get(
        "/news?limit=100",
        headers={"Accept-Encoding": "gzip", "If-None-Match": packed.headers["etag"]},
    )
    assert len(plain.content) > BIG_BODY
    assert (packed.headers["content-encoding"], packed.content) == ("gzip", plain.content)
    assert (again.status_code, again.content) == (304, b"")


def test_small_bodies_are_not_gzipped(seeded_client: TestClient) -> None:
    response = seeded_client.get("/interests", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in response.headers


def test_head_gives_headers_without_body(seeded_client: TestClient) -> None:
    response = seeded_client.head("/publications")
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["etag"] == seeded_client.get("/publications").headers["etag"]


def test_errors_are_not_cached_and_writes_are_no_store(
    seeded_client: TestClient, auth: dict[str, str]
) -> None:
    missing = seeded_client.get("/news/nope")
    assert missing.status_code == 404
    assert "etag" not in missing.headers
    posted = seeded_client.post("/news", json={"text": "Fresh"}, headers=auth)
    assert posted.headers["cache-control"] == "no-store"


def test_a_read_after_a_write_sees_the_write(
    seeded_client: TestClient, auth: dict[str, str]
) -> None:
    before = seeded_client.get("/news")
    posted = seeded_client.post("/news", json={"text": "Fresh"}, headers=auth).json()
    after = seeded_client.get("/news", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200
    assert after.json()[0] == posted
    deleted = seeded_client.delete(f"/news/{posted['slug']}", headers=auth)
    assert deleted.status_code == 204
    assert seeded_client.get(f"/news/{posted['slug']}").status_code == 404


def test_a_reseed_from_another_connection_is_seen_at_once(
    seeded: Engine, seeded_client: TestClient
) -> None:
    assert len(seeded_client.get("/publications").json()) == 8
    lines = [line for line in SEED_PAGE.read_text().splitlines() if "SparseAdapter" not in line]
    load_page(seeded, parse_page("about.md", "\n".join(lines)).page)
    assert len(seeded_client.get("/publications").json()) == 7


def test_cors_headers_follow_the_origin_of_each_request(seeded_client: TestClient) -> None:
    without = seeded_client.get("/publications")
    assert "access-control-allow-origin" not in without.headers
    with_origin = seeded_client.get("/publications", headers={"Origin": "https://site.example"})
    assert with_origin.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in with_origin.headers


def test_q_values_decide_gzip_and_the_citation_format(seeded_client: TestClient) -> None:
    def encoding(header: str) -> str | None:
        response = seeded_client.get("/publications", headers={"Accept-Encoding": header})
        return response.headers.get("content-encoding")

    assert [
        encoding(h) for h in ("gzip", "gzip;q=0", "*", "br, *;q=0", "identity;q=1, gzip;q=0.5")
    ] == [
        "gzip",
        None,
        "gzip",
        None,
        "gzip",
    ]

    def media(header: str) -> str:
        return seeded_client.get("/publications", headers={"Accept": header}).headers[
            "content-type"
        ]

    assert [
        media(h)
        for h in (
            "application/x-bibtex",
            "application/x-bibtex;q=0",
            "application/x-bibtex;q=0.5, application/json",
            "application/json;q=0.5, application/x-bibtex",
            "*/*",
            "not a media type",
        )
    ] == [
        "application/x-bibtex",
        "application/json",
        "application/json",
        "application/x-bibtex",
        "application/json",
        "application/json",
    ]

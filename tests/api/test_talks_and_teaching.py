"""Talks and teaching through the app: newest first, filters, pages, 404s, caching, JSON-LD
(schema.org Event and Course) and the talks' feeds."""

from typing import Any

import feedparser  # type: ignore[import-untyped]
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from tests.api.test_jsonld import SCHEMA, expanded, values
from tests.events import seed_events_page
from tests.timestamps import without_times

MIT = "sparse-experts-at-scale-a20cfe"
RUTGERS = "sparse-experts-at-scale-ea0da6"
ORIGIN = "http://127.0.0.1:8000"


@pytest.fixture
def events_client(engine: Engine, client: TestClient) -> TestClient:
    seed_events_page(engine)
    return client


def slugs(client: TestClient, url: str, **headers: str) -> list[str]:
    response = client.get(url, headers=headers)
    assert response.status_code == 200, response.text
    return [item["slug"] for item in response.json()]


def test_talks_are_newest_first_with_undated_ones_last(events_client: TestClient) -> None:
    assert slugs(events_client, "/talks") == [
        MIT,
        "pruning-without-tears",
        RUTGERS,
        "notes-on-mixture-routing",
    ]
    assert slugs(events_client, "/teaching") == [
        "introduction-to-machine-learning",
        "compilers-lab",
    ]


def test_one_talk_is_served_whole(events_client: TestClient) -> None:
    response = events_client.get(f"/talks/{MIT}")
    assert response.status_code == 200
    assert without_times(response.json()) == {
        "slug": MIT,
        "title": "Sparse Experts at Scale",
        "type": "Invited talk",
        "venue": "MIT CSAIL",
        "date": "2025-03-14",
        "date_precision": "day",
        "year": 2025,
        "location": "Cambridge, MA",
        "body": "On **routing** tokens.",
        "body_html": "<p>On <strong>routing</strong> tokens.</p>",
        "links": [{"label": "Slides", "url": "https://example.org/slides.pdf", "kind": "slides"}],
        "source": "seed",
    }


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/talks?year=2024", ["pruning-without-tears", RUTGERS]),
        ("/talks?q=sparse", [MIT, RUTGERS]),
        ("/talks?q=csail", [MIT]),  # the venue
        ("/talks?q=vanc", ["pruning-without-tears"]),  # the location, by a word's start
        ("/talks?q=poster", ["pruning-without-tears"]),  # the type
        ("/talks?q=sparse+rutgers", [RUTGERS]),  # every word, across fields
        ("/talks?q=sparse&year=2025", [MIT]),
        ("/talks?q=compilers", []),
        ("/teaching?q=rutgers+science", ["introduction-to-machine-learning"]),
        ("/teaching?year=2023", ["compilers-lab"]),
    ],
)
def test_filters_by_year_and_words(
    events_client: TestClient, url: str, expected: list[str]
) -> None:
    assert slugs(events_client, url) == expected


def test_an_empty_word_filter_is_422_naming_q(events_client: TestClient) -> None:
    response = events_client.get("/talks?q=")
    assert response.status_code == 422
    assert [problem["loc"] for problem in response.json()["detail"]] == [["query", "q"]]


def test_pages_carry_the_total_and_links(events_client: TestClient) -> None:
    response = events_client.get("/talks?limit=2&offset=1")
    assert [item["slug"] for item in response.json()] == ["pruning-without-tears", RUTGERS]
    assert response.headers["x-total-count"] == "4"
    assert response.headers["link"] == (
        '</talks?offset=0&limit=2>; rel="first", </talks?offset=0&limit=2>; rel="prev", '
        '</talks?offset=3&limit=2>; rel="next", </talks?offset=2&limit=2>; rel="last"'
    )
    assert events_client.get("/teaching?year=2023").headers["x-total-count"] == "1"


def test_unknown_slugs_are_404_naming_the_item(events_client: TestClient) -> None:
    for path, noun in (("talks", "Talk"), ("teaching", "Teaching entry")):
        for suffix in ("", ".jsonld"):
            response = events_client.get(f"/{path}/no-such-thing{suffix}")
            assert (response.status_code, response.json()) == (
                404,
                {"detail": f"{noun} 'no-such-thing' not found"},
            )


@pytest.mark.parametrize("path", ["/talks", "/teaching", f"/talks/{MIT}", "/talks.jsonld"])
def test_lists_and_items_carry_an_etag_and_answer_304(events_client: TestClient, path: str) -> None:
    first = events_client.get(path)
    assert first.headers["etag"].startswith('"')
    again = events_client.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert (again.status_code, again.content) == (304, b"")


MIT_EVENT: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "Event",
    "@id": f"{ORIGIN}/talks/{MIT}",
    "name": "Sparse Experts at Scale",
    "startDate": "2025-03-14",
    "location": {"@type": "Place", "name": "MIT CSAIL", "address": "Cambridge, MA"},
    "description": "On routing tokens.",
    "url": "https://example.org/slides.pdf",
}
ML_COURSE: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "Course",
    "@id": f"{ORIGIN}/teaching/introduction-to-machine-learning",
    "name": "Introduction to Machine Learning",
    "learningResourceType": "Undergraduate course",
    "provider": {
        "@type": "Organization",
        "name": "Rutgers University, Department of Computer Science",
    },
    "hasCourseInstance": {
        "@type": "CourseInstance",
        "startDate": "2025-09",
        "location": {"@type": "Place", "name": "New Brunswick, NJ"},
    },
    "description": "Lectures and labs.",
    "url": "https://example.edu/ml/syllabus",
}


def test_a_talk_is_a_schema_org_event(events_client: TestClient) -> None:
    response = events_client.get(f"/talks/{MIT}.jsonld")
    assert response.headers["content-type"] == "application/ld+json"
    assert response.json() == MIT_EVENT
    [event] = expanded(response.json())
    assert event["@type"] == [SCHEMA + "Event"]
    assert values(event, "startDate") == ["2025-03-14"]
    negotiated = events_client.get(f"/talks/{MIT}", headers={"Accept": "application/ld+json"})
    assert negotiated.json() == MIT_EVENT


def test_a_teaching_entry_is_a_schema_org_course(events_client: TestClient) -> None:
    response = events_client.get("/teaching/introduction-to-machine-learning.jsonld")
    assert response.json() == ML_COURSE
    [course] = expanded(response.json())
    assert course["@type"] == [SCHEMA + "Course"]
    [instance] = course[SCHEMA + "hasCourseInstance"]
    assert values(instance, "startDate") == ["2025-09"]


def test_lists_are_graphs_by_suffix_or_accept(events_client: TestClient) -> None:
    by_suffix = events_client.get("/talks.jsonld?year=2025").json()
    by_accept = events_client.get("/talks?year=2025", headers={"Accept": "application/ld+json"})
    event = {key: value for key, value in MIT_EVENT.items() if key != "@context"}
    assert by_suffix == {"@context": "https://schema.org", "@graph": [event]}
    assert (by_accept.json(), by_accept.headers["x-total-count"]) == (by_suffix, "1")
    teaching = events_client.get("/teaching.jsonld").json()
    assert [node["@id"] for node in teaching["@graph"]] == [
        f"{ORIGIN}/teaching/introduction-to-machine-learning",
        f"{ORIGIN}/teaching/compilers-lab",
    ]
    assert teaching["@graph"][1]["hasCourseInstance"] == {
        "@type": "CourseInstance",
        "startDate": "2023",
    }


def test_talk_feeds_read_back_newest_first(events_client: TestClient) -> None:
    for path, version in (("/talks.atom", "atom10"), ("/talks.rss", "rss20")):
        response = events_client.get(path)
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert (feed.version, feed.feed.title) == (version, "Ada Lovelace: Talks")
        assert [entry.id for entry in feed.entries] == [
            f"{ORIGIN}/talks/{slug}"
            for slug in (MIT, "pruning-without-tears", RUTGERS, "notes-on-mixture-routing")
        ]
        assert feed.entries[0].published_parsed[:3] == (2025, 3, 14)
        assert feed.entries[1].summary == "<p><em>Poster</em>. NeurIPS 2024, Vancouver.</p>"

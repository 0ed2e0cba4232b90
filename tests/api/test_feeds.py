"""Atom and RSS feeds, parsed back by feedparser: valid, with stable ids and times."""

import feedparser  # type: ignore[import-untyped]
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from seed.files import read_page
from store.load_page import load_page
from tests.conftest import SEED_PAGE, make_token

NEWS_ID = "http://127.0.0.1:8000/news/2025-04-will-join-rutgers-university-new-brunswick-as-a-ph"


def parse(client: TestClient, url: str) -> feedparser.FeedParserDict:
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_news_atom_and_rss_read_back(seeded_client: TestClient) -> None:
    atom = parse(seeded_client, "/news.atom")
    rss = parse(seeded_client, "/news.rss")
    assert (atom.version, rss.version) == ("atom10", "rss20")
    for feed in (atom, rss):
        assert feed.feed.title == "Daize Dong: News"
        assert [entry.id for entry in feed.entries] == [NEWS_ID]
        assert [entry.link for entry in feed.entries] == [NEWS_ID]
        assert feed.entries[0].title == (
            "Will join Rutgers University, New Brunswick as a Ph.D. student!"
        )
        assert feed.entries[0].published_parsed[:3] == (2025, 4, 1)
    assert seeded_client.get("/news.atom").headers["content-type"] == "application/atom+xml"
    assert seeded_client.get("/news.rss").headers["content-type"] == "application/rss+xml"


def test_ids_and_times_stay_through_a_reseed_and_move_with_news(
    seeded: Engine, seeded_client: TestClient
) -> None:
    before = parse(seeded_client, "/news.atom")
    load_page(seeded, read_page(SEED_PAGE).page)
    again = parse(seeded_client, "/news.atom")
    assert [(e.id, e.updated) for e in again.entries] == [(e.id, e.updated) for e in before.entries]
    assert again.feed.updated == before.feed.updated
    token = make_token(seeded)
    seeded_client.post(
        "/news",
        json={"text": "Talk at **MIT**.", "date": "2025-06-02"},
        headers={"Authorization": f"Bearer {token}"},
    )
    after = parse(seeded_client, "/news.atom")
    assert [e.id for e in after.entries] == [
        "http://127.0.0.1:8000/news/2025-06-02-talk-at-mit",
        NEWS_ID,
    ]
    assert after.entries[0].content[0].value == "<p>Talk at <strong>MIT</strong>.</p>"
    assert after.feed.updated_parsed >= before.feed.updated_parsed


def test_publication_feeds_carry_authors_and_filters(seeded_client: TestClient) -> None:
    atom = parse(seeded_client, "/publications.atom?year=2023")
    rss = parse(seeded_client, "/publications.rss?year=2023")
    for feed in (atom, rss):
        assert [e.title for e in feed.entries] == [
            "PAD-Net: An Efficient Framework for Dynamic Networks",
            "SD-Conv: Towards the Parameter-Efficiency of Dynamic Convolution",
        ]
    assert [a.name for a in atom.entries[0].authors][:3] == ["Shwai He", "Liang Ding", "Daize Dong"]
    assert "<strong>Daize Dong</strong>" in atom.entries[0].summary
    assert atom.feed.id == "http://127.0.0.1:8000/publications.atom?year=2023"

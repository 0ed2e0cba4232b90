"""The Markdown page and the API side by side: re-seeding never loses or duplicates API news."""

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from seed.parse_page import parse_page
from store.load_page import load_page
from tests.conftest import SEED_PAGE
from tests.expected import NEWS
from tests.timestamps import without_times


def reseed(engine: Engine, text: str | None = None) -> None:
    load_page(engine, parse_page("about.md", text or SEED_PAGE.read_text()).page)


def test_api_news_survives_reseeding_twice_untouched(
    seeded: Engine, client: TestClient, auth: dict[str, str]
) -> None:
    posted = client.post(
        "/news", json={"text": "Posted by API", "date": "2025-06-01"}, headers=auth
    )
    before = client.get("/news").json()
    assert [item["slug"] for item in before] == ["2025-06-01-posted-by-api", NEWS[0]["slug"]]
    reseed(seeded)
    reseed(seeded)
    assert client.get("/news").json() == before
    assert client.get(f"/news/{posted.json()['slug']}").json() == posted.json()


def test_a_news_item_removed_from_the_page_goes_but_api_items_stay(
    seeded: Engine, client: TestClient, auth: dict[str, str]
) -> None:
    client.post("/news", json={"text": "Kept", "date": "2020-01-01"}, headers=auth)
    lines = SEED_PAGE.read_text().splitlines()
    page = "\n".join(line for line in lines if not line.startswith("- [2025/04]"))
    reseed(seeded, page)
    assert [item["slug"] for item in client.get("/news").json()] == ["2020-01-01-kept"]


def test_a_news_item_added_to_the_page_appears_beside_api_items(
    seeded: Engine, client: TestClient, auth: dict[str, str]
) -> None:
    client.post("/news", json={"text": "From the API", "date": "2025-05-01"}, headers=auth)
    page = SEED_PAGE.read_text().replace("## News\n\n", "## News\n\n- [2025/06/02] Gave a talk.\n")
    reseed(seeded, page)
    body = without_times(client.get("/news").json())
    assert [(item["slug"], item["source"]) for item in body] == [
        ("2025-06-02-gave-a-talk", "seed"),
        ("2025-05-01-from-the-api", "api"),
        (NEWS[0]["slug"], "seed"),
    ]


def test_a_page_item_with_the_slug_of_an_api_item_gets_its_own(
    seeded: Engine, client: TestClient, auth: dict[str, str]
) -> None:
    client.post("/news", json={"text": "Gave a talk.", "date": "2025-06-02"}, headers=auth)
    page = SEED_PAGE.read_text().replace("## News\n\n", "## News\n\n- [2025/06/02] Gave a talk.\n")
    reseed(seeded, page)
    reseed(seeded, page)
    assert sorted((item["slug"], item["source"]) for item in client.get("/news").json()) == [
        ("2025-04-will-join-rutgers-university-new-brunswick-as-a-ph", "seed"),
        ("2025-06-02-gave-a-talk", "api"),
        ("2025-06-02-gave-a-talk-a6bd5c", "seed"),
    ]

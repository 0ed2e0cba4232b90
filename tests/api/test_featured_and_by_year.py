"""`⭐` features a work, `featured=` filters on it, and `group_by=year` groups publications."""

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from seed.parse_page import parse_page
from store.load_page import load_page
from tests.expected import PUBLICATIONS
from tests.timestamps import without_times

PAGE = """\
---
title: "Ada Lovelace"
---

I study engines.

## Publications

- **Ada Lovelace**, Charles Babbage, Notes on the Analytical Engine, ICML 2024. [[Paper](https://example.org/notes)] ⭐
- Charles Babbage, **Ada Lovelace**, On Bernoulli Numbers, NeurIPS 2023.
- **Ada Lovelace**, Sketch of the Engine, Preprint.

## Projects

- ⭐ **Ada Lovelace**, The Difference Engine, EMNLP 2024.
- **Ada Lovelace**, A Loom, ACL 2022.
"""  # noqa: E501


def load(engine: Engine) -> None:
    load_page(engine, parse_page("about.md", PAGE).page)


def titles(client: TestClient, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return [item["title"] for item in response.json()]


def test_star_marks_a_featured_work_and_is_not_part_of_it() -> None:
    page = parse_page("about.md", PAGE).page
    assert [(w.title, w.venue, w.featured) for w in page.publications] == [
        ("Notes on the Analytical Engine", "ICML 2024", True),
        ("On Bernoulli Numbers", "NeurIPS 2023", False),
        ("Sketch of the Engine", "Preprint", False),
    ]
    assert [(w.title, w.featured) for w in page.projects] == [
        ("The Difference Engine", True),
        ("A Loom", False),
    ]
    assert [link.url for link in page.publications[0].links] == ["https://example.org/notes"]


def test_featured_filter_on_publications_and_projects(engine: Engine, client: TestClient) -> None:
    load(engine)
    assert titles(client, "/publications?featured=true") == ["Notes on the Analytical Engine"]
    assert titles(client, "/publications?featured=false") == [
        "On Bernoulli Numbers",
        "Sketch of the Engine",
    ]
    assert titles(client, "/projects?featured=true") == ["The Difference Engine"]


def test_group_by_year_is_newest_first_with_undated_last(
    engine: Engine, client: TestClient
) -> None:
    load(engine)
    response = client.get("/publications?group_by=year")
    assert response.status_code == 200
    assert response.headers["x-total-count"] == "3"
    assert [
        (group["year"], [item["title"] for item in group["publications"]])
        for group in response.json()
    ] == [
        (2024, ["Notes on the Analytical Engine"]),
        (2023, ["On Bernoulli Numbers"]),
        (None, ["Sketch of the Engine"]),
    ]


def test_group_by_year_carries_whole_publications(seeded_client: TestClient) -> None:
    response = seeded_client.get("/publications?group_by=year&year=2023")
    [group] = response.json()
    assert group["year"] == 2023
    assert without_times(group["publications"]) == [PUBLICATIONS[5], PUBLICATIONS[6]]


def test_group_by_accepts_only_year(seeded_client: TestClient) -> None:
    response = seeded_client.get("/publications?group_by=venue")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "group_by"]

"""Every read endpoint over the owner's seeded page, through the real app."""

import sqlite3

from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.engine import Engine

from tests.expected import INTERESTS, NEWS, PROFILE, PROJECTS, PUBLICATIONS
from tests.timestamps import without_times


def test_health_is_ok(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_profile_states_name_biography_and_affiliation(seeded_client: TestClient) -> None:
    response = seeded_client.get("/profile")
    assert response.status_code == 200
    assert response.json() == PROFILE


def test_profile_before_seeding_is_404_with_a_sentence(client: TestClient) -> None:
    response = client.get("/profile")
    assert response.status_code == 404
    assert response.json() == {"detail": "No profile yet: run `homepage seed` first."}


def test_interests_are_areas_with_topics_in_page_order(seeded_client: TestClient) -> None:
    response = seeded_client.get("/interests")
    assert response.status_code == 200
    assert response.json() == INTERESTS


def test_publications_are_the_pages_eight_in_order(seeded_client: TestClient) -> None:
    response = seeded_client.get("/publications")
    assert response.status_code == 200
    assert without_times(response.json()) == PUBLICATIONS
    assert response.headers["x-total-count"] == "8"


def test_projects_are_the_pages_two_in_order(seeded_client: TestClient) -> None:
    response = seeded_client.get("/projects")
    assert without_times(response.json()) == PROJECTS
    assert response.headers["x-total-count"] == "2"


def test_news_is_newest_first_with_month_precision(seeded_client: TestClient) -> None:
    response = seeded_client.get("/news")
    assert response.status_code == 200
    assert without_times(response.json()) == NEWS


def test_read_one_item_of_each_kind_by_slug(seeded_client: TestClient) -> None:
    for path, expected in (
        ("publications", PUBLICATIONS[4]),
        ("projects", PROJECTS[1]),
        ("news", NEWS[0]),
    ):
        response = seeded_client.get(f"/{path}/{expected['slug']}")
        assert response.status_code == 200
        assert without_times(response.json()) == expected


def test_unknown_slugs_are_404_naming_the_item(seeded_client: TestClient) -> None:
    for path, noun in (
        ("publications", "Publication"),
        ("projects", "Project"),
        ("news", "News item"),
        ("sections", "Section"),
    ):
        response = seeded_client.get(f"/{path}/no-such-thing")
        assert response.status_code == 404
        assert response.json() == {"detail": f"{noun} 'no-such-thing' not found"}


def test_hidden_content_is_never_served(seeded_client: TestClient) -> None:
    everything = "".join(
        seeded_client.get(path).text
        for path in ("/profile", "/news", "/publications", "/projects", "/sections", "/interests")
    )
    assert "UESTC" not in everything
    assert "Reviewer" not in everything
    assert "Service" not in everything
    assert seeded_client.get("/sections").json() == []


def test_health_is_503_with_a_sentence_when_the_database_stops_answering(
    client: TestClient,
) -> None:
    assert client.get("/health").status_code == 200
    watcher = client.app.front.app.watcher  # type: ignore[attr-defined]

    def no_answer() -> object:
        raise sqlite3.OperationalError("disk I/O error")

    watcher.token = no_answer
    response = client.get("/health")
    assert (response.status_code, response.json()) == (
        503,
        {"detail": "The database does not answer."},
    )
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_reads_while_the_change_check_fails_come_from_the_database_not_the_cache(
    seeded_client: TestClient, auth: dict[str, str]
) -> None:
    """A cached answer is only as good as the check that nothing changed; while that check
    fails, every read is answered afresh."""
    assert without_times(seeded_client.get("/news").json()) == NEWS
    watcher = seeded_client.app.front.app.watcher  # type: ignore[attr-defined]

    def no_answer() -> object:
        raise sqlite3.OperationalError("disk I/O error")

    working = watcher.token
    watcher.token = no_answer
    created = seeded_client.post(
        "/news", json={"date": "2026-12-01", "text": "Posted while unchecked."}, headers=auth
    )
    during = seeded_client.get("/news")
    watcher.token = working

    assert created.status_code == 201
    assert during.status_code == 200
    assert without_times(during.json()) == [without_times(created.json()), *NEWS]
    assert seeded_client.get("/news").json() == during.json()


def test_an_answer_whose_date_cannot_be_read_is_sent_but_not_kept(
    seeded_client: TestClient, seeded: Engine
) -> None:
    """`Last-Modified` comes from the content's version row; while that cannot be read, the
    page is still answered, without the headers of a kept answer."""
    with seeded.begin() as connection:
        connection.execute(text("DROP TABLE content_version"))
    answers = [seeded_client.get("/news") for _ in range(2)]
    assert [answer.status_code for answer in answers] == [200, 200]
    assert [without_times(answer.json()) for answer in answers] == [NEWS, NEWS]
    assert [("etag" in a.headers, "last-modified" in a.headers) for a in answers] == [
        (False, False),
        (False, False),
    ]

"""Posting, editing and deleting news through the API, and what it refuses."""

import datetime as dt
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from schemas.audit import AuditEntry
from tests.expected import NEWS
from tests.timestamps import without_times

SEED_SLUG = NEWS[0]["slug"]
TOO_LARGE = {"detail": "The request body is larger than 64 KiB."}


def test_post_creates_an_api_item_dated_today(
    seeded_client: TestClient, auth: dict[str, str]
) -> None:
    response = seeded_client.post(
        "/news",
        json={
            "text": "Paper accepted at **ICML**!",
            "links": [{"label": "Paper", "url": "https://example.org/p"}],
        },
        headers=auth,
    )
    assert response.status_code == 201
    today = dt.date.today().isoformat()
    expected = {
        "slug": f"{today}-paper-accepted-at-icml",
        "date": today,
        "date_precision": "day",
        "text": "Paper accepted at **ICML**!",
        "text_html": "<p>Paper accepted at <strong>ICML</strong>!</p>",
        "source": "api",
        "links": [{"label": "Paper", "url": "https://example.org/p", "kind": "paper"}],
    }
    assert without_times(response.json()) == expected
    assert response.headers["location"] == f"/news/{today}-paper-accepted-at-icml"
    assert without_times(seeded_client.get("/news").json()) == [expected, *NEWS]


def test_post_with_a_month_date(client: TestClient, auth: dict[str, str]) -> None:
    response = client.post(
        "/news",
        json={"text": "Joined the lab.", "date": "2024-09-01", "date_precision": "month"},
        headers=auth,
    )
    assert (response.status_code, without_times(response.json())) == (
        201,
        {
            "slug": "2024-09-joined-the-lab",
            "date": "2024-09-01",
            "date_precision": "month",
            "text": "Joined the lab.",
            "text_html": "<p>Joined the lab.</p>",
            "source": "api",
            "links": [],
        },
    )


def test_the_same_slug_again_takes_a_suffix_from_the_text(
    client: TestClient, auth: dict[str, str]
) -> None:
    def post(text: str) -> str:
        body = {"text": text, "date": "2024-01-01"}
        return str(client.post("/news", json=body, headers=auth).json()["slug"])

    assert [post("Hello"), post("Hello!"), post("Hello!")] == [
        "2024-01-01-hello",
        "2024-01-01-hello-334d01",
        "2024-01-01-hello-334d01-2",
    ]


def test_html_in_posted_text_is_sanitised(client: TestClient, auth: dict[str, str]) -> None:
    response = client.post(
        "/news",
        json={"text": "Hi <script>alert(1)</script><img src=x onerror=alert(1)>"},
        headers=auth,
    )
    assert response.status_code == 201
    assert response.json()["text_html"] == '<p>Hi <img src="x"></p>'


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ({}, ["body", "text"]),
        ({"text": ""}, ["body", "text"]),
        ({"text": "x" * 5001}, ["body", "text"]),
        ({"text": "ok", "date": "2024-13-01"}, ["body", "date"]),
        ({"text": "ok", "surprise": 1}, ["body", "surprise"]),
        (
            {"text": "ok", "links": [{"label": "x", "url": "javascript:alert(1)"}]},
            ["body", "links", 0, "url"],
        ),
        ({"text": "ok", "date_precision": "week"}, ["body", "date_precision"]),
    ],
)
def test_bad_bodies_are_422_naming_the_field(
    client: TestClient, auth: dict[str, str], body: dict[str, object], location: list[object]
) -> None:
    response = client.post("/news", json=body, headers=auth)
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [location]


def test_body_that_is_not_json_is_422(client: TestClient, auth: dict[str, str]) -> None:
    response = client.post(
        "/news", content=b"{not json", headers={**auth, "Content-Type": "application/json"}
    )
    assert (response.status_code, response.json()) == (
        422,
        {
            "detail": [
                {
                    "type": "json_invalid",
                    "loc": ["body", 1],
                    "msg": "JSON decode error",
                    "ctx": {"error": "Expecting property name enclosed in double quotes"},
                }
            ]
        },
    )


def test_body_over_64_kib_is_413(client: TestClient, auth: dict[str, str]) -> None:
    response = client.post(
        "/news",
        content=b"x" * (64 * 1024 + 1),
        headers={**auth, "Content-Type": "application/json"},
    )
    assert (response.status_code, response.json()) == (413, TOO_LARGE)


def test_chunked_body_over_64_kib_is_413(client: TestClient, auth: dict[str, str]) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(80):
            yield b"x" * 1024

    response = client.post(
        "/news", content=chunks(), headers={**auth, "Content-Type": "application/json"}
    )
    assert (response.status_code, response.json()) == (413, TOO_LARGE)


def test_patch_changes_text_and_keeps_the_slug(client: TestClient, auth: dict[str, str]) -> None:
    created = client.post(
        "/news", json={"text": "Draft", "date": "2024-05-06"}, headers=auth
    ).json()
    response = client.patch(f"/news/{created['slug']}", json={"text": "Final *text*"}, headers=auth)
    assert response.status_code == 200
    body = response.json()
    assert without_times(body) == {
        "slug": "2024-05-06-draft",
        "date": "2024-05-06",
        "date_precision": "day",
        "text": "Final *text*",
        "text_html": "<p>Final <em>text</em></p>",
        "source": "api",
        "links": [],
    }
    assert body["updated_at"] > body["created_at"]


def test_patch_to_no_date_makes_the_item_undated(client: TestClient, auth: dict[str, str]) -> None:
    created = client.post("/news", json={"text": "Soon", "date": "2024-05-06"}, headers=auth).json()
    body = client.patch(f"/news/{created['slug']}", json={"date": None}, headers=auth).json()
    assert (body["date"], body["date_precision"]) == (None, None)


def test_delete_removes_the_item(client: TestClient, auth: dict[str, str]) -> None:
    slug = client.post("/news", json={"text": "Oops"}, headers=auth).json()["slug"]
    response = client.delete(f"/news/{slug}", headers=auth)
    assert response.status_code == 204
    assert response.content == b""
    gone = client.get(f"/news/{slug}")
    assert (gone.status_code, gone.json()) == (404, {"detail": f"News item '{slug}' not found"})


def test_writes_to_unknown_items_are_404(client: TestClient, auth: dict[str, str]) -> None:
    patched = client.patch("/news/nope", json={"text": "x"}, headers=auth)
    assert (patched.status_code, patched.json()) == (404, {"detail": "News item 'nope' not found"})
    assert client.delete("/news/nope", headers=auth).json() == {
        "detail": "News item 'nope' not found"
    }


def test_writes_to_items_from_the_page_are_409(
    seeded_client: TestClient, auth: dict[str, str]
) -> None:
    detail = (
        f"News item '{SEED_SLUG}' comes from the Markdown page; edit the page and run "
        "`homepage seed` instead, so the next re-seed does not undo the change."
    )
    patched = seeded_client.patch(f"/news/{SEED_SLUG}", json={"text": "x"}, headers=auth)
    assert (patched.status_code, patched.json()) == (409, {"detail": detail})
    deleted = seeded_client.delete(f"/news/{SEED_SLUG}", headers=auth)
    assert (deleted.status_code, deleted.json()) == (409, {"detail": detail})
    assert without_times(seeded_client.get("/news").json()) == NEWS


def test_every_write_is_recorded_with_the_token_name(
    client: TestClient, engine: Engine, auth: dict[str, str]
) -> None:
    slug = client.post("/news", json={"text": "One"}, headers=auth).json()["slug"]
    client.patch(f"/news/{slug}", json={"text": "Two"}, headers=auth)
    client.delete(f"/news/{slug}", headers=auth)
    with Session(engine) as session:
        entries = session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()  # type: ignore[arg-type]
    assert [(e.token_name, e.action, e.resource, e.slug) for e in entries] == [
        ("laptop", "create", "news", slug),
        ("laptop", "update", "news", slug),
        ("laptop", "delete", "news", slug),
    ]


def test_post_in_greek_letters_has_a_percent_encoded_location_that_reads_it_back(
    client: TestClient, auth: dict[str, str]
) -> None:
    response = client.post("/news", json={"text": "ξ", "date": "2025-05-02"}, headers=auth)
    assert response.status_code == 201
    assert response.json()["slug"] == "2025-05-02-ξ"
    assert response.headers["location"] == "/news/2025-05-02-%CE%BE"
    assert client.get(response.headers["location"]).json()["text"] == "ξ"

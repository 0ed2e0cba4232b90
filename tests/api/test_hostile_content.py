"""Hostile content through the API: text XML cannot hold is refused on writes and can never
break a feed, and JSON-LD is safe to paste into a page's <script> block."""

import json
import re

import feedparser  # type: ignore[import-untyped]
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.engine import Engine

FORBIDDEN = ["\u0001", "\u000b", "\u001b", "\ufffe"]


@pytest.mark.parametrize("character", FORBIDDEN, ids=[f"U+{ord(c):04X}" for c in FORBIDDEN])
def test_text_a_feed_cannot_hold_is_refused_naming_the_field(
    client: TestClient, auth: dict[str, str], character: str
) -> None:
    posted = client.post("/news", json={"text": f"Bad {character} text"}, headers=auth)
    labelled = client.post(
        "/news",
        json={"text": "Fine", "links": [{"label": f"x{character}", "url": "https://a.example/"}]},
        headers=auth,
    )
    assert (posted.status_code, [e["loc"] for e in posted.json()["detail"]]) == (
        422,
        [["body", "text"]],
    )
    assert (labelled.status_code, [e["loc"] for e in labelled.json()["detail"]]) == (
        422,
        [["body", "links", 0, "label"]],
    )


def test_feeds_stay_well_formed_whatever_is_stored(
    seeded_client: TestClient, seeded: Engine
) -> None:
    with seeded.begin() as connection:
        connection.execute(
            text("UPDATE news SET text = :t, text_html = :t"), {"t": "Odd \u0001\u000b\ufffe text"}
        )
        connection.execute(text("UPDATE publication SET title = :t"), {"t": "T\u001bitle"})
    for path in ("/news.atom", "/news.rss", "/publications.atom", "/publications.rss"):
        parsed = feedparser.parse(seeded_client.get(path).content)
        assert (path, parsed.bozo, len(parsed.entries) > 0) == (path, False, True)


SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def test_every_json_ld_document_can_be_pasted_into_a_script_block(
    seeded_client: TestClient, seeded: Engine
) -> None:
    hostile = "</script><script>alert(1)</script> & <b>\u2028"
    with seeded.begin() as connection:
        connection.execute(text("UPDATE publication SET title = :t"), {"t": hostile})
    slug = seeded_client.get("/publications").json()[0]["slug"]
    for path in ("/profile.jsonld", "/publications.jsonld", f"/publications/{slug}.jsonld"):
        body = seeded_client.get(path).text
        page = f'<html><script type="application/ld+json">{body}</script></html>'
        [embedded] = SCRIPT.findall(page)
        assert json.loads(embedded) == seeded_client.get(path).json()
        assert not re.search(r"[<>&\u2028\u2029]", body)
    titles = json.loads(seeded_client.get("/publications.jsonld").text)["@graph"]
    assert {node["name"] for node in titles} == {hostile}


@pytest.mark.parametrize(
    "body",
    [
        '{"text": "\\ud800 lone"}',
        '{"text": "Fine", "links": [{"label": "\\udfff", "url": "https://a.example/"}]}',
        '{"text": NaN}',
        '{"text": "Fine", "date": Infinity}',
    ],
    ids=["surrogate in text", "surrogate in a label", "NaN", "Infinity"],
)
def test_json_no_text_can_hold_is_a_422_that_echoes_nothing(
    client: TestClient, auth: dict[str, str], body: str
) -> None:
    response = client.post(
        "/news", content=body, headers={**auth, "Content-Type": "application/json"}
    )
    assert response.status_code == 422
    for problem in response.json()["detail"]:
        assert "input" not in problem
    assert "ud8" not in response.text
    assert "NaN" not in response.text


@pytest.mark.parametrize("text", [" ", "\u200b\u200b", "\t\u00a0\ufeff"])
def test_news_text_needs_a_visible_character(
    client: TestClient, auth: dict[str, str], text: str
) -> None:
    response = client.post("/news", json={"text": text}, headers=auth)
    assert (response.status_code, [e["loc"] for e in response.json()["detail"]]) == (
        422,
        [["body", "text"]],
    )


def test_dates_are_from_1900_to_2100(client: TestClient, auth: dict[str, str]) -> None:
    def status_for(date: str) -> int:
        return client.post("/news", json={"text": "Dated", "date": date}, headers=auth).status_code

    assert [status_for(d) for d in ("0001-01-01", "1899-12-31", "9999-12-31", "2101-01-01")] == [
        422
    ] * 4
    assert [status_for(d) for d in ("1900-01-01", "2100-12-31")] == [201, 201]

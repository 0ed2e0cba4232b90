"""Filters, search and pagination on the publication and project lists."""

import pytest
from fastapi.testclient import TestClient


def slugs(client: TestClient, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return [item["slug"] for item in response.json()]


def test_filter_by_year(seeded_client: TestClient) -> None:
    assert slugs(seeded_client, "/publications?year=2023") == [
        "pad-net-an-efficient-framework-for-dynamic-networks",
        "sd-conv-towards-the-parameter-efficiency-of-dynamic",
    ]


def test_filter_by_author_is_case_insensitive_and_partial(seeded_client: TestClient) -> None:
    assert slugs(seeded_client, "/publications?author=tianlong") == [
        "dlo-dynamic-layer-operation-for-efficient-vertical-scaling"
    ]


def test_filter_by_venue(seeded_client: TestClient) -> None:
    assert slugs(seeded_client, "/publications?venue=emnlp") == [
        "sparseadapter-an-easy-approach-for-improving-the-parameter"
    ]
    assert slugs(seeded_client, "/projects?venue=emnlp") == [
        "llama-moe-building-mixture-of-experts-from-llama-with"
    ]


def test_q_needs_every_word_in_title_authors_or_venue(seeded_client: TestClient) -> None:
    assert slugs(seeded_client, "/publications?q=dynamic%20tao") == [
        "pad-net-an-efficient-framework-for-dynamic-networks"
    ]
    assert slugs(seeded_client, "/publications?q=nothing-like-this") == []


def test_q_treats_percent_and_underscore_literally(seeded_client: TestClient) -> None:
    assert slugs(seeded_client, "/publications?q=%25") == []
    assert slugs(seeded_client, "/publications?q=_") == []


def test_filters_combine(seeded_client: TestClient) -> None:
    assert slugs(seeded_client, "/publications?year=2024&author=Zhangyang") == [
        "a-graph-is-worth-k-words-euclideanizing-graph-using-pure"
    ]


def test_pages_carry_total_and_link_headers(seeded_client: TestClient) -> None:
    response = seeded_client.get("/publications?offset=3&limit=3")
    assert [item["slug"] for item in response.json()] == [
        "a-graph-is-worth-k-words-euclideanizing-graph-using-pure",
        "idat-inverse-distillation-adapter-tuning",
        "pad-net-an-efficient-framework-for-dynamic-networks",
    ]
    assert response.headers["x-total-count"] == "8"
    base = "/publications"
    assert response.headers["link"] == (
        f'<{base}?offset=0&limit=3>; rel="first", '
        f'<{base}?offset=0&limit=3>; rel="prev", '
        f'<{base}?offset=6&limit=3>; rel="next", '
        f'<{base}?offset=6&limit=3>; rel="last"'
    )


def test_link_header_keeps_the_filters(seeded_client: TestClient) -> None:
    response = seeded_client.get("/publications?year=2024&limit=1")
    assert response.headers["x-total-count"] == "2"
    assert '</publications?year=2024&offset=1&limit=1>; rel="next"' in (response.headers["link"])


def test_news_pages_too(seeded_client: TestClient) -> None:
    response = seeded_client.get("/news?limit=1&offset=1")
    assert response.json() == []
    assert response.headers["x-total-count"] == "1"


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/publications?limit=0", "limit"),
        ("/publications?limit=1001", "limit"),
        ("/publications?offset=-1", "offset"),
        ("/publications?year=twenty", "year"),
        ("/projects?q=", "q"),
        ("/news?limit=abc", "limit"),
    ],
)
def test_bad_parameters_are_422_naming_the_parameter(
    seeded_client: TestClient, url: str, parameter: str
) -> None:
    response = seeded_client.get(url)
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["query", parameter]]

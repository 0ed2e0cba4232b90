"""schema.org JSON-LD, expanded by PyLD: the Person, and ScholarlyArticles with ordered authors."""

from typing import Any

from fastapi.testclient import TestClient
from pyld import jsonld  # type: ignore[import-untyped]
from sqlalchemy.engine import Engine

from tests.formats import seed_formats_page

SCHEMA = "https://schema.org/"
SLUG = "fast-sound-compiling-typed-100-loops"
PERSON = "http://127.0.0.1:8000/profile#person"


def offline_loader(url: str, _options: dict[str, Any]) -> dict[str, Any]:
    """schema.org's context, as far as these documents use it: every term in its vocabulary."""
    assert url.rstrip("/") == "https://schema.org", url
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": SCHEMA}},
    }


def expanded(document: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": offline_loader})
    return result


def values(node: dict[str, Any], term: str) -> list[Any]:
    return [v.get("@value", v.get("@id")) for v in node.get(SCHEMA + term, [])]


def test_profile_is_a_person_with_affiliation_and_same_as(
    engine: Engine, client: TestClient
) -> None:
    seed_formats_page(engine)
    response = client.get("/profile.jsonld")
    assert response.headers["content-type"] == "application/ld+json"
    assert response.json() == {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": PERSON,
        "name": "Jörg Müller",
        "affiliation": {
            "@type": "Organization",
            "name": "Example University",
            "url": "https://example.edu",
        },
        "sameAs": ["https://github.com/jmueller", "https://scholar.google.com/citations?user=abc"],
    }
    [person] = expanded(response.json())
    assert person["@type"] == [SCHEMA + "Person"]
    assert values(person, "name") == ["Jörg Müller"]
    assert [values(org, "name") for org in person[SCHEMA + "affiliation"]] == [
        ["Example University"]
    ]


def test_article_lists_authors_in_order_and_links_the_owner(
    engine: Engine, client: TestClient
) -> None:
    seed_formats_page(engine)
    [article] = expanded(client.get(f"/publications/{SLUG}.jsonld").json())
    assert article["@type"] == [SCHEMA + "ScholarlyArticle"]
    assert article["@id"] == f"http://127.0.0.1:8000/publications/{SLUG}"
    authors = article[SCHEMA + "author"]
    assert [values(a, "name") for a in authors] == [["Ana Ruiz"], ["Jörg Müller"], ["Li Wei"]]
    assert [a.get("@id") for a in authors] == [None, PERSON, None]
    assert values(article, "datePublished") == ["2024"]


def test_list_is_one_graph_and_accept_works_on_plain_url(
    engine: Engine, client: TestClient
) -> None:
    seed_formats_page(engine)
    nodes = expanded(client.get("/publications.jsonld?year=2024").json())
    assert len(nodes) == 3
    negotiated = client.get(f"/publications/{SLUG}", headers={"Accept": "application/ld+json"})
    assert negotiated.json() == client.get(f"/publications/{SLUG}.jsonld").json()

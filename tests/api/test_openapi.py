"""The OpenAPI document: readable operation ids, tags per resource, every response typed."""

from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.testclient import TestClient

FORMAT_OPERATIONS = frozenset(
    {
        "list_publications_bibtex",
        "read_publication_bibtex",
        "list_publications_csl",
        "read_publication_csl",
        "read_profile_jsonld",
        "list_publications_jsonld",
        "read_publication_jsonld",
        "list_news_atom",
        "list_news_rss",
        "list_publications_atom",
        "list_publications_rss",
        "list_talks_jsonld",
        "read_talk_jsonld",
        "list_teaching_jsonld",
        "read_teaching_jsonld",
        "list_talks_atom",
        "list_talks_rss",
    }
)
"""Operations that answer in a format of the field (BibTeX, CSL-JSON, JSON-LD, feeds)."""


def test_operation_ids_are_handler_names(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    operations = {
        (path, method): operation["operationId"]
        for path, methods in paths.items()
        for method, operation in methods.items()
    }
    assert {
        ("/health", "get"): "read_health",
        ("/profile", "get"): "read_profile",
        ("/interests", "get"): "list_interests",
        ("/news", "get"): "list_news",
        ("/news/{slug}", "get"): "read_news",
        ("/publications", "get"): "list_publications",
        ("/publications/{slug}", "get"): "read_publication",
        ("/projects", "get"): "list_projects",
        ("/projects/{slug}", "get"): "read_project",
        ("/sections", "get"): "list_sections",
        ("/sections/{slug}", "get"): "read_section",
        ("/talks", "get"): "list_talks",
        ("/talks/{slug}", "get"): "read_talk",
        ("/teaching", "get"): "list_teaching",
        ("/teaching/{slug}", "get"): "read_teaching",
        ("/talks.jsonld", "get"): "list_talks_jsonld",
        ("/teaching/{slug}.jsonld", "get"): "read_teaching_jsonld",
        ("/talks.atom", "get"): "list_talks_atom",
    }.items() <= operations.items()


def test_every_operation_has_a_tag_and_typed_success_response(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for methods in paths.values():
        for operation in methods.values():
            assert len(operation["tags"]) == 1
            success = next(code for code in operation["responses"] if code.startswith("2"))
            if success != "204":
                content = operation["responses"][success]["content"]
                if operation["operationId"] not in FORMAT_OPERATIONS:
                    assert "application/json" in content
                assert content
                assert all(media["schema"] != {} for media in content.values())


def test_docs_page_is_served(client: TestClient) -> None:
    response = client.get("/docs")
    expected = get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="homepage-api - Swagger UI",
        oauth2_redirect_url="/docs/oauth2-redirect",
    )
    assert (response.status_code, response.text) == (200, bytes(expected.body).decode())


def test_the_app_matches_a_request_against_one_flat_list_of_routes(client: TestClient) -> None:
    """An included router would be matched through a nested router per request, which costs
    an uncached request a few tenths of a millisecond; every route is the app's own."""
    kinds = {type(route).__name__ for route in client.app.router.routes}  # type: ignore[attr-defined]
    assert kinds == {"APIRoute", "Route"}

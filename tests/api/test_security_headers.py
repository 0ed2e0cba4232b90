"""Security headers on every response: JSON, errors, cached answers, 304s and the docs pages."""

import base64
import hashlib
import re
from collections.abc import Mapping

import pytest
from fastapi.testclient import TestClient

JSON_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
COMMON = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer"}


def security_headers(headers: Mapping[str, str]) -> dict[str, str | None]:
    names = ("x-content-type-options", "referrer-policy", "x-frame-options")
    return {name: headers.get(name) for name in (*names, "content-security-policy")}


EXPECTED = {**COMMON, "x-frame-options": "DENY", "content-security-policy": JSON_POLICY}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/news", 200),
        ("GET", "/health", 200),
        ("GET", "/openapi.json", 200),
        ("GET", "/news/no-such-item", 404),
        ("GET", "/news?limit=0", 422),
        ("PUT", "/news", 405),
        ("POST", "/news", 401),
    ],
)
def test_every_answer_carries_the_security_headers(
    seeded_client: TestClient, method: str, path: str, status: int
) -> None:
    response = seeded_client.request(method, path)
    assert response.status_code == status
    assert security_headers(response.headers) == EXPECTED


def test_cached_answers_and_304s_carry_them_too(seeded_client: TestClient) -> None:
    first = seeded_client.get("/publications")
    cached = seeded_client.get("/publications")
    not_modified = seeded_client.get(
        "/publications", headers={"If-None-Match": first.headers["etag"]}
    )
    assert [r.status_code for r in (first, cached, not_modified)] == [200, 200, 304]
    assert [security_headers(r.headers) for r in (first, cached, not_modified)] == [EXPECTED] * 3


def test_writes_carry_them(seeded_client: TestClient, auth: dict[str, str]) -> None:
    response = seeded_client.post("/news", json={"text": "Talk at MIT."}, headers=auth)
    assert response.status_code == 201
    assert security_headers(response.headers) == EXPECTED


def inline_script_hashes(html: str) -> list[str]:
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in scripts
    ]


@pytest.mark.parametrize("path", ["/docs", "/redoc", "/docs/oauth2-redirect"])
def test_docs_pages_may_load_their_cdn_assets_and_only_their_own_inline_scripts(
    client: TestClient, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    hashes = " ".join(inline_script_hashes(response.text))
    assert security_headers(response.headers) == {
        **COMMON,
        "x-frame-options": "DENY",
        "content-security-policy": (
            f"default-src 'none'; script-src https://cdn.jsdelivr.net {hashes}; "
            "style-src 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
            "font-src https://fonts.gstatic.com; img-src 'self' data: https://fastapi.tiangolo.com "
            "https://cdn.redoc.ly; connect-src 'self'; worker-src blob:; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
        ),
    }


def test_swagger_ui_runs_its_one_inline_script_by_hash_not_unsafe_inline(
    client: TestClient,
) -> None:
    response = client.get("/docs")
    directives = dict(
        directive.strip().split(" ", 1)
        for directive in response.headers["content-security-policy"].split(";")
    )
    assert (
        directives["script-src"]
        == f"https://cdn.jsdelivr.net {inline_script_hashes(response.text)[0]}"
    )

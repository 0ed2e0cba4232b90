"""The OpenAPI document generates a typed client: openapi-typescript writes TypeScript types
from /openapi.json, and `tsc --noEmit` type-checks a small program that uses them."""

import json
import os
import shutil
import subprocess

import pytest
from fastapi.testclient import TestClient

from api.settings import ROOT

CLIENT = ROOT / "examples" / "typed-client"


def node_or_skip() -> str:
    npx = shutil.which("npx")
    installed = (CLIENT / "node_modules" / ".bin" / "tsc").exists()
    if npx and installed:
        return npx
    reason = "needs node, npm and `npm ci --prefix examples/typed-client`"
    if os.environ.get("HOMEPAGE_REQUIRE_NODE") == "1":
        pytest.fail(f"HOMEPAGE_REQUIRE_NODE=1 but the TypeScript tools are missing: {reason}")
    pytest.skip(reason)


def run(npx: str, *args: str) -> None:
    result = subprocess.run(
        [npx, "--no-install", *args],
        cwd=CLIENT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_typescript_types_check_a_program(client: TestClient) -> None:
    npx = node_or_skip()
    (CLIENT / "openapi.json").write_text(json.dumps(client.get("/openapi.json").json()))
    run(npx, "openapi-typescript", "openapi.json", "--output", "schema.d.ts")
    schema = (CLIENT / "schema.d.ts").read_text()
    assert "list_publications_bibtex" in schema
    run(npx, "tsc", "--noEmit", "-p", "tsconfig.json")

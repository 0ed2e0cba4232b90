"""Eight writers posting a hundred items each through two worker processes on one SQLite
file: every post answered 201, every item stored once."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.server import homepage_env, run_homepage, serving

pytestmark = pytest.mark.sqlite_only

WRITERS = 8
POSTS_EACH = 100


def post_many(base: str, token: str, writer: int) -> list[int]:
    headers = {"Authorization": f"Bearer {token}", "Connection": "close"}
    with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
        return [
            client.post("/news", json={"text": f"Writer {writer} post {n}"}).status_code
            for n in range(POSTS_EACH)
        ]


def test_eight_writers_through_two_workers_lose_nothing(tmp_path: Path) -> None:
    env = homepage_env(tmp_path / "homepage.db")
    token = run_homepage("token", "create", "--name", "load", env=env).stdout.strip()
    with serving(env, "--workers", "2") as base, ThreadPoolExecutor(WRITERS) as pool:
        results = list(pool.map(lambda writer: post_many(base, token, writer), range(WRITERS)))
        assert [status for result in results for status in result] == [201] * 800
        listed = httpx.get(f"{base}/news?limit=1000", timeout=30)
    assert listed.headers["x-total-count"] == "800"
    texts = {item["text"] for item in listed.json()}
    assert texts == {f"Writer {w} post {n}" for w in range(WRITERS) for n in range(POSTS_EACH)}

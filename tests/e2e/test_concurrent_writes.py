"""Concurrent writers against a real server on one SQLite file: nothing lost, nothing locked."""

from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.server import homepage_env, run_homepage, serving

THREADS = 8
POSTS_EACH = 50


def post_many(base: str, token: str, thread: int) -> list[int]:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
        return [
            client.post("/news", json={"text": f"Thread {thread} post {n}"}).status_code
            for n in range(POSTS_EACH)
        ]


def test_eight_threads_posting_fifty_each_all_land(database_url: str) -> None:
    env = homepage_env(database_url)
    created = run_homepage("token", "create", "--name", "load", env=env)
    token = created.stdout.strip()
    with serving(env) as base, ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(lambda thread: post_many(base, token, thread), range(THREADS)))
        statuses = [status for result in results for status in result]
        assert statuses == [201] * THREADS * POSTS_EACH
        listed = httpx.get(f"{base}/news?limit=1000", timeout=30)
        assert listed.headers["x-total-count"] == str(THREADS * POSTS_EACH)
        assert len({item["slug"] for item in listed.json()}) == THREADS * POSTS_EACH

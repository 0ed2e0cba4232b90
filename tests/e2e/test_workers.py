"""Read-your-write across worker processes sharing one SQLite file."""

import httpx

from tests.server import homepage_env, run_homepage, serving


def fresh_get(url: str) -> httpx.Response:
    """A GET on a new connection, so the OS may hand it to either worker."""
    with httpx.Client(timeout=10) as client:
        return client.get(url, headers={"Connection": "close"})


def test_every_worker_serves_a_write_made_through_another(database_url: str) -> None:
    env = homepage_env(database_url)
    assert run_homepage("seed", env=env).returncode == 0
    token = run_homepage("token", "create", "--name", "w", env=env).stdout.strip()
    with serving(env, "--workers", "2") as base:
        for _ in range(20):
            assert len(fresh_get(f"{base}/news").json()) == 1
        for n in range(5):
            posted = httpx.post(
                f"{base}/news",
                json={"text": f"Post {n}"},
                headers={"Authorization": f"Bearer {token}", "Connection": "close"},
            )
            assert posted.status_code == 201
            for _ in range(10):
                news = fresh_get(f"{base}/news").json()
                assert news[0] == posted.json()
                assert len(news) == n + 2

"""SIGKILL the server at random moments during a write burst, twenty times: after each
restart the database is intact and every write answered with 201 is there."""

import random
import sqlite3
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.processes import start
from tests.server import homepage_env, run_homepage

pytestmark = pytest.mark.sqlite_only

KILLS = 20
WRITERS = 4


def post_until_refused(
    base: str, token: str, writer: int, acknowledged: list[str], other: list[int]
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=10) as client:
        for n in range(10_000):
            try:
                response = client.post("/news", json={"text": f"Writer {writer} post {n}"})
            except httpx.TransportError:
                return  # the server is gone; this write was never acknowledged
            if response.status_code == 201:
                acknowledged.append(response.json()["slug"])
            else:
                other.append(response.status_code)


def stored_slugs(base: str) -> set[str]:
    listed = httpx.get(f"{base}/news", params={"limit": 1000}, timeout=10)
    total = int(listed.headers["x-total-count"])
    slugs = {item["slug"] for item in listed.json()}
    for offset in range(1000, total, 1000):
        page = httpx.get(f"{base}/news", params={"limit": 1000, "offset": offset}, timeout=10)
        slugs |= {item["slug"] for item in page.json()}
    assert len(slugs) == total
    return slugs


def integrity(database: Path) -> str:
    with sqlite3.connect(database) as connection:
        result: str = connection.execute("PRAGMA integrity_check").fetchone()[0]
        return result


def test_no_acknowledged_write_is_lost_when_the_server_is_killed(tmp_path: Path) -> None:
    database = tmp_path / "homepage.db"
    env = homepage_env(database)
    assert run_homepage("seed", env=env).returncode == 0
    token = run_homepage("token", "create", "--name", "burst", env=env).stdout.strip()
    rng = random.Random(6)
    acknowledged: list[str] = []
    other: list[int] = []
    server = start(env, tmp_path / "server.log")
    for _ in range(KILLS):
        args = (server.base, token)
        writers = [
            threading.Thread(target=post_until_refused, args=(*args, n, acknowledged, other))
            for n in range(WRITERS)
        ]
        for writer in writers:
            writer.start()
        time.sleep(rng.uniform(0.05, 0.5))
        server.kill()
        for writer in writers:
            writer.join()
        server = start(env, tmp_path / "server.log")
        assert integrity(database) == "ok"
        assert set(acknowledged) - stored_slugs(server.base) == set()
    server.kill()
    assert other == []
    assert len(acknowledged) > KILLS * WRITERS

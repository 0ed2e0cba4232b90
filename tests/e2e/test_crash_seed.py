"""Seeding is one transaction: `homepage seed` killed midway leaves the previous content whole."""

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from bench.generate import page
from schemas.news import NewsCreate
from store.engine import make_engine, write_session
from store.news_writes import create_news
from store.schema import check_schema
from tests.server import BIN, homepage_env, run_homepage

pytestmark = pytest.mark.sqlite_only

CONTENT = ("profile", "interest", "news", "publication", "project", "section", "content_version")
# Kill when the write-ahead log holds this much of the big page's uncommitted transaction: its
# commit frame comes last, after about 5 MB of pages.
KILL_AT_WAL_BYTES = (300_000, 1_500_000, 3_000_000)


def content(database: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(database) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in CONTENT
        }


def integrity(database: Path) -> str:
    with sqlite3.connect(database) as connection:
        result: str = connection.execute("PRAGMA integrity_check").fetchone()[0]
        return result


def seed_until_wal_holds(env: dict[str, str], page_path: Path, wal: Path, size: int) -> int:
    """Start `homepage seed`, SIGKILL it once the log holds `size` bytes; the size seen."""
    process = subprocess.Popen(
        [str(BIN / "homepage"), "seed", "--content", str(page_path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seen = 0
    while process.poll() is None:
        seen = wal.stat().st_size if wal.exists() else 0
        if seen >= size:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.001)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the seed finished before it could be killed"
    return seen


def test_killing_seed_midway_leaves_the_previous_content_whole(tmp_path: Path) -> None:
    database = tmp_path / "homepage.db"
    env = homepage_env(database)
    assert run_homepage("seed", env=env).returncode == 0
    engine = make_engine(f"sqlite:///{database}")
    check_schema(engine)
    with write_session(engine) as session:
        create_news(session, NewsCreate(text="Posted through the API."), "laptop")
    engine.dispose()
    before = content(database)
    big = tmp_path / "big.md"
    big.write_text(page(4000))

    for size in KILL_AT_WAL_BYTES:
        assert seed_until_wal_holds(env, big, tmp_path / "homepage.db-wal", size) >= size
        assert integrity(database) == "ok"
        assert content(database) == before

    assert run_homepage("seed", "--content", str(big), env=env).returncode == 0
    after = content(database)
    assert (len(after["publication"]), len(after["news"])) == (4000, 4001)

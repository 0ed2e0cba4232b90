"""Seeding time, search latency and memory with 1,000 / 10,000 / 100,000 publications and news.

    .venv/bin/python -m bench.scale [--sizes 1000 10000 100000] [--queries 300]

For each size: write a page of N publications and N news items (bench.generate), time
`homepage seed` on it (the whole command, start-up included) and read the seed process's own
peak resident memory (its `ru_maxrss`, from `wait4`), serve it with `homepage serve`,
send distinct filtered and `q=` searches (so none is answered from the response cache), after
`WARM_UP` others, and report their latency, then read the server's resident memory from
/proc.
With `--postgres URL` each size gets a fresh schema on that server instead of a SQLite file.
"""

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.generate import VENUES, page
from bench.http_client import Connection
from bench.processes import free_port, running

BIN = Path(sys.executable).parent
_TITLE = re.compile(r"^\d+\. .*?, ([A-Z][a-z]+(?: [a-z]+){6}) \d+, ")
_AUTHOR = re.compile(r"([A-Z][a-z]+) ([A-Z][a-z]+)")


KINDS = ("word", "two words", "author", "venue and year", "word and year")


def kind_of(url: str) -> str:
    """Which of `KINDS` a URL from `searches` is."""
    if "author=" in url:
        return "author"
    if "venue=" in url:
        return "venue and year"
    if "year=" in url:
        return "word and year"
    return "two words" if "%20" in url else "word"


def searches(markdown: str, count: int, rng: random.Random) -> list[str]:
    """Distinct search URLs of the five `KINDS`, about a fifth of `count` each, drawn from the
    page's own words and names; fewer of a kind that has fewer distinct searches (there are
    only so many venue and year pairs)."""
    entries = [match for line in markdown.splitlines() if (match := _TITLE.match(line))]
    titles = [match.group(1).lower().split() for match in entries]
    names = sorted({m.group(2) for e in entries[:5000] for m in _AUTHOR.finditer(e.string)})

    def one(kind: int) -> str:
        words = rng.choice(titles)
        if kind == 0:
            return f"/publications?q={words[-1]}&limit=20"
        if kind == 1:
            return f"/publications?q={words[-1]}%20{words[-2]}&limit=20"
        if kind == 2:
            return f"/publications?author={rng.choice(names)}&limit=20"
        if kind == 3:
            return (
                f"/publications?venue={rng.choice(VENUES)}&year={rng.randint(2000, 2025)}&limit=20"
            )
        return f"/publications?q={words[-1]}&year={rng.randint(2000, 2025)}&limit=20"

    urls: set[str] = set()
    for kind in range(5):
        share = count // 5 + (kind < count % 5)
        drawn: set[str] = set()
        for _ in range(share * 50):  # bounded: a kind may have fewer distinct searches
            if len(drawn) == share:
                break
            drawn.add(one(kind))
        urls |= drawn
    return sorted(urls)


WARM_UP = 100


def warm_up_searches(markdown: str, measured: list[str], rng: random.Random) -> list[str]:
    """`WARM_UP` searches to send a fresh server first, unmeasured, none of them among the
    `measured`: psycopg prepares a statement on a connection at its fifth run, and
    PostgreSQL plans a prepared statement afresh for its first five, so a new process answers
    its first few searches of each kind more slowly than it will for the rest of its life."""
    taken = set(measured)
    return [url for url in searches(markdown, WARM_UP, rng) if url not in taken]


def resident_mb(pid: int) -> tuple[float, float]:
    status = Path(f"/proc/{pid}/status").read_text()
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    return rss / 1024, peak / 1024


def timed_seed(content: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds `homepage seed` took on `content`, and its peak resident memory in MB."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(BIN / "homepage"), "seed", "--content", str(content)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"homepage seed exited {process.returncode} on {content}")
    return seconds, usage.ru_maxrss / 1024  # kilobytes on Linux


def fresh_database(size: int, work: Path, postgres: str | None) -> str:
    """A new SQLite file, or a new schema on the PostgreSQL server at `postgres`."""
    if postgres is None:
        return f"sqlite:///{work / f'db-{size}.sqlite'}"
    schema = f"bench_{size}"
    admin = create_engine(postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    url = make_url(postgres).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


def measure(
    size: int, queries: int, work: Path, postgres: str | None
) -> tuple[list[str], dict[str, float]]:
    """The table's row for `size`, and the search p95 (ms) of each kind."""
    markdown = page(size)
    content = work / f"page-{size}.md"
    content.write_text(markdown)
    env = {**os.environ, "HOMEPAGE_DATABASE_URL": fresh_database(size, work, postgres)}
    seed_seconds, seed_peak = timed_seed(content, env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(BIN / "homepage"), "serve", "--port", str(port)]
    with (
        running(command, env, f"{base}/health") as server,
        Connection("127.0.0.1", port) as client,
    ):
        latencies = []
        by_kind: dict[str, list[float]] = {kind: [] for kind in KINDS}
        measured = searches(markdown, queries, random.Random(size))
        for url in warm_up_searches(markdown, measured, random.Random(-size)):
            assert client.get(url)[0] == 200, url
        for url in measured:
            begin = time.perf_counter()
            status, body = client.get(url)
            latencies.append((time.perf_counter() - begin) * 1000)
            by_kind[kind_of(url)].append(latencies[-1])
            assert status == 200, (url, body)
        begin = time.perf_counter()
        _, big = client.get(f"/publications?limit=1000&offset={size // 2}")
        page_ms = (time.perf_counter() - begin) * 1000
        rss, peak = resident_mb(server.pid)
    cuts = statistics.quantiles(latencies, n=100)
    p95s = {kind: statistics.quantiles(times, n=100)[94] for kind, times in by_kind.items()}
    return [
        f"{size:,}",
        f"{seed_seconds:.1f}",
        f"{seed_peak:.0f}",
        f"{statistics.median(latencies):.1f}",
        f"{cuts[94]:.1f}",
        f"{cuts[98]:.1f}",
        f"{len(json.loads(big))} in {page_ms:.0f} ms",
        f"{rss:.0f} (peak {peak:.0f})",
    ], p95s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument(
        "--postgres", metavar="URL", help="Run on this PostgreSQL server instead of SQLite."
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    store = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"{store}; N publications + N news; searches with limit=20, all distinct (no cache hits)\n"
    )
    print(
        "| N | seed s | seed peak RSS MB | search p50 ms | p95 ms | p99 ms | limit=1000 page "
        "| server RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|")
    kinds: dict[int, dict[str, float]] = {}
    for size in args.sizes:
        row, kinds[size] = measure(size, args.queries, work, args.postgres)
        print("| " + " | ".join(row) + " |", flush=True)
    print("\nSearch p95 ms by kind (each a fifth of the searches)\n")
    print("| N | " + " | ".join(KINDS) + " |")
    print("|---" * (len(KINDS) + 1) + "|")
    for size, p95s in kinds.items():
        print(f"| {size:,} | " + " | ".join(f"{p95s[kind]:.1f}" for kind in KINDS) + " |")


if __name__ == "__main__":
    main()

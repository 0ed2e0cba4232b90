"""Search latency of two or more checkouts of this project on the same seeded database.

    git worktree add /tmp/before <commit>
    .venv/bin/python -m bench.search_ab --database URL --size N /tmp/before .

The database must hold the generated page of N items (`bench.generate N`, seeded with
`homepage seed`), at a schema revision every checkout accepts; a checkout given as
`PATH=URL` is served over its own database instead (a copy at the revision it knows, for
comparing across a migration). Each round serves every
checkout in turn with this environment's Python (`homepage serve`, a fresh process, so no
answer comes from its response cache), sends it the same 300 distinct searches as
`bench.scale` (drawn anew each round) after the same warm-up, and stops it; the checkouts
alternate, so a machine that slows down or speeds up during the run weighs on all of them
alike. With `--interleave` every checkout is served at once instead, and each search goes to
each of them in turn (the order turning with every search), so that even a machine whose
speed moves within a round, as a shared virtual machine's does, weighs on all of them alike.
"""

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import httpx

from bench.generate import page
from bench.http_client import Connection
from bench.processes import free_port, running
from bench.scale import KINDS, kind_of, searches, warm_up_searches


def latencies(
    port: int, warm_up: list[str], urls: list[str], client: str
) -> dict[str, list[float]]:
    """Milliseconds each of `urls` took, by kind, one connection, one request at a time,
    through `client`: "h11" (bench.http_client) or "httpx" (which adds its own time), after
    the `warm_up` searches, unmeasured."""
    by_kind: dict[str, list[float]] = {kind: [] for kind in KINDS}
    with ExitStack() as stack:
        if client == "httpx":
            pool = stack.enter_context(httpx.Client(base_url=f"http://127.0.0.1:{port}"))

            def get(target: str) -> tuple[int, bytes]:
                response = pool.get(target)
                return response.status_code, response.content

        else:
            get = stack.enter_context(Connection("127.0.0.1", port)).get
        for url in warm_up:
            assert get(url)[0] == 200, url
        for url in urls:
            timed(get, url, by_kind)
    return by_kind


def timed(
    get: Callable[[str], tuple[int, bytes]], url: str, by_kind: dict[str, list[float]]
) -> None:
    """Send `url` through `get` and add the milliseconds it took to its kind's list."""
    begin = time.perf_counter()
    status, body = get(url)
    by_kind[kind_of(url)].append((time.perf_counter() - begin) * 1000)
    assert status == 200, (url, body)


def serving(stack: ExitStack, checkout: Path, database: str) -> int:
    """Serve `checkout` over `database` until `stack` closes; its port."""
    port = free_port()
    # Run from the checkout, so its packages come first on the path.
    command = [sys.executable, "-c", "import cli; cli.main()", "serve", "--port", str(port)]
    env = {**os.environ, "HOMEPAGE_DATABASE_URL": database}
    stack.enter_context(running(command, env, f"http://127.0.0.1:{port}/health", cwd=checkout))
    return port


def served(
    checkout: Path, database: str, warm_up: list[str], urls: list[str], client: str
) -> dict[str, list[float]]:
    with ExitStack() as stack:
        return latencies(serving(stack, checkout, database), warm_up, urls, client)


def interleaved(
    databases: dict[Path, str], warm_up: list[str], urls: list[str]
) -> dict[Path, dict[str, list[float]]]:
    """Milliseconds each of `urls` took on each checkout, by kind: every checkout served at
    once, warmed up alike, and each search sent to each of them in turn through its own h11
    connection, the first of them one further on with every search."""
    checkouts = list(databases)
    times: dict[Path, dict[str, list[float]]] = {c: {k: [] for k in KINDS} for c in checkouts}
    with ExitStack() as stack:
        ports = {c: serving(stack, c, databases[c]) for c in checkouts}
        gets = {c: stack.enter_context(Connection("127.0.0.1", ports[c])).get for c in checkouts}
        for url in warm_up:
            for checkout in checkouts:
                assert gets[checkout](url)[0] == 200, url
        for index, url in enumerate(urls):
            turn = index % len(checkouts)
            for checkout in checkouts[turn:] + checkouts[:turn]:
                timed(gets[checkout], url, times[checkout])
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=100)[94]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, help="The seeded database's URL.")
    parser.add_argument("--size", type=int, required=True, help="N of the seeded page.")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument(
        "--client",
        choices=("h11", "httpx"),
        default="h11",
        help="What sends the requests: h11 on a socket, or httpx (as before December 2026).",
    )
    parser.add_argument(
        "--interleave",
        action="store_true",
        help="Serve every checkout at once and send each search to each in turn (h11).",
    )
    parser.add_argument("checkouts", nargs="+", help="PATH, or PATH=URL for its own database.")
    args = parser.parse_args()
    if args.interleave and args.client != "h11":
        parser.error("--interleave sends through h11 only")
    markdown = page(args.size)
    databases = {
        Path(path).resolve(): url or args.database
        for path, _, url in (checkout.partition("=") for checkout in args.checkouts)
    }
    checkouts = list(databases)
    runs: dict[Path, list[dict[str, list[float]]]] = {checkout: [] for checkout in checkouts}
    print("| checkout | round | p50 ms | p95 ms | " + " | ".join(f"{k} p95" for k in KINDS) + " |")
    print("|---" * (4 + len(KINDS)) + "|")
    for round_ in range(1, args.rounds + 1):
        urls = searches(markdown, args.queries, random.Random(round_))
        warm_up = warm_up_searches(markdown, urls, random.Random(-round_))
        by_checkout = interleaved(databases, warm_up, urls) if args.interleave else {}
        for checkout in checkouts:
            if not args.interleave:  # served now, so its line prints as soon as it is done
                by_checkout[checkout] = served(
                    checkout, databases[checkout], warm_up, urls, args.client
                )
            by_kind = by_checkout[checkout]
            runs[checkout].append(by_kind)
            every = [time for times in by_kind.values() for time in times]
            print(
                f"| {checkout.name} | {round_} | {statistics.median(every):.1f} "
                f"| {p95(every):.1f} | "
                + " | ".join(f"{p95(by_kind[k]):.1f}" for k in KINDS)
                + " |",
                flush=True,
            )
    print("\nMedians over the rounds\n\n| checkout | p50 ms | p95 ms |\n|---|---|---|")
    for checkout, rounds in runs.items():
        p50s = [statistics.median([t for ts in r.values() for t in ts]) for r in rounds]
        p95s = [p95([t for ts in r.values() for t in ts]) for r in rounds]
        print(
            f"| {checkout.name} | {statistics.median(p50s):.1f} | {statistics.median(p95s):.1f} |"
        )


if __name__ == "__main__":
    main()

"""The read path against a bare Starlette app serving the same bytes, side by side.

    .venv/bin/python -m bench.read_path [--seconds 5] [--rounds 3]

Seeds a page of 20 publications, serves it with `homepage serve` and the same bytes with
a bare Starlette app (same uvicorn settings: uvloop, httptools, no access log), then runs
wrk (1 thread, 16 connections) on each endpoint, alternating the two servers for several
rounds, and reports the median throughput ratio, the p99 latency, and the 304 path.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

from bench.generate import page
from bench.processes import free_port, running
from bench.wrk import run_wrk

BIN = Path(sys.executable).parent
UVICORN = ["--loop", "uvloop", "--http", "httptools", "--no-access-log", "--host", "127.0.0.1"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-read-"))
    content = work / "about.md"
    content.write_text(page(20))
    env = {**os.environ, "HOMEPAGE_DATABASE_URL": f"sqlite:///{work / 'db.sqlite'}"}
    subprocess.run(
        [str(BIN / "homepage"), "seed", "--content", str(content)],
        env=env,
        check=True,
        capture_output=True,
    )
    api_port, bare_port = free_port(), free_port()
    api = f"http://127.0.0.1:{api_port}"
    with running([str(BIN / "homepage"), "serve", "--port", str(api_port)], env, f"{api}/health"):
        first_pub = httpx.get(f"{api}/publications").json()[0]["slug"]
        first_news = httpx.get(f"{api}/news").json()[0]["slug"]
        paths = ["/publications", "/news", "/profile", "/interests", "/projects",
                 f"/publications/{first_pub}", f"/news/{first_news}"]  # fmt: skip
        bodies = {path: httpx.get(f"{api}{path}").text for path in paths}
        (work / "bodies.json").write_text(json.dumps(bodies))
        bare_env = {**env, "BENCH_BODIES": str(work / "bodies.json")}
        bare_command = [
            str(BIN / "uvicorn"),
            "bench.bare_app:app",
            "--port",
            str(bare_port),
            *UVICORN,
        ]
        bare = f"http://127.0.0.1:{bare_port}"
        with running(bare_command, bare_env, f"{bare}/profile"):
            rows = [measure(api, bare, path, len(bodies[path]), args) for path in paths]
            etag = httpx.get(f"{api}/publications").headers["etag"]
            rows.append(measure_304(api, etag, args))
    print(f"wrk -t1 -c16 -d{args.seconds}s, {args.rounds} rounds, alternating; median of rounds\n")
    print("| GET | body bytes | homepage-api req/s | bare Starlette req/s | ratio | p99 ms |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def measure(api: str, bare: str, path: str, size: int, args: argparse.Namespace) -> list[str]:
    ours, base, ratios, p99s = [], [], [], []
    for _ in range(args.rounds):
        a = run_wrk(f"{api}{path}", args.seconds)
        b = run_wrk(f"{bare}{path}", args.seconds)
        ours.append(a.requests_per_second)
        base.append(b.requests_per_second)
        ratios.append(a.requests_per_second / b.requests_per_second)
        p99s.append(a.p99_ms)
    median = statistics.median
    return [
        f"`{path}`",
        str(size),
        f"{median(ours):,.0f}",
        f"{median(base):,.0f}",
        f"{median(ratios):.2f}",
        f"{median(p99s):.2f}",
    ]


def measure_304(api: str, etag: str, args: argparse.Namespace) -> list[str]:
    full, cond, p99s = [], [], []
    for _ in range(args.rounds):
        full.append(run_wrk(f"{api}/publications", args.seconds).requests_per_second)
        result = run_wrk(f"{api}/publications", args.seconds, headers=(f"If-None-Match: {etag}",))
        cond.append(result.requests_per_second)
        p99s.append(result.p99_ms)
    median = statistics.median
    return [
        "`/publications` with `If-None-Match` (304)",
        "0",
        f"{median(cond):,.0f}",
        f"{median(full):,.0f} (200 path)",
        f"{median(cond) / median(full):.2f}",
        f"{median(p99s):.2f}",
    ]


if __name__ == "__main__":
    main()

"""The read path against honest baselines, side by side in one run.

    .venv/bin/python -m bench.read_path [--seconds 5] [--rounds 3]

Seeds a page of 20 publications and serves it with `homepage serve`; serves the same bytes
with a bare ASGI callable (no router: one `send` for the head, one for the body) and with a
routed Starlette app, both on the same uvicorn settings (uvloop, httptools, no access log),
and as static files with nginx when it is installed. wrk (1 thread, 16 connections) runs
on each endpoint, the servers alternating for several rounds; the tables show medians.
Then: the 304 path, `/health` against a cached GET, `homepage serve --server granian`
against the default uvicorn, and `--workers 2` against one worker (wrk with 2 threads and
32 connections for those two), with the cores the servers and wrk each used.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path

import httpx

from bench.generate import page
from bench.nginx import nginx_command
from bench.processes import free_port, running, tree_cpu_seconds
from bench.wrk import WrkResult, run_wrk

BIN = Path(sys.executable).parent
UVICORN = ["--loop", "uvloop", "--http", "httptools", "--no-access-log", "--host", "127.0.0.1"]
Measure = Callable[[str], WrkResult]


@contextmanager
def server_process(
    command: list[str], env: dict[str, str], probe_path: str
) -> Iterator[tuple[str, int]]:
    """A server started on a free port: its base URL and process id."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [part.replace("{port}", str(port)) for part in command]
    with running(command, env, base + probe_path) as process:
        yield base, process.pid


@contextmanager
def server(command: list[str], env: dict[str, str], probe_path: str) -> Iterator[str]:
    with server_process(command, env, probe_path) as (base, _):
        yield base


def alternating(
    bases: dict[str, str],
    path: str,
    rounds: int,
    run: Measure,
    pids: dict[str, int] | None = None,
) -> dict[str, list[WrkResult]]:
    """`run` on each base in turn, `rounds` times; with `pids`, each result also says how
    many cores that server's processes used meanwhile."""
    results: dict[str, list[WrkResult]] = {name: [] for name in bases}
    for _ in range(rounds):
        for name, base in bases.items():
            if pids is None:
                results[name].append(run(base + path))
                continue
            before, started = tree_cpu_seconds(pids[name]), time.perf_counter()
            result = run(base + path)
            cores = (tree_cpu_seconds(pids[name]) - before) / (time.perf_counter() - started)
            results[name].append(replace(result, server_cores=cores))
    return results


def rps(results: list[WrkResult]) -> float:
    return statistics.median(r.requests_per_second for r in results)


def ratio(ours: list[WrkResult], theirs: list[WrkResult]) -> float:
    return statistics.median(
        a.requests_per_second / b.requests_per_second for a, b in zip(ours, theirs, strict=True)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-read-"))
    work.chmod(0o755)
    content = work / "about.md"
    content.write_text(page(20))
    env = {**os.environ, "HOMEPAGE_DATABASE_URL": f"sqlite:///{work / 'db.sqlite'}"}
    homepage = str(BIN / "homepage")
    subprocess.run(
        [homepage, "seed", "--content", str(content)], env=env, check=True, capture_output=True
    )
    one = lambda url: run_wrk(url, args.seconds)  # noqa: E731
    two = lambda url: run_wrk(url, args.seconds, connections=32, threads=2)  # noqa: E731
    with ExitStack() as stack:
        api, api_pid = stack.enter_context(
            server_process([homepage, "serve", "--port", "{port}"], env, "/health")
        )
        first_pub = httpx.get(f"{api}/publications").json()[0]["slug"]
        first_news = httpx.get(f"{api}/news").json()[0]["slug"]
        paths = ["/publications", "/news", "/profile", "/interests", "/projects",
                 f"/publications/{first_pub}", f"/news/{first_news}"]  # fmt: skip
        bodies = {path: httpx.get(f"{api}{path}").text for path in paths}
        (work / "bodies.json").write_text(json.dumps(bodies))
        bare_env = {**env, "BENCH_BODIES": str(work / "bodies.json")}
        uvicorn = [str(BIN / "uvicorn"), "--port", "{port}", *UVICORN]
        bases = {
            "api": api,
            "bare": stack.enter_context(
                server([*uvicorn, "bench.bare_app:app"], bare_env, "/profile")
            ),
            "routed": stack.enter_context(
                server([*uvicorn, "bench.bare_app:routed"], bare_env, "/profile")
            ),
        }
        port = free_port()
        nginx = nginx_command(work / "nginx", port, bodies)
        if nginx is not None:
            base = f"http://127.0.0.1:{port}"
            stack.enter_context(running(nginx, env, f"{base}/profile"))
            bases["nginx"] = base
        rows = []
        for path in paths:
            results = alternating(bases, path, args.rounds, one)
            rows.append((path, len(bodies[path].encode()), results))
        etag = httpx.get(f"{api}/publications").headers["etag"]
        not_modified = [
            run_wrk(f"{api}/publications", args.seconds, headers=(f"If-None-Match: {etag}",))
            for _ in range(args.rounds)
        ]
        health = alternating({"health": api}, "/health", args.rounds, one)["health"]
        granian = stack.enter_context(
            server([homepage, "serve", "--server", "granian", "--port", "{port}"], env, "/health")
        )
        servers = alternating(
            {"uvicorn": api, "granian": granian}, "/publications", args.rounds, two
        )
        workers, workers_pid = stack.enter_context(
            server_process(
                [homepage, "serve", "--workers", "2", "--port", "{port}"], env, "/health"
            )
        )
        scaling = alternating(
            {"one": api, "two": workers},
            "/publications",
            args.rounds,
            two,
            pids={"one": api_pid, "two": workers_pid},
        )
    print_tables(rows, not_modified, health, servers, scaling, args)


def print_tables(
    rows: list[tuple[str, int, dict[str, list[WrkResult]]]],
    not_modified: list[WrkResult],
    health: list[WrkResult],
    servers: dict[str, list[WrkResult]],
    scaling: dict[str, list[WrkResult]],
    args: argparse.Namespace,
) -> None:
    nginx = "nginx" in rows[0][2]
    print(f"wrk -t1 -c16 -d{args.seconds}s, {args.rounds} rounds, alternating; medians\n")
    head = "| GET | body bytes | homepage-api req/s | bare ASGI req/s | ratio |"
    head += " routed Starlette req/s | ratio |"
    head += " nginx static req/s | ratio |" if nginx else ""
    print(head + " p99 ms |")
    print("|---" * head.count("|") + "|")
    publications = rows[0][2]["api"]
    for path, size, results in rows:
        api = results["api"]
        cells = [f"`{path}`", str(size), f"{rps(api):,.0f}"]
        for name in ("bare", "routed", *(["nginx"] if nginx else [])):
            cells += [f"{rps(results[name]):,.0f}", f"{ratio(api, results[name]):.2f}"]
        cells.append(f"{statistics.median(r.p99_ms for r in api):.2f}")
        print("| " + " | ".join(cells) + " |")
    print("\n| measure | req/s | against | req/s | ratio |")
    print("|---|---|---|---|---|")
    print(
        f"| `/publications` with `If-None-Match` (304) | {rps(not_modified):,.0f} | "
        f"the 200 path | {rps(publications):,.0f} | {rps(not_modified) / rps(publications):.2f} |"
    )
    print(
        f"| `/health` | {rps(health):,.0f} | cached `GET /publications` | "
        f"{rps(publications):,.0f} | {rps(health) / rps(publications):.2f} |"
    )
    print(
        f"| `homepage serve --server granian`, `/publications` (wrk -t2 -c32) | "
        f"{rps(servers['granian']):,.0f} | `--server uvicorn` | {rps(servers['uvicorn']):,.0f} | "
        f"{ratio(servers['granian'], servers['uvicorn']):.2f} |"
    )
    print(
        f"| `homepage serve --workers 2`, `/publications` (wrk -t2 -c32) | "
        f"{rps(scaling['two']):,.0f} | one worker | {rps(scaling['one']):,.0f} | "
        f"{ratio(scaling['two'], scaling['one']):.2f} |"
    )
    print(f"\nWhere the {os.cpu_count()} cores went in the workers runs (medians):\n")
    print(
        "| `/publications`, wrk -t2 -c32 | req/s | server cores | wrk cores "
        "| req/s per server core |"
    )
    print("|---|---|---|---|---|")
    for name, label in (("one", "one worker"), ("two", "`--workers 2`")):
        runs = scaling[name]
        server = statistics.median(r.server_cores or 0.0 for r in runs)
        client = statistics.median(r.client_cores for r in runs)
        per_core = statistics.median(r.requests_per_second / (r.server_cores or 1.0) for r in runs)
        print(f"| {label} | {rps(runs):,.0f} | {server:.2f} | {client:.2f} | {per_core:,.0f} |")


if __name__ == "__main__":
    main()

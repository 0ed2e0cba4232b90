"""Run the real `homepage` command: seed a database, serve it on a free port."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def homepage_env(database: Path | str, **extra: str) -> dict[str, str]:
    """The environment for the `homepage` command: a SQLite file, or any database URL."""
    url = database if isinstance(database, str) else f"sqlite:///{database}"
    return {**os.environ, "HOMEPAGE_DATABASE_URL": url, **extra}


def run_homepage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "homepage"), *args], env=env, capture_output=True, text=True, timeout=60
    )


@contextmanager
def serving(env: dict[str, str], *args: str) -> Iterator[str]:
    """Serve with `homepage serve` until the block ends; yields the base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # The log goes to a file, not a pipe, so a chatty server can never block on it.
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(
            [str(BIN / "homepage"), "serve", "--port", str(port), *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            _wait_until_healthy(process, base, log)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_healthy(process: subprocess.Popen[bytes], base: str, log: IO[str]) -> None:
    deadline = time.monotonic() + 20
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            raise RuntimeError(f"server did not start: {log.read()}")
        time.sleep(0.1)

"""Slow clients against the real server: a thousand idle, half-sent-headers and half-sent-body
connections do not keep normal GETs waiting, and the server closes every one of them within
its request timeout."""

import resource
import selectors
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.processes import Server, start
from tests.server import homepage_env, run_homepage

HELD = 1000
TIMEOUT = 3.0


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 4 * HELD
    if hard != resource.RLIM_INFINITY and hard < wanted:
        pytest.skip(f"the open-file limit ({hard}) is below {wanted}")
    # The server inherits the raised limit: it holds a descriptor per connection too.
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
    env = homepage_env(tmp_path / "homepage.db", HOMEPAGE_REQUEST_TIMEOUT=str(TIMEOUT))
    assert run_homepage("seed", env=env).returncode == 0
    server = start(env, tmp_path / "server.log")
    yield server
    server.kill()
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def hold(server: Server, count: int) -> list[socket.socket]:
    """Open `count` connections: a third send nothing, a third half a request line and some
    headers, a third whole headers and part of a declared body."""
    host, port = server.base.removeprefix("http://").split(":")
    partial = [
        b"",
        b"GET /publications HTTP/1.1\r\nHost: x\r\nX-Slow: ",
        b"POST /news HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b'Content-Length: 100\r\n\r\n{"text": ',
    ]
    held = []
    for index in range(count):
        connection = socket.create_connection((host, int(port)), timeout=5)
        if chunk := partial[index % 3]:
            connection.sendall(chunk)
        held.append(connection)
    return held


def closed_by_server(held: list[socket.socket], within: float) -> int:
    """How many of the connections the server closed (read to EOF) within `within` seconds."""
    selector = selectors.DefaultSelector()
    for connection in held:
        connection.setblocking(False)
        selector.register(connection, selectors.EVENT_READ, connection)
    closed = 0
    deadline = time.monotonic() + within
    while closed < len(held) and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=0.2):
            ready: socket.socket = key.data
            try:
                data = ready.recv(65536)
            except ConnectionResetError:
                data = b""
            if not data:
                selector.unregister(ready)
                closed += 1
    selector.close()
    return closed


def test_held_connections_neither_block_reads_nor_outlive_the_request_timeout(
    server: Server,
) -> None:
    held = hold(server, HELD)
    try:
        with httpx.Client(base_url=server.base, timeout=5) as client:
            for path in ("/health", "/publications", "/news", "/profile", "/publications?q=x"):
                started = time.monotonic()
                assert client.get(path).status_code == 200
                assert time.monotonic() - started < 1.0, path
        assert closed_by_server(held, within=TIMEOUT + 5) == HELD
    finally:
        for connection in held:
            connection.close()


def test_a_request_that_does_not_arrive_in_time_is_answered_408(server: Server) -> None:
    host, port = server.base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=TIMEOUT + 5) as connection:
        connection.sendall(b"GET /news HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        answer = connection.recv(65536)
        assert time.monotonic() - started < TIMEOUT + 2
    assert answer.startswith(b"HTTP/1.1 408 Request Timeout\r\n")
    assert answer.endswith(b"The request did not arrive within 3 seconds.\n")


def test_headers_over_the_limit_are_431(server: Server) -> None:
    host, port = server.base.removeprefix("http://").split(":")
    request = b"GET /news HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n"
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(request)
        answer = connection.recv(65536)
    assert answer.startswith(b"HTTP/1.1 431 Request Header Fields Too Large\r\n")


def test_past_the_connection_cap_a_new_connection_is_answered_503(tmp_path: Path) -> None:
    env = homepage_env(tmp_path / "homepage.db", HOMEPAGE_MAX_CONNECTIONS="4")
    assert run_homepage("seed", env=env).returncode == 0
    server = start(env, tmp_path / "server.log")
    try:
        held = hold(server, 4)
        host, port = server.base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=5) as connection:
            connection.sendall(b"GET /news HTTP/1.1\r\nHost: x\r\n\r\n")
            answer = connection.recv(65536)
        assert answer.startswith(b"HTTP/1.1 503 Service Unavailable\r\n")
        assert b"too many open connections" in answer
        for connection in held:
            connection.close()
    finally:
        server.kill()

"""Malformed HTTP, sent byte by byte to the real server: never a 5xx, never a trace."""

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.processes import Server, start
from tests.server import homepage_env, run_homepage

H = b"Host: x\r\nConnection: close\r\n"
GET = b"GET /news HTTP/1.1\r\n" + H
POST = b"POST /news HTTP/1.1\r\n" + H
REQUESTS = {
    "request line not HTTP": (b"GARBAGE\r\n\r\n", 400),
    "unknown HTTP version": (b"GET / HTTP/9.9\r\n" + H + b"\r\n", 400),
    "control byte in method": (b"G\x01T /news HTTP/1.1\r\n" + H + b"\r\n", 400),
    "NUL in the path": (b"GET /news/\x00 HTTP/1.1\r\n" + H + b"\r\n", 400),
    "bare LF line ends": (b"GET /news HTTP/1.1\nHost: x\nConnection: close\n\n", 400),
    "header without a colon": (GET + b"NoColon\r\n\r\n", 400),
    "space in a header name": (GET + b"X Bad: a\r\n\r\n", 400),
    "obsolete line folding": (GET + b"X-A: a\r\n b\r\n\r\n", 400),
    "bytes not allowed in a value": (GET + b"X-A: \xff\x00\r\n\r\n", 400),
    "URL of 200 KB": (b"GET /news?" + b"a" * 200_000 + b" HTTP/1.1\r\n" + H + b"\r\n", 400),
    "CONNECT": (b"CONNECT evil.example:443 HTTP/1.1\r\n" + H + b"\r\n", 400),
    "length not a number": (POST + b"Content-Length: abc\r\n\r\n", 400),
    "negative length": (POST + b"Content-Length: -5\r\n\r\n", 400),
    "length and chunked": (
        POST + b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        400,
    ),
    "broken chunk size": (
        POST + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
        400,
    ),
    "length over the limit": (POST + b"Content-Length: 99999999\r\n\r\n", 413),
    "non-UTF-8 bearer token": (
        POST + b"Authorization: Bearer \xff\xfe\r\nContent-Length: 2\r\n\r\n{}",
        401,
    ),
    "invalid percent-encoding": (b"GET /news/%ff%fe HTTP/1.1\r\n" + H + b"\r\n", 404),
    "encoded NUL": (b"GET /news/%00 HTTP/1.1\r\n" + H + b"\r\n", 404),
    "asterisk form": (b"OPTIONS * HTTP/1.1\r\n" + H + b"\r\n", 404),
    "bad query values": (b"GET /publications?limit=%ff&q=%00 HTTP/1.1\r\n" + H + b"\r\n", 422),
    "garbage conditional headers": (
        GET + b"If-Modified-Since: \xff 99\r\nIf-None-Match: \xff\r\n\r\n",
        200,
    ),
    "garbage Accept-Encoding": (
        GET + b"Accept-Encoding: \xff\xff\r\n\r\n",
        200,
    ),
    "two Host headers": (GET + b"Host: b\r\n\r\n", 200),
    "absolute URL": (b"GET http://evil.example/news HTTP/1.1\r\n" + H + b"\r\n", 200),
    "HTTP/1.0 without Host": (b"GET /news HTTP/1.0\r\n\r\n", 200),
}  # fmt: skip
# Headers are bounded (HOMEPAGE_MAX_HEADER_BYTES, 64 KiB by default): past it, a 431.
HUGE = {
    "one header of 1 MB": (GET + b"X-Big: " + b"a" * 1_000_000 + b"\r\n\r\n", 431),
    "20,000 headers": (GET + b"".join(b"X-%d: a\r\n" % i for i in range(20000)) + b"\r\n", 431),
    "2,000 headers": (GET + b"".join(b"X-%d: a\r\n" % i for i in range(2000)) + b"\r\n", 200),
}  # fmt: skip


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    directory: Path = tmp_path_factory.mktemp("raw")
    env = homepage_env(directory / "homepage.db")
    assert run_homepage("seed", env=env).returncode == 0
    server = start(env, directory / "server.log")
    yield server
    server.kill()


def exchange(server: Server, request: bytes) -> bytes:
    host, port = server.base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


@pytest.mark.parametrize(("request_bytes", "status"), REQUESTS.values(), ids=REQUESTS.keys())
def test_malformed_requests_get_a_4xx_or_a_normal_answer(
    server: Server, request_bytes: bytes, status: int
) -> None:
    answer = exchange(server, request_bytes)
    assert status_of(answer) == status
    assert b"Traceback" not in answer
    assert b'File "' not in answer


@pytest.mark.parametrize(("request_bytes", "status"), HUGE.values(), ids=HUGE.keys())
def test_headers_over_the_limit_are_431(server: Server, request_bytes: bytes, status: int) -> None:
    assert status_of(exchange(server, request_bytes)) == status


def test_a_body_cut_short_gets_no_answer_and_the_server_goes_on(server: Server) -> None:
    host, port = server.base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(POST + b"Content-Length: 100\r\nContent-Type: application/json\r\n\r\n{")
        connection.shutdown(socket.SHUT_WR)
        assert connection.recv(65536) == b""
    assert httpx.get(f"{server.base}/health", timeout=5).json() == {"status": "ok"}


def test_the_server_is_healthy_after_all_of_it(server: Server) -> None:
    for request_bytes, _ in REQUESTS.values():
        exchange(server, request_bytes)
    assert httpx.get(f"{server.base}/health", timeout=5).json() == {"status": "ok"}


def _head_lines(answer: bytes) -> set[bytes]:
    head = answer.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    return {line for line in head[1:] if not line.startswith(b"date: ")} | {head[0]}


def test_an_answer_from_the_cache_has_the_head_the_app_first_sent(server: Server) -> None:
    """The first request is answered by the app through uvicorn's own head writing, the
    second from the cache's head written out once: the same status line and headers."""
    request = b"GET /interests?first=1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
    first, second = exchange(server, request), exchange(server, request)
    assert _head_lines(first) == _head_lines(second)
    assert first.split(b"\r\n\r\n", 1)[1] == second.split(b"\r\n\r\n", 1)[1]
    assert b"connection: close" in _head_lines(second)


def test_cached_heads_keep_a_connection_alive_for_head_and_304_requests(server: Server) -> None:
    get = b"GET /news?second=1 HTTP/1.1\r\nHost: a\r\n\r\n"
    etag = exchange(server, get.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
    tag = next(line for line in etag.split(b"\r\n") if line.startswith(b"etag: "))[6:]
    pipelined = (
        b"HEAD /news?second=1 HTTP/1.1\r\nHost: a\r\n\r\n"
        + b"GET /news?second=1 HTTP/1.1\r\nHost: a\r\nIf-None-Match: " + tag + b"\r\n\r\n"
        + get.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n")
    )  # fmt: skip
    answers = exchange(server, pipelined)
    assert [
        line.split(b" ", 2)[1] for line in answers.split(b"\r\n") if line.startswith(b"HTTP/1.1 ")
    ] == [
        b"200",
        b"304",
        b"200",
    ]
    assert answers.endswith(etag.split(b"\r\n\r\n", 1)[1])

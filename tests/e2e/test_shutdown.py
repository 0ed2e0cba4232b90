"""SIGTERM under load: the server stops accepting connections, finishes every request it has
begun to read, answers each completely, and exits; nothing is processed without an answer."""

import json
import signal
import socket
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.processes import start
from tests.server import homepage_env, run_homepage

pytestmark = pytest.mark.sqlite_only

CLIENTS = 6
HALF_SENT = 4


@dataclass
class Outcomes:
    statuses: list[int] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    truncated: list[str] = field(default_factory=list)
    not_accepted: int = 0


def load(base: str, token: str, client_number: int, outcomes: Outcomes) -> None:
    """Requests on fresh connections until the server no longer takes connections."""
    headers = {"Authorization": f"Bearer {token}", "Connection": "close"}
    for n in range(100_000):
        body = {"text": f"Client {client_number} post {n}"}
        method, path = ("GET", "/publications") if n % 2 else ("POST", "/news")
        try:
            with httpx.stream(
                method, base + path, json=body if method == "POST" else None, headers=headers
            ) as response:
                try:
                    content = json.loads(response.read())
                except (httpx.TransportError, ValueError) as error:
                    outcomes.truncated.append(repr(error))
                    return
        except httpx.ConnectError:
            return  # the server has stopped listening
        except httpx.TransportError:
            outcomes.not_accepted += 1  # closed before the server read a request from it
            continue
        outcomes.statuses.append(response.status_code)
        if response.status_code == 201:
            outcomes.created.append(content["slug"])


def begin_post(base: str, token: str, n: int) -> tuple[socket.socket, bytes]:
    """Send a POST's headers and half its body; the rest is returned, to send later."""
    address = urlsplit(base)
    body = json.dumps({"text": f"Begun before the signal {n}"}).encode()
    head = (
        f"POST /news HTTP/1.1\r\nHost: {address.netloc}\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    connection = socket.create_connection((address.hostname, address.port), timeout=20)
    connection.sendall(head + body[:10])
    return connection, body[10:]


def finish_post(connection: socket.socket, rest: bytes) -> bytes:
    connection.sendall(rest)
    answer = b""
    while chunk := connection.recv(65536):
        answer += chunk
    connection.close()
    return answer


def stored_api_slugs(database: Path) -> set[str]:
    with sqlite3.connect(database) as connection:
        return {row[0] for row in connection.execute("SELECT slug FROM news WHERE source='api'")}


def test_sigterm_under_load_finishes_every_request_it_began(tmp_path: Path) -> None:
    database = tmp_path / "homepage.db"
    env = homepage_env(database)
    assert run_homepage("seed", env=env).returncode == 0
    token = run_homepage("token", "create", "--name", "load", env=env).stdout.strip()
    server = start(env, tmp_path / "server.log")
    outcomes = Outcomes()
    clients = [
        threading.Thread(target=load, args=(server.base, token, n, outcomes))
        for n in range(CLIENTS)
    ]
    for client in clients:
        client.start()
    begun = [begin_post(server.base, token, n) for n in range(HALF_SENT)]
    time.sleep(0.8)
    server.terminate()
    time.sleep(0.5)  # shutting down: no new connections, the begun requests still open
    answers = [finish_post(connection, rest) for connection, rest in begun]
    for client in clients:
        client.join()

    # uvicorn finishes its graceful shutdown, then exits by the signal it was sent
    assert server.process.wait(timeout=15) == -signal.SIGTERM
    log = (tmp_path / "server.log").read_text()
    assert "Application shutdown complete." in log
    assert "graceful shutdown exceeded" not in log
    status_lines = [answer.split(b"\r\n", 1)[0] for answer in answers]
    assert status_lines == [b"HTTP/1.1 201 Created"] * HALF_SENT
    begun_slugs = {json.loads(answer.split(b"\r\n\r\n", 1)[1])["slug"] for answer in answers}
    assert outcomes.truncated == []
    assert set(outcomes.statuses) == {200, 201}
    assert stored_api_slugs(database) == set(outcomes.created) | begun_slugs

"""Webhook receivers on 127.0.0.1 for tests: healthy, failing, held, or trickling their answer
one byte at a time."""

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ANSWER = b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"


@dataclass
class Receiver:
    url: str = ""
    failures_left: int = 0
    hold: threading.Event | None = None
    """While set to an unset event, each delivery arrives and then waits for it."""
    drip: float = 0.0
    """Seconds between the bytes of the answer; 0: the answer at once."""
    arrived: threading.Event = field(default_factory=threading.Event)
    arrivals: list[tuple[float, dict[str, Any]]] = field(default_factory=list)
    """Every request read in full, answered or not: when (monotonic) and its body."""
    received: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    """The deliveries answered in full with a 2xx."""
    closing: threading.Event = field(default_factory=threading.Event)

    def wait_for(self, count: int, timeout: float = 10) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(self.received) >= count, self.received
        return [json.loads(body) for _, body in self.received]

    def wait_for_arrivals(self, count: int, timeout: float = 10) -> list[float]:
        deadline = time.monotonic() + timeout
        while len(self.arrivals) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(self.arrivals) >= count, self.arrivals
        return [at for at, _ in self.arrivals]


def _answer(state: Receiver, handler: BaseHTTPRequestHandler, body: bytes) -> None:
    if state.drip == 0:
        handler.send_response(204)
        handler.end_headers()
        state.received.append((dict(handler.headers.items()), body))
        return
    try:
        for byte in ANSWER:
            if state.closing.wait(state.drip):
                return
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
    except OSError:  # the sender gave up on us
        return
    state.received.append((dict(handler.headers.items()), body))


@contextmanager
def serving(state: Receiver) -> Iterator[Receiver]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            state.arrivals.append((time.monotonic(), json.loads(body)))
            state.arrived.set()
            if state.hold is not None:
                state.hold.wait(timeout=10)
            if state.failures_left > 0:
                state.failures_left -= 1
                self.send_response(503)
                self.end_headers()
            else:
                _answer(state, self, body)
            self.close_connection = True

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.closing.set()
        server.shutdown()
        server.server_close()

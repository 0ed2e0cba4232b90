"""uvicorn's HTTP protocol with the bounds a public server needs against slow clients.

uvicorn closes a keep-alive connection that stays idle after a response, but it waits
forever for a connection's first request, for the rest of a request's headers and for the
rest of its body, and its concurrency limit counts idle connections, so a thousand held
sockets would make it refuse everyone. Here:

- a whole request (headers and body) must arrive within `HOMEPAGE_REQUEST_TIMEOUT` seconds
  of its first byte (or of the connection, for the first one); past that the server answers
  408 when it can and closes the connection;
- request headers larger than `HOMEPAGE_MAX_HEADER_BYTES` are refused with 431;
- past `HOMEPAGE_MAX_CONNECTIONS` open connections (idle ones included) a new one is
  answered 503 and closed; uvicorn's own `limit_concurrency` is not used, because it
  refuses requests once held sockets fill it.

A response whose head the cache wrote out once is sent as it is (`cli.prepared_head`).
"""

import asyncio
from typing import Any

from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol, RequestResponseCycle
from uvicorn.server import ServerState

from api.settings import get_settings
from cli.prepared_head import PreparedHeadCycle

_REASONS = {
    408: b"Request Timeout",
    431: b"Request Header Fields Too Large",
    503: b"Service Unavailable",
}


_LINGER = 2.0
"""Seconds a refused connection's further bytes are read and dropped before it closes."""


class _HeadersTooLargeError(Exception):
    """Raised inside the parser's callback; the parser reports it as a bad request."""


class BoundedHttpProtocol(HttpToolsProtocol):
    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        settings = get_settings()
        self.request_timeout = settings.request_timeout
        self.max_header_bytes = settings.max_header_bytes
        self.max_connections = settings.max_connections
        self.header_bytes = 0
        self.refusal: tuple[int, str] | None = None
        self.deadline: asyncio.TimerHandle | None = None
        self.request_began: float | None = None
        self.lingering = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            self.refuse(503, "The server has too many open connections; try again shortly.")
            return
        self.begin_request()

    def connection_lost(self, exc: Exception | None) -> None:
        self.stop_deadline()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.header_bytes = 0
        if self.request_began is None:  # else the connection's first request, begun with it
            self.begin_request()

    def on_header(self, name: bytes, value: bytes) -> None:
        self.header_bytes += len(name) + len(value) + 4
        if self.header_bytes > self.max_header_bytes:
            self.refusal = (431, f"Request headers over {self.max_header_bytes} bytes.")
            raise _HeadersTooLargeError
        name = name.lower()  # then what uvicorn's own `on_header` does
        if name == b"expect" and value.lower() == b"100-continue":
            self.expect_100_continue = True
        self.headers.append((name, value))

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        if type(self.cycle) is RequestResponseCycle:  # its task has not run yet
            self.cycle.__class__ = PreparedHeadCycle

    def on_message_complete(self) -> None:
        self.request_began = None
        super().on_message_complete()

    def send_400_response(self, msg: str) -> None:
        if self.refusal is not None:
            self.refuse(*self.refusal)
        else:
            super().send_400_response(msg)

    def begin_request(self) -> None:
        """A request's clock starts. One timer per connection serves all its requests: it is
        set when none is pending and, when it fires, looks at the request begun last, so a
        kept-alive connection does not set and cancel a timer for every request."""
        self.request_began = self.loop.time()
        if self.deadline is None:
            self.deadline = self.loop.call_later(self.request_timeout, self.check_deadline)

    def stop_deadline(self) -> None:
        self.request_began = None
        if self.deadline is not None:
            self.deadline.cancel()
            self.deadline = None

    def check_deadline(self) -> None:
        self.deadline = None
        if self.request_began is None:
            return  # between requests: uvicorn's keep-alive timeout closes an idle connection
        left = self.request_began + self.request_timeout - self.loop.time()
        if left > 0:
            self.deadline = self.loop.call_later(left, self.check_deadline)
        else:
            self.too_slow()

    def too_slow(self) -> None:
        """The request did not arrive in time: 408 unless a response has begun, then close."""
        if self.lingering or self.transport.is_closing():
            return
        cycle = getattr(self, "cycle", None)
        if cycle is not None and cycle.response_started:
            self.transport.close()
            return
        self.refuse(408, f"The request did not arrive within {self.request_timeout:g} seconds.")

    def refuse(self, status: int, message: str) -> None:
        self.stop_deadline()
        body = message.encode() + b"\n"
        self.transport.write(
            b"HTTP/1.1 %d %s\r\n" % (status, _REASONS[status])
            + b"content-type: text/plain; charset=utf-8\r\n"
            + b"x-content-type-options: nosniff\r\n"
            + b"content-length: %d\r\nconnection: close\r\n\r\n" % len(body)
            + body
        )
        # A lingering close, as nginx does: closing with the client's bytes still unread
        # would reset the connection and lose the answer, so read and drop them a moment.
        self.lingering = True
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(_LINGER, self.transport.close)

    def data_received(self, data: bytes) -> None:
        if not self.lingering:
            super().data_received(data)

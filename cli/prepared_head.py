"""uvicorn's response cycle, sending a head the app wrote out once as it is, with its body.

uvicorn checks, lower-cases and joins every response header on every request, in Python:
for the dozen headers of a cached answer that is a good part of its cost. The response
cache keeps each answer's headers already written as HTTP/1.1 lines and checked the same way
(`api.middleware.wire`); this cycle puts them after the status line and the
server's own `date` and `server` headers, and writes that head together with the first body
message, so a small answer leaves in one write (one system call, one TCP segment) instead of
two. Every other message, and any response while the access log is on, is uvicorn's.
"""

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, RequestResponseCycle

from api.middleware.wire import WIRE_HEADERS, WIRE_LENGTH

_defaults: tuple[object, bytes] = (None, b"")
"""uvicorn's default headers (`date`, `server`) as lines, with the list they were made from:
the server swaps in a new list when the date changes, once a second."""


def _default_lines(headers: list[tuple[bytes, bytes]]) -> bytes:
    global _defaults
    made_from, lines = _defaults
    if made_from is not headers:
        lines = b"".join(name + b": " + value + b"\r\n" for name, value in headers)
        _defaults = (headers, lines)
    return lines


class PreparedHeadCycle(RequestResponseCycle):
    pending_head: bytes | None = None
    """The head of a prepared response, kept until its first body message arrives."""

    async def send(self, message):  # type: ignore[no-untyped-def]  # uvicorn's own signature
        head = self.pending_head
        if head is not None:
            if self.flow.write_paused and not self.disconnected:
                await self.flow.drain()
            self._write_with_head(head, message)
            return
        if (
            message.get(WIRE_HEADERS) is None
            or self.response_started
            or self.access_log
            or self.disconnected
            or self.flow.write_paused
        ):
            await super().send(message)
            return
        self.response_started = True
        self.waiting_for_100_continue = False
        self.expected_content_length = message[WIRE_LENGTH]
        self.chunked_encoding = False
        closing = b"" if self.keep_alive else b"connection: close\r\n"
        self.pending_head = (
            STATUS_LINE[message["status"]]
            + _default_lines(self.default_headers)
            + message[WIRE_HEADERS]
            + closing
            + b"\r\n"
        )

    def _write_with_head(self, head: bytes, message: dict[str, object]) -> None:
        """The first body message after a prepared head: both in one write, then what
        uvicorn does with a body message (the length check, completion, keep-alive)."""
        if message["type"] != "http.response.body":
            raise RuntimeError(f"Expected ASGI message 'http.response.body', but got {message}.")
        self.pending_head = None
        if self.disconnected:
            return
        body = message.get("body", b"")
        assert isinstance(body, bytes)
        more_body = bool(message.get("more_body", False))
        if self.scope["method"] == "HEAD":
            self.expected_content_length = 0
            body = b""
        elif len(body) > self.expected_content_length:
            raise RuntimeError("Response content longer than Content-Length")
        else:
            self.expected_content_length -= len(body)
        self.transport.writelines((head, body))
        if more_body:
            return
        if self.expected_content_length != 0:
            raise RuntimeError("Response content shorter than Content-Length")
        self.response_complete = True
        self.message_event.set()
        if not self.keep_alive:
            self.transport.close()
        self.on_response()

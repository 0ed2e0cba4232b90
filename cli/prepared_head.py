"""uvicorn's response cycle, sending a head the app wrote out once as it is.

uvicorn checks, lower-cases and joins every response header on every request, in Python:
for the dozen headers of a cached answer that is a good part of its cost. The response
cache keeps each answer's headers already written as HTTP/1.1 lines and checked the same way
(`api.middleware.cache.WIRE_HEADERS`); this cycle writes them after the status line and the
server's own `date` and `server` headers, and leaves every other message, and any response
while the access log is on, to uvicorn.
"""

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, RequestResponseCycle

from api.middleware.cache import WIRE_HEADERS, WIRE_LENGTH


class PreparedHeadCycle(RequestResponseCycle):
    async def send(self, message):  # type: ignore[no-untyped-def]  # uvicorn's own signature
        head = message.get(WIRE_HEADERS)
        if (
            head is None
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
        defaults = b"".join(name + b": " + value + b"\r\n" for name, value in self.default_headers)
        closing = b"" if self.keep_alive else b"connection: close\r\n"
        self.transport.write(STATUS_LINE[message["status"]] + defaults + head + closing + b"\r\n")

"""Response heads written out once, for a server that can send them as they are.

A start message made by `prepared_start` carries, beside its `headers`, the same headers
already written as HTTP/1.1 lines (checked as a server checks them) under `WIRE_HEADERS`, and
the body's length under `WIRE_LENGTH`. `homepage serve`'s uvicorn cycle
(`cli.prepared_head`) sends those lines instead of checking, lower-casing and joining every
header again on every request; any other server reads `headers` as usual.
"""

import re

from starlette.types import Message

RawHeaders = list[tuple[bytes, bytes]]
WIRE_HEADERS = "homepage.wire_headers"
WIRE_LENGTH = "homepage.wire_length"
_NAME_INVALID = re.compile(b'[\x00-\x1f\x7f()<>@,;:\\[\\]={} \t\\\\"]')
_VALUE_INVALID = re.compile(b"[\x00-\x08\x0a-\x1f\x7f]")


def prepared_start(status: int, headers: RawHeaders, length: int) -> Message:
    """A response start message for `status` and `headers` with a body of `length` bytes,
    with its wire form where every header is one a server would send (otherwise without, so
    the server's own check refuses it as it would any other)."""
    message: Message = {"type": "http.response.start", "status": status, "headers": headers}
    if not any(_NAME_INVALID.search(n) or _VALUE_INVALID.search(v) for n, v in headers):
        message[WIRE_HEADERS] = b"".join(n.lower() + b": " + v + b"\r\n" for n, v in headers)
        message[WIRE_LENGTH] = length
    return message

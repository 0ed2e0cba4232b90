"""Hold a whole response before passing it on, for the layers that need its last byte."""

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope


class BufferedResponse:
    """What an app sent: its status, headers and the body joined."""

    def __init__(self) -> None:
        self.start: Message = {}
        self._chunks: list[bytes] = []

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start = message
        elif message["type"] == "http.response.body":
            self._chunks.append(message.get("body", b""))

    @property
    def status(self) -> int:
        status: int = self.start.get("status", 500)
        return status

    @property
    def headers(self) -> MutableHeaders:
        return MutableHeaders(raw=list(self.start.get("headers", [])))

    @property
    def body(self) -> bytes:
        return b"".join(self._chunks)

    @classmethod
    async def of(cls, app: ASGIApp, scope: Scope, receive: Receive) -> "BufferedResponse":
        buffered = cls()
        await app(scope, receive, buffered.send)
        return buffered

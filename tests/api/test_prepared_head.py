"""`homepage serve`'s uvicorn protocol on the real app: an answer from the cache leaves in one
write, byte for byte what stock uvicorn writes for it in two (the head, then the body). The
transport records each write (a system call on a socket); a client cannot tell them apart."""

import asyncio
from typing import Any

from sqlalchemy.engine import Engine
from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from api.main import create_app
from api.settings import Settings
from cli.http_protocol import BoundedHttpProtocol


class RecordingTransport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.writes: list[bytes] = []
        self.closed = False

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"sockname": ("127.0.0.1", 8000), "peername": ("127.0.0.1", 50000)}.get(
            name, default
        )

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.writes.append(bytes(data))

    def writelines(self, chunks: Any) -> None:
        self.writes.append(b"".join(chunks))

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


def _exchange(
    settings: Settings,
    engine: Engine,
    requests: list[bytes],
    protocol_class: type[HttpToolsProtocol] = BoundedHttpProtocol,
) -> list[list[bytes]]:
    """Each request in turn on one kept-alive connection: the writes of each answer."""

    async def run() -> list[list[bytes]]:
        app = create_app(settings, engine)
        config = Config(app=app, lifespan="off", access_log=False, log_config=None)
        config.load()
        protocol = protocol_class(config, ServerState(), {})
        transport = RecordingTransport()
        answers = []
        async with app.router.lifespan_context(app):  # closes what the app opened
            protocol.connection_made(transport)
            for request in requests:
                before = len(transport.writes)
                protocol.data_received(request)
                while protocol.cycle is None or not protocol.cycle.response_complete:
                    await asyncio.sleep(0)
                answers.append(transport.writes[before:])
            protocol.connection_lost(None)
        return answers

    return asyncio.run(run())


def _without_date(answer: bytes) -> bytes:
    return b"\r\n".join(line for line in answer.split(b"\r\n") if not line.startswith(b"date: "))


def test_a_cached_answer_is_one_write_of_the_bytes_stock_uvicorn_writes_in_two(
    settings: Settings, seeded: Engine
) -> None:
    get = b"GET /publications HTTP/1.1\r\nHost: a\r\n\r\n"
    first, cached = _exchange(settings, seeded, [get, get])
    (stock,) = _exchange(settings, seeded, [get], HttpToolsProtocol)
    assert len(first) == len(cached) == 1
    assert len(stock) == 2  # uvicorn's own: the head, then the body
    assert _without_date(first[0]) == _without_date(cached[0])
    assert _without_date(first[0]) == _without_date(b"".join(stock))
    assert first[0].startswith(b"HTTP/1.1 200 OK\r\n")


def test_a_cached_head_request_writes_the_head_alone_and_a_304_has_no_body(
    settings: Settings, seeded: Engine
) -> None:
    get = b"GET /news HTTP/1.1\r\nHost: a\r\n\r\n"
    first, head = _exchange(settings, seeded, [get, get.replace(b"GET", b"HEAD")])
    assert len(head) == 1
    assert _without_date(first[0]).startswith(_without_date(head[0]))
    assert head[0].endswith(b"\r\n\r\n")
    tag = next(line for line in first[0].split(b"\r\n") if line.startswith(b"etag: "))[6:]
    conditional = get.replace(b"\r\n\r\n", b"\r\nIf-None-Match: " + tag + b"\r\n\r\n")
    (not_modified,) = _exchange(settings, seeded, [conditional])
    assert not_modified[0].startswith(b"HTTP/1.1 304 Not Modified\r\n")
    assert not_modified[0].endswith(b"\r\n\r\n")
    assert b"content-length" not in not_modified[0]


def test_an_answer_on_a_closing_connection_says_so_in_its_one_write(
    settings: Settings, seeded: Engine
) -> None:
    health = b"GET /health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
    ((answer,),) = _exchange(settings, seeded, [health])
    assert b"\r\nconnection: close\r\n" in answer
    assert answer.endswith(b'\r\n\r\n{"status":"ok"}')

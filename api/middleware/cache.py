"""Serve repeat GETs from bytes kept in memory, before FastAPI routes anything.

The typed FastAPI handlers produce each response once; this pure ASGI layer keeps it with a
strong ETag, Last-Modified and a gzip variant, answers conditional requests with 304, and
drops everything the moment any process commits a change (see `store.change_watch`).
"""

import gzip
import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from sqlalchemy.engine import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from store.change_watch import VersionWatcher, last_changed

Headers = list[tuple[bytes, bytes]]
GZIP_MIN = 1024
GZIP_LEVEL = 6
UNCACHED_PATHS = frozenset({"/health", "/docs", "/redoc", "/docs/oauth2-redirect"})
_DROPPED = frozenset({b"content-length", b"content-encoding", b"etag", b"last-modified", b"vary"})


@dataclass(frozen=True)
class Variant:
    body: bytes
    headers: Headers
    not_modified: Headers


@dataclass(frozen=True)
class Entry:
    identity: Variant
    gzipped: Variant | None
    etags: frozenset[bytes]
    modified: float
    size: int


def _variant(body: bytes, base: Headers, etag: bytes, extra: Headers) -> Variant:
    common = [(b"etag", etag), *extra]
    headers = [*base, *common, (b"content-length", str(len(body)).encode())]
    return Variant(body, headers, [(k, v) for k, v in headers if k != b"content-length"])


def build_entry(
    status_headers: Headers, body: bytes, modified: float, cache_control: bytes
) -> Entry:
    digest = hashlib.sha256(body).hexdigest()[:32].encode()
    base = [(k, v) for k, v in status_headers if k.lower() not in _DROPPED]
    last_modified = format_datetime_bytes(modified)
    extra = [
        (b"last-modified", last_modified),
        (b"cache-control", cache_control),
        (b"vary", b"Accept, Accept-Encoding, Origin"),
    ]
    identity = _variant(body, base, b'"' + digest + b'"', extra)
    gzipped = None
    if len(body) >= GZIP_MIN:
        packed = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
        gz_extra = [*extra, (b"content-encoding", b"gzip")]
        gzipped = _variant(packed, base, b'"' + digest + b'-gz"', gz_extra)
    size = len(body) + (len(gzipped.body) if gzipped else 0)
    etags = frozenset({b'"' + digest + b'"', b'"' + digest + b'-gz"'})
    return Entry(identity, gzipped, etags, modified, size)


def format_datetime_bytes(timestamp: float) -> bytes:
    return format_datetime(datetime.fromtimestamp(int(timestamp), UTC), usegmt=True).encode()


def _not_modified(headers: dict[bytes, bytes], entry: Entry) -> bool:
    if (match := headers.get(b"if-none-match")) is not None:
        tags = {tag.strip().removeprefix(b"W/") for tag in match.split(b",")}
        return b"*" in tags or not tags.isdisjoint(entry.etags)
    if (since := headers.get(b"if-modified-since")) is not None:
        try:
            return parsedate_to_datetime(since.decode("latin-1")).timestamp() >= int(entry.modified)
        except (TypeError, ValueError, IndexError):
            return False
    return False


class ResponseCache:
    def __init__(
        self,
        app: ASGIApp,
        engine: Engine,
        watcher: VersionWatcher | None,
        max_age: int,
        max_entries: int = 1024,
        max_bytes: int = 32 * 1024 * 1024,
    ) -> None:
        self.app = app
        self.engine = engine
        self.watcher = watcher
        self.cache_control = f"public, max-age={max_age}".encode()
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple[bytes | None, ...], Entry] = OrderedDict()
        self.bytes = 0
        self.token: object = None
        self.modified: float | None = None

    def clear(self) -> None:
        self.entries.clear()
        self.bytes = 0
        self.modified = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, self._closing_on_shutdown(receive), send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method not in ("GET", "HEAD") or self.watcher is None or scope["path"] in UNCACHED_PATHS:
            await self.app(
                scope, receive, _no_store(send) if method not in ("GET", "HEAD") else send
            )
            return
        token = self.watcher.token()
        if token != self.token:
            self.clear()
            self.token = token
        headers = dict(scope["headers"])
        key = (
            scope["path"].encode(),
            scope["query_string"],
            headers.get(b"origin"),
            headers.get(b"accept"),
        )
        entry = self.entries.get(key)
        if entry is None:
            entry = await self._fill(scope, receive, send, key)
            if entry is None:
                return
        else:
            self.entries.move_to_end(key)
        gzip_ok = b"gzip" in headers.get(b"accept-encoding", b"")
        variant = entry.gzipped if gzip_ok and entry.gzipped is not None else entry.identity
        if _not_modified(headers, entry):
            await send(
                {"type": "http.response.start", "status": 304, "headers": variant.not_modified}
            )
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": variant.headers})
        await send(
            {"type": "http.response.body", "body": b"" if method == "HEAD" else variant.body}
        )

    def _closing_on_shutdown(self, receive: Receive) -> Receive:
        """Close the watcher's connection before the app disposes of the engine."""

        async def wrapped() -> Message:
            message = await receive()
            if message["type"] == "lifespan.shutdown" and self.watcher is not None:
                self.watcher.close()
            return message

        return wrapped

    async def _fill(
        self, scope: Scope, receive: Receive, send: Send, key: tuple[bytes | None, ...]
    ) -> Entry | None:
        """Run the app once; keep a 200 response, pass any other answer straight through."""
        start: Message = {}
        chunks: list[bytes] = []
        token = self.token

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app({**scope, "method": "GET"}, receive, capture)
        body = b"".join(chunks)
        if start.get("status") != 200:
            await send(start)
            await send(
                {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body}
            )
            return None
        if self.modified is None:
            self.modified = last_changed(self.engine).timestamp()
        entry = build_entry(list(start.get("headers", [])), body, self.modified, self.cache_control)
        if self.token is token:  # nothing changed while the app ran: the bytes are current
            self._store(key, entry)
        return entry

    def _store(self, key: tuple[bytes | None, ...], entry: Entry) -> None:
        if entry.size > self.max_bytes // 4:
            return
        self.entries[key] = entry
        self.bytes += entry.size
        while len(self.entries) > self.max_entries or self.bytes > self.max_bytes:
            _, dropped = self.entries.popitem(last=False)
            self.bytes -= dropped.size


def _no_store(send: Send) -> Send:
    async def add_no_store(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            if not any(name.lower() == b"cache-control" for name, _ in headers):
                headers.append((b"cache-control", b"no-store"))
            message = {**message, "headers": headers}
        await send(message)

    return add_no_store

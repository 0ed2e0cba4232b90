"""Serve repeat GETs from bytes kept in memory, before FastAPI routes anything.

The typed FastAPI handlers produce each response once; this pure ASGI layer keeps it with a
strong ETag, Last-Modified and a gzip variant, answers conditional requests with 304, and
drops everything the moment any process commits a change (see `store.change_watch`).
"""

import gzip
import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from functools import cached_property

from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.middleware.buffer import BufferedResponse
from api.middleware.wire import RawHeaders, prepared_start
from store.change_watch import WATCH_ERRORS, VersionWatcher, last_changed

_EMPTY_BODY: Message = {"type": "http.response.body", "body": b""}
GZIP_MIN = 1024
GZIP_LEVEL = 1
"""nginx's default level: a 20-item publication page (18 KB) compresses in about half the
time of level 6 (150 against 320 µs), to 13 % more bytes (2.8 against 2.5 KB); a 1,000-item
page in a third of it. Every uncached GET pays this before its answer is sent."""
BIG_BODY = 64 * 1024
"""Bodies from this size up are hashed and compressed in a thread (a 1,000-item page takes
milliseconds); smaller ones on the loop, where they cost less than the trip to a thread."""
UNCACHED_PATHS = frozenset({"/health", "/docs", "/redoc", "/docs/oauth2-redirect"})
_DROPPED = ("content-length", "content-encoding", "etag", "last-modified", "vary")
CacheKey = tuple[str | None, ...]


@dataclass(frozen=True)
class Variant:
    """One encoding of a response, its ASGI messages made once: an answer is two sends of
    messages that already exist (no server here changes a message it is given)."""

    body: bytes
    headers: RawHeaders
    not_modified: RawHeaders
    start: Message = field(init=False)
    body_message: Message = field(init=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "start", prepared_start(200, self.headers, len(self.body)))
        put(self, "body_message", {"type": "http.response.body", "body": self.body})

    @cached_property
    def start_not_modified(self) -> Message:
        """Made the first time a client revalidates: most answers never are."""
        return prepared_start(304, self.not_modified, 0)


@dataclass(frozen=True)
class Entry:
    """A kept response: its gzip variant made at once (its size counts toward the cache's
    bytes), the uncompressed one the first time a client asks for it, as the answer to an
    uncached request is nearly always sent gzipped."""

    body: bytes
    headers: RawHeaders
    etag: str
    extra: dict[str, str]
    gzipped: Variant | None
    etags: frozenset[str]
    modified: float
    size: int

    @cached_property
    def identity(self) -> Variant:
        return _variant(self.body, self.headers, self.etag, self.extra)


def _variant(body: bytes, base: RawHeaders, etag: str, extra: dict[str, str]) -> Variant:
    headers = MutableHeaders(raw=list(base))
    headers.update({"etag": etag, **extra})
    not_modified = list(headers.raw)
    headers["content-length"] = str(len(body))
    return Variant(body, headers.raw, not_modified)


def build_entry(response: BufferedResponse, modified: float, cache_control: str) -> Entry:
    body = response.body
    digest = hashlib.sha256(body).hexdigest()[:32]
    base = response.headers
    for name in _DROPPED:
        del base[name]
    extra = {
        "last-modified": format_datetime(datetime.fromtimestamp(int(modified), UTC), usegmt=True),
        "cache-control": cache_control,
        "vary": "Accept, Accept-Encoding, Origin",
    }
    gzipped = None
    if len(body) >= GZIP_MIN:
        packed = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
        gz_extra = {**extra, "content-encoding": "gzip"}
        gzipped = _variant(packed, base.raw, f'"{digest}-gz"', gz_extra)
    size = len(body) + (len(gzipped.body) if gzipped else 0)
    etags = frozenset({f'"{digest}"', f'"{digest}-gz"'})
    return Entry(body, base.raw, f'"{digest}"', extra, gzipped, etags, modified, size)


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether `Accept-Encoding` lets gzip through with a q-value above 0, by name or by `*`
    (RFC 9110 §12.5.3: a coding named with `q=0` is refused even where `*` allows others)."""
    qualities: dict[str, float] = {}
    for part in accept_encoding.split(","):
        coding, _, parameters = part.partition(";")
        name = coding.strip().lower()
        quality = 1.0
        key, _, value = parameters.strip().partition("=")
        if key.strip().lower() == "q":
            try:
                quality = float(value)
            except ValueError:
                quality = 0.0
        if name:
            qualities[name] = quality
    return qualities.get("gzip", qualities.get("x-gzip", qualities.get("*", 0.0))) > 0


_WANTED = frozenset(
    {b"origin", b"accept", b"accept-encoding", b"if-none-match", b"if-modified-since"}
)


def _wanted(raw: RawHeaders) -> dict[bytes, str]:
    """The request headers the cache reads, in one pass (ASGI servers send names lower-case;
    a repeated header's values are joined with commas, as HTTP reads them)."""
    found: dict[bytes, str] = {}
    for name, value in raw:
        if name in _WANTED:
            text = value.decode("latin-1")
            found[name] = f"{found[name]}, {text}" if name in found else text
    return found


_GZIP_ANSWERS: dict[str, bool] = {}


def _accepts_gzip_cached(accept_encoding: str) -> bool:
    """`accepts_gzip`, remembered for the few `Accept-Encoding` values browsers send (at most
    256 kept, so arbitrary values cannot grow it)."""
    answer = _GZIP_ANSWERS.get(accept_encoding)
    if answer is None:
        answer = accepts_gzip(accept_encoding)
        if len(_GZIP_ANSWERS) < 256:
            _GZIP_ANSWERS[accept_encoding] = answer
    return answer


def _not_modified(headers: dict[bytes, str], entry: Entry) -> bool:
    if (match := headers.get(b"if-none-match")) is not None:
        tags = {tag.strip().removeprefix("W/") for tag in match.split(",")}
        return "*" in tags or not tags.isdisjoint(entry.etags)
    if (since := headers.get(b"if-modified-since")) is not None:
        # HTTP dates count whole seconds, and content may change twice in one second, so
        # only a date past the second of the last change proves the copy current (an ETag,
        # preferred whenever both are sent, always does).
        try:
            return parsedate_to_datetime(since).timestamp() >= int(entry.modified) + 1
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
        self.cache_control = f"public, max-age={max_age}"
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.entries: OrderedDict[CacheKey, Entry] = OrderedDict()
        self.bytes = 0
        self.token: object = None
        self.modified: float | None = None

    def clear(self) -> None:
        self.entries.clear()
        self.bytes = 0
        self.modified = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method not in ("GET", "HEAD"):
            await self.app(scope, receive, _no_store(send))
            return
        token = self._token() if scope["path"] not in UNCACHED_PATHS else None
        if token is None:
            if method == "HEAD":  # a HEAD is the GET without its body, on every path
                await self.app({**scope, "method": "GET"}, receive, _without_body(send))
            else:
                await self.app(scope, receive, send)
            return
        if token != self.token:
            self.clear()
            self.token = token
        wanted = _wanted(scope["headers"])
        key = (
            scope["path"],
            scope["query_string"].decode("latin-1"),
            wanted.get(b"origin"),
            wanted.get(b"accept"),
        )
        entry = self.entries.get(key)
        if entry is None:
            entry = await self._fill(scope, receive, send, key)
            if entry is None:
                return
        else:
            self.entries.move_to_end(key)
        encoding = wanted.get(b"accept-encoding")
        gzip_ok = encoding is not None and _accepts_gzip_cached(encoding)
        variant = entry.gzipped if gzip_ok and entry.gzipped is not None else entry.identity
        if (b"if-none-match" in wanted or b"if-modified-since" in wanted) and _not_modified(
            wanted, entry
        ):
            await send(variant.start_not_modified)
            await send(_EMPTY_BODY)
            return
        await send(variant.start)
        await send(_EMPTY_BODY if method == "HEAD" else variant.body_message)

    def _token(self) -> object | None:
        """The content's version now; None where it cannot be told (no watcher, or the check
        failed), and then nothing kept can be trusted: the request goes to the app, which
        answers from the database, or says with a 503 that the database does not answer."""
        if self.watcher is None:
            return None
        try:
            return self.watcher.token()
        except WATCH_ERRORS:
            self.clear()
            self.token = None
            return None

    async def _fill(
        self, scope: Scope, receive: Receive, send: Send, key: CacheKey
    ) -> Entry | None:
        """Run the app once; keep a 200 response, pass any other answer straight through."""
        token = self.token
        response = BufferedResponse()
        try:
            await self.app({**scope, "method": "GET"}, receive, response.send)
        except Exception:
            # The error layer answered (a 500 with a sentence), then raised for the server to
            # log: pass the answer on, then the error.
            if response.start:
                await send(response.start)
                await send({"type": "http.response.body", "body": response.body})
            raise
        if response.status != 200:
            await _pass_on(response, scope, send)
            return None
        try:
            if self.modified is None:
                self.modified = (await run_in_threadpool(last_changed, self.engine)).timestamp()
        except WATCH_ERRORS:  # the app's answer stands; it is not kept without its date
            await _pass_on(response, scope, send)
            return None
        if len(response.body) < BIG_BODY:
            entry = build_entry(response, self.modified, self.cache_control)
        else:  # hashed and compressed in a thread, so a long page does not hold the loop
            entry = await run_in_threadpool(
                build_entry, response, self.modified, self.cache_control
            )
        if self.token is token:  # nothing changed while the app ran: the bytes are current
            self._store(key, entry)
        return entry

    def _store(self, key: CacheKey, entry: Entry) -> None:
        if entry.size > self.max_bytes // 4:
            return
        self.entries[key] = entry
        self.bytes += entry.size
        while len(self.entries) > self.max_entries or self.bytes > self.max_bytes:
            _, dropped = self.entries.popitem(last=False)
            self.bytes -= dropped.size


async def _pass_on(response: BufferedResponse, scope: Scope, send: Send) -> None:
    await send(response.start)
    body = b"" if scope["method"] == "HEAD" else response.body
    await send({"type": "http.response.body", "body": body})


def _without_body(send: Send) -> Send:
    async def send_headers_only(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return send_headers_only


def _no_store(send: Send) -> Send:
    async def add_no_store(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            headers.setdefault("cache-control", "no-store")
        await send(message)

    return add_no_store

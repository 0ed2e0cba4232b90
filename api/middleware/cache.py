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
from starlette.requests import Request
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
READ_AT = "homepage.read_at"
"""The scope key of the `ReadAt` a handler may fill in while the cache runs it."""


class ReadAt:
    """What the cache learns of how a handler's answer was read: the content version it was
    read at, if the handler says (`read_at`), and whether the database server had closed the
    connection it was read on (`connection_lost`)."""

    version: int | None = None
    lost_connection: bool = False
    last_try: bool = False
    """Whether this is the cache's second asking, after a lost connection (there is no third)."""


def _read(request: Request) -> ReadAt:
    """The request's `ReadAt`; a throwaway one where no cache runs the app (a write)."""
    read: ReadAt = request.scope.get(READ_AT) or ReadAt()
    return read


def read_at(request: Request, version: int | None) -> None:
    """Tell the response cache that this answer was read from the content at `version`, as
    read in the same snapshot as the answer's first rows, or before them (never after: the
    answer would then be kept as current at a version older than what it shows). It is
    kept without a query to check that nothing changed while it was made."""
    _read(request).version = version


def connection_lost(request: Request) -> bool:
    """Tell the response cache that the database server had closed the connection this
    request was read on (a restart, a failover, an idle timeout). SQLAlchemy has replaced
    every pooled connection by then, so the cache asks the app once more: the read that
    found a dead connection costs no request. True when it will, so the answer to this try
    is never sent (False for a write, or on the second try)."""
    read = _read(request)
    read.lost_connection = True
    return READ_AT in request.scope and not read.last_try


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
        watcher = self.watcher
        if watcher is None or scope["path"] in UNCACHED_PATHS:
            await self._uncached(scope, receive, send)
            return
        wanted = _wanted(scope["headers"])
        key = (
            scope["path"],
            scope["query_string"].decode("latin-1"),
            wanted.get(b"origin"),
            wanted.get(b"accept"),
        )
        entry = self.entries.get(key)
        if entry is not None:  # only as good as the check that nothing changed since
            if (token := self._token(watcher)) is None:
                await self._uncached(scope, receive, send)
                return
            if token != self.token:
                self._changed(token)
                entry = None
            else:
                self.entries.move_to_end(key)
        if entry is None:
            entry = await self._fill(watcher, scope, receive, send, key)
            if entry is None:
                return
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

    async def _uncached(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] == "HEAD":  # a HEAD is the GET without its body, on every path
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
        else:
            await self.app(scope, receive, send)

    def _token(self, watcher: VersionWatcher) -> object | None:
        """The content's version now; None where it cannot be told (the check failed), and
        then nothing kept can be trusted: the request goes to the app, which answers from the
        database, or says with a 503 that the database does not answer."""
        try:
            return watcher.token()
        except WATCH_ERRORS:
            self.clear()
            self.token = None
            return None

    def _changed(self, token: object) -> None:
        """The content is at `token`, which this cache had not seen: drop what it kept."""
        self.clear()
        self.token = token

    async def _fill(
        self, watcher: VersionWatcher, scope: Scope, receive: Receive, send: Send, key: CacheKey
    ) -> Entry | None:
        """Run the app (once more if it found its database connection closed); pass any
        answer but a 200 straight through, and keep a 200 if it is known to be current
        (`_current`)."""
        if self.token is None and (token := self._token(watcher)) is not None:
            self._changed(token)  # none known yet (the first request, or the check failed)
        before = self.token
        response, read = await self._answer(scope, receive, send)
        if read.lost_connection:  # on a connection the server had closed: once more
            response, read = await self._answer(scope, receive, send, last_try=True)
        if response.status != 200:
            await _pass_on(response, scope, send)
            return None
        # The token the answer is current at, if it is known to be the cache's.
        current = self.token if self._current(watcher, before, read.version) else None
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
        if current is not None and self.token is current:  # nothing changed while it was built
            self._store(key, entry)
        return entry

    async def _answer(
        self, scope: Scope, receive: Receive, send: Send, *, last_try: bool = False
    ) -> tuple[BufferedResponse, ReadAt]:
        """The app's answer to the request as a GET, kept in memory, and what it said of
        how it read it."""
        read = ReadAt()
        read.last_try = last_try
        response = BufferedResponse()
        try:
            await self.app({**scope, "method": "GET", READ_AT: read}, receive, response.send)
        except Exception:
            # The error layer answered (a 500 with a sentence), then raised for the server to
            # log: pass the answer on, then the error.
            if response.start:
                await send(response.start)
                await send({"type": "http.response.body", "body": response.body})
            raise
        return response, read

    def _current(self, watcher: VersionWatcher, before: object, version: int | None) -> bool:
        """Whether the app's answer is current at the cache's token, which it moves on to a
        newer one it learns of. Where the watcher's tokens are versions and the app said
        which version it read the answer at (on PostgreSQL a page of works reads it in its own
        statement), that version tells, with no other query; otherwise the token asked after
        the app ran must still be the one from before it began (tokens never come back to an
        earlier value, so nothing changed in between)."""
        if version is not None and watcher.reads_version_row:
            if not isinstance(self.token, int) or version > self.token:
                self._changed(version)
            return version == self.token
        token = self._token(watcher)
        if token is None:
            return False
        if token != self.token:
            self._changed(token)
        return before is not None and token == before

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

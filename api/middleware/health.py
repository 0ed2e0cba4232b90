"""`GET /health` at the cost of a cached GET: answered in front of routing, with bytes and
headers made once. It still proves what the routed handler proves: the schema is this
release's, and the database answers a query now (the same change check every cached read
makes: `PRAGMA data_version`, or the content version row on PostgreSQL)."""

import json
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.middleware.security_headers import API_HEADERS
from api.middleware.wire import prepared_start
from store.change_watch import WATCH_ERRORS, VersionWatcher

HEALTH_PATH = "/health"
_NO_ANSWER = "The database does not answer."


def _answer(status: int, body: dict[str, str]) -> tuple[Message, bytes]:
    payload = json.dumps(body, separators=(",", ":")).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        (b"cache-control", b"no-store"),
        *((name.encode(), value.encode()) for name, value in API_HEADERS.items()),
    ]
    return prepared_start(status, headers, len(payload)), payload


_OK = _answer(200, {"status": "ok"})
_DOWN = _answer(503, {"detail": _NO_ANSWER})


class HealthCheck:
    def __init__(
        self, app: ASGIApp, watcher: VersionWatcher | None, schema_problem: Callable[[], str | None]
    ) -> None:
        self.app = app
        self.watcher = watcher
        self.schema_problem = schema_problem

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.watcher is None
            or scope["type"] != "http"
            or scope["path"] != HEALTH_PATH
            or scope["method"] not in ("GET", "HEAD")
        ):
            await self.app(scope, receive, send)
            return
        start, body = _OK
        if (problem := self.schema_problem()) is not None:
            start, body = _answer(503, {"detail": problem})
        else:
            try:
                self.watcher.token()
            except WATCH_ERRORS:
                start, body = _DOWN
        await send(start)
        await send(
            {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body}
        )

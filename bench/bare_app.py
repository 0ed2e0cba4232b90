"""The baselines: the same precomputed bytes for the same paths, served with no router
(`app`: a bare ASGI callable, the least a Python ASGI server can be asked to do) and through
a routed Starlette app (`routed`).

Both read `{path: body}` from the JSON file named by BENCH_BODIES.
"""

import json
import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

with open(os.environ["BENCH_BODIES"], encoding="utf-8") as file:
    BODIES = {path: body.encode() for path, body in json.load(file).items()}
_STARTS = {
    path: {
        "type": "http.response.start",
        "status": 200,
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
    }
    for path, body in BODIES.items()
}


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] != "http":
        return
    path = scope["path"]
    await send(_STARTS[path])
    await send({"type": "http.response.body", "body": BODIES[path]})


async def serve_bytes(request: Request) -> Response:
    return Response(BODIES[request.url.path], media_type="application/json")


routed = Starlette(routes=[Route(path, serve_bytes) for path in BODIES])

"""The baseline: a bare Starlette app returning precomputed bytes for the same paths.

It reads `{path: body}` from the JSON file named by BENCH_BODIES.
"""

import json
import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

with open(os.environ["BENCH_BODIES"], encoding="utf-8") as file:
    BODIES = {path: body.encode() for path, body in json.load(file).items()}


async def serve_bytes(request: Request) -> Response:
    return Response(BODIES[request.url.path], media_type="application/json")


app = Starlette(routes=[Route(path, serve_bytes) for path in BODIES])

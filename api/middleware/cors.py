"""CORS that grants nothing to a preflight it refuses."""

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response


class RefusingCORSMiddleware(CORSMiddleware):
    """Starlette's CORS, except that a refused preflight (an origin not listed, or a method,
    such as a write, that browsers may not send cross-origin) carries no
    `Access-Control-Allow-Origin`, even when every origin may read."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code != 200 and "access-control-allow-origin" in response.headers:
            del response.headers["access-control-allow-origin"]
        return response

"""Security headers on every response, cached or not: a pure ASGI layer, outermost of all.

JSON gets a Content-Security-Policy that allows nothing. The documentation pages (Swagger UI
and ReDoc) load their scripts and styles from the jsdelivr CDN; their inline scripts are
allowed by hash, computed from the page as it is sent, so nothing else inline can run.
"""

import base64
import hashlib
import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.middleware.buffer import BufferedResponse

DOCS_PATHS = frozenset({"/docs", "/redoc", "/docs/oauth2-redirect"})
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
DOCS_POLICY = (
    "default-src 'none'; script-src https://cdn.jsdelivr.net {hashes}; "
    "style-src 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "font-src https://fonts.gstatic.com; img-src 'self' data: https://fastapi.tiangolo.com "
    "https://cdn.redoc.ly; connect-src 'self'; worker-src blob:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
API_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "content-security-policy": API_POLICY,
}
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


def docs_policy(html: bytes) -> str:
    """The docs policy, admitting exactly the inline scripts `html` carries."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(script).digest()).decode()}'"
        for script in _INLINE_SCRIPT.findall(html)
    )
    return DOCS_POLICY.format(hashes=hashes)


def _secure(headers: MutableHeaders, policy: str) -> None:
    for name, value in API_HEADERS.items():
        headers[name] = value
    headers["content-security-policy"] = policy


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
        elif scope["path"] in DOCS_PATHS:
            await self._docs(scope, receive, send)
        else:

            async def send_with_headers(message: Message) -> None:
                if message["type"] == "http.response.start":
                    _secure(MutableHeaders(scope=message), API_POLICY)
                await send(message)

            await self.app(scope, receive, send_with_headers)

    async def _docs(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Hold the (small) page until its last byte, so its scripts can be hashed."""
        page = await BufferedResponse.of(self.app, scope, receive)
        headers = page.headers
        _secure(headers, docs_policy(page.body))
        await send({"type": "http.response.start", "status": page.status, "headers": headers.raw})
        await send({"type": "http.response.body", "body": page.body})

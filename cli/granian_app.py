"""The app as granian serves it: granian reads no forwarded headers, so with
`HOMEPAGE_TRUSTED_PROXIES` uvicorn's own proxy-headers layer does it, as under uvicorn."""

from typing import Any, cast

from starlette.types import ASGIApp
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from api.main import create_app
from api.settings import get_settings


def create_served_app() -> ASGIApp:
    settings = get_settings()
    app = create_app(settings)
    if settings.trusted_proxies is None:
        return app
    # uvicorn types its ASGI callables more narrowly than Starlette; they are the same protocol
    proxied = ProxyHeadersMiddleware(cast(Any, app), trusted_hosts=settings.trusted_proxies)
    return cast(ASGIApp, proxied)

"""The app as `homepage serve` builds it in each worker process: the garbage collector set for
a long-running server, then the app; under granian, with uvicorn's proxy-headers layer too."""

import gc
from typing import Any, cast

from starlette.types import ASGIApp
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from api.main import create_app
from api.settings import get_settings

YOUNGEST_GENERATION = 10_000
"""Allocations between collections of the youngest generation (Python's default is 700)."""


def set_collector_for_serving() -> None:
    """Freeze what starting made (the modules, the app, its models and statements: about
    170,000 objects), so no collection walks it again; and collect the youngest generation
    every 10,000 allocations. One uncached search allocates thousands of objects, so with
    Python's defaults the collector ran at every request, a middle-generation collection
    (about 1 ms) every tenth, and a full one (about 100 ms with 100,000 items seeded) every
    few hundred; with these settings a 600-search run spent about 45 ms collecting instead of
    about 330 ms, and never ran a full collection."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNGEST_GENERATION, 20, 20)


def for_uvicorn() -> ASGIApp:
    app = create_app()
    set_collector_for_serving()
    return app


def for_granian() -> ASGIApp:
    """granian reads no forwarded headers, so with `HOMEPAGE_TRUSTED_PROXIES` uvicorn's own
    proxy-headers layer does it, as under uvicorn."""
    settings = get_settings()
    app: ASGIApp = create_app(settings)
    if settings.trusted_proxies is not None:
        # uvicorn types its ASGI callables more narrowly than Starlette; the same protocol
        app = cast(
            ASGIApp, ProxyHeadersMiddleware(cast(Any, app), trusted_hosts=settings.trusted_proxies)
        )
    set_collector_for_serving()
    return app

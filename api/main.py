"""Build the FastAPI app. Nothing here touches the database at import time."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from sqlalchemy.engine import Engine
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from api.errors import add_error_handlers
from api.middleware.body_limit import BodyLimitMiddleware
from api.middleware.cache import ResponseCache
from api.middleware.cors import RefusingCORSMiddleware
from api.middleware.health import HealthCheck
from api.middleware.security_headers import SecurityHeaders
from api.routes import (
    formats,
    health,
    interests,
    news,
    operation_id,
    profile,
    projects,
    publications,
    sections,
    talks,
    teaching,
)
from api.settings import Settings, get_settings
from api.throttle import FailureThrottle
from api.webhooks.dispatcher import webhook_dispatcher
from store.change_watch import VersionWatcher, watcher_for
from store.changes import recording_webhook_events
from store.engine import for_reads, make_engine
from store.schema import current_problem

DESCRIPTION = """\
An academic's homepage as typed JSON: profile, research interests, news, publications,
projects, talks, teaching and the page's other sections, seeded from the owner's Markdown page
(and, for a site, its collection files).
Lists are plain JSON arrays; paginated lists carry `X-Total-Count` and a `Link` header.
"""

# The format routes come first, so that `/publications/x.bib` is never read as the slug `x.bib`.
ROUTERS: tuple[APIRouter, ...] = (
    *formats.routers,
    health.router,
    profile.router,
    interests.router,
    news.router,
    publications.router,
    projects.router,
    talks.router,
    teaching.router,
    sections.router,
)


class HomepageAPI(FastAPI):
    """FastAPI, with `front`: the layers that answer most requests (the host check, `/health`
    and the response cache) run before FastAPI and Starlette's own per-request work, which a
    cached answer does not need."""

    front: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.front is not None and scope["type"] == "http":
            await self.front(scope, receive, send)
        else:
            await super().__call__(scope, receive, send)

    async def routed(self, scope: Scope, receive: Receive, send: Send) -> None:
        await super().__call__(scope, receive, send)


def _front(
    app: HomepageAPI, settings: Settings, engine: Engine, watcher: VersionWatcher | None
) -> ASGIApp:
    """Outermost first: with `HOMEPAGE_ALLOWED_HOSTS`, a request naming another host is
    refused with 400; `/health`; the in-memory response cache, whose entries keep the headers
    of the layers under it, so a cached answer is bytes and headers made once."""
    front: ASGIApp = ResponseCache(
        app.routed, engine=engine, watcher=watcher, max_age=settings.cache_max_age
    )
    front = HealthCheck(front, watcher, lambda: getattr(app.state, "schema_problem", None))
    if settings.allowed_hosts:
        front = TrustedHostMiddleware(front, allowed_hosts=settings.allowed_hosts)
    return front


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> HomepageAPI:
    """The app as served: the front layers (`_front`), then security headers on everything,
    the body limit, CORS and the typed routes."""
    settings = settings or get_settings()
    engine = engine or make_engine(settings.database_url)
    if settings.webhook_urls:
        engine = recording_webhook_events(engine)
    watcher = watcher_for(engine)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.schema_problem = current_problem(engine)
        with webhook_dispatcher(settings, engine):
            yield
        if watcher is not None:
            watcher.close()
        engine.dispose()

    app = HomepageAPI(
        title="homepage-api",
        version="0.1.0",
        description=DESCRIPTION,
        generate_unique_id_function=operation_id,
        lifespan=lifespan,
        # OpenTelemetry is not configured here; FastAPI's check for it costs every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(BodyLimitMiddleware),
            Middleware(
                RefusingCORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_credentials=False,
                allow_methods=["GET", "HEAD", "OPTIONS"],
                allow_headers=["Accept", "If-None-Match", "If-Modified-Since"],
                expose_headers=["X-Total-Count", "Link", "ETag", "Last-Modified", "Location"],
                max_age=600,
            ),
        ],
    )
    app.front = _front(app, settings, engine, watcher)
    app.state.settings = settings
    app.state.engine = engine
    app.state.read_engine = for_reads(engine)
    app.state.auth_throttle = FailureThrottle()
    add_error_handlers(app)
    # The routes themselves, not the routers: FastAPI matches an included router's routes
    # through one nested router per inclusion (about 0.2-0.3 ms of an uncached request, which
    # finds its route in one flat list instead). Each route already carries its tags and
    # operation id (`api.routes.resource_router`), so the OpenAPI document is the same.
    for router in ROUTERS:
        app.router.routes.extend(router.routes)
    return app

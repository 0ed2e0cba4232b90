"""Build the FastAPI app. Nothing here touches the database at import time."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute
from sqlalchemy.engine import Engine

from api.errors import add_error_handlers
from api.middleware.body_limit import BodyLimitMiddleware
from api.middleware.cache import ResponseCache
from api.middleware.cors import RefusingCORSMiddleware
from api.middleware.security_headers import SecurityHeaders
from api.routes import formats, health, interests, news, profile, projects, publications, sections
from api.settings import Settings, get_settings
from api.throttle import FailureThrottle
from api.webhooks.dispatcher import webhook_dispatcher
from store.change_watch import watcher_for
from store.engine import create_schema, make_engine

DESCRIPTION = """\
An academic's homepage as typed JSON: profile, research interests, news, publications,
projects and the page's other sections, seeded from the owner's Markdown page.
Lists are plain JSON arrays; paginated lists carry `X-Total-Count` and a `Link` header.
"""


def operation_id(route: APIRoute) -> str:
    return route.name


def build_api(settings: Settings, engine: Engine) -> FastAPI:
    """The FastAPI app: typed routes, CORS, body limit, errors without internals."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        create_schema(engine)
        with webhook_dispatcher(settings, engine):
            yield
        engine.dispose()

    app = FastAPI(
        title="homepage-api",
        version="0.1.0",
        description=DESCRIPTION,
        generate_unique_id_function=operation_id,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.auth_throttle = FailureThrottle()
    app.add_middleware(
        RefusingCORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=False,
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["Accept", "If-None-Match", "If-Modified-Since"],
        expose_headers=["X-Total-Count", "Link", "ETag", "Last-Modified", "Location"],
        max_age=600,
    )
    app.add_middleware(BodyLimitMiddleware)
    add_error_handlers(app)
    for module in (formats, health, profile, interests, news, publications, projects, sections):
        app.include_router(module.router)
    return app


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> SecurityHeaders:
    """The app as served: the FastAPI app behind the in-memory response cache, and security
    headers on everything, cached responses included."""
    settings = settings or get_settings()
    engine = engine or make_engine(settings.database_url)
    cache = ResponseCache(
        build_api(settings, engine), engine, watcher_for(engine), settings.cache_max_age
    )
    return SecurityHeaders(cache)

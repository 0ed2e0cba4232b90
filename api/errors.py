"""Error responses with a sentence a user can act on: the one place where the store's domain
errors, and the database's own, become HTTP answers."""

import logging
import sqlite3
from typing import Any

from fastapi import FastAPI, Request, Response, status
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute, Match

from api.middleware.cache import connection_lost
from api.middleware.security_headers import API_HEADERS
from store.engine import is_storage_full
from store.errors import (
    AlreadyExists,
    BackupRefused,
    NotFound,
    OwnedByPage,
    SchemaOutOfDate,
    StorageFull,
    StoreError,
)


class ErrorPublic(BaseModel):
    detail: str


# Errors are JSON whatever format the route answers in, so the content is stated outright: a
# `model` here would be filed under the route's own media type (BibTeX, JSON-LD, ...).
# `ErrorPublic` is in the document's components through `WRITE_ERRORS` and /health.
ERROR_JSON = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorPublic"}}}

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "No item has this slug.", "content": ERROR_JSON}
}
NO_PROFILE: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorPublic, "description": "Nothing has been seeded yet."}
}


WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorPublic, "description": "The body cannot be read as JSON text."},
    401: {"model": ErrorPublic, "description": "No token, or not a valid one."},
    403: {"model": ErrorPublic, "description": "The token lacks the scope."},
    404: {"model": ErrorPublic, "description": "No item has this slug."},
    409: {"model": ErrorPublic, "description": "The item belongs to the Markdown page."},
    413: {"model": ErrorPublic, "description": "The body is larger than 64 KiB."},
    429: {"model": ErrorPublic, "description": "Too many failed attempts from this client."},
    503: {"model": ErrorPublic, "description": "The database is not answering."},
    507: {"model": ErrorPublic, "description": "The server's storage is full."},
}


UNAVAILABLE = "The database is not answering; try again in a moment."
INTERNAL = "Internal error; it has been logged."
UNSTORABLE = "A value in the request cannot be stored, such as text with a NUL character."
_METHODS = ("DELETE", "GET", "PATCH", "POST", "PUT")

logger = logging.getLogger("homepage")


_STATUS: dict[type[StoreError], int] = {
    NotFound: status.HTTP_404_NOT_FOUND,
    AlreadyExists: status.HTTP_409_CONFLICT,
    OwnedByPage: status.HTTP_409_CONFLICT,
    StorageFull: status.HTTP_507_INSUFFICIENT_STORAGE,
    SchemaOutOfDate: status.HTTP_503_SERVICE_UNAVAILABLE,
    BackupRefused: status.HTTP_409_CONFLICT,
}


async def store_error(request: Request, error: Exception) -> JSONResponse:
    """The store's refusal, with its sentence, under the status that means the same."""
    assert isinstance(error, StoreError)
    if isinstance(error, StorageFull):
        logger.error("%s %s: storage full", request.method, request.url.path)
    code = next(code for kind, code in _STATUS.items() if isinstance(error, kind))
    return JSONResponse({"detail": str(error)}, code)


async def database_error(request: Request, error: Exception) -> JSONResponse:
    """503 when the database cannot be reached (507 when it found the disk full), logged with
    its traceback; a read that found its connection closed by the server, which the response
    cache asks again, is one warning line, as its answer is never sent."""
    if is_storage_full(error):
        return await store_error(request, StorageFull())
    lost = isinstance(error, OperationalError) and error.connection_invalidated
    if lost and connection_lost(request):  # a read, asked again on a new connection
        logger.warning(
            "%s %s: the database server had closed the connection; asking again",
            request.method,
            request.url.path,
        )
    else:
        logger.error("%s %s: database error", request.method, request.url.path, exc_info=error)
    return JSONResponse(
        {"detail": UNAVAILABLE}, status.HTTP_503_SERVICE_UNAVAILABLE, headers={"Retry-After": "5"}
    )


async def unstorable_value(request: Request, error: Exception) -> JSONResponse:
    """A value the schema let through but the database refuses (PostgreSQL and NUL)."""
    logger.warning("%s %s: %s", request.method, request.url.path, error)
    return JSONResponse({"detail": UNSTORABLE}, status.HTTP_422_UNPROCESSABLE_CONTENT)


async def internal_error(request: Request, error: Exception) -> JSONResponse:
    """A bug: log it with its traceback, answer with a sentence and nothing internal. Starlette
    sends this answer from outside every middleware, so it carries the security headers itself."""
    logger.error("%s %s: unhandled error", request.method, request.url.path, exc_info=error)
    return JSONResponse(
        {"detail": INTERNAL}, status.HTTP_500_INTERNAL_SERVER_ERROR, headers=API_HEADERS
    )


async def invalid_request(request: Request, error: Exception) -> JSONResponse:
    """422 naming each field and what is wrong with it, never echoing the value sent: it may
    be what cannot be written back (a lone surrogate, `NaN`) or what should not be (a token)."""
    assert isinstance(error, RequestValidationError)
    detail = []
    for problem in error.errors():
        shown: dict[str, Any] = {k: problem[k] for k in ("type", "loc", "msg")}
        shown["loc"] = list(shown["loc"])
        if context := {k: _plain(v) for k, v in problem.get("ctx", {}).items()}:
            shown["ctx"] = context  # the limits broken (`max_length`) or the parser's words
        detail.append(shown)
    return JSONResponse({"detail": detail}, status.HTTP_422_UNPROCESSABLE_CONTENT)


def _plain(value: object) -> str | int | bool:
    """A context value as JSON can hold it: a number or flag as it is, anything else as text."""
    if isinstance(value, bool | int):
        return value
    return str(value).encode("utf-8", "replace").decode()


async def http_error(request: Request, error: Exception) -> Response:
    """FastAPI's own rendering, except that a 405 lists every method the path supports."""
    assert isinstance(error, StarletteHTTPException)
    if error.status_code == status.HTTP_405_METHOD_NOT_ALLOWED:
        error.headers = {**(error.headers or {}), "Allow": ", ".join(_allowed_methods(request))}
    return await http_exception_handler(request, error)


def _allowed_methods(request: Request) -> list[str]:
    """The methods some route fully matches for this path (routers nest, so ask them all)."""
    routes: list[BaseRoute] = request.app.router.routes
    return [
        method
        for method in _METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] == Match.FULL for route in routes
        )
    ]


def add_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(OperationalError, database_error)
    app.add_exception_handler(DataError, unstorable_value)
    app.add_exception_handler(sqlite3.OperationalError, database_error)
    app.add_exception_handler(Exception, internal_error)

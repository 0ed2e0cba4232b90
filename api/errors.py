"""Error responses with a sentence a user can act on."""

import logging
import sqlite3
from typing import Any, TypeVar

from fastapi import FastAPI, HTTPException, Request, Response, status
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DataError, DBAPIError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute, Match

T = TypeVar("T")


class ErrorPublic(BaseModel):
    detail: str


# Errors are JSON whatever format the route answers in, so the content is stated outright: a
# `model` here would be filed under the route's own media type (BibTeX, JSON-LD, ...).
# `ErrorPublic` is in the document's components through `WRITE_ERRORS` and /health.
ERROR_JSON = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorPublic"}}}

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "No item has this slug.", "content": ERROR_JSON}
}


def found(item: T | None, noun: str, slug: str) -> T:
    """The item, or a 404 that names what was asked for."""
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"{noun} '{slug}' not found")
    return item


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


STORAGE_FULL = "The server's storage is full; the write was not saved."
UNAVAILABLE = "The database is not answering; try again in a moment."
INTERNAL = "Internal error; it has been logged."
UNSTORABLE = "A value in the request cannot be stored, such as text with a NUL character."
_SQLSTATE_DISK_FULL = "53100"
_METHODS = ("DELETE", "GET", "PATCH", "POST", "PUT")

logger = logging.getLogger("homepage")


def _is_storage_full(error: BaseException) -> bool:
    """SQLite's SQLITE_FULL, or PostgreSQL's disk_full, under SQLAlchemy's wrapper or bare."""
    cause = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(cause, sqlite3.Error):
        return cause.sqlite_errorcode == sqlite3.SQLITE_FULL
    return getattr(cause, "sqlstate", None) == _SQLSTATE_DISK_FULL


async def database_error(request: Request, error: Exception) -> JSONResponse:
    """507 when a write found the disk full; 503 when the database cannot be reached."""
    if _is_storage_full(error):
        logger.error("%s %s: storage full", request.method, request.url.path)
        return JSONResponse({"detail": STORAGE_FULL}, status.HTTP_507_INSUFFICIENT_STORAGE)
    logger.error("%s %s: database error", request.method, request.url.path, exc_info=error)
    return JSONResponse(
        {"detail": UNAVAILABLE}, status.HTTP_503_SERVICE_UNAVAILABLE, headers={"Retry-After": "5"}
    )


async def unstorable_value(request: Request, error: Exception) -> JSONResponse:
    """A value the schema let through but the database refuses (PostgreSQL and NUL)."""
    logger.warning("%s %s: %s", request.method, request.url.path, error)
    return JSONResponse({"detail": UNSTORABLE}, status.HTTP_422_UNPROCESSABLE_CONTENT)


async def internal_error(request: Request, error: Exception) -> JSONResponse:
    """A bug: log it with its traceback, answer with a sentence and nothing internal."""
    logger.error("%s %s: unhandled error", request.method, request.url.path, exc_info=error)
    return JSONResponse({"detail": INTERNAL}, status.HTTP_500_INTERNAL_SERVER_ERROR)


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
    app.add_exception_handler(OperationalError, database_error)
    app.add_exception_handler(DataError, unstorable_value)
    app.add_exception_handler(sqlite3.OperationalError, database_error)
    app.add_exception_handler(Exception, internal_error)

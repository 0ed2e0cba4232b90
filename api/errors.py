"""Error responses with a sentence a user can act on."""

from typing import Any, TypeVar

from fastapi import HTTPException, status
from pydantic import BaseModel

T = TypeVar("T")


class ErrorPublic(BaseModel):
    detail: str


NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorPublic, "description": "No item has this slug."}
}


def found(item: T | None, noun: str, slug: str) -> T:
    """The item, or a 404 that names what was asked for."""
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"{noun} '{slug}' not found")
    return item


WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorPublic, "description": "No token, or not a valid one."},
    403: {"model": ErrorPublic, "description": "The token lacks the scope."},
    404: {"model": ErrorPublic, "description": "No item has this slug."},
    409: {"model": ErrorPublic, "description": "The item belongs to the Markdown page."},
    413: {"model": ErrorPublic, "description": "The body is larger than 64 KiB."},
    429: {"model": ErrorPublic, "description": "Too many failed attempts from this client."},
}

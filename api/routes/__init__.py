"""One router module per resource. Each router names its operations after their handlers, and
the app adds the routes themselves to its own router (`api.main`) rather than including the
routers, so that a request is matched against one flat list of routes."""

from fastapi import APIRouter
from fastapi.routing import APIRoute


def operation_id(route: APIRoute) -> str:
    """The handler's name, as the OpenAPI operationId (and the response schema's title)."""
    return route.name


def resource_router(tag: str) -> APIRouter:
    """A router whose operations carry `tag` and their handlers' names."""
    return APIRouter(tags=[tag], generate_unique_id_function=operation_id)

"""List bodies encoded in the handler's own thread.

FastAPI validates a sync handler's return value against its `response_model` in a second
trip through the thread pool, then encodes it on the event loop. A list handler that returns
`json_list(ADAPTER, items)` does both in the thread it already runs in, with the model its
`response_model` names and FastAPI's settings (attributes read, aliases used), so the body is
the one FastAPI would have sent.
"""

from collections.abc import Sequence
from typing import TypeVar

from fastapi import Response
from pydantic import TypeAdapter

T = TypeVar("T")


def json_list(adapter: TypeAdapter[list[T]], items: Sequence[object]) -> Response:
    value = adapter.validate_python(items, from_attributes=True)
    return Response(adapter.dump_json(value, by_alias=True), media_type="application/json")

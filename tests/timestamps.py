"""Bodies carry write times; tests check their form, then compare the rest exactly."""

from datetime import datetime
from typing import Any

TIMES = ("created_at", "updated_at")


def without_times(body: Any) -> Any:
    """The body with `created_at`/`updated_at` removed, after checking each is an ISO time."""
    if isinstance(body, list):
        return [without_times(item) for item in body]
    if isinstance(body, dict):
        for key in TIMES:
            if key in body:
                datetime.fromisoformat(body[key])
        return {key: value for key, value in body.items() if key not in TIMES}
    return body

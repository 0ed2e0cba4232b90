"""Slow down a client that keeps sending bad tokens, without ever refusing a good one."""

import math
import threading
import time
from collections import deque
from collections.abc import Callable


class FailureThrottle:
    """Counts failed authentications per client in a sliding window.

    After `limit` failures within `window` seconds, further *failed* attempts from that
    client get 429 until the oldest failure leaves the window. A valid token is checked
    before the throttle, so the owner is never locked out by someone else's guesses.
    """

    def __init__(
        self, limit: int = 10, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(client, deque())
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def record_failure(self, client: str) -> int | None:
        """Record a failure; the seconds to wait when the client is over the limit, else None."""
        with self._lock:
            now = self.clock()
            failures = self._recent(client, now)
            if len(failures) >= self.limit:
                return max(1, math.ceil(failures[0] + self.window - now))
            failures.append(now)
            if len(self._failures) > 10_000:
                self._failures = {k: v for k, v in self._failures.items() if v}
            return None

"""Slow down a client that keeps sending bad tokens, without ever refusing a good one."""

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable


class FailureThrottle:
    """Counts failed authentications per client in a sliding window.

    After `limit` failures within `window` seconds, further *failed* attempts from that
    client get 429 until the oldest failure leaves the window. A valid token is checked
    before the throttle, so the owner is never locked out by someone else's guesses.

    Clients are keyed by their peer address (forwarded addresses only from trusted proxies,
    which `homepage serve` believes alone). At most `max_clients` are remembered, the least
    recently failing forgotten first, so the table and each failure's cost stay bounded.
    """

    def __init__(
        self,
        limit: int = 10,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self.max_clients = max_clients
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._failures)

    def _recent(self, client: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(client, deque())
        self._failures.move_to_end(client)
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        while len(self._failures) > self.max_clients:
            self._failures.popitem(last=False)
        return failures

    def record_failure(self, client: str) -> int | None:
        """Record a failure; the seconds to wait when the client is over the limit, else None."""
        with self._lock:
            now = self.clock()
            failures = self._recent(client, now)
            if len(failures) >= self.limit:
                return max(1, math.ceil(failures[0] + self.window - now))
            failures.append(now)
            return None

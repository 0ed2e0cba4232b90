"""The failed-auth throttle stays bounded, and the access log never carries a credential."""

import logging

from api.throttle import FailureThrottle
from cli.access_log import RedactCredentials, redacted


def test_the_throttle_remembers_at_most_its_limit_of_clients_least_recent_first() -> None:
    now = [0.0]
    throttle = FailureThrottle(limit=2, window=60, clock=lambda: now[0], max_clients=3)
    for client in ("a", "b", "c", "a", "d"):
        assert throttle.record_failure(client) is None
    assert len(throttle) == 3
    assert throttle.record_failure("a") == 60  # a was kept: it failed most recently but one
    assert throttle.record_failure("b") is None  # b was forgotten, so it starts again


def test_failures_leave_the_window() -> None:
    now = [0.0]
    throttle = FailureThrottle(limit=1, window=10, clock=lambda: now[0])
    assert throttle.record_failure("a") is None
    now[0] = 4.0
    assert throttle.record_failure("a") == 6
    now[0] = 10.5
    assert throttle.record_failure("a") is None


def test_credentials_in_a_logged_url_are_redacted() -> None:
    assert redacted("/news?access_token=s3cr3t&limit=2") == "/news?access_token=REDACTED&limit=2"
    assert redacted("/x?a=1&token=abc;key=k") == "/x?a=1&token=REDACTED;key=REDACTED"
    assert redacted("/publications?q=tokens") == "/publications?q=tokens"
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, "", 0, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5", "GET", "/news?access_token=abc", "1.1", 401), None,
    )  # fmt: skip
    assert RedactCredentials().filter(record)
    assert record.getMessage() == '127.0.0.1:5 - "GET /news?access_token=REDACTED HTTP/1.1" 401'

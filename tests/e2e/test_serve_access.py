"""Through the real server: the access log never holds a credential, and the failed-auth
throttle counts the peer address, whatever `X-Forwarded-For` claims."""

from pathlib import Path

import httpx

from tests.processes import start
from tests.server import homepage_env, run_homepage


def test_access_log_redacts_tokens_and_forged_addresses_do_not_reset_the_throttle(
    tmp_path: Path,
) -> None:
    env = homepage_env(tmp_path / "homepage.db")
    assert run_homepage("seed", env=env).returncode == 0
    log = tmp_path / "server.log"
    server = start(env, log, "--access-log")
    try:
        with httpx.Client(base_url=server.base, timeout=10) as client:
            client.get("/news", params={"access_token": "s3cr3t-value"})
            statuses = [
                client.post(
                    "/news",
                    json={"text": "Guess"},
                    headers={"Authorization": "Bearer wrong", "X-Forwarded-For": f"10.0.0.{i}"},
                ).status_code
                for i in range(11)
            ]
        assert statuses == [401] * 10 + [429]
    finally:
        server.kill()
    written = log.read_text()
    assert "s3cr3t-value" not in written
    assert "access_token=REDACTED" in written

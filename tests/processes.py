"""`homepage serve` as a process a test can signal: SIGKILL it, SIGTERM it, start it again."""

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.server import BIN, free_port


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base: str

    def kill(self) -> None:
        """SIGKILL the whole process group: with `--workers`, the workers too."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=20)

    def terminate(self) -> None:
        """SIGTERM, as a service manager stops it; it passes the signal on to its workers."""
        self.process.send_signal(signal.SIGTERM)


def start(env: dict[str, str], log: Path, *args: str) -> Server:
    """Start `homepage serve` on a free port and wait until /health answers."""
    port = free_port()
    with log.open("ab") as output:
        process = subprocess.Popen(
            [str(BIN / "homepage"), "serve", "--port", str(port), *args],
            env=env,
            stdout=output,
            stderr=output,
            start_new_session=True,
        )
    server = Server(process, f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{server.base}/health", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.05)
    server.kill()
    raise RuntimeError(f"server did not start: {log.read_text()[-2000:]}")

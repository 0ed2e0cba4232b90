"""Run wrk and read its numbers."""

import re
import resource
import subprocess
import time
from dataclasses import dataclass

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class WrkResult:
    requests_per_second: float
    p99_ms: float
    non_2xx: int
    client_cores: float
    """CPU wrk itself used, in cores (CPU seconds over wall seconds)."""
    server_cores: float | None = None
    """CPU the server's processes used over the same run, where it was measured."""


def _ms(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", value)
    if match is None:
        raise ValueError(f"cannot read wrk latency {value!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def run_wrk(
    url: str,
    seconds: int,
    connections: int = 16,
    headers: tuple[str, ...] = (),
    threads: int = 1,
) -> WrkResult:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    for header in headers:
        command[1:1] = ["-H", header]
    before, started = _children_cpu(), time.perf_counter()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    client_cores = (_children_cpu() - before) / (time.perf_counter() - started)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return WrkResult(rps, p99, int(non_2xx.group(1)) if non_2xx else 0, client_cores)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

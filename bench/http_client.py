"""One keep-alive HTTP/1.1 connection for timing requests one at a time.

h11 on a plain socket costs the client tens of microseconds per request; httpx costs about a
millisecond on a small machine, with a tail of several, which a latency measured through it
would count as the server's. gzip is asked for, as browsers do.
"""

import gzip
import socket
from types import TracebackType

import h11


class Connection:
    def __init__(self, host: str, port: int, timeout: float = 60) -> None:
        self.host = f"{host}:{port}"
        self.socket = socket.create_connection((host, port), timeout=timeout)
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.http = h11.Connection(h11.CLIENT)

    def get(self, target: str) -> tuple[int, bytes]:
        """The status and the body, decompressed."""
        request = h11.Request(
            method="GET",
            target=target,
            headers=[("Host", self.host), ("Accept-Encoding", "gzip")],
        )
        self.socket.sendall(self.http.send(request) + self.http.send(h11.EndOfMessage()))
        status, gzipped, body = 0, False, bytearray()
        while True:
            event = self.http.next_event()
            if event is h11.NEED_DATA:
                self.http.receive_data(self.socket.recv(65536))
            elif isinstance(event, h11.Response):
                status = event.status_code
                gzipped = (b"content-encoding", b"gzip") in event.headers
            elif isinstance(event, h11.Data):
                body += event.data
            elif isinstance(event, h11.EndOfMessage):
                break
            elif isinstance(event, h11.ConnectionClosed):
                raise ConnectionError(f"the server closed the connection during GET {target}")
        self.http.start_next_cycle()
        return status, gzip.decompress(body) if gzipped else bytes(body)

    def close(self) -> None:
        self.socket.close()

    def __enter__(self) -> "Connection":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

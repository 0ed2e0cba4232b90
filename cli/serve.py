"""`homepage serve`: run the API under uvicorn (the default) or granian."""

from enum import StrEnum
from typing import Annotated

import typer
import uvicorn

from api.settings import get_settings
from cli.access_log import logging_config
from cli.database import opened
from cli.http_protocol import BoundedHttpProtocol


class Server(StrEnum):
    uvicorn = "uvicorn"
    granian = "granian"


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", envvar="PORT")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1)] = 1,
    access_log: Annotated[bool, typer.Option(help="Log every request.")] = False,
    server: Annotated[
        Server,
        typer.Option(
            help="The HTTP server: uvicorn, with this project's bounds on slow clients, or "
            "granian (Rust), with only its own header-read timeout (see the README)."
        ),
    ] = Server.uvicorn,
) -> None:
    """Serve the API (the database must be at this release's schema: `homepage db upgrade`)."""
    with opened():
        pass  # refuses an out-of-date database before any worker starts
    if server is Server.granian:
        _serve_granian(host, port, workers, access_log)
        return
    settings = get_settings()
    uvicorn.run(
        "cli.served_app:for_uvicorn",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=access_log,
        proxy_headers=settings.trusted_proxies is not None,
        forwarded_allow_ips=settings.trusted_proxies or "",
        timeout_graceful_shutdown=10,
        http=BoundedHttpProtocol,
        log_config=logging_config(),
        timeout_keep_alive=5,
    )


def _serve_granian(host: str, port: int, workers: int, access_log: bool) -> None:
    try:
        from granian.constants import Interfaces, Loops
        from granian.http import HTTP1Settings
        from granian.server import Server as Granian
    except ImportError:
        typer.echo("error: --server granian needs granian installed (`uv sync`).", err=True)
        raise typer.Exit(1) from None

    settings = get_settings()
    Granian(
        "cli.served_app:for_granian",
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        factory=True,
        workers=workers,
        loop=Loops.uvloop,
        log_access=access_log,
        http1_settings=HTTP1Settings(header_read_timeout=int(settings.request_timeout * 1000)),
        workers_kill_timeout=10,
    ).serve()

"""`homepage serve`: run the API under uvicorn."""

from typing import Annotated

import typer
import uvicorn

from api.settings import get_settings
from cli.access_log import logging_config
from cli.database import opened
from cli.http_protocol import BoundedHttpProtocol


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", envvar="PORT")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1)] = 1,
    access_log: Annotated[bool, typer.Option(help="Log every request.")] = False,
) -> None:
    """Serve the API (the database must be at this release's schema: `homepage db upgrade`)."""
    with opened():
        pass  # refuses an out-of-date database before any worker starts
    settings = get_settings()
    uvicorn.run(
        "api.main:create_app",
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

"""Open the configured database for a command: its schema checked first, every refusal one
line on stderr and exit status 1."""

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from sqlalchemy.engine import Engine

from api.settings import get_settings
from store.changes import recording_webhook_events
from store.engine import make_engine
from store.errors import StoreError
from store.schema import check_schema

err = Console(stderr=True)


def refuse(error: Exception) -> typer.Exit:
    err.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


@contextmanager
def opened(url: str | None = None, *, checked: bool = True) -> Iterator[Engine]:
    """The engine on `url` (the configured database by default), at the current schema
    revision (a brand-new database is created there); a store refusal exits 1 with its reason."""
    settings = get_settings()
    engine = make_engine(url or settings.database_url)
    if settings.webhook_urls:  # a seed or import is a change the receivers hear of too
        engine = recording_webhook_events(engine)
    try:
        if checked:
            check_schema(engine)
        yield engine
    except StoreError as error:
        raise refuse(error) from None
    finally:
        engine.dispose()

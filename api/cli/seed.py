"""`homepage seed`: parse, check and load the owner's page."""

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from api.db import create_schema, make_engine
from api.settings import get_settings
from seed.errors import PageError
from seed.load import LoadSummary, load_page
from seed.read import read_page

out = Console()
err = Console(stderr=True)


def _summary_table(summary: LoadSummary) -> Table:
    table = Table("kind", "total", "added", "updated", "removed", title="Seeded")
    for name, kind in summary.kinds.items():
        table.add_row(name, str(kind.total), str(kind.added), str(kind.updated), str(kind.removed))
    return table


def seed(
    content: Annotated[
        Path | None, typer.Option(help="The page (or academicpages site root) to load.")
    ] = None,
) -> None:
    """Parse, check and load the page in one transaction; on error nothing changes."""
    settings = get_settings()
    path = content or settings.content
    try:
        parsed = read_page(path, owner_name=settings.owner_name)
    except PageError as error:
        err.print(f"[red]error:[/red] {error}", highlight=False)
        raise typer.Exit(1) from None
    for warning in parsed.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False)
    engine = make_engine(settings.database_url)
    create_schema(engine)
    summary = load_page(engine, parsed.page)
    engine.dispose()
    out.print(_summary_table(summary))
    out.print("Content changed." if summary.changed else "Nothing changed.")

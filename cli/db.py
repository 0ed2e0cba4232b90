"""`homepage db`: the schema revision of the database, and upgrades in place."""

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from cli.database import opened
from store import schema

app = typer.Typer(
    help="The database's schema: where it stands, and upgrades.", no_args_is_help=True
)
out = Console()


@app.command("upgrade")
def upgrade() -> None:
    """Bring the database to this release's schema in place, keeping every row."""
    with opened(checked=False) as engine:
        before, after = schema.upgrade(engine)
    if before == after:
        out.print(f"The database is at revision {after}, this release's; nothing to do.")
    else:
        out.print(f"Upgraded the database from revision {before or 'none'} to {after}.")


@app.command("current")
def current(as_json: Annotated[bool, typer.Option("--json", help="As JSON.")] = False) -> None:
    """The database's schema revision, and this release's."""
    with opened(checked=False) as engine, engine.connect() as connection:
        at = schema.current(connection)
    latest = schema.head()
    if as_json:
        typer.echo(json.dumps({"current": at, "head": latest, "up_to_date": at == latest}))
        return
    problem = schema.schema_problem(at)
    out.print(f"Revision {at or 'none'}; this release's is {latest}.")
    if problem is not None:
        out.print(f"The database {problem}", highlight=False)


@app.command("history")
def history() -> None:
    """Every schema revision, oldest first, marking the database's."""
    with opened(checked=False) as engine:
        revisions = schema.history(engine)
    table = Table("revision", "after", "what changed", "here", title="Schema revisions")
    for revision in revisions:
        here = "← the database" if revision.is_current else ""
        table.add_row(revision.revision, revision.down_revision or "-", revision.message, here)
    out.print(table)

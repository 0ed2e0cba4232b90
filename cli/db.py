"""`homepage db`: the schema revision of the database, upgrades in place, online backup and
restore."""

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from cli.database import opened
from store import backup as store_backup
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


@app.command("backup")
def backup(path: Annotated[Path, typer.Argument(help="The new backup file.")]) -> None:
    """Write a consistent copy of the database while the server serves and takes writes (of
    an out-of-date one too: the copy to keep before `homepage db upgrade`)."""
    with opened(checked=False) as engine:
        store_backup.backup(engine, path)
    out.print(f"Backed up the database to {path}.")


@app.command("restore")
def restore(
    path: Annotated[Path, typer.Argument(help="A backup made by `homepage db backup`.")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a database another process has open.")
    ] = False,
) -> None:
    """Replace the database with a checked backup, upgraded if an older release made it."""
    with opened(checked=False) as engine:
        before, after = store_backup.restore(engine, path, force=force)
    upgraded = f", upgraded from revision {before}" if before != after else ""
    out.print(f"Restored the database from {path} (revision {after}{upgraded}).")

"""`homepage import bibtex FILE.bib`: add or update publications from a BibTeX file."""

import logging
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table
from sqlmodel import Session

from api.settings import get_settings
from cli.database import opened, refuse
from schemas.archive import OwnedArchive
from seed.errors import PageError
from seed.files import read_text
from seed.parse_bibtex import parse_bibtex
from store.archive import import_owned
from store.engine import write_session
from store.load_bibtex import ImportSummary, load_bibtex
from store.profile import find_profile

app = typer.Typer(help="Import content from other formats.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)


def _summary_table(summary: ImportSummary) -> Table:
    table = Table("added", "updated", "unchanged", "skipped", title="Imported publications")
    table.add_row(
        *(str(n) for n in (summary.added, summary.updated, summary.unchanged)),
        str(len(summary.skipped)),
    )
    return table


@app.command("bibtex")
def import_bibtex(
    file: Annotated[Path, typer.Argument(help="The .bib file to import.")],
    owner: Annotated[
        str | None, typer.Option(help="The owner's name, to mark them among the authors.")
    ] = None,
) -> None:
    """Add each entry as a publication, or update the one imported before under its citation
    key; publications from the page or written through the API are never changed.

    Exit codes: 0 imported, 1 the file cannot be read.
    """
    settings = get_settings()
    logging.getLogger("bibtexparser").setLevel(logging.ERROR)  # its warnings are ours to report
    with opened(settings.database_url) as engine:
        with Session(engine) as session:
            profile = find_profile(session)
        owner = owner or settings.owner_name or (profile.name if profile else None)
        try:
            entries, warnings = parse_bibtex(str(file), read_text(file), owner)
        except PageError as error:
            raise refuse(error) from None
        for warning in warnings:
            err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False, soft_wrap=True)
        summary = load_bibtex(engine, entries)
    for key in summary.skipped:
        err.print(
            f"[yellow]warning:[/yellow] {file}: {key}: a publication from the page or the API "
            "already has this slug; skipped",
            highlight=False,
            soft_wrap=True,
        )
    out.print(_summary_table(summary))


@app.command("json")
def json_import(
    file: Annotated[Path, typer.Argument(help="A file from `homepage export json`.")],
) -> None:
    """Add what another database's API owned (from `homepage export json`), in one transaction.
    Tokens come back on record only: their hashes are never exported, so create new ones."""
    try:
        archive = OwnedArchive.model_validate_json(read_text(file))
    except PageError as error:
        raise refuse(error) from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        problem = f"not an export of homepage-api: {where}: {first['msg']}"
        raise refuse(PageError(str(file), 0, problem)) from None
    with opened() as engine, write_session(engine) as session:
        counts = import_owned(session, archive)
    out.print(
        f"Imported {counts.news} news item(s), {counts.tokens} token record(s) "
        f"and {counts.audit} audit row(s)."
    )

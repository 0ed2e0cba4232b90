"""`homepage export markdown`: the page written back from the store, API news included."""

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from sqlmodel import Session, col, select

from api.formats.markdown import StoredContent, export_page
from api.settings import get_settings
from cli.database import opened
from schemas.common import Source
from schemas.news import News, NewsPublic
from schemas.project import Project, ProjectPublic
from schemas.publication import Publication, PublicationPublic
from seed.errors import PageError
from seed.files import read_text, site_page
from store.archive import export_owned
from store.news import NEWEST_FIRST

app = typer.Typer(help="Write the content out in other formats.", no_args_is_help=True)
err = Console(stderr=True)


def _stored(session: Session) -> StoredContent:
    """What the page shows: every news item, and the works the page owns (BibTeX imports
    stay in their .bib file)."""
    news = session.exec(select(News).order_by(*NEWEST_FIRST))
    publications = session.exec(
        select(Publication)
        .where(col(Publication.source) == Source.seed)
        .order_by(col(Publication.position))
    )
    projects = session.exec(
        select(Project).where(col(Project.source) == Source.seed).order_by(col(Project.position))
    )
    return StoredContent(
        news=[NewsPublic.model_validate(item) for item in news],
        publications=[PublicationPublic.model_validate(work) for work in publications],
        projects=[ProjectPublic.model_validate(work) for work in projects],
    )


@app.command("markdown")
def export_markdown(
    to: Annotated[
        Path | None, typer.Option("--to", help="Write here instead of to standard output.")
    ] = None,
    content: Annotated[
        Path | None, typer.Option(help="The page to write back (default: the seeded one).")
    ] = None,
) -> None:
    """Write the page back: its front matter and prose as they are, News, Publications and
    Projects from the store, so the static site shows what the API serves. Seeding the
    result changes nothing.

    Exit codes: 0 written, 1 the page cannot be read.
    """
    settings = get_settings()
    path = content or settings.content
    try:
        page = site_page(path) if path.is_dir() else path
        text = read_text(page)
    except PageError as error:
        err.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    with opened(settings.database_url) as engine, Session(engine) as session:
        stored = _stored(session)
    written = export_page(text, stored)
    if to is None:
        typer.echo(written, nl=False)
        return
    to.write_text(written, encoding="utf-8")
    err.print(
        f"Wrote {to}: {len(stored.news)} news, {len(stored.publications)} publications, "
        f"{len(stored.projects)} projects.",
        highlight=False,
    )


@app.command("json")
def json_export(
    to: Annotated[Path | None, typer.Option(help="Write here instead of to stdout.")] = None,
) -> None:
    """Everything the API owns, for another database: API news with who wrote them and when,
    token metadata (never a hash) and the audit log."""
    with opened() as engine, Session(engine) as session:
        archive = export_owned(session)
    body = archive.model_dump_json(indent=2) + "\n"
    if to is None:
        typer.echo(body, nl=False)
    else:
        to.write_text(body, encoding="utf-8")

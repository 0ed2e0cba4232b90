"""`homepage export markdown`: the page written back from the store, API news included."""

from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from sqlmodel import Session, col, select

from api.formats.markdown import StoredContent, export_page
from api.formats.site_files import event_file, file_path, work_file
from api.settings import get_settings
from cli.database import opened
from schemas.common import Source
from schemas.event import EventPublic
from schemas.news import News, NewsPublic
from schemas.project import Project, ProjectPublic
from schemas.publication import Publication, PublicationPublic
from schemas.talk import Talk
from schemas.teaching import Teaching
from schemas.work import WorkPublic
from seed.errors import PageError
from seed.files import read_text, site_page
from store.archive import export_owned
from store.news import NEWEST_FIRST

W = TypeVar("W", Publication, Project)
app = typer.Typer(help="Write the content out in other formats.", no_args_is_help=True)
err = Console(stderr=True)


def _seeded(session: Session, model: type[W]) -> list[W]:
    """The works the page or site owns, in order (BibTeX imports stay in their .bib file)."""
    rows = session.exec(
        select(model).where(col(model.source) == Source.seed).order_by(col(model.position))
    )
    return list(rows)


def _stored(
    session: Session, publications: list[Publication], projects: list[Project]
) -> StoredContent:
    """What the page shows: every news item, and the works listed on it."""
    news = session.exec(select(News).order_by(*NEWEST_FIRST))
    return StoredContent(
        news=[NewsPublic.model_validate(item) for item in news],
        publications=[PublicationPublic.model_validate(w) for w in publications if w.on_page],
        projects=[ProjectPublic.model_validate(w) for w in projects if w.on_page],
    )


def _site_files(
    session: Session, publications: list[Publication], projects: list[Project]
) -> dict[str, str]:
    """Every collection file of the site, by its path under the site root."""
    files: dict[str, str] = {}
    for model, folder, collection in (
        (Talk, "_talks", "talks"),
        (Teaching, "_teaching", "teaching"),
    ):
        for event in session.exec(select(model).order_by(col(model.position))):
            files[file_path(folder, event.file, event.slug)] = event_file(
                collection, EventPublic.model_validate(event)
            )
    for works, folder, collection in (
        (publications, "_publications", "publications"),
        (projects, "_portfolio", "portfolio"),
    ):
        for work in works:
            if work.file is not None:
                files[file_path(folder, work.file, work.slug)] = work_file(
                    collection, WorkPublic.model_validate(work)
                )
    return files


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
    Projects from the store, so the static site shows what the API serves. A site (a folder)
    is written to the folder `--to` names: its `_config.yml`, the about page and every
    collection file. Seeding the result changes nothing.

    Exit codes: 0 written, 1 the page cannot be read or a site has no `--to` folder.
    """
    settings = get_settings()
    path = content or settings.content
    try:
        page = site_page(path) if path.is_dir() else path
        text = read_text(page)
        config = read_text(path / "_config.yml") if (path / "_config.yml").is_file() else None
    except PageError as error:
        err.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    if path.is_dir() and (to is None or (to.exists() and not to.is_dir())):
        err.print(
            f"[red]error:[/red] {path} is a site: give `--to DIR`, the folder to write it to.",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
    with opened(settings.database_url) as engine, Session(engine) as session:
        publications, projects = _seeded(session, Publication), _seeded(session, Project)
        stored = _stored(session, publications, projects)
        files = _site_files(session, publications, projects) if path.is_dir() else {}
    written = export_page(text, stored)
    if path.is_dir() and to is not None:
        _write_site(to, page.relative_to(path).as_posix(), written, config, files)
        err.print(
            f"Wrote the site to {to}: the about page ({len(stored.news)} news, "
            f"{len(stored.publications)} publications listed), {len(files)} collection files.",
            highlight=False,
        )
        return
    if to is None:
        typer.echo(written, nl=False)
        return
    to.write_text(written, encoding="utf-8")
    err.print(
        f"Wrote {to}: {len(stored.news)} news, {len(stored.publications)} publications, "
        f"{len(stored.projects)} projects.",
        highlight=False,
    )


def _write_site(
    to: Path, page: str, written: str, config: str | None, files: dict[str, str]
) -> None:
    """Write every file; files already there that the store has no entry for are left as
    they are (only the owner removes files from their site)."""
    outputs = {page: written, **files}
    if config is not None:
        outputs["_config.yml"] = config
    for relative, text in outputs.items():
        target = to / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


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

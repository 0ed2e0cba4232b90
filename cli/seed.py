"""`homepage seed`: parse, check and load the owner's page (or academicpages site)."""

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from api.settings import get_settings
from cli.database import opened, refuse
from schemas.page import PageIn
from seed.errors import PageError
from seed.files import read_content
from seed.parse_page import ParsedPage
from store.load_page import LoadSummary, load_page

out = Console()
err = Console(stderr=True)


def _summary_table(summary: LoadSummary) -> Table:
    table = Table("kind", "total", "added", "updated", "removed", title="Seeded")
    for name, kind in summary.kinds.items():
        table.add_row(name, str(kind.total), str(kind.added), str(kind.updated), str(kind.removed))
    return table


def _check_table(page: PageIn) -> Table:
    table = Table("kind", "items", "first", title=f"Would load (owner: {page.profile.name})")
    rows = {
        "news": [item.text for item in page.news],
        "publications": [work.title for work in page.publications],
        "projects": [work.title for work in page.projects],
        "interests": [interest.area for interest in page.interests],
        "sections": [section.title for section in page.sections],
        "talks": [talk.title for talk in page.talks],
        "teaching": [entry.title for entry in page.teaching],
    }
    for name, items in rows.items():
        first = " ".join(items[0].split())[:60] if items else ""
        table.add_row(name, str(len(items)), first)
    return table


def _files_table(parsed: ParsedPage) -> Table:
    table = Table("file", "what became of it", title="Files read")
    for read in parsed.read:
        outcome = f"{read.outcome}: {read.why}" if read.why else str(read.outcome)
        table.add_row(read.path, outcome)
    return table


def _check_json(parsed: ParsedPage) -> str:
    body = {
        "page": parsed.page.model_dump(mode="json"),
        "files": [
            {"path": read.path, "outcome": read.outcome.name, "why": read.why or None}
            for read in parsed.read
        ],
        "warnings": [str(warning) for warning in parsed.warnings],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)


@contextmanager
def _collection_deferred() -> Iterator[None]:
    """A seed allocates millions of short-lived objects and almost no reference cycles; the
    cyclic collector's repeated passes over them cost a third of a large seed's time."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def seed(
    content: Annotated[
        Path | None, typer.Option(help="The page (or academicpages site root) to load.")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Parse and report what would be loaded; store nothing.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="With --check: print the parsed page as JSON.")
    ] = False,
    keep_samples: Annotated[
        bool,
        typer.Option(
            "--keep-samples",
            help="Load the site template's sample entries too (skipped by default).",
        ),
    ] = False,
) -> None:
    """Parse, check and load the page in one transaction; on error nothing changes.

    Exit codes: 0 loaded (or checked), 1 the page cannot be read (the message names file:line).
    """
    with _collection_deferred():
        _seed(content, check=check, as_json=as_json, keep_samples=keep_samples)


def _seed(content: Path | None, *, check: bool, as_json: bool, keep_samples: bool) -> None:
    settings = get_settings()
    try:
        parsed = read_content(
            content or settings.content, settings.owner_name, keep_samples=keep_samples
        )
    except PageError as error:
        raise refuse(error) from None
    if check:
        _warn(parsed)
        if as_json:
            typer.echo(_check_json(parsed))
        else:
            out.print(_files_table(parsed))
            out.print(_check_table(parsed.page))
            out.print(f"{len(parsed.warnings)} warning(s); nothing was stored.")
        return
    with opened(settings.database_url) as engine:  # an out-of-date database is refused first
        _warn(parsed)
        summary = load_page(engine, parsed.content)
    out.print(_summary_table(summary))
    out.print("Content changed." if summary.changed else "Nothing changed.")


def _warn(parsed: ParsedPage) -> None:
    for warning in parsed.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False, soft_wrap=True)

"""`homepage token create|list|revoke`: tokens for the write endpoints."""

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlmodel import Session

from cli.database import opened
from schemas.token import Scope, TokenPublic
from store.engine import write_session
from store.tokens import create_token, list_tokens, revoke_token

app = typer.Typer(help="Create, list and revoke API tokens.", no_args_is_help=True)
err = Console(stderr=True)
_DURATION = re.compile(r"^(\d{1,5})([hdwy])$")
_UNIT_DAYS = {"h": 1 / 24, "d": 1, "w": 7, "y": 365}


def parse_duration(text: str) -> timedelta | None:
    """`90d`, `12h`, `2w`, `1y`, or `never`."""
    if text == "never":
        return None
    match = _DURATION.match(text.strip().lower())
    if match is None or int(match.group(1)) == 0:
        raise typer.BadParameter("use a number and a unit, like 90d, 12h, 2w or 1y, or 'never'")
    return timedelta(days=int(match.group(1)) * _UNIT_DAYS[match.group(2)])


@contextmanager
def _token_store() -> Iterator[Session]:
    """A write session on the configured database; a refused command exits 1 with its reason."""
    with opened() as engine, write_session(engine) as session:
        yield session


@app.command("create")
def create(
    name: Annotated[str, typer.Option(help="A name to know the token by, e.g. 'laptop'.")],
    scope: Annotated[list[Scope], typer.Option(help="What it may do; repeat for more.")] = [  # noqa: B006
        Scope.news_write
    ],
    expires_in: Annotated[str, typer.Option(help="Lifetime: 90d, 12h, 2w, 1y or never.")] = "90d",
) -> None:
    """Create a token and print it once, alone on stdout; only its hash is stored."""
    lifetime = parse_duration(expires_in)
    if not 1 <= len(name) <= 100 or not name.isprintable():
        raise typer.BadParameter("use 1 to 100 printable characters", param_hint="--name")
    with _token_store() as session:
        token = create_token(session, name, scope, lifetime)
    err.print(f"Token '{name}' created ({', '.join(scope)}). It is shown once; keep it safe:")
    typer.echo(token)


@app.command("list")
def list_(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """List tokens: name, scopes, created, last used, expires. Never the token itself."""
    with _token_store() as session:
        tokens = [
            TokenPublic.model_validate(row, from_attributes=True) for row in list_tokens(session)
        ]
    if as_json:
        typer.echo(json.dumps([token.model_dump(mode="json") for token in tokens], indent=2))
        return
    table = Table("name", "scopes", "created", "last used", "expires", "revoked")
    for token in tokens:
        table.add_row(
            token.name,
            ", ".join(token.scopes),
            f"{token.created_at:%Y-%m-%d %H:%M}",
            f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never",
            f"{token.expires_at:%Y-%m-%d %H:%M}" if token.expires_at else "never",
            f"{token.revoked_at:%Y-%m-%d %H:%M}" if token.revoked_at else "",
        )
    Console().print(table)


@app.command("revoke")
def revoke(name: Annotated[str, typer.Argument(help="The token's name.")]) -> None:
    """Revoke a token at once; requests with it get 401 from then on."""
    with _token_store() as session:
        revoke_token(session, name)
    err.print(f"Token '{name}' revoked.")

"""The `homepage` command. Each sub-command group lives in its own module."""

import typer

from api.cli import seed, serve

app = typer.Typer(
    help="Serve an academic homepage as a typed JSON API.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
app.command()(seed.seed)
app.command()(serve.serve)


def main() -> None:
    app()

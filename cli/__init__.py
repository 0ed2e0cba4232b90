"""The `homepage` command. Each sub-command group lives in its own module."""

import typer

from cli import db, export, imports, news, seed, serve, token

app = typer.Typer(
    help="Serve an academic homepage as a typed JSON API.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
app.command()(seed.seed)
app.command()(serve.serve)
app.add_typer(token.app, name="token")
app.add_typer(news.app, name="news")
app.add_typer(imports.app, name="import")
app.add_typer(export.app, name="export")
app.add_typer(db.app, name="db")


def main() -> None:
    app()

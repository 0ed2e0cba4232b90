"""`homepage news post|edit|delete`: the owner's everyday path, against a running API."""

import datetime as dt
import json
import os
from typing import Annotated, Any

import httpx
import typer
from rich.console import Console

app = typer.Typer(help="Post, edit and delete news on a running API.", no_args_is_help=True)
err = Console(stderr=True)

UrlOption = Annotated[str, typer.Option("--url", envvar="HOMEPAGE_URL", help="The API's base URL.")]
_MESSAGES = {
    401: "The token was refused",
    403: "The token may not write news",
    404: "There is no such news item",
    409: "That item belongs to the Markdown page",
    413: "The text is too long",
    422: "The API did not accept the request",
    429: "Too many failed attempts",
}


def _token() -> str:
    token = os.environ.get("HOMEPAGE_TOKEN", "").strip()
    if not token:
        err.print("[red]error:[/red] set HOMEPAGE_TOKEN to a token from `homepage token create`.")
        raise typer.Exit(2)
    return token


def _detail(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return response.text[:200]
    if isinstance(detail, list):
        return "; ".join(
            f"{'.'.join(str(part) for part in error.get('loc', [])[1:])}: {error.get('msg')}"
            for error in detail
        )
    return str(detail)


def _send(method: str, url: str, payload: dict[str, Any] | None = None) -> httpx.Response:
    try:
        response = httpx.request(
            method, url, json=payload, headers={"Authorization": f"Bearer {_token()}"}, timeout=30
        )
    except httpx.HTTPError as error:
        err.print(f"[red]error:[/red] cannot reach {url}: {error}", highlight=False)
        raise typer.Exit(3) from None
    if response.is_success:
        return response
    summary = _MESSAGES.get(response.status_code, f"The API answered {response.status_code}")
    err.print(f"[red]error:[/red] {summary}: {_detail(response)}", highlight=False)
    if retry := response.headers.get("retry-after"):
        err.print(f"Try again in {retry} seconds.")
    raise typer.Exit(1)


def _print_item(response: httpx.Response) -> None:
    item = response.json()
    typer.echo(json.dumps(item, indent=2, ensure_ascii=False))


def _link_payload(links: list[str]) -> list[dict[str, str]]:
    payload = []
    for link in links:
        label, sep, url = link.partition("=")
        if not sep or not label or not url:
            raise typer.BadParameter("write links as LABEL=URL", param_hint="--link")
        payload.append({"label": label, "url": url})
    return payload


@app.command("post")
def post(
    text: Annotated[str, typer.Argument(help="The news, in Markdown.")],
    url: UrlOption = "http://127.0.0.1:8000",
    date: Annotated[
        dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Default: today.")
    ] = None,
    link: Annotated[list[str] | None, typer.Option(help="LABEL=URL; repeat for more.")] = None,
) -> None:
    """Post a news item."""
    payload: dict[str, Any] = {"text": text, "links": _link_payload(link or [])}
    if date is not None:
        payload["date"] = date.date().isoformat()
    response = _send("POST", f"{url.rstrip('/')}/news", payload)
    err.print(f"Posted: {response.headers.get('location', '')}")
    _print_item(response)


@app.command("edit")
def edit(
    slug: Annotated[str, typer.Argument(help="The item's slug.")],
    url: UrlOption = "http://127.0.0.1:8000",
    text: Annotated[str | None, typer.Option(help="New text, in Markdown.")] = None,
    date: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"])] = None,
) -> None:
    """Change the text or date of a news item posted through the API."""
    payload: dict[str, Any] = {}
    if text is not None:
        payload["text"] = text
    if date is not None:
        payload["date"] = date.date().isoformat()
    if not payload:
        raise typer.BadParameter("give --text or --date")
    _print_item(_send("PATCH", f"{url.rstrip('/')}/news/{slug}", payload))


@app.command("delete")
def delete(
    slug: Annotated[str, typer.Argument(help="The item's slug.")],
    url: UrlOption = "http://127.0.0.1:8000",
) -> None:
    """Delete a news item posted through the API."""
    _send("DELETE", f"{url.rstrip('/')}/news/{slug}")
    err.print(f"Deleted {slug}.")

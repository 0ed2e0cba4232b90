"""The URLs the API writes, from one configured public base URL, never from the request's
`Host` or forwarded headers, which a client chooses and the response cache does not key on.

With `HOMEPAGE_PUBLIC_URL` unset, references a client resolves against the request (`Link`,
`Location`) are relative, and ids that must be absolute (Atom ids, JSON-LD `@id`) use a fixed
default origin, so they never change with the host name a reader used.
"""

from collections.abc import Iterable
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import Request

from api.settings import Settings

DEFAULT_ORIGIN = "http://127.0.0.1:8000"
_URL_SAFE = "/?&=%-._~!$'()*+,;:@"


def _public(request: Request) -> str | None:
    settings: Settings = request.app.state.settings
    return settings.public_url


def _path(request: Request, route: str | None, params: dict[str, str]) -> str:
    if route is not None:
        return str(request.app.url_path_for(route, **params))
    url = request.url
    return url.path + (f"?{url.query}" if url.query else "")


def reference(request: Request, route: str | None = None, /, **params: str) -> str:
    """A route's URL (this request's, with `route` None) for a client to follow: under the
    public URL when one is set, else relative. Percent-encoded, since it goes in a header
    (`Location`), which holds only ASCII: `/news/2025-05-ξ` is `/news/2025-05-%CE%BE`."""
    return (_public(request) or "") + quote(_path(request, route, params), safe=_URL_SAFE)


def page_references(request: Request, pages: Iterable[tuple[int, int]]) -> list[str]:
    """This list's URL with each `(offset, limit)` of `pages`, for a `Link` header: the other
    query parameters kept in their order, `offset` and `limit` last (the request's URL is
    read, split and the kept parameters encoded once for all of them)."""
    url = request.url
    kept = urlencode(
        [
            (key, value)
            for key, value in parse_qsl(url.query, keep_blank_values=True)
            if key not in ("offset", "limit")
        ]
    )
    base = (_public(request) or "") + url.path + "?" + (kept + "&" if kept else "")
    return [base + f"offset={offset}&limit={limit}" for offset, limit in pages]


def identifier(request: Request, route: str | None = None, /, **params: str) -> str:
    """A route's URL as an id that must be absolute and stable: the public URL, or the
    default origin."""
    return (_public(request) or DEFAULT_ORIGIN) + _path(request, route, params)

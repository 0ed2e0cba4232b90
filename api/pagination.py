"""`X-Total-Count` and an RFC 8288 `Link` header (first, prev, next, last) on list responses."""

from fastapi import Request, Response

from api.deps import PageParams
from api.urls import page_references


def set_page_headers(request: Request, response: Response, page: PageParams, total: int) -> None:
    response.headers["X-Total-Count"] = str(total)
    pages = [(0, "first")]
    if page.offset > 0:
        pages.append((max(0, page.offset - page.limit), "prev"))
    if page.offset + page.limit < total:
        pages.append((page.offset + page.limit, "next"))
    pages.append((max(0, (total - 1) // page.limit * page.limit), "last"))
    urls = page_references(request, ((offset, page.limit) for offset, _ in pages))
    response.headers["Link"] = ", ".join(
        f'<{url}>; rel="{rel}"' for url, (_, rel) in zip(urls, pages, strict=True)
    )

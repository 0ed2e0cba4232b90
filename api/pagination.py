"""`X-Total-Count` and an RFC 8288 `Link` header (first, prev, next, last) on list responses."""

from fastapi import Request, Response

from api.deps import PageParams
from api.urls import page_reference


def _page_url(request: Request, offset: int, limit: int) -> str:
    return page_reference(request, offset=offset, limit=limit)


def set_page_headers(request: Request, response: Response, page: PageParams, total: int) -> None:
    response.headers["X-Total-Count"] = str(total)
    links = [f'<{_page_url(request, 0, page.limit)}>; rel="first"']
    if page.offset > 0:
        previous = max(0, page.offset - page.limit)
        links.append(f'<{_page_url(request, previous, page.limit)}>; rel="prev"')
    if page.offset + page.limit < total:
        links.append(f'<{_page_url(request, page.offset + page.limit, page.limit)}>; rel="next"')
    last = max(0, (total - 1) // page.limit * page.limit)
    links.append(f'<{_page_url(request, last, page.limit)}>; rel="last"')
    response.headers["Link"] = ", ".join(links)

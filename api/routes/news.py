from fastapi import Request, Response, status
from pydantic import TypeAdapter

from api.auth import NewsWriter
from api.deps import NewsItemDep, PageDep, SessionDep, WriteSessionDep
from api.errors import NOT_FOUND, WRITE_ERRORS
from api.json_lists import json_list
from api.pagination import set_page_headers
from api.routes import resource_router
from api.urls import reference
from schemas.news import News, NewsCreate, NewsPublic, NewsUpdate
from store import news as store
from store import news_writes

router = resource_router("news")
NEWS = TypeAdapter(list[NewsPublic])

_BY_SLUG = {"slug": "$response.body#/slug"}
CREATED_LINKS = {
    name: {"operationId": name, "parameters": _BY_SLUG}
    for name in ("read_news", "update_news", "delete_news")
}


@router.get("/news", response_model=list[NewsPublic])
def list_news(request: Request, session: SessionDep, page: PageDep) -> Response:
    """News, newest first; undated items last, in page order."""
    items, total = store.list_news(session, page.limit, page.offset)
    response = json_list(NEWS, items)
    set_page_headers(request, response, page, total)
    return response


@router.get("/news/{slug}", response_model=NewsPublic, responses=NOT_FOUND)
def read_news(item: NewsItemDep) -> News:
    """One news item by its slug."""
    return item


@router.post(
    "/news",
    response_model=NewsPublic,
    status_code=status.HTTP_201_CREATED,
    responses={**WRITE_ERRORS, 201: {"description": "The item as stored.", "links": CREATED_LINKS}},
)
def create_news(
    body: NewsCreate,
    request: Request,
    response: Response,
    session: WriteSessionDep,
    caller: NewsWriter,
) -> News:
    """Post a news item (needs a token with `news:write`); its date defaults to today."""
    item = news_writes.create_news(session, body, caller.token_name)
    response.headers["Location"] = reference(request, "read_news", slug=item.slug)
    return item


@router.patch("/news/{slug}", response_model=NewsPublic, responses=WRITE_ERRORS)
def update_news(slug: str, body: NewsUpdate, session: WriteSessionDep, caller: NewsWriter) -> News:
    """Change a news item posted through the API; items from the page are edited in the page."""
    return news_writes.update_news(session, slug, body, caller.token_name)


@router.delete("/news/{slug}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_ERRORS)
def delete_news(slug: str, session: WriteSessionDep, caller: NewsWriter) -> None:
    """Delete a news item posted through the API."""
    news_writes.delete_news(session, slug, caller.token_name)

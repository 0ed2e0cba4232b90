from fastapi import APIRouter, Request, Response

from api.deps import PageDep, SessionDep
from api.errors import NOT_FOUND, found
from api.pagination import set_page_headers
from api.store import news as store
from schemas.news import News, NewsPublic

router = APIRouter(tags=["news"])


@router.get("/news", response_model=list[NewsPublic])
def list_news(
    request: Request, response: Response, session: SessionDep, page: PageDep
) -> list[News]:
    """News, newest first; undated items last, in page order."""
    items, total = store.list_news(session, page.limit, page.offset)
    set_page_headers(request, response, page, total)
    return items


@router.get("/news/{slug}", response_model=NewsPublic, responses=NOT_FOUND)
def read_news(slug: str, session: SessionDep) -> News:
    """One news item by its slug."""
    return found(store.read_news(session, slug), "News item", slug)

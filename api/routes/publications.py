from fastapi import APIRouter, Request, Response

from api.deps import PageDep, SessionDep
from api.errors import NOT_FOUND, found
from api.pagination import set_page_headers
from api.routes.filters import FiltersDep
from api.store.works import list_works, read_work
from schemas.publication import Publication, PublicationPublic

router = APIRouter(tags=["publications"])


@router.get("/publications", response_model=list[PublicationPublic])
def list_publications(
    request: Request, response: Response, session: SessionDep, filters: FiltersDep, page: PageDep
) -> list[Publication]:
    """Publications in page order, filtered by year, author, venue or words (`q`)."""
    items, total = list_works(session, Publication, filters, page.limit, page.offset)
    set_page_headers(request, response, page, total)
    return items


@router.get("/publications/{slug}", response_model=PublicationPublic, responses=NOT_FOUND)
def read_publication(slug: str, session: SessionDep) -> Publication:
    """One publication by its slug."""
    return found(read_work(session, Publication, slug), "Publication", slug)

from fastapi import APIRouter, Request, Response

from api.deps import EventFiltersDep, PageDep, SessionDep, TeachingDep
from api.errors import NOT_FOUND
from api.formats.jsonld_events import JSONLD_CONTENT, course, events_jsonld
from api.formats.media import prefers_jsonld
from api.pagination import set_page_headers
from schemas.teaching import Teaching, TeachingPublic
from store.events import list_events

router = APIRouter(tags=["teaching"])


@router.get("/teaching", response_model=list[TeachingPublic], responses=JSONLD_CONTENT)
def list_teaching(
    request: Request,
    response: Response,
    session: SessionDep,
    filters: EventFiltersDep,
    page: PageDep,
) -> list[Teaching] | Response:
    """Courses, lectures and labs taught, newest first (undated ones last), filtered by year or
    words (`q`); `Accept` may ask for JSON-LD (schema.org Courses)."""
    items, total = list_events(session, Teaching, filters, page.limit, page.offset)
    if prefers_jsonld(request.headers.get("accept")):
        entries = [TeachingPublic.model_validate(item) for item in items]
        document = events_jsonld(request, "read_teaching", course, entries, one=False)
        set_page_headers(request, document, page, total)
        return document
    set_page_headers(request, response, page, total)
    return items


@router.get(
    "/teaching/{slug}", response_model=TeachingPublic, responses={**NOT_FOUND, **JSONLD_CONTENT}
)
def read_teaching(entry: TeachingDep, request: Request) -> Teaching | Response:
    """One teaching entry by its slug; `Accept` may ask for JSON-LD (a schema.org Course)."""
    if prefers_jsonld(request.headers.get("accept")):
        return events_jsonld(
            request, "read_teaching", course, [TeachingPublic.model_validate(entry)], one=True
        )
    return entry

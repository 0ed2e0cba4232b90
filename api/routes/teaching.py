from fastapi import Request, Response
from pydantic import TypeAdapter

from api.deps import EventFiltersDep, PageDep, SessionDep, TeachingDep
from api.errors import NOT_FOUND
from api.formats.jsonld_events import JSONLD_CONTENT, course, events_jsonld
from api.formats.media import prefers_jsonld
from api.json_lists import json_list
from api.pagination import set_page_headers
from api.routes import resource_router
from schemas.teaching import Teaching, TeachingPublic
from store.events import list_events

router = resource_router("teaching")
TEACHING = TypeAdapter(list[TeachingPublic])


@router.get("/teaching", response_model=list[TeachingPublic], responses=JSONLD_CONTENT)
def list_teaching(
    request: Request,
    session: SessionDep,
    filters: EventFiltersDep,
    page: PageDep,
) -> Response:
    """Courses, lectures and labs taught, newest first (undated ones last), filtered by year or
    words (`q`); `Accept` may ask for JSON-LD (schema.org Courses)."""
    items, total = list_events(session, Teaching, filters, page.limit, page.offset)
    if prefers_jsonld(request.headers.get("accept")):
        entries = [TeachingPublic.model_validate(item) for item in items]
        response = events_jsonld(request, "read_teaching", course, entries, one=False)
    else:
        response = json_list(TEACHING, items)
    set_page_headers(request, response, page, total)
    return response


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

from fastapi import Request, Response
from pydantic import TypeAdapter

from api.deps import EventFiltersDep, PageDep, SessionDep, TalkDep
from api.errors import NOT_FOUND
from api.formats.jsonld_events import JSONLD_CONTENT, events_jsonld, talk_event
from api.formats.media import prefers_jsonld
from api.json_lists import json_list
from api.pagination import set_page_headers
from api.routes import resource_router
from schemas.talk import Talk, TalkPublic
from store.events import list_events

router = resource_router("talks")
TALKS = TypeAdapter(list[TalkPublic])


@router.get("/talks", response_model=list[TalkPublic], responses=JSONLD_CONTENT)
def list_talks(
    request: Request,
    session: SessionDep,
    filters: EventFiltersDep,
    page: PageDep,
) -> Response:
    """Talks newest first (undated ones last), filtered by year or words (`q`); `Accept` may
    ask for JSON-LD (schema.org Events)."""
    items, total = list_events(session, Talk, filters, page.limit, page.offset)
    if prefers_jsonld(request.headers.get("accept")):
        talks = [TalkPublic.model_validate(item) for item in items]
        response = events_jsonld(request, "read_talk", talk_event, talks, one=False)
    else:
        response = json_list(TALKS, items)
    set_page_headers(request, response, page, total)
    return response


@router.get("/talks/{slug}", response_model=TalkPublic, responses={**NOT_FOUND, **JSONLD_CONTENT})
def read_talk(talk: TalkDep, request: Request) -> Talk | Response:
    """One talk by its slug; `Accept` may ask for JSON-LD (a schema.org Event)."""
    if prefers_jsonld(request.headers.get("accept")):
        return events_jsonld(
            request, "read_talk", talk_event, [TalkPublic.model_validate(talk)], one=True
        )
    return talk

"""schema.org JSON-LD: the owner as a Person, publications as ScholarlyArticles, talks as
Events and teaching as Courses."""

from typing import Any

from fastapi import Request, Response
from sqlmodel import col, select

from api.deps import (
    EventFiltersDep,
    FiltersDep,
    ProfileDep,
    PublicationDep,
    SessionDep,
    TalkDep,
    TeachingDep,
)
from api.errors import NO_PROFILE, NOT_FOUND
from api.formats import jsonld
from api.formats.jsonld_events import course, events_jsonld, talk_event
from api.formats.media import JSONLDResponse
from api.formats.negotiation import jsonld_response
from api.routes import resource_router
from api.urls import identifier
from schemas.interest import Interest, InterestPublic
from schemas.profile import ProfilePublic
from schemas.publication import PublicationPublic
from schemas.talk import Talk, TalkPublic
from schemas.teaching import Teaching, TeachingPublic
from store.bibliography import matching_publications
from store.events import every_event

JSONLDDocument = dict[str, Any]


profile_documents = resource_router("profile")
publication_documents = resource_router("publications")
talk_documents = resource_router("talks")
teaching_documents = resource_router("teaching")


@profile_documents.get(
    "/profile.jsonld",
    response_model=JSONLDDocument,
    response_class=JSONLDResponse,
    responses=NO_PROFILE,
)
def read_profile_jsonld(request: Request, session: SessionDep, profile: ProfileDep) -> Response:
    """The owner as a schema.org Person: name, affiliation, `sameAs` profiles, `knowsAbout`."""
    interests = session.exec(select(Interest).order_by(col(Interest.position)))
    node = jsonld.person(
        ProfilePublic.model_validate(profile),
        [InterestPublic.model_validate(interest) for interest in interests],
        f"{identifier(request, 'read_profile')}#person",
    )
    return JSONLDResponse(node)


@publication_documents.get(
    "/publications.jsonld", response_model=JSONLDDocument, response_class=JSONLDResponse
)
def list_publications_jsonld(
    request: Request, session: SessionDep, filters: FiltersDep
) -> Response:
    """Every publication that matches the filters, as schema.org ScholarlyArticles (`@graph`)."""
    return jsonld_response(request, matching_publications(session, filters), one=False)


@publication_documents.get(
    "/publications/{slug}.jsonld",
    response_model=JSONLDDocument,
    response_class=JSONLDResponse,
    responses=NOT_FOUND,
)
def read_publication_jsonld(request: Request, publication: PublicationDep) -> Response:
    """One publication as a schema.org ScholarlyArticle, its authors in order."""
    return jsonld_response(request, [PublicationPublic.model_validate(publication)], one=True)


@talk_documents.get("/talks.jsonld", response_model=JSONLDDocument, response_class=JSONLDResponse)
def list_talks_jsonld(request: Request, session: SessionDep, filters: EventFiltersDep) -> Response:
    """Every talk that matches the filters, newest first, as schema.org Events (`@graph`)."""
    talks = [TalkPublic.model_validate(row) for row in every_event(session, Talk, filters)]
    return events_jsonld(request, "read_talk", talk_event, talks, one=False)


@talk_documents.get(
    "/talks/{slug}.jsonld",
    response_model=JSONLDDocument,
    response_class=JSONLDResponse,
    responses=NOT_FOUND,
)
def read_talk_jsonld(request: Request, talk: TalkDep) -> Response:
    """One talk as a schema.org Event: when, where (venue and location), and its links."""
    return events_jsonld(
        request, "read_talk", talk_event, [TalkPublic.model_validate(talk)], one=True
    )


@teaching_documents.get(
    "/teaching.jsonld", response_model=JSONLDDocument, response_class=JSONLDResponse
)
def list_teaching_jsonld(
    request: Request, session: SessionDep, filters: EventFiltersDep
) -> Response:
    """Every teaching entry that matches the filters, newest first, as schema.org Courses."""
    rows = every_event(session, Teaching, filters)
    entries = [TeachingPublic.model_validate(row) for row in rows]
    return events_jsonld(request, "read_teaching", course, entries, one=False)


@teaching_documents.get(
    "/teaching/{slug}.jsonld",
    response_model=JSONLDDocument,
    response_class=JSONLDResponse,
    responses=NOT_FOUND,
)
def read_teaching_jsonld(request: Request, entry: TeachingDep) -> Response:
    """One teaching entry as a schema.org Course, provided by the venue, with its instance."""
    return events_jsonld(
        request, "read_teaching", course, [TeachingPublic.model_validate(entry)], one=True
    )


routers = (profile_documents, publication_documents, talk_documents, teaching_documents)

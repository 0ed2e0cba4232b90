"""schema.org JSON-LD: the owner as a Person, publications as ScholarlyArticles."""

from typing import Any

from fastapi import APIRouter, Request, Response
from sqlmodel import col, select

from api.deps import FiltersDep, ProfileDep, PublicationDep, SessionDep
from api.errors import NO_PROFILE, NOT_FOUND
from api.formats import jsonld
from api.formats.media import JSONLDResponse
from api.formats.negotiation import jsonld_response
from api.urls import identifier
from schemas.interest import Interest, InterestPublic
from schemas.profile import ProfilePublic
from schemas.publication import PublicationPublic
from store.bibliography import matching_publications

JSONLDDocument = dict[str, Any]


profile_documents = APIRouter(tags=["profile"])
publication_documents = APIRouter(tags=["publications"])


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


router = APIRouter()
router.include_router(profile_documents)
router.include_router(publication_documents)

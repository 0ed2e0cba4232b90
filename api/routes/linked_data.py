"""schema.org JSON-LD: the owner as a Person, publications as ScholarlyArticles."""

from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response, status
from sqlmodel import col, select

from api.deps import SessionDep
from api.errors import NOT_FOUND, ErrorPublic, found
from api.formats import jsonld
from api.formats.media import JSONLDResponse
from api.routes.filters import FiltersDep
from api.routes.negotiation import jsonld_response
from api.store.bibliography import matching_publications
from api.store.works import read_work
from schemas.interest import Interest, InterestPublic
from schemas.profile import Profile, ProfilePublic
from schemas.publication import Publication, PublicationPublic

JSONLDDocument = dict[str, Any]


profile_documents = APIRouter(tags=["profile"])
publication_documents = APIRouter(tags=["publications"])


@profile_documents.get(
    "/profile.jsonld",
    response_model=JSONLDDocument,
    response_class=JSONLDResponse,
    responses={404: {"model": ErrorPublic, "description": "Nothing has been seeded yet."}},
)
def read_profile_jsonld(request: Request, session: SessionDep) -> Response:
    """The owner as a schema.org Person: name, affiliation, `sameAs` profiles, `knowsAbout`."""
    profile = session.get(Profile, 1)
    if profile is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No profile yet: run `homepage seed` first.")
    interests = session.exec(select(Interest).order_by(col(Interest.position)))
    node = jsonld.person(
        ProfilePublic.model_validate(profile),
        [InterestPublic.model_validate(interest) for interest in interests],
        f"{request.url_for('read_profile')}#person",
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
def read_publication_jsonld(slug: str, request: Request, session: SessionDep) -> Response:
    """One publication as a schema.org ScholarlyArticle, its authors in order."""
    row = found(read_work(session, Publication, slug), "Publication", slug)
    return jsonld_response(request, [PublicationPublic.model_validate(row)], one=True)


router = APIRouter()
router.include_router(profile_documents)
router.include_router(publication_documents)

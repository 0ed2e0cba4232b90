from typing import Annotated, Literal

from fastapi import Query, Request, Response
from pydantic import Field, TypeAdapter

from api.deps import PublicationDep, ReadEngineDep, SessionDep, WorkListParams
from api.errors import NOT_FOUND
from api.formats.negotiation import negotiated, negotiated_content
from api.grouping import by_year
from api.json_lists import json_list
from api.middleware.cache import read_at
from api.pagination import set_page_headers
from api.routes import resource_router
from schemas.publication import Publication, PublicationPublic, PublicationYear
from store.works import list_works

router = resource_router("publications")
PUBLICATIONS = TypeAdapter(list[PublicationPublic])
YEARS = TypeAdapter(list[PublicationYear])


class PublicationListParams(WorkListParams):
    group_by: Literal["year"] | None = Field(
        None,
        description="`year`: the page's publications as `[{year, publications}]`, newest first.",
    )


@router.get(
    "/publications",
    response_model=list[PublicationPublic] | list[PublicationYear],
    responses=negotiated_content(one=False),
)
def list_publications(
    request: Request, engine: ReadEngineDep, params: Annotated[PublicationListParams, Query()]
) -> Response:
    """Publications in page order, filtered by year, author, venue, words (`q`) or `featured`;
    `group_by=year` groups the page by year. `Accept` may ask for CSL-JSON, BibTeX or JSON-LD."""
    with engine.connect() as connection:  # in the handler's thread, as are its queries
        filters = params.filters()
        found = list_works(connection, PublicationPublic, filters, params.limit, params.offset)
        read_at(request, found.version)  # the citation formats read after it, never before
        items = found.items
        response = negotiated(request, connection, items, one=False)
    if response is None:
        grouped = params.group_by == "year"
        response = json_list(YEARS, by_year(items)) if grouped else json_list(PUBLICATIONS, items)
    set_page_headers(request, response, params, found.total)
    return response


@router.get(
    "/publications/{slug}",
    response_model=PublicationPublic,
    responses={**NOT_FOUND, **negotiated_content(one=True)},
)
def read_publication(
    publication: PublicationDep, request: Request, session: SessionDep
) -> Publication | Response:
    """One publication by its slug; `Accept` may ask for CSL-JSON, BibTeX or JSON-LD."""
    return negotiated(request, session.connection(), [publication], one=True) or publication

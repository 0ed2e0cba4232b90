"""Publications as BibTeX and CSL-JSON files, one or all (with the list's filters)."""

from typing import Any

from fastapi import Response

from api.deps import FiltersDep, PublicationDep, SessionDep
from api.errors import NOT_FOUND
from api.formats.media import BIBTEX, BibTeXResponse, CSLResponse
from api.formats.negotiation import bibtex_response, csl_response
from api.routes import resource_router
from schemas.csl import CSLItem
from schemas.publication import PublicationPublic
from store.bibliography import matching_publications

router = resource_router("publications")

BIBTEX_FILE: dict[int | str, dict[str, Any]] = {
    200: {"content": {BIBTEX: {"schema": {"type": "string"}}}, "description": "BibTeX entries."}
}


@router.get("/publications.bib", response_class=BibTeXResponse, responses=BIBTEX_FILE)
def list_publications_bibtex(session: SessionDep, filters: FiltersDep) -> Response:
    """Every publication that matches the filters, as a `.bib` file in page order."""
    return bibtex_response(session, matching_publications(session, filters))


@router.get(
    "/publications/{slug}.bib",
    response_class=BibTeXResponse,
    responses={**BIBTEX_FILE, **NOT_FOUND},
)
def read_publication_bibtex(publication: PublicationDep, session: SessionDep) -> Response:
    """One publication as a BibTeX entry; its citation key is the same in every listing."""
    return bibtex_response(session, [PublicationPublic.model_validate(publication)])


@router.get(
    "/publications.csl.json",
    response_model=list[CSLItem],
    response_class=CSLResponse,
)
def list_publications_csl(session: SessionDep, filters: FiltersDep) -> Response:
    """Every publication that matches the filters, as CSL-JSON items (also served on
    `/publications` to `Accept: application/vnd.citationstyles.csl+json`)."""
    return csl_response(session, matching_publications(session, filters), one=False)


@router.get(
    "/publications/{slug}.csl.json",
    response_model=CSLItem,
    response_class=CSLResponse,
    responses=NOT_FOUND,
)
def read_publication_csl(publication: PublicationDep, session: SessionDep) -> Response:
    """One publication as a CSL-JSON item."""
    return csl_response(session, [PublicationPublic.model_validate(publication)], one=True)

"""Publications as BibTeX and CSL-JSON files, one or all (with the list's filters)."""

from typing import Any

from fastapi import APIRouter, Response

from api.deps import SessionDep
from api.errors import NOT_FOUND, found
from api.formats.media import BIBTEX, BibTeXResponse, CSLResponse
from api.routes.filters import FiltersDep
from api.routes.negotiation import bibtex_response, csl_response
from api.store.bibliography import matching_publications
from api.store.works import read_work
from schemas.csl import CSLItem
from schemas.publication import Publication, PublicationPublic

router = APIRouter(tags=["publications"])

BIBTEX_FILE: dict[int | str, dict[str, Any]] = {
    200: {"content": {BIBTEX: {"schema": {"type": "string"}}}, "description": "BibTeX entries."}
}


def _one(session: SessionDep, slug: str) -> list[PublicationPublic]:
    row = found(read_work(session, Publication, slug), "Publication", slug)
    return [PublicationPublic.model_validate(row)]


@router.get("/publications.bib", response_class=BibTeXResponse, responses=BIBTEX_FILE)
def list_publications_bibtex(session: SessionDep, filters: FiltersDep) -> Response:
    """Every publication that matches the filters, as a `.bib` file in page order."""
    return bibtex_response(session, matching_publications(session, filters))


@router.get(
    "/publications/{slug}.bib",
    response_class=BibTeXResponse,
    responses={**BIBTEX_FILE, **NOT_FOUND},
)
def read_publication_bibtex(slug: str, session: SessionDep) -> Response:
    """One publication as a BibTeX entry; its citation key is the same in every listing."""
    return bibtex_response(session, _one(session, slug))


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
def read_publication_csl(slug: str, session: SessionDep) -> Response:
    """One publication as a CSL-JSON item."""
    return csl_response(session, _one(session, slug), one=True)

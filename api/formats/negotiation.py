"""Publications in a citation format: by URL suffix (`.bib`, `.csl.json`, `.jsonld`) or, on the
plain URLs, by `Accept`. The response cache keys on `Accept`, so both are cached apart."""

from collections.abc import Sequence
from typing import Any

from fastapi import Request, Response
from sqlalchemy.engine import Connection
from sqlmodel import Session

from api.formats import jsonld
from api.formats.bibtex import citation_keys, to_bibtex
from api.formats.csl import to_csl
from api.formats.media import (
    BIBTEX,
    CSL_JSON,
    JSON_LD,
    BibTeXResponse,
    CSLResponse,
    JSONLDResponse,
    preferred_format,
)
from api.urls import identifier
from schemas.csl import CSLItem
from schemas.publication import Publication, PublicationPublic
from store.bibliography import every_publication

_CSL_ITEM = {"$ref": "#/components/schemas/CSLItem"}


def negotiated_content(*, one: bool) -> dict[int | str, dict[str, Any]]:
    """The formats a plain publication URL also answers in, for the OpenAPI document."""
    csl = _CSL_ITEM if one else {"type": "array", "items": _CSL_ITEM}
    content = {
        CSL_JSON: {"schema": csl},
        BIBTEX: {"schema": {"type": "string"}},
        JSON_LD: {"schema": {"type": "object", "additionalProperties": True}},
    }
    return {200: {"content": content, "description": "JSON, or the format `Accept` asks for."}}


def keys_for(session: Session) -> dict[str, str]:
    return citation_keys(every_publication(session))


def csl_body(items: Sequence[CSLItem]) -> list[dict[str, Any]]:
    return [item.model_dump(mode="json", by_alias=True, exclude_none=True) for item in items]


def bibtex_response(session: Session, publications: Sequence[PublicationPublic]) -> Response:
    return BibTeXResponse(to_bibtex(publications, keys_for(session)))


def csl_response(
    session: Session, publications: Sequence[PublicationPublic], *, one: bool
) -> Response:
    body = csl_body(to_csl(publications, keys_for(session)))
    return CSLResponse(body[0] if one else body)


def jsonld_response(
    request: Request, publications: Sequence[PublicationPublic], *, one: bool
) -> Response:
    person_id = f"{identifier(request, 'read_profile')}#person"
    articles = [
        jsonld.scholarly_article(p, identifier(request, "read_publication", slug=p.slug), person_id)
        for p in publications
    ]
    return JSONLDResponse(articles[0] if one else jsonld.graph(articles))


def negotiated(
    request: Request,
    connection: Connection,
    rows: Sequence[Publication | PublicationPublic],
    *,
    one: bool,
) -> Response | None:
    """The format `Accept` asks for before JSON, or None for the plain JSON answer. The
    citation formats read every publication (for their keys) through a session on
    `connection`, made only then."""
    wanted = preferred_format(request.headers.get("accept"))
    if wanted is None:
        return None
    publications = [PublicationPublic.model_validate(row) for row in rows]
    if wanted == JSON_LD:
        return jsonld_response(request, publications, one=one)
    with Session(bind=connection) as session:
        if wanted == CSL_JSON:
            return csl_response(session, publications, one=one)
        return bibtex_response(session, publications)

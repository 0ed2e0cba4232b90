"""Media types of the formats, and a response class for each so OpenAPI names them."""

from fastapi.responses import JSONResponse, Response

BIBTEX = "application/x-bibtex"
CSL_JSON = "application/vnd.citationstyles.csl+json"
JSON_LD = "application/ld+json"
ATOM = "application/atom+xml"
RSS = "application/rss+xml"


class BibTeXResponse(Response):
    media_type = BIBTEX


class CSLResponse(JSONResponse):
    media_type = CSL_JSON


class JSONLDResponse(JSONResponse):
    media_type = JSON_LD


class AtomResponse(Response):
    media_type = ATOM


class RSSResponse(Response):
    media_type = RSS


def accepts(accept: str | None, media_type: str) -> bool:
    """Whether an `Accept` header asks for this media type before (or instead of) JSON."""
    for part in (accept or "").split(","):
        name, *params = (piece.strip() for piece in part.split(";"))
        if name.lower() == media_type and "q=0" not in params:
            return True
        if name.lower() in ("application/json", "*/*", "application/*"):
            return False
    return False

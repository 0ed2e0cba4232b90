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


_INLINE_UNSAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


class JSONLDResponse(JSONResponse):
    """JSON-LD that can go as it is into a `<script type="application/ld+json">` block: `<`,
    `>`, `&` and the JavaScript line separators are written as `\\u` escapes, so no title
    can close the script."""

    media_type = JSON_LD

    def render(self, content: object) -> bytes:
        return super().render(content).decode("utf-8").translate(_INLINE_UNSAFE).encode("utf-8")


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

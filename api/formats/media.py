"""Media types of the formats, and a response class for each so OpenAPI names them."""

import mimeparse
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


_OFFERED = (JSON_LD, BIBTEX, CSL_JSON, "application/json")
"""What a publication URL can answer in; on a tie (`*/*`) the last, JSON, wins."""


def preferred_format(accept: str | None) -> str | None:
    """The citation format `Accept` prefers to JSON (q-values honoured, by python-mimeparse),
    or None for JSON: when JSON wins, nothing offered is acceptable, or the header is not
    one a parser can read."""
    try:
        best = mimeparse.best_match(list(_OFFERED), accept or "")
    except ValueError:
        return None
    return best if best in (JSON_LD, BIBTEX, CSL_JSON) else None
    return False


def prefers_jsonld(accept: str | None) -> bool:
    """Whether `Accept` prefers JSON-LD to JSON, for the URLs that answer in only those two."""
    try:
        best = mimeparse.best_match([JSON_LD, "application/json"], accept or "")
    except ValueError:
        return False
    return bool(best == JSON_LD)

"""Identifiers that links carry: an arXiv id, a DOI."""

import re
from collections.abc import Sequence

from schemas.common import Link

_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/([\w.\-/]+?)(?:v\d+)?(?:\.pdf)?$")
_DOI = re.compile(r"doi\.org/(10\.\S+)$")


def arxiv_id(links: Sequence[Link]) -> str | None:
    return next((m.group(1) for link in links if (m := _ARXIV.search(link.url))), None)


def doi(links: Sequence[Link]) -> str | None:
    return next((m.group(1) for link in links if (m := _DOI.search(link.url))), None)

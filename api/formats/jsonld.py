"""schema.org JSON-LD: a Person for the profile, a ScholarlyArticle per publication with its
authors in order; each usable as it is in a `<script type="application/ld+json">` block."""

import re
from collections.abc import Sequence
from typing import Any

from api.formats.identifiers import doi
from api.formats.venues import VenueKind, venue_kind
from schemas.common import LinkKind
from schemas.interest import InterestPublic
from schemas.profile import ProfilePublic
from schemas.publication import PublicationPublic

JSONLD = dict[str, Any]
CONTEXT = "https://schema.org"
_PROFILE_HOSTS = re.compile(
    r"^https?://(?:[\w-]+\.)*(?:scholar\.google\.[\w.]+/citations|orcid\.org/|github\.com/[^/]+/?$|"
    r"gitlab\.com/[^/]+/?$|linkedin\.com/in/|twitter\.com/|x\.com/|dblp\.[\w.]+/pid/|"
    r"semanticscholar\.org/author/|researchgate\.net/profile/|openreview\.net/profile|"
    r"bsky\.app/profile/|mastodon\.)",
    re.IGNORECASE,
)


def person(profile: ProfilePublic, interests: Sequence[InterestPublic], person_id: str) -> JSONLD:
    """The owner; `sameAs` lists the links that are the owner's own profiles elsewhere."""
    node: JSONLD = {"@context": CONTEXT, "@type": "Person", "@id": person_id}
    if profile.name:
        node["name"] = profile.name
    if profile.affiliation:
        organization: JSONLD = {"@type": "Organization", "name": profile.affiliation}
        if profile.affiliation_url:
            organization["url"] = profile.affiliation_url
        node["affiliation"] = organization
    same_as = [link.url for link in profile.links if _PROFILE_HOSTS.match(link.url)]
    if same_as:
        node["sameAs"] = same_as
    topics = [topic for interest in interests for topic in [interest.area, *interest.topics]]
    if topics:
        node["knowsAbout"] = topics
    return node


def _venue(publication: PublicationPublic) -> JSONLD:
    kind = "Periodical" if venue_kind(publication) is VenueKind.journal else "CreativeWorkSeries"
    return {"@type": kind, "name": publication.venue}


def scholarly_article(publication: PublicationPublic, article_id: str, person_id: str) -> JSONLD:
    """A publication; the owner among its authors is the profile's Person (`@id`)."""
    authors: list[JSONLD] = []
    for author in publication.authors:
        node: JSONLD = {"@type": "Person", "name": author.name}
        if author.is_owner:
            node["@id"] = person_id
        authors.append(node)
    article: JSONLD = {
        "@context": CONTEXT,
        "@type": "ScholarlyArticle",
        "@id": article_id,
        "headline": publication.title[:110],
        "name": publication.title,
        "author": authors,
    }
    if publication.year:
        article["datePublished"] = str(publication.year)
    if publication.venue:
        article["isPartOf"] = _venue(publication)
    paper = next((link.url for link in publication.links if link.kind == LinkKind.paper), None)
    if paper:
        article["url"] = paper
    others = [link.url for link in publication.links if link.url != paper]
    if others:
        article["sameAs"] = others
    if found := doi(publication.links):
        article["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": found}
    return article


def graph(nodes: Sequence[JSONLD]) -> JSONLD:
    """Several nodes in one document, the context stated once."""
    return {
        "@context": CONTEXT,
        "@graph": [{k: v for k, v in node.items() if k != "@context"} for node in nodes],
    }

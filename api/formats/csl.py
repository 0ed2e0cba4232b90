"""CSL-JSON (the Citation Style Language's item format, read by Zotero, Pandoc and citeproc)."""

from collections.abc import Sequence

from api.formats.bibtex import equal_contribution_note
from api.formats.identifiers import arxiv_id, doi
from api.formats.names import name_parts
from api.formats.venues import VenueKind, venue_kind
from schemas.common import Author, LinkKind
from schemas.csl import CSLCustom, CSLDate, CSLItem, CSLName
from schemas.publication import PublicationPublic

_TYPES = {
    VenueKind.conference: "paper-conference",
    VenueKind.journal: "article-journal",
    VenueKind.preprint: "article",
    VenueKind.thesis: "thesis",
    VenueKind.other: "article",
}


def csl_name(author: Author) -> CSLName:
    given, family, suffix = name_parts(author.name)
    if not given:
        return CSLName(literal=author.name)
    return CSLName(family=family, given=given, suffix=suffix or None)


def _custom(publication: PublicationPublic) -> CSLCustom:
    authors = publication.authors
    return CSLCustom(
        slug=publication.slug,
        featured=publication.featured,
        owner=[i for i, a in enumerate(authors) if a.is_owner],
        equal_contribution=[i for i, a in enumerate(authors) if a.equal_contribution],
        corresponding=[i for i, a in enumerate(authors) if a.corresponding],
    )


def csl_item(publication: PublicationPublic, key: str) -> CSLItem:
    notes = [n for n in (publication.note, equal_contribution_note(publication.authors)) if n]
    eprint = arxiv_id(publication.links)
    paper = next((link.url for link in publication.links if link.kind == LinkKind.paper), None)
    return CSLItem(
        id=key,
        type=_TYPES[venue_kind(publication)],
        title=publication.title,
        author=[csl_name(author) for author in publication.authors],
        container_title=publication.venue,
        issued=CSLDate(date_parts=[[publication.year]]) if publication.year else None,
        note=". ".join(notes) or None,
        DOI=doi(publication.links),
        URL=paper,
        number=f"arXiv:{eprint}" if eprint else None,
        custom=_custom(publication),
    )


def to_csl(publications: Sequence[PublicationPublic], keys: dict[str, str]) -> list[CSLItem]:
    return [csl_item(publication, keys[publication.slug]) for publication in publications]

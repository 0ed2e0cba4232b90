"""BibTeX entries for publications: the entry type from the venue, stable citation keys, LaTeX-safe
fields, and the authorship marks kept (a note on equal contribution, biblatex `author+an`)."""

from collections.abc import Sequence

from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field
from bibtexparser.writer import BibtexFormat
from pylatexenc.latexencode import unicode_to_latex  # type: ignore[import-untyped]

from api.formats.identifiers import arxiv_id, doi
from api.formats.names import ascii_word, name_parts
from api.formats.venues import VenueKind, venue_kind
from schemas.common import Author, LinkKind, Source
from schemas.publication import PublicationPublic

_STOP_WORDS = frozenset({"a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "towards"})
_TYPES = {
    VenueKind.conference: ("inproceedings", "booktitle"),
    VenueKind.journal: ("article", "journal"),
    VenueKind.thesis: ("phdthesis", "school"),
    VenueKind.preprint: ("misc", "howpublished"),
    VenueKind.other: ("misc", "howpublished"),
}
_FORMAT = BibtexFormat()  # type: ignore[no-untyped-call]
_FORMAT.indent = "  "
_FORMAT.block_separator = "\n"


def latex(text: str) -> str:
    return str(
        unicode_to_latex(
            text,
            replacement_latex_protection="braces-all",
            unknown_char_policy="keep",
            unknown_char_warning=False,
        )
    )


def _protected(word: str) -> bool:
    """Acronyms and CamelCase (`LLaMA-MoE`, `iDAT`, `K`) keep their case in any style."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) == 1:
        return letters[0].isupper() and letters[0] not in "AI"
    return any(c.isupper() for c in letters[1:])


def latex_title(title: str) -> str:
    return " ".join(f"{{{latex(w)}}}" if _protected(w) else latex(w) for w in title.split())


def bibtex_name(name: str) -> str:
    """`Family, Given` (`Family, Suffix, Given`), so no BibTeX style guesses the family name."""
    given, family, suffix = name_parts(name)
    parts = [family, suffix, given] if suffix else [family, given]
    return ", ".join(latex(part) for part in parts if part) or latex(name)


def key_base(publication: PublicationPublic) -> str:
    """`he2024towards`: the first author's family name, the year, the title's first word."""
    if publication.source == Source.bibtex:
        return publication.slug
    family = name_parts(publication.authors[0].name)[1] if publication.authors else ""
    words = [ascii_word(w) for w in publication.title.split()]
    first = next((w for w in words if w and w not in _STOP_WORDS), "")
    return f"{ascii_word(family) or 'anon'}{publication.year or ''}{first}"


def citation_keys(publications: Sequence[PublicationPublic]) -> dict[str, str]:
    """Each publication's key by slug; a key two works share gets `b`, `c`, … in page order, so
    given the same store a publication has the same key in every listing."""
    keys: dict[str, str] = {}
    used: set[str] = set()
    for publication in publications:
        base = key = key_base(publication)
        suffix = ord("b")
        while key in used:
            key = f"{base}{chr(suffix)}" if suffix <= ord("z") else f"{base}-{publication.slug}"
            suffix += 1
        used.add(key)
        keys[publication.slug] = key
    return keys


def equal_contribution_note(authors: Sequence[Author]) -> str | None:
    names = [author.name for author in authors if author.equal_contribution]
    if not names:
        return None
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"{listed} contributed equally" if len(names) > 1 else f"{listed}: equal contribution"


def _annotations(authors: Sequence[Author]) -> str | None:
    """biblatex data annotations: `1=equal; 2=highlight,equal` (1-based)."""
    items = []
    for position, author in enumerate(authors, start=1):
        labels = [
            label
            for label, marked in (
                ("highlight", author.is_owner),
                ("equal", author.equal_contribution),
                ("corresponding", author.corresponding),
            )
            if marked
        ]
        if labels:
            items.append(f"{position}={','.join(labels)}")
    return "; ".join(items) or None


def _link_fields(publication: PublicationPublic) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    if eprint := arxiv_id(publication.links):
        fields += [("eprint", eprint), ("archivePrefix", "arXiv")]
    if found := doi(publication.links):
        fields.append(("doi", found))
    paper = next((link.url for link in publication.links if link.kind == LinkKind.paper), None)
    if paper:
        fields.append(("url", paper))
    code = next((link.url for link in publication.links if link.kind == LinkKind.code), None)
    if code:
        fields.append(("code", code))
    return fields


def bibtex_entry(publication: PublicationPublic, key: str) -> Entry:
    entry_type, venue_field = _TYPES[venue_kind(publication)]
    fields = [
        Field("title", latex_title(publication.title)),
        Field("author", " and ".join(bibtex_name(a.name) for a in publication.authors)),
    ]
    if publication.venue:
        fields.append(Field(venue_field, latex(publication.venue)))
    if publication.year:
        fields.append(Field("year", str(publication.year)))
    notes = [n for n in (publication.note, equal_contribution_note(publication.authors)) if n]
    if notes:
        fields.append(Field("note", latex(". ".join(notes))))
    if annotations := _annotations(publication.authors):
        fields.append(Field("author+an", annotations))
    fields += [Field(name, value) for name, value in _link_fields(publication)]
    if not publication.authors:
        fields = [field for field in fields if field.key != "author"]
    return Entry(entry_type, key, fields)


def to_bibtex(publications: Sequence[PublicationPublic], keys: dict[str, str]) -> str:
    """A .bib file of the publications, in the order given."""
    library = Library([bibtex_entry(p, keys[p.slug]) for p in publications])
    return write_string(library, bibtex_format=_FORMAT) if publications else ""

"""A BibTeX file as publications, each with its citation key: pure, text in and models out."""

import re
from dataclasses import dataclass

from bibtexparser.entrypoint import parse_string
from bibtexparser.model import Block, Entry

from schemas.common import Link, LinkKind
from schemas.work import WorkIn
from seed.bibtex_authors import annotations, bibtex_author, latex_text
from seed.errors import Diagnostic
from seed.recognise.citation import PREPRINT_VENUE, split_venue

_VENUE_FIELDS = ("journal", "booktitle", "howpublished", "school", "institution", "publisher")
_GROUPS = {
    "article": "Journal",
    "inproceedings": "Conference",
    "conference": "Conference",
    "phdthesis": "Thesis",
    "mastersthesis": "Thesis",
    "book": "Book",
    "incollection": "Book chapter",
    "inbook": "Book chapter",
    "techreport": "Report",
}
_LINK_FIELDS = {
    "url": ("Paper", LinkKind.paper),
    "pdf": ("PDF", LinkKind.paper),
    "code": ("Code", LinkKind.code),
    "github": ("Code", LinkKind.code),
    "slides": ("Slides", LinkKind.slides),
    "video": ("Video", LinkKind.video),
    "poster": ("Poster", LinkKind.poster),
    "project": ("Project", LinkKind.project),
    "website": ("Website", LinkKind.website),
}
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class BibEntry:
    key: str
    work: WorkIn


def split_names(value: str) -> list[str]:
    """`A and {B and C} and D` as three names: `and` inside braces is part of a name."""
    names: list[str] = []
    depth = 0
    start = 0
    for match in re.finditer(r"[{}]|\s+and\s+", value):
        found = match.group(0)
        if found == "{":
            depth += 1
        elif found == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            names.append(value[start : match.start()])
            start = match.end()
    names.append(value[start:])
    return [name.strip() for name in names if name.strip()]


def _links(fields: dict[str, str]) -> list[Link]:
    links: list[Link] = []
    if doi := fields.get("doi"):
        doi = doi.removeprefix("https://doi.org/").removeprefix("doi:")
        links.append(Link(label="DOI", url=f"https://doi.org/{doi}", kind=LinkKind.paper))
    eprint = fields.get("eprint")
    if eprint and fields.get("archiveprefix", "arxiv").lower() == "arxiv":
        links.append(
            Link(label="arXiv", url=f"https://arxiv.org/abs/{eprint}", kind=LinkKind.paper)
        )
    for name, (label, kind) in _LINK_FIELDS.items():
        url = fields.get(name, "").strip()
        if url.startswith(("http://", "https://")) and len(url) <= 2000:
            links.append(Link(label=label, url=url, kind=kind))
    return links


def _group(entry_type: str, venue: str | None) -> str | None:
    if venue is None or PREPRINT_VENUE.search(venue):
        return "Preprint"
    return _GROUPS.get(entry_type.lower())


def _work(entry: Entry, owner: str | None) -> WorkIn | None:
    fields = {field.key.lower(): str(field.value) for field in entry.fields}
    names = split_names(fields.get("author", ""))
    title = latex_text(fields.get("title", ""))
    if not title:
        return None
    notes = annotations(fields.get("author+an"))
    venue_raw = next((fields[f] for f in _VENUE_FIELDS if fields.get(f)), None)
    venue, venue_year, venue_note = split_venue(latex_text(venue_raw)) if venue_raw else (None,) * 3
    if venue is None and fields.get("eprint"):
        venue = "arXiv"
    year_match = _YEAR.search(fields.get("year") or fields.get("date") or "")
    note = latex_text(fields.get("note", ""))
    return WorkIn(
        title=title[:1000],
        authors=[bibtex_author(raw, i, notes, owner) for i, raw in enumerate(names, start=1)],
        venue=venue[:500] if venue else None,
        year=int(year_match.group(0)) if year_match else venue_year,
        note=(note if note and len(note) <= 300 and "http" not in note else None) or venue_note,
        group=_group(entry.entry_type, venue),
        links=_links(fields),
        line=_line(entry),
    )


def _line(block: Block) -> int:
    return (block.start_line or 0) + 1


def parse_bibtex(
    path: str, text: str, owner: str | None = None
) -> tuple[list[BibEntry], list[Diagnostic]]:
    """Each entry with a title, in file order; entries that cannot be read are warnings."""
    library = parse_string(text.removeprefix("\ufeff"))
    warnings = [
        Diagnostic(path, _line(block), "BibTeX entry cannot be read; skipped")
        for block in library.failed_blocks
    ]
    entries: list[BibEntry] = []
    for entry in library.entries:
        work = _work(entry, owner)
        if work is None:
            warnings.append(Diagnostic(path, _line(entry), f"{entry.key} has no title"))
        else:
            entries.append(BibEntry(entry.key, work))
    return entries, warnings

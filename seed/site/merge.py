"""One list of publications from the about page and the `_publications` collection: a work
both describe is served once, the page's order, fields and marks winning, the file adding
what the page lacks (abstract, date, links)."""

import re
import unicodedata
from urllib.parse import unquote

from schemas.common import LinkKind
from schemas.work import WorkIn

_MATH = re.compile(r"\$\$?(.+?)\$\$?", re.DOTALL)
_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "chi": "χ",
    "psi": "ψ", "omega": "ω",
}  # fmt: skip
_COMMAND = re.compile(r"\\([A-Za-z]+)")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s?#]+)", re.IGNORECASE)


def title_key(title: str) -> str:
    """The title's letters and digits, once LaTeX math is read as the characters it shows and
    Unicode is decomposed: `at $$\\sqrt{s}=13$$ TeV` and `at √s = 13 TeV` are one title,
    `Q²` and `$Q^2$` too, but `7 TeV` and `13 TeV` stay two."""
    text = _MATH.sub(lambda m: m.group(1), title)
    text = _COMMAND.sub(lambda m: _GREEK.get(m.group(1).lower(), " "), text)
    text = unicodedata.normalize("NFKD", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def _paper_addresses(work: WorkIn) -> set[str]:
    """The DOIs and paper URLs a work links, in one spelling (no scheme, `www.` or `/` end)."""
    found: set[str] = set()
    for link in work.links:
        url = unquote(link.url).strip()
        if doi := _DOI.search(url):
            found.add("doi:" + doi.group(1).rstrip(".").lower())
        if link.kind is LinkKind.paper:
            bare = re.sub(r"^https?://(?:www\.)?", "", url, flags=re.IGNORECASE).rstrip("/")
            found.add(bare.lower())
    return found


def _combined(on_page: WorkIn, from_file: WorkIn) -> WorkIn:
    known = {link.url for link in on_page.links}
    extra = [link for link in from_file.links if link.url not in known]
    return on_page.model_copy(
        update={
            "authors": on_page.authors or from_file.authors,
            "venue": on_page.venue or from_file.venue,
            "year": on_page.year or from_file.year,
            "group": on_page.group or from_file.group,
            "featured": on_page.featured or from_file.featured,
            "date": on_page.date or from_file.date,
            "abstract": on_page.abstract or from_file.abstract,
            "links": [*on_page.links, *extra],
            "file": from_file.file,
            "on_page": True,
        }
    )


def merge_publications(page: list[WorkIn], files: list[WorkIn]) -> tuple[list[WorkIn], int]:
    """The page's works in its order, each joined by the file describing the same work (same
    title once normalised, or the same DOI or paper URL), then the files no page entry names,
    newest first. Returns the list and how many files joined a page entry."""
    merged = list(page)
    by_title = {title_key(work.title): i for i, work in enumerate(page)}
    by_address = {address: i for i, work in enumerate(page) for address in _paper_addresses(work)}
    taken: set[int] = set()
    rest: list[WorkIn] = []
    for work in files:
        index = by_title.get(title_key(work.title))
        if index is None:
            index = next((by_address[a] for a in _paper_addresses(work) if a in by_address), None)
        if index is None or index in taken:
            rest.append(work)
            continue
        taken.add(index)
        merged[index] = _combined(merged[index], work)
    rest.sort(key=lambda w: (w.year or 0, w.date.toordinal() if w.date else 0), reverse=True)
    return merged + rest, len(taken)

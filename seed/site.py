"""What `homepage seed --content PATH` reads: one page, or an academicpages site root with
`_pages/about.md` and the `_publications/*.md` collection."""

from collections import Counter
from pathlib import Path

from seed.collection import parse_publication_file
from seed.errors import PageError
from seed.parse_page import ParsedPage, mark_owner
from seed.read import read_page, read_text

PAGE_CANDIDATES = ("_pages/about.md", "_pages/about.markdown", "about.md", "index.md")


def site_page(root: Path) -> Path:
    for candidate in PAGE_CANDIDATES:
        if (root / candidate).is_file():
            return root / candidate
    names = ", ".join(PAGE_CANDIDATES)
    raise PageError(str(root), 0, f"is a folder with no page to load (looked for {names})")


def read_collection(parsed: ParsedPage, folder: Path) -> None:
    """Add each `_publications/*.md` file to the page's publications, newest year first."""
    found = []
    for path in sorted(folder.glob("*.md"), reverse=True):
        work, warnings = parse_publication_file(str(path), read_text(path))
        parsed.warnings.extend(warnings)
        if work is not None:
            found.append(work)
    found.sort(key=lambda work: -(work.year or 0))
    parsed.page.publications.extend(found)
    profile = parsed.page.profile
    if profile.name is None:
        marked = Counter(a.name for w in found for a in w.authors if a.is_owner)
        profile.name = marked.most_common(1)[0][0] if marked else None
    mark_owner(parsed.page.publications, profile.name)


def read_content(path: Path, owner_name: str | None = None) -> ParsedPage:
    """The page at `path`, or the site rooted there with its publication collection."""
    if not path.is_dir():
        return read_page(path, owner_name)
    parsed = read_page(site_page(path), owner_name)
    if (path / "_publications").is_dir():
        read_collection(parsed, path / "_publications")
    return parsed

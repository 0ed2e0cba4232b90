"""Read what `homepage seed --content PATH` names from disk: one page, or an academicpages
site root with `_pages/about.md` and the `_publications/*.md` collection. Every error names
the file."""

from collections import Counter
from pathlib import Path

from seed.errors import PageError
from seed.parse_page import ParsedPage, mark_owner, parse_page
from seed.parse_publication_file import parse_publication_file


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PageError(str(path), 0, "no such file") from None
    except IsADirectoryError:
        raise PageError(str(path), 0, "is a folder, not a Markdown page") from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise PageError(str(path), line, "the file is not UTF-8 text") from None
    except OSError as error:
        raise PageError(str(path), 0, error.strerror or "cannot be read") from None


def read_page(path: Path, owner_name: str | None = None) -> ParsedPage:
    return parse_page(str(path), read_text(path), owner_name)


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

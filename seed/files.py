"""Read what `homepage seed --content PATH` names from disk: one page, or an academicpages
site root (`_config.yml`, `_pages/about.md` and the collections). Every error names the
file."""

from pathlib import Path

from seed.errors import PageError
from seed.parse_page import ParsedPage, parse_page
from seed.report import FileRead, Outcome
from seed.site.read import read_site


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


def read_content(
    path: Path, owner_name: str | None = None, *, keep_samples: bool = False
) -> ParsedPage:
    """The page at `path`, or the site rooted there with its profile and collections."""
    if not path.is_dir():
        parsed = read_page(path, owner_name)
        parsed.read.append(FileRead(str(path), Outcome.read))
        return parsed
    page = site_page(path)
    parsed = read_page(page, owner_name)
    parsed.read.append(FileRead(page.relative_to(path).as_posix(), Outcome.read))
    read_site(path, parsed, read_text, keep_samples=keep_samples)
    return parsed

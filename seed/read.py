"""Read a page from disk into a `ParsedPage`, naming the file in every error."""

from pathlib import Path

from seed.errors import PageError
from seed.parse_page import ParsedPage, parse_page


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

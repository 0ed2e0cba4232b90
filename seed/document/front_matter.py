"""Split a page into front matter and body, and blank out what the owner hid.

Hidden content (`[//]: # (...)` lines, `<!-- -->` comments), Liquid tags and `<style>` or
`<script>` blocks are replaced by blank lines, so line numbers still point into the file.
"""

import re
from dataclasses import dataclass
from typing import Any

import yaml

from schemas.common import text_only
from seed.errors import PageError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_LINK_COMMENT = re.compile(
    r"""^[ ]{0,3}\[(?://|comment|#)\]:[ \t]*(?:#|<>)[ \t]*(?:\(.*\)|".*"|'.*')?[ \t]*$""",
    re.MULTILINE | re.IGNORECASE,
)
_HIDDEN_SPANS = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(style|script)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|\{%.*?%\}|\{%[^\n]*"  # a Liquid tag; one left open hides the rest of its line
    r"|\{\{.*?\}\}|\{\{[^\n]*",
    re.DOTALL | re.IGNORECASE,
)


@dataclass(frozen=True)
class PageSource:
    path: str
    front_matter: dict[str, Any]
    body: str
    body_line: int
    """The 1-based file line on which `body` starts."""
    stripped_lines: tuple[int, ...] = ()
    """File lines that held control characters no feed can hold, taken out."""

    def file_line(self, body_line_index: int) -> int:
        """The 1-based file line of a 0-based line index into `body`."""
        return self.body_line + body_line_index


def _blank(match: re.Match[str]) -> str:
    return "\n" * match.group(0).count("\n")


_SHOWS_NOTHING = re.compile(
    r"^[ \t]*(?:(?:<(span|a|div|p|ul|ol|section)\b[^<>]*>\s*</\1\s*>"
    r"|<(?:link|meta)\b[^<>]*>)[ \t]*)+$",
    re.MULTILINE | re.IGNORECASE,
)
"""A line of markup that shows nothing: an anchor (`<span class='anchor' id='news'></span>`),
an empty list a Liquid loop left, a `<link rel="stylesheet">`."""
_THEMATIC_BREAK = re.compile(r"^(?<![^\n]\n)[ ]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE)
"""A rule between blocks (after a blank line, so no setext underline): decoration."""


def strip_hidden(text: str) -> str:
    """Blank out comments, Liquid and style blocks, keeping every line where it was; then
    lines of markup that show nothing, and thematic breaks."""
    text = _HIDDEN_SPANS.sub(_blank, text)
    text = _LINK_COMMENT.sub("", text)
    text = _SHOWS_NOTHING.sub("", text)
    return _THEMATIC_BREAK.sub("", text)


def read_front_matter(path: str, text: str) -> tuple[dict[str, Any], str, int]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text, 1
    try:
        loaded = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or "it is not valid YAML"
        raise PageError(path, line, f"front matter cannot be read: {problem}") from None
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise PageError(path, 2, "front matter must be a mapping of `key: value` lines")
    body_line = 1 + match.group(0).count("\n")
    return {str(key): value for key, value in loaded.items()}, text[match.end() :], body_line


def read_page_source(path: str, text: str) -> PageSource:
    """Front matter and visible body of a page given as text."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise PageError(path, text[: text.index("\x00")].count("\n") + 1, "the file is not text")
    stripped = tuple(
        number for number, line in enumerate(text.split("\n"), 1) if text_only(line) != line
    )
    front_matter, body, body_line = read_front_matter(path, text_only(text))
    return PageSource(path, front_matter, _mended_links(strip_hidden(body)), body_line, stripped)


_SPACED_URL = re.compile(r"\]\((https?://[^\s()]*?)[ \t]+(?=[^\s()\"']+\))")


def _mended_links(body: str) -> str:
    """A link whose address a stray space broke (`[x](https://  osf.io/a)`) points where the
    owner meant it to: browsers and kramdown would show its text, and a reader its target."""
    previous = None
    while previous != body:
        previous, body = body, _SPACED_URL.sub(r"](\1", body)
    return body

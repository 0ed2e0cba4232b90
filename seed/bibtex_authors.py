r"""BibTeX author names with the marks people add: `\textbf{Dong, Daize}` (the owner),
`Dong, Daize*` or `$^*$` (equal contribution), `$^\dagger$` or `\Letter` (corresponding), and
biblatex annotations `author+an = {2=highlight; 1=equal}`."""

import re

from pylatexenc.latex2text import LatexNodes2Text  # type: ignore[import-untyped]

from schemas.common import Author
from seed.recognise.authors import same_person

_OWNER = re.compile(r"\\(?:textbf|underline|uline|bfseries|mbox\{\\textbf)\b|\\me\b")
_EQUAL = re.compile(r"\*|\\equal\w*|\\(?:textsuperscript|footnotemark)\{?\s*\*|\^\{?\s*\*")
_CORRESPONDING = re.compile(r"\\(?:dagger|Letter|envelope|corr\w*)\b|†|✉")
_MARK_TEXT = re.compile(
    r"\$[^$]*\$|\\(?:textsuperscript|footnotemark)\{[^}]*\}|\\(?:dagger|Letter|envelope|equal\w*"
    r"|corr\w*)\b|[*†‡✉]"
)
_ANNOTATION_OWNER = frozenset({"highlight", "owner", "me", "myself", "self"})
_ANNOTATION_EQUAL = frozenset({"equal", "equalcontrib", "cofirst", "co-first", "joint"})
_ANNOTATION_CORRESPONDING = frozenset({"corresponding", "corr", "correspondence"})
_latex = LatexNodes2Text()


def latex_text(value: str) -> str:
    """LaTeX to plain text: `M{\"u}ller` is `Müller`, braces and commands go."""
    try:
        text = _latex.latex_to_text(value)
    except (IndexError, ValueError):  # pylatexenc gives up on some malformed input
        text = value.replace("{", "").replace("}", "")
    return " ".join(text.split())


def display_name(name: str) -> str:
    """`Dong, Daize` as `Daize Dong`; `von Last, Jr, First` as `First von Last, Jr`."""
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 2 and all(parts):
        return f"{parts[1]} {parts[0]}"
    if len(parts) == 3 and all(parts):
        return f"{parts[2]} {parts[0]}, {parts[1]}"
    return name.strip(" ,")


def annotations(value: str | None) -> dict[int, set[str]]:
    """`2=highlight; 1=equal,corresponding` as {2: {"highlight"}, 1: {"equal", …}} (1-based)."""
    found: dict[int, set[str]] = {}
    for item in (value or "").split(";"):
        position, _, labels = item.partition("=")
        if position.strip().isdigit():
            found[int(position)] = {label.strip().lower() for label in labels.split(",")}
    return found


def bibtex_author(raw: str, position: int, notes: dict[int, set[str]], owner: str | None) -> Author:
    labels = notes.get(position, set())
    name = display_name(latex_text(_MARK_TEXT.sub("", raw)))
    return Author(
        name=name[:200] or "?",
        is_owner=bool(_OWNER.search(raw) or labels & _ANNOTATION_OWNER)
        or (owner is not None and same_person(name, owner)),
        equal_contribution=bool(_EQUAL.search(raw) or labels & _ANNOTATION_EQUAL),
        corresponding=bool(_CORRESPONDING.search(raw) or labels & _ANNOTATION_CORRESPONDING),
    )

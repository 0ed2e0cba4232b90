"""The academicpages template's own sample entries ("Talk 1 on Relevant Topic in Your Field",
"Paper Title Number 1", "Teaching experience 1", "Portfolio item number 1", …): real files on
many sites, but not the owner's work. A file is a sample when it has one of the template's
sample titles *and* still says what the template's sample says; a file named like a sample
but holding the owner's own entry is the owner's."""

import re
from typing import Any

_TITLES = re.compile(
    r"^(?:(?:talk|tutorial|conference proceeding talk) \d+ on relevant topic in your field"
    r"|teaching experience \d+"
    r"|paper title number \d+"
    r"|portfolio item number \d+)$",
    re.IGNORECASE,
)
_SAMPLE_TEXT = re.compile(
    r"this is a description of (?:your (?:talk|tutorial|conference proceedings talk)"
    r"|a teaching experience)"
    r"|you can put anything in this field"
    r"|this paper is about (?:the number|fixing template issue)"
    r"|short description of portfolio item"
    r"|this is an item in your portfolio"
    r"|university 1, department"
    r"|department of testing|institute for testing science|london school of testing"
    r"|testing institute of america"
    r"|your name, you\.",
    re.IGNORECASE,
)


def is_template_sample(front_matter: dict[str, Any], body: str) -> bool:
    title = " ".join(str(front_matter.get("title") or "").split())
    if not _TITLES.match(title):
        return False
    said = [body, *(str(v) for k, v in front_matter.items() if k != "title" and v is not None)]
    return any(_SAMPLE_TEXT.search(text) for text in said)

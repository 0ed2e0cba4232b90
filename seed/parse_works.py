"""Publications and projects: an entry per list item, paragraph, quote or HTML paper box,
grouped by sub-heading."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it.token import Token

from schemas.work import WorkIn
from seed.blocks import children_until_close, top_level_items
from seed.entry import parse_entry
from seed.errors import Diagnostic
from seed.featured import without_featured_mark
from seed.front_matter import PageSource
from seed.headings import clean_title
from seed.html_runs import html_runs
from seed.inline import Run, inline_runs, plain_text
from seed.outline import Outline, heading_text
from seed.render import inline_children

_LISTS = ("bullet_list_open", "ordered_list_open")
_DIV_OPEN = re.compile(r"<div\b", re.IGNORECASE)
_DIV_CLOSE = re.compile(r"</div\s*>", re.IGNORECASE)
_LEGEND = re.compile(r"^\W*(?:equal contribution|corresponding author|co-first)", re.IGNORECASE)


@dataclass
class _Entry:
    group: str | None
    line: int
    runs: list[Run]
    in_list: bool


def _entry_runs(tokens: list[Token]) -> list[Run]:
    """The runs of an entry's own blocks (not of lists nested in it), blocks on their own lines."""
    runs: list[Run] = []
    depth = 0
    for token in tokens:
        if token.type in _LISTS:
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif depth == 0 and token.type in ("inline", "html_block"):
            if runs:
                runs.append(Run("\n"))
            if token.type == "inline":
                runs.extend(inline_runs(inline_children(token)))
            else:
                runs.extend(html_runs(token.content))
    return runs


def _div_depth(token: Token) -> int:
    return len(_DIV_OPEN.findall(token.content)) - len(_DIV_CLOSE.findall(token.content))


def _container(tokens: list[Token], index: int) -> tuple[list[Token], int]:
    """The blocks from an HTML block that opens `<div>`s to the block that closes them."""
    depth = 0
    for position in range(index, len(tokens)):
        token = tokens[position]
        if token.type == "html_block" and token.level == 0:
            depth += _div_depth(token)
            if depth <= 0:
                return tokens[index : position + 1], position + 1
    return tokens[index:], len(tokens)


def _entries(section: Outline) -> Iterator[_Entry]:
    tokens = section.tokens
    group: str | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = token.map[0] if token.map else section.line
        if token.type == "heading_open":
            group = clean_title(heading_text(tokens, index)) or None
            index += 3
        elif token.type in _LISTS:
            inner, index = children_until_close(tokens, index)
            for item, item_tokens in top_level_items(inner):
                start = item.map[0] if item.map else line
                yield _Entry(group, start, _entry_runs(item_tokens), True)
        elif token.type in ("paragraph_open", "blockquote_open"):
            inner, index = children_until_close(tokens, index)
            yield _Entry(group, line, _entry_runs(inner), False)
        elif token.type == "html_block":
            inner, index = _container(tokens, index)
            yield _Entry(group, line, _entry_runs(inner), False)
        else:
            index += 1


def _is_bare_title(entry: _Entry) -> bool:
    work = parse_entry(entry.runs)
    text = "".join(run.text for run in entry.runs).strip()
    return work is not None and not work.authors and "\n" not in text


def _merged(entries: Iterator[_Entry]) -> Iterator[_Entry]:
    """A bare title (`* ### Title`) followed by a paragraph of its authors is one entry."""
    previous: _Entry | None = None
    for entry in entries:
        if previous is not None and not entry.in_list and _is_bare_title(previous):
            runs = [*previous.runs, Run("\n"), *entry.runs]
            work = parse_entry(runs)
            if work is not None and work.authors:
                previous = _Entry(previous.group, previous.line, runs, previous.in_list)
                continue
        if previous is not None:
            yield previous
        previous = entry
    if previous is not None:
        yield previous


_LIMITS = {"title": 1000, "venue": 500, "note": 300, "group": 200}


def _too_long(work: WorkIn) -> str | None:
    """Fields longer than the store keeps are prose read as a citation, not a citation."""
    for name, limit in _LIMITS.items():
        value = getattr(work, name)
        if value is not None and len(value) > limit:
            return f"its {name} is longer than {limit} characters"
    return None


def parse_works(
    section: Outline, source: PageSource, noun: str
) -> tuple[list[WorkIn], list[Diagnostic]]:
    """The section's entries as typed works, with a warning for each field left unknown."""
    works: list[WorkIn] = []
    warnings: list[Diagnostic] = []
    for entry in _merged(_entries(section)):
        line = source.file_line(entry.line)
        text = plain_text(entry.runs)
        if not text or _LEGEND.match(text):
            continue
        runs, featured = without_featured_mark(entry.runs)
        work = parse_entry(runs, line=line, group=entry.group)
        if work is None:
            continue
        work.featured = featured
        if (problem := _too_long(work)) is not None:
            warnings.append(Diagnostic(source.path, line, f"{noun} skipped: {problem}"))
            continue
        works.append(work)
        if not work.authors:
            warnings.append(Diagnostic(source.path, line, f"{noun} has no authors"))
        if work.venue is None:
            warnings.append(Diagnostic(source.path, line, f"{noun} has no venue"))
    return works, warnings

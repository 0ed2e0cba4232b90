"""Publications and projects: an entry per list item, paragraph or quote, grouped by sub-heading."""

from collections.abc import Iterator

from markdown_it.token import Token

from schemas.work import WorkIn
from seed.blocks import children_until_close, top_level_items
from seed.citation import parse_citation
from seed.errors import Diagnostic
from seed.headings import clean_title
from seed.inline import Run, inline_runs
from seed.outline import Outline, heading_text
from seed.source import PageSource

_LISTS = ("bullet_list_open", "ordered_list_open")


def _entry_runs(tokens: list[Token]) -> list[Run]:
    """The runs of an entry's own paragraphs (not of lists nested in it), lines kept apart."""
    runs: list[Run] = []
    depth = 0
    for token in tokens:
        if token.type in _LISTS:
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "inline" and depth == 0:
            if runs:
                runs.append(Run("\n"))
            runs.extend(inline_runs(token.children or []))
    return runs


def _entries(section: Outline) -> Iterator[tuple[str | None, int, list[Run]]]:
    """(sub-heading, 0-based body line, runs) of each entry in the section."""
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
                yield group, item.map[0] if item.map else line, _entry_runs(item_tokens)
        elif token.type in ("paragraph_open", "blockquote_open"):
            inner, index = children_until_close(tokens, index)
            yield group, line, _entry_runs(inner)
        else:
            index += 1


def parse_works(
    section: Outline, source: PageSource, noun: str
) -> tuple[list[WorkIn], list[Diagnostic]]:
    """The section's entries as typed works, with a warning for each field left unknown."""
    works: list[WorkIn] = []
    warnings: list[Diagnostic] = []
    for group, body_line, runs in _entries(section):
        line = source.file_line(body_line)
        runs = [Run(", ") if run.text == "\n" else run for run in runs]
        work = parse_citation(runs, line=line, group=group)
        if work is None:
            continue
        works.append(work)
        if not work.authors:
            warnings.append(Diagnostic(source.path, line, f"{noun} has no authors"))
        if work.venue is None:
            warnings.append(Diagnostic(source.path, line, f"{noun} has no venue"))
    return works, warnings

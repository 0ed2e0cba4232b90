"""Entries that are one work: a bare title and the paragraph of authors under it, and a list
item of links only that belongs to the entry before it."""

from collections.abc import Iterator

from seed.document.inline import Run, marked_text, plain_text
from seed.recognise.asides import is_legend
from seed.recognise.author_list import parse_author_line
from seed.recognise.entry import parse_entry, split_lines
from seed.recognise.work_entries import Entry


def _is_bare_title(entry: Entry) -> bool:
    work = parse_entry(entry.runs)
    text = "".join(run.text for run in entry.runs).strip()
    return work is not None and not work.authors and "\n" not in text


def _opens_with_author_line(entry: Entry) -> bool:
    lines = [line for line in split_lines(entry.runs) if not line.is_badge()]
    return bool(lines) and parse_author_line(marked_text(lines[0].runs)) is not None


def _only_links(entry: Entry) -> bool:
    if not any(run.href for run in entry.runs) or any(
        run.href is None and any(char.isalnum() for char in run.text) for run in entry.runs
    ):
        return False  # words outside its links: more than a list of links
    lines = split_lines(entry.runs)
    return bool(lines) and all(line.is_links() for line in lines)


def merged(entries: Iterator[Entry]) -> Iterator[Entry]:
    """A bare title (`* ### Title`) followed by a paragraph that opens with its authors is one
    entry; a legend is never a title; a list item of links only holds the previous entry's."""
    previous: Entry | None = None
    for entry in entries:
        if previous is not None and entry.in_list and _only_links(entry):
            # `- [Paper](…)` under a numbered item but not indented enough to nest in it
            previous.nested_links += [run for run in entry.runs if run.href]
            continue
        joins = (
            not entry.in_list and not is_legend(plain_text(previous.runs)) if previous else False
        )
        if (
            previous is not None
            and joins
            and _is_bare_title(previous)
            and _opens_with_author_line(entry)
        ):
            runs = [*previous.runs, Run("\n"), *entry.runs]
            work = parse_entry(runs)
            if work is not None and work.authors:
                previous = Entry(previous.group, previous.line, runs, previous.in_list)
                continue
        if previous is not None:
            yield previous
        previous = entry
    if previous is not None:
        yield previous

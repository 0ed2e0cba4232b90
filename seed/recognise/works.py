"""Publications and projects: each entry of a works section (`seed.recognise.work_entries`,
joined where two are one, `seed.recognise.work_merge`) read as a typed work."""

import re
from collections.abc import Iterable, Iterator

from markdown_it.token import Token

from schemas.work import WorkIn
from seed.document.front_matter import PageSource
from seed.document.inline import Run, plain_text
from seed.errors import Diagnostic
from seed.recognise.asides import is_legend
from seed.recognise.citation import certainly_venue, clean_field, typed_links
from seed.recognise.entry import parse_entry, split_lines, without_period
from seed.recognise.featured import without_featured_mark
from seed.recognise.sections import Outline
from seed.recognise.work_entries import Entry, section_entries
from seed.recognise.work_merge import merged

_PLACEHOLDER = re.compile(
    r"\b(?:coming soon|to come|stay tuned|tba|tbd|under construction|"
    r"will be (?:updated|added|posted)|yyyy)\b",
    re.IGNORECASE,
)
_EQUAL_LEGEND = re.compile(r"equal(?:ly)?\s+contribut|co-first|joint first", re.IGNORECASE)
_GROUP_YEAR = re.compile(r"^(?:year\s+|in\s+)?((?:19|20)\d\d)$", re.IGNORECASE)
_NAMED = re.compile(r"^(?P<name>[^:：]{1,80})[:：]\s*(?P<rest>\S.*)$", re.DOTALL)


def _lone_star_is_corresponding(work: WorkIn) -> None:
    """Equal contribution takes two: where no legend says what `*` means, one starred author
    is the corresponding one."""
    starred = [author for author in work.authors if author.equal_contribution]
    if len(starred) == 1:
        starred[0].equal_contribution = False
        starred[0].corresponding = True


def _is_placeholder(work: WorkIn) -> bool:
    """`Coming soon`, `TBA`, an unfilled `YYYY.MM`: a template's promise of works, with no
    author, venue, year or web link."""
    linked = any(link.url.startswith(("http://", "https://")) for link in work.links)
    return (
        not (work.authors or work.venue or work.year or linked)
        and _PLACEHOLDER.search(work.title) is not None
    )


def _named(work: WorkIn, runs: list[Run]) -> None:
    """A project written `Name: what it is` (the name often linked) is titled by its name."""
    lines = split_lines(without_period(runs))
    if work.authors or work.venue is not None or not lines:
        return
    colon = next((run for run in lines[0].runs if ":" in run.text or "：" in run.text), None)
    if colon is not None and (colon.bold or colon.italic or colon.href):
        return  # `**Helios: A Solver for Sparse Systems**`: one title with a colon in it
    match = _NAMED.match(plain_text(lines[0].runs))
    if match and len(match["name"].split()) <= 6 and len(match["rest"].split()) >= 3:
        work.title = clean_field(match["name"])


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
    for found in read_works(section, source, noun):
        if isinstance(found, Diagnostic):
            warnings.append(found)
        else:
            works.append(found)
    return works, warnings


def read_works(
    section: Outline,
    source: PageSource,
    noun: str,
    windows: Iterable[list[Token]] | None = None,
    *,
    listed: bool | None = None,
) -> Iterator[WorkIn | Diagnostic]:
    """`parse_works`, one work or warning at a time, in page order. `windows` are the section's
    tokens cut between list items; `listed` says whether any entry is a list item, where the
    caller knows it (else all entries are read first, to find out)."""
    text = "\n".join(source.body.split("\n")[section.line : section.end_line])
    explains_equal = _EQUAL_LEGEND.search(text) is not None
    del text
    found: Iterable[Entry] = merged(section_entries(section, windows))
    if listed is None:
        found = list(found)
        listed = any(entry.in_list for entry in found)
    for entry in found:
        line = source.file_line(entry.line)
        text = plain_text(entry.runs)
        if not text or is_legend(text):
            continue
        runs, featured = without_featured_mark(entry.runs)
        work = parse_entry(without_period(runs), line=line, group=entry.group)
        if (
            work is None
            or _is_placeholder(work)
            or (listed and not entry.in_list and not work.authors)
        ):
            continue  # among list entries, a paragraph without authors is commentary on them
        work.featured = featured
        known = {link.url for link in work.links}
        work.links += [link for link in typed_links(entry.nested_links) if link.url not in known]
        if noun == "project":
            _named(work, runs)
            if work.venue is not None and not certainly_venue(work.venue):
                work.venue = None  # no year or venue word: a caption on its picture, not a venue
        if not explains_equal:
            _lone_star_is_corresponding(work)
        if work.year is None and work.group and (year := _GROUP_YEAR.match(work.group.strip())):
            work.year = int(year.group(1))
        if (problem := _too_long(work)) is not None:
            yield Diagnostic(source.path, line, f"{noun} skipped: {problem}")
            continue
        yield work
        if not work.authors:
            yield Diagnostic(source.path, line, f"{noun} has no authors")
        if work.venue is None:
            yield Diagnostic(source.path, line, f"{noun} has no venue")

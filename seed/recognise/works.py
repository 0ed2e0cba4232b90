"""Publications and projects: an entry per list item, paragraph, quote or HTML paper box,
grouped by sub-heading."""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from markdown_it.token import Token

from schemas.work import WorkIn
from seed.document.blocks import children_until_close, top_level_items
from seed.document.front_matter import PageSource
from seed.document.html_reader import html_cards, html_text
from seed.document.html_runs import html_runs
from seed.document.inline import Run, inline_runs, marked_text, plain_text
from seed.document.render import inline_children
from seed.errors import Diagnostic
from seed.recognise.asides import is_description, is_legend
from seed.recognise.author_list import parse_author_line
from seed.recognise.citation import certainly_venue, clean_field, typed_links
from seed.recognise.entry import parse_entry, split_lines, without_period
from seed.recognise.featured import without_featured_mark
from seed.recognise.headings import SectionKind, clean_title
from seed.recognise.sections import Outline, heading_text, is_prose

_LISTS = ("bullet_list_open", "ordered_list_open")
_DIV_OPEN = re.compile(r"<div\b", re.IGNORECASE)
_PICTURE = re.compile(r"<(?:img|picture|video|svg|iframe)\b", re.IGNORECASE)
_DIV_CLOSE = re.compile(r"</div\s*>", re.IGNORECASE)
_PLACEHOLDER = re.compile(
    r"\b(?:coming soon|to come|stay tuned|tba|tbd|under construction|"
    r"will be (?:updated|added|posted)|yyyy)\b",
    re.IGNORECASE,
)
_EQUAL_LEGEND = re.compile(r"equal(?:ly)?\s+contribut|co-first|joint first", re.IGNORECASE)
_GROUP_YEAR = re.compile(r"^(?:year\s+|in\s+)?((?:19|20)\d\d)$", re.IGNORECASE)
_NAMED = re.compile(r"^(?P<name>[^:：]{1,80})[:：]\s*(?P<rest>\S.*)$", re.DOTALL)


@dataclass
class _Entry:
    group: str | None
    line: int
    runs: list[Run]
    in_list: bool
    nested_links: list[Run] = field(default_factory=list)
    """Links in the entry's nested items (a blog post, press coverage): the work's too."""


def _block_runs(tokens: list[Token], *, depth_kept: int) -> list[Run]:
    """The runs of an entry's blocks, each on its own line, down to `depth_kept` levels of
    lists nested in it (0: its own blocks only), leaving out nested sentences about it."""
    runs: list[Run] = []
    depth = 0
    for token in tokens:
        if token.type in _LISTS:
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif depth <= depth_kept and token.type in ("inline", "html_block"):
            if depth and is_description(token.content):
                continue
            if runs:
                runs.append(Run("\n"))
            if token.type == "inline":
                runs.extend(inline_runs(inline_children(token)))
            else:
                runs.extend(html_runs(token.content))
    return runs


def _entry_runs(tokens: list[Token]) -> list[Run]:
    """An entry's own lines. Nested items are its further lines (authors, venue) when its own
    text is only a title and one of them is an author line; otherwise they are left out."""
    own = _block_runs(tokens, depth_kept=0)
    work = parse_entry(own)
    if work is not None and work.authors:
        return own
    every = _block_runs(tokens, depth_kept=len(tokens))
    further = split_lines(every)[1:]
    if any(parse_author_line(marked_text(line.runs)) for line in further):
        return every
    return own


def _opens_with_authors(tokens: list[Token]) -> bool:
    """Whether the first line of the first block is an author line."""
    first = next((token for token in tokens if token.type in ("inline", "heading_open")), None)
    if first is None or first.type != "inline":
        return False
    lines = split_lines(inline_runs(inline_children(first)))
    return bool(lines) and parse_author_line(marked_text(lines[0].runs)) is not None


def _div_depth(token: Token) -> int:
    return len(_DIV_OPEN.findall(token.content)) - len(_DIV_CLOSE.findall(token.content))


def _shows_nothing(token: Token) -> bool:
    return not html_text(token.content).strip() and not _PICTURE.search(token.content)


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


def _is_wrapper(tokens: list[Token], index: int) -> bool:
    """Whether the `<div>` opening at `index` holds several entries rather than being one box.
    An opening that shows nothing is a box (one entry: its title, authors, links and nested
    details) unless it holds two or more boxes, or a list before any text of its own, or is
    never closed; one that shows text (a paper box's badge) is always a box."""
    if not _shows_nothing(tokens[index]):
        return False
    inner, end = _container(tokens, index)
    if end == len(tokens) and _div_depth(inner[-1]) >= 0 and len(inner) > 1:
        return True
    boxes = 0
    text_seen = False
    position = 1
    while position < len(inner) - 1:
        token = inner[position]
        if token.type == "html_block" and _div_depth(token) > 0:
            child = _container(inner, position)[0]
            boxes += any(t.type == "inline" or not _shows_nothing(t) for t in child)
            position += max(1, len(child))
            continue
        if token.type in _LISTS and not text_seen:
            return True
        if token.type in ("heading_open", "paragraph_open"):
            text_seen = True
        position += 1
    return boxes >= 2 or (not text_seen and boxes == 0)


def _entries(section: Outline, windows: Iterable[list[Token]] | None = None) -> Iterator[_Entry]:
    """The section's entries, from its tokens in one window or, a long list cut between its
    items, in several (`seed.recognise.page_parts`): the group goes on from one to the next."""
    group: str | None = None
    for tokens in windows or [section.tokens]:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            line = token.map[0] if token.map else section.line
            if token.type == "heading_open":
                end = _next_heading(tokens, index + 3)
                if _opens_with_authors(tokens[index + 3 : end]):
                    # A sub-heading over its authors is the entry's title; the entry runs to the
                    # next heading (its abstract and links included).
                    title = inline_runs(inline_children(tokens[index + 1]))
                    runs = [*title, Run("\n"), *_block_runs(tokens[index + 3 : end], depth_kept=0)]
                    yield _Entry(group, line, runs, False)
                    index = end
                    continue
                if section.kind is SectionKind.projects and is_prose(tokens[index + 3 : end]):
                    # A project's name as a sub-heading, what it is in the paragraphs under it
                    title = inline_runs(inline_children(tokens[index + 1]))
                    yield _Entry(group, line, title, False, _links_in(tokens[index + 3 : end]))
                    index = end
                    continue
                title = inline_runs(inline_children(tokens[index + 1]))
                below = tokens[index + 3 : end]
                if _is_linked_title(title) and all(t.type in _PARAGRAPH for t in below):
                    # A sub-heading that is a link, over paragraphs about it: a work, its title
                    # linked to it, the paragraphs its abstract.
                    yield _Entry(group, line, title, False)
                    index = end
                    continue
                group = clean_title(heading_text(tokens, index)) or None
                index += 3
            elif token.type in _LISTS:
                inner, index = children_until_close(tokens, index)
                yield from _list_entries(inner, group, line)
            elif token.type == "paragraph_open" and _labels_list(tokens, index):
                group = clean_title(plain_text(_paragraph_runs(tokens, index))) or None
                index = children_until_close(tokens, index)[1]
            elif token.type in ("paragraph_open", "blockquote_open"):
                inner, index = children_until_close(tokens, index)
                runs = _entry_runs(inner)
                if token.type == "paragraph_open" or not _is_abstract(runs):
                    yield _Entry(group, line, runs, False)
            elif (
                token.type == "html_block" and _div_depth(token) > 0 and _is_wrapper(tokens, index)
            ):
                index += 1  # the entries are inside it
            elif token.type == "html_block":
                inner, index = _container(tokens, index)
                cards = (
                    html_cards("\n".join(block.content for block in inner))
                    if all(block.type == "html_block" for block in inner)
                    else []
                )
                for card in cards:  # an HTML grid of cards: one entry each
                    yield _Entry(group, line, html_runs(card), False)
                if not cards:
                    # A box's own lines may be list items (`- [Title](url)`); deeper ones
                    # describe it.
                    yield _Entry(group, line, _block_runs(inner, depth_kept=1), False)
            else:
                index += 1


def _list_entries(inner: list[Token], group: str | None, line: int) -> Iterator[_Entry]:
    """An entry per item; an item that is only a label over a nested list of citations
    (`- **Journal Articles**`, then the papers) is the group of the nested items."""
    for item, item_tokens in top_level_items(inner):
        start = item.map[0] if item.map else line
        nested_list = next((i for i, t in enumerate(item_tokens) if t.type in _LISTS), None)
        own = _block_runs(item_tokens, depth_kept=0) if nested_list is not None else []
        if nested_list is not None and _is_label(own):
            nested = children_until_close(item_tokens, nested_list)[0]
            if _first_item_cites(nested):
                yield from _list_entries(nested, clean_title(plain_text(own)) or group, start)
                continue
        runs = _entry_runs(item_tokens)
        nested_links = [run for run in _block_runs(item_tokens, depth_kept=99) if run.href]
        yield _Entry(group, start, runs, True, nested_links)


def _is_label(runs: list[Run]) -> bool:
    """A few words all in bold, linked to nothing (`**Conference Papers**`): a label."""
    shown = [run for run in runs if run.text.strip()]
    words = plain_text(shown).split()
    return (
        bool(shown)
        and all(run.bold and run.href is None for run in shown)
        and 1 <= len(words) <= 6
        and not plain_text(shown).rstrip().endswith(".")
    )


def _first_item_cites(list_tokens: list[Token]) -> bool:
    """Whether the list's first item is a citation with authors."""
    items = top_level_items(list_tokens)
    if not items:
        return False
    work = parse_entry(_block_runs(items[0][1], depth_kept=0))
    return work is not None and bool(work.authors)


def _paragraph_runs(tokens: list[Token], index: int) -> list[Run]:
    return inline_runs(inline_children(tokens[index + 1]))


def _labels_list(tokens: list[Token], index: int) -> bool:
    """A paragraph that is only a label, right over a list of citations, names their group."""
    if not _is_label(_paragraph_runs(tokens, index)):
        return False
    after = children_until_close(tokens, index)[1]
    if after >= len(tokens) or tokens[after].type not in _LISTS:
        return False
    return _first_item_cites(children_until_close(tokens, after)[0])


def _is_abstract(runs: list[Run]) -> bool:
    """A quoted passage of sentences about a work, with no authors of its own: its abstract."""
    work = parse_entry(runs)
    return is_description(plain_text(runs)) and (work is None or not work.authors)


def _links_in(tokens: list[Token]) -> list[Run]:
    return [run for run in _block_runs(tokens, depth_kept=0) if run.href]


_PARAGRAPH = frozenset({"paragraph_open", "inline", "paragraph_close"})


def _is_linked_title(runs: list[Run]) -> bool:
    """Every word of the heading is the text of one link (`## [Neural Posterior Unfolding](…)`)."""
    worded = [run for run in runs if run.text.strip()]
    return bool(worded) and len({run.href for run in worded}) == 1 and worded[0].href is not None


def _next_heading(tokens: list[Token], index: int) -> int:
    return next(
        (i for i in range(index, len(tokens)) if tokens[i].type == "heading_open"), len(tokens)
    )


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


def _is_bare_title(entry: _Entry) -> bool:
    work = parse_entry(entry.runs)
    text = "".join(run.text for run in entry.runs).strip()
    return work is not None and not work.authors and "\n" not in text


def _opens_with_author_line(entry: _Entry) -> bool:
    lines = [line for line in split_lines(entry.runs) if not line.is_badge()]
    return bool(lines) and parse_author_line(marked_text(lines[0].runs)) is not None


def _only_links(entry: _Entry) -> bool:
    if not any(run.href for run in entry.runs) or any(
        run.href is None and any(char.isalnum() for char in run.text) for run in entry.runs
    ):
        return False  # words outside its links: more than a list of links
    lines = split_lines(entry.runs)
    return bool(lines) and all(line.is_links() for line in lines)


def _merged(entries: Iterator[_Entry]) -> Iterator[_Entry]:
    """A bare title (`* ### Title`) followed by a paragraph that opens with its authors is one
    entry; a legend is never a title; a list item of links only holds the previous entry's."""
    previous: _Entry | None = None
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
    entries: Iterable[_Entry] = _merged(_entries(section, windows))
    if listed is None:
        entries = list(entries)
        listed = any(entry.in_list for entry in entries)
    for entry in entries:
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

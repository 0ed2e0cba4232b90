"""Where a works section's entries are: an entry per list item, paragraph, quote, HTML paper
box or card, or sub-heading over its authors, with the group (sub-heading or label) it is under."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from markdown_it.token import Token

from seed.document.blocks import children_until_close, top_level_items
from seed.document.html_reader import html_cards
from seed.document.html_runs import html_runs
from seed.document.inline import Run, inline_runs, marked_text, plain_text
from seed.document.render import inline_children
from seed.recognise.asides import is_description
from seed.recognise.author_list import parse_author_line
from seed.recognise.entry import parse_entry, split_lines
from seed.recognise.headings import SectionKind, clean_title
from seed.recognise.html_boxes import container, div_depth, is_wrapper
from seed.recognise.sections import Outline, heading_text, is_prose

_LISTS = ("bullet_list_open", "ordered_list_open")


@dataclass
class Entry:
    group: str | None
    line: int
    runs: list[Run]
    in_list: bool
    nested_links: list[Run] = field(default_factory=list)
    """Links in the entry's nested items (a blog post, press coverage): the work's too."""


def block_runs(tokens: list[Token], *, depth_kept: int) -> list[Run]:
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
    own = block_runs(tokens, depth_kept=0)
    work = parse_entry(own)
    if work is not None and work.authors:
        return own
    every = block_runs(tokens, depth_kept=len(tokens))
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


def section_entries(
    section: Outline, windows: Iterable[list[Token]] | None = None
) -> Iterator[Entry]:
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
                    runs = [*title, Run("\n"), *block_runs(tokens[index + 3 : end], depth_kept=0)]
                    yield Entry(group, line, runs, False)
                    index = end
                    continue
                if section.kind is SectionKind.projects and is_prose(tokens[index + 3 : end]):
                    # A project's name as a sub-heading, what it is in the paragraphs under it
                    title = inline_runs(inline_children(tokens[index + 1]))
                    yield Entry(group, line, title, False, _links_in(tokens[index + 3 : end]))
                    index = end
                    continue
                title = inline_runs(inline_children(tokens[index + 1]))
                below = tokens[index + 3 : end]
                if _is_linked_title(title) and all(t.type in _PARAGRAPH for t in below):
                    # A sub-heading that is a link, over paragraphs about it: a work, its title
                    # linked to it, the paragraphs its abstract.
                    yield Entry(group, line, title, False)
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
                    yield Entry(group, line, runs, False)
            elif token.type == "html_block" and div_depth(token) > 0 and is_wrapper(tokens, index):
                index += 1  # the entries are inside it
            elif token.type == "html_block":
                inner, index = container(tokens, index)
                cards = (
                    html_cards("\n".join(block.content for block in inner))
                    if all(block.type == "html_block" for block in inner)
                    else []
                )
                for card in cards:  # an HTML grid of cards: one entry each
                    yield Entry(group, line, html_runs(card), False)
                if not cards:
                    # A box's own lines may be list items (`- [Title](url)`); deeper ones
                    # describe it.
                    yield Entry(group, line, block_runs(inner, depth_kept=1), False)
            else:
                index += 1


def _list_entries(inner: list[Token], group: str | None, line: int) -> Iterator[Entry]:
    """An entry per item; an item that is only a label over a nested list of citations
    (`- **Journal Articles**`, then the papers) is the group of the nested items."""
    for item, item_tokens in top_level_items(inner):
        start = item.map[0] if item.map else line
        nested_list = next((i for i, t in enumerate(item_tokens) if t.type in _LISTS), None)
        own = block_runs(item_tokens, depth_kept=0) if nested_list is not None else []
        if nested_list is not None and _is_label(own):
            nested = children_until_close(item_tokens, nested_list)[0]
            if _first_item_cites(nested):
                yield from _list_entries(nested, clean_title(plain_text(own)) or group, start)
                continue
        runs = _entry_runs(item_tokens)
        nested_links = [run for run in block_runs(item_tokens, depth_kept=99) if run.href]
        yield Entry(group, start, runs, True, nested_links)


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
    work = parse_entry(block_runs(items[0][1], depth_kept=0))
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
    return [run for run in block_runs(tokens, depth_kept=0) if run.href]


_PARAGRAPH = frozenset({"paragraph_open", "inline", "paragraph_close"})


def _is_linked_title(runs: list[Run]) -> bool:
    """Every word of the heading is the text of one link (`## [Neural Posterior Unfolding](…)`)."""
    worded = [run for run in runs if run.text.strip()]
    return bool(worded) and len({run.href for run in worded}) == 1 and worded[0].href is not None


def _next_heading(tokens: list[Token], index: int) -> int:
    return next(
        (i for i in range(index, len(tokens)) if tokens[i].type == "heading_open"), len(tokens)
    )
